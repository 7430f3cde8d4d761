#include "structure/layout.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <set>
#include <utility>

#include "base/geometry.h"
#include "base/median.h"
#include "base/symbol.h"
#include "structure/symbol_kind.h"

namespace inkmath {

namespace {

// A symbol, or a structure already grouped (a fraction, a root, a big operator with its limits).
struct Unit {
  LayoutNode node;
  Box box;
  std::string label;  // the anchor symbol's label, or "\\frac"
  double log_height = 0;  // a symbol's PlacedSymbol::log_height; 0 for a fraction or a root
  std::vector<int> sub, sup;  // symbols claimed as limits, parsed later
};

bool is_big_operator(const std::string& label) {
  return label == "\\sum" || label == "\\prod" || label == "\\int" || label == "\\lim";
}

bool is_relation(const std::string& label) {
  static const std::set<std::string> relations = {"=", "\\neq", "\\leq", "\\geq", "\\lt", "\\gt", "<", ">",
                                                  "\\in", "\\rightarrow", "\\approx", "\\sim"};
  return relations.count(label) > 0;
}

// The brackets the layout pairs: an opening one takes no scripts, and a closing one belongs
// where its opening one is.
const std::pair<const char*, const char*> kBrackets[] = {{"(", ")"}, {"[", "]"}, {"\\{", "\\}"}};

bool is_opening_bracket(const std::string& label) {
  for (const auto& brackets : kBrackets)
    if (label == brackets.first) return true;
  return false;
}

class Parser {
 public:
  Parser(const std::vector<PlacedSymbol>& s, const LayoutParams& p, const RelationModel* relations, LayoutTeacher* teacher)
      : s_(s), p_(p), relations_(relations), teacher_(teacher) {}

  LayoutRow parse(const std::vector<int>& ids, double parent_xheight) {
    if (ids.empty()) return {};
    if (depth_ >= kMaxDepth) return flat_row(ids);
    struct Deeper {
      int& depth;
      explicit Deeper(int& d) : depth(++d) {}
      ~Deeper() { --depth; }
    } deeper(depth_);
    const double xh = typical_xheight(ids, parent_xheight);
    std::set<int> free(ids.begin(), ids.end());
    std::vector<Unit> units = group_structures(ids, free, xh);
    for (int i : free) units.push_back(symbol_unit(i));
    std::sort(units.begin(), units.end(), [](const Unit& a, const Unit& b) { return a.box.x0 < b.box.x0; });
    return link_baseline(units, xh);
  }

  // The sum of ln P of the learned relation decisions the parses so far took.
  double log_probability() const { return log_probability_; }

 private:
  double typical_xheight(const std::vector<int>& ids, double fallback) const {
    std::vector<double> estimates, heights;
    for (int i : ids) {
      const SymbolKind k = symbol_kind(s_[i].label);
      heights.push_back(s_[i].box.height());
      if (k == SymbolKind::Small || k == SymbolKind::Ascender || k == SymbolKind::Descender || k == SymbolKind::Both)
        estimates.push_back(line_estimate(s_[i].label, s_[i].box, 0).xheight);
    }
    double xh = median(estimates);
    if (xh <= 0) xh = fallback > 0 ? fallback : 0.6 * median(heights);
    return xh > 0 ? xh : 1;
  }

  Unit symbol_unit(int i) const {
    Unit u;
    u.node.symbol = i;
    u.box = s_[i].box;
    u.label = s_[i].label;
    u.log_height = s_[i].log_height;
    return u;
  }

  // What a structure can claim: a free symbol, or a structure built before it (narrower).
  struct Piece {
    Box box;
    int symbol = -1;  // a free symbol, or
    int unit = -1;    // an index into the structures built so far
  };

  std::vector<Piece> pieces(const std::set<int>& free, const std::vector<Unit>& units, int anchor) const {
    std::vector<Piece> out;
    for (int i : free)
      if (i != anchor) out.push_back({s_[i].box, i, -1});
    for (int u = 0; u < int(units.size()); ++u) out.push_back({units[u].box, -1, u});
    return out;
  }

  // Removes the claimed pieces from `free` and `units`.
  static void claim(const std::vector<Piece>& claimed, std::set<int>& free, std::vector<Unit>& units) {
    std::vector<int> gone;
    for (const Piece& p : claimed) {
      if (p.symbol >= 0) free.erase(p.symbol);
      else gone.push_back(p.unit);
    }
    std::sort(gone.rbegin(), gone.rend());
    for (int u : gone) units.erase(units.begin() + u);
  }

