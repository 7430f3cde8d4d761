// The ink of one writing surface, changed a stroke at a time and read after each change, with
// the classifier's output kept between readings (pipeline/classifier_cache.h): a pen-up
// classifies only the stroke groups it created or changed. Each reading is identical to
// read_ink() of the same ink and fixed symbols.
#pragma once
#include <vector>

#include "pipeline/classifier_cache.h"
#include "pipeline/pipeline.h"

namespace inkmath {

class InkSession {
 public:
  explicit InkSession(const Model& model) : model_(&model) {}

  // Appends a stroke; returns its index.
  int add_stroke(Stroke stroke);
  // Removes the strokes at these indices (undo, erase); the strokes after them move down.
  // Fixed symbols with a removed stroke are dropped, the others follow their strokes. Throws
  // Error on an index out of range, and then changes nothing.
  void remove_strokes(const std::vector<int>& strokes);
  // Fixes a symbol's reading; it replaces the fixed symbols that share a stroke with it. Checked
  // when the ink is read.
  void fix(SymbolTruth symbol);
  // Replaces the whole ink and the fixed symbols (a surface that sends its whole ink each time);
  // the classifier's output for the groups that stay is still reused.
  void set_ink(Ink ink, std::vector<SymbolTruth> fixed);

  // read_ink() of the current ink and fixed symbols. Throws Error as it does; the ink stays.
  Reading read(const Config& config);
  // Between readings: classifies ahead what a stroke that moves the writer's scale would need
  // (ClassifierCache::prepare), at most max_groups groups. Returns how many are left.
  int prepare(int max_groups) { return cache_.prepare(model_->classifier, max_groups); }

  const Ink& ink() const { return ink_; }
  const std::vector<SymbolTruth>& fixed() const { return fixed_; }
  const ClassifierCache& cache() const { return cache_; }

 private:
  const Model* model_;
  Ink ink_;
  std::vector<SymbolTruth> fixed_;
  ClassifierCache cache_;
};

}  // namespace inkmath
