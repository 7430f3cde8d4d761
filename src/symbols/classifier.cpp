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
  const auto junk = std::find(classes_.begin(), classes_.end(), "junk");
  if (junk != classes_.end()) junk_ = int(junk - classes_.begin());
}

Eigen::MatrixXf SymbolClassifier::probabilities(const std::vector<std::vector<Stroke>>& groups,
                                                const std::vector<Surroundings>& around) const {
  if (!around.empty() && around.size() != groups.size()) throw Error("classifier: one Surroundings per group, or none");
  Eigen::MatrixXf out(classes_.size(), groups.size());
  // Groups resample to the same length unless they have more strokes than points;
  // equal lengths run as one batch.
  std::map<int, std::vector<int>> by_length;
  std::vector<Eigen::MatrixXf> feats(groups.size());
  for (size_t i = 0; i < groups.size(); ++i) {
    feats[i] = symbol_features(groups[i], features_, points_, around.empty() ? Surroundings{} : around[i]);
    by_length[int(feats[i].rows())].push_back(int(i));
  }
  for (const auto& [length, members] : by_length) {
    std::vector<Eigen::MatrixXf> batch;
    for (int i : members) batch.push_back(feats[i]);
    const Eigen::MatrixXf logits = weights_.network.forward_batch(batch);
    for (size_t j = 0; j < members.size(); ++j) out.col(members[j]) = softmax(logits.col(j));
  }
  return out;
}

std::vector<Alternative> SymbolClassifier::top(const Eigen::VectorXf& p, int k) const {
  std::vector<int> order(p.size());
  std::iota(order.begin(), order.end(), 0);
  k = std::min<int>(k, int(order.size()));
  std::partial_sort(order.begin(), order.begin() + k, order.end(), [&](int a, int b) { return p[a] > p[b]; });
  std::vector<Alternative> out;
  for (int i = 0; i < k; ++i) out.push_back({classes_[order[i]], p[order[i]]});
  return out;
}

std::vector<Alternative> SymbolClassifier::top_symbols(const Eigen::VectorXf& p, int k) const {
  std::vector<Alternative> out;
  for (const Alternative& a : top(p, k + 1))
    if (a.label != "junk" && int(out.size()) < k) out.push_back(a);
  return out;
}

}  // namespace inkmath