  // Fraction bars, roots and big operators claim what they span, widest first, so that an outer
  // fraction takes an inner one whole; a structure built earlier (a wide root in a narrower
  // fraction's denominator) is claimed whole as well.
  std::vector<Unit> group_structures(const std::vector<int>& ids, std::set<int>& free, double xh) {
    std::vector<int> anchors;
    for (int i : ids)
      if (s_[i].label == "-" || s_[i].label == "\\sqrt" || is_big_operator(s_[i].label)) anchors.push_back(i);
    std::stable_sort(anchors.begin(), anchors.end(),
                     [&](int a, int b) { return s_[a].box.width() > s_[b].box.width(); });
    std::vector<Unit> units;
    for (int a : anchors) {
      if (!free.count(a)) continue;
      const std::string& label = s_[a].label;
      if (label == "-") {
        if (auto u = fraction(a, free, units, xh); u.node.symbol >= 0) units.push_back(std::move(u));
      } else if (label == "\\sqrt") {
        Unit u = root(a, free, units, xh);
        units.push_back(std::move(u));
      } else {
        Unit u = big_operator(a, free, units);
        units.push_back(std::move(u));
      }
    }
    return units;
  }

  bool ends_with_operator(const std::vector<Piece>& row) const {
    const Piece* last = &row[0];
    for (const Piece& p : row)
      if (p.box.x1 > last->box.x1) last = &p;
    return last->symbol >= 0 && symbol_kind(s_[last->symbol].label) == SymbolKind::Operator;
  }

  // Pieces that continue a row sideways (the 2 of v^2 past the end of a fraction bar):
  // level with the row, close to it, and on the row's side of the anchor.
  template <class Side>
  void grow_row(std::vector<Piece>& row, const std::vector<Piece>& all, double reach, Side on_side) const {
    Box extent = row[0].box;
    for (const Piece& p : row) extent = merge(extent, p.box);
    std::vector<bool> taken(all.size(), false);
    for (size_t k = 0; k < all.size(); ++k)
      for (const Piece& p : row) taken[k] = taken[k] || (p.symbol == all[k].symbol && p.unit == all[k].unit);
    for (bool grew = true; grew;) {
      grew = false;
      for (size_t k = 0; k < all.size(); ++k) {
        const Box& t = all[k].box;
        if (taken[k]) continue;
        const double gap = std::max(t.x0 - extent.x1, extent.x0 - t.x1);
        const bool level = t.cy() > extent.y0 && t.cy() < extent.y1;
        // A row does not end with an operator: what follows one may be twice as far.
        const double r = t.x0 >= extent.x1 && ends_with_operator(row) ? 2 * reach : reach;
        if (level && on_side(t) && gap < r) {
          row.push_back(all[k]);
          taken[k] = true;
          extent = merge(extent, t);
          grew = true;
        }
      }
    }
  }

  Unit fraction(int bar, std::set<int>& free, std::vector<Unit>& units, double xh) {
    const Box& b = s_[bar].box;
    const auto all = pieces(free, units, bar);
    std::vector<Piece> above, below;
    for (const Piece& p : all) {
      const Box& t = p.box;
      if (!in_bar_column(b, t)) continue;
      if (t.cy() < b.cy()) above.push_back(p);
      else below.push_back(p);
    }
    if (above.empty() || below.empty()) return {};
    // A numerator or denominator goes on past the bar's ends as far as the space between two
    // symbols of a row (the - of -b written left of the bar), but takes no relation beside the
    // bar: the = of x = \frac{a}{b}, written level with the numerator, is the row's.
    std::vector<Piece> beside;
    for (const Piece& p : all)
      if (p.symbol < 0 || !is_relation(s_[p.symbol].label) || in_bar_column(b, p.box)) beside.push_back(p);
    grow_row(above, beside, xh, [&](const Box& t) { return t.y1 < b.cy(); });
    grow_row(below, beside, xh, [&](const Box& t) { return t.y0 > b.cy(); });
    Unit u;
    u.node.type = LayoutNode::Type::Fraction;
    u.node.symbol = bar;
    u.label = "\\frac";
    u.box = b;
    for (const Piece& p : above) u.box = merge(u.box, p.box);
    for (const Piece& p : below) u.box = merge(u.box, p.box);
    std::vector<int> num, den;
    for (const Piece& p : above) ids_of(p, units, num);
    for (const Piece& p : below) ids_of(p, units, den);
    std::vector<Piece> both = above;
    both.insert(both.end(), below.begin(), below.end());
    claim(both, free, units);
    free.erase(bar);
    u.node.first = parse(num, xh);
    u.node.second = parse(den, xh);
    return u;
  }

