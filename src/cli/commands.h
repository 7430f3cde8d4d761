// The `inkmath` command-line tool: each command is a thin client of api/inkmath.h.
#pragma once
#include <string>
#include <vector>

#include "api/inkmath.h"
#include "api/json.h"
#include "pipeline/model.h"

namespace inkmath::cli {

// Thrown for bad command-line arguments: printed with the usage hint, exit status 2.
struct UsageError : Error {
  using Error::Error;
};

struct Args {
  std::vector<std::string> positional;
  std::string weights;  // --weights, else $INKMATH_WEIGHTS, else the bundled weights/inkmath.bin
  bool json = false;
  std::vector<std::pair<std::string, std::string>> options;  // other --name value pairs
  std::string option(const std::string& name, const std::string& fallback) const;
  // --name as a number (or a whole number), else fallback; throws UsageError when it is not one.
  double number(const std::string& name, double fallback) const;
  long long integer(const std::string& name, long long fallback) const;
  std::vector<std::string> all(const std::string& name) const;  // every value of a repeated option
};

// text as a number; throws UsageError naming the option when it is not one.
double parse_number(const std::string& text, const std::string& option);

// .inkml files named, or found (sorted) in the directories named. Throws UsageError if none given.
std::vector<std::string> inkml_files(const std::vector<std::string>& paths);
std::string file_stem(const std::string& path);
// The model file of --weights, with the settings of --config FILE.json, then of each --set name=value,
// then --vocabulary NAME|LIST.
Recognizer load_recognizer(const Args& args);

int classify(const Args& args);
int recognize(const Args& args);
int ink(const Args& args);
int eval(const Args& args);
int dataset(const Args& args);
int relations(const Args& args);
int context(const Args& args);
int grouping(const Args& args);
int pack(const Args& args);
int model(const Args& args);
int pages(const Args& args);
int tokens(const Args& args);
int fit_language(const Args& args);

}  // namespace inkmath::cli
