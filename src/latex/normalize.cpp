#include "latex/normalize.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "latex/function_names.h"

namespace inkmath {

namespace {

std::vector<std::string> lex(const std::string& s) {
  std::vector<std::string> out;
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = s[i];
    if (std::isspace(c)) {
      ++i;
    } else if (c == '\\' && i + 1 < s.size() && std::isalpha(static_cast<unsigned char>(s[i + 1]))) {
      size_t j = i + 1;
      while (j < s.size() && std::isalpha(static_cast<unsigned char>(s[j]))) ++j;
      out.push_back(s.substr(i, j - i));
      i = j;
    } else if (c == '\\' && i + 1 < s.size()) {
      out.push_back(s.substr(i, 2));
      i += 2;
    } else if (c >= 0x80) {  // keep a UTF-8 sequence whole
      size_t j = i + 1;
      while (j < s.size() && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) ++j;
      out.push_back(s.substr(i, j - i));
      i = j;
    } else {
      out.push_back(std::string(1, char(c)));
      ++i;
    }
  }
  return out;
}

const std::set<std::string>& dropped() {
  static const std::set<std::string> s = {
      "\\left", "\\right", "\\big", "\\Big", "\\bigg", "\\Bigg", "\\bigl", "\\bigr", "\\Bigl", "\\Bigr", "\\biggl",
      "\\biggr", "\\Biggl", "\\Biggr", "\\limits", "\\nolimits", "\\displaystyle", "\\textstyle", "\\,", "\\;", "\\:",
      "\\!", "\\ ", "\\quad", "\\qquad", "~", "\\vtop", "\\hbox", "\\vbox"};
  return s;
}

// Wrappers whose argument is kept as if written without them.
const std::set<std::string>& wrappers() {
  static const std::set<std::string> s = {"\\mathrm", "\\mbox", "\\text", "\\textrm", "\\mathit", "\\mathbf",
                                          "\\operatorname", "\\rm", "\\it"};
  return s;
}

std::string canonical_symbol(const std::string& t) {
  static const std::map<std::string, std::string> m = {
      {"\\lt", "<"},       {"\\gt", ">"},        {"\\to", "\\rightarrow"}, {"\\dots", "\\ldots"},
      {"\\cdots", "\\ldots"}, {"\\lbrack", "["}, {"\\rbrack", "]"},        {"\\ge", "\\geq"},
      {"\\le", "\\leq"},   {"\\ne", "\\neq"},    {"\\lbrace", "\\{"},      {"\\rbrace", "\\}"},
      {"\\vert", "|"},     {"\\mid", "|"},       {"\\gets", "\\leftarrow"}};
  const auto it = m.find(t);
  return it == m.end() ? t : it->second;
}

// The layout as a tree: a row of elements, each with optional scripts.
struct Element;
using Row = std::vector<Element>;
struct Element {
  std::string kind;  // "atom", "group", "frac", "sqrt"
  std::string token;
  Row a, b;  // group: a; frac: a over b; sqrt: a = index, b = body
  Row sub, sup;
  bool has_sub = false, has_sup = false, has_index = false;
};

class Parser {
 public:
  explicit Parser(std::vector<std::string> tokens) : t_(std::move(tokens)) {}

  Row row(const std::string& until) {
    Row r;
    while (i_ < t_.size()) {
      const std::string tok = t_[i_];
      if (tok == until) {
        ++i_;
        return r;
      }
      if (tok == "}" || (tok == "]" && until == "]")) {  // stray closer: skip it
        ++i_;
        continue;
      }
      ++i_;
      if (dropped().count(tok)) continue;
      if (tok == "^" || tok == "_") {
        if (r.empty()) r.push_back(atom(""));
        attach(r.back(), tok == "_", argument());
      } else if (tok == "'") {
        if (r.empty()) r.push_back(atom(""));
        attach(r.back(), false, Row{atom("\\prime")});
      } else if (tok == "{") {
        Row inner = row("}");
        if (i_ < t_.size() && (t_[i_] == "^" || t_[i_] == "_") && !takes_scripts(inner, t_[i_] == "_")) {
          Element g;
          g.kind = "group";
          g.a = std::move(inner);
          r.push_back(std::move(g));
        } else {
          r.insert(r.end(), inner.begin(), inner.end());
        }
      } else if (wrappers().count(tok)) {
        Row inner = argument();
        r.insert(r.end(), inner.begin(), inner.end());
      } else if (is_frac(tok)) {
        r.push_back(frac());
      } else if (tok == "\\sqrt") {
        r.push_back(sqrt());
      } else {
        r.push_back(atom(canonical_symbol(tok)));
      }
    }
    return r;
  }

