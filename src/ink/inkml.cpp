#include "ink/inkml.h"

#include <pugixml.hpp>

#include <cstdlib>
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
                     const std::string& where) {
  bool has_child_group = false;
  for (auto child : group.children("traceGroup")) {
    has_child_group = true;
    collect_symbols(child, index, doc, where);
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

}  // namespace

InkmlDocument read_inkml_file(const std::string& path) {
  pugi::xml_document xml;
  const auto result = xml.load_file(path.c_str());
  if (!result) throw Error(path + ": " + (result.status == pugi::status_file_not_found ? "cannot open file"
                                                                                        : std::string("malformed XML: ") + result.description()));
  return parse(xml, path);
}

InkmlDocument read_inkml_string(const std::string& text, const std::string& name) {
  pugi::xml_document xml;
  const auto result = xml.load_buffer(text.data(), text.size());
  if (!result) throw Error(name + ": malformed XML: " + result.description());
  return parse(xml, name);
}

}  // namespace inkmath
