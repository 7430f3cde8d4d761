#include "pipeline/model.h"

#include "model/container.h"

namespace inkmath {

namespace {

std::string text_of(const ModelPart& part) { return std::string(part.bytes.begin(), part.bytes.end()); }

// A learned part fitted on another version of its features than the core computes is stale.
void stale_features(const std::string& part, int version, int current, const char* refit, const char* until,
                    std::vector<std::string>& problems) {
  if (version == current) return;
  problems.push_back("part '" + part + "' was fitted on features version " + std::to_string(version) +
                     ", the core computes version " + std::to_string(current) + ": refit it (" + refit +
                     "); until then " + until);
}

}  // namespace

const std::vector<PartKind>& part_kinds() {
  static const std::vector<PartKind> kinds = {
      {"classifier", "the symbol classifier: a weight file as src/nn/weights_file.h describes", false},
      {"relations", "structure: the row/superscript/subscript MLP (JSON)", false},
      {"context", "refine: how well a size and place among the neighbours fit each look-alike label (JSON)", false},
      {"layout", "settings: the layout thresholds (JSON, Config names)", false},
      {"lines", "settings: the line splitting (JSON, Config names lines.*)", false},
      {"language", "whole readings: a Kneser-Ney n-gram over symbol labels in reading order (src/language/ngram.h)",
       false},
      {"grouping", "segmentation: which strokes belong to one symbol, an MLP over stroke-group features (JSON)", false},
      {"settings", "settings chosen for this classifier: segmentation scores, largest gap, context weight (JSON, "
                   "Config names)",
       true},
  };
  return kinds;
}

Model load_model(const std::vector<uint8_t>& bytes) {
  if (!is_model_file(bytes)) return Model{SymbolClassifier(bytes), {}, {}, default_config(), "{}", {}, {}};
  const ModelFile file = read_model_file(bytes);
  const ModelPart* classifier = file.find("classifier");
  if (!classifier) throw Error("model: no classifier part");
  Model m{SymbolClassifier(classifier->bytes), {}, {}, default_config(), "", {}, {}};
  nlohmann::json manifest = nlohmann::json::array();
  for (const ModelPart& p : file.parts) manifest.push_back(p.info);
  m.manifest = manifest.dump();
  if (const ModelPart* p = file.find("relations")) m.relations = relation_model_from_json(text_of(*p));
  if (const ModelPart* p = file.find("context")) m.context = context_tables_from_json(text_of(*p));
  if (const ModelPart* p = file.find("grouping")) {
    m.grouping = grouping_model_from_json(text_of(*p));
    if (m.grouping.version != kGroupingFeaturesVersion) m.grouping = {};  // stale: the largest gap
  }
  if (const ModelPart* p = file.find("language")) {
    try {
      m.language = read_language_model(p->bytes);
    } catch (const Error& e) {
      throw Error(std::string("model: language part: ") + e.what());
    }
  }
  for (const char* name : {"layout", "lines", "settings"})
    if (const ModelPart* p = file.find(name)) {
      try {
        apply_config_json(m.config, text_of(*p));
      } catch (const Error& e) {
        throw Error(std::string("model: ") + name + " part: " + e.what());
      }
    }
  return m;
}

std::vector<std::string> stale_parts(const std::vector<uint8_t>& bytes) {
  std::vector<std::string> problems;
  if (!is_model_file(bytes)) return {"not a model file: a bare classifier, without fitted parts"};
  const ModelFile file = read_model_file(bytes);
  const ModelPart* classifier = file.find("classifier");
  if (!classifier) return {"no classifier part"};
  const std::string crc = checksum_text(classifier->bytes);
  for (const ModelPart& p : file.parts) {
    const PartKind* kind = nullptr;
    for (const PartKind& k : part_kinds())
      if (p.name() == k.name) kind = &k;
    if (!kind) {
      problems.push_back("part '" + p.name() + "' is of no known kind");
      continue;
    }
    if (p.name() == "relations")
      stale_features(p.name(), relation_model_from_json(text_of(p)).version, kRelationFeaturesVersion,
                     "scripts/fit-relations", "the layout keeps to its rules", problems);
    if (p.name() == "grouping")
      stale_features(p.name(), grouping_model_from_json(text_of(p)).version, kGroupingFeaturesVersion,
                     "scripts/fit-grouping", "candidates keep to the largest gap", problems);
    const nlohmann::json against = p.info.value("classifier_crc32", nlohmann::json());
    if (kind->fitted_against_classifier && !against.is_string())
      problems.push_back("part '" + p.name() + "' does not say which classifier it was fitted against");
    else if (against.is_string() && against.get<std::string>() != crc)
      problems.push_back("part '" + p.name() + "' was fitted against classifier " + against.get<std::string>() +
                         ", the file's is " + crc + ": refit it (" + p.info.value("command", "see weights/README.md") + ")");
  }
  return problems;
}

}  // namespace inkmath
