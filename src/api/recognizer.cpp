#include <algorithm>
#include <chrono>
#include <fstream>

#include "api/inkmath.h"
#include "latex/write.h"
#include "lines/lines.h"
#include "segment/segment.h"
#include "structure/structure.h"

namespace inkmath {

namespace {

// Options come from the page (the user's fixes) as much as from code: they are checked
// like the ink, so that a bad index is an Error and not a crash.
void check_options(const Ink& ink, const RecognizeOptions& options) {
  if (options.alternatives < 1) throw Error("options: ask for at least one alternative");
  std::vector<bool> used(ink.strokes.size(), false);
  for (const SymbolTruth& f : options.fixed) {
    if (f.strokes.empty()) throw Error("fixed symbol '" + f.label + "' has no strokes");
    for (int i : f.strokes) {
      if (i < 0 || size_t(i) >= ink.strokes.size()) throw Error("fixed symbol '" + f.label + "' refers to a stroke that does not exist");
      if (ink.strokes[i].empty()) throw Error("fixed symbol '" + f.label + "' refers to an empty stroke");
      if (used[i]) throw Error("stroke " + std::to_string(i) + " belongs to two fixed symbols");
      used[i] = true;
    }
  }
}

// One expression: segments, classifies and parses the ink as one line.
Recognition read_expression(const Ink& ink, const SymbolClassifier& classifier, const RecognizeOptions& options) {
  Recognition r;
  // Empty ink still gets a layout: an empty row, so that the tree is never null.
  r.symbols = segment(ink, classifier, options);
  const Layout layout = parse_layout(ink, r.symbols);
  r.latex = layout.latex;
  r.tree = layout.tree;
  return r;
}

// A line's ink alone, with the fixed symbols that lie in it; the reading's strokes are then
// mapped back to the page's.
Recognition read_line(const Ink& page, const InkLine& line, const SymbolClassifier& classifier, const RecognizeOptions& options) {
  Ink ink;
  std::vector<int> index_in_line(page.strokes.size(), -1);
  for (int i : line.strokes) {
    index_in_line[i] = int(ink.strokes.size());
    ink.strokes.push_back(page.strokes[i]);
  }
  RecognizeOptions line_options = options;
  line_options.fixed.clear();
  for (const SymbolTruth& f : options.fixed) {
    if (index_in_line[f.strokes.front()] < 0) continue;  // lines keep fixed symbols whole
    SymbolTruth mapped{{}, f.label};
    for (int i : f.strokes) mapped.strokes.push_back(index_in_line[i]);
    line_options.fixed.push_back(std::move(mapped));
  }
  Recognition r = read_expression(ink, classifier, line_options);
  for (RecognizedSymbol& s : r.symbols)
    for (int& i : s.strokes) i = line.strokes[i];
  return r;
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

Recognizer::Recognizer(const std::vector<uint8_t>& weights) : classifier_(weights) {}

Recognition Recognizer::recognize(Ink ink, const RecognizeOptions& options) const {
  const auto start = std::chrono::steady_clock::now();
  sanitize(ink, options.limits);
  check_options(ink, options);
  std::vector<std::vector<int>> fixed_groups;
  for (const SymbolTruth& f : options.fixed) fixed_groups.push_back(f.strokes);
  const std::vector<InkLine> lines = split_lines(ink, fixed_groups);
  Recognition r;
  if (lines.size() <= 1) {
    // One line reads the page's ink as it is.
    r = read_expression(ink, classifier_, options);
    if (!lines.empty()) r.lines.push_back({lines[0].strokes, lines[0].box, r.latex, r.symbols, r.tree});
  } else {
    std::vector<std::string> latex;
    r.tree = {{"type", "lines"}, {"children", nlohmann::json::array()}};
    for (const InkLine& line : lines) {
      const Recognition one = read_line(ink, line, classifier_, options);
      r.lines.push_back({line.strokes, line.box, one.latex, one.symbols, one.tree});
      nlohmann::json tree = one.tree;
      offset_symbols(tree, int(r.symbols.size()));
      r.tree["children"].push_back(std::move(tree));
      r.symbols.insert(r.symbols.end(), one.symbols.begin(), one.symbols.end());
      latex.push_back(one.latex);
    }
    r.latex = join_lines(latex);
  }
  r.ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return r;
}

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
                       {"alternatives", alts}});
  }
  return symbols;
}

}  // namespace

nlohmann::json to_json(const Recognition& r) {
  nlohmann::json lines = nlohmann::json::array();
  for (const auto& l : r.lines)
    lines.push_back({{"strokes", l.strokes},
                     {"box", {l.box.x0, l.box.y0, l.box.x1, l.box.y1}},
                     {"latex", l.latex},
                     {"symbols", symbols_json(l.symbols)},
                     {"tree", l.tree}});
  return {{"latex", r.latex}, {"symbols", symbols_json(r.symbols)}, {"tree", r.tree}, {"lines", lines}, {"ms", r.ms}};
}

Ink ink_from_json(const nlohmann::json& j, RecognizeOptions* options) {
  if (!j.is_object() || !j.contains("strokes") || !j["strokes"].is_array()) throw Error("ink: expected {\"strokes\": [...]}");
  const int max_strokes = options ? options->limits.max_strokes : Limits{}.max_strokes;
  if (j["strokes"].size() > size_t(std::max(max_strokes, 0)))
    throw Error("too many strokes: " + std::to_string(j["strokes"].size()) + " (at most " + std::to_string(max_strokes) + ")");
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
  if (options && j.contains("fixed") && j["fixed"].is_array())
    for (const auto& f : j["fixed"]) {
      SymbolTruth t;
      if (!f.is_object() || !f.contains("label") || !f["label"].is_string() || !f.contains("strokes") ||
          !f["strokes"].is_array() || f["strokes"].empty())
        throw Error("ink: each fixed symbol needs strokes and a label");
      t.label = f["label"].get<std::string>();
      for (const auto& i : f["strokes"]) {
        if (!i.is_number_integer() || i.get<long>() < 0 || i.get<long>() >= long(ink.strokes.size()))
          throw Error("ink: fixed symbol refers to a stroke that does not exist");
        t.strokes.push_back(i.get<int>());
      }
      options->fixed.push_back(std::move(t));
    }
  return ink;
}

Ink ink_from_json_text(const std::string& text, RecognizeOptions* options) {
  if (text.size() > kMaxInkJsonBytes)
    throw Error("ink: JSON text too large: " + std::to_string(text.size() >> 20) + " MiB (at most " +
                std::to_string(kMaxInkJsonBytes >> 20) + " MiB)");
  const auto j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded()) throw Error("ink: not valid JSON");
  return ink_from_json(j, options);
}

std::vector<uint8_t> read_file_bytes(const std::string& path, size_t max_bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path + ": cannot open file");
  // Stops past the limit: a file that never ends (/dev/zero, a pipe) is refused, not read
  // until memory runs out.
  std::vector<uint8_t> bytes;
  char chunk[1 << 14];
  while (in.read(chunk, sizeof chunk) || in.gcount() > 0) {
    bytes.insert(bytes.end(), chunk, chunk + in.gcount());
    if (bytes.size() > max_bytes)
      throw Error(path + ": file too large (at most " + std::to_string(max_bytes >> 20) + " MiB)");
  }
  if (in.bad()) throw Error(path + ": cannot read file");
  return bytes;
}

}  // namespace inkmath
