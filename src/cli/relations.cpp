// `inkmath relations`: training data for the learned layout relations (structure/relations.h).
// The parser reads each file's truth symbols while following the truth layout, and every
// row-or-script decision it meets is written as "truth,feature,...": truth R, ^ or _.
#include <fstream>
#include <iostream>

#include "base/typical_heights.h"
#include "cli/commands.h"
#include "ink/inkml.h"
#include "structure/layout.h"

namespace inkmath::cli {

int relations(const Args& args) {
  const auto files = inkml_files(args.positional);
  const std::string out = args.option("out", "");
  if (out.empty()) throw UsageError("relations needs --out FILE");
  const Recognizer recognizer = load_recognizer(args);  // its layout settings and label heights
  const TypicalHeights& heights = recognizer.model().context.heights;
  std::ofstream csv(out);
  if (!csv) throw Error(out + ": cannot write");
  size_t samples = 0;
  int failed = 0, used = 0;
  for (const auto& path : files) {
    try {
      InkmlDocument doc = read_inkml_file(path);
      sanitize(doc.ink);
      if (doc.scopes.empty()) continue;  // no truth layout
      std::vector<PlacedSymbol> placed;
      for (const SymbolTruth& s : doc.symbols)
        placed.push_back({s.label, bounding_box(doc.ink, s.strokes), typical_log_height(heights, s.label)});
      LayoutTeacher teacher;
      teacher.truth = [&](int base, int t) { return base >= 0 && t >= 0 ? truth_relation(doc, base, t) : char(0); };
      parse_rows(placed, recognizer.config().layout, nullptr, &teacher);
      for (const RelationSample& s : teacher.samples) {
        csv << s.truth;
        for (float f : s.features) csv << ',' << f;
        csv << '\n';
      }
      samples += teacher.samples.size();
      ++used;
    } catch (const Error& e) {
      std::cerr << "inkmath: " << e.what() << "\n";
      ++failed;
    }
  }
  std::cerr << "inkmath: " << samples << " relation samples from " << used << " files, " << failed << " failed\n";
  return 0;
}

}  // namespace inkmath::cli
