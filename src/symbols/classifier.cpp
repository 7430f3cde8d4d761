#include "symbols/classifier.h"

#include <algorithm>
#include <map>
#include <numeric>

namespace inkmath {

SymbolClassifier::SymbolClassifier(const std::vector<uint8_t>& weight_bytes) : weights_(read_weights(weight_bytes)) {
  const auto& meta = weights_.meta;
  if (!meta.contains("classes") || !meta["classes"].is_array() || !meta.contains("features") ||
      !meta["features"].is_string() || !meta.contains("points") || !meta["points"].is_number_integer())
    throw Error("weights: meta lacks classes, features or points");
  for (const auto& c : meta["classes"]) {
    if (!c.is_string()) throw Error("weights: class names must be strings");
    classes_.push_back(c.get<std::string>());
  }
  features_ = feature_set_from_name(meta["features"].get<std::string>());
  points_ = meta["points"].get<int>();
  if (points_ < 2 || points_ > 1024) throw Error("weights: bad point count");
  if (int(classes_.size()) != weights_.network.output_size()) throw Error("weights: class count does not match the network");
  if (weights_.network.input_size() != feature_count(features_)) throw Error("weights: input size does not match the features");
  if (weights_.network.group_inputs > group_feature_count(features_))
    throw Error("weights: more group inputs than the features have values per group");
  // The group's size and place that the LSTM reads are the same at every point.
  weights_.network.set_steady_inputs(group_feature_count(features_) - weights_.network.group_inputs);
  const auto junk = std::find(classes_.begin(), classes_.end(), "junk");
  if (junk != classes_.end()) junk_ = int(junk - classes_.begin());
  if (meta.contains("temperature")) {
    if (!meta["temperature"].is_number() || !(meta["temperature"].get<double>() > 0.05 && meta["temperature"].get<double>() < 20))
      throw Error("weights: temperature must be a number between 0.05 and 20");
    temperature_ = meta["temperature"].get<float>();
  }
  if (meta.contains("lookalikes")) {
    if (!meta["lookalikes"].is_object()) throw Error("weights: lookalikes must map labels to label lists");
    lookalikes_.assign(classes_.size(), {});
    for (const auto& [label, similar] : meta["lookalikes"].items()) {
      const auto from = std::find(classes_.begin(), classes_.end(), label);
      if (from == classes_.end() || !similar.is_array()) throw Error("weights: lookalikes name an unknown label '" + label + "'");
      for (const auto& s : similar) {
        const auto to = s.is_string() ? std::find(classes_.begin(), classes_.end(), s.get<std::string>()) : classes_.end();
        if (to == classes_.end()) throw Error("weights: lookalikes of '" + label + "' name an unknown label");
        lookalikes_[from - classes_.begin()].push_back(int(to - classes_.begin()));
      }
    }
  }
}

namespace {

// The surroundings given for each of `groups` groups: one per group, or none (nothing known).
void check_surroundings(const std::vector<Surroundings>& around, size_t groups) {
  if (!around.empty() && around.size() != groups) throw Error("classifier: one Surroundings per group, or none");
}

Surroundings around_of(const std::vector<Surroundings>& around, size_t i) { return around.empty() ? Surroundings{} : around[i]; }

}  // namespace

bool SymbolClassifier::encodings_see_surroundings() const {
  return group_feature_count(features_) > weights_.network.group_inputs;
}

Eigen::MatrixXf SymbolClassifier::encodings(const std::vector<std::vector<Stroke>>& groups,
                                            const std::vector<Surroundings>& around) const {
  check_surroundings(around, groups.size());
  const Network& net = weights_.network;
  Eigen::MatrixXf out(net.encoding_size(), groups.size());
  // Groups resample to the same length unless they have more strokes than points;
  // equal lengths run as one batch.
  std::map<int, std::vector<int>> by_length;
  std::vector<Eigen::MatrixXf> feats(groups.size());
  const bool offline = !net.conv.empty();
  std::vector<Eigen::VectorXf> glyphs(offline ? groups.size() : 0);
  for (size_t i = 0; i < groups.size(); ++i) {
    feats[i] = symbol_features(groups[i], features_, points_, around_of(around, i),
                               offline ? &glyphs[i] : nullptr);
    by_length[int(feats[i].rows())].push_back(int(i));
  }
  for (const auto& [length, members] : by_length) {
    std::vector<Eigen::MatrixXf> batch;
    std::vector<Eigen::VectorXf> batch_glyphs;
    for (int i : members) {
      batch.push_back(feats[i]);
      if (offline) batch_glyphs.push_back(glyphs[i]);
    }
    const Eigen::MatrixXf encoded = net.encode_batch(batch, batch_glyphs);
    for (size_t j = 0; j < members.size(); ++j) out.col(members[j]) = encoded.col(long(j));
  }
  return out;
}

Eigen::MatrixXf SymbolClassifier::logits_of_encodings(const Eigen::MatrixXf& encodings,
                                                      const std::vector<std::vector<Stroke>>& groups,
                                                      const std::vector<Surroundings>& around) const {
  check_surroundings(around, groups.size());
  const Network& net = weights_.network;
  if (groups.empty()) return Eigen::MatrixXf(classes_.size(), 0);
  Eigen::MatrixXf group(net.group_inputs, long(groups.size()));
  for (size_t i = 0; i < groups.size() && net.group_inputs > 0; ++i)
    group.col(long(i)) = group_features(groups[i], features_, around_of(around, i)).tail(net.group_inputs);
  return net.head(encodings, group);
}

Eigen::MatrixXf SymbolClassifier::logits(const std::vector<std::vector<Stroke>>& groups,
                                         const std::vector<Surroundings>& around) const {
  return logits_of_encodings(encodings(groups, around), groups, around);
}

Eigen::MatrixXf SymbolClassifier::probabilities(const std::vector<std::vector<Stroke>>& groups,
                                                const std::vector<Surroundings>& around) const {
  Eigen::MatrixXf out = logits(groups, around);
  for (Eigen::Index j = 0; j < out.cols(); ++j) out.col(j) = calibrated(out.col(j));
  return out;
}

Eigen::VectorXf SymbolClassifier::calibrated(const Eigen::VectorXf& logits) const { return softmax(logits / temperature_); }

Eigen::VectorXf SymbolClassifier::uncalibrated(const Eigen::VectorXf& logits) const { return softmax(logits); }

std::vector<Alternative> SymbolClassifier::top(const Eigen::VectorXf& p, int k) const {
  std::vector<int> order(p.size());
  std::iota(order.begin(), order.end(), 0);
  k = std::min<int>(k, int(order.size()));
  std::partial_sort(order.begin(), order.begin() + k, order.end(), [&](int a, int b) { return p[a] > p[b]; });
  std::vector<Alternative> out;
  for (int i = 0; i < k; ++i) out.push_back({classes_[order[i]], p[order[i]]});
  return out;
}

std::vector<Alternative> SymbolClassifier::most_likely_symbols(const Eigen::VectorXf& p, int k) const {
  std::vector<Alternative> out;
  for (const Alternative& a : top(p, k + 1))
    if (a.label != "junk" && int(out.size()) < k) out.push_back(a);
  return out;
}

std::vector<Alternative> SymbolClassifier::top_symbols(const Eigen::VectorXf& p, int k) const {
  if (lookalikes_.empty() || k <= 1) return most_likely_symbols(p, k);
  const std::vector<Alternative> ranked = most_likely_symbols(p, int(classes_.size()));
  if (ranked.empty()) return ranked;
  const int best = int(std::find(classes_.begin(), classes_.end(), ranked[0].label) - classes_.begin());
  std::vector<Alternative> out = {ranked[0]};
  for (size_t i = 1; i < ranked.size() && int(out.size()) < k; ++i) {
    const int c = int(std::find(classes_.begin(), classes_.end(), ranked[i].label) - classes_.begin());
    const bool lookalike = std::count(lookalikes_[best].begin(), lookalikes_[best].end(), c) > 0;
    if (ranked[i].score >= kLikelyAlternative || (lookalike && ranked[i].score >= kLookalikeFloor)) out.push_back(ranked[i]);
  }
  return out;
}

}  // namespace inkmath
