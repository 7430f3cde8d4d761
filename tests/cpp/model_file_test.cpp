// The model file: a container of the classifier and the fitted parts, with a manifest that says
// which classifier each fitted part belongs to; and the settings it gives (Config).
#include <catch2/catch.hpp>

#include "../fuzz/tiny_model.h"
#include "api/inkmath.h"
#include "api/json.h"
#include "model/container.h"
#include "nn/weights_file.h"
#include "pipeline/model.h"

using namespace inkmath;

namespace {

ModelPart part(const std::string& name, const std::string& text, nlohmann::json classifier_crc = nullptr) {
  ModelPart p;
  p.info = {{"name", name}, {"fitted_on", "test"}, {"command", "test"}, {"classifier_crc32", classifier_crc}};
  p.bytes.assign(text.begin(), text.end());
  return p;
}

ModelFile tiny_model_file() {
  ModelFile f;
  ModelPart classifier;
  classifier.info = {{"name", "classifier"}};
  classifier.bytes = testing::tiny_weights();
  f.parts.push_back(classifier);
  f.parts.push_back(part("settings", R"({"segmentation": {"junk_weight": 3}, "alternatives": 3})",
                         checksum_text(classifier.bytes)));
  f.parts.push_back(part("context", R"({"labels": [{"label": "x", "height_weight": -1.5, "bottom_weight": 0.2,
                                         "bias": 0}]})"));
  return f;
}

}  // namespace

TEST_CASE("no fitted part of the shipped model file is stale", "[model]") {
  const auto bytes = read_file_bytes(INKMATH_SOURCE_DIR "/weights/inkmath.bin");
  REQUIRE(is_model_file(bytes));
  const auto problems = stale_parts(bytes);
  for (const std::string& p : problems) UNSCOPED_INFO(p);
  CHECK(problems.empty());
  const Model m = load_model(bytes);
  CHECK(m.relations.hidden > 0);
  CHECK_FALSE(m.context.labels.empty());
  for (const char* name : {"classifier", "relations", "context", "layout", "settings"})
    CHECK(read_model_file(bytes).find(name) != nullptr);
}

TEST_CASE("a part fitted against another classifier is stale", "[model]") {
  ModelFile f = tiny_model_file();
  CHECK(stale_parts(write_model_file(f)).empty());
  f.parts[1].info["classifier_crc32"] = "00000000";
  const auto problems = stale_parts(write_model_file(f));
  REQUIRE(problems.size() == 1);
  CHECK_THAT(problems[0], Catch::Contains("'settings' was fitted against classifier 00000000"));
  f.parts[1].info["classifier_crc32"] = nullptr;  // settings always depend on the classifier
  CHECK_THAT(stale_parts(write_model_file(f)).at(0), Catch::Contains("does not say which classifier"));
  // Another classifier in the same file makes the settings fitted for the first one stale.
  f = tiny_model_file();
  WeightsFile other = read_weights(f.parts[0].bytes);
  other.meta["temperature"] = 0.5;
  f.parts[0].bytes = write_weights(other);
  REQUIRE(stale_parts(write_model_file(f)).size() == 1);
  CHECK_THAT(stale_parts(write_model_file(f)).at(0), Catch::Contains("'settings' was fitted against classifier"));
}

TEST_CASE("the model file's settings are the recognizer's defaults", "[model]") {
  const auto bytes = write_model_file(tiny_model_file());
  const Recognizer r(bytes);
  CHECK(r.config().segmentation.junk_weight == 3);
  CHECK(r.config().alternatives == 3);
  CHECK(r.config().layout.superscript == default_config().layout.superscript);
  CHECK(r.model().context.labels.size() == 1);
  CHECK(r.model().relations.hidden == 0);
  // A bare classifier weight file still loads, with the settings in code and no fitted parts.
  const Recognizer bare(testing::tiny_weights());
  CHECK(bare.config().segmentation.junk_weight == default_config().segmentation.junk_weight);
  CHECK(bare.manifest() == "{}");
}

