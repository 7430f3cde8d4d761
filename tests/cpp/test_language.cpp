// The language model (n-gram probabilities, its file), the search that re-chooses labels with
// it, and vocabularies.
#include <catch2/catch.hpp>
#include <cmath>
#include <sstream>

#include "../fuzz/tiny_model.h"
#include "api/inkmath.h"
#include "api/json.h"
#include "model/container.h"
#include "pipeline/model.h"
#include "language/labels.h"
#include "language/ngram.h"
#include "language/refine.h"
#include "language/vocabulary.h"
#include "latex/normalize.h"

using namespace inkmath;

namespace {

std::vector<std::string> words(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> out;
  for (std::string t; in >> t;) out.push_back(t);
  return out;
}

const std::vector<std::string> kLabels = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "x", "y", "T", "|",
                                          "\\times", "+", "-", "=", "(", ")", "l"};

// A small model of numbers, sums and products, as a child writes them.
LanguageModel school_model(int order = 3) {
  std::vector<std::vector<std::string>> sentences;
  for (const char* s : {"1 2 + 7 = 1 9", "2 7 5", "3 \\times 4 = 1 2", "7 \\times 8 = 5 6", "1 7", "x = 1 7", "2 x + 1 = 7",
                        "1 0 0", "1 2 3", "4 7 1", "6 \\times 7", "y = 2 x + 3", "T ( x ) = x + 1", "| x | = 3", "1 1",
                        "9 7", "5 \\times 9 = 4 5", "1 5 + 1 = 1 6"})
    sentences.push_back(words(s));
  return LanguageModel(order, kLabels, sentences);
}

std::vector<Alternative> alts(std::vector<Alternative> a) { return a; }

std::string best_labels(const LanguageModel* model, const std::vector<std::vector<Alternative>>& positions) {
  const auto best = best_label_readings(model, positions, LanguageParams{}.weight, 1).at(0);
  std::string out;
  for (size_t i = 0; i < positions.size(); ++i) out += (i ? " " : "") + positions[i][best.choices[i]].label;
  return out;
}

}  // namespace

TEST_CASE("n-gram probabilities sum to one over the vocabulary in every context", "[language]") {
  for (int order : {1, 2, 3, 4}) {
    const LanguageModel model = school_model(order);
    const std::vector<std::vector<std::string>> contexts = {{}, {"1"}, {"1", "2"}, {"\\times", "4"}, {"T", "("}, {"(", "l"}};
    for (const auto& context : contexts) {
      std::vector<int> ids;
      for (const auto& t : context) ids.push_back(model.id(t));
      double sum = 0;
      for (int w = 0; w < int(model.tokens().size()); ++w) sum += std::exp(model.log_prob(ids, w));
      CHECK(sum == Approx(1.0).epsilon(1e-9));
    }
  }
}

TEST_CASE("unseen and unknown tokens get a small, finite probability", "[language]") {
  const LanguageModel model = school_model();
  REQUIRE(model.id("\\int") == model.id("<unk>"));  // outside the vocabulary
  const double seen = model.log_prob({model.id("2")}, model.id("7"));
  const double unseen = model.log_prob({model.id("2")}, model.id("l"));  // in the vocabulary, never seen
  const double unknown = model.log_prob({model.id("2")}, model.id("\\int"));
  REQUIRE(std::isfinite(unseen));
  REQUIRE(std::isfinite(unknown));
  REQUIRE(seen > unseen);
  // Digits continue digits; a T between digits is unlikely.
  REQUIRE(model.log_prob(words("2 7 5")) > model.log_prob(words("2 T 5")));
}

