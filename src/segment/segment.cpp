#include "segment/segment.h"

#include <set>

namespace inkmath {

std::vector<RecognizedSymbol> segment(const Ink& ink, const SymbolClassifier& classifier, const RecognizeOptions& options) {
  std::vector<RecognizedSymbol> out;
  std::set<int> used;
  for (const SymbolTruth& f : options.fixed) {
    RecognizedSymbol s;
    s.label = f.label;
    s.score = 1;
    s.strokes = f.strokes;
    s.box = bounding_box(ink, f.strokes);
    s.alternatives = {{f.label, 1}};
    used.insert(f.strokes.begin(), f.strokes.end());
    out.push_back(std::move(s));
  }
  std::vector<std::vector<Stroke>> groups;
  std::vector<int> ids;
  for (int i = 0; i < int(ink.strokes.size()); ++i)
    if (!ink.strokes[i].empty() && !used.count(i)) groups.push_back({ink.strokes[i]}), ids.push_back(i);
  const Eigen::MatrixXf p = classifier.probabilities(groups);
  for (size_t g = 0; g < groups.size(); ++g) {
    RecognizedSymbol s;
    s.alternatives = classifier.top(p.col(g), options.alternatives);
    s.label = s.alternatives[0].label;
    s.score = s.alternatives[0].score;
    s.strokes = {ids[g]};
    s.box = bounding_box(ink, s.strokes);
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace inkmath
