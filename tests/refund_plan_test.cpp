#include "cjd/refund_plan.hpp"

#include <gtest/gtest.h>

#include "cjd/response.hpp"

namespace cjd {
namespace {

Json normalised(Operation op, const std::string& data) {
  auto parsed = parse_response(op, 200, R"({"code":200,"result":true,"data":)" + data + "}");
  EXPECT_TRUE(parsed) << (parsed ? "" : parsed.error().message);
  return parsed ? parsed->data : Json();
}

const char* kGrouped = R"({"productInfoList":[
  {"maxProductPrice":"39.98","maxPostage":"4.00","maxIossTaxAmount":"8.40","maxIossHandTaxAmount":"0.50","maxAmount":"52.88",
   "productInfoList":[{"lineItemId":"L1","price":"19.99","quantity":2,"canChoose":true}]},
  {"maxProductPrice":"0.30","maxPostage":"0.10","maxAmount":"0.40",
   "productInfoList":[{"lineItemId":"L2","price":"0.10","quantity":3,"canChoose":true}]}]})";

TEST(RefundPlan, LineTotalsAndCapsSideBySide) {
  const Json data = normalised(Operation::kDisputeConfirmInfo, kGrouped);
  const RefundPlan plan = plan_refund(data, Json::parse(R"([{"lineItemId":"L1","quantity":2},{"lineItemId":"L2","quantity":3}])"));
  EXPECT_TRUE(plan.issues.empty());
  EXPECT_EQ(refund_plan_to_json(plan),
            R"({"lines":[{"lineItemId":"L1","unitPrice":"19.99","quantity":2,"lineTotal":"39.98"},)"
            R"({"lineItemId":"L2","unitPrice":"0.10","quantity":3,"lineTotal":"0.30"}],)"
            R"("productTotal":"40.28","maxProductPrice":"40.28","maxPostage":"4.10","maxIossTaxAmount":"8.40",)"
            R"("maxIossHandTaxAmount":"0.50","maxAmount":"53.28","total":"53.28","issues":[]})");
}

TEST(RefundPlan, FlagsTotalsAboveCjsCaps) {
  const Json data = normalised(Operation::kDisputeConfirmInfo,
                               R"({"maxProductPrice":"10.00","maxPostage":"2.00","maxAmount":"11.00",
                                   "productInfoList":[{"lineItemId":"L1","price":"5.50","quantity":2}]})");
  const RefundPlan plan = plan_refund(data, Json::parse(R"([{"lineItemId":"L1","quantity":2}])"));
  ASSERT_EQ(plan.issues.size(), 2u);
  EXPECT_EQ(plan.issues[0].rule, "above_max_product_price");
  EXPECT_EQ(plan.issues[1].rule, "above_max_amount");
  EXPECT_EQ(plan.product_total.to_string(), "11.00");
  EXPECT_EQ(plan.total.to_string(), "13.00");
}

TEST(RefundPlan, OverflowIsReportedNotWrapped) {
  const Json data = normalised(Operation::kDisputeConfirmInfo,
                               R"({"productInfoList":[{"lineItemId":"L1","price":"9999999999999999.99","quantity":2}]})");
  const RefundPlan plan = plan_refund(data, Json::parse(R"([{"lineItemId":"L1","quantity":2}])"));
  ASSERT_FALSE(plan.issues.empty());
  EXPECT_EQ(plan.issues[0].rule, "money_range");
}

TEST(RefundPlan, UsesTheChosenPriceOnlyWhenCjGaveNone) {
  const RefundPlan plan = plan_refund(Json::object(), Json::parse(R"([{"lineItemId":"L7","quantity":3,"price":"0.10"},{"lineItemId":"L8","quantity":1}])"));
  ASSERT_EQ(plan.lines.size(), 1u);
  EXPECT_EQ(plan.lines[0].line_total.to_string(), "0.30");
  ASSERT_EQ(plan.issues.size(), 1u);
  EXPECT_EQ(plan.issues[0].field, "productInfoList[1].price");
}

TEST(RefundDetails, SumsMustMatchTheRefund) {
  const Json good = normalised(Operation::kGetDisputeDetail,
                               R"({"money":12.50,"refundAmount":12.50,"refundDetails":[{"amount":10.00},{"amount":"2.5"}]})");
  const auto ok = check_refund_details(good);
  EXPECT_TRUE(ok.consistent);
  EXPECT_TRUE(ok.issues.empty());
  EXPECT_EQ(ok.details_total.to_string(), "12.50");

  const Json bad = normalised(Operation::kGetDisputeDetail,
                              R"({"money":"12.51","refundDetails":[{"amount":0.1},{"amount":0.2},{"amount":"12.20"}]})");
  const auto mismatch = check_refund_details(bad);
  EXPECT_FALSE(mismatch.consistent);
  ASSERT_EQ(mismatch.issues.size(), 1u);
  EXPECT_EQ(mismatch.issues[0].rule, "refund_details_mismatch");
  EXPECT_EQ(mismatch.details_total.to_string(), "12.50");

  const Json two_amounts = normalised(Operation::kGetDisputeDetail, R"({"money":"1.00","refundAmount":"2.00"})");
  const auto differing = check_refund_details(two_amounts);
  EXPECT_FALSE(differing.consistent);
  EXPECT_EQ(differing.issues[0].rule, "refund_amount_mismatch");

  const auto no_details = check_refund_details(normalised(Operation::kGetDisputeDetail, R"({"money":"5"})"));
  EXPECT_FALSE(no_details.has_details);
  EXPECT_TRUE(no_details.consistent);
}

}  // namespace
}  // namespace cjd
