// Every setting of recognition in one struct, in the manner of whisper.cpp's parameters: start
// from default_config() (or the model's, which the model file's fitted settings override) and
// change what you need. Each field is documented once, where its stage declares it.
#pragma once
#include <string>
#include <vector>

#include "features/features.h"
#include "ink/ink.h"
#include "language/params.h"
#include "lines/params.h"
#include "refine/params.h"
#include "segment/params.h"
#include "structure/params.h"

namespace inkmath {

struct Config {
  Limits limits;                    // bounds on the ink, applied first (ink/ink.h)
  LineParams lines;                 // reading a page as written lines, and how to split it (lines/params.h)
  EarlierInk earlier;               // the writer's earlier ink, for the writer's scale (features/features.h);
                                    // its stroke_size is not a setting: RecognizeOptions gives it
  int alternatives = 5;             // labels kept per symbol, best first (at least 1)
  SegmentationParams segmentation;  // candidates and the partition's score (segment/params.h)
  RefineParams refine;              // ellipsis, structural and context relabelling (refine/params.h)
  LayoutParams layout;              // row, script, fraction, root (structure/params.h)
  LanguageParams language;          // whole readings and vocabularies (language/params.h)
};

// The settings in code, before any model file's fitted settings.
Config default_config();

// Settings by name, as the command line and the model file give them: "alternatives",
// "limits.max_strokes", "segmentation.junk_weight", "segmentation.max_gap", "layout.learned",
// "refine.context_weight", "lines.split", "language.weight"... (config_names() lists them all). Values are numbers; booleans
// also true/false. Throws Error for an unknown name or a value that is not a number.
void set_config(Config& config, const std::string& name, const std::string& value);
std::vector<std::string> config_names();
std::string config_value(const Config& config, const std::string& name);

// Applies a JSON object of settings, nested by stage ({"segmentation": {"junk_weight": 4}}) or by
// dotted name ({"segmentation.junk_weight": 4}). Throws Error naming the problem.
void apply_config_json(Config& config, const std::string& json_text);
// The whole configuration as such a JSON object (nested), for printing and for the model file.
std::string config_json(const Config& config);

}  // namespace inkmath
