// Classifier output kept between readings of ink that changes a stroke at a time. A stroke
// group's encoding (what the network's LSTM makes of it: symbols/classifier.h) depends on its
// strokes' points alone, and its logits on that and its Surroundings (the writer's scale and
// the neighbouring strokes its size and place features see: features/features.h). Both are
// kept, keyed by those bytes, compared byte for byte: a pen-up encodes only the groups that are
// new, and reruns the dense layers alone for the groups whose surroundings changed. The
// classifier gives each group the same column whatever it is batched with, so a reading with
// the cache is identical to one without.
#pragma once
#include <string>
#include <unordered_map>

#include "segment/segment.h"

namespace inkmath {

class ClassifierCache {
 public:
  // classify() of segment/segment.h, with what is known from earlier readings reused.
  Eigen::MatrixXf classify(const Ink& ink, const Candidates& c, const SymbolClassifier& classifier);
  // Ends a reading: what no reading used in the last kKeepReadings is dropped (an undo or an
  // erase brings back groups of a few readings ago).
  void end_reading();
  void clear() {
    encodings_.clear();
    logits_.clear();
  }

  // Groups whose encoding was reused, and groups encoded (run through the LSTM).
  struct Counts {
    long long reused = 0, classified = 0;
  };
  const Counts& counts() const { return counts_; }

  static constexpr long long kKeepReadings = 8;

 private:
  struct Entry {
    Eigen::VectorXf column;
    long long last_used = 0;
  };
  using Columns = std::unordered_map<std::string, Entry>;
  const Eigen::VectorXf* find(Columns& columns, const std::string& key);

  Columns encodings_, logits_;
  long long reading_ = 0;
  Counts counts_;
};

}  // namespace inkmath