TEST_CASE("the model file reads back the same and refuses damage", "[language]") {
  const LanguageModel model = school_model();
  const auto bytes = write_language_model(model);
  const LanguageModel back = read_language_model(bytes);
  REQUIRE(back.order() == 3);
  REQUIRE(back.tokens() == model.tokens());
  for (const char* s : {"1 2 + 7 = 1 9", "T ( x )", "( ( ( 9"})
    REQUIRE(back.log_prob(words(s)) == Approx(model.log_prob(words(s))).epsilon(1e-12));
  REQUIRE(write_language_model(back) == bytes);

  auto truncated = bytes;
  truncated.resize(bytes.size() - 9);
  REQUIRE_THROWS_AS(read_language_model(truncated), Error);
  REQUIRE_THROWS_AS(read_language_model(std::vector<uint8_t>(bytes.begin(), bytes.begin() + 10)), Error);
  auto corrupt = bytes;
  corrupt[bytes.size() / 2] ^= 0x40;
  REQUIRE_THROWS_WITH(read_language_model(corrupt), Catch::Contains("checksum"));
  auto foreign = bytes;
  foreign[0] = 'X';
  REQUIRE_THROWS_WITH(read_language_model(foreign), Catch::Contains("not an inkmath language model"));
  auto version = bytes;
  version[4] = 99;
  REQUIRE_THROWS_WITH(read_language_model(version), Catch::Contains("version 99"));
  REQUIRE_THROWS_AS(read_language_model({}), Error);
  // A model file with a broken language part is refused, naming the part.
  ModelFile file = read_model_file(testing::tiny_model());
  for (ModelPart& p : file.parts)
    if (p.name() == "language") p.bytes = corrupt;
  REQUIRE_THROWS_WITH(Recognizer(write_model_file(file)), Catch::Contains("language part: language model: checksum"));
}

TEST_CASE("labels in reading order from LaTeX", "[language]") {
  auto labels = [](const std::string& latex) {
    std::string out;
    for (const auto& l : reading_labels(normalized_latex_tokens(latex))) out += (out.empty() ? "" : " ") + l;
    return out;
  };
  REQUIRE(labels("\\frac{3}{4} < x^2") == "- 3 4 \\lt x 2");
  REQUIRE(labels("\\sqrt[3]{x_1} + [a]") == "\\sqrt 3 x 1 + [ a ]");
  REQUIRE(labels("\\sin x = 0.5") == "s i n x = 0 . 5");
  REQUIRE(labels("x = -42") == "x = - 4 2");
}

TEST_CASE("the whole expression chooses among look-alikes", "[language]") {
  const LanguageModel model = school_model();
  // A 7 read T between digits.
  const std::vector<std::vector<Alternative>> seven = {{{"2", 0.9f}}, {{"T", 0.6f}, {"7", 0.35f}}, {{"5", 0.9f}}};
  REQUIRE(best_labels(nullptr, seven) == "2 T 5");
  REQUIRE(best_labels(&model, seven) == "2 7 5");
  // A leading 1 read |.
  const std::vector<std::vector<Alternative>> one = {{{"|", 0.55f}, {"1", 0.4f}}, {{"2", 0.9f}}, {{"3", 0.9f}}};
  REQUIRE(best_labels(&model, one) == "1 2 3");
  // \times between numbers, read x.
  const std::vector<std::vector<Alternative>> times = {{{"3", 0.9f}}, {{"x", 0.5f}, {"\\times", 0.45f}}, {{"4", 0.9f}}};
  REQUIRE(best_labels(&model, times) == "3 \\times 4");
  // A sure reading is kept even where the model would rather see something else.
  const std::vector<std::vector<Alternative>> sure = {{{"2", 0.9f}}, {{"T", 0.98f}, {"7", 0.01f}}, {{"5", 0.9f}}};
  REQUIRE(best_labels(&model, sure) == "2 T 5");
}

TEST_CASE("a function name, one symbol, is read by the model as the letters it was fitted on", "[language]") {
  REQUIRE(label_tokens("\\cos") == std::vector<std::string>{"c", "o", "s"});
  REQUIRE(label_tokens("\\cdot") == std::vector<std::string>{"\\cdot"});
  REQUIRE(label_tokens("x") == std::vector<std::string>{"x"});
  const LanguageModel model(3, {"c", "o", "s", "x", "(", ")", "\\cos"},
                            {words("c o s x"), words("c o s ( x )"), words("( c o s x )")});
  // The reading of one \cos symbol and an x scores what the letters c o s x score.
  const std::vector<std::vector<Alternative>> positions = {{{"\\cos", 1.0f}}, {{"x", 1.0f}}};
  const auto reading = best_label_readings(&model, positions, 1.0, 1).at(0);
  REQUIRE(reading.score == Approx(model.log_prob(words("c o s x"))).epsilon(1e-9));
  REQUIRE(reading.score > model.log_prob(words("\\cos x")));
}

