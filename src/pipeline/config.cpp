#include "pipeline/config.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <sstream>

#include <nlohmann/json.hpp>

namespace inkmath {

namespace {

// One row per setting: its name and how to read and write it as a number.
struct Field {
  const char* name;
  double (*get)(const Config&);
  void (*set)(Config&, double);
  enum Kind { Real, Integer, Boolean } kind;
};

#define INKMATH_FIELD(name, member, kind)                                          \
  Field {                                                                          \
    name, [](const Config& c) { return double(c.member); },                        \
        [](Config& c, double v) { c.member = decltype(c.member)(v); }, Field::kind \
  }

const Field kFields[] = {
    INKMATH_FIELD("limits.max_strokes", limits.max_strokes, Integer),
    INKMATH_FIELD("limits.max_points_per_stroke", limits.max_points_per_stroke, Integer),
    INKMATH_FIELD("limits.max_total_points", limits.max_total_points, Integer),
    INKMATH_FIELD("limits.max_abs_coordinate", limits.max_abs_coordinate, Real),
    INKMATH_FIELD("lines.split", lines.split, Boolean),
    INKMATH_FIELD("lines.overlap", lines.overlap, Real),
    INKMATH_FIELD("lines.reach", lines.reach, Real),
    INKMATH_FIELD("lines.near", lines.near, Real),
    INKMATH_FIELD("lines.tall", lines.tall, Real),
    INKMATH_FIELD("lines.space", lines.space, Real),
    INKMATH_FIELD("lines.rise", lines.rise, Real),
    INKMATH_FIELD("lines.beside_overlap", lines.beside_overlap, Real),
    INKMATH_FIELD("lines.bar_gap", lines.bar_gap, Real),
    INKMATH_FIELD("lines.limit", lines.limit, Real),
    INKMATH_FIELD("lines.limit_gap", lines.limit_gap, Real),
    INKMATH_FIELD("lines.fragment", lines.fragment, Real),
    INKMATH_FIELD("lines.attach", lines.attach, Real),
    INKMATH_FIELD("lines.sideways", lines.sideways, Real),
    INKMATH_FIELD("lines.fragment_reach", lines.fragment_reach, Real),
    INKMATH_FIELD("lines.merge.bias", lines.merge.bias, Real),
    INKMATH_FIELD("lines.merge.gap", lines.merge.gap, Real),
    INKMATH_FIELD("lines.merge.nearest", lines.merge.nearest, Real),
    INKMATH_FIELD("lines.merge.beside", lines.merge.beside, Real),
    INKMATH_FIELD("lines.merge.narrow_width", lines.merge.narrow_width, Real),
    INKMATH_FIELD("lines.merge.wide_width", lines.merge.wide_width, Real),
    INKMATH_FIELD("lines.merge.narrow_height", lines.merge.narrow_height, Real),
    INKMATH_FIELD("lines.merge.wide_height", lines.merge.wide_height, Real),
    INKMATH_FIELD("lines.merge.inside_height", lines.merge.inside_height, Real),
    INKMATH_FIELD("lines.merge.inside_width", lines.merge.inside_width, Real),
    INKMATH_FIELD("lines.merge.tall_gap", lines.merge.tall_gap, Real),
    INKMATH_FIELD("lines.merge.narrow_strokes", lines.merge.narrow_strokes, Real),
    INKMATH_FIELD("alternatives", alternatives, Integer),
    INKMATH_FIELD("segmentation.max_group_strokes", segmentation.limits.max_group_strokes, Integer),
    INKMATH_FIELD("segmentation.max_gap", segmentation.limits.max_gap, Real),
    INKMATH_FIELD("segmentation.symbol_bonus", segmentation.symbol_bonus, Real),
    INKMATH_FIELD("segmentation.junk_weight", segmentation.junk_weight, Real),
    INKMATH_FIELD("segmentation.size_weight", segmentation.size_weight, Real),
    INKMATH_FIELD("segmentation.learned", segmentation.learned, Boolean),
    INKMATH_FIELD("segmentation.grouping_threshold", segmentation.grouping_threshold, Real),
    INKMATH_FIELD("segmentation.grouping_weight", segmentation.grouping_weight, Real),
    INKMATH_FIELD("segmentation.partitions", segmentation.partitions, Integer),
    INKMATH_FIELD("segmentation.partition_weight", segmentation.partition_weight, Real),
    INKMATH_FIELD("refine.ellipsis_step", refine.ellipsis_step, Real),
    INKMATH_FIELD("refine.ellipsis_rise", refine.ellipsis_rise, Real),
    INKMATH_FIELD("refine.tap_reach", refine.tap_reach, Real),
    INKMATH_FIELD("refine.min_score", refine.min_score, Real),
    INKMATH_FIELD("refine.context_weight", refine.context_weight, Real),
    INKMATH_FIELD("earlier.strokes", earlier.strokes, Real),
    INKMATH_FIELD("layout.superscript", layout.superscript, Real),
    INKMATH_FIELD("layout.subscript", layout.subscript, Real),
    INKMATH_FIELD("layout.box_weight", layout.box_weight, Real),
    INKMATH_FIELD("layout.size_weight", layout.size_weight, Real),
    INKMATH_FIELD("layout.continuation", layout.continuation, Real),
    INKMATH_FIELD("layout.learned", layout.learned, Boolean),
    INKMATH_FIELD("layout.weight", layout.weight, Real),
    INKMATH_FIELD("language.weight", language.weight, Real),
    INKMATH_FIELD("language.alternatives", language.alternatives, Integer),
    INKMATH_FIELD("language.min_score", language.min_score, Real),
    INKMATH_FIELD("language.readings", language.readings, Integer),
    INKMATH_FIELD("language.mixed_case", language.mixed_case, Real),
    INKMATH_FIELD("language.odd_bars", language.odd_bars, Real),
    INKMATH_FIELD("language.unbalanced", language.unbalanced, Real),
    INKMATH_FIELD("language.unclosed", language.unclosed, Real),
    INKMATH_FIELD("language.superscript_one", language.superscript_one, Real),
};

#undef INKMATH_FIELD

const Field& field(const std::string& name) {
  for (const Field& f : kFields)
    if (name == f.name) return f;
  throw Error("settings: unknown setting '" + name + "'");
}

void set_number(Config& config, const Field& f, double v) {
  if (!std::isfinite(v)) throw Error(std::string("settings: ") + f.name + " must be a finite number");
  if (f.kind == Field::Integer && (v != std::floor(v) || std::abs(v) > 2e9))
    throw Error(std::string("settings: ") + f.name + " must be a whole number");
  if (f.kind == Field::Boolean && v != 0 && v != 1) throw Error(std::string("settings: ") + f.name + " must be true or false");
  f.set(config, v);
}

// True when `name` is a group of settings ("segmentation"), which a JSON object may hold.
bool is_group(const std::string& name) {
  for (const Field& f : kFields)
    if (std::string(f.name).rfind(name + ".", 0) == 0) return true;
  return false;
}

void apply(Config& config, const std::string& prefix, const nlohmann::json& j) {
  for (const auto& [key, value] : j.items()) {
    const std::string name = prefix.empty() ? key : prefix + "." + key;
    if (value.is_object()) {
      if (!is_group(name)) throw Error("settings: unknown setting '" + name + "'");
      apply(config, name, value);
    } else if (value.is_boolean()) {
      set_number(config, field(name), value.get<bool>() ? 1 : 0);
    } else if (value.is_number()) {
      set_number(config, field(name), value.get<double>());
    } else {
      throw Error("settings: " + name + " must be a number");
    }
  }
}

}  // namespace

Config default_config() { return Config{}; }

void set_config(Config& config, const std::string& name, const std::string& value) {
  const Field& f = field(name);
  if (value == "true" || value == "false") {
    if (f.kind != Field::Boolean) throw Error("settings: " + name + " must be a number");
    return set_number(config, f, value == "true" ? 1 : 0);
  }
  char* end = nullptr;
  const double v = std::strtod(value.c_str(), &end);
  if (value.empty() || *end != '\0') throw Error("settings: " + name + " must be a number, not '" + value + "'");
  set_number(config, f, v);
}

std::vector<std::string> config_names() {
  std::vector<std::string> out;
  for (const Field& f : kFields) out.push_back(f.name);
  return out;
}

std::string config_value(const Config& config, const std::string& name) {
  const Field& f = field(name);
  const double v = f.get(config);
  if (f.kind == Field::Boolean) return v != 0 ? "true" : "false";
  std::ostringstream out;
  out.precision(f.kind == Field::Integer ? 12 : 9);
  out << v;
  return out.str();
}

void apply_config_json(Config& config, const std::string& json_text) {
  const auto j = nlohmann::json::parse(json_text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) throw Error("settings: expected a JSON object");
  apply(config, "", j);
}

std::string config_json(const Config& config) {
  nlohmann::json j = nlohmann::json::object();
  for (const Field& f : kFields) {
    std::string path = "/" + std::string(f.name);
    std::replace(path.begin(), path.end(), '.', '/');
    const nlohmann::json::json_pointer at(path);
    const double v = f.get(config);
    if (f.kind == Field::Boolean) j[at] = v != 0;
    else if (f.kind == Field::Integer) j[at] = long(v);
    else j[at] = v;
  }
  return j.dump(2);
}

}  // namespace inkmath
