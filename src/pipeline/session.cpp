#include "pipeline/session.h"

#include <algorithm>

namespace inkmath {

int InkSession::add_stroke(Stroke stroke) {
  ink_.strokes.push_back(std::move(stroke));
  return int(ink_.strokes.size()) - 1;
}

void InkSession::remove_strokes(const std::vector<int>& strokes) {
  std::vector<bool> removed(ink_.strokes.size(), false);
  for (int i : strokes) {
    if (i < 0 || size_t(i) >= ink_.strokes.size())
      throw Error("cannot remove stroke " + std::to_string(i) + ": the ink has " + std::to_string(ink_.strokes.size()));
    removed[size_t(i)] = true;
  }
  // new_index[i]: where stroke i moves, -1 when removed.
  std::vector<int> new_index(ink_.strokes.size(), -1);
  Ink kept;
  for (size_t i = 0; i < ink_.strokes.size(); ++i)
    if (!removed[i]) {
      new_index[i] = int(kept.strokes.size());
      kept.strokes.push_back(std::move(ink_.strokes[i]));
    }
  ink_ = std::move(kept);
  std::vector<SymbolTruth> fixed;
  for (SymbolTruth& f : fixed_) {
    const bool whole = std::all_of(f.strokes.begin(), f.strokes.end(),
                                   [&](int i) { return i >= 0 && size_t(i) < new_index.size() && new_index[size_t(i)] >= 0; });
    if (!whole) continue;
    for (int& i : f.strokes) i = new_index[size_t(i)];
    fixed.push_back(std::move(f));
  }
  fixed_ = std::move(fixed);
}

void InkSession::fix(SymbolTruth symbol) {
  auto shares = [&](const SymbolTruth& f) {
    return std::any_of(f.strokes.begin(), f.strokes.end(),
                       [&](int i) { return std::count(symbol.strokes.begin(), symbol.strokes.end(), i) > 0; });
  };
  fixed_.erase(std::remove_if(fixed_.begin(), fixed_.end(), shares), fixed_.end());
  fixed_.push_back(std::move(symbol));
}

void InkSession::set_ink(Ink ink, std::vector<SymbolTruth> fixed) {
  ink_ = std::move(ink);
  fixed_ = std::move(fixed);
}

Reading InkSession::read(const Config& config) {
  Reading r = read_ink(*model_, ink_, fixed_, config, &cache_);
  cache_.end_reading();
  return r;
}

}  // namespace inkmath
