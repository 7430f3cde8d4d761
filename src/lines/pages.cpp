#include "lines/pages.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <numeric>
#include <regex>

#include "ink/inkml.h"

namespace inkmath {

std::string writer_of(const std::string& name) {
  static const std::regex named(R"(^\d+_([A-Za-z]+)$)"), numbered(R"(^(.*?)[-_]?[A-Za-z]*\d+$)");
  std::smatch m;
  if (std::regex_match(name, m, named)) return m[1];
  if (!std::regex_match(name, m, numbered)) return "";
  const std::string writer = m[1];
  return std::any_of(writer.begin(), writer.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }) ? writer : "";
}

StackedPage stack_lines(const std::vector<Ink>& expressions, double writer_size, std::mt19937& rng, const StackOptions& o) {
  std::uniform_real_distribution<double> gap(o.gap_min, o.gap_max), indent(0, o.indent_max), slant(-o.slant_degrees, o.slant_degrees);
  StackedPage page;
  double top = 0;
  for (const Ink& e : expressions) {
    std::vector<int> present;
    for (int i = 0; i < int(e.strokes.size()); ++i)
      if (!e.strokes[i].empty()) present.push_back(i);
    if (present.empty()) continue;
    const Box b = bounding_box(e, present);
    const double scale = writer_size / typical_stroke_size(e, present);
    const double angle = slant(rng) * M_PI / 180, c = std::cos(angle), s = std::sin(angle);
    const double left = indent(rng) * writer_size;
    // Turned about its left end, then placed below the line above.
    std::vector<Stroke> placed;
    Box box{1e300, 1e300, -1e300, -1e300};
    for (int i : present) {
      Stroke stroke = e.strokes[i];
      for (Point& p : stroke) {
        const double x = (p.x - b.x0) * scale, y = (p.y - b.cy()) * scale;
        p.x = x * c - y * s, p.y = x * s + y * c;
      }
      box = merge(box, bounding_box(stroke));
      placed.push_back(std::move(stroke));
    }
    std::vector<int> line;
    for (Stroke& stroke : placed) {
      for (Point& p : stroke) p.x += left - box.x0, p.y += top - box.y0;
      line.push_back(int(page.ink.strokes.size()));
      page.ink.strokes.push_back(std::move(stroke));
    }
    page.lines.push_back(std::move(line));
    top += box.height() + gap(rng) * writer_size;
  }
  return page;
}

Ink sub_ink(const Ink& page, const std::vector<int>& strokes) {
  Ink ink;
  for (int i : strokes) ink.strokes.push_back(page.strokes.at(i));
  return ink;
}

std::vector<std::vector<int>> page_groups(int n, std::mt19937& rng) {
  std::vector<int> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::shuffle(order.begin(), order.end(), rng);
  std::vector<std::vector<int>> groups;
  for (int at = 0; at < n;) {
    int k = std::uniform_int_distribution<int>(2, 4)(rng);
    if (n - at - k == 1) k += k < 4 ? 1 : -1;
    k = std::min(k, n - at);
    if (k < 2 && !groups.empty()) groups.back().push_back(order[at]);
    else if (k >= 2) groups.emplace_back(order.begin() + at, order.begin() + at + k);
    at += k;
  }
  return groups;
}

std::vector<NamedPage> writer_pages(const std::vector<std::string>& files, std::mt19937& rng, const StackOptions& options,
                                    int* failed) {
  std::map<std::string, std::vector<std::pair<std::string, Ink>>> writers;
  for (const std::string& file : files) {
    const std::filesystem::path path(file);
    const std::string writer = writer_of(path.stem().string());
    if (writer.empty()) continue;
    try {
      InkmlDocument doc = read_inkml_file(file);
      sanitize(doc.ink);
      if (std::none_of(doc.ink.strokes.begin(), doc.ink.strokes.end(), [](const Stroke& s) { return !s.empty(); })) continue;
      writers[path.parent_path().string() + "/" + writer].emplace_back(path.stem().string(), std::move(doc.ink));
    } catch (const Error&) {
      if (failed) ++*failed;
    }
  }
  std::vector<NamedPage> pages;
  for (const auto& [writer, expressions] : writers) {
    std::vector<double> sizes;
    for (const auto& e : expressions) sizes.push_back(typical_stroke_size(e.second));
    std::nth_element(sizes.begin(), sizes.begin() + long(sizes.size() / 2), sizes.end());
    const double size = sizes[sizes.size() / 2];
    for (const auto& group : page_groups(int(expressions.size()), rng)) {
      NamedPage page;
      std::vector<Ink> inks;
      for (int i : group) {
        page.names += (page.names.empty() ? "" : " ") + expressions[i].first;
        inks.push_back(expressions[i].second);
      }
      page.page = stack_lines(inks, size, rng, options);
      pages.push_back(std::move(page));
    }
  }
  return pages;
}

}  // namespace inkmath
