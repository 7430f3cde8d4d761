#include <chrono>
#include <cmath>
#include <fstream>

#include "api/inkmath.h"
#include "pipeline/pipeline.h"
#include "pipeline/session.h"

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

namespace {

Config with_options(Config config, const RecognizeOptions& options) {
  config.lines.split = config.lines.split || options.lines;
  if (!options.vocabulary.empty()) config.language.vocabulary = options.vocabulary;
  if (!std::isfinite(options.earlier_stroke_size) || options.earlier_stroke_size < 0)
    throw Error("options: earlier_stroke_size must be a finite number, 0 or more");
  config.earlier.stroke_size = options.earlier_stroke_size;
  return config;
}

Recognition recognition(Reading reading, std::chrono::steady_clock::time_point start) {
  Recognition r;
  r.latex = std::move(reading.latex);
  r.readings = std::move(reading.readings);
  r.symbols = std::move(reading.symbols);
  r.tree = std::move(reading.tree);
  r.lines = std::move(reading.lines);
  r.stroke_size = reading.stroke_size;
  r.ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return r;
}

}  // namespace

Recognition Recognizer::recognize(Ink ink, const RecognizeOptions& options, const Config& config) const {
  const auto start = std::chrono::steady_clock::now();
  return recognition(read_ink(state_->model, std::move(ink), options.fixed, with_options(config, options)), start);
}

const Config& Recognizer::config() const { return state_->config; }
void Recognizer::set_config(const Config& config) { state_->config = config; }
const std::string& Recognizer::manifest() const { return state_->model.manifest; }
const Model& Recognizer::model() const { return state_->model; }

struct Session::State {
  const Recognizer* recognizer;
  InkSession session;
};

Session::Session(const Recognizer& recognizer)
    : state_(std::make_unique<State>(State{&recognizer, InkSession(recognizer.model())})) {}
Session::~Session() = default;
Session::Session(Session&&) noexcept = default;
Session& Session::operator=(Session&&) noexcept = default;

int Session::add_stroke(Stroke stroke) { return state_->session.add_stroke(std::move(stroke)); }
void Session::remove_strokes(const std::vector<int>& strokes) { state_->session.remove_strokes(strokes); }
void Session::fix(SymbolTruth symbol) { state_->session.fix(std::move(symbol)); }
const Ink& Session::ink() const { return state_->session.ink(); }
const std::vector<SymbolTruth>& Session::fixed() const { return state_->session.fixed(); }
const Recognizer& Session::recognizer() const { return *state_->recognizer; }
long long Session::groups_classified() const { return state_->session.cache().counts().classified; }
long long Session::groups_reused() const { return state_->session.cache().counts().reused; }
long long Session::groups_prepared() const { return state_->session.cache().counts().prepared; }
int Session::prepare(int max_groups) { return state_->session.prepare(max_groups); }

Recognition Session::read(const RecognizeOptions& options) {
  if (!options.fixed.empty()) throw Error("a session's fixed symbols are set by fix(), not by the options of read()");
  const auto start = std::chrono::steady_clock::now();
  return recognition(state_->session.read(with_options(state_->recognizer->config(), options)), start);
}

Recognition Session::recognize(Ink ink, const RecognizeOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  state_->session.set_ink(std::move(ink), options.fixed);
  return recognition(state_->session.read(with_options(state_->recognizer->config(), options)), start);
}

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
