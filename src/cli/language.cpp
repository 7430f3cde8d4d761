// `inkmath tokens` (the label sequences the language model reads) and `inkmath fit-language`
// (the model file's language part from such sequences): scripts/fit-language takes its data from the core this way.
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands.h"
#include "ink/inkml.h"
#include "language/labels.h"
#include "latex/normalize.h"

namespace inkmath::cli {

namespace {

std::string joined(const std::vector<std::string>& tokens) {
  std::string out;
  for (const auto& t : tokens) out += (out.empty() ? "" : " ") + t;
  return out;
}

// Calls `line` for each line of the text files named ("-": standard input).
template <typename F>
void each_line(const std::vector<std::string>& paths, F line) {
  if (paths.empty()) throw UsageError("no input files");
  for (const auto& path : paths) {
    std::ifstream file;
    if (path != "-") {
      file.open(path);
      if (!file) throw Error(path + ": cannot open file");
    }
    std::istream& in = path == "-" ? std::cin : file;
    for (std::string text; std::getline(in, text);) line(text);
  }
}

}  // namespace

int tokens(const Args& args) {
  const bool normalized = args.option("normalized", "") == "1";
  auto print = [&](const std::string& latex) {
    const auto t = normalized_latex_tokens(latex);
    return joined(normalized ? t : reading_labels(t));
  };
  if (args.option("text", "") == "1") {
    each_line(args.positional, [&](const std::string& latex) { std::cout << print(latex) << "\n"; });
    return 0;
  }
  int failed = 0;
  for (const auto& path : inkml_files(args.positional)) {
    try {
      std::cout << file_stem(path) << "\t" << print(read_inkml_file(path).truth_latex) << "\n";
    } catch (const Error& e) {
      std::cerr << "inkmath: " << e.what() << "\n";
      ++failed;
    }
  }
  return failed ? 1 : 0;
}

int fit_language(const Args& args) {
  const std::string out = args.option("out", "");
  if (out.empty()) throw UsageError("fit-language needs --out FILE");
  const int order = int(args.integer("order", 3));
  // The model predicts the labels the classifier can read; anything else is <unk>.
  std::vector<std::string> vocabulary;
  const Recognizer recognizer = load_recognizer(args);
  for (const auto& c : recognizer.model().classifier.classes())
    if (c != "junk") vocabulary.push_back(c);
  std::vector<std::vector<std::string>> sentences;
  size_t tokens = 0;
  each_line(args.positional, [&](const std::string& text) {
    std::istringstream in(text);
    std::vector<std::string> sentence;
    for (std::string t; in >> t;) sentence.push_back(t);
    if (sentence.empty()) return;
    tokens += sentence.size();
    sentences.push_back(std::move(sentence));
  });
  const LanguageModel model(order, vocabulary, sentences, {{"sentences", sentences.size()}, {"tokens", tokens}});
  const auto bytes = write_language_model(model);
  std::ofstream file(out, std::ios::binary);
  if (!file.write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size())))
    throw Error(out + ": cannot write file");
  std::cout << out << ": order " << order << ", " << sentences.size() << " sentences, " << tokens << " tokens, "
            << bytes.size() << " bytes\n";
  return 0;
}

}  // namespace inkmath::cli
