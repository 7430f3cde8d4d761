#include "pipeline/classifier_cache.h"

namespace inkmath {

namespace {

template <typename T>
void append(std::string& key, const T& value) {
  key.append(reinterpret_cast<const char*>(&value), sizeof value);
}

// Everything classify() feeds the classifier for one group, as bytes: each stroke's points in
// the group's order (every channel: what preprocessing reads is its business), then the
// surroundings the features see.
std::string group_key(const Ink& ink, const std::vector<int>& group, const Surroundings& around) {
  std::string key;
  for (int i : group) {
    const Stroke& s = ink.strokes[i];
    append(key, uint64_t(s.size()));
    key.append(reinterpret_cast<const char*>(s.data()), s.size() * sizeof(Point));
  }
  append(key, around.writer_scale);
  append(key, uint8_t(around.has_neighbours));
  append(key, around.neighbour_center);
  append(key, around.neighbour_bottom);
  return key;
}

}  // namespace

Eigen::MatrixXf ClassifierCache::classify(const Ink& ink, const Candidates& c, const SymbolClassifier& classifier) {
  static_assert(sizeof(Point) == 4 * sizeof(double), "a point's bytes are its four channels");
  const long rows = long(classifier.classes().size());
  Eigen::MatrixXf out(rows, long(c.groups.size()));
  const std::vector<Surroundings> around = group_surroundings(ink, c);
  Candidates missing;
  std::vector<Surroundings> missing_around;
  std::vector<std::pair<long, std::string>> filled;  // (column, key) of each missing group
  for (size_t g = 0; g < c.groups.size(); ++g) {
    std::string key = group_key(ink, c.groups[g], around[g]);
    const auto found = columns_.find(key);
    if (found != columns_.end()) {
      out.col(long(g)) = found->second.logits;
      found->second.last_used = reading_;
      ++counts_.reused;
    } else {
      missing.groups.push_back(c.groups[g]);
      missing_around.push_back(around[g]);
      filled.emplace_back(long(g), std::move(key));
    }
  }
  if (filled.empty()) return out;
  const Eigen::MatrixXf fresh = inkmath::classify(ink, missing, missing_around, classifier);
  for (size_t k = 0; k < filled.size(); ++k) {
    out.col(filled[k].first) = fresh.col(long(k));
    columns_[std::move(filled[k].second)] = {fresh.col(long(k)), reading_};
  }
  counts_.classified += long(filled.size());
  return out;
}

void ClassifierCache::end_reading() {
  for (auto it = columns_.begin(); it != columns_.end();)
    it = it->second.last_used + kKeepReadings <= reading_ ? columns_.erase(it) : std::next(it);
  ++reading_;
}

}  // namespace inkmath
