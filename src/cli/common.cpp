#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "cli/commands.h"
#include "language/vocabulary.h"

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
  const char* env = std::getenv("INKMATH_LANGUAGE");
  std::string language = args.option("language", env ? env : "");
  if (language.empty()) {
    const fs::path beside = fs::path(args.weights).parent_path() / "language.bin";
    if (fs::exists(beside)) language = beside.string();
  }
  const auto language_bytes = language.empty() || language == "none" ? std::vector<uint8_t>{} : read_file_bytes(language);
  try {
    return Recognizer(bytes, language_bytes);
  } catch (const Error& e) {
    const std::string message = e.what();
    throw Error((message.rfind("language model", 0) == 0 ? language : args.weights) + ": " + message);
  }
}

RecognizeOptions recognize_options(const Args& args) {
  RecognizeOptions options;
  const std::string vocabulary = args.option("vocabulary", "");
  if (!vocabulary.empty()) options.vocabulary = vocabulary_labels(vocabulary);
  const std::string search = args.option("language-search", "");
  if (!search.empty()) {
    std::istringstream in(search);
    char c1 = 0, c2 = 0;
    if (!(in >> options.language_weight >> c1 >> options.language_alternatives >> c2 >> options.language_min_score) ||
        c1 != ',' || c2 != ',' || options.language_alternatives < 1)
      throw UsageError("--language-search expects WEIGHT,ALTERNATIVES,MIN_SCORE (numbers)");
  }
  return options;
}

}  // namespace inkmath::cli
