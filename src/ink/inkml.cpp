#include "ink/inkml.h"

#include <pugixml.hpp>

#include <cstdlib>
#include <fstream>
#include <map>

namespace inkmath {

namespace {

// A trace is "x y [more channels], x y, ..." ; only the first two channels are positions.
Stroke parse_trace(const char* text, const std::string& where) {
  Stroke s;
  const char* p = text;
  while (*p) {
    Point pt;
    double values[4] = {0, 0, 0, 0};
    int n = 0;
    while (*p && *p != ',') {
      while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') ++p;
      if (!*p || *p == ',') break;
      char* end = nullptr;
      const double v = std::strtod(p, &end);
      if (end == p) throw Error(where + ": unreadable number in trace");
      if (n < 4) values[n] = v;
      ++n;
      p = end;
    }
    if (n >= 2) {
      pt.x = values[0];
      pt.y = values[1];
      if (n >= 3) pt.t = values[2];
      s.push_back(pt);
    } else if (n == 1) {
      throw Error(where + ": trace point with a single coordinate");
    }
    if (*p == ',') ++p;
  }
  return s;
}

std::string strip_dollars(std::string s) {
  const auto a = s.find_first_not_of(" \t\n$");
  const auto b = s.find_last_not_of(" \t\n$");
  return a == std::string::npos ? "" : s.substr(a, b - a + 1);
}

void collect_symbols(const pugi::xml_node& group, const std::map<std::string, int>& index, InkmlDocument& doc,
                     const std::string& where, int depth = 1) {
  if (depth > kMaxTraceGroupDepth)
    throw Error(where + ": traceGroups nested more than " + std::to_string(kMaxTraceGroupDepth) + " deep");
  bool has_child_group = false;
  for (auto child : group.children("traceGroup")) {
    has_child_group = true;
    collect_symbols(child, index, doc, where, depth + 1);
  }
  if (has_child_group) return;
  SymbolTruth sym;
  sym.label = group.find_child_by_attribute("annotation", "type", "truth").text().as_string();
  for (auto view : group.children("traceView")) {
    auto it = index.find(view.attribute("traceDataRef").as_string());
    if (it == index.end()) throw Error(where + ": traceView refers to an unknown trace");
    sym.strokes.push_back(it->second);
  }
  if (!sym.label.empty() && !sym.strokes.empty()) doc.symbols.push_back(std::move(sym));
}

InkmlDocument parse(const pugi::xml_document& xml, const std::string& where) {
  auto root = xml.child("ink");
  if (!root) throw Error(where + ": not an InkML document (no <ink> element)");
  InkmlDocument doc;
  std::map<std::string, int> index;
  for (auto trace : root.children("trace")) {
    index[trace.attribute("id").as_string()] = int(doc.ink.strokes.size());
    doc.ink.strokes.push_back(parse_trace(trace.text().as_string(), where));
  }
  doc.truth_latex = strip_dollars(root.find_child_by_attribute("annotation", "type", "truth").text().as_string());
  for (auto group : root.children("traceGroup")) collect_symbols(group, index, doc, where);
  return doc;
}

// XML must be well-formed UTF-8 (unless it declares another encoding, which InkML files don't);
// pugixml accepts broken bytes silently, so they are checked here. Returns the 1-based line
// of the first invalid sequence, or 0.
int first_invalid_utf8_line(const std::string& text) {
  int line = 1;
  for (size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    const int extra = c < 0x80 ? 0 : (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xE ? 2 : (c >> 3) == 0x1E ? 3 : -1;
    if (extra < 0 || i + extra >= text.size()) return line;
    for (int k = 1; k <= extra; ++k)
      if ((static_cast<unsigned char>(text[i + k]) >> 6) != 0x2) return line;
    if (c == '\n') ++line;
    i += extra + 1;
  }
  return 0;
}

std::string too_large() { return "file too large (at most " + std::to_string(kMaxInkmlBytes >> 20) + " MiB)"; }

}  // namespace

InkmlDocument read_inkml_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path + ": cannot open file");
  // Stops past the limit: a file that never ends (/dev/zero, a pipe) is refused like a
  // large one, not read until memory runs out.
  std::string text;
  char chunk[1 << 14];
  while (in.read(chunk, sizeof chunk) || in.gcount() > 0) {
    text.append(chunk, size_t(in.gcount()));
    if (text.size() > kMaxInkmlBytes) throw Error(path + ": " + too_large());
  }
  if (in.bad()) throw Error(path + ": cannot read file");
  return read_inkml_string(text, path);
}

InkmlDocument read_inkml_string(const std::string& text, const std::string& name) {
  if (text.size() > kMaxInkmlBytes) throw Error(name + ": " + too_large());
  if (const int line = first_invalid_utf8_line(text))
    throw Error(name + ": malformed XML: invalid UTF-8 on line " + std::to_string(line));
  pugi::xml_document xml;
  const auto result = xml.load_buffer(text.data(), text.size());
  if (!result) throw Error(name + ": malformed XML: " + result.description());
  return parse(xml, name);
}

}  // namespace inkmath
