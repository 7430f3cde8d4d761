#include "language/refine.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <map>
#include <string>

#include "language/labels.h"

namespace inkmath {

namespace {

struct Partial {
  std::vector<int> choices;
  std::vector<int> history;  // the last order - 1 token ids
  double score = 0;
};

double log_score(float p) { return std::log(std::max(double(p), 1e-9)); }

// Keeps the n best partial readings for each language model state (its last order - 1 ids).
std::vector<Partial> prune(std::vector<Partial> all, int n) {
  std::sort(all.begin(), all.end(), [](const Partial& a, const Partial& b) { return a.score > b.score; });
  std::map<std::vector<int>, int> kept;
  std::vector<Partial> out;
  for (auto& p : all)
    if (kept[p.history]++ < n) out.push_back(std::move(p));
  return out;
}

// Symbol indices in reading order (language/labels.h), and which the layout reads as structure.
void reading_order(const LayoutRow& row, std::vector<int>& order, std::vector<bool>& structure) {
  for (const LayoutNode& node : row) {
    if (node.symbol >= 0 && size_t(node.symbol) < structure.size()) {
      order.push_back(node.symbol);
      structure[size_t(node.symbol)] = node.type != LayoutNode::Type::Symbol;
    }
    reading_order(node.first, order, structure);
    reading_order(node.second, order, structure);
    reading_order(node.sub, order, structure);
    reading_order(node.sup, order, structure);
  }
}

// The letters whose capital is the same shape, bigger: a writer's case is a matter of size.
const std::string kCaseLetters = "copsuvwxyzk";

char case_class(const std::string& label) {
  if (label.size() != 1) return 0;
  const char lower = char(std::tolower(static_cast<unsigned char>(label[0])));
  return kCaseLetters.find(lower) == std::string::npos ? 0 : lower;
}

// The language model's log-probability of one symbol's label (its tokens: language/labels.h)
// after `history`, which it extends, keeping the last `keep` ids.
double label_log_prob(const LanguageModel& model, const std::string& label, std::vector<int>& history, size_t keep) {
  double log_prob = 0;
  for (const std::string& token : label_tokens(label)) {
    const int id = model.id(token);
    log_prob += model.log_prob(history, id);
    history.push_back(id);
    if (history.size() > keep) history.erase(history.begin());
  }
  return log_prob;
}

// Score of one label sequence as best_label_readings scores it, sentence end included.
double sequence_score(const LanguageModel& model, const std::vector<std::vector<Alternative>>& positions,
                      const std::vector<int>& choices, double weight) {
  std::vector<int> history;
  double score = 0;
  for (size_t p = 0; p < positions.size(); ++p) {
    const Alternative& a = positions[p][size_t(choices[p])];
    score += log_score(a.score) + weight * label_log_prob(model, a.label, history, size_t(model.order() - 1));
  }
  return score + weight * model.log_prob(history, model.end_id());
}

// How many letters the reading writes in both cases.
int mixed_letters(const std::vector<std::vector<Alternative>>& positions, const std::vector<int>& choices) {
  std::map<char, int> cases;  // bit 1: lower case seen, bit 2: capital
  for (size_t p = 0; p < positions.size(); ++p) {
    const std::string& label = positions[p][size_t(choices[p])].label;
    if (const char c = case_class(label)) cases[c] |= std::islower(static_cast<unsigned char>(label[0])) ? 1 : 2;
  }
  int mixed = 0;
  for (const auto& [c, seen] : cases) mixed += seen == 3;
  return mixed;
}

bool offers(const std::vector<Alternative>& alternatives, const std::string& label) {
  return std::any_of(alternatives.begin(), alternatives.end(), [&](const Alternative& a) { return a.label == label; });
}

bool odd_bars(const std::vector<std::vector<Alternative>>& positions, const std::vector<int>& choices) {
  int bars = 0;
  for (size_t p = 0; p < positions.size(); ++p) bars += positions[p][size_t(choices[p])].label == "|";
  return bars % 2 == 1;
}

// How far the reading's parentheses are from balanced: `closes` counts each ) that closes
// nothing and each ( left open that a symbol after it could close (one that offers a ) among
// its alternatives); `open` each ( left open that nothing after it could close.
struct Balance {
  int closes = 0, open = 0;
  int total() const { return closes + open; }
};

Balance balance(const std::vector<std::vector<Alternative>>& positions, const std::vector<int>& choices) {
  Balance b;
  std::vector<size_t> open;
  for (size_t p = 0; p < positions.size(); ++p) {
    const std::string& label = positions[p][size_t(choices[p])].label;
    if (label == "(") open.push_back(p);
    if (label != ")") continue;
    if (open.empty()) ++b.closes;
    else open.pop_back();
  }
  for (const size_t o : open) {
    bool closable = false;
    for (size_t p = o + 1; p < positions.size() && !closable; ++p)
      closable = positions[p][size_t(choices[p])].label != "(" && offers(positions[p], ")");
    ++(closable ? b.closes : b.open);
  }
  return b;
}

// A bar | and a 1 look alike. However unlikely the classifier finds the other, the rule that
// bars come in pairs may choose it, so that a lone bar can become a 1 (or a 1 its partner).
bool bar_look_alikes(const std::string& label, const std::string& other) {
  return (label == "|" && other == "1") || (label == "1" && other == "|");
}

// A letter (x, P, \alpha) or a closing bracket: what a prime marks.
bool takes_prime(const std::string& label) { return is_letter(label) || label == ")" || label == "]"; }

void mark_lone_superscripts(const LayoutRow& row, const std::vector<RecognizedSymbol>& symbols, std::vector<bool>& lone) {
  for (const LayoutNode& node : row) {
    const LayoutRow& sup = node.sup;
    const bool alone = sup.size() == 1 && sup[0].type == LayoutNode::Type::Symbol && sup[0].sub.empty() && sup[0].sup.empty();
    if (alone && node.type == LayoutNode::Type::Symbol && node.sub.empty() && node.symbol >= 0 &&
        size_t(node.symbol) < symbols.size() && size_t(sup[0].symbol) < symbols.size() &&
        takes_prime(symbols[size_t(node.symbol)].label))
      lone[size_t(sup[0].symbol)] = true;
    for (const LayoutRow* r : {&node.first, &node.second, &node.sub, &node.sup}) mark_lone_superscripts(*r, symbols, lone);
  }
}

// How many lone superscripts (marked by `lone`, in reading order) that could be a prime the
// reading writes as 1.
int superscript_ones(const std::vector<std::vector<Alternative>>& positions, const std::vector<bool>& lone,
                     const std::vector<int>& choices) {
  int ones = 0;
  for (size_t p = 0; p < positions.size(); ++p)
    ones += lone[p] && positions[p][size_t(choices[p])].label == "1" && offers(positions[p], "\\prime");
  return ones;
}

// The whole-expression rules a reading may break, each at a cost (LanguageParams).
struct Rules {
  const LanguageModel& model;
  const std::vector<std::vector<Alternative>>& positions;
  const std::vector<bool>& lone_superscript;  // by position: written alone as a letter's superscript
  const LanguageParams& params;

