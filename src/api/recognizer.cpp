#include <chrono>
#include <fstream>

#include "api/inkmath.h"
#include "pipeline/pipeline.h"

namespace inkmath {

struct Recognizer::State {
  Model model;
  Config config;
};

Recognizer::Recognizer(const std::vector<uint8_t>& model) {
  Model m = load_model(model);
  const Config config = m.config;
  state_ = std::make_unique<State>(State{std::move(m), config});
}

Recognizer::~Recognizer() = default;
Recognizer::Recognizer(Recognizer&&) noexcept = default;
Recognizer& Recognizer::operator=(Recognizer&&) noexcept = default;

Recognition Recognizer::recognize(Ink ink, const RecognizeOptions& options) const {
  return recognize(std::move(ink), options, state_->config);
}

Recognition Recognizer::recognize(Ink ink, const RecognizeOptions& options, const Config& config) const {
  const auto start = std::chrono::steady_clock::now();
  Config used = config;
  used.lines.split = used.lines.split || options.lines;
  if (!options.vocabulary.empty()) used.language.vocabulary = options.vocabulary;
  Reading reading = read_ink(state_->model, std::move(ink), options.fixed, used);
  Recognition r;
  r.latex = std::move(reading.latex);
  r.readings = std::move(reading.readings);
  r.symbols = std::move(reading.symbols);
  r.tree = std::move(reading.tree);
  r.lines = std::move(reading.lines);
  r.ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return r;
}

const Config& Recognizer::config() const { return state_->config; }
void Recognizer::set_config(const Config& config) { state_->config = config; }
const std::string& Recognizer::manifest() const { return state_->model.manifest; }
const Model& Recognizer::model() const { return state_->model; }

std::vector<uint8_t> read_file_bytes(const std::string& path, size_t max_bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path + ": cannot open file");
  // Stops past the limit: a file that never ends (/dev/zero, a pipe) is refused, not read
  // until memory runs out.
  std::vector<uint8_t> bytes;
  char chunk[1 << 14];
  while (in.read(chunk, sizeof chunk) || in.gcount() > 0) {
    bytes.insert(bytes.end(), chunk, chunk + in.gcount());
    if (bytes.size() > max_bytes)
      throw Error(path + ": file too large (at most " + std::to_string(max_bytes >> 20) + " MiB)");
  }
  if (in.bad()) throw Error(path + ": cannot read file");
  return bytes;
}

}  // namespace inkmath
