#include "cjd/money.hpp"

#include <algorithm>

namespace cjd {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool in_range(int64_t cents) { return cents >= -Money::kMaxCents && cents <= Money::kMaxCents; }

}  // namespace

std::string_view money_error_rule(MoneyError error) {
  switch (error) {
    case MoneyError::kFormat: return "money_format";
    case MoneyError::kPrecision: return "money_precision";
    case MoneyError::kRange: return "money_range";
    case MoneyError::kNegative: return "money_negative";
  }
  return "money_format";
}

std::string_view money_error_text(MoneyError error) {
  switch (error) {
    case MoneyError::kFormat: return "must be an amount in US dollars written like 12.50";
    case MoneyError::kPrecision: return "can have at most 2 decimal places (cents)";
    case MoneyError::kRange: return "is too large: at most 16 digits before the decimal point";
    case MoneyError::kNegative: return "cannot be negative";
  }
  return "must be an amount in US dollars written like 12.50";
}

Expected<Money, MoneyError> Money::from_cents(int64_t cents) {
  if (!in_range(cents)) return unexpected(MoneyError::kRange);
  return Money(cents);
}

Expected<Money, MoneyError> Money::parse(std::string_view text, SignPolicy sign) {
  size_t i = 0;
  const bool negative = !text.empty() && text[0] == '-';
  if (negative) ++i;

  // Integer part: at least one digit; leading zeros do not count towards the 16 digits.
  const size_t int_start = i;
  int64_t units = 0;
  int significant = 0;
  bool too_many_digits = false;
  for (; i < text.size() && is_digit(text[i]); ++i) {
    if (significant == 0 && text[i] == '0') continue;
    if (++significant > kMaxIntegerDigits) {
      too_many_digits = true;
      continue;
    }
    units = units * 10 + (text[i] - '0');
  }
  if (i == int_start) return unexpected(MoneyError::kFormat);

  int64_t fraction = 0;
  bool extra_precision = false;
  if (i < text.size() && text[i] == '.') {
    ++i;
    const size_t frac_start = i;
    for (; i < text.size() && is_digit(text[i]); ++i) {
      const size_t position = i - frac_start;
      if (position < 2) {
        fraction = fraction * 10 + (text[i] - '0');
      } else if (text[i] != '0') {
        extra_precision = true;
      }
    }
    if (i == frac_start) return unexpected(MoneyError::kFormat);
    if (i - frac_start == 1) fraction *= 10;
  }
  if (i != text.size()) return unexpected(MoneyError::kFormat);
  if (too_many_digits) return unexpected(MoneyError::kRange);
  if (extra_precision) return unexpected(MoneyError::kPrecision);
  if (negative && sign == SignPolicy::kNonNegative) return unexpected(MoneyError::kNegative);

  const int64_t cents = units * 100 + fraction;  // <= kMaxCents by the digit limit
  return Money(negative ? -cents : cents);
}

void Money::append_to(std::string& out) const {
  // Magnitude digits, least significant first, then reversed: no locale, no floating point.
  uint64_t magnitude = cents_ < 0 ? static_cast<uint64_t>(-cents_) : static_cast<uint64_t>(cents_);
  char digits[24];
  int n = 0;
  do {
    digits[n++] = static_cast<char>('0' + magnitude % 10);
    magnitude /= 10;
  } while (magnitude != 0);
  while (n < 3) digits[n++] = '0';
  if (cents_ < 0) out.push_back('-');
  for (int k = n - 1; k >= 2; --k) out.push_back(digits[k]);
  out.push_back('.');
  out.push_back(digits[1]);
  out.push_back(digits[0]);
}

std::string Money::to_string() const {
  std::string out;
  append_to(out);
  return out;
}

Expected<Money, MoneyError> Money::plus(Money other) const {
  // Both operands are within +-kMaxCents, so the int64 sum cannot wrap; only the range can break.
  return from_cents(cents_ + other.cents_);
}

Expected<Money, MoneyError> Money::minus(Money other) const { return from_cents(cents_ - other.cents_); }

Expected<Money, MoneyError> Money::times(int64_t quantity) const {
  int64_t product = 0;
  if (__builtin_mul_overflow(cents_, quantity, &product)) return unexpected(MoneyError::kRange);
  return from_cents(product);
}

int compare(Money a, Money b) { return a < b ? -1 : (a > b ? 1 : 0); }

Expected<Money, MoneyError> sum(const std::vector<Money>& amounts) {
  Money total;
  for (Money amount : amounts) {
    auto next = total.plus(amount);
    if (!next) return next;
    total = *next;
  }
  return total;
}

std::string_view allocate_error_text(AllocateError error) {
  switch (error) {
    case AllocateError::kNoWeights: return "needs at least one weight";
    case AllocateError::kNegativeWeight: return "weights cannot be negative";
    case AllocateError::kZeroTotalWeight: return "weights cannot all be zero";
    case AllocateError::kWeightTooLarge: return "the weights add up to more than 2^63";
  }
  return "invalid weights";
}

Expected<std::vector<Money>, AllocateError> allocate(Money total, const std::vector<int64_t>& weights) {
  if (weights.empty()) return unexpected(AllocateError::kNoWeights);
  int64_t weight_sum = 0;
  for (int64_t w : weights) {
    if (w < 0) return unexpected(AllocateError::kNegativeWeight);
    if (__builtin_add_overflow(weight_sum, w, &weight_sum)) return unexpected(AllocateError::kWeightTooLarge);
  }
  if (weight_sum == 0) return unexpected(AllocateError::kZeroTotalWeight);

  __extension__ using u128 = unsigned __int128;
  const bool negative = total.cents() < 0;
  const uint64_t magnitude = negative ? static_cast<uint64_t>(-total.cents()) : static_cast<uint64_t>(total.cents());

  std::vector<uint64_t> parts(weights.size());
  std::vector<uint64_t> remainders(weights.size());
  uint64_t assigned = 0;
  for (size_t k = 0; k < weights.size(); ++k) {
    // magnitude < 2^60 and weight < 2^63: the product fits in 128 bits.
    const u128 scaled = static_cast<u128>(magnitude) * static_cast<u128>(weights[k]);
    parts[k] = static_cast<uint64_t>(scaled / static_cast<u128>(weight_sum));
    remainders[k] = static_cast<uint64_t>(scaled % static_cast<u128>(weight_sum));
    assigned += parts[k];
  }
  // Hand out the cents left over (fewer than the number of parts) to the largest remainders,
  // the earlier index first among equal remainders.
  std::vector<size_t> order(weights.size());
  for (size_t k = 0; k < order.size(); ++k) order[k] = k;
  const uint64_t left = magnitude - assigned;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return remainders[a] != remainders[b] ? remainders[a] > remainders[b] : a < b; });
  for (std::size_t k = 0; k < static_cast<std::size_t>(left); ++k) parts[order[k]] += 1;

  std::vector<Money> result;
  result.reserve(parts.size());
  for (uint64_t part : parts) {
    const int64_t cents = static_cast<int64_t>(part);
    result.push_back(*Money::from_cents(negative ? -cents : cents));
  }
  return result;
}

}  // namespace cjd