  double penalty(const std::vector<int>& choices) const {
    return params.mixed_case * mixed_letters(positions, choices) + params.odd_bars * odd_bars(positions, choices) +
           balance_cost(balance(positions, choices)) +
           params.superscript_one * superscript_ones(positions, lone_superscript, choices);
  }
  // A ( that nothing after it could close costs less: the ink may be read while it is
  // written, and its ) is still to come.
  double balance_cost(const Balance& b) const {
    return b.closes > 0 ? params.unbalanced : b.open > 0 ? params.unclosed : 0;
  }
  double score(const std::vector<int>& choices) const {
    return sequence_score(model, positions, choices, params.weight) - penalty(choices);
  }

  // The best of the variants offered, by the classifier and the language model (the first of
  // equals); none until one is offered.
  struct Best {
    const Rules& rules;
    std::vector<int> choices;
    double score = 0;
    void offer(const std::vector<int>& q) {
      const double s = sequence_score(rules.model, rules.positions, q, rules.params.weight);
      if (choices.empty() || s > score) choices = q, score = s;
    }
    std::vector<int> or_else(const std::vector<int>& fallback) const { return choices.empty() ? fallback : choices; }
  };

  // The reading with each letter it writes in both cases written in one, where every place of
  // that letter offers that case among its alternatives, whichever case scores better.
  std::vector<int> one_case_each(std::vector<int> choices) const {
    for (const char c : kCaseLetters) {
      Best best{*this, {}};
      for (const char variant : {c, char(std::toupper(static_cast<unsigned char>(c)))}) {
        std::vector<int> q = choices;
        bool feasible = true;
        for (size_t p = 0; p < positions.size() && feasible; ++p) {
          if (case_class(positions[p][size_t(q[p])].label) != c) continue;
          feasible = false;
          for (size_t a = 0; a < positions[p].size(); ++a)
            if (positions[p][a].label == std::string(1, variant)) q[p] = int(a), feasible = true;
        }
        if (feasible) best.offer(q);
      }
      const std::vector<int> one_case = best.or_else(choices);
      if (mixed_letters(positions, one_case) < mixed_letters(positions, choices)) choices = one_case;
    }
    return choices;
  }

