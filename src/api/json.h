// JSON in and out of the recognizer, for the command line and the WebAssembly bindings.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "api/inkmath.h"

namespace inkmath {

// {"latex", "readings": [{"latex", "probability", "labels", "strokes"}, ...], "symbols": [{"label", "score", "strokes",
// "box": [x0, y0, x1, y1], "alternatives": [{"label", "score"}, ...], "fixed"}], "tree", "lines":
// [{"strokes", "box", "latex", "symbols", "tree"}, ...], "ms"}. Read as lines, a page of several
// lines has the tree {"type": "lines", "children": [row, ...]}, whose "symbol" fields index the
// page's symbols; each line's own tree indexes that line's symbols.
nlohmann::json to_json(const Recognition& r);

// Reads {"strokes": [[[x, y, t?, pressure?], ...], ...], "fixed": [{"strokes": [..], "label": ".."}],
//        "options": {"lines": true, "vocabulary": "school" or [labels]}} ("vocabulary" may also
// stand at the top level; unknown options are ignored).
// Refuses more strokes than limits.max_strokes before copying them.
Ink ink_from_json(const nlohmann::json& j, RecognizeOptions* options = nullptr, const Limits& limits = {});

// The same from JSON text. Text over kMaxInkJsonBytes is refused unparsed: parsed JSON
// takes up to about 17 times the memory of its text, and the WebAssembly heap is bounded.
constexpr size_t kMaxInkJsonBytes = 16 << 20;
Ink ink_from_json_text(const std::string& text, RecognizeOptions* options = nullptr, const Limits& limits = {});

// The same ink with its points given as numbers, not text: xytp holds x, y, t, pressure of each
// point, stroke after stroke, and lengths each stroke's point count; rest is the ink JSON
// without its strokes ("fixed", "options"...). For the page's worker: reading thousands of
// numbers from text is most of a pen-up's cost outside recognition in WebAssembly.
Ink ink_from_points(const std::vector<double>& xytp, const std::vector<int>& lengths, const nlohmann::json& rest,
                    RecognizeOptions* options = nullptr, const Limits& limits = {});

}  // namespace inkmath
