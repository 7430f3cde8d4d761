#include <algorithm>
#include <chrono>
#include <fstream>

#include "api/inkmath.h"
#include "language/vocabulary.h"
#include "segment/segment.h"
#include "structure/alternatives.h"
#include "structure/structure.h"

namespace inkmath {

namespace {

// Options come from the page (the user's fixes) as much as from code: they are checked
// like the ink, so that a bad index is an Error and not a crash.
void check_options(const Ink& ink, const RecognizeOptions& options, const SymbolClassifier& classifier) {
  if (options.alternatives < 1) throw Error("options: ask for at least one alternative");
  for (const std::string& label : options.vocabulary)
    if (label == "junk" || std::find(classifier.classes().begin(), classifier.classes().end(), label) == classifier.classes().end())
      throw Error("vocabulary: unknown label '" + label + "' (not a symbol the classifier knows)");
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

// Symbol indices in the order the layout reads them (language/labels.h), and which of them the
// layout reads as structure (a fraction bar, a root sign): those keep their label.
void reading_order(const nlohmann::json& node, std::vector<int>& order, std::vector<bool>& structure) {
  if (!node.is_object()) return;
  if (node.contains("children"))
    for (const auto& child : node["children"]) reading_order(child, order, structure);
  if (node.contains("symbol")) {
    order.push_back(node["symbol"].get<int>());
    structure[order.back()] = node["type"] != "symbol";
  }
  for (const char* part : {"numerator", "denominator", "index", "body", "sub", "sup"})
    if (node.contains(part)) reading_order(node[part], order, structure);
}

// Re-chooses the symbols' labels by how the whole expression reads, and gives the best whole
// readings, each laid out again with its labels.
Layout read_whole(const Ink& ink, const LanguageModel* model, const RecognizeOptions& options, Recognition& r, Layout layout) {
  std::vector<int> order;
  std::vector<bool> structure(r.symbols.size(), false);
  reading_order(layout.tree, order, structure);
  std::vector<std::vector<Alternative>> positions;
  for (int i : order) {
    const auto& alts = r.symbols[i].alternatives;
    const size_t k = structure[i] ? 1 : size_t(std::max(1, options.language_alternatives));
    positions.emplace_back(alts.begin(), alts.begin() + long(std::min(k, alts.size())));
    while (positions.back().size() > 1 && positions.back().back().score < options.language_min_score) positions.back().pop_back();
  }
  const auto best = best_label_readings(model, positions, options.language_weight, options.readings);
  const std::vector<RecognizedSymbol> read = r.symbols;
  auto relabelled = [&](const LabelReading& reading) {
    std::vector<RecognizedSymbol> symbols = read;
    for (size_t p = 0; p < order.size(); ++p)
      if (reading.choices[p] != 0) choose_alternative(symbols[order[p]], positions[p][reading.choices[p]]);
    return symbols;
  };
  for (size_t n = 0; n < best.size(); ++n) {
    std::vector<RecognizedSymbol> symbols = relabelled(best[n]);
    const bool changed = std::any_of(best[n].choices.begin(), best[n].choices.end(), [](int c) { return c != 0; });
    Layout l = changed ? parse_layout(ink, symbols) : layout;
    if (n == 0) r.symbols = std::move(symbols), layout = l;
    const auto same = std::find_if(r.readings.begin(), r.readings.end(), [&](const Reading& x) { return x.latex == l.latex; });
    if (same != r.readings.end()) same->probability += best[n].probability;
    else r.readings.push_back({l.latex, best[n].probability});
  }
  return layout;
}

}  // namespace

Recognizer::Recognizer(const std::vector<uint8_t>& weights, const std::vector<uint8_t>& language_model)
    : classifier_(weights) {
  if (!language_model.empty()) language_ = read_language_model(language_model);
}

Recognition Recognizer::recognize(Ink ink, const RecognizeOptions& options) const {
  const auto start = std::chrono::steady_clock::now();
  sanitize(ink, options.limits);
  check_options(ink, options, classifier_);
  Recognition r;
  // Empty ink still gets a layout: an empty row, so that the tree is never null.
  r.symbols = segment(ink, classifier_, options);
  const Layout layout = read_whole(ink, language_model(), options, r, parse_layout(ink, r.symbols));
  r.latex = layout.latex;
  r.tree = layout.tree;
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
  nlohmann::json readings = nlohmann::json::array();
  for (const auto& x : r.readings) readings.push_back({{"latex", x.latex}, {"probability", x.probability}});
  return {{"latex", r.latex}, {"readings", readings}, {"symbols", symbols}, {"tree", r.tree}, {"ms", r.ms}};
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
  if (options && j.contains("vocabulary")) {
    const auto& v = j["vocabulary"];
    options->vocabulary.clear();
    if (v.is_string()) {
      options->vocabulary = vocabulary_labels(v.get<std::string>());
    } else if (v.is_array()) {
      for (const auto& label : v) {
        if (!label.is_string()) throw Error("ink: vocabulary labels must be strings");
        options->vocabulary.push_back(label.get<std::string>());
      }
      if (options->vocabulary.empty()) throw Error("vocabulary: empty list");
    } else {
      throw Error("ink: vocabulary must be a set's name or a list of labels");
    }
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
