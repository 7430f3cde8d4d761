#include <algorithm>
#include <cmath>
#include <filesystem>
#include <optional>

#include "cli/commands.h"
#include "language/vocabulary.h"

namespace inkmath::cli {

namespace fs = std::filesystem;

std::string Args::option(const std::string& name, const std::string& fallback) const {
  for (const auto& [k, v] : options)
    if (k == name) return v;
  return fallback;
}

double parse_number(const std::string& text, const std::string& option) {
  try {
    size_t used = 0;
    const double value = std::stod(text, &used);
    if (used == text.size()) return value;
  } catch (const std::exception&) {
  }
  throw UsageError("--" + option + ": '" + text + "' is not a number");
}

double Args::number(const std::string& name, double fallback) const {
  const std::string text = option(name, "");
  return text.empty() ? fallback : parse_number(text, name);
}

long long Args::integer(const std::string& name, long long fallback) const {
  const double value = number(name, double(fallback));
  if (value != std::floor(value) || std::abs(value) > 9e15) throw UsageError("--" + name + ": a whole number is needed");
  return (long long)value;
}

std::vector<std::string> Args::all(const std::string& name) const {
  std::vector<std::string> out;
  for (const auto& [k, v] : options)
    if (k == name) out.push_back(v);
  return out;
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
  std::optional<Recognizer> recognizer;
  try {
    recognizer.emplace(bytes);
  } catch (const Error& e) {
    throw Error(args.weights + ": " + e.what());
  }
  Config config = recognizer->config();
  const std::string file = args.option("config", "");
  if (!file.empty()) {
    const auto text = read_file_bytes(file, 1 << 20);
    try {
      apply_config_json(config, std::string(text.begin(), text.end()));
    } catch (const Error& e) {
      throw UsageError(file + ": " + e.what());
    }
  }
  for (const std::string& s : args.all("set")) {
    const size_t eq = s.find('=');
    if (eq == std::string::npos) throw UsageError("--set expects NAME=VALUE, not '" + s + "'");
    try {
      set_config(config, s.substr(0, eq), s.substr(eq + 1));
    } catch (const Error& e) {
      throw UsageError(e.what());
    }
  }
  const std::string vocabulary = args.option("vocabulary", "");
  if (!vocabulary.empty()) config.language.vocabulary = vocabulary_labels(vocabulary);
  recognizer->set_config(config);
  return std::move(*recognizer);
}

}  // namespace inkmath::cli
