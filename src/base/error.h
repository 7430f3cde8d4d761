// The one error type: every recoverable problem with input (files, ink, weights, settings) is an
// Error whose message is one line a user can act on.
#pragma once
#include <stdexcept>

namespace inkmath {

struct Error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace inkmath