TEST_CASE("broken model files are refused with the reason", "[model]") {
  const auto good = write_model_file(tiny_model_file());
  const auto truncated = std::vector<uint8_t>(good.begin(), good.begin() + long(good.size() / 2));
  REQUIRE_THROWS_WITH(Recognizer(truncated), Catch::Contains("model: checksum mismatch"));
  auto corrupted = good;
  corrupted[40] ^= 0x55;
  REQUIRE_THROWS_WITH(Recognizer(corrupted), Catch::Contains("model: checksum mismatch"));
  auto version = good;
  version[4] = 99;
  const uint32_t crc = crc32(version.data(), version.size() - 4);
  std::memcpy(version.data() + version.size() - 4, &crc, 4);
  REQUIRE_THROWS_WITH(Recognizer(version), Catch::Contains("model: version 99 not supported"));
  ModelFile no_classifier = tiny_model_file();
  no_classifier.parts.erase(no_classifier.parts.begin());
  no_classifier.parts.pop_back();
  REQUIRE_THROWS_WITH(Recognizer(write_model_file(no_classifier)), Catch::Contains("no classifier part"));
  ModelFile bad_part = tiny_model_file();
  bad_part.parts.push_back(
      part("relations", R"({"version": )" + std::to_string(kRelationFeaturesVersion) + R"(, "hidden": 2, "mean": [1]})"));
  REQUIRE_THROWS_WITH(Recognizer(write_model_file(bad_part)), Catch::Contains("relations part"));
  ModelFile bad_setting = tiny_model_file();
  bad_setting.parts[1] = part("settings", R"({"segmentation": {"junk": 3}})");
  REQUIRE_THROWS_WITH(Recognizer(write_model_file(bad_setting)), Catch::Contains("unknown setting 'segmentation.junk'"));
}

TEST_CASE("settings by name, from JSON, and back", "[config]") {
  Config c = default_config();
  set_config(c, "segmentation.max_gap", "1.3");
  set_config(c, "layout.learned", "false");
  set_config(c, "alternatives", "2");
  CHECK(c.segmentation.limits.max_gap == 1.3);
  CHECK_FALSE(c.layout.learned);
  CHECK(c.alternatives == 2);
  CHECK(config_value(c, "layout.learned") == "false");
  CHECK_THROWS_WITH(set_config(c, "alternatives", "2.5"), Catch::Contains("whole number"));
  CHECK_THROWS_WITH(set_config(c, "segmentation.max_gap", "wide"), Catch::Contains("must be a number"));
  CHECK_THROWS_WITH(set_config(c, "no.such", "1"), Catch::Contains("unknown setting 'no.such'"));
  apply_config_json(c, R"({"refine": {"context_weight": 0.5}, "layout.superscript": 0.7})");
  CHECK(c.refine.context_weight == 0.5);
  CHECK(c.layout.superscript == 0.7);
  Config round_trip = default_config();
  apply_config_json(round_trip, config_json(c));
  for (const std::string& name : config_names()) CHECK(config_value(round_trip, name) == config_value(c, name));
}

TEST_CASE("a fixed symbol comes back with the classifier's other readings", "[model]") {
  const Recognizer r(testing::tiny_weights());
  const Ink ink{{{{0, 0}, {10, 10}}, {{10, 0}, {0, 10}}, {{20, 5}, {30, 5}}}};
  RecognizeOptions options;
  options.fixed = {{{0, 1}, "x"}};
  const Recognition reading = r.recognize(ink, options);
  const RecognizedSymbol* fixed = nullptr;
  for (const auto& s : reading.symbols)
    if (s.strokes == std::vector<int>{0, 1}) fixed = &s;
  REQUIRE(fixed);
  CHECK(fixed->fixed);
  CHECK(fixed->label == "x");
  CHECK(fixed->score == 1);
  REQUIRE(fixed->alternatives.size() == size_t(r.config().alternatives));
  CHECK(fixed->alternatives[0].label == "x");
  for (size_t i = 1; i < fixed->alternatives.size(); ++i) {
    CHECK(fixed->alternatives[i].label != "x");
    CHECK(fixed->alternatives[i].score < 1);
  }
  for (const auto& s : reading.symbols)
    if (&s != fixed) CHECK_FALSE(s.fixed);
  const nlohmann::json j = to_json(reading);
  bool seen = false;
  for (const auto& s : j["symbols"]) seen = seen || (s["fixed"] == true && s["alternatives"].size() > 1);
  CHECK(seen);
}
