#include "pipeline/classifier_cache.h"

#include <algorithm>

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

Eigen::MatrixXf ClassifierCache::run(std::vector<Work> work, const SymbolClassifier& classifier, long long& encoded) {
  const bool encoding_sees_around = classifier.encodings_see_surroundings();
  std::vector<std::vector<Stroke>> groups;
  std::vector<Surroundings> around;
  for (Work& w : work) groups.push_back(std::move(w.strokes)), around.push_back(w.around);
  // Known encodings reused, the others computed in one batch. (An encoding that sees the
  // surroundings is known only with its logits: none is kept then.)
  Eigen::MatrixXf encodings(classifier.network().encoding_size(), long(work.size()));
  std::vector<long> missing;
  for (size_t k = 0; k < work.size(); ++k) {
    const Eigen::VectorXf* known = encoding_sees_around ? nullptr : find(encodings_, work[k].encoding_key);
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
    for (long k : missing) new_groups.push_back(groups[k]), new_around.push_back(around[k]);
    const Eigen::MatrixXf fresh = classifier.encodings(new_groups, new_around);
    for (size_t m = 0; m < missing.size(); ++m) {
      encodings.col(missing[m]) = fresh.col(long(m));
      if (!encoding_sees_around) encodings_[work[missing[m]].encoding_key] = {fresh.col(long(m)), reading_};
    }
    encoded += long(missing.size());
  }
  const Eigen::MatrixXf logits = classifier.logits_of_encodings(encodings, groups, around);
  for (size_t k = 0; k < work.size(); ++k) logits_[std::move(work[k].logit_key)] = {logits.col(long(k)), reading_};
  return logits;
}

Eigen::MatrixXf ClassifierCache::classify(const Ink& ink, const Candidates& c, const SymbolClassifier& classifier,
                                          const EarlierInk& earlier) {
  Eigen::MatrixXf out(long(classifier.classes().size()), long(c.groups.size()));
  const std::vector<Surroundings> around = group_surroundings(ink, c, writer_scale(ink, earlier));
  const bool encoding_sees_around = classifier.encodings_see_surroundings();
  // The groups whose logits are not known: their columns and what the classifier needs.
  std::vector<long> columns;
  std::vector<Work> work;
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
    work.push_back({std::move(by_strokes), std::move(key), group_strokes(ink, c.groups[g]), around[g]});
  }
  if (c.groups.size() >= kAheadFromGroups) seen_.push_back({ink, c, earlier});
  if (columns.empty()) return out;
  const Eigen::MatrixXf logits = run(std::move(work), classifier, counts_.classified);
  for (size_t k = 0; k < columns.size(); ++k) out.col(columns[k]) = logits.col(long(k));
  return out;
}

void ClassifierCache::plan_ahead() {
  planned_ = true;
  for (const Seen& s : last_reading_) {
    // A group's strokes are the same in every scale: their bytes are made once.
    std::vector<std::string> by_strokes;
    for (const std::vector<int>& group : s.candidates.groups) by_strokes.push_back(strokes_key(s.ink, group));
    for (double scale : writer_scales_one_stroke_away(s.ink, s.earlier)) {
      const std::vector<Surroundings> around = group_surroundings(s.ink, s.candidates, scale);
      for (size_t g = 0; g < s.candidates.groups.size(); ++g) {
        std::string key = with_surroundings(by_strokes[g], around[g]);
        if (find(logits_, key)) continue;
        ahead_.push_back({by_strokes[g], std::move(key), group_strokes(s.ink, s.candidates.groups[g]), around[g]});
      }
    }
  }
  last_reading_.clear();
  // Taken from the back, in slices: the first planned first.
  std::reverse(ahead_.begin(), ahead_.end());
}

int ClassifierCache::prepare(const SymbolClassifier& classifier, int max_groups) {
  if (!planned_) plan_ahead();
  const size_t take = std::min(ahead_.size(), size_t(std::max(max_groups, 0)));
  if (take > 0) {
    std::vector<Work> slice(std::make_move_iterator(ahead_.end() - long(take)), std::make_move_iterator(ahead_.end()));
    ahead_.resize(ahead_.size() - take);
    run(std::move(slice), classifier, counts_.prepared);
  }
  return int(ahead_.size());
}

void ClassifierCache::end_reading() {
  for (Columns* columns : {&encodings_, &logits_})
    for (auto it = columns->begin(); it != columns->end();)
      it = it->second.last_used + kKeepReadings <= reading_ ? columns->erase(it) : std::next(it);
  ++reading_;
  last_reading_ = std::move(seen_);
  seen_.clear();
  ahead_.clear();
  planned_ = false;
}

void ClassifierCache::clear() {
  encodings_.clear();
  logits_.clear();
  seen_.clear();
  last_reading_.clear();
  ahead_.clear();
  planned_ = false;
}

}  // namespace inkmath
