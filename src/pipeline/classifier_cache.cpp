#include "pipeline/classifier_cache.h"

namespace inkmath {

namespace {

template <typename T>
void append(std::string& key, const T& value) {
  key.append(reinterpret_cast<const char*>(&value), sizeof value);
}

// A group's strokes as bytes: each stroke's points in the group's order (every channel: what
// preprocessing reads is its business).
std::string strokes_key(const Ink& ink, const std::vector<int>& group) {
  static_assert(sizeof(Point) == 4 * sizeof(double), "a point's bytes are its four channels");
  std::string key;
  for (int i : group) {
    const Stroke& s = ink.strokes[i];
    append(key, uint64_t(s.size()));
    key.append(reinterpret_cast<const char*>(s.data()), s.size() * sizeof(Point));
  }
  return key;
}

// Then the surroundings the size and place features see.
std::string with_surroundings(std::string key, const Surroundings& around) {
  append(key, around.writer_scale);
  append(key, uint8_t(around.has_neighbours));
  append(key, around.neighbour_center);
  append(key, around.neighbour_bottom);
  return key;
}

}  // namespace

const Eigen::VectorXf* ClassifierCache::find(Columns& columns, const std::string& key) {
  const auto found = columns.find(key);
  if (found == columns.end()) return nullptr;
  found->second.last_used = reading_;
  return &found->second.column;
}

Eigen::MatrixXf ClassifierCache::classify(const Ink& ink, const Candidates& c, const SymbolClassifier& classifier) {
  Eigen::MatrixXf out(long(classifier.classes().size()), long(c.groups.size()));
  const std::vector<Surroundings> around = group_surroundings(ink, c);
  const bool encoding_sees_around = classifier.encodings_see_surroundings();
  // The groups whose logits are not known: their column, keys, and strokes and surroundings.
  std::vector<long> columns;
  std::vector<std::string> logit_keys, encoding_keys;
  std::vector<std::vector<Stroke>> groups;
  std::vector<Surroundings> groups_around;
  for (size_t g = 0; g < c.groups.size(); ++g) {
    std::string by_strokes = strokes_key(ink, c.groups[g]);
    std::string key = with_surroundings(by_strokes, around[g]);
    if (const Eigen::VectorXf* known = find(logits_, key)) {
      out.col(long(g)) = *known;
      if (!encoding_sees_around) find(encodings_, by_strokes);  // still in use
      ++counts_.reused;
      continue;
    }
    columns.push_back(long(g));
    encoding_keys.push_back(std::move(by_strokes));
    logit_keys.push_back(std::move(key));
    groups.push_back(group_strokes(ink, c.groups[g]));
    groups_around.push_back(around[g]);
  }
  if (columns.empty()) return out;
  // Their encodings: known ones reused, the others computed in one batch. (An encoding that
  // sees the surroundings is known only with its logits: none is kept then.)
  Eigen::MatrixXf encodings(classifier.network().encoding_size(), long(columns.size()));
  std::vector<long> missing;
  for (size_t k = 0; k < columns.size(); ++k) {
    const Eigen::VectorXf* known = encoding_sees_around ? nullptr : find(encodings_, encoding_keys[k]);
    if (known) {
      encodings.col(long(k)) = *known;
      ++counts_.reused;
    } else {
      missing.push_back(long(k));
    }
  }
  if (!missing.empty()) {
    std::vector<std::vector<Stroke>> new_groups;
    std::vector<Surroundings> new_around;
    for (long k : missing) new_groups.push_back(groups[k]), new_around.push_back(groups_around[k]);
    const Eigen::MatrixXf fresh = classifier.encodings(new_groups, new_around);
    for (size_t m = 0; m < missing.size(); ++m) {
      encodings.col(missing[m]) = fresh.col(long(m));
      if (!encoding_sees_around) encodings_[encoding_keys[missing[m]]] = {fresh.col(long(m)), reading_};
    }
    counts_.classified += long(missing.size());
  }
  const Eigen::MatrixXf logits = classifier.logits_of_encodings(encodings, groups, groups_around);
  for (size_t k = 0; k < columns.size(); ++k) {
    out.col(columns[k]) = logits.col(long(k));
    logits_[std::move(logit_keys[k])] = {logits.col(long(k)), reading_};
  }
  return out;
}

void ClassifierCache::end_reading() {
  for (Columns* columns : {&encodings_, &logits_})
    for (auto it = columns->begin(); it != columns->end();)
      it = it->second.last_used + kKeepReadings <= reading_ ? columns->erase(it) : std::next(it);
  ++reading_;
}

}  // namespace inkmath
