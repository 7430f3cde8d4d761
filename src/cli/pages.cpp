// inkmath pages: pages of several written lines, stacked from each writer's expressions, and
// how well they are split into lines (and, with --read, whether each line reads as alone).
#include <algorithm>
#include <chrono>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <sstream>

#include "cli/commands.h"
#include "ink/inkml.h"
#include "lines/lines.h"
#include "lines/pages.h"

namespace inkmath::cli {

namespace {

std::vector<double> numbers(const std::string& text, const std::string& option) {
  std::vector<double> out;
  std::stringstream in(text);
  std::string item;
  while (std::getline(in, item, ',')) out.push_back(parse_number(item, option));
  return out;
}

std::vector<LineParams> line_params(const std::string& text, const LineParams& base) {
  std::vector<LineParams> out;
  std::stringstream in(text);
  std::string set;
  while (std::getline(in, set, ';')) {
    const auto v = numbers(set, "line-params");
    if (v.size() != 14) throw UsageError("--line-params: give fourteen numbers O,R,N,T,P,E,W,B,L,G,F,A,S,X");
    LineParams p = base;
    double* fields[] = {&p.overlap, &p.reach, &p.near, &p.tall, &p.space, &p.rise, &p.beside_overlap,
                        &p.bar_gap, &p.limit, &p.limit_gap, &p.fragment, &p.attach, &p.sideways, &p.fragment_reach};
    for (size_t k = 0; k < v.size(); ++k) *fields[k] = v[k];
    out.push_back(p);
  }
  return out;
}

std::string describe(const LineParams& p) {
  std::ostringstream out;
  out << p.overlap << "," << p.reach << "," << p.near << "," << p.tall << "," << p.space << "," << p.rise << "," << p.beside_overlap << "," << p.bar_gap << "," << p.limit << "," << p.limit_gap << "," << p.fragment << "," << p.attach << "," << p.sideways << "," << p.fragment_reach;
  return out.str();
}

double percent(int a, int b) { return b ? 100.0 * a / b : 0; }

// What went wrong on a page split wrong: for each found line, the true lines (from 1, top to
// bottom) its strokes come from, "2+3" when two are joined, "2" twice when one is broken.
std::string mistakes(const std::vector<InkLine>& found, const std::vector<std::vector<int>>& truth) {
  std::map<int, int> line_of;
  for (size_t k = 0; k < truth.size(); ++k)
    for (int s : truth[k]) line_of[s] = int(k) + 1;
  std::ostringstream out;
  for (size_t f = 0; f < found.size(); ++f) {
    std::vector<int> from;
    for (int s : found[f].strokes)
      if (std::find(from.begin(), from.end(), line_of[s]) == from.end()) from.push_back(line_of[s]);
    std::sort(from.begin(), from.end());
    out << (f ? " " : "") << "[";
    for (size_t k = 0; k < from.size(); ++k) out << (k ? "+" : "") << from[k];
    out << "]";
  }
  return out.str();
}

}  // namespace

int pages(const Args& args) {
  const auto files = inkml_files(args.positional);
  const size_t limit = size_t(std::max(0LL, args.integer("limit", 1000000000)));
  StackOptions stack;
  const auto gaps = numbers(args.option("gaps", "0.5,1.5"), "gaps");
  if (gaps.size() != 2 || gaps[0] < 0 || gaps[1] < gaps[0]) throw UsageError("--gaps: give MIN,MAX with 0 <= MIN <= MAX");
  stack.gap_min = gaps[0], stack.gap_max = gaps[1];
  stack.indent_max = numbers(args.option("indent", "2"), "indent").at(0);
  stack.slant_degrees = numbers(args.option("slant", "0"), "slant").at(0);
  std::mt19937 rng(uint32_t(args.integer("seed", 1)));

  std::vector<std::string> chosen(files.begin(), files.begin() + long(std::min(limit, files.size())));
  int failed = 0;
  const std::vector<NamedPage> pages = writer_pages(chosen, rng, stack, &failed);
  if (failed) std::cerr << "inkmath: " << failed << " files could not be read\n";

  // The model file's settings (and --set, --config) unless a grid is given.
  const Recognizer recognizer = load_recognizer(args);
  const LineParams& fitted = recognizer.config().lines;

  // --pairs FILE: the learned decision's questions on these pages with their true answers,
  // one line each: 1 when both groups are mostly of one written line, 0 otherwise, then the
  // features (for scripts/fit-lines).
  if (const std::string path = args.option("pairs", ""); !path.empty()) {
    std::ofstream out(path);
    if (!out) throw Error("cannot write " + path);
    for (const NamedPage& page : pages) {
      std::vector<int> line_of(page.page.ink.strokes.size(), -1);
      for (size_t k = 0; k < page.page.lines.size(); ++k)
        for (int s : page.page.lines[k]) line_of[s] = int(k);
      auto majority = [&](const std::vector<int>& strokes) {
        std::map<int, int> count;
        for (int s : strokes) ++count[line_of[s]];
        return std::max_element(count.begin(), count.end(), [](auto& a, auto& b) { return a.second < b.second; })->first;
      };
      for (const GroupPair& pair : undecided_pairs(page.page.ink, fitted)) {
        out << (majority(pair.a) == majority(pair.b));
        for (double f : pair.features) out << " " << f;
        out << "\n";
      }
    }
  }
  const bool show = args.option("show", "") == "errors";
  for (const LineParams& params : line_params(args.option("line-params", describe(fitted)), fitted)) {
    int right = 0, lines = 0, lines_found = 0;
    double total_ms = 0, worst_ms = 0;
    std::map<size_t, std::pair<int, int>> by_count;  // lines on the page -> (right, pages)
    for (const NamedPage& page : pages) {
      const auto start = std::chrono::steady_clock::now();
      const auto found = split_lines(page.page.ink, {}, params);
      const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
      total_ms += ms, worst_ms = std::max(worst_ms, ms);
      bool same = found.size() == page.page.lines.size();
      for (size_t k = 0; same && k < found.size(); ++k) same = found[k].strokes == page.page.lines[k];
      right += same;
      auto& [count_right, count] = by_count[page.page.lines.size()];
      count_right += same, ++count;
      for (const auto& truth : page.page.lines) {
        ++lines;
        lines_found += std::any_of(found.begin(), found.end(), [&](const InkLine& l) { return l.strokes == truth; });
      }
      if (show && !same) std::cout << page.names << "\t" << page.page.lines.size() << " lines, found " << found.size() << "\t" << mistakes(found, page.page.lines) << "\n";
    }
    std::cout << std::fixed << std::setprecision(2) << "line-params " << describe(params) << "  pages " << pages.size()
              << "  split right " << percent(right, int(pages.size())) << "%";
    for (const auto& [count, r] : by_count) std::cout << "  (" << count << " lines: " << percent(r.first, r.second) << "% of " << r.second << ")";
    std::cout << "  lines found " << percent(lines_found, lines) << "%  split " << std::setprecision(3)
              << (pages.empty() ? 0 : total_ms / double(pages.size())) << " ms per page (worst " << worst_ms << ")\n";
  }

  if (args.option("read", "") == "1") {
    // Each line of a page that is split right must read exactly as its expression alone.
    RecognizeOptions as_lines;
    as_lines.lines = true;
    int lines = 0, same = 0;
    for (const NamedPage& page : pages) {
      const Recognition r = recognizer.recognize(page.page.ink, as_lines);
      if (r.lines.size() != page.page.lines.size()) continue;
      const nlohmann::json line_trees = to_json(r)["lines"];
      for (size_t k = 0; k < r.lines.size(); ++k) {
        const RecognizedLine& line = r.lines[k];
        if (line.strokes != page.page.lines[k]) continue;
        ++lines;
        const Recognition alone = recognizer.recognize(sub_ink(page.page.ink, line.strokes));
        bool equal = alone.latex == line.latex && alone.symbols.size() == line.symbols.size() && to_json(alone)["tree"] == line_trees[k]["tree"];
        for (size_t i = 0; equal && i < alone.symbols.size(); ++i) {
          std::vector<int> strokes;
          for (int s : alone.symbols[i].strokes) strokes.push_back(line.strokes[s]);
          equal = alone.symbols[i].label == line.symbols[i].label && strokes == line.symbols[i].strokes;
        }
        same += equal;
        if (show && !equal) std::cout << page.names << "\tline " << k + 1 << "\t" << line.latex << "\talone\t" << alone.latex << "\n";
      }
    }
    std::cout << std::fixed << std::setprecision(2) << "lines of pages split right " << lines << "  read as alone "
              << percent(same, lines) << "%\n";
  }
  return failed ? 1 : 0;
}

}  // namespace inkmath::cli
