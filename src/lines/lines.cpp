#include "lines/lines.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numeric>

namespace inkmath {

namespace {

// Union-find over stroke indices; a group's root is its lowest stroke index.
struct Groups {
  std::vector<int> parent;
  explicit Groups(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  int find(int i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  }
  bool join(int a, int b) {
    a = find(a), b = find(b);
    if (a == b) return false;
    parent[std::max(a, b)] = std::min(a, b);
    return true;
  }
};

double overlap(double a0, double a1, double b0, double b1) { return std::min(a1, b1) - std::max(a0, b0); }

// The boxes of the current groups, by root.
std::vector<Box> group_boxes(Groups& g, const std::vector<int>& strokes, const std::vector<Box>& box) {
  std::vector<Box> out(g.parent.size());
  std::vector<bool> seen(g.parent.size(), false);
  for (int i : strokes) {
    const int r = g.find(i);
    out[r] = seen[r] ? merge(out[r], box[i]) : box[i];
    seen[r] = true;
  }
  return out;
}

// Box distance between two strokes: 0 when their boxes touch. Gaps sideways may count less:
// within a line symbols stand apart sideways, lines stand apart in height.
double distance(const Box& a, const Box& b, double sideways = 1) {
  const double dx = std::max({a.x0 - b.x1, b.x0 - a.x1, 0.0}), dy = std::max({a.y0 - b.y1, b.y0 - a.y1, 0.0});
  return std::hypot(sideways * dx, dy);
}

// Groups side by side and close in height are one line: a script written full size, a part
// of a line written after a wide space. Lines under one another overlap sideways.
bool join_beside(Groups& g, const std::vector<int>& present, const std::vector<Box>& box, double s, const LineParams& p) {
  bool changed = false;
  const std::vector<Box> groups = group_boxes(g, present, box);
  for (int a : present)
    for (int b : present) {
      if (a >= b || g.find(a) != a || g.find(b) != b) continue;
      const Box &i = groups[a], &j = groups[b];
      const double dx = -overlap(i.x0, i.x1, j.x0, j.x1), dy = -overlap(i.y0, i.y1, j.y0, j.y1);
      if (dx >= -p.beside_overlap * std::min(i.width(), j.width()) && dx <= p.space * s && dy <= p.rise * s)
        changed |= g.join(a, b);
    }
  return changed;
}

// A flat stroke with tall ink close above and below it, each narrower than the stroke, is a
// fraction bar: its numerator and denominator are one line. A minus or an = between two
// lines has whole lines above and below it, wider than itself.
bool join_fractions(Groups& g, const std::vector<int>& present, const std::vector<int>& tall, const std::vector<Box>& box,
                    double s, const LineParams& p) {
  bool changed = false;
  const std::vector<Box> groups = group_boxes(g, present, box);  // as the pass began
  for (int b : present) {
    const Box& bar = box[b];
    if (bar.width() < 0.4 * s || bar.height() > 0.35 * bar.width()) continue;
    int above = -1, below = -1;
    double gap_above = p.bar_gap * s, gap_below = p.bar_gap * s;
    for (int u : tall) {
      const Box& o = box[u];
      if (u == b || o.cx() < bar.x0 || o.cx() > bar.x1) continue;
      if (o.y1 <= bar.cy() && bar.y0 - o.y1 <= gap_above) above = u, gap_above = bar.y0 - o.y1;
      if (o.y0 >= bar.cy() && o.y0 - bar.y1 <= gap_below) below = u, gap_below = o.y0 - bar.y1;
    }
    if (above < 0 || below < 0 || g.find(above) == g.find(below)) continue;
    // Hand-drawn bars are often short: numerator and denominator may reach a little past.
    const double margin = 0.25 * bar.width() + 0.5 * s;
    auto within = [&](int u) {
      const Box& o = groups[g.find(u)];
      return o.x0 >= bar.x0 - margin && o.x1 <= bar.x1 + margin;
    };
    // The bar's own line may be anything (x = a/b); what it would bring in must fit over or
    // under it.
    const int own = g.find(b);
    if ((g.find(above) == own || within(above)) && (g.find(below) == own || within(below))) {
      changed |= g.join(b, above);
      changed |= g.join(b, below);
    }
  }
  return changed;
}

// A group much lower than a tall stroke just above or below it, and not much wider, is a
// limit of a big operator (a sum, lim, an integral) or a script: it joins that stroke's line.
// A line under a line is as tall as the symbols above it, or far wider than one of them.
bool join_limits(Groups& g, const std::vector<int>& present, const std::vector<int>& tall, const std::vector<Box>& box,
                 double s, const LineParams& p) {
  bool changed = false;
  const std::vector<Box> groups = group_boxes(g, present, box);
  for (int r : present) {
    if (g.find(r) != r) continue;
    const Box& c = groups[r];
    int nearest = -1;
    double best = p.limit_gap * s;
    for (int u : tall) {
      if (g.find(u) == r) continue;
      const Box& o = box[u];
      if (overlap(c.x0, c.x1, o.x0, o.x1) <= 0) continue;
      const double gap = std::max(o.y0 - c.y1, c.y0 - o.y1);
      if (gap >= 0 && gap <= best) nearest = u, best = gap;
    }
    if (nearest < 0) continue;
    const Box& o = box[nearest];
    if (c.height() <= p.limit * o.height() && c.width() <= 2 * o.width() + s) changed |= g.join(r, nearest);
  }
  return changed;
}

// A page's strokes and the groups they are joined into so far.
struct Page {
  std::vector<int> present, tall;
  std::vector<Box> box;
  double s = 1;
  Groups g;
  explicit Page(size_t n) : g(n) {}
};

// The rules: chains of tall strokes, close ink, fractions, scripts and limits, fragments.
void join_by_rules(Page& page, const Ink& ink, const std::vector<std::vector<int>>& together, const LineParams& p) {
  const int n = int(ink.strokes.size());
  std::vector<int>& present = page.present;
  for (int i = 0; i < n; ++i)
    if (!ink.strokes[i].empty()) present.push_back(i);
  if (present.empty()) return;
  page.s = typical_stroke_size(ink, present);
  page.box = stroke_boxes(ink);
  const double s = page.s;
  const std::vector<Box>& box = page.box;
  Groups& g = page.g;
  for (const auto& t : together) {
    int first = -1;
    for (int i : t) {
      if (i < 0 || i >= n || ink.strokes[i].empty()) continue;
      if (first < 0) first = i;
      g.join(first, i);
    }
  }

  // Tall strokes (the body of letters and digits, brackets, roots) make the lines; small
  // ones (scripts, dots, bars, the strokes of + and =) join the line they are nearest later.
  std::vector<int>& tall = page.tall;
  std::vector<int> small;
  for (int i : present) (box[i].height() >= p.tall * s ? tall : small).push_back(i);
  if (tall.empty()) tall.swap(small);

  // Strokes whose heights overlap, close sideways, chain into lines, where at least one of
  // the two is tall: a slanted line chains along its slope, the bars of = and - chain the
  // symbols on either side, and a stroke as tall as two lines (a long bracket) joins them.
  std::vector<bool> is_tall(n, false);
  for (int i : tall) is_tall[i] = true;
  for (size_t a = 0; a < present.size(); ++a)
    for (size_t b = a + 1; b < present.size(); ++b) {
      if (!is_tall[present[a]] && !is_tall[present[b]]) continue;
      const Box &i = box[present[a]], &j = box[present[b]];
      const double dy = overlap(i.y0, i.y1, j.y0, j.y1);
      if (dy >= p.overlap * std::min(i.height(), j.height()) && -overlap(i.x0, i.x1, j.x0, j.x1) <= p.reach * s)
        g.join(present[a], present[b]);
    }
  // Ink this close is one line, in whatever direction: a script, a prime, a limit, an accent.
  for (size_t a = 0; a < present.size(); ++a)
    for (size_t b = a + 1; b < present.size(); ++b)
      if (distance(box[present[a]], box[present[b]]) <= p.near * s) g.join(present[a], present[b]);
  // Fractions, scripts and limits join their lines; a join can enable another (a nested
  // fraction). Each pass costs n^2, so passes are bounded.
  for (int pass = 0; pass < 16; ++pass)
    if (!join_fractions(g, present, tall, box, s, p) && !join_beside(g, present, box, s, p) && !join_limits(g, present, tall, box, s, p)) break;

  // What is still narrower than a line (a script floating high, a limit, a numerator whose bar
  // was not found) joins the group nearest to it, nearest first, when that is close: single
  // linkage over groups, O(m^2) for m groups.
  {
    std::vector<int> roots;
    std::vector<int> index(n, -1);
    for (int i : present)
      if (g.find(i) == i) index[i] = int(roots.size()), roots.push_back(i);
    const size_t m = roots.size();
    std::vector<Box> groups = group_boxes(g, present, box);
    std::vector<double> d(m * m, std::numeric_limits<double>::max());
    // Only tall strokes count (a dot in the gap between two lines must not link them), and
    // only close sideways (a slanted line passes near the next one far to its side).
    for (size_t a = 0; a < tall.size(); ++a)
      for (size_t b = a + 1; b < tall.size(); ++b) {
        const int i = index[g.find(tall[a])], j = index[g.find(tall[b])];
        const Box &u = box[tall[a]], &v = box[tall[b]];
        if (i == j || -overlap(u.x0, u.x1, v.x0, v.x1) > p.fragment_reach * s) continue;
        const double dist = distance(u, v, p.sideways);
        d[i * m + j] = d[j * m + i] = std::min(d[i * m + j], dist);
      }
    std::vector<bool> alive(m, true);
    std::vector<Box> gb(m);
    for (size_t i = 0; i < m; ++i) gb[i] = groups[roots[i]];
    for (;;) {
      size_t from = m, to = m;
      double best = p.attach * s;
      for (size_t i = 0; i < m; ++i) {
        if (!alive[i] || gb[i].width() >= p.fragment * s) continue;
        for (size_t j = 0; j < m; ++j)
          if (j != i && alive[j] && d[i * m + j] <= best) best = d[i * m + j], from = i, to = j;
      }
      if (from == m) break;
      g.join(roots[from], roots[to]);
      alive[from] = false;
      gb[to] = merge(gb[to], gb[from]);
      for (size_t k = 0; k < m; ++k) d[to * m + k] = d[k * m + to] = std::min(d[to * m + k], d[from * m + k]);
    }
  }
}

// What the learned decision knows of a group.
struct Group {
  Box box, tall_box;
  bool has_tall = false;
  int strokes = 0;
};

Group joined(const Group& a, const Group& b) {
  Group out{inkmath::merge(a.box, b.box), a.tall_box, a.has_tall || b.has_tall, a.strokes + b.strokes};
  if (!a.has_tall) out.tall_box = b.tall_box;
  else if (b.has_tall) out.tall_box = inkmath::merge(a.tall_box, b.tall_box);
  return out;
}

// Groups further apart than this (nearest strokes, in stroke sizes) are never one line.
constexpr double kCandidate = 3.0;

std::array<double, kPairFeatures> pair_features(const Group& a, const Group& b, double nearest, double s) {
  const Group &upper = a.box.cy() <= b.box.cy() ? a : b, &lower = &upper == &a ? b : a;
  const Group &narrow = a.box.width() <= b.box.width() ? a : b, &wide = &narrow == &a ? b : a;
  auto clamp = [](double v, double lo, double hi) { return std::min(std::max(v, lo), hi); };
  auto share = [&clamp](double lo, double hi, double in0, double in1) {
    return hi > lo ? clamp((std::min(hi, in1) - std::max(lo, in0)) / (hi - lo), 0, 1) : (lo >= in0 && lo <= in1 ? 1 : 0);
  };
  const double gap = (lower.box.y0 - upper.box.y1) / s;
  const double tall_gap = upper.has_tall && lower.has_tall ? (lower.tall_box.y0 - upper.tall_box.y1) / s : gap;
  return {1,
          clamp(gap, -4, 4),
          clamp(nearest / s, 0, kCandidate),
          clamp(-overlap(a.box.x0, a.box.x1, b.box.x0, b.box.x1) / s, -8, 8),
          std::log(narrow.box.width() / s + 0.1),
          std::log(wide.box.width() / s + 0.1),
          std::log(narrow.box.height() / s + 0.1),
          std::log(wide.box.height() / s + 0.1),
          share(narrow.box.y0, narrow.box.y1, wide.box.y0, wide.box.y1),
          share(narrow.box.x0, narrow.box.x1, wide.box.x0, wide.box.x1),
          clamp(tall_gap, -4, 4),
          std::log(double(narrow.strokes))};
}

double merge_score(const std::array<double, kPairFeatures>& f, const LineParams::Merge& w) {
  const double weights[kPairFeatures] = {w.bias,        w.gap,           w.nearest,     w.beside,
                                         w.narrow_width, w.wide_width,   w.narrow_height, w.wide_height,
                                         w.inside_height, w.inside_width, w.tall_gap,    w.narrow_strokes};
  double sum = 0;
  for (int k = 0; k < kPairFeatures; ++k) sum += weights[k] * f[k];
  return sum;
}

// The groups the rules left and, for each pair within kCandidate, the distance between their
// nearest strokes.
struct Candidates {
  std::vector<int> roots;
  std::vector<Group> groups;
  std::vector<double> nearest;  // m x m
};

Candidates candidates(Page& page) {
  Candidates c;
  const size_t n = page.box.size();
  std::vector<int> index(n, -1);
  std::vector<bool> is_tall(n, false);
  for (int i : page.tall) is_tall[i] = true;
  for (int i : page.present) {
    const int r = page.g.find(i);
    if (index[r] < 0) index[r] = int(c.roots.size()), c.roots.push_back(r), c.groups.push_back({page.box[i], page.box[i], false, 0});
    Group& grp = c.groups[index[r]];
    grp.box = merge(grp.box, page.box[i]);
    ++grp.strokes;
    if (is_tall[i]) grp.tall_box = grp.has_tall ? merge(grp.tall_box, page.box[i]) : page.box[i], grp.has_tall = true;
  }
  const size_t m = c.roots.size();
  c.nearest.assign(m * m, std::numeric_limits<double>::max());
  for (size_t a = 0; a < page.present.size(); ++a)
    for (size_t b = a + 1; b < page.present.size(); ++b) {
      const int u = page.present[a], v = page.present[b];
      const int i = index[page.g.find(u)], j = index[page.g.find(v)];
      if (i == j) continue;
      const double d = distance(page.box[u], page.box[v]);
      if (d < c.nearest[i * m + j]) c.nearest[i * m + j] = c.nearest[j * m + i] = d;
    }
  return c;
}

// Groups without a tall stroke (a dot, a bar) are left to the nearest line: a dot in the gap
// between two lines must not bring them together.
bool asked(const Candidates& c, size_t i, size_t j, double far) {
  return c.groups[i].has_tall && c.groups[j].has_tall && c.nearest[i * c.roots.size() + j] <= far;
}

// Joins the pair of groups the learned model is surest of, while it says one line (average
// linkage would need the strokes again; the nearest distance of a joined group is the smaller
// of its parts'). O(m^2) features and O(m^3) comparisons for m groups.
void join_learned(Page& page, const LineParams& p) {
  const LineParams::Merge& w = p.merge;
  Candidates c = candidates(page);
  const size_t m = c.roots.size();
  const double far = kCandidate * page.s;
  std::vector<double> score(m * m, -1);
  auto rescore = [&](size_t i, size_t j) {
    score[i * m + j] = score[j * m + i] =
        asked(c, i, j, far) ? merge_score(pair_features(c.groups[i], c.groups[j], c.nearest[i * m + j], page.s), w) : -1;
  };
  for (size_t i = 0; i < m; ++i)
    for (size_t j = i + 1; j < m; ++j) rescore(i, j);
  std::vector<bool> alive(m, true);
  for (;;) {
    size_t from = m, to = m;
    double best = 0;
    for (size_t i = 0; i < m; ++i)
      for (size_t j = i + 1; alive[i] && j < m; ++j)
        if (alive[j] && score[i * m + j] > best) best = score[i * m + j], from = j, to = i;
    if (from == m) break;
    page.g.join(c.roots[from], c.roots[to]);
    alive[from] = false;
    c.groups[to] = joined(c.groups[to], c.groups[from]);
    for (size_t k = 0; k < m; ++k) {
      c.nearest[to * m + k] = c.nearest[k * m + to] = std::min(c.nearest[to * m + k], c.nearest[from * m + k]);
      score[from * m + k] = score[k * m + from] = -1;
    }
    for (size_t k = 0; k < m; ++k)
      if (alive[k] && k != to) rescore(to, k);
  }
}

}  // namespace

std::vector<GroupPair> undecided_pairs(const Ink& ink, const LineParams& p) {
  Page page(ink.strokes.size());
  join_by_rules(page, ink, {}, p);
  Candidates c = candidates(page);
  const size_t m = c.roots.size();
  std::vector<std::vector<int>> strokes(m);
  for (int i : page.present)
    for (size_t k = 0; k < m; ++k)
      if (page.g.find(i) == c.roots[k]) strokes[k].push_back(i);
  std::vector<GroupPair> out;
  for (size_t i = 0; i < m; ++i)
    for (size_t j = i + 1; j < m; ++j)
      if (asked(c, i, j, kCandidate * page.s))
        out.push_back({strokes[i], strokes[j], pair_features(c.groups[i], c.groups[j], c.nearest[i * m + j], page.s)});
  return out;
}

std::vector<InkLine> split_lines(const Ink& ink, const std::vector<std::vector<int>>& together, const LineParams& p) {
  const int n = int(ink.strokes.size());
  Page page(n);
  join_by_rules(page, ink, together, p);
  if (page.present.empty()) return {};
  join_learned(page, p);
  const std::vector<int>& present = page.present;
  const std::vector<int>& tall = page.tall;
  const std::vector<Box>& box = page.box;
  Groups& g = page.g;

  // Groups without a tall stroke (a lone script, a dot, the bars of an = written apart) join
  // the nearest line, nearest first, so that a script of several small strokes joins its base
  // through its nearest stroke (Prim's order: n^2).
  std::vector<bool> anchored(n, false), placed(n, false);
  for (int u : tall) anchored[g.find(u)] = true;
  std::vector<double> best(n, std::numeric_limits<double>::max());
  std::vector<int> nearest(n, -1);
  auto place = [&](int from) {
    placed[from] = true;
    for (int t : present)
      if (!placed[t] && !anchored[g.find(t)] && distance(box[t], box[from]) < best[t])
        best[t] = distance(box[t], box[from]), nearest[t] = from;
  };
  for (int i : present)
    if (anchored[g.find(i)]) place(i);
  for (;;) {
    int next = -1;
    for (int t : present)
      if (!placed[t] && !anchored[g.find(t)] && nearest[t] >= 0 && (next < 0 || best[t] < best[next])) next = t;
    if (next < 0) break;
    g.join(next, nearest[next]);
    anchored[g.find(next)] = true;
    for (int t : present)  // the strokes of the group just joined
      if (!placed[t] && anchored[g.find(t)]) place(t);
  }

  std::vector<InkLine> lines;
  std::vector<int> line_of(n, -1);
  for (int i : present) {
    const int r = g.find(i);
    if (line_of[r] < 0) {
      line_of[r] = int(lines.size());
      lines.push_back({{}, box[i]});
    }
    InkLine& line = lines[line_of[r]];
    line.strokes.push_back(i);
    line.box = merge(line.box, box[i]);
  }
  std::stable_sort(lines.begin(), lines.end(), [](const InkLine& a, const InkLine& b) { return a.box.cy() < b.box.cy(); });
  return lines;
}

}  // namespace inkmath
