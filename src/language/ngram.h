// A token n-gram language model of math with interpolated Kneser–Ney smoothing: how likely a
// symbol label is after the labels read before it (src/language/labels.h says which labels, in
// which order). The file keeps only the highest-order counts; every probability is derived
// from them when the model is loaded, so that fitting and reading share one estimate.
//
// The model file's "language" part (little-endian), written by write_language_model (inkmath fit-language):
//   "INKL"            4 bytes magic
//   u32 version       kLanguageModelVersion
//   u32 header_size   then header_size bytes of JSON: {"order": N, "vocabulary": [...], "ngrams": M, "meta": {...}}
//   M records         N u16 token ids (indices into the vocabulary) and a u32 count
//   u32 crc32         of every byte before it
#pragma once
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

namespace inkmath {

constexpr uint32_t kLanguageModelVersion = 1;

class LanguageModel {
 public:
  static constexpr int kMaxOrder = 4;
  // Counts the n-grams of the sentences (token sequences; each is padded with order - 1
  // sentence starts and one sentence end). Tokens outside `vocabulary` count as <unk>.
  LanguageModel(int order, const std::vector<std::string>& vocabulary, const std::vector<std::vector<std::string>>& sentences,
                nlohmann::json meta = nlohmann::json::object());

  int order() const { return order_; }
  // The tokens the model predicts: the vocabulary given, plus </s> and <unk>; not <s>.
  const std::vector<std::string>& tokens() const { return tokens_; }
  int id(const std::string& token) const;  // <unk>'s id for tokens outside the vocabulary
  int begin_id() const { return begin_; }  // <s>: only ever context
  int end_id() const { return end_; }      // </s>
  const nlohmann::json& meta() const { return meta_; }

  // ln P(word | context): the last order - 1 ids of `context` count (fewer: the sentence has
  // just begun, padded with <s>).
  double log_prob(const std::vector<int>& context, int word) const;
  // ln P of a whole sentence, its end included.
  double log_prob(const std::vector<std::string>& sentence) const;

 private:
  friend LanguageModel read_language_model(const std::vector<uint8_t>& bytes);
  friend std::vector<uint8_t> write_language_model(const LanguageModel& model);
  LanguageModel() = default;
  void add(const std::vector<int>& ngram, uint32_t count);
  void estimate();  // derives every order's counts and discounts from the highest order's
  double prob(const std::vector<int>& ids, size_t first, int m) const;  // P_m(ids.back() | ids[first..])

  struct Context {
    double total = 0;  // sum of the (continuation) counts of the n-grams that extend it
    double types = 0;  // how many distinct tokens follow it
  };
  int order_ = 3;
  std::vector<std::string> tokens_;
  std::unordered_map<std::string, int> ids_;
  int begin_ = 0, end_ = 0, unknown_ = 0;
  nlohmann::json meta_;
  std::unordered_map<uint64_t, uint32_t> top_counts_;               // the highest order's raw counts
  std::vector<std::unordered_map<uint64_t, double>> counts_;        // [m]: counts of m-grams (continuation below the top)
  std::vector<std::unordered_map<uint64_t, Context>> contexts_;     // [m]: by the m-gram's first m - 1 ids
  std::vector<double> discounts_;                                   // [m]
};

// Throws Error with a one-line reason for a wrong, truncated or corrupted file.
LanguageModel read_language_model(const std::vector<uint8_t>& bytes);
std::vector<uint8_t> write_language_model(const LanguageModel& model);

}  // namespace inkmath