TEST_CASE("n-best readings: distinct, best first, probabilities that add up", "[language]") {
  const LanguageModel model = school_model();
  const std::vector<std::vector<Alternative>> positions = {
      {{"1", 0.5f}, {"|", 0.3f}, {"l", 0.2f}}, {{"7", 0.5f}, {"T", 0.4f}}, {{"x", 0.6f}, {"\\times", 0.3f}}, {{"2", 1.0f}}};
  const auto readings = best_label_readings(&model, positions, LanguageParams{}.weight, 3);
  REQUIRE(readings.size() == 3);
  double sum = 0;
  for (size_t i = 0; i < readings.size(); ++i) {
    sum += readings[i].probability;
    if (i > 0) {
      REQUIRE(readings[i].score <= readings[i - 1].score);
      REQUIRE(readings[i].choices != readings[i - 1].choices);
    }
  }
  REQUIRE(sum <= 1.0 + 1e-9);
  REQUIRE(readings[0].probability > readings[2].probability);
  // The search is exact: the best of all 3 * 2 * 2 sequences, scored one by one.
  double best = -1e9;
  for (int a = 0; a < 3; ++a)
    for (int b = 0; b < 2; ++b)
      for (int c = 0; c < 2; ++c) {
        const std::vector<std::string> s = {positions[0][a].label, positions[1][b].label, positions[2][c].label, "2"};
        const double score = std::log(double(positions[0][a].score)) + std::log(double(positions[1][b].score)) +
                             std::log(double(positions[2][c].score)) + LanguageParams{}.weight * model.log_prob(s);
        best = std::max(best, score);
      }
  REQUIRE(readings[0].score == Approx(best).epsilon(1e-9));
}

TEST_CASE("vocabularies: built-in sets and lists", "[language]") {
  const auto school = vocabulary_labels("school");
  auto has = [&](const std::string& l) { return std::find(school.begin(), school.end(), l) != school.end(); };
  REQUIRE(school.size() == 36);
  for (const char* l : {"0", "9", "x", "k", "\\times", "\\div", "\\lt", "\\neq", ".", ",", "-", "\\sqrt", "\\pi"}) REQUIRE(has(l));
  for (const char* l : {"T", "|", "l", "\\int", "junk"}) REQUIRE(!has(l));
  REQUIRE(vocabulary_labels("0,1,{,},x") == std::vector<std::string>{"0", "1", ",", "x"});
  REQUIRE(vocabulary_labels("7") == std::vector<std::string>{"7"});
  REQUIRE(vocabulary_labels("school,T").size() == 37);
  REQUIRE_THROWS_WITH(vocabulary_labels("schol"), Catch::Contains("unknown set 'schol' (known: school)"));
  REQUIRE_THROWS_AS(vocabulary_labels(""), Error);
  REQUIRE_THROWS_AS(vocabulary_labels(",,"), Error);
}

TEST_CASE("a vocabulary restricts every symbol's label and alternatives", "[language]") {
  const Recognizer recognizer(testing::tiny_weights());
  Ink ink;
  for (int s = 0; s < 6; ++s) {
    Stroke stroke;
    for (int i = 0; i < 12; ++i) stroke.push_back({s * 30.0 + i * (s % 2 ? 1.5 : 0.3), std::sin(i + s) * 8, i * 10.0});
    ink.strokes.push_back(stroke);
  }
  RecognizeOptions options;
  options.vocabulary = {"2", "x"};
  const Recognition r = recognizer.recognize(ink, options);
  REQUIRE(!r.symbols.empty());
  for (const auto& s : r.symbols) {
    REQUIRE((s.label == "2" || s.label == "x"));
    for (const auto& a : s.alternatives) REQUIRE((a.label == "2" || a.label == "x"));
  }
  REQUIRE(!r.readings.empty());
  REQUIRE(r.readings[0].latex == r.latex);

  options.vocabulary = {"2", "T"};
  REQUIRE_THROWS_WITH(recognizer.recognize(ink, options), Catch::Contains("vocabulary: unknown label 'T'"));
  options.vocabulary = {"junk"};
  REQUIRE_THROWS_AS(recognizer.recognize(ink, options), Error);

  RecognizeOptions from_json;
  ink_from_json_text(R"({"strokes": [[[0, 0], [1, 1]]], "vocabulary": "school"})", &from_json);
  REQUIRE(from_json.vocabulary == vocabulary_labels("school"));
  // The page's library sends options in an object; options it does not know are ignored.
  RecognizeOptions from_options;
  ink_from_json_text(R"({"strokes": [[[0, 0], [1, 1]]], "options": {"vocabulary": ["2", "x"], "other": 1}})", &from_options);
  REQUIRE(from_options.vocabulary == std::vector<std::string>{"2", "x"});
  REQUIRE_THROWS_AS(ink_from_json_text(R"({"strokes": [], "options": {"vocabulary": 7}})", &from_options), Error);
  REQUIRE_THROWS_WITH(ink_from_json_text(R"({"strokes": [], "vocabulary": "nope"})", &from_json), Catch::Contains("unknown set"));
  REQUIRE_THROWS_AS(ink_from_json_text(R"({"strokes": [], "vocabulary": [1, 2]})", &from_json), Error);
  REQUIRE_THROWS_AS(ink_from_json_text(R"({"strokes": [], "vocabulary": []})", &from_json), Error);
}

