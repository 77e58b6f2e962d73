#pragma once
// Exact US-dollar amounts for CJ's BigDecimal(18,2): a whole number of cents in 64 bits.
// No binary floating point is involved anywhere: text in, text out, integer arithmetic.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "cjd/expected.hpp"

namespace cjd {

enum class MoneyError {
  kFormat,     // not a plain decimal: empty, spaces, exponent, NaN, letters...
  kPrecision,  // more than two decimal places that are not zeros
  kRange,      // more than 16 digits before the decimal point, or an overflowing result
  kNegative,   // a minus sign where amounts must be >= 0
};

// Stable identifier used in validation issues: money_format, money_precision, ...
std::string_view money_error_rule(MoneyError error);
// Plain-English sentence completing "<field> ...", e.g. "must be an amount like 12.50".
std::string_view money_error_text(MoneyError error);

enum class SignPolicy { kNonNegative, kAllowNegative };

class Money {
 public:
  static constexpr int64_t kMaxCents = 999'999'999'999'999'999;  // 9999999999999999.99
  static constexpr int kMaxIntegerDigits = 16;

  constexpr Money() = default;
  static Expected<Money, MoneyError> from_cents(int64_t cents);
  // Parses "12", "12.5", "12.50", "0.1"; trailing zero decimals beyond two are exact and accepted
  // ("12.500"), any other third decimal is refused. No exponent, no '+', no spaces.
  static Expected<Money, MoneyError> parse(std::string_view text, SignPolicy sign = SignPolicy::kNonNegative);

  constexpr int64_t cents() const { return cents_; }
  std::string to_string() const;        // always two decimals: "12.50", "-0.10", "0.00"
  void append_to(std::string& out) const;

  Expected<Money, MoneyError> plus(Money other) const;
  Expected<Money, MoneyError> minus(Money other) const;
  Expected<Money, MoneyError> times(int64_t quantity) const;

  friend constexpr bool operator==(Money a, Money b) { return a.cents_ == b.cents_; }
  friend constexpr bool operator!=(Money a, Money b) { return a.cents_ != b.cents_; }
  friend constexpr bool operator<(Money a, Money b) { return a.cents_ < b.cents_; }
  friend constexpr bool operator<=(Money a, Money b) { return a.cents_ <= b.cents_; }
  friend constexpr bool operator>(Money a, Money b) { return a.cents_ > b.cents_; }
  friend constexpr bool operator>=(Money a, Money b) { return a.cents_ >= b.cents_; }

 private:
  constexpr explicit Money(int64_t cents) : cents_(cents) {}
  int64_t cents_ = 0;
};

// -1, 0 or 1.
int compare(Money a, Money b);
Expected<Money, MoneyError> sum(const std::vector<Money>& amounts);

enum class AllocateError { kNoWeights, kNegativeWeight, kZeroTotalWeight, kWeightTooLarge };
std::string_view allocate_error_text(AllocateError error);

// Splits `total` across `weights` so that the parts add up to `total` exactly: each part is
// floor(total * weight / sum), and the cents left over go one by one to the largest remainders
// (earlier index first on ties). A negative total is split the same way, mirrored.
Expected<std::vector<Money>, AllocateError> allocate(Money total, const std::vector<int64_t>& weights);

}  // namespace cjd
