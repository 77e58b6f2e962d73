// libFuzzer: money parsing and arithmetic. Whatever the text, parse either refuses it or gives
// an amount that prints and re-parses to itself; arithmetic never wraps.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "cjd/money.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  for (auto sign : {cjd::SignPolicy::kNonNegative, cjd::SignPolicy::kAllowNegative}) {
    auto parsed = cjd::Money::parse(text, sign);
    if (!parsed) continue;
    const std::string printed = parsed->to_string();
    auto again = cjd::Money::parse(printed, cjd::SignPolicy::kAllowNegative);
    if (!again || *again != *parsed) std::abort();
    if (sign == cjd::SignPolicy::kNonNegative && parsed->cents() < 0) std::abort();
    for (std::int64_t quantity : {0LL, 1LL, 3LL, 1000000007LL, -1LL}) {
      auto product = parsed->times(quantity);
      if (product && (product->cents() > cjd::Money::kMaxCents || product->cents() < -cjd::Money::kMaxCents)) std::abort();
    }
    auto doubled = parsed->plus(*parsed);
    if (doubled && doubled->minus(*parsed).value() != *parsed) std::abort();
    auto parts = cjd::allocate(*parsed, {1, 2, 3, static_cast<std::int64_t>(size)});
    if (parts && cjd::sum(*parts).value() != *parsed) std::abort();
  }
  return 0;
}