TEST_CASE("whole readings: the language part of the model file, and language.weight=0 without it", "[language]") {
  const Recognizer with(testing::tiny_model());
  REQUIRE(with.model().language.has_value());
  REQUIRE(!Recognizer(testing::tiny_weights()).model().language.has_value());
  Ink ink;
  for (int s = 0; s < 5; ++s) {
    Stroke stroke;
    for (int i = 0; i < 12; ++i) stroke.push_back({s * 30.0 + i * (s % 2 ? 1.5 : 0.3), std::sin(i + s) * 8, i * 10.0});
    ink.strokes.push_back(stroke);
  }
  const Recognition r = with.recognize(ink);
  REQUIRE(!r.readings.empty());
  REQUIRE(int(r.readings.size()) <= with.config().language.readings);
  REQUIRE(r.readings[0].latex == r.latex);
  double sum = 0;
  for (size_t i = 0; i < r.readings.size(); ++i) {
    sum += r.readings[i].probability;
    for (size_t j = 0; j < i; ++j) REQUIRE(r.readings[i].latex != r.readings[j].latex);
  }
  // Shares among the sequences the search kept, of which these are the best.
  REQUIRE(sum > 0);
  REQUIRE(sum <= 1 + 1e-9);
  for (size_t i = 1; i < r.readings.size(); ++i) REQUIRE(r.readings[i].probability <= r.readings[0].probability + 1e-9);

  // Weight 0: each symbol keeps the label refinement gave it, as without the language part.
  Config off = with.config();
  off.language.weight = 0;
  ModelFile file = read_model_file(testing::tiny_model());
  file.parts.erase(std::remove_if(file.parts.begin(), file.parts.end(), [](const ModelPart& p) { return p.name() == "language"; }),
                   file.parts.end());
  const Recognizer without(write_model_file(file));
  const Recognition a = with.recognize(ink, {}, off);
  const Recognition b = without.recognize(ink, {}, off);
  REQUIRE(a.latex == b.latex);
  REQUIRE(a.readings.size() == b.readings.size());
}

namespace {

// Symbols side by side on one row, each with its classifier alternatives, best first.
std::string read_row(const LanguageModel& model, const std::vector<std::vector<Alternative>>& alternatives,
                     const LanguageParams& params) {
  std::vector<RecognizedSymbol> symbols;
  LayoutRow row;
  for (const auto& a : alternatives) {
    RecognizedSymbol s;
    s.label = a.front().label;
    s.score = a.front().score;
    s.alternatives = a;
    row.push_back(LayoutNode{LayoutNode::Type::Symbol, int(symbols.size()), {}, {}, {}, {}});
    symbols.push_back(s);
  }
  const auto readings = best_readings(&model, row, symbols, params);
  double sum = 0;
  for (const auto& r : readings) sum += r.probability;
  REQUIRE(sum > 0);
  REQUIRE(sum <= 1 + 1e-9);
  std::string out;
  for (const auto& s : readings.at(0).symbols) out += (out.empty() ? "" : " ") + s.label;
  return out;
}

}  // namespace

