#include "cjd/money.hpp"

#include <gtest/gtest.h>

namespace cjd {
namespace {

Money m(const char* text) {
  auto parsed = Money::parse(text, SignPolicy::kAllowNegative);
  EXPECT_TRUE(parsed.has_value()) << text;
  return parsed ? *parsed : Money();
}

MoneyError error_of(const char* text, SignPolicy sign = SignPolicy::kNonNegative) {
  auto parsed = Money::parse(text, sign);
  EXPECT_FALSE(parsed.has_value()) << text;
  return parsed ? MoneyError::kFormat : parsed.error();
}

TEST(Money, ParsesAndFormatsWithTwoDecimals) {
  EXPECT_EQ(m("12").to_string(), "12.00");
  EXPECT_EQ(m("12.5").to_string(), "12.50");
  EXPECT_EQ(m("12.50").to_string(), "12.50");
  EXPECT_EQ(m("0.1").to_string(), "0.10");
  EXPECT_EQ(m("0").to_string(), "0.00");
  EXPECT_EQ(m("0.01").cents(), 1);
  EXPECT_EQ(m("007.50").to_string(), "7.50");
  EXPECT_EQ(m("12.500").to_string(), "12.50");  // trailing zeros are exact
}

TEST(Money, LargestAmountRoundTrips) {
  const Money max = m("9999999999999999.99");
  EXPECT_EQ(max.cents(), Money::kMaxCents);
  EXPECT_EQ(max.to_string(), "9999999999999999.99");
  EXPECT_EQ(m("-9999999999999999.99").to_string(), "-9999999999999999.99");
}

TEST(Money, RefusesWhatIsNotAPlainAmount) {
  for (const char* text : {"", " ", "12 ", " 12", "1e2", "1E2", "NaN", "Infinity", "-Infinity", ".5", "5.", "+5", "12,50",
                           "--1", "1.2.3", "0x10", "1_000", "abc", "-", "."}) {
    EXPECT_EQ(error_of(text), MoneyError::kFormat) << "'" << text << "'";
  }
}

TEST(Money, RefusesMoreThanTwoDecimals) {
  EXPECT_EQ(error_of("12.345"), MoneyError::kPrecision);
  EXPECT_EQ(error_of("0.001"), MoneyError::kPrecision);
  EXPECT_EQ(error_of("0.30000000000000004"), MoneyError::kPrecision);
}

TEST(Money, RefusesMoreThanSixteenIntegerDigits) {
  EXPECT_EQ(error_of("10000000000000000"), MoneyError::kRange);
  EXPECT_EQ(error_of("99999999999999999999999999999999.00"), MoneyError::kRange);
  EXPECT_TRUE(Money::parse("0000000000000000000001.00").has_value());  // leading zeros do not count
}

TEST(Money, SignsOnlyWhereAllowed) {
  EXPECT_EQ(error_of("-1"), MoneyError::kNegative);
  EXPECT_EQ(error_of("-0.00"), MoneyError::kNegative);
  auto negative_zero = Money::parse("-0.00", SignPolicy::kAllowNegative);
  ASSERT_TRUE(negative_zero);
  EXPECT_EQ(negative_zero->to_string(), "0.00");  // no "-0.00" ever printed
  EXPECT_EQ(m("-0.5").to_string(), "-0.50");
}

TEST(Money, ExactDecimalArithmetic) {
  EXPECT_EQ(m("0.10").plus(m("0.20"))->to_string(), "0.30");
  EXPECT_EQ(m("19.99").times(3)->to_string(), "59.97");
  EXPECT_EQ(m("1.00").minus(m("1.01"))->to_string(), "-0.01");
  EXPECT_EQ(m("0.07").times(100)->to_string(), "7.00");
  EXPECT_EQ(sum({m("0.1"), m("0.2"), m("0.3")})->to_string(), "0.60");
  EXPECT_EQ(sum({})->to_string(), "0.00");
}

TEST(Money, OverflowIsAnErrorNeverAWrap) {
  const Money max = m("9999999999999999.99");
  EXPECT_EQ(max.plus(m("0.01")).error(), MoneyError::kRange);
  EXPECT_EQ(m("-9999999999999999.99").minus(m("0.01")).error(), MoneyError::kRange);
  EXPECT_EQ(max.times(2).error(), MoneyError::kRange);
  EXPECT_EQ(m("1.00").times(INT64_MAX).error(), MoneyError::kRange);
  EXPECT_EQ(m("-1.00").times(INT64_MIN).error(), MoneyError::kRange);
  EXPECT_EQ(sum({max, m("0.01")}).error(), MoneyError::kRange);
  EXPECT_EQ(Money::from_cents(Money::kMaxCents + 1).error(), MoneyError::kRange);
}

TEST(Money, Compares) {
  EXPECT_EQ(compare(m("1.10"), m("1.1")), 0);
  EXPECT_EQ(compare(m("1.09"), m("1.1")), -1);
  EXPECT_EQ(compare(m("2"), m("-2")), 1);
  EXPECT_TRUE(m("0.00") == m("-0.00"));
}

std::vector<std::string> texts(const std::vector<Money>& parts) {
  std::vector<std::string> out;
  for (Money part : parts) out.push_back(part.to_string());
  return out;
}

TEST(Money, AllocatesByLargestRemainder) {
  EXPECT_EQ(texts(*allocate(m("10.00"), {1, 1, 1})), (std::vector<std::string>{"3.34", "3.33", "3.33"}));
  EXPECT_EQ(texts(*allocate(m("0.05"), {1, 1, 1, 1, 1, 1})), (std::vector<std::string>{"0.01", "0.01", "0.01", "0.01", "0.01", "0.00"}));
  EXPECT_EQ(texts(*allocate(m("100.00"), {2500, 1250, 0})), (std::vector<std::string>{"66.67", "33.33", "0.00"}));
  EXPECT_EQ(texts(*allocate(m("-10.00"), {1, 2})), (std::vector<std::string>{"-3.33", "-6.67"}));
  // The remainder goes to the largest fraction, not the first part.
  EXPECT_EQ(texts(*allocate(m("1.00"), {1, 2})), (std::vector<std::string>{"0.33", "0.67"}));
}

TEST(Money, AllocatedPartsAlwaysSumToTheTotal) {
  const std::vector<std::vector<int64_t>> weight_sets = {{1}, {3, 7}, {1, 1, 1, 1, 1, 1, 1}, {999999, 1, 12345}, {INT64_MAX / 2, INT64_MAX / 2}};
  for (const char* total : {"0.00", "0.01", "12.34", "9999999999999999.99", "-5.55"}) {
    for (const auto& weights : weight_sets) {
      auto parts = allocate(m(total), weights);
      ASSERT_TRUE(parts);
      EXPECT_EQ(sum(*parts)->to_string(), m(total).to_string()) << total;
    }
  }
}

TEST(Money, AllocateRefusesBadWeights) {
  EXPECT_EQ(allocate(m("1"), {}).error(), AllocateError::kNoWeights);
  EXPECT_EQ(allocate(m("1"), {0, 0}).error(), AllocateError::kZeroTotalWeight);
  EXPECT_EQ(allocate(m("1"), {1, -1}).error(), AllocateError::kNegativeWeight);
  EXPECT_EQ(allocate(m("1"), {INT64_MAX, 1}).error(), AllocateError::kWeightTooLarge);
}

TEST(Money, ErrorRulesAreStable) {
  EXPECT_EQ(money_error_rule(MoneyError::kFormat), "money_format");
  EXPECT_EQ(money_error_rule(MoneyError::kPrecision), "money_precision");
  EXPECT_EQ(money_error_rule(MoneyError::kRange), "money_range");
  EXPECT_EQ(money_error_rule(MoneyError::kNegative), "money_negative");
}

}  // namespace
}  // namespace cjd
