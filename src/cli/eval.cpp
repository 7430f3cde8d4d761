// `inkmath eval DIR`: recognition quality against each file's ground truth.
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include "cli/commands.h"
#include "base/median.h"
#include "ink/inkml.h"
#include "language/labels.h"
#include "language/vocabulary.h"
#include "latex/normalize.h"
#include "lines/pages.h"
#include "pipeline/pipeline.h"
#include "segment/segment.h"

namespace inkmath::cli {

namespace fs = std::filesystem;

namespace {

struct Totals {
  int files = 0, failed = 0, exact = 0, within1 = 0, within2 = 0;
  int truth_symbols = 0, segmented = 0, classified = 0;
  double ms = 0;
  size_t candidates = 0;
  int proposed = 0;  // truth symbols that are one of the candidate groups
};

std::vector<RecognizedSymbol> truth_symbols(const InkmlDocument& doc) {
  std::vector<RecognizedSymbol> out;
  for (const SymbolTruth& t : doc.symbols) out.push_back(make_symbol(doc.ink, t.strokes, {{t.label, 1}}));
  return out;
}

// The symbol of `found` with exactly the truth symbol's strokes; none when segmentation missed it.
const RecognizedSymbol* found_whole(const std::vector<RecognizedSymbol>& found, const SymbolTruth& truth) {
  const std::set<int> want(truth.strokes.begin(), truth.strokes.end());
  for (const RecognizedSymbol& s : found)
    if (std::set<int>(s.strokes.begin(), s.strokes.end()) == want) return &s;
  return nullptr;
}

bool read_right(const std::vector<RecognizedSymbol>& found, const SymbolTruth& truth) {
  const RecognizedSymbol* s = found_whole(found, truth);
  return s && s->label == truth.label;
}

// Truth symbols found with exactly their strokes, and of those the ones also labelled right.
void count_symbols(const InkmlDocument& doc, const std::vector<RecognizedSymbol>& found, Totals& t) {
  for (const SymbolTruth& truth : doc.symbols) {
    ++t.truth_symbols;
    const RecognizedSymbol* s = found_whole(found, truth);
    if (!s) continue;
    ++t.segmented;
    t.classified += s->label == truth.label;
  }
}

double percent(int a, int b) { return b ? 100.0 * a / b : 0.0; }

// What --within and --max-tokens select, read once before any file: a bad value is refused
// at the start rather than failing every file.
struct Subset {
  std::optional<std::vector<std::string>> within;  // labels a truth may use
  std::optional<long long> max_tokens;

