// `inkmath grouping`: what scripts/fit-grouping fits the grouping model on. Each file's strokes
// are put in grouping order (segment/hypotheses.h) and every growth of a run of consecutive
// strokes by the next one, up to segmentation.max_group_strokes, is written with the features
// recognition computes (segment/grouping.h) as "joins,within,feature,...": joins 1 when all the
// strokes are one truth symbol's, within 1 when those before the new one are. With --short N,
// every run of 1 to N truth symbols, in writing order, is also written as if it were the whole
// ink: a child's answer is a few symbols, whose typical stroke size comes from those few.
#include <algorithm>
#include <fstream>
#include <iomanip>
#include <iostream>

#include "cli/commands.h"
#include "ink/inkml.h"
#include "segment/hypotheses.h"

namespace inkmath::cli {

namespace {

// Writes every growth of the runs of `order` (the grouping order of an ink's strokes, whose
// typical stroke size is `size`); returns how many.
size_t write_growths(const Ink& ink, const std::vector<int>& order, double size, const std::vector<int>& symbol_of,
                     int most, std::ostream& csv) {
  const int n = int(order.size());
  size_t samples = 0;
  for (int b = 0; b < n; ++b)
    for (int count = 1; count < most && b + count < n; ++count) {
      const int symbol = symbol_of[order[b]];
      bool within = symbol >= 0;
      for (int k = b + 1; k < b + count; ++k) within = within && symbol_of[order[k]] == symbol;
      const bool joins = within && symbol_of[order[b + count]] == symbol;
      csv << joins << ',' << within;
      for (float f : grouping_features(ink, order, b, count, size)) csv << ',' << f;
      csv << '\n';
      ++samples;
    }
  return samples;
}

// The strokes of each run of 1 to `most` truth symbols in writing order (by first stroke).
std::vector<std::vector<int>> short_inks(const std::vector<SymbolTruth>& symbols, int most) {
  std::vector<std::vector<int>> written;
  for (const SymbolTruth& t : symbols)
    if (!t.strokes.empty()) written.push_back(t.strokes);
  std::sort(written.begin(), written.end(),
            [](const std::vector<int>& a, const std::vector<int>& b) { return *std::min_element(a.begin(), a.end()) < *std::min_element(b.begin(), b.end()); });
  std::vector<std::vector<int>> inks;
  for (size_t first = 0; first < written.size(); ++first) {
    std::vector<int> strokes;
    for (size_t k = first; k < written.size() && k < first + size_t(most); ++k) {
      strokes.insert(strokes.end(), written[k].begin(), written[k].end());
      std::sort(strokes.begin(), strokes.end());
      if (strokes.size() > 1) inks.push_back(strokes);  // one stroke grows nothing
    }
  }
  return inks;
}

}  // namespace

int grouping(const Args& args) {
  const auto files = inkml_files(args.positional);
  const std::string out = args.option("out", "");
  if (out.empty()) throw UsageError("grouping needs --out FILE");
  const Recognizer recognizer = load_recognizer(args);
  const int most = recognizer.config().segmentation.limits.max_group_strokes;
  const int short_runs = int(args.number("short", 0));
  if (short_runs < 0) throw UsageError("grouping: --short must be 0 or more");
  std::ofstream csv(out);
  if (!csv) throw Error(out + ": cannot write");
  csv << std::setprecision(7);
  size_t samples = 0, symbols = 0, runs = 0;
  int failed = 0, used = 0;
  for (const auto& path : files) {
    try {
      InkmlDocument doc = read_inkml_file(path);
      sanitize(doc.ink);
      if (doc.symbols.empty()) continue;
      std::vector<int> symbol_of(doc.ink.strokes.size(), -1);
      for (size_t k = 0; k < doc.symbols.size(); ++k)
        for (int s : doc.symbols[k].strokes) symbol_of[s] = int(k);
      std::vector<int> strokes;
      for (int i = 0; i < int(doc.ink.strokes.size()); ++i)
        if (!doc.ink.strokes[i].empty()) strokes.push_back(i);
      if (strokes.empty()) continue;
      const double size = typical_stroke_size(doc.ink, strokes);
      const std::vector<int> order = grouping_order(doc.ink, strokes, size);
      const int n = int(order.size());
      samples += write_growths(doc.ink, order, size, symbol_of, most, csv);
      if (short_runs > 0)
        for (const std::vector<int>& part : short_inks(doc.symbols, short_runs)) {
          const double part_size = typical_stroke_size(doc.ink, part);
          samples += write_growths(doc.ink, grouping_order(doc.ink, part, part_size), part_size, symbol_of, most, csv);
        }
      // How many truth symbols are a run of consecutive strokes in grouping order: the most that
      // segmentation can find.
      std::vector<int> position(doc.ink.strokes.size(), -1);
      for (int k = 0; k < n; ++k) position[order[k]] = k;
      for (const SymbolTruth& t : doc.symbols) {
        int lo = n, hi = -1;
        bool placed = true;
        for (int s : t.strokes) {
          if (position[s] < 0) placed = false;
          lo = std::min(lo, position[s]), hi = std::max(hi, position[s]);
        }
        ++symbols;
        runs += placed && !t.strokes.empty() && hi - lo + 1 == int(t.strokes.size()) && int(t.strokes.size()) <= most;
      }
      ++used;
    } catch (const Error& e) {
      std::cerr << "inkmath: " << e.what() << "\n";
      ++failed;
    }
  }
  std::cerr << "inkmath: " << samples << " grouping samples from " << used << " files, " << failed << " failed; "
            << runs << " of " << symbols << " truth symbols (" << std::fixed << std::setprecision(2)
            << (symbols ? 100.0 * double(runs) / double(symbols) : 0.0)
            << "%) are runs of at most " << most << " strokes in grouping order\n";
  return 0;
}

}  // namespace inkmath::cli
