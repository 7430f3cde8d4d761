#include "language/ngram.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "base/error.h"
#include "nn/weights_file.h"  // crc32

namespace inkmath {

namespace {

const char* kBegin = "<s>";
const char* kEnd = "</s>";
const char* kUnknown = "<unk>";

// An n-gram of at most 4 ids (each under 2^16) as one number; within one table all keys have
// the same length, so no two n-grams share a key.
uint64_t key(const std::vector<int>& ids, size_t first, size_t last) {
  uint64_t k = 0;
  for (size_t i = first; i < last; ++i) k = (k << 16) | uint64_t(ids[i]);
  return k;
}

std::vector<int> unpack(uint64_t k, int n) {
  std::vector<int> ids(n);
  for (int i = n - 1; i >= 0; --i, k >>= 16) ids[i] = int(k & 0xFFFF);
  return ids;
}

void put(std::vector<uint8_t>& out, const void* data, size_t n) {
  const auto* p = static_cast<const uint8_t*>(data);
  out.insert(out.end(), p, p + n);
}

}  // namespace

LanguageModel::LanguageModel(int order, const std::vector<std::string>& vocabulary,
                             const std::vector<std::vector<std::string>>& sentences, nlohmann::json meta)
    : order_(order), meta_(std::move(meta)) {
  if (order < 1 || order > kMaxOrder) throw Error("language model: order must be 1 to " + std::to_string(kMaxOrder));
  for (const auto& t : vocabulary)
    if (t != kBegin && t != kEnd && t != kUnknown && !ids_.count(t)) ids_[t] = int(tokens_.size()), tokens_.push_back(t);
  for (const char* t : {kEnd, kUnknown}) ids_[t] = int(tokens_.size()), tokens_.push_back(t);
  if (tokens_.size() >= 0xFFFF) throw Error("language model: vocabulary too large");
  end_ = ids_[kEnd];
  unknown_ = ids_[kUnknown];
  begin_ = int(tokens_.size());
  for (const auto& sentence : sentences) {
    std::vector<int> ids(order - 1, begin_);
    for (const auto& t : sentence) ids.push_back(id(t));
    ids.push_back(end_);
    for (size_t i = 0; i + order <= ids.size(); ++i) ++top_counts_[key(ids, i, i + order)];
  }
  estimate();
}

int LanguageModel::id(const std::string& token) const {
  const auto it = ids_.find(token);
  return it == ids_.end() ? unknown_ : it->second;
}

void LanguageModel::estimate() {
  counts_.assign(order_ + 1, {});
  contexts_.assign(order_ + 1, {});
  discounts_.assign(order_ + 1, 0.5);
  for (const auto& [k, c] : top_counts_) counts_[order_][k] = c;
  // Below the top order, an n-gram counts the distinct tokens seen before it (Kneser–Ney):
  // a token that follows many contexts is likely in a new one.
  for (int m = order_ - 1; m >= 1; --m)
    for (const auto& [k, c] : counts_[m + 1]) {
      const std::vector<int> ids = unpack(k, m + 1);
      counts_[m][key(ids, 1, ids.size())] += 1;
    }
  for (int m = 1; m <= order_; ++m) {
    double n1 = 0, n2 = 0;
    for (const auto& [k, c] : counts_[m]) {
      const std::vector<int> ids = unpack(k, m);
      Context& context = contexts_[m][key(ids, 0, m - 1)];
      context.total += c;
      context.types += 1;
      n1 += c == 1;
      n2 += c == 2;
    }
    if (n1 > 0 && n2 > 0) discounts_[m] = std::clamp(n1 / (n1 + 2 * n2), 0.1, 0.9);
  }
}

double LanguageModel::prob(const std::vector<int>& ids, size_t first, int m) const {
  if (m == 0) return 1.0 / double(tokens_.size());
  const double lower = prob(ids, first + 1, m - 1);
  const auto context = contexts_[m].find(key(ids, first, ids.size() - 1));
  if (context == contexts_[m].end() || context->second.total <= 0) return lower;
  const auto count = counts_[m].find(key(ids, first, ids.size()));
  const double c = count == counts_[m].end() ? 0.0 : count->second;
  const double d = discounts_[m];
  return (std::max(c - d, 0.0) + d * context->second.types * lower) / context->second.total;
}

double LanguageModel::log_prob(const std::vector<int>& context, int word) const {
  if (word < 0 || word >= int(tokens_.size())) throw Error("language model: no such token id");
  std::vector<int> ids(order_, begin_);
  const int n = std::min<int>(order_ - 1, int(context.size()));
  for (int i = 0; i < n; ++i) ids[order_ - 1 - n + i] = context[context.size() - n + i];
  ids[order_ - 1] = word;
  return std::log(prob(ids, 0, order_));
}

double LanguageModel::log_prob(const std::vector<std::string>& sentence) const {
  std::vector<int> context;
  double total = 0;
  for (const auto& t : sentence) {
    total += log_prob(context, id(t));
    context.push_back(id(t));
  }
  return total + log_prob(context, end_);
}

void LanguageModel::add(const std::vector<int>& ngram, uint32_t count) { top_counts_[key(ngram, 0, ngram.size())] += count; }

LanguageModel read_language_model(const std::vector<uint8_t>& bytes) {
  auto fail = [](const std::string& why) { return Error("language model: " + why); };
  if (bytes.size() < 16 || std::memcmp(bytes.data(), "INKL", 4) != 0) throw fail("not an inkmath language model file");
  auto u32 = [&](size_t at) {
    uint32_t v;
    std::memcpy(&v, bytes.data() + at, 4);
    return v;
  };
  const size_t body = bytes.size() - 4;
  const uint32_t version = u32(4);
  if (version != kLanguageModelVersion)
    throw fail("version " + std::to_string(version) + " not supported (this build reads version " +
               std::to_string(kLanguageModelVersion) + ")");
  const uint32_t header_size = u32(8);
  if (header_size > body - 12) throw fail("file is truncated");
  if (crc32(bytes.data(), body) != u32(body)) throw fail("checksum mismatch (file corrupted)");
  const auto header = nlohmann::json::parse(bytes.begin() + 12, bytes.begin() + 12 + header_size, nullptr, false);
  if (header.is_discarded() || !header.is_object()) throw fail("header is not valid JSON");
  const auto order = header.value("order", nlohmann::json());
  const auto vocabulary = header.value("vocabulary", nlohmann::json());
  const auto ngrams = header.value("ngrams", nlohmann::json());
  if (!order.is_number_integer() || order.get<long>() < 1 || order.get<long>() > LanguageModel::kMaxOrder)
    throw fail("bad order in header");
  if (!vocabulary.is_array() || vocabulary.size() < 2 || vocabulary.size() >= 0xFFFF) throw fail("bad vocabulary in header");
  if (!ngrams.is_number_integer() || ngrams.get<long>() < 0) throw fail("bad n-gram count in header");

  LanguageModel m;
  m.order_ = order.get<int>();
  m.meta_ = header.value("meta", nlohmann::json::object());
  for (const auto& t : vocabulary) {
    if (!t.is_string() || m.ids_.count(t.get<std::string>()) || t.get<std::string>() == kBegin) throw fail("bad vocabulary in header");
    m.ids_[t.get<std::string>()] = int(m.tokens_.size());
    m.tokens_.push_back(t.get<std::string>());
  }
  if (!m.ids_.count(kEnd) || !m.ids_.count(kUnknown)) throw fail("vocabulary lacks </s> or <unk>");
  m.end_ = m.ids_[kEnd];
  m.unknown_ = m.ids_[kUnknown];
  m.begin_ = int(m.tokens_.size());
  const size_t record = 2 * size_t(m.order_) + 4;
  const size_t count = ngrams.get<size_t>();
  if (count > (body - 12 - header_size) / record) throw fail("file is truncated");
  if (12 + header_size + count * record != body) throw fail("file has trailing bytes after the n-grams");
  size_t at = 12 + header_size;
  std::vector<int> ids(m.order_);
  for (size_t r = 0; r < count; ++r, at += record) {
    for (int i = 0; i < m.order_; ++i) {
      uint16_t v;
      std::memcpy(&v, bytes.data() + at + 2 * i, 2);
      // <s> only pads the context; the predicted token is a real one.
      if (v > m.begin_ || (i == m.order_ - 1 && v >= m.begin_)) throw fail("n-gram refers to a token that does not exist");
      ids[i] = v;
    }
    m.add(ids, u32(at + 2 * m.order_));
  }
  m.estimate();
  return m;
}

std::vector<uint8_t> write_language_model(const LanguageModel& model) {
  const nlohmann::json header = {{"order", model.order_}, {"vocabulary", model.tokens_},
                                 {"ngrams", model.top_counts_.size()}, {"meta", model.meta_}};
  const std::string text = header.dump();
  std::vector<uint8_t> out;
  put(out, "INKL", 4);
  const uint32_t version = kLanguageModelVersion, size = uint32_t(text.size());
  put(out, &version, 4);
  put(out, &size, 4);
  put(out, text.data(), text.size());
  // Sorted, so that the same data always gives the same file.
  std::vector<std::pair<uint64_t, uint32_t>> records(model.top_counts_.begin(), model.top_counts_.end());
  std::sort(records.begin(), records.end());
  for (const auto& [k, c] : records) {
    for (int id : unpack(k, model.order_)) {
      const uint16_t v = uint16_t(id);
      put(out, &v, 2);
    }
    put(out, &c, 4);
  }
  const uint32_t crc = crc32(out.data(), out.size());
  put(out, &crc, 4);
  return out;
}

}  // namespace inkmath