  // The reading with one symbol more or fewer read as a bar |, whichever scores best; a bar's
  // unlikely look-alike (below params.min_score) only where no likelier change gives a partner.
  std::vector<int> even_bars(const std::vector<int>& choices) const {
    Best best{*this, {}};
    for (const bool unlikely : {false, true}) {
      for (size_t p = 0; p < positions.size(); ++p) {
        const bool bar = positions[p][size_t(choices[p])].label == "|";
        for (size_t a = 0; a < positions[p].size(); ++a) {
          if ((positions[p][a].label == "|") == bar || (positions[p][a].score < params.min_score) != unlikely) continue;
          std::vector<int> q = choices;
          q[p] = int(a);
          best.offer(q);
        }
      }
      if (!best.choices.empty()) break;
    }
    return best.or_else(choices);
  }

  // The reading with one symbol read otherwise so that ( and ) are closer to balanced,
  // whichever scores best.
  std::vector<int> closer_balance(const std::vector<int>& choices) const {
    const int now = balance(positions, choices).total();
    Best best{*this, {}};
    for (size_t p = 0; p < positions.size(); ++p)
      for (size_t a = 0; a < positions[p].size(); ++a) {
        if (int(a) == choices[p]) continue;
        std::vector<int> q = choices;
        q[p] = int(a);
        if (balance(positions, q).total() < now) best.offer(q);
      }
    return best.or_else(choices);
  }

  // The reading with each lone superscript 1 that could be a prime read as that prime.
  std::vector<int> primes(std::vector<int> choices) const {
    for (size_t p = 0; p < positions.size(); ++p) {
      if (!lone_superscript[p] || positions[p][size_t(choices[p])].label != "1") continue;
      for (size_t a = 0; a < positions[p].size(); ++a)
        if (positions[p][a].label == "\\prime") choices[p] = int(a);
    }
    return choices;
  }

