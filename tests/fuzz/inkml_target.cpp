// Fuzz target: the InkML reader (files the CLI and the dataset tools read), then the ink
// limits. Bad files must end in inkmath::Error; anything else (a crash, another exception,
// a hang, unbounded memory) is a finding.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "ink/inkml.h"

using namespace inkmath;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    InkmlDocument doc = read_inkml_string(std::string(reinterpret_cast<const char*>(data), size), "fuzz.inkml");
    for (const SymbolTruth& s : doc.symbols)
      for (int i : s.strokes)
        if (i < 0 || size_t(i) >= doc.ink.strokes.size()) std::abort();  // a symbol must name real strokes
    sanitize(doc.ink);
  } catch (const Error&) {
  }
  return 0;
}
