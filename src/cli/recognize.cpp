#include <chrono>
#include <iomanip>
#include <iostream>

#include "cli/commands.h"
#include "ink/inkml.h"

namespace inkmath::cli {

int recognize(const Args& args) {
  const auto files = inkml_files(args.positional);
  const Recognizer recognizer = load_recognizer(args);
  RecognizeOptions options;
  options.lines = args.option("lines", "") == "1";
  int failed = 0;
  for (const auto& path : files) {
    try {
      const Recognition r = recognizer.recognize(read_inkml_file(path).ink, options);
      if (args.json) {
        nlohmann::json j = to_json(r);
        j["name"] = file_stem(path);
        std::cout << j.dump() << "\n";
      } else if (options.lines) {
        for (size_t k = 0; k < r.lines.size(); ++k) std::cout << file_stem(path) << "\t" << k + 1 << "\t" << r.lines[k].latex << "\n";
      } else {
        std::cout << file_stem(path) << "\t" << r.latex << "\n";
      }
    } catch (const Error& e) {
      // Reading errors name the file already; the ink checks ("too much ink") do not.
      const std::string message = e.what();
      const bool names_file = message.find(path) != std::string::npos;
      std::cerr << "inkmath: " << (names_file ? "" : path + ": ") << message << "\n";
      ++failed;
    }
  }
  return failed ? 1 : 0;
}

int classify(const Args& args) {
  const auto files = inkml_files(args.positional);
  const Recognizer recognizer = load_recognizer(args);
  const SymbolClassifier& classifier = recognizer.model().classifier;
  int failed = 0, total = 0, top1 = 0, top3 = 0;
  double seconds = 0;  // spent classifying, file reading excluded
  for (const auto& path : files) {
    try {
      InkmlDocument doc = read_inkml_file(path);
      sanitize(doc.ink);
      const double writer_scale = inkmath::writer_scale(doc.ink);
      const std::vector<Box> boxes = stroke_boxes(doc.ink);
      for (size_t i = 0; i < doc.symbols.size(); ++i) {
        const SymbolTruth& truth = doc.symbols[i];
        std::vector<Stroke> group;
        for (int s : truth.strokes) group.push_back(doc.ink.strokes[s]);
        // Ground-truth groups are symbols by definition: junk is not an answer here.
        const auto start = std::chrono::steady_clock::now();
        const Eigen::VectorXf p = classifier.probabilities({group}, {surroundings(doc.ink, boxes, truth.strokes, writer_scale)}).col(0);
        seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        const auto alts = classifier.most_likely_symbols(p, 3);
        ++total;
        top1 += alts[0].label == truth.label;
        for (const auto& a : alts) top3 += a.label == truth.label;
        std::cout << file_stem(path) << "\t" << i << "\t" << truth.label;
        for (const auto& a : alts) std::cout << "\t" << a.label << " " << std::fixed << std::setprecision(4) << a.score;
        // Last: what a reader is offered (the reading and its look-alike alternatives).
        std::cout << "\toffered";
        for (const auto& a : classifier.top_symbols(p, 4)) std::cout << " " << a.label;
        std::cout << "\n";
      }
    } catch (const Error& e) {
      std::cerr << "inkmath: " << e.what() << "\n";
      ++failed;
    }
  }
  std::cout << std::fixed << std::setprecision(2) << "symbols " << total << "  top-1 " << (total ? 100.0 * top1 / total : 0)
            << "%  top-3 " << (total ? 100.0 * top3 / total : 0) << "%  symbols/s " << std::setprecision(0) << (seconds > 0 ? total / seconds : 0)
            << "  files failed " << failed << "\n";
  return failed ? 1 : 0;
}

}  // namespace inkmath::cli