  static void ids_of(const Piece& p, const std::vector<Unit>& units, std::vector<int>& out) {
    if (p.symbol >= 0) out.push_back(p.symbol);
    else collect_ids(units[p.unit], out);
  }

  Unit root(int sign, std::set<int>& free, std::vector<Unit>& units, double xh) {
    const Box& r = s_[sign].box;
    const double w = r.width(), h = r.height();
    std::vector<Piece> index, body;
    for (const Piece& p : pieces(free, units, sign)) {
      const Box& t = p.box;
      if (in_root_body(r, t)) {
        body.push_back(p);
      } else if (t.cx() < r.x0 + std::min(0.35 * w, 0.3 * h) && t.cx() > r.x0 - std::min(0.5 * w, 0.1 * h) &&
                 t.y1 < r.y0 + 0.7 * h && t.height() < 0.6 * h) {
        // An index sits over the hook, its foot down to the hook's tip; the script of a symbol
        // before the sign lies left of it.
        index.push_back(p);
      }
    }
    drop_body_end(body, r);
    Unit u;
    u.node.type = LayoutNode::Type::Root;
    u.node.symbol = sign;
    u.label = "\\sqrt";
    u.box = r;
    for (const Piece& p : body) u.box = merge(u.box, p.box);
    for (const Piece& p : index) u.box = merge(u.box, p.box);
    std::vector<Piece> both = body;
    both.insert(both.end(), index.begin(), index.end());
    std::vector<int> body_ids, index_ids;
    for (const Piece& p : index) ids_of(p, units, index_ids);
    for (const Piece& p : body) ids_of(p, units, body_ids);
    claim(both, free, units);
    free.erase(sign);
    u.node.first = parse(index_ids, xh);
    u.node.second = parse(body_ids, xh);
    return u;
  }

  // A root's body ends under its bar: a closing bracket whose opening one is not in the body,
  // or an operator or relation, at the bar's end is the row's (the ) of (\sqrt{n}), the + of
  // \sqrt{x} + 1 written close).
  void drop_body_end(std::vector<Piece>& body, const Box& r) const {
    std::stable_sort(body.begin(), body.end(), [](const Piece& a, const Piece& b) { return a.box.x0 < b.box.x0; });
    while (!body.empty()) {
      const Piece& last = body.back();
      if (last.symbol < 0 || last.box.cx() < r.x1 - 0.2 * r.height()) return;
      const std::string& label = s_[last.symbol].label;
      if (label == ")" || label == "]") {
        std::vector<int> before;
        for (size_t i = 0; i + 1 < body.size(); ++i)
          if (body[i].symbol >= 0) before.push_back(body[i].symbol);
        if (closes_one_of(label, before)) return;
      } else if (symbol_kind(label) != SymbolKind::Operator && !is_relation(label)) {
        return;
      }
      body.pop_back();
    }
  }

  // Limits sit in the operator's column; an integral's are often written at its right, past
  // its slant, within half its width.
  static bool in_limit_column(const std::string& op, const Box& o, const Box& t) {
    if (horizontal_overlap(t, o) >= 0.3 * std::min(t.width(), o.width()) + 1e-9) return true;
    return op == "\\int" && t.x0 >= o.x0 && t.x0 < o.x1 + 0.5 * o.width();
  }

