#include "api/json.h"

#include <algorithm>
#include <cmath>

#include "language/vocabulary.h"
#include "latex/write.h"

namespace inkmath {

namespace {

nlohmann::json symbols_json(const std::vector<RecognizedSymbol>& all) {
  nlohmann::json symbols = nlohmann::json::array();
  for (const auto& s : all) {
    nlohmann::json alts = nlohmann::json::array();
    for (const auto& a : s.alternatives) alts.push_back({{"label", a.label}, {"score", a.score}});
    symbols.push_back({{"label", s.label},
                       {"score", s.score},
                       {"strokes", s.strokes},
                       {"box", {s.box.x0, s.box.y0, s.box.x1, s.box.y1}},
                       {"alternatives", alts},
                       {"fixed", s.fixed}});
  }
  return symbols;
}

nlohmann::json tree_json(const LayoutRow& tree, const std::vector<RecognizedSymbol>& symbols) {
  std::vector<std::string> labels;
  for (const auto& s : symbols) labels.push_back(s.label);
  return layout_json(tree, labels);
}

// The "symbol" fields of a line's tree, moved past the symbols of the lines above it.
void offset_symbols(nlohmann::json& tree, int offset) {
  if (tree.is_object()) {
    for (auto& [key, value] : tree.items())
      if (key == "symbol" && value.is_number_integer()) value = value.get<int>() + offset;
      else offset_symbols(value, offset);
  } else if (tree.is_array()) {
    for (auto& child : tree) offset_symbols(child, offset);
  }
}

}  // namespace

nlohmann::json to_json(const Recognition& r) {
  nlohmann::json lines = nlohmann::json::array();
  nlohmann::json tree = tree_json(r.tree, r.symbols);
  if (r.lines.size() > 1) tree = {{"type", "lines"}, {"children", nlohmann::json::array()}};
  int offset = 0;
  for (const auto& l : r.lines) {
    nlohmann::json line_tree = tree_json(l.tree, l.symbols);
    lines.push_back({{"strokes", l.strokes},
                     {"box", {l.box.x0, l.box.y0, l.box.x1, l.box.y1}},
                     {"latex", l.latex},
                     {"symbols", symbols_json(l.symbols)},
                     {"tree", line_tree}});
    if (r.lines.size() > 1) {
      offset_symbols(line_tree, offset);
      tree["children"].push_back(std::move(line_tree));
      offset += int(l.symbols.size());
    }
  }
  nlohmann::json readings = nlohmann::json::array();
  for (const auto& x : r.readings) readings.push_back({{"latex", x.latex}, {"probability", x.probability}, {"labels", x.labels}, {"strokes", x.strokes}});
  return {{"latex", r.latex}, {"readings", readings}, {"symbols", symbols_json(r.symbols)}, {"tree", tree},
          {"lines", lines}, {"ms", r.ms}, {"stroke_size", r.stroke_size}};
}

namespace {

// "school", "school,T" or ["0", "1", ...].
std::vector<std::string> vocabulary_from_json(const nlohmann::json& v) {
  if (v.is_string()) return vocabulary_labels(v.get<std::string>());
  if (!v.is_array()) throw Error("ink: vocabulary must be a set's name or a list of labels");
  std::vector<std::string> out;
  for (const auto& label : v) {
    if (!label.is_string()) throw Error("ink: vocabulary labels must be strings");
    out.push_back(label.get<std::string>());
  }
  if (out.empty()) throw Error("vocabulary: empty list");
  return out;
}

void check_stroke_count(size_t strokes, const Limits& limits) {
  const int max_strokes = limits.max_strokes;
  if (strokes > size_t(std::max(max_strokes, 0)))
    throw Error("too many strokes: " + std::to_string(strokes) + " (at most " + std::to_string(max_strokes) + ")");
}

// The fixed symbols and options of ink JSON with `strokes` strokes.
void read_ink_options(const nlohmann::json& j, size_t strokes, RecognizeOptions* options) {
  if (options && j.contains("fixed") && j["fixed"].is_array())
    for (const auto& f : j["fixed"]) {
      SymbolTruth t;
      if (!f.is_object() || !f.contains("label") || !f["label"].is_string() || !f.contains("strokes") ||
          !f["strokes"].is_array() || f["strokes"].empty())
        throw Error("ink: each fixed symbol needs strokes and a label");
      t.label = f["label"].get<std::string>();
      for (const auto& i : f["strokes"]) {
        if (!i.is_number_integer() || i.get<long>() < 0 || i.get<long>() >= long(strokes))
          throw Error("ink: fixed symbol refers to a stroke that does not exist");
        t.strokes.push_back(i.get<int>());
      }
      options->fixed.push_back(std::move(t));
    }
  if (options && j.contains("vocabulary")) options->vocabulary = vocabulary_from_json(j["vocabulary"]);
  // The page's library sends its options in "options"; those the core does not know are for
  // the page and ignored here.
  if (options && j.contains("options")) {
    const auto& o = j["options"];
    if (!o.is_object()) throw Error("ink: \"options\" must be an object");
    if (o.contains("lines")) {
      if (!o["lines"].is_boolean()) throw Error("ink: options.lines must be true or false");
      options->lines = o["lines"].get<bool>();
    }
    if (o.contains("vocabulary")) options->vocabulary = vocabulary_from_json(o["vocabulary"]);
    if (o.contains("earlier_stroke_size")) {
      const auto& size = o["earlier_stroke_size"];
      if (!size.is_number() || !std::isfinite(size.get<double>()) || size.get<double>() < 0)
        throw Error("ink: options.earlier_stroke_size must be a number, 0 or more");
      options->earlier_stroke_size = size.get<double>();
    }
  }
}

}  // namespace

Ink ink_from_points(const std::vector<double>& xytp, const std::vector<int>& lengths, const nlohmann::json& rest,
                    RecognizeOptions* options, const Limits& limits) {
  if (!rest.is_object()) throw Error("ink: expected {\"strokes\": [...]}");
  check_stroke_count(lengths.size(), limits);
  Ink ink;
  size_t at = 0;
  for (int n : lengths) {
    if (n < 0 || size_t(n) > (xytp.size() - at) / 4) throw Error("ink: the stroke lengths do not match the points");
    Stroke s(static_cast<size_t>(n));
    for (Point& p : s) {
      p = {xytp[at], xytp[at + 1], xytp[at + 2], xytp[at + 3]};
      at += 4;
    }
    ink.strokes.push_back(std::move(s));
  }
  if (at != xytp.size()) throw Error("ink: the stroke lengths do not match the points");
  read_ink_options(rest, ink.strokes.size(), options);
  return ink;
}

Ink ink_from_json(const nlohmann::json& j, RecognizeOptions* options, const Limits& limits) {
  if (!j.is_object() || !j.contains("strokes") || !j["strokes"].is_array()) throw Error("ink: expected {\"strokes\": [...]}");
  check_stroke_count(j["strokes"].size(), limits);
  Ink ink;
  for (const auto& stroke : j["strokes"]) {
    if (!stroke.is_array()) throw Error("ink: each stroke must be an array of points");
    Stroke s;
    for (const auto& p : stroke) {
      if (!p.is_array() || p.size() < 2 || !p[0].is_number() || !p[1].is_number())
        throw Error("ink: each point must be [x, y] or [x, y, t] with numbers");
      Point pt;
      pt.x = p[0].get<double>();
      pt.y = p[1].get<double>();
      if (p.size() > 2 && p[2].is_number()) pt.t = p[2].get<double>();
      if (p.size() > 3 && p[3].is_number()) pt.pressure = p[3].get<double>();
      s.push_back(pt);
    }
    ink.strokes.push_back(std::move(s));
  }
  read_ink_options(j, ink.strokes.size(), options);
  return ink;
}

Ink ink_from_json_text(const std::string& text, RecognizeOptions* options, const Limits& limits) {
  if (text.size() > kMaxInkJsonBytes)
    throw Error("ink: JSON text too large: " + std::to_string(text.size() >> 20) + " MiB (at most " +
                std::to_string(kMaxInkJsonBytes >> 20) + " MiB)");
  const auto j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded()) throw Error("ink: not valid JSON");
  return ink_from_json(j, options, limits);
}

}  // namespace inkmath