TEST_CASE("whole readings write a letter in one case, bars in pairs and balanced parentheses, a ( left open while it is written", "[language]") {
  // A model that has no preference between x and X, nor has seen two letters together.
  std::vector<std::vector<std::string>> sentences;
  for (const char* s : {"x + 1", "X + 1", "1 + x", "1 + X"}) sentences.push_back(words(s));
  const LanguageModel cases(3, {"x", "X", "+", "1"}, sentences);
  LanguageParams params;
  params.weight = 0.7;
  params.alternatives = 5;
  params.mixed_case = 0;
  params.odd_bars = 0;
  params.unbalanced = 0;
  // The classifier reads the first x large, the second small: each alone would be read so.
  const std::vector<std::vector<Alternative>> xs = {{{"X", 0.7f}, {"x", 0.3f}}, {{"+", 0.9f}}, {{"x", 0.6f}, {"X", 0.4f}}};
  CHECK(read_row(cases, xs, params) == "X + x");
  params.mixed_case = 3;
  CHECK(read_row(cases, xs, params) == "X + X");
  // Where the classifier is sure of both cases, the letters stay as read.
  const std::vector<std::vector<Alternative>> sure = {{{"X", 0.99f}, {"x", 0.01f}}, {{"+", 0.9f}}, {{"x", 0.99f}, {"X", 0.01f}}};
  CHECK(read_row(cases, sure, params) == "X + x");

  // |x| with its closing bar read 1.
  const LanguageModel school = school_model();
  const std::vector<std::vector<Alternative>> bars = {{{"|", 0.7f}, {"1", 0.3f}}, {{"x", 0.9f}}, {{"1", 0.6f}, {"|", 0.4f}}};
  params.mixed_case = 0;
  CHECK(read_row(school, bars, params) == "| x 1");
  params.odd_bars = 3;
  CHECK(read_row(school, bars, params) == "| x |");
  // An even number of bars is left alone: 1 1 stays.
  const std::vector<std::vector<Alternative>> ones = {{{"1", 0.8f}, {"|", 0.2f}}, {{"1", 0.8f}, {"|", 0.2f}}};
  CHECK(read_row(school, ones, params) == "1 1");

  // A lone 1 read as a bar, its 1 too unlikely for the search (below language.min_score): the
  // rule reads it 1, since nothing else could be its partner.
  params.min_score = 0.02;
  const std::vector<std::vector<Alternative>> lone = {{{"|", 0.99f}, {"1", 0.01f}}, {{"7", 0.9f}}};
  params.odd_bars = 0;
  CHECK(read_row(school, lone, params) == "| 7");
  params.odd_bars = 3;
  CHECK(read_row(school, lone, params) == "1 7");
  // Where a likelier partner is there, the bars pair up: the unlikely 1 is not used.
  const std::vector<std::vector<Alternative>> partner = {
      {{"|", 0.99f}, {"1", 0.01f}}, {{"x", 0.9f}}, {{"1", 0.6f}, {"|", 0.4f}}};
  CHECK(read_row(school, partner, params) == "| x |");
  params.min_score = 0;

  // (x) with its closing parenthesis read 1: the parentheses balance.
  const std::vector<std::vector<Alternative>> parens = {{{"(", 0.9f}}, {{"x", 0.9f}}, {{"1", 0.6f}, {")", 0.4f}}};
  params.odd_bars = 0;
  CHECK(read_row(school, parens, params) == "( x 1");
  params.unbalanced = 3;
  CHECK(read_row(school, parens, params) == "( x )");
  // A sure reading stays unbalanced.
  const std::vector<std::vector<Alternative>> open = {{{"(", 0.9f}}, {{"x", 0.9f}}, {{"1", 0.999f}, {")", 0.001f}}};
  CHECK(read_row(school, open, params) == "( x 1");
  // T(x being written: nothing read after the ( could be its ), so it may stay a ( and the
  // language model's T ( x wins; as unbalanced as a stray ) it would be read 1.
  const std::vector<std::vector<Alternative>> writing = {{{"T", 0.9f}}, {{"(", 0.5f}, {"1", 0.5f}}, {{"x", 0.9f}}};
  params.unclosed = 3;
  CHECK(read_row(school, writing, params) == "T 1 x");
  params.unclosed = 1;
  CHECK(read_row(school, writing, params) == "T ( x");
  // A ) that closes nothing costs as much as before.
  const std::vector<std::vector<Alternative>> stray = {{{"x", 0.9f}}, {{")", 0.8f}, {"1", 0.2f}}};
  CHECK(read_row(school, stray, params) == "x 1");
}