  // Limits written above and below: what overlaps the operator's column, then the pieces
  // that continue those rows sideways (x \rightarrow 0 under \lim is wider than \lim).
  Unit big_operator(int op, std::set<int>& free, std::vector<Unit>& units) {
    const Box& o = s_[op].box;
    Unit u = symbol_unit(op);
    const double reach = 0.25 * o.height();
    const auto all = pieces(free, units, op);
    std::vector<Piece> rows[2];
    // A limit is written only below \lim: what is written above it belongs to the row.
    for (int side = s_[op].label == "\\lim" ? 1 : 0; side < 2; ++side) {
      const auto on_side = [&](const Box& t) { return side == 0 ? t.y1 < o.y0 + reach : t.y0 > o.y1 - reach; };
      for (const Piece& p : all)
        if (in_limit_column(s_[op].label, o, p.box) && on_side(p.box))
          rows[side].push_back(p);
      if (!rows[side].empty()) grow_row(rows[side], all, 0.5 * o.height(), on_side);
    }
    for (int side = 0; side < 2; ++side)
      for (const Piece& p : rows[side]) u.box = merge(u.box, p.box);
    // Split ids by side before claiming (claiming renumbers units).
    std::vector<int> ids[2];
    for (int side = 0; side < 2; ++side)
      for (const Piece& p : rows[side]) ids_of(p, units, ids[side]);
    std::vector<Piece> both = rows[0];
    both.insert(both.end(), rows[1].begin(), rows[1].end());
    claim(both, free, units);
    u.sup = ids[0];
    u.sub = ids[1];
    free.erase(op);
    return u;
  }

  LineEstimate estimate(const Unit& u, double xh) const {
    if (u.node.type == LayoutNode::Type::Fraction) return {s_[u.node.symbol].box.cy(), xh, true};
    if (u.node.type == LayoutNode::Type::Root) return {u.box.cy(), std::max(0.5 * u.box.height(), xh), true};
    LineEstimate e = line_estimate(u.label, u.box, xh);
    e.center = p_.box_weight * u.box.cy() + (1 - p_.box_weight) * e.center;
    return e;
  }

  enum class Relation { Right, Superscript, Subscript };

  // Where the kinds of the two decide, or t is a structure: the relation; else nothing, and
  // the geometry of two plain symbols decides (geometric_relation or the learned model).
  std::optional<Relation> fixed_relation(const Unit& base, const LineEstimate& line, const Unit& t, double xh) const {
    const SymbolKind kind = symbol_kind(t.label);
    if (kind == SymbolKind::High) return Relation::Superscript;
    // Punctuation, relations and operators do not take scripts; punctuation and relations
    // are not scripts themselves outside limits (which fractions and big operators claim).
    if (kind == SymbolKind::Low || is_relation(t.label)) return Relation::Right;
    if (base.node.type == LayoutNode::Type::Symbol) {
      const SymbolKind base_kind = symbol_kind(base.label);
      // An opening bracket takes no scripts: what follows it opens the bracket's content.
      if (is_opening_bracket(base.label)) return Relation::Right;
      if (base_kind == SymbolKind::Operator || base_kind == SymbolKind::Low || is_relation(base.label)) return Relation::Right;
    } else {  // a fraction or root takes only a superscript, one written above its top (a root's
              // top fifth: its bar, which a short exponent is written beside rather than above)
      const double top = base.box.y0 + (base.node.type == LayoutNode::Type::Root ? 0.2 * base.box.height() : 0);
      return t.box.cy() < top ? Relation::Superscript : Relation::Right;
    }
    const bool spans = kind == SymbolKind::Tall || kind == SymbolKind::BigOperator || t.node.type != LayoutNode::Type::Symbol;
    if (is_big_operator(base.label)) {
      const Box& o = base.box;
      const double center = estimate(t, xh).center;
      // A limit lies beyond the sign's end, not only centred near it: the summand of a small
      // \sum written low reaches up past it.
      if (center < o.y0 + 0.25 * o.height() && t.box.y1 < o.y0 + 0.3 * o.height())
        return base.label == "\\lim" ? Relation::Right : Relation::Superscript;
      if (center > o.y1 - 0.25 * o.height() && t.box.y0 > o.y1 - 0.3 * o.height()) return Relation::Subscript;
      return Relation::Right;
    }
    if (spans) {  // brackets, big operators and structures are scripts only if they clear the line's centre
      if (t.box.y1 < line.center - 0.5 * p_.superscript * line.xheight) return Relation::Superscript;
      // A fraction written as an exponent (x^{3/2}) reaches down past the line's centre, but its
      // bar is above the line and it is smaller than a fraction of the row.
      // The base of such an exponent is a letter, a digit or a closing bracket; a function name
      // is followed by its argument (\sin \frac{\pi}{4}).
      const bool takes_fraction = is_letter(base.label) || is_digit(base.label) || base.label == ")" || base.label == "]";
      if (takes_fraction && t.node.type == LayoutNode::Type::Fraction &&
          s_[t.node.symbol].box.cy() < line.center - 0.5 * line.xheight && t.box.height() < 3 * line.xheight)
        return Relation::Superscript;
      if (t.box.y0 > line.center + 0.5 * p_.subscript * line.xheight) return Relation::Subscript;
      return Relation::Right;
    }
    return std::nullopt;
  }

