// A loaded model file: the classifier, the fitted parts, and the settings they were fitted with.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "language/ngram.h"
#include "pipeline/config.h"
#include "refine/context.h"
#include "segment/grouping.h"
#include "structure/relations.h"
#include "symbols/classifier.h"

namespace inkmath {

struct Model {
  SymbolClassifier classifier;
  RelationModel relations;  // hidden 0 when the file has none: the layout keeps to its rules
  ContextTables context;    // empty when the file has none: no context relabelling
  Config config;            // default_config() with the file's fitted settings applied
  std::string manifest;     // the file's manifest (JSON text); "{}" for a bare classifier
  std::optional<LanguageModel> language;  // none when the file has none: readings by the classifier alone
  GroupingModel grouping;   // hidden 0 when the file has none: candidates keep to the largest gap
};

// From a model file (model/container.h), or from a bare classifier weight file (nn/weights_file.h),
// which gets the settings in code and no fitted parts. Throws Error naming the problem.
Model load_model(const std::vector<uint8_t>& bytes);

// The fitted parts a model file may hold, and whether each is fitted against the classifier
// (a new classifier makes it stale) or on ground truth alone.
struct PartKind {
  const char* name;
  const char* what;
  bool fitted_against_classifier;
};
const std::vector<PartKind>& part_kinds();

// Problems with a model file's manifest: fitted parts that name another classifier than the
// file's, unknown parts. Empty when the file is consistent.
std::vector<std::string> stale_parts(const std::vector<uint8_t>& bytes);

}  // namespace inkmath