 private:
  static Element atom(const std::string& token) {
    Element e;
    e.kind = "atom";
    e.token = token;
    return e;
  }

  // Whether the scripts written after a braced group can go on its last element as well:
  // {A}_i is A_i and {v_1}^2 is v_1^2, the same layout; not so {x_1}_2 or {y'}^2.
  static bool takes_scripts(const Row& group, bool sub) {
    return !group.empty() && !(sub ? group.back().has_sub : group.back().has_sup);
  }

  static void attach(Element& e, bool sub, Row script) {
    Row& target = sub ? e.sub : e.sup;
    (sub ? e.has_sub : e.has_sup) = true;
    // A second superscript of the same base (x'^2) continues the first.
    target.insert(target.end(), script.begin(), script.end());
  }

  // One argument: a braced group or a single token (skipping dropped ones).
  Row argument() {
    while (i_ < t_.size() && dropped().count(t_[i_])) ++i_;
    if (i_ >= t_.size()) return {};
    const std::string tok = t_[i_++];
    if (tok == "{") return row("}");
    if (wrappers().count(tok)) return argument();
    if (is_frac(tok)) return {frac()};
    if (tok == "\\sqrt") return {sqrt()};
    return {atom(canonical_symbol(tok))};
  }

  static bool is_frac(const std::string& tok) { return tok == "\\frac" || tok == "\\dfrac" || tok == "\\tfrac"; }

  Element frac() {
    Element f;
    f.kind = "frac";
    f.a = argument();
    f.b = argument();
    return f;
  }

  Element sqrt() {
    Element s;
    s.kind = "sqrt";
    if (i_ < t_.size() && t_[i_] == "[") {
      ++i_;
      s.a = row("]");
      s.has_index = !s.a.empty();
    }
    s.b = argument();
    return s;
  }

  std::vector<std::string> t_;
  size_t i_ = 0;
};

// Function names spelled as letters (latex/function_names.h) become the function symbol.
void join_function_names(Row& r) {
  for (size_t i = 0; i < r.size(); ++i) {
    const std::string name = function_name_at(
        i, r.size(), [&](size_t k) { return r[k].kind == "atom" ? r[k].token : std::string(); },
        [&](size_t k) { return r[k].has_sub || r[k].has_sup; });
    if (name.empty()) continue;
    r[i + name.size() - 1].token = "\\" + name;
    r.erase(r.begin() + long(i), r.begin() + long(i + name.size() - 1));
  }
}

void print(Row& r, std::vector<std::string>& out);

void print_braced(Row& r, std::vector<std::string>& out) {
  out.push_back("{");
  print(r, out);
  out.push_back("}");
}

void print(Row& r, std::vector<std::string>& out) {
  join_function_names(r);
  for (Element& e : r) {
    if (e.kind == "atom") {
      if (!e.token.empty()) out.push_back(e.token);
    } else if (e.kind == "group") {
      print_braced(e.a, out);
    } else if (e.kind == "frac") {
      out.push_back("\\frac");
      print_braced(e.a, out);
      print_braced(e.b, out);
    } else if (e.kind == "sqrt") {
      out.push_back("\\sqrt");
      if (e.has_index) {
        out.push_back("[");
        print(e.a, out);
        out.push_back("]");
      }
      print_braced(e.b, out);
    }
    if (e.has_sub) {
      out.push_back("_");
      print_braced(e.sub, out);
    }
    if (e.has_sup) {
      out.push_back("^");
      print_braced(e.sup, out);
    }
  }
}

}  // namespace

std::vector<std::string> normalized_latex_tokens(const std::string& latex) {
  Parser p(lex(latex));
  Row r = p.row("");
  std::vector<std::string> out;
  print(r, out);
  return out;
}

std::string normalize_latex(const std::string& latex) {
  std::string s;
  for (const auto& t : normalized_latex_tokens(latex)) {
    if (!s.empty()) s += ' ';
    s += t;
  }
  return s;
}

int token_edit_distance(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::vector<int> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = int(j);
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = int(i);
    for (size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

}  // namespace inkmath