  Relation geometric_relation(const LineEstimate& line, const Unit& t, double xh) const {
    const LineEstimate e = estimate(t, xh);
    const double d = (e.center - line.center) / std::max(line.xheight, 1e-9);
    // Scripts are written smaller: a smaller symbol needs less offset to be one.
    const double own = e.informative ? e.xheight : std::max(t.box.width(), t.box.height());
    const double ratio = std::clamp(own / std::max(line.xheight, 1e-9), 0.3, 1.5);
    const double scale = 1 - p_.size_weight + p_.size_weight * ratio;
    if (d < -p_.superscript * scale) return Relation::Superscript;
    if (d > p_.subscript * scale) return Relation::Subscript;
    return Relation::Right;
  }

  static char code(Relation r) { return r == Relation::Right ? 'R' : r == Relation::Superscript ? '^' : '_'; }
  static Relation from_code(char c) { return c == '^' ? Relation::Superscript : c == '_' ? Relation::Subscript : Relation::Right; }

  // How t joins the row whose last symbol on the line is `base`; `script` is the script the
  // symbol before t went into (Right: none), `script_line` that script's line.
  Relation decide(const Unit& base, const LineEstimate& line, const Unit& t, double xh, Relation script,
                  const LineEstimate& script_line, const Unit* next) {
    const std::optional<Relation> fixed = fixed_relation(base, line, t, xh);
    Relation r;
    std::optional<RelationFeatures> features;
    if (fixed) {
      r = *fixed;
      if (r == Relation::Right && (continues_script(script, script_line, t, xh) || comma_in_script(script, script_line, t, next, xh) ||
                                   closes_script_bracket(base, script, t)))
        r = script;
    } else {
      const bool learned = p_.learned && relations_ && relations_->hidden > 0 && !teacher_;  // fitting: the rules
      if (learned || teacher_)
        features = relation_features({base.label, base.box, base.log_height, line, t.label, t.box, t.log_height, estimate(t, xh),
                                     code(script), script_line});
      if (learned) {
        const std::array<double, 3> p = relation_probabilities(*relations_, *features);
        const size_t best = size_t(std::max_element(p.begin(), p.end()) - p.begin());
        r = from_code("R^_"[best]);
        log_probability_ += std::log(std::max(p[best], 1e-12));
      } else {
        r = geometric_relation(line, t, xh);
        if (r == Relation::Right && continues_script(script, script_line, t, xh)) r = script;
      }
    }
    if (teacher_ && teacher_->truth) {
      const char truth = teacher_->truth(base.node.symbol, t.node.symbol);
      if (truth && features) teacher_->samples.push_back({std::vector<float>(features->begin(), features->end()), truth});
      if (truth) r = from_code(truth);
    }
    return r;
  }

  // A symbol level with the script just written, and no larger, goes on in that script
  // (the + and 1 of a_{n+1}, written barely below the line).
  bool continues_script(Relation script, const LineEstimate& script_line, const Unit& t, double xh) const {
    if (script == Relation::Right || p_.continuation <= 0 || t.node.type != LayoutNode::Type::Symbol) return false;
    const SymbolKind kind = symbol_kind(t.label);
    if (kind == SymbolKind::Low || kind == SymbolKind::Tall || kind == SymbolKind::BigOperator || is_relation(t.label))
      return false;
    const LineEstimate e = estimate(t, xh);
    const double own = e.informative ? e.xheight : std::max(t.box.width(), t.box.height());
    return std::abs(e.center - script_line.center) < p_.continuation * script_line.xheight &&
           own < 1.25 * script_line.xheight;
  }

  // Whether the closing bracket `close` closes one that the symbols `ids` leave open.
  bool closes_one_of(const std::string& close, const std::vector<int>& ids) const {
    for (const auto& [open, closing] : kBrackets) {
      if (close != closing) continue;
      int depth = 0;
      for (int i : ids) depth += s_[i].label == open ? 1 : s_[i].label == close ? -1 : 0;
      return depth > 0;
    }
    return false;
  }

