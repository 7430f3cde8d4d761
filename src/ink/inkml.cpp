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
                     std::vector<std::string>& mathml_ids, const std::string& where, int depth = 1) {
  if (depth > kMaxTraceGroupDepth)
    throw Error(where + ": traceGroups nested more than " + std::to_string(kMaxTraceGroupDepth) + " deep");
  bool has_child_group = false;
  for (auto child : group.children("traceGroup")) {
    has_child_group = true;
    collect_symbols(child, index, doc, mathml_ids, where, depth + 1);
  }
  if (has_child_group) return;
  SymbolTruth sym;
  sym.label = group.find_child_by_attribute("annotation", "type", "truth").text().as_string();
  for (auto view : group.children("traceView")) {
    auto it = index.find(view.attribute("traceDataRef").as_string());
    if (it == index.end()) throw Error(where + ": traceView refers to an unknown trace");
    sym.strokes.push_back(it->second);
  }
  if (sym.label.empty() || sym.strokes.empty()) return;
  doc.symbols.push_back(std::move(sym));
  mathml_ids.push_back(group.child("annotationXML").attribute("href").as_string());
}

// MathML of the truth layout -> the scope of each symbol, by the xml:id its traceGroup names.
class ScopeWalker {
 public:
  ScopeWalker(const std::map<std::string, int>& symbol_of_id, std::vector<std::string>& scopes)
      : symbol_of_id_(symbol_of_id), scopes_(scopes) {}

  // Visits `node` in `scope`; returns the symbol that scripts written after it attach to (the
  // last symbol of its own row), or -1.
  int visit(const pugi::xml_node& node, const std::string& scope, int depth = 0) {
    if (depth > 64) return -1;
    const std::string name = node.name();
    const int self = id_of(node);
    if (self >= 0) scopes_[self] = scope;
    std::vector<pugi::xml_node> kids;
    for (auto c : node.children())
      if (c.type() == pugi::node_element) kids.push_back(c);
    const auto inside = [&](int owner, char part) { return scope + "/" + std::to_string(owner) + part; };
    if ((name == "msub" || name == "msup" || name == "munder" || name == "mover") && kids.size() == 2) {
      const int base = visit(kids[0], scope, depth + 1);
      if (base >= 0) visit(kids[1], inside(base, name == "msub" || name == "munder" ? '_' : '^'), depth + 1);
      return base;
    }
    if ((name == "msubsup" || name == "munderover") && kids.size() == 3) {
      const int base = visit(kids[0], scope, depth + 1);
      if (base >= 0) visit(kids[1], inside(base, '_'), depth + 1), visit(kids[2], inside(base, '^'), depth + 1);
      return base;
    }
    if (name == "mfrac" && kids.size() == 2 && self >= 0) {
      visit(kids[0], inside(self, 'n'), depth + 1);
      visit(kids[1], inside(self, 'd'), depth + 1);
      return self;
    }
    if ((name == "msqrt" || name == "mroot") && self >= 0) {
      for (size_t k = 0; k < kids.size(); ++k) visit(kids[k], inside(self, name == "mroot" && k == 1 ? 'i' : 'r'), depth + 1);
      return self;
    }
    int last = self;
    for (const auto& c : kids) {
      const int l = visit(c, scope, depth + 1);
      if (l >= 0) last = l;
    }
    return last;
  }

 private:
  int id_of(const pugi::xml_node& node) const {
    const auto it = symbol_of_id_.find(node.attribute("xml:id").as_string());
    return it == symbol_of_id_.end() ? -1 : it->second;
  }

  const std::map<std::string, int>& symbol_of_id_;
  std::vector<std::string>& scopes_;
};

std::vector<std::string> truth_scopes(const pugi::xml_node& root, const std::vector<std::string>& ids) {
  std::vector<std::string> scopes(ids.size(), "?");  // "?": not in the MathML
  std::map<std::string, int> symbol_of_id;
  for (int i = 0; i < int(ids.size()); ++i)
    if (!ids[i].empty()) symbol_of_id[ids[i]] = i;
  const auto math = root.find_child_by_attribute("annotationXML", "type", "truth").child("math");
  if (!math || symbol_of_id.empty()) return {};
  ScopeWalker(symbol_of_id, scopes).visit(math, "");
  return scopes;
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
  // A few CROHME files spell the attribute "typx"; their LaTeX truth is there all the same.
  auto truth = root.find_child_by_attribute("annotation", "type", "truth");
  if (!truth) truth = root.find_child_by_attribute("annotation", "typx", "truth");
  doc.truth_latex = strip_dollars(truth.text().as_string());
  std::vector<std::string> mathml_ids;
  for (auto group : root.children("traceGroup")) collect_symbols(group, index, doc, mathml_ids, where);
  doc.scopes = truth_scopes(root, mathml_ids);
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

char truth_relation(const InkmlDocument& doc, int base, int t) {
  if (doc.scopes.empty()) return 0;
  const std::string& b = doc.scopes.at(base);
  const std::string& s = doc.scopes.at(t);
  if (b == "?" || s == "?") return 0;
  if (s == b) return 'R';
  for (const char part : {'^', '_'}) {
    const std::string inside = b + "/" + std::to_string(base) + part;
    if (s.compare(0, inside.size(), inside) == 0 && (s.size() == inside.size() || s[inside.size()] == '/')) return part;
  }
  return 0;
}

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
