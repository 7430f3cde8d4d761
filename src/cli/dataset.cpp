// `inkmath dataset`: the classifier's training data, with features computed by the core
// itself. Distortions are applied to the ink before the features, as a writer would vary.
#include <cctype>
#include <cmath>
#include <fstream>
#include <iostream>
#include <random>
#include <set>

#include "cli/commands.h"
#include "features/features.h"
#include "ink/inkml.h"

namespace inkmath::cli {

namespace {

// How one writer differs from another across a whole expression: slant, rotation, aspect,
// size. Drawn once per expression and copy, so that the symbols of a copy share it. `resize`
// (1: as drawn) scales the changes of size and aspect, here and in distort(): a copy's size
// features are still measured in the writer's scale of the ink as written.
struct Style {
  double slant, angle, aspect, scale, resize;
};

Style random_style(std::mt19937& rng, double resize) {
  std::uniform_real_distribution<double> u(-1, 1);
  const double slant = 0.25 * u(rng), angle = 0.1 * u(rng), aspect = std::exp(0.15 * resize * u(rng));
  return {slant, angle, aspect, 1 + 0.08 * resize * u(rng), resize};
}

// The writer's style plus this symbol's own variation (a little more rotation, shear and
// scale, a smooth sinusoidal elastic warp) about the symbol's centre; sometimes a different
// stroke order or a stroke written the other way.
std::vector<Stroke> distort(std::vector<Stroke> strokes, const Style& style, std::mt19937& rng) {
  std::uniform_real_distribution<double> u(-1, 1), unit(0, 1);
  const double angle = style.angle + 0.08 * u(rng), shear = style.slant + 0.08 * u(rng);
  const double own = 0.06 * style.resize;
  const double sx = style.scale * style.aspect * (1 + own * u(rng)), sy = style.scale / style.aspect * (1 + own * u(rng));
  const Box box = bounding_box(strokes);
  const double size = std::max({box.width(), box.height(), 1e-9});
  const double amp = 0.03 * size, fx = 2 + 2 * unit(rng), fy = 2 + 2 * unit(rng), px = 6.3 * unit(rng), py = 6.3 * unit(rng);
  for (auto& s : strokes)
    for (auto& p : s) {
      const double x = (p.x - box.cx()) / size, y = (p.y - box.cy()) / size;
      const double ax = sx * (x + shear * y), ay = sy * y;
      const double rx = std::cos(angle) * ax - std::sin(angle) * ay, ry = std::sin(angle) * ax + std::cos(angle) * ay;
      p.x = box.cx() + rx * size + amp * std::sin(fy * y * 6.3 + px);
      p.y = box.cy() + ry * size + amp * std::sin(fx * x * 6.3 + py);
    }
  if (strokes.size() > 1 && unit(rng) < 0.3) std::shuffle(strokes.begin(), strokes.end(), rng);
  if (unit(rng) < 0.2) {
    auto& s = strokes[std::uniform_int_distribution<size_t>(0, strokes.size() - 1)(rng)];
    std::reverse(s.begin(), s.end());
  }
  return strokes;
}

// Stroke groups that are not one symbol: consecutive strokes across a symbol boundary
// (what segmentation will propose), and now and then a symbol missing one of its strokes.
std::vector<std::vector<int>> junk_groups(const InkmlDocument& doc, int count, std::mt19937& rng) {
  std::set<std::vector<int>> symbols;
  for (const auto& s : doc.symbols) {
    auto sorted = s.strokes;
    std::sort(sorted.begin(), sorted.end());
    symbols.insert(sorted);
  }
  const int n = int(doc.ink.strokes.size());
  std::vector<std::vector<int>> out;
  std::uniform_int_distribution<int> len(2, 3);
  for (int tries = 0; int(out.size()) < count && tries < 20 * count && n >= 2; ++tries) {
    std::vector<int> g;
    if (tries % 4 == 3) {
      const auto& s = doc.symbols[std::uniform_int_distribution<size_t>(0, doc.symbols.size() - 1)(rng)];
      if (s.strokes.size() < 3) continue;  // two-stroke symbols minus one are often a symbol themselves
      g = s.strokes;
      g.erase(g.begin() + std::uniform_int_distribution<size_t>(0, g.size() - 1)(rng));
    } else {
      const int l = std::min(len(rng), n), start = std::uniform_int_distribution<int>(0, n - l)(rng);
      for (int i = start; i < start + l; ++i) g.push_back(i);
    }
    std::sort(g.begin(), g.end());
    if (!symbols.count(g)) out.push_back(g);
  }
  return out;
}

// train2014 has few primes (82 of 85,781 symbols; valid2013 45 of 6,082), so the classifier
// seldom sees one, nor a letter with its prime taken as one group. A prime is drawn here as
// train2014's are written: one short stroke down from beside the letter's top right, about a
// third of its height, its top a little above the letter's, upright or leaning left.
bool takes_prime(const std::string& label) {
  static const std::set<std::string> others = {")", "\\alpha", "\\beta", "\\gamma", "\\theta", "\\phi", "\\sigma",
                                               "\\mu", "\\lambda", "\\pi"};
  return (label.size() == 1 && std::isalpha(static_cast<unsigned char>(label[0]))) || others.count(label) > 0;
}

Stroke prime_beside(const Box& letter, std::mt19937& rng) {
  std::uniform_real_distribution<double> u(0, 1);
  const double h = letter.height(), length = h * (0.2 + 0.3 * u(rng)), lean = -0.1 + 0.7 * u(rng);
  const double bow = (u(rng) - 0.5) * 0.2 * length;
  const double top = letter.y0 + h * (-0.35 + 0.4 * u(rng)), left = letter.x1 + h * (0.02 + 0.28 * u(rng));
  const double x0 = left + std::max(lean, 0.0) * length;
  Stroke stroke;
  for (int i = 0; i < 8; ++i) {
    const double f = i / 7.0;
    stroke.push_back({x0 - lean * length * f + bow * std::sin(3.14159 * f), top + length * f, 0, 0});
  }
  return stroke;
}

// The surroundings of a symbol written by itself: its own strokes are the whole ink, as when a
// child answers with one digit; size and place then say nothing about its neighbours.
Surroundings surroundings_alone(const std::vector<Stroke>& group) {
  const Ink alone{group};
  std::vector<int> all(group.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = int(i);
  return surroundings(alone, stroke_boxes(alone), all, writer_scale(alone));
}

std::vector<Stroke> strokes_of(const Ink& ink, const std::vector<int>& ids) {
  std::vector<Stroke> out;
  for (int i : ids)
    if (!ink.strokes[i].empty()) out.push_back(ink.strokes[i]);
  return out;
}

}  // namespace

int dataset(const Args& args) {
  const auto files = inkml_files(args.positional);
  const std::string out = args.option("out", "");
  if (out.empty()) throw UsageError("dataset needs --out PREFIX");
  const FeatureSet set = feature_set_from_name(args.option("features", "online+context"));
  const int points = int(args.integer("points", 32));
  const int augment = int(args.integer("augment", 0));
  const double resize = args.number("resize", 1);
  if (!(resize >= 0 && resize <= 4)) throw UsageError("--resize must be from 0 to 4");
  const int junk = int(args.integer("junk", 0));
  const double alone = args.number("alone", 0);
  const double primes = args.number("primes", 0);
  if (!(primes >= 0 && primes <= 1)) throw UsageError("--primes must be from 0 to 1");
  const size_t limit = size_t(std::max(0LL, args.integer("limit", 1000000000)));
  const bool with_glyphs = args.option("glyphs", "0") == "1";
  std::mt19937 rng(uint32_t(args.integer("seed", 1)));

  std::ofstream data(out + ".f32", std::ios::binary);
  if (!data) throw Error(out + ".f32: cannot write");
  std::ofstream glyph_data;
  if (with_glyphs) glyph_data.open(out + ".glyphs.f32", std::ios::binary);
  if (with_glyphs && !glyph_data) throw Error(out + ".glyphs.f32: cannot write");
  nlohmann::json labels = nlohmann::json::array(), sources = nlohmann::json::array(), names = nlohmann::json::array(),
                 alone_flags = nlohmann::json::array();
  int failed = 0;
  auto emit = [&](const std::vector<Stroke>& group, const Surroundings& around, const std::string& label, int file,
                  bool by_itself = false) {
    if (group.empty() || int(group.size()) > points) return;
    Eigen::VectorXf glyph;
    const Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> f =
        symbol_features(group, set, points, around, with_glyphs ? &glyph : nullptr);
    data.write(reinterpret_cast<const char*>(f.data()), sizeof(float) * f.size());
    if (with_glyphs) glyph_data.write(reinterpret_cast<const char*>(glyph.data()), sizeof(float) * glyph.size());
    labels.push_back(label);
    sources.push_back(file);
    alone_flags.push_back(by_itself ? 1 : 0);
  };
  // A symbol as written, then its distorted copies, one per writer's style, in the same surroundings.
  auto emit_with_copies = [&](const std::vector<Stroke>& group, const Surroundings& around, const std::string& label,
                              int file, const std::vector<Style>& styles) {
    emit(group, around, label, file);
    for (size_t a = 0; a < styles.size() && !group.empty(); ++a) emit(distort(group, styles[a], rng), around, label, file);
  };
  for (size_t k = 0; k < files.size() && k < limit; ++k) {
    try {
      InkmlDocument doc = read_inkml_file(files[k]);
      sanitize(doc.ink);
      if (doc.symbols.empty()) throw Error(files[k] + ": no labelled symbols");
      names.push_back(files[k]);
      const int file = int(names.size()) - 1;
      const double writer_scale = inkmath::writer_scale(doc.ink);
      const std::vector<Box> boxes = stroke_boxes(doc.ink);
      std::vector<Style> styles;
      for (int a = 0; a < augment; ++a) styles.push_back(random_style(rng, resize));
      for (const auto& s : doc.symbols) {
        const auto group = strokes_of(doc.ink, s.strokes);
        const Surroundings around = surroundings(doc.ink, boxes, s.strokes, writer_scale);
        emit_with_copies(group, around, s.label, file, styles);
        if (alone > 0 && !group.empty() && std::uniform_real_distribution<double>(0, 1)(rng) < alone) {
          const auto copy = augment > 0 ? distort(group, styles[0], rng) : group;
          emit(copy, surroundings_alone(copy), s.label, file, true);
        }
      }
      for (const auto& g : junk_groups(doc, junk, rng))
        emit(strokes_of(doc.ink, g), surroundings(doc.ink, boxes, g, writer_scale), "junk", file);
      std::vector<const SymbolTruth*> letters;
      for (const auto& s : doc.symbols)
        if (primes > 0 && takes_prime(s.label) && !strokes_of(doc.ink, s.strokes).empty()) letters.push_back(&s);
      if (!letters.empty() && std::uniform_real_distribution<double>(0, 1)(rng) < primes) {
        // The prime as a symbol (and its copies), and the letter with it as junk, in the ink with it.
        const SymbolTruth& letter = *letters[std::uniform_int_distribution<size_t>(0, letters.size() - 1)(rng)];
        Ink ink = doc.ink;
        ink.strokes.push_back(prime_beside(bounding_box(strokes_of(doc.ink, letter.strokes)), rng));
        const std::vector<int> prime = {int(ink.strokes.size()) - 1};
        std::vector<int> together = letter.strokes;
        together.push_back(prime[0]);
        const std::vector<Box> with_boxes = stroke_boxes(ink);
        const double scale = inkmath::writer_scale(ink);
        emit_with_copies(strokes_of(ink, prime), surroundings(ink, with_boxes, prime, scale), "\\prime", file, styles);
        emit(strokes_of(ink, together), surroundings(ink, with_boxes, together, scale), "junk", file);
      }
    } catch (const Error& e) {
      std::cerr << "inkmath: skipped " << e.what() << "\n";
      ++failed;
    }
  }
  const nlohmann::json meta = {{"features", feature_set_name(set)}, {"feature_count", feature_count(set)},
                               {"group_features", group_feature_count(set)},
                               {"points", points}, {"count", labels.size()},
                               {"glyph_side", with_glyphs ? glyph_side() : 0}, {"labels", labels},
                               {"sources", sources}, {"alone", alone_flags}, {"files", names}, {"skipped", failed}};
  std::ofstream(out + ".json") << meta.dump();
  std::cerr << "inkmath: " << labels.size() << " samples from " << names.size() << " files, " << failed << " skipped\n";
  return 0;
}

}  // namespace inkmath::cli