  // A closing bracket whose opening one is in the script just written closes it there: 2^{(n-1)}.
  bool closes_script_bracket(const Unit& base, Relation script, const Unit& t) const {
    if (script == Relation::Right || t.node.type != LayoutNode::Type::Symbol) return false;
    return closes_one_of(t.label, script == Relation::Superscript ? base.sup : base.sub);
  }

  // A comma between two symbols of the script just written is in it (the comma of Y_{l,m});
  // one followed by a symbol on the line is not (x_1, x_2). A comma hangs below its line.
  bool comma_in_script(Relation script, const LineEstimate& script_line, const Unit& t, const Unit* next, double xh) const {
    if (t.label != "," || !next || script == Relation::Right) return false;
    return t.box.y0 > script_line.center - script_line.xheight && t.box.cy() < script_line.center + 1.5 * script_line.xheight &&
           continues_script(script, script_line, *next, xh);
  }

  LayoutRow link_baseline(std::vector<Unit>& units, double xh) {
    std::vector<Unit*> baseline;
    LineEstimate line;
    bool have_line = false;
    Relation script = Relation::Right;  // the script the last symbol went into, if any
    LineEstimate script_line;
    for (size_t k = 0; k < units.size(); ++k) {
      Unit& t = units[k];
      if (baseline.empty()) {
        baseline.push_back(&t);
      } else {
        Unit& base = *baseline.back();
        const Unit* next = k + 1 < units.size() ? &units[k + 1] : nullptr;
        const Relation r =
            decide(base, have_line ? line : LineEstimate{base.box.cy(), xh, true}, t, xh, script, script_line, next);
        if (r != Relation::Right) {
          auto& target = r == Relation::Superscript ? base.sup : base.sub;
          collect_ids(t, target);
          if (r != script || estimate(t, xh).informative) script_line = estimate(t, xh);
          if (!script_line.informative) script_line = {t.box.cy(), std::max(t.box.width(), t.box.height()), true};
          script = r;
          continue;
        }
        script = Relation::Right;
        baseline.push_back(&t);
      }
      const LineEstimate e = estimate(t, xh);
      if (e.informative) {
        line = e;
        have_line = true;
      } else if (!have_line) {
        line = {e.center, xh, true};
        have_line = true;
      }
    }
    LayoutRow row;
    for (Unit* u : baseline) {
      LayoutNode n = std::move(u->node);
      n.sub = parse(u->sub, xh);
      n.sup = parse(u->sup, xh);
      row.push_back(std::move(n));
    }
    return row;
  }

  // All the symbols of a unit, so that a script is parsed again as a row of its own.
  static void collect_ids(const Unit& u, std::vector<int>& out) {
    collect_ids(u.node, out);
    out.insert(out.end(), u.sub.begin(), u.sub.end());
    out.insert(out.end(), u.sup.begin(), u.sup.end());
  }

  static void collect_ids(const LayoutNode& n, std::vector<int>& out) {
    if (n.symbol >= 0) out.push_back(n.symbol);
    for (const LayoutRow* r : {&n.sub, &n.sup, &n.first, &n.second})
      for (const LayoutNode& c : *r) collect_ids(c, out);
  }

  // Past this nesting, symbols are read as one flat row: real expressions nest far less, and the
  // bound keeps time and stack use small for any input.
  static constexpr int kMaxDepth = 24;

  LayoutRow flat_row(std::vector<int> ids) const {
    std::sort(ids.begin(), ids.end(), [&](int a, int b) { return s_[a].box.x0 < s_[b].box.x0; });
    LayoutRow row;
    for (int i : ids) row.push_back(symbol_unit(i).node);
    return row;
  }

  const std::vector<PlacedSymbol>& s_;
  LayoutParams p_;
  const RelationModel* relations_;
  LayoutTeacher* teacher_;
  int depth_ = 0;
  double log_probability_ = 0;
};

}  // namespace

LayoutRow parse_rows(const std::vector<PlacedSymbol>& symbols, const LayoutParams& params, const RelationModel* relations,
                     LayoutTeacher* teacher, double* log_probability) {
  std::vector<int> ids;
  for (int i = 0; i < int(symbols.size()); ++i) ids.push_back(i);
  Parser parser(symbols, params, relations, teacher);
  LayoutRow row = parser.parse(ids, 0);
  if (log_probability) *log_probability = parser.log_probability();
  return row;
}

}  // namespace inkmath
