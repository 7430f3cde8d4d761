#include <algorithm>
#include <filesystem>

#include "cli/commands.h"

namespace inkmath::cli {

namespace fs = std::filesystem;

std::string Args::option(const std::string& name, const std::string& fallback) const {
  for (const auto& [k, v] : options)
    if (k == name) return v;
  return fallback;
}

std::vector<std::string> inkml_files(const std::vector<std::string>& paths) {
  if (paths.empty()) throw UsageError("no input files");
  std::vector<std::string> out;
  for (const auto& p : paths) {
    if (fs::is_directory(p)) {
      std::vector<std::string> found;
      for (const auto& e : fs::recursive_directory_iterator(p))
        if (e.is_regular_file() && e.path().extension() == ".inkml") found.push_back(e.path().string());
      std::sort(found.begin(), found.end());
      out.insert(out.end(), found.begin(), found.end());
    } else {
      out.push_back(p);  // missing files are reported when read, with the others still processed
    }
  }
  return out;
}

std::string file_stem(const std::string& path) { return fs::path(path).stem().string(); }

Recognizer load_recognizer(const Args& args) {
  const auto bytes = read_file_bytes(args.weights);  // its errors name the file already
  try {
    return Recognizer(bytes);
  } catch (const Error& e) {
    throw Error(args.weights + ": " + e.what());
  }
}

}  // namespace inkmath::cli
