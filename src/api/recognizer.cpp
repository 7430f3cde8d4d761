#include <chrono>
#include <fstream>
#include <iterator>

#include "api/inkmath.h"
#include "segment/segment.h"
#include "structure/structure.h"

namespace inkmath {

Recognizer::Recognizer(const std::vector<uint8_t>& weights) : classifier_(weights) {}

Recognition Recognizer::recognize(Ink ink, const RecognizeOptions& options) const {
  const auto start = std::chrono::steady_clock::now();
  sanitize(ink, options.limits);
  Recognition r;
  if (!ink.strokes.empty()) {
    r.symbols = segment(ink, classifier_, options);
    const Layout layout = parse_layout(ink, r.symbols);
    r.latex = layout.latex;
    r.tree = layout.tree;
  }
  r.ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return r;
}

nlohmann::json to_json(const Recognition& r) {
  nlohmann::json symbols = nlohmann::json::array();
  for (const auto& s : r.symbols) {
    nlohmann::json alts = nlohmann::json::array();
    for (const auto& a : s.alternatives) alts.push_back({{"label", a.label}, {"score", a.score}});
    symbols.push_back({{"label", s.label},
                       {"score", s.score},
                       {"strokes", s.strokes},
                       {"box", {s.box.x0, s.box.y0, s.box.x1, s.box.y1}},
                       {"alternatives", alts}});
  }
  return {{"latex", r.latex}, {"symbols", symbols}, {"tree", r.tree}, {"ms", r.ms}};
}

Ink ink_from_json(const nlohmann::json& j, RecognizeOptions* options) {
  if (!j.is_object() || !j.contains("strokes") || !j["strokes"].is_array()) throw Error("ink: expected {\"strokes\": [...]}");
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
      if (!f.is_object() || !f.contains("label") || !f["label"].is_string() || !f.contains("strokes") || !f["strokes"].is_array())
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

std::vector<uint8_t> read_file_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path + ": cannot open file");
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace inkmath
