#include "latex/write.h"

#include <cctype>
#include <set>

#include "base/symbol.h"
#include "latex/function_names.h"

namespace inkmath {

namespace {

void append(std::string& out, const std::string& piece) {
  if (!out.empty() && out.back() != '{') out += ' ';
  out += piece;
}

void write_row(const LayoutRow& row, const std::vector<std::string>& labels, std::string& out);

std::string braced(const LayoutRow& row, const std::vector<std::string>& labels) {
  std::string inner;
  write_row(row, labels, inner);
  return "{" + inner + "}";
}

std::string with_scripts(std::string body, const LayoutNode& n, const std::vector<std::string>& labels) {
  if (!n.sub.empty()) body += "_" + braced(n.sub, labels);
  if (!n.sup.empty()) body += "^" + braced(n.sup, labels);
  return body;
}

std::string node_latex(const LayoutNode& n, const std::vector<std::string>& labels) {
  std::string body;
  switch (n.type) {
    case LayoutNode::Type::Symbol: body = latex_symbol(labels.at(n.symbol)); break;
    case LayoutNode::Type::Fraction: body = "\\frac" + braced(n.first, labels) + braced(n.second, labels); break;
    case LayoutNode::Type::Root:
      body = "\\sqrt";
      if (!n.first.empty()) {
        std::string index;
        write_row(n.first, labels, index);
        body += "[" + index + "]";
      }
      body += braced(n.second, labels);
      break;
  }
  // Scripts on a fraction or root need the base in braces to read unambiguously.
  if (n.type != LayoutNode::Type::Symbol && (!n.sub.empty() || !n.sup.empty())) body = "{" + body + "}";
  return with_scripts(body, n, labels);
}

// The function name (latex/function_names.h) whose letters start the row at i, each a plain symbol but the last, which
// may carry scripts (\cos^{2}, \log_{2}); empty when none does.
std::string function_name_at(const LayoutRow& row, size_t i, const std::vector<std::string>& labels) {
  return inkmath::function_name_at(
      i, row.size(),
      [&](size_t k) { return row[k].type == LayoutNode::Type::Symbol ? labels.at(row[k].symbol) : std::string(); },
      [&](size_t k) { return !row[k].sub.empty() || !row[k].sup.empty(); });
}

// A digit or decimal point of a number: a plain symbol, or a digit carrying scripts (the 2 of 12^2).
bool is_digit_node(const LayoutRow& row, size_t i, const std::vector<std::string>& labels) {
  if (i >= row.size() || row[i].type != LayoutNode::Type::Symbol) return false;
  return is_digit(labels.at(row[i].symbol));
}

bool is_point_node(const LayoutRow& row, size_t i, const std::vector<std::string>& labels) {
  return i < row.size() && row[i].type == LayoutNode::Type::Symbol && row[i].sub.empty() && row[i].sup.empty() &&
         labels.at(row[i].symbol) == ".";
}

// Numbers are written as numbers (12, 0.5), as a reader and an answer checker expect them;
// other pieces are set apart by a space. A point joins a number only between two digits.
bool joins_previous(const LayoutRow& row, size_t i, const std::vector<std::string>& labels) {
  if (i == 0) return false;
  const bool previous_plain_digit = is_digit_node(row, i - 1, labels) && row[i - 1].sub.empty() && row[i - 1].sup.empty();
  if (is_digit_node(row, i, labels))
    return previous_plain_digit || (is_point_node(row, i - 1, labels) && i >= 2 && is_digit_node(row, i - 2, labels) &&
                                    row[i - 2].sub.empty() && row[i - 2].sup.empty());
  return is_point_node(row, i, labels) && previous_plain_digit && is_digit_node(row, i + 1, labels);
}

void write_row(const LayoutRow& row, const std::vector<std::string>& labels, std::string& out) {
  for (size_t i = 0; i < row.size(); ++i) {
    if (const std::string name = function_name_at(row, i, labels); !name.empty()) {
      i += name.size() - 1;
      append(out, with_scripts("\\" + name, row[i], labels));
    } else if (joins_previous(row, i, labels))
      out += node_latex(row[i], labels);
    else
      append(out, node_latex(row[i], labels));
  }
}

nlohmann::json node_json(const LayoutNode& n, const std::vector<std::string>& labels) {
  nlohmann::json j;
  switch (n.type) {
    case LayoutNode::Type::Symbol:
      j = {{"type", "symbol"}, {"symbol", n.symbol}, {"label", labels.at(n.symbol)}};
      break;
    case LayoutNode::Type::Fraction:
      j = {{"type", "fraction"}, {"symbol", n.symbol}, {"numerator", layout_json(n.first, labels)},
           {"denominator", layout_json(n.second, labels)}};
      break;
    case LayoutNode::Type::Root:
      j = {{"type", "root"}, {"symbol", n.symbol}, {"body", layout_json(n.second, labels)}};
      if (!n.first.empty()) j["index"] = layout_json(n.first, labels);
      break;
  }
  if (!n.sub.empty()) j["sub"] = layout_json(n.sub, labels);
  if (!n.sup.empty()) j["sup"] = layout_json(n.sup, labels);
  return j;
}

}  // namespace

std::string latex_symbol(const std::string& label) {
  if (label == "\\lt") return "<";
  if (label == "\\gt") return ">";
  if (label == "\\prime") return "\\prime";
  return label;
}

std::string write_latex(const LayoutRow& row, const std::vector<std::string>& labels) {
  std::string out;
  write_row(row, labels, out);
  return out;
}

nlohmann::json layout_json(const LayoutRow& row, const std::vector<std::string>& labels) {
  nlohmann::json children = nlohmann::json::array();
  for (const LayoutNode& n : row) children.push_back(node_json(n, labels));
  return {{"type", "row"}, {"children", children}};
}

namespace {

// Where the first relation sign outside braces starts in a line's LaTeX, or npos.
size_t first_relation(const std::string& latex) {
  static const std::set<std::string> relations = {"=", "<", ">", "\\leq", "\\geq", "\\neq", "\\ne", "\\le",
                                                  "\\ge", "\\approx", "\\equiv", "\\sim", "\\simeq", "\\cong"};
  int depth = 0;
  size_t i = 0;
  while (i < latex.size()) {
    size_t end = i + 1;
    if (latex[i] == '\\') {  // a command, or an escaped character such as \{
      while (end < latex.size() && std::isalpha(static_cast<unsigned char>(latex[end]))) ++end;
      if (end == i + 1 && end < latex.size()) ++end;
    }
    const std::string token = latex.substr(i, end - i);
    if (token == "{") ++depth;
    if (token == "}") --depth;
    if (depth == 0 && relations.count(token)) return i;
    i = end;
  }
  return std::string::npos;
}

}  // namespace

std::string join_lines(const std::vector<std::string>& lines) {
  if (lines.size() == 1) return lines[0];
  bool aligned = !lines.empty();
  for (const std::string& line : lines) aligned = aligned && first_relation(line) != std::string::npos;
  std::string out = aligned ? "\\begin{aligned}" : "\\begin{gathered}";
  for (size_t k = 0; k < lines.size(); ++k) {
    if (k) out += " \\\\ ";
    std::string line = lines[k];
    if (aligned) line.insert(first_relation(line), "&");
    out += line;
  }
  return out + (aligned ? "\\end{aligned}" : "\\end{gathered}");
}

}  // namespace inkmath
