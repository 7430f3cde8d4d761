// `inkmath grouping`: what scripts/fit-grouping fits the grouping model on. Each file's strokes
// are put in grouping order (segment/hypotheses.h) and every growth of a run of consecutive
// strokes by the next one, up to segmentation.max_group_strokes, is written with the features
// recognition computes (segment/grouping.h) as "joins,within,feature,...": joins 1 when all the
// strokes are one truth symbol's, within 1 when those before the new one are.
#include <algorithm>
#include <fstream>
#include <iomanip>
#include <iostream>

#include "cli/commands.h"
#include "ink/inkml.h"
#include "segment/hypotheses.h"

namespace inkmath::cli {

int grouping(const Args& args) {
  const auto files = inkml_files(args.positional);
  const std::string out = args.option("out", "");
  if (out.empty()) throw UsageError("grouping needs --out FILE");
  const Recognizer recognizer = load_recognizer(args);
  const int most = recognizer.config().segmentation.limits.max_group_strokes;
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
      for (int b = 0; b < n; ++b)
        for (int count = 1; count < most && b + count < n; ++count) {
          const int symbol = symbol_of[order[b]];
          bool within = symbol >= 0;
          for (int k = b + 1; k < b + count; ++k) within = within && symbol_of[order[k]] == symbol;
          const bool joins = within && symbol_of[order[b + count]] == symbol;
          csv << joins << ',' << within;
          for (float f : grouping_features(doc.ink, order, b, count, size)) csv << ',' << f;
          csv << '\n';
          ++samples;
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
