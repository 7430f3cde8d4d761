// `inkmath pack`: builds the model file from a classifier weight file and fitted parts.
// `inkmath model`: what a model file holds, the settings it gives, and whether a part is stale.
#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "model/container.h"
#include "nn/weights_file.h"

namespace inkmath::cli {

namespace {

const PartKind* kind_of(const std::string& name) {
  for (const PartKind& k : part_kinds())
    if (name == k.name) return &k;
  return nullptr;
}

void write_file(const std::string& path, const std::vector<uint8_t>& bytes) {
  const std::string temporary = path + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary);
    if (!out || !out.write(reinterpret_cast<const char*>(bytes.data()), long(bytes.size())))
      throw Error(temporary + ": cannot write");
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) throw Error(path + ": cannot write");
}

}  // namespace

int pack(const Args& args) {
  const std::string out = args.option("out", "");
  if (out.empty()) throw UsageError("pack needs --out FILE");
  ModelFile file;
  const std::string base = args.option("model", "");
  if (!base.empty()) {
    try {
      file = read_model_file(read_file_bytes(base));
    } catch (const Error& e) {
      throw Error(base + ": " + e.what());
    }
  }
  const std::string classifier = args.option("classifier", "");
  if (!classifier.empty()) {
    ModelPart part;
    part.bytes = read_file_bytes(classifier);
    try {
      const WeightsFile weights = read_weights(part.bytes);  // refuse a broken classifier now
      std::string command = args.option("command", "scripts/train, then scripts/export.py");
      const nlohmann::json& training = weights.meta.value("training", nlohmann::json::object());
      if (training.is_object() && training.contains("command") && training["command"].is_string())
        command = training["command"].get<std::string>();
      part.info = {{"name", "classifier"},
                   {"what", kind_of("classifier")->what},
                   {"fitted_on", args.option("fitted-on", "train2014")},
                   {"command", command},
                   {"crc32", checksum_text(part.bytes)}};
    } catch (const Error& e) {
      throw Error(classifier + ": " + e.what());
    }
    bool replaced = false;
    for (ModelPart& p : file.parts)
      if (p.name() == "classifier") p = part, replaced = true;
    if (!replaced) file.parts.insert(file.parts.begin(), part);
  }
  const ModelPart* current = file.find("classifier");
  if (!current) throw UsageError("pack needs a classifier: --classifier FILE, or --model FILE that has one");
  const std::string crc = checksum_text(current->bytes);
  for (const std::string& given : args.all("part")) {
    const size_t eq = given.find('=');
    if (eq == std::string::npos) throw UsageError("--part expects NAME=FILE");
    const std::string name = given.substr(0, eq);
    const PartKind* kind = kind_of(name);
    if (!kind || name == "classifier")
      throw UsageError("unknown part '" + name + "' (relations, context, layout, lines, language, grouping or settings; the classifier is --classifier)");
    ModelPart part;
    part.bytes = read_file_bytes(given.substr(eq + 1));
    part.info = {{"name", name},
                 {"what", kind->what},
                 {"fitted_on", args.option("fitted-on", "")},
                 {"command", args.option("command", "")},
                 {"classifier_crc32", kind->fitted_against_classifier ? nlohmann::json(crc) : nlohmann::json()}};
    bool replaced = false;
    for (ModelPart& p : file.parts)
      if (p.name() == name) p = part, replaced = true;
    if (!replaced) file.parts.push_back(part);
  }
  const std::vector<uint8_t> bytes = write_model_file(file);
  load_model(bytes);  // every part must load before the file is written
  write_file(out, bytes);
  std::cerr << "inkmath: wrote " << out << " (" << bytes.size() << " bytes;";
  for (const ModelPart& p : file.parts) std::cerr << " " << p.name();
  std::cerr << ")\n";
  for (const std::string& problem : stale_parts(bytes)) std::cerr << "inkmath: stale: " << problem << "\n";
  return 0;
}

int model(const Args& args) {
  const auto bytes = read_file_bytes(args.weights);
  const std::string part = args.option("part", "");
  if (!part.empty()) {
    if (!is_model_file(bytes)) throw Error(args.weights + ": a bare classifier has no parts");
    const ModelFile file = read_model_file(bytes);
    const ModelPart* p = file.find(part);
    if (!p) throw Error(args.weights + ": no part '" + part + "'");
    std::cout.write(reinterpret_cast<const char*>(p->bytes.data()), long(p->bytes.size()));
    return 0;
  }
  const Recognizer recognizer = load_recognizer(args);
  const auto problems = stale_parts(bytes);
  nlohmann::json report = {{"parts", nlohmann::json::parse(recognizer.manifest())},
                           {"config", nlohmann::json::parse(config_json(recognizer.config()))},
                           {"stale", problems}};
  std::cout << report.dump(2) << "\n";
  return problems.empty() ? 0 : 1;
}

}  // namespace inkmath::cli
