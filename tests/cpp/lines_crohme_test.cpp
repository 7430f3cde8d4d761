// Pages of several lines stacked from valid2013 expressions of one writer: split into the
// right lines, and each line read exactly as that expression read alone. Skipped, with the
// reason, when the CROHME data or the weights are absent.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>

#include "api/inkmath.h"
#include "api/json.h"
#include "lines/lines.h"
#include "lines/pages.h"

using namespace inkmath;
namespace fs = std::filesystem;

namespace {

// The stacked pages of valid2013, or none with the reason printed.
std::vector<NamedPage> valid_pages() {
  const char* env = std::getenv("INKMATH_DATA");
  const fs::path dir = fs::path(env ? env : INKMATH_SOURCE_DIR "/../shared/data/crohme") / "valid2013";
  if (!fs::is_directory(dir)) {
    WARN("skipped: no CROHME data at " << dir.string() << " (set INKMATH_DATA)");
    return {};
  }
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".inkml") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  std::mt19937 rng(1);
  return writer_pages(files, rng);
}

bool split_right(const NamedPage& p, const LineParams& params = {}) {
  const auto lines = split_lines(p.page.ink, {}, params);
  if (lines.size() != p.page.lines.size()) return false;
  for (size_t k = 0; k < lines.size(); ++k)
    if (lines[k].strokes != p.page.lines[k]) return false;
  return true;
}

}  // namespace

// `inkmath pages` prints the same figure, and what went wrong on each page split wrong.
TEST_CASE("valid2013 pages of one writer's expressions: 95% split into the right lines", "[crohme][lines]") {
  const auto pages = valid_pages();
  if (pages.empty()) return;
  int right = 0;
  for (const auto& p : pages) right += split_right(p);
  INFO(right << " of " << pages.size() << " pages split right");
  CHECK(right >= 0.95 * double(pages.size()));
}

TEST_CASE("valid2013 pages: each line split right reads exactly as its expression alone", "[crohme][lines]") {
  const auto pages = valid_pages();
  if (pages.empty()) return;
  const fs::path weights = fs::path(INKMATH_SOURCE_DIR) / "weights" / "inkmath.bin";
  if (!fs::exists(weights)) {
    WARN("skipped: no weights at " << weights.string());
    return;
  }
  const Recognizer recognizer(read_file_bytes(weights.string()));
  RecognizeOptions as_lines;
  as_lines.lines = true;
  int lines = 0;
  for (size_t i = 0; i < pages.size() && lines < 60; i += 3) {  // a third of the pages keeps it short
    const NamedPage& p = pages[i];
    if (!split_right(p, recognizer.config().lines)) continue;
    const Recognition page = recognizer.recognize(p.page.ink, as_lines);
    const nlohmann::json page_json = to_json(page);
    REQUIRE(page.lines.size() == p.page.lines.size());
    for (size_t k = 0; k < page.lines.size(); ++k) {
      INFO(p.names << ", line " << k + 1);
      const Recognition alone = recognizer.recognize(sub_ink(p.page.ink, p.page.lines[k]));
      CHECK(page.lines[k].latex == alone.latex);
      CHECK(page_json["lines"][k]["tree"] == to_json(alone)["tree"]);
      REQUIRE(page.lines[k].symbols.size() == alone.symbols.size());
      for (size_t j = 0; j < alone.symbols.size(); ++j) {
        std::vector<int> strokes;
        for (int s : alone.symbols[j].strokes) strokes.push_back(p.page.lines[k][s]);
        CHECK(page.lines[k].symbols[j].label == alone.symbols[j].label);
        CHECK(page.lines[k].symbols[j].strokes == strokes);
      }
      ++lines;
    }
  }
  CHECK(lines >= 30);
}
