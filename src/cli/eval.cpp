// `inkmath eval DIR`: recognition quality against each file's ground truth.
#include <algorithm>
#include <chrono>
#include <iomanip>
#include <iostream>
#include <set>
#include <sstream>

#include "cli/commands.h"
#include "ink/inkml.h"
#include "language/labels.h"
#include "language/vocabulary.h"
#include "latex/normalize.h"
#include "pipeline/pipeline.h"
#include "segment/segment.h"

namespace inkmath::cli {

namespace {

struct Totals {
  int files = 0, failed = 0, exact = 0, within1 = 0, within2 = 0;
  int truth_symbols = 0, segmented = 0, classified = 0;
  double ms = 0;
};

std::vector<RecognizedSymbol> truth_symbols(const InkmlDocument& doc) {
  std::vector<RecognizedSymbol> out;
  for (const SymbolTruth& t : doc.symbols) out.push_back(make_symbol(doc.ink, t.strokes, {{t.label, 1}}));
  return out;
}

// Truth symbols found with exactly their strokes, and of those the ones also labelled right.
void count_symbols(const InkmlDocument& doc, const std::vector<RecognizedSymbol>& found, Totals& t) {
  for (const SymbolTruth& truth : doc.symbols) {
    const std::set<int> want(truth.strokes.begin(), truth.strokes.end());
    ++t.truth_symbols;
    for (const RecognizedSymbol& s : found) {
      if (std::set<int>(s.strokes.begin(), s.strokes.end()) != want) continue;
      ++t.segmented;
      t.classified += s.label == truth.label;
      break;
    }
  }
}

double percent(int a, int b) { return b ? 100.0 * a / b : 0.0; }

// --within and --max-tokens: whether the truth is in the subset measured (a truth without
// symbols is in none).
bool selected(const Args& args, const std::vector<std::string>& truth) {
  const std::string within = args.option("within", "");
  if (!within.empty()) {
    const auto labels = reading_labels(truth);
    if (labels.empty()) return false;
    const auto allowed = vocabulary_labels(within);
    for (const auto& label : labels)
      if (std::find(allowed.begin(), allowed.end(), label) == allowed.end()) return false;
  }
  const std::string most = args.option("max-tokens", "");
  return most.empty() || int(truth.size()) <= std::stoi(most);
}

}  // namespace

int eval(const Args& args) {
  const auto files = inkml_files(args.positional);
  const bool on_truth = args.option("truth-symbols", "") == "1";
  const std::string show = args.option("show", "");
  if (!show.empty() && show != "errors" && show != "all") throw UsageError("--show expects errors or all");
  const Recognizer recognizer = load_recognizer(args);
  Totals t;
  for (const auto& path : files) {
    try {
      InkmlDocument doc = read_inkml_file(path);
      if (!selected(args, normalized_latex_tokens(doc.truth_latex))) continue;
      sanitize(doc.ink);
      std::string latex;
      if (on_truth) {
        const auto start = std::chrono::steady_clock::now();
        latex = read_symbols(recognizer.model(), doc.ink, truth_symbols(doc), recognizer.config()).latex;
        t.ms += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
      } else {
        const Recognition r = recognizer.recognize(doc.ink);
        latex = r.latex;
        t.ms += r.ms;
        count_symbols(doc, r.symbols, t);
      }
      const auto want = normalized_latex_tokens(doc.truth_latex);
      const auto got = normalized_latex_tokens(latex);
      const int distance = token_edit_distance(want, got);
      ++t.files;
      t.exact += distance == 0;
      t.within1 += distance <= 1;
      t.within2 += distance <= 2;
      if (show == "all" || (show == "errors" && distance > 0))
        std::cout << file_stem(path) << "\t" << distance << "\t" << normalize_latex(doc.truth_latex) << "\t"
                  << normalize_latex(latex) << "\n";
    } catch (const Error& e) {
      std::cerr << "inkmath: " << e.what() << "\n";
      ++t.failed;
    }
  }
  std::cout << std::fixed << std::setprecision(2) << "expressions " << t.files << "  exact " << percent(t.exact, t.files)
            << "%  <=1 error " << percent(t.within1, t.files) << "%  <=2 errors " << percent(t.within2, t.files) << "%";
  if (!on_truth)
    std::cout << "  segmentation recall " << percent(t.segmented, t.truth_symbols) << "%  classification "
              << percent(t.classified, t.segmented) << "%";
  std::cout << "  ms/expression " << (t.files ? t.ms / t.files : 0) << "  files failed " << t.failed
            << (on_truth ? "  (truth symbols)" : "") << "\n";
  return t.failed ? 1 : 0;
}

}  // namespace inkmath::cli