  explicit Subset(const Args& args) {
    if (const std::string v = args.option("within", ""); !v.empty()) {
      try {
        within = vocabulary_labels(v);
      } catch (const Error& e) {
        throw UsageError(std::string("--within: ") + e.what());
      }
    }
    if (!args.option("max-tokens", "").empty()) max_tokens = args.integer("max-tokens", 0);
  }
  bool allows(const std::string& label) const {
    return !within || std::find(within->begin(), within->end(), label) != within->end();
  }
  // Whether an expression's truth (its normalized tokens) is in the subset: every label it
  // reads in V, at most N tokens. A truth without symbols is in none when V is given.
  bool selects(const std::vector<std::string>& truth) const {
    if (within) {
      const auto labels = reading_labels(truth);
      if (labels.empty() || !std::all_of(labels.begin(), labels.end(), [&](const auto& l) { return allows(l); }))
        return false;
    }
    return !max_tokens || (long long)truth.size() <= *max_tokens;
  }
};

// --earlier writer: each file is read knowing its writer's earlier ink, as a page that keeps
// a child's stroke size from their earlier answers reads (RecognizeOptions::earlier_stroke_size):
// the median typical stroke size of the writer's other files in its folder (writer_of: the
// writer valid2013's 103_em_12 names is 103_em). Files of no known writer, or of a writer with
// no other file, are read without it. Empty without the option.
std::map<std::string, double> earlier_stroke_sizes(const Args& args, const std::vector<std::string>& files) {
  const std::string how = args.option("earlier", "");
  if (how.empty()) return {};
  if (how != "writer") throw UsageError("--earlier expects writer");
  std::map<std::string, std::vector<std::pair<std::string, double>>> by_writer;
  for (const auto& path : files) {
    try {
      InkmlDocument doc = read_inkml_file(path);
      sanitize(doc.ink);
      const std::string writer = writer_of(file_stem(path));
      if (!writer.empty())
        by_writer[fs::path(path).parent_path().string() + "/" + writer].push_back({path, typical_stroke_size(doc.ink)});
    } catch (const Error&) {
      // Read again, and reported, where the file is evaluated.
    }
  }
  std::map<std::string, double> out;
  for (const auto& [writer, inks] : by_writer)
    for (const auto& [path, size] : inks) {
      std::vector<double> others;
      for (const auto& [other, other_size] : inks)
        if (other != path) others.push_back(other_size);
      if (!others.empty()) out[path] = median(std::move(others));
    }
  return out;
}

RecognizeOptions options_for(const std::map<std::string, double>& earlier, const std::string& path) {
  RecognizeOptions options;
  if (const auto it = earlier.find(path); it != earlier.end()) options.earlier_stroke_size = it->second;
  return options;
}

// --one-symbol: each truth symbol cut into its own ink and read as a user's ink is read. Read
// exactly: one symbol, with the truth's label. --within selects the symbols by their own label.
int eval_one_symbol(const Args& args, const Subset& subset, const std::vector<std::string>& files) {
  const bool show = !args.option("show", "").empty();
  const Recognizer recognizer = load_recognizer(args);
  const auto earlier = earlier_stroke_sizes(args, files);
  int symbols = 0, whole = 0, exact = 0, failed = 0;
  double ms = 0;
  for (const auto& path : files) {
    try {
      InkmlDocument doc = read_inkml_file(path);
      sanitize(doc.ink);
      for (size_t k = 0; k < doc.symbols.size(); ++k) {
        const SymbolTruth& truth = doc.symbols[k];
        if (!subset.allows(truth.label)) continue;
        Ink alone;
        for (int s : truth.strokes)
          if (!doc.ink.strokes[s].empty()) alone.strokes.push_back(doc.ink.strokes[s]);
        if (alone.strokes.empty()) continue;
        const Recognition r = recognizer.recognize(alone, options_for(earlier, path));
        ms += r.ms;
        ++symbols;
        const bool one = r.symbols.size() == 1;
        whole += one;
        exact += one && r.symbols[0].label == truth.label;
        if (show && !(one && r.symbols[0].label == truth.label)) {
          std::cout << file_stem(path) << "\t" << k << "\t" << truth.label << "\t";
          for (size_t i = 0; i < r.symbols.size(); ++i) std::cout << (i ? " " : "") << r.symbols[i].label;
          std::cout << "\n";
        }
      }
    } catch (const Error& e) {
      std::cerr << "inkmath: " << e.what() << "\n";
      ++failed;
    }
  }
  std::cout << std::fixed << std::setprecision(2) << "one-symbol inks " << symbols << "  read exactly "
            << percent(exact, symbols) << "%  kept whole " << percent(whole, symbols) << "%  ms/symbol "
            << (symbols ? ms / symbols : 0) << "  symbols/s " << std::setprecision(0) << (ms > 0 ? 1000.0 * symbols / ms : 0)
            << "  files failed " << failed << "\n";
  return failed ? 1 : 0;
}

// --as-written: what a writer sees while writing. The ink is read after each stroke, as the
// page reads it at each pen-up; a truth symbol counts as read right when the reading right
// after its last stroke has it with exactly its strokes and its label. The same count on the
// whole ink, for comparison: a symbol read wrong while written and right at the end flickers.
int eval_as_written(const Args& args, const Subset& subset, const std::vector<std::string>& files) {
  const bool show = !args.option("show", "").empty();
  const Recognizer recognizer = load_recognizer(args);
  const auto earlier = earlier_stroke_sizes(args, files);
  int symbols = 0, while_written = 0, at_end = 0, failed = 0;
  for (const auto& path : files) {
    try {
      InkmlDocument doc = read_inkml_file(path);
      if (!subset.selects(normalized_latex_tokens(doc.truth_latex))) continue;
      sanitize(doc.ink);
      const RecognizeOptions options = options_for(earlier, path);
      const Recognition whole = recognizer.recognize(doc.ink, options);
      for (size_t k = 0; k < doc.symbols.size(); ++k) {
        const SymbolTruth& truth = doc.symbols[k];
        if (truth.strokes.empty()) continue;
        const int last = *std::max_element(truth.strokes.begin(), truth.strokes.end());
        Ink written;
        written.strokes.assign(doc.ink.strokes.begin(), doc.ink.strokes.begin() + last + 1);
        const Recognition r = recognizer.recognize(written, options);
        ++symbols;
        const bool right = read_right(r.symbols, truth);
        while_written += right;
        at_end += read_right(whole.symbols, truth);
        if (show && !right) {
          std::cout << file_stem(path) << "\t" << k << "\t" << truth.label << "\t" << r.latex << "\n";
        }
      }
    } catch (const Error& e) {
      std::cerr << "inkmath: " << e.what() << "\n";
      ++failed;
    }
  }
  std::cout << std::fixed << std::setprecision(2) << "symbols " << symbols << "  read right when written "
            << percent(while_written, symbols) << "%  at the end " << percent(at_end, symbols) << "%  files failed "
            << failed << "\n";
  return failed ? 1 : 0;
}

}  // namespace

int eval(const Args& args) {
  const auto files = inkml_files(args.positional);
  const Subset subset(args);
  if (args.option("one-symbol", "") == "1") return eval_one_symbol(args, subset, files);
  if (args.option("as-written", "") == "1") return eval_as_written(args, subset, files);
  const bool on_truth = args.option("truth-symbols", "") == "1";
  const std::string show = args.option("show", "");
  if (!show.empty() && show != "errors" && show != "all") throw UsageError("--show expects errors or all");
  const Recognizer recognizer = load_recognizer(args);
  const auto earlier = earlier_stroke_sizes(args, files);
  Totals t;
  for (const auto& path : files) {
    try {
      InkmlDocument doc = read_inkml_file(path);
      if (!subset.selects(normalized_latex_tokens(doc.truth_latex))) continue;
      sanitize(doc.ink);
      std::string latex;
      if (on_truth) {
        const auto start = std::chrono::steady_clock::now();
        latex = read_symbols(recognizer.model(), doc.ink, truth_symbols(doc), recognizer.config()).latex;
        t.ms += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
      } else {
        const Recognition r = recognizer.recognize(doc.ink, options_for(earlier, path));
        latex = r.latex;
        t.ms += r.ms;
        const Config& config = recognizer.config();
        const Candidates c = candidates(doc.ink, {}, config.segmentation, &recognizer.model().grouping);
        t.candidates += c.groups.size();
        std::set<std::vector<int>> groups;
        for (std::vector<int> g : c.groups) std::sort(g.begin(), g.end()), groups.insert(g);
        for (const SymbolTruth& truth : doc.symbols) {
          std::vector<int> want = truth.strokes;
          std::sort(want.begin(), want.end());
          t.proposed += groups.count(want) > 0;
        }
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
              << percent(t.classified, t.segmented) << "%  among candidates " << percent(t.proposed, t.truth_symbols)
              << "%  candidates/expression "
              << (t.files ? double(t.candidates) / t.files : 0);
  std::cout << "  ms/expression " << (t.files ? t.ms / t.files : 0) << "  files failed " << t.failed
            << (on_truth ? "  (truth symbols)" : "") << "\n";
  return t.failed ? 1 : 0;
}

}  // namespace inkmath::cli
