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
                       reading (JSON, with "call_ms") per line; --session: the lines are one surface's ink
                       as it changes, read by one session (with "groups_classified", "groups_reused");
                       --ahead N: after each reading, classify ahead in slices of N groups, as the
                       page does between strokes (with "ahead_ms", "groups_ahead")
  eval PATH...         compare recognition with each file's truth: expression rate (exact after LaTeX
                       normalization), rates within 1 and 2 token errors, symbol segmentation recall,
                       classification accuracy of correctly segmented symbols, ms per expression
  classify PATH...     classify each ground-truth symbol of the files; top-1/top-3 accuracy at the end
  dataset PATH...      write classifier training data (features of symbols) for scripts/train
  relations PATH...    write layout relation training data (truth layouts) for scripts/fit-relations
  context PATH...      write symbol context samples (look-alike labels) for scripts/fit-context (--sizes:
                       every upright symbol's height, for the typical heights it fits first)
  grouping PATH...     write stroke grouping samples (truth symbols) for scripts/fit-grouping (--short N:
                       also every run of 1 to N truth symbols in writing order, as if it were the whole ink)
  tokens PATH...       print NAME<TAB>LABELS for each file's truth: its symbol labels in reading order, what
                       the language model reads (--normalized: the normalized LaTeX tokens; --text: PATHs are
                       text files of one LaTeX expression per line, - is standard input)
  fit-language FILE... fit the language model part on label sequences (one per line, labels separated by
                       spaces): --out FILE, then `inkmath pack --part language=FILE`
  pack                 build a model file from a classifier weight file and fitted parts
  model                print the model file's parts, the settings it gives, and stale parts (exit 1)
  pages PATH...        stack each writer's expressions into pages of 2-4 lines and print how many pages
                       are split into the right lines (--read: and how many lines read as alone)
  help                 show this help

options:
  --weights FILE       model file, or a bare classifier weight file (default: $INKMATH_WEIGHTS,
                       else weights/inkmath.bin)
  --set NAME=VALUE     a setting (repeatable), over the model file's: e.g. segmentation.junk_weight=3,
                       layout.learned=false, alternatives=3; `inkmath model` prints them all
  --config FILE        settings from a JSON file ({"segmentation": {"max_gap": 0.9}}), before --set;
                       language.weight=0 reads without the language model
  --vocabulary V       recognize, eval: the labels symbols may be read as: a set's name (school) or labels
                       separated by commas (a comma itself is {,}), e.g. 0,1,2,3,4,5,6,7,8,9,-,.
  --within V           eval: only files whose truth's labels are all in V (as --vocabulary); with
                       --one-symbol, only the symbols labelled in V
  --max-tokens N       eval: only files whose truth has at most N normalized LaTeX tokens
  --json               recognize: JSON output
  --truth-symbols      eval: parse the ground-truth symbols (measures structure analysis alone)
  --one-symbol         eval: read each ground-truth symbol alone, as its own ink, through recognition;
                       the share read as one symbol with the truth's label, symbols per second
  --earlier writer     eval: read each file knowing its writer's earlier ink (the typical stroke size of the
                       writer's other files in its folder, by the writer its name gives), as a page that
                       keeps a child's stroke size from earlier answers reads
  --as-written         eval: read the ink after each stroke, as the page does at each pen-up; the share of
                       symbols read right (their strokes, their label) right after their last stroke
  --show WHAT          eval: print NAME, edit distance, truth and output for each file (all) or mismatches
                       (errors); pages: the pages split wrong and lines read differently (errors)
  --out PREFIX         dataset: output prefix (writes PREFIX.f32 and PREFIX.json); relations, context,
                       grouping: the CSV file; pack: the model file to write; fit-language: the language part
  --model FILE         pack: start from this model file's parts
  --classifier FILE    pack: the classifier weight file (scripts/export.py writes one)
  --part NAME=FILE     pack: a fitted part (relations, context, layout, lines, language, grouping, settings),
                       repeatable
  --fitted-on TEXT     pack: what the parts given were fitted on; --command TEXT: by which command
  --part NAME          model: print that part
  --order N            fit-language: n-gram order, 1 to 4 (default 3)
  --features NAME      dataset: online, online+context, online+context+size or online+context+size+place
                       (default online+context)
  --points N           dataset: points per symbol (default 32)
  --augment N          dataset: distorted copies per symbol, in addition to the original (default 0)
  --resize F           dataset: how much the copies change size and aspect, from 0 to 4 (default 1)
  --junk N             dataset: junk stroke groups per expression (default 0)
  --alone P            dataset: the share of symbols also written as their own ink (default 0)
  --primes P           dataset: the share of expressions also written with a prime drawn beside one of
                       their letters: the prime, and the letter with it as junk (default 0)
  --glyphs 1           dataset: also write each sample's rendered glyph (PREFIX.glyphs.f32), the
                       offline view's input
  --seed N             dataset, pages: random seed (default 1)
  --limit N            dataset, pages: read at most N files
  --lines              recognize: read each file as written lines (the setting lines.split); one output
                       line per written line
  --read               pages: also recognize each page and each expression alone
  --line-params LIST   pages: line splitting settings to try instead of the model file's,
                       O,R,N,T,P,E,W,B,L,G,F,A,S,X (lines.overlap, reach, near, tall, space, rise,
                       beside_overlap, bar_gap, limit, limit_gap, fragment, attach, sideways,
                       fragment_reach); ';' between sets
  --pairs FILE         pages: write the pairs of groups the learned line decision is asked about, one
                       a line: 1 when both are of one written line (else 0), then their features
  --gaps MIN,MAX       pages: gap between lines in stroke sizes (default 0.5,1.5)
  --indent N           pages: largest indentation in stroke sizes (default 2)
  --slant DEGREES      pages: largest slant of a line either way (default 0)

exit status: 0 ok, 1 some input failed, 2 usage error
)";

Args parse(int argc, char** argv) {
  Args args;
  for (int i = 2; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--json") {
      args.json = true;
    } else if (a == "--truth-symbols" || a == "--lines" || a == "--read" ||
               a == "--text" || a == "--normalized" || a == "--one-symbol" || a == "--as-written" ||
               a == "--session" || a == "--sizes") {
      args.options.emplace_back(a.substr(2), "1");
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
      {"relations", relations}, {"context", context}, {"grouping", grouping}, {"pack", pack}, {"model", model}, {"pages", pages},
      {"tokens", tokens}, {"fit-language", fit_language},
      {"ink", ink}};
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
