#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>

#include "cli/commands.h"

namespace inkmath::cli {

namespace {

const char* kUsage = R"(usage: inkmath COMMAND [OPTIONS] PATH...

Handwritten math recognition. PATH is an .inkml file or a directory of them.

commands:
  recognize PATH...    print NAME<TAB>LATEX for each file (--json: one JSON object per file)
  ink                  read ink JSON ({"strokes", "fixed", "options"}), one per line on stdin; print one
                       reading (JSON, with "call_ms") per line
  eval PATH...         compare recognition with each file's truth: expression rate (exact after LaTeX
                       normalization), rates within 1 and 2 token errors, symbol segmentation recall,
                       classification accuracy of correctly segmented symbols, ms per expression
  classify PATH...     classify each ground-truth symbol of the files; top-1/top-3 accuracy at the end
  dataset PATH...      write classifier training data (features of symbols) for scripts/train
  relations PATH...    write layout relation training data (truth layouts) for scripts/fit-relations
  context PATH...      write symbol context samples (look-alike labels) for scripts/fit-context
  pack                 build a model file from a classifier weight file and fitted parts
  model                print the model file's parts, the settings it gives, and stale parts (exit 1)
  help                 show this help

options:
  --weights FILE       model file, or a bare classifier weight file (default: $INKMATH_WEIGHTS,
                       else weights/inkmath.bin)
  --set NAME=VALUE     a setting (repeatable), over the model file's: e.g. segmentation.junk_weight=3,
                       layout.learned=false, alternatives=3; `inkmath model` prints them all
  --config FILE        settings from a JSON file ({"segmentation": {"max_gap": 0.9}}), before --set
  --json               recognize: JSON output
  --truth-symbols      eval: parse the ground-truth symbols (measures structure analysis alone)
  --show WHAT          eval: print NAME, edit distance, truth and output for each file (all) or mismatches (errors)
  --out PREFIX         dataset: output prefix (writes PREFIX.f32 and PREFIX.json); relations, context:
                       the CSV file; pack: the model file to write
  --model FILE         pack: start from this model file's parts
  --classifier FILE    pack: the classifier weight file (scripts/export.py writes one)
  --part NAME=FILE     pack: a fitted part (relations, context, layout, settings), repeatable
  --fitted-on TEXT     pack: what the parts given were fitted on; --command TEXT: by which command
  --part NAME          model: print that part
  --features NAME      dataset: online, online+context, online+context+size or online+context+size+place
                       (default online+context)
  --points N           dataset: points per symbol (default 32)
  --augment N          dataset: distorted copies per symbol, in addition to the original (default 0)
  --junk N             dataset: junk stroke groups per expression (default 0)
  --seed N             dataset: random seed (default 1)
  --limit N            dataset: read at most N files

exit status: 0 ok, 1 some input failed, 2 usage error
)";

Args parse(int argc, char** argv) {
  Args args;
  for (int i = 2; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--json") {
      args.json = true;
    } else if (a == "--truth-symbols") {
      args.options.emplace_back("truth-symbols", "1");
    } else if (a.rfind("--", 0) == 0) {
      if (i + 1 >= argc) throw UsageError("option " + a + " needs a value");
      const std::string v = argv[++i];
      if (a == "--weights") args.weights = v;
      else args.options.emplace_back(a.substr(2), v);
    } else {
      args.positional.push_back(a);
    }
  }
  if (args.weights.empty()) {
    const char* env = std::getenv("INKMATH_WEIGHTS");
    args.weights = env ? env : "";
  }
  if (args.weights.empty()) {
    // The bundled weights, found relative to the binary (build/native/inkmath).
    const auto exe = std::filesystem::weakly_canonical(std::filesystem::path(argv[0]));
    args.weights = (exe.parent_path() / "../../weights/inkmath.bin").lexically_normal().string();
  }
  return args;
}

}  // namespace

int main(int argc, char** argv) {
  const std::map<std::string, int (*)(const Args&)> commands = {
      {"recognize", recognize}, {"eval", eval}, {"classify", classify}, {"dataset", dataset},
      {"relations", relations}, {"context", context}, {"pack", pack}, {"model", model}, {"ink", ink}};
  const std::string command = argc > 1 ? argv[1] : "";
  if (command == "help" || command == "--help" || command == "-h") {
    std::cout << kUsage;
    return 0;
  }
  try {
    const auto it = commands.find(command);
    if (it == commands.end())
      throw UsageError(command.empty() ? "missing command" : "unknown command '" + command + "'");
    return it->second(parse(argc, argv));
  } catch (const UsageError& e) {
    std::cerr << "inkmath: " << e.what() << "\n" << "try 'inkmath --help'\n";
    return 2;
  } catch (const Error& e) {
    std::cerr << "inkmath: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace inkmath::cli

int main(int argc, char** argv) { return inkmath::cli::main(argc, argv); }