  // Each reading and its forms that keep the rules compete; the n best distinct readings stay,
  // their probabilities their share among them.
  std::vector<LabelReading> apply(const std::vector<LabelReading>& readings, int n) const {
    std::vector<LabelReading> all;
    const auto add = [&](const std::vector<int>& choices) {
      for (const LabelReading& r : all)
        if (r.choices == choices) return;
      all.push_back({choices, score(choices), 0});
    };
    for (const LabelReading& r : readings) {
      add(r.choices);
      std::vector<int> kept = r.choices;
      if (params.mixed_case > 0 && mixed_letters(positions, kept) > 0) add(kept = one_case_each(kept));
      if (params.odd_bars > 0 && odd_bars(positions, kept)) add(kept = even_bars(kept));
      if ((params.unbalanced > 0 || params.unclosed > 0) && balance(positions, kept).total() > 0) add(kept = closer_balance(kept));
      // The primes of the reading as the other rules left it, and of the reading itself.
      const auto add_primes = [&](const std::vector<int>& choices) {
        if (params.superscript_one > 0 && superscript_ones(positions, lone_superscript, choices) > 0) add(primes(choices));
      };
      add_primes(kept);
      add_primes(r.choices);
    }
    std::sort(all.begin(), all.end(), [](const LabelReading& a, const LabelReading& b) { return a.score > b.score; });
    if (int(all.size()) > n) all.resize(size_t(n));
    double total = 0;
    for (const LabelReading& r : all) total += std::exp(r.score - all[0].score);
    for (LabelReading& r : all) r.probability = std::exp(r.score - all[0].score) / total;
    return all;
  }
};

}  // namespace

std::vector<bool> lone_superscripts(const LayoutRow& tree, const std::vector<RecognizedSymbol>& symbols) {
  std::vector<bool> lone(symbols.size(), false);
  mark_lone_superscripts(tree, symbols, lone);
  return lone;
}

std::vector<RelabelledSymbols> best_readings(const LanguageModel* model, const LayoutRow& tree,
                                             const std::vector<RecognizedSymbol>& symbols, const LanguageParams& params,
                                             const std::vector<bool>& lone_given) {
  std::vector<int> order;
  std::vector<bool> structure(symbols.size(), false);
  reading_order(tree, order, structure);
  const bool use_model = model && params.weight != 0;
  const bool use_rules = use_model && (params.mixed_case > 0 || params.odd_bars > 0 || params.unbalanced > 0 ||
                                       params.unclosed > 0 ||
                                       params.superscript_one > 0);
  std::vector<bool> lone_superscript;
  if (use_rules) {
    const std::vector<bool> lone = lone_given.size() == symbols.size() ? lone_given : lone_superscripts(tree, symbols);
    for (int i : order) lone_superscript.push_back(lone[size_t(i)]);
  }
  std::vector<std::vector<Alternative>> positions, ruled_positions;
  for (int i : order) {
    const RecognizedSymbol& s = symbols[size_t(i)];
    // The label in use first, then the other alternatives. Refinement may have chosen a label
    // the classifier scores lower (by the layout or the context): it scores as the best, so that
    // without a language model the reading stays refinement's.
    float best = s.score;
    for (const Alternative& a : s.alternatives) best = std::max(best, a.score);
    std::vector<Alternative> alts = {{s.label, best}};
    const size_t k = structure[size_t(i)] || s.fixed ? 1 : size_t(std::max(1, params.alternatives));
    for (const Alternative& a : s.alternatives)
      if (alts.size() < k && a.label != s.label && a.score >= params.min_score) alts.push_back(a);
    if (use_rules) {
      // The rules see the bar's look-alike too, after the alternatives the search sees.
      std::vector<Alternative> ruled = alts;
      for (const Alternative& a : s.alternatives)
        if (k > 1 && bar_look_alikes(s.label, a.label) && a.score < params.min_score) ruled.push_back(a);
      ruled_positions.push_back(std::move(ruled));
    }
    positions.push_back(std::move(alts));
  }
  auto best = best_label_readings(use_model ? model : nullptr, positions, params.weight, params.readings);
  if (use_rules) {
    best = Rules{*model, ruled_positions, lone_superscript, params}.apply(best, std::max(params.readings, 1));
    positions = std::move(ruled_positions);
  }
  std::vector<RelabelledSymbols> out;
  for (const LabelReading& reading : best) {
    RelabelledSymbols r{symbols, reading.probability, reading.score, false};
    for (size_t p = 0; p < order.size(); ++p)
      if (reading.choices[p] != 0) {
        choose_alternative(r.symbols[size_t(order[p])], positions[p][size_t(reading.choices[p])]);
        r.changed = true;
      }
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<LabelReading> best_label_readings(const LanguageModel* model, const std::vector<std::vector<Alternative>>& positions,
                                              double weight, int n) {
  n = std::max(n, 1);
  const int history = model ? model->order() - 1 : 0;
  std::vector<Partial> beam(1);
  for (const auto& alternatives : positions) {
    std::vector<Partial> next;
    for (const Partial& p : beam)
      for (size_t a = 0; a < alternatives.size(); ++a) {
        Partial q = p;
        q.choices.push_back(int(a));
        q.score += log_score(alternatives[a].score);
        if (model) q.score += weight * label_log_prob(*model, alternatives[a].label, q.history, size_t(history));
        next.push_back(std::move(q));
      }
    if (!next.empty()) beam = prune(std::move(next), n);
  }
  if (model)
    for (Partial& p : beam) p.score += weight * model->log_prob(p.history, model->end_id());
  std::sort(beam.begin(), beam.end(), [](const Partial& a, const Partial& b) { return a.score > b.score; });
  double total = 0;
  for (const Partial& p : beam) total += std::exp(p.score - beam[0].score);
  std::vector<LabelReading> out;
  for (size_t i = 0; i < beam.size() && int(i) < n; ++i)
    out.push_back({beam[i].choices, beam[i].score, std::exp(beam[i].score - beam[0].score) / total});
  return out;
}

}  // namespace inkmath
