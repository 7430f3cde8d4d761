// Classifier output kept between readings of ink that changes a stroke at a time. A stroke
// group's logit column depends on nothing but its strokes' points and its Surroundings (the
// writer's scale and the neighbouring strokes its place features see: features/features.h),
// so that is the key, compared byte for byte; a pen-up then classifies only the groups that
// are new or whose surroundings changed, in one batch. The classifier gives each group the same
// column whatever it is batched with (symbols/classifier.h), so a reading with the cache is
// identical to one without.
#pragma once
#include <string>
#include <unordered_map>

#include "segment/segment.h"

namespace inkmath {

class ClassifierCache {
 public:
  // classify() of segment/segment.h, with the columns known from earlier readings reused.
  Eigen::MatrixXf classify(const Ink& ink, const Candidates& c, const SymbolClassifier& classifier);
  // Ends a reading: columns no reading used in the last kKeepReadings are dropped (an undo or
  // an erase brings back groups of a few readings ago).
  void end_reading();
  void clear() { columns_.clear(); }

  struct Counts {
    long long reused = 0, classified = 0;
  };
  const Counts& counts() const { return counts_; }
  size_t size() const { return columns_.size(); }

  static constexpr long long kKeepReadings = 8;

 private:
  struct Entry {
    Eigen::VectorXf logits;
    long long last_used = 0;
  };
  std::unordered_map<std::string, Entry> columns_;
  long long reading_ = 0;
  Counts counts_;
};

}  // namespace inkmath
