// WebAssembly bindings (Embind). The page's worker creates one Recognizer from the model file's
// bytes, and a Session on it for the ink of the page, and sends ink as JSON; results come back
// as JSON, errors as {"error": "..."}.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include "api/json.h"

namespace {

using inkmath::Recognizer;

std::unique_ptr<Recognizer> make_recognizer(const emscripten::val& bytes) {
  return std::make_unique<Recognizer>(emscripten::convertJSArrayToNumberVector<uint8_t>(bytes));
}

std::string error_json(const std::string& message) { return nlohmann::json{{"error", message}}.dump(); }

// ink_json: {"strokes": [[[x, y, t], ...], ...], "fixed": [...]}
std::string recognize(const Recognizer& r, const std::string& ink_json) {
  try {
    inkmath::RecognizeOptions options;
    const inkmath::Ink ink = inkmath::ink_from_json_text(ink_json, &options, r.config().limits);
    return inkmath::to_json(r.recognize(ink, options)).dump();
  } catch (const std::exception& e) {  // inkmath::Error, or running out of memory
    return error_json(e.what());
  }
}

// A session: one surface's ink as it changes (api/inkmath.h). The worker sends the whole ink
// after each change to recognize(); the finer calls edit the session's ink in place.
std::string session_recognize(inkmath::Session& s, const std::string& ink_json) {
  try {
    inkmath::RecognizeOptions options;
    const inkmath::Ink ink = inkmath::ink_from_json_text(ink_json, &options, s.recognizer().config().limits);
    return inkmath::to_json(s.recognize(ink, options)).dump();
  } catch (const std::exception& e) {
    return error_json(e.what());
  }
}

// The same with the points as numbers (api/json.h, ink_from_points): points, a Float64Array of
// x, y, t, pressure per point; lengths, an Int32Array of points per stroke; rest_json, the ink
// JSON without its strokes. Copied into the module's memory in one step each, not parsed.
std::string session_recognize_points(inkmath::Session& s, const emscripten::val& points, const emscripten::val& lengths,
                                     const std::string& rest_json) {
  try {
    const auto rest = nlohmann::json::parse(rest_json, nullptr, false);
    if (rest.is_discarded()) throw inkmath::Error("ink: invalid JSON");
    inkmath::RecognizeOptions options;
    const inkmath::Ink ink = inkmath::ink_from_points(emscripten::convertJSArrayToNumberVector<double>(points),
                                                      emscripten::convertJSArrayToNumberVector<int>(lengths), rest,
                                                      &options, s.recognizer().config().limits);
    return inkmath::to_json(s.recognize(ink, options)).dump();
  } catch (const std::exception& e) {
    return error_json(e.what());
  }
}

// stroke_json: [[x, y, t], ...] -> {"index": i}
std::string session_add_stroke(inkmath::Session& s, const std::string& stroke_json) {
  try {
    const std::string ink_json = "{\"strokes\": [" + stroke_json + "]}";
    inkmath::Ink ink = inkmath::ink_from_json_text(ink_json, nullptr, s.recognizer().config().limits);
    if (ink.strokes.size() != 1) throw inkmath::Error("addStroke: expected one stroke");
    return nlohmann::json{{"index", s.add_stroke(std::move(ink.strokes[0]))}}.dump();
  } catch (const std::exception& e) {
    return error_json(e.what());
  }
}

// strokes_json: [i, ...] -> {}
std::string session_remove_strokes(inkmath::Session& s, const std::string& strokes_json) {
  try {
    const auto j = nlohmann::json::parse(strokes_json, nullptr, false);
    if (!j.is_array()) throw inkmath::Error("removeStrokes: expected a list of stroke indices");
    std::vector<int> strokes;
    for (const auto& i : j) {
      if (!i.is_number_integer()) throw inkmath::Error("removeStrokes: stroke indices must be integers");
      strokes.push_back(i.get<int>());
    }
    s.remove_strokes(strokes);
    return "{}";
  } catch (const std::exception& e) {
    return error_json(e.what());
  }
}

// symbol_json: {"strokes": [i, ...], "label": "x"} -> {}
std::string session_fix(inkmath::Session& s, const std::string& symbol_json) {
  try {
    const auto j = nlohmann::json::parse(symbol_json, nullptr, false);
    if (!j.is_object() || !j.contains("label") || !j["label"].is_string() || !j.contains("strokes") || !j["strokes"].is_array())
      throw inkmath::Error("fix: expected {\"strokes\": [...], \"label\": \"...\"}");
    inkmath::SymbolTruth symbol{{}, j["label"].get<std::string>()};
    for (const auto& i : j["strokes"]) {
      if (!i.is_number_integer()) throw inkmath::Error("fix: stroke indices must be integers");
      symbol.strokes.push_back(i.get<int>());
    }
    s.fix(std::move(symbol));
    return "{}";
  } catch (const std::exception& e) {
    return error_json(e.what());
  }
}

// options_json: {"lines": bool, "vocabulary": ...} or "" -> the reading
std::string session_read(inkmath::Session& s, const std::string& options_json) {
  try {
    inkmath::RecognizeOptions options;
    if (!options_json.empty()) {
      const std::string ink_json = "{\"strokes\": [], \"options\": " + options_json + "}";
      inkmath::ink_from_json_text(ink_json, &options, s.recognizer().config().limits);
    }
    return inkmath::to_json(s.read(options)).dump();
  } catch (const std::exception& e) {
    return error_json(e.what());
  }
}

// -> groups left to classify ahead; -1 when it failed (nothing more is done ahead then).
int session_prepare(inkmath::Session& s, int max_groups) {
  try {
    return s.prepare(max_groups);
  } catch (const std::exception&) {
    return -1;
  }
}

std::string session_counts(const inkmath::Session& s) {
  return nlohmann::json{{"classified", s.groups_classified()}, {"reused", s.groups_reused()}, {"prepared", s.groups_prepared()}}.dump();
}

// Throws to JavaScript as a string message (the constructor has no other way to fail).
std::unique_ptr<Recognizer> create(const emscripten::val& bytes) {
  try {
    return make_recognizer(bytes);
  } catch (const std::exception& e) {  // inkmath::Error, or running out of memory
    emscripten::val::global("Error").new_(std::string(e.what())).throw_();
  }
}

}  // namespace

EMSCRIPTEN_BINDINGS(inkmath) {
  emscripten::class_<Recognizer>("Recognizer")
      .constructor(&create)
      .function("recognize", &recognize);
  // new Session(recognizer): the recognizer must not be deleted before the session.
  emscripten::class_<inkmath::Session>("Session")
      .constructor<const Recognizer&>()
      .function("recognize", &session_recognize)
      .function("recognizePoints", &session_recognize_points)
      .function("addStroke", &session_add_stroke)
      .function("removeStrokes", &session_remove_strokes)
      .function("fix", &session_fix)
      .function("read", &session_read)
      .function("prepare", &session_prepare)
      .function("counts", &session_counts);
}
