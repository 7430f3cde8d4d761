// `inkmath context`: what scripts/fit-context fits the context tables on. For every ground-truth
// symbol with a look-alike label, its size and place among its neighbours, measured by the same
// code as recognition (refine/context.h) with the model's typical heights:
// "group,label,log_height,bottom" per line, the group its look-alike group's number. With
// --sizes: every upright symbol's "file,label,log(height)", outside scripts, to fit those heights.
#include <cmath>
#include <fstream>
#include <iomanip>
#include <iostream>

#include "cli/commands.h"
#include "ink/inkml.h"
#include "refine/context.h"
#include "segment/segment.h"

namespace inkmath::cli {

int context(const Args& args) {
  const auto files = inkml_files(args.positional);
  const std::string out = args.option("out", "");
  if (out.empty()) throw UsageError("context needs --out FILE");
  std::ofstream csv(out);
  if (!csv) throw Error(out + ": cannot write");
  csv << std::setprecision(9);
  const bool sizes = args.option("sizes", "") == "1";
  const TypicalHeights heights = load_recognizer(args).model().context.heights;
  size_t samples = 0;
  int failed = 0;
  for (const auto& path : files) {
    try {
      InkmlDocument doc = read_inkml_file(path);
      sanitize(doc.ink);
      std::vector<RecognizedSymbol> symbols;
      for (const SymbolTruth& t : doc.symbols) symbols.push_back(make_symbol(doc.ink, t.strokes, {{t.label, 1}}));
      for (size_t i = 0; i < symbols.size(); ++i) {
        if (sizes) {
          // Scripts are written smaller: a label's typical height is measured on the rows.
          const Box& b = symbols[i].box;
          const bool scripted = i < doc.scopes.size() && doc.scopes[i].find_first_of("^_?") != std::string::npos;
          if (scripted || !is_upright(b) || !(b.height() > 0)) continue;
          csv << &path - &files[0] << ',' << symbols[i].label << ',' << std::log(b.height()) << '\n';
          ++samples;
          continue;
        }
        SymbolContext c;
        const int group = look_alike_group(symbols[i].label);
        if (group < 0 || !symbol_context(symbols, i, heights, c)) continue;
        csv << group << ',' << symbols[i].label << ',' << c.log_height << ',' << c.bottom << '\n';
        ++samples;
      }
    } catch (const Error& e) {
      std::cerr << "inkmath: " << e.what() << "\n";
      ++failed;
    }
  }
  std::cerr << "inkmath: " << samples << " context samples from " << files.size() - failed << " files, " << failed
            << " failed\n";
  return 0;
}

}  // namespace inkmath::cli
