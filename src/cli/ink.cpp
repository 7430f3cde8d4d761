#include <algorithm>
#include <chrono>
#include <iostream>
#include <string>

#include "cli/commands.h"

namespace inkmath::cli {

// One ink JSON per line on stdin, one reading per line on stdout, with "call_ms": the time from
// the ink's text to the reading's JSON, as a WebAssembly caller measures recognize(). A line the
// core refuses gets {"error"} and the next lines are still read. --session: the lines are one
// surface's ink as it changes (a Session reads them, reusing what stays), and each reading also
// says how many stroke groups were classified and reused for it. --ahead N (with --session):
// after each reading, Session::prepare() in slices of N groups until done, as the page's worker
// does while the next stroke is written, timed apart ("ahead_ms", "groups_ahead").
int ink(const Args& args) {
  const Recognizer recognizer = load_recognizer(args);
  const bool in_session = args.option("session", "") == "1";
  const long long ahead = args.integer("ahead", 0);
  if (ahead < 0 || (ahead > 0 && !in_session)) throw UsageError("--ahead needs --session and a slice size of at least 1");
  Session session(recognizer);
  int failed = 0;
  std::string line;
  while (std::getline(std::cin, line)) {
    if (line.empty()) continue;
    const auto start = std::chrono::steady_clock::now();
    nlohmann::json out;
    try {
      RecognizeOptions options;
      const Ink ink = ink_from_json_text(line, &options, recognizer.config().limits);
      if (in_session) {
        const long long classified = session.groups_classified(), reused = session.groups_reused();
        out = to_json(session.recognize(ink, options));
        out["groups_classified"] = session.groups_classified() - classified;
        out["groups_reused"] = session.groups_reused() - reused;
      } else {
        out = to_json(recognizer.recognize(ink, options));
      }
    } catch (const Error& e) {
      out = {{"error", e.what()}};
      ++failed;
    }
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    out["call_ms"] = ms;
    if (ahead > 0) {
      const auto ahead_start = std::chrono::steady_clock::now();
      const long long prepared = session.groups_prepared();
      while (session.prepare(int(std::min(ahead, 1000000LL))) > 0) {
      }
      out["ahead_ms"] = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - ahead_start).count();
      out["groups_ahead"] = session.groups_prepared() - prepared;
    }
    std::cout << out.dump() << "\n" << std::flush;
  }
  return failed ? 1 : 0;
}

}  // namespace inkmath::cli
