// WebAssembly bindings (Embind). The page's worker creates one Recognizer from the weight
// bytes and sends ink as JSON; results come back as JSON, errors as {"error": "..."}.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include "api/inkmath.h"

namespace {

using inkmath::Recognizer;

std::unique_ptr<Recognizer> make_recognizer(const emscripten::val& bytes, const emscripten::val& language) {
  return std::make_unique<Recognizer>(emscripten::convertJSArrayToNumberVector<uint8_t>(bytes),
                                      language.isUndefined() || language.isNull()
                                          ? std::vector<uint8_t>{}
                                          : emscripten::convertJSArrayToNumberVector<uint8_t>(language));
}

std::string error_json(const std::string& message) { return nlohmann::json{{"error", message}}.dump(); }

// ink_json: {"strokes": [[[x, y, t], ...], ...], "fixed": [...], "vocabulary": "school" or [...]}
std::string recognize(const Recognizer& r, const std::string& ink_json) {
  try {
    inkmath::RecognizeOptions options;
    const inkmath::Ink ink = inkmath::ink_from_json_text(ink_json, &options);
    return inkmath::to_json(r.recognize(ink, options)).dump();
  } catch (const std::exception& e) {  // inkmath::Error, or running out of memory
    return error_json(e.what());
  }
}

// Throws to JavaScript as a string message (the constructor has no other way to fail).
// new Recognizer(weights) or new Recognizer(weights, languageModel): without one, no language model.
std::unique_ptr<Recognizer> create_with_language(const emscripten::val& bytes, const emscripten::val& language) {
  try {
    return make_recognizer(bytes, language);
  } catch (const std::exception& e) {  // inkmath::Error, or running out of memory
    emscripten::val::global("Error").new_(std::string(e.what())).throw_();
  }
}

}  // namespace

std::unique_ptr<Recognizer> create(const emscripten::val& bytes) { return create_with_language(bytes, emscripten::val::undefined()); }

EMSCRIPTEN_BINDINGS(inkmath) {
  emscripten::class_<Recognizer>("Recognizer")
      .constructor(&create)
      .constructor(&create_with_language)
      .function("recognize", &recognize);
}
