#include "cjd/selection.hpp"

#include <gtest/gtest.h>

#include "cjd/response.hpp"

namespace cjd {
namespace {

// Normalised data, as the client holds it after parse_response.
Json normalised(Operation op, const std::string& data) {
  auto parsed = parse_response(op, 200, R"({"code":200,"result":true,"message":"Success","data":)" + data + "}");
  EXPECT_TRUE(parsed) << (parsed ? "" : parsed.error().message);
  return parsed ? parsed->data : Json();
}

const char* kProducts = R"({"orderId":"O1","productInfoList":[
  {"lineItemId":"L1","canChoose":true,"price":12.5,"quantity":2},
  {"lineItemId":"L2","canChoose":"false","price":"3.00","quantity":1},
  {"lineItemId":"L3","canChoose":true,"price":"19.99","quantity":"5"}]})";

const char* kConfirm = R"({"orderId":"O1","expectResultOptionList":["1"],
  "productInfoList":[{"maxProductPrice":25,"maxPostage":3.5,"maxAmount":28.5,"productInfoList":[
    {"lineItemId":"L1","canChoose":true,"price":12.5,"quantity":2}]}],
  "disputeReasonList":[{"disputeReasonId":"1","reasonName":"Unfulfilled Order Cancellation"},{"disputeReasonId":4,"reasonName":"Damaged"}]})";

std::vector<std::pair<std::string, std::string>> rules(const Issues& issues) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& issue : issues) out.emplace_back(issue.field, issue.rule);
  return out;
}

using Pairs = std::vector<std::pair<std::string, std::string>>;

TEST(Selection, AGoodChoiceFillsInCjsUnitPrices) {
  const Json data = normalised(Operation::kDisputeProducts, kProducts);
  auto check = check_selection(data, Json::parse(R"({"productInfoList":[{"lineItemId":"L1","quantity":2},{"lineItemId":"L3","quantity":1,"price":"19.99"}]})"));
  EXPECT_TRUE(check.issues.empty());
  EXPECT_EQ(check.product_info_list,
            R"([{"lineItemId":"L1","quantity":2,"price":12.50},{"lineItemId":"L3","quantity":1,"price":19.99}])");
}

TEST(Selection, ReportsEveryBadLine) {
  const Json data = normalised(Operation::kDisputeProducts, kProducts);
  auto check = check_selection(data, Json::parse(R"({"productInfoList":[
      {"lineItemId":"L9","quantity":1},
      {"lineItemId":"L2","quantity":1},
      {"lineItemId":"L1","quantity":3},
      {"lineItemId":"L3","quantity":1,"price":"19.98"},
      {"lineItemId":"L1","quantity":1}]})"));
  EXPECT_EQ(rules(check.issues), (Pairs{{"productInfoList[0].lineItemId", "unknown_line"},
                                        {"productInfoList[1].lineItemId", "not_choosable"},
                                        {"productInfoList[2].quantity", "quantity_above_disputable"},
                                        {"productInfoList[3].price", "price_mismatch"},
                                        {"productInfoList[4].lineItemId", "duplicate"}}));
  EXPECT_NE(check.issues[2].message.find("only 2"), std::string::npos) << check.issues[2].message;
  EXPECT_NE(check.issues[3].message.find("19.99"), std::string::npos) << check.issues[3].message;
}

TEST(Selection, ChecksExpectTypeAndReasonAgainstWhatCjOffered) {
  const Json data = normalised(Operation::kDisputeConfirmInfo, kConfirm);
  auto good = check_selection(data, Json::parse(R"({"productInfoList":[{"lineItemId":"L1","quantity":1}],"expectType":1,"disputeReasonId":4})"));
  EXPECT_TRUE(good.issues.empty());
  auto bad = check_selection(data, Json::parse(R"({"productInfoList":[{"lineItemId":"L1","quantity":1}],"expectType":2,"disputeReasonId":7})"));
  EXPECT_EQ(rules(bad.issues), (Pairs{{"expectType", "expect_type_not_offered"}, {"disputeReasonId", "reason_not_offered"}}));
  auto invalid = check_selection(data, Json::parse(R"({"productInfoList":[{"lineItemId":"L1","quantity":0}],"expectType":5})"));
  EXPECT_EQ(rules(invalid.issues), (Pairs{{"productInfoList[0].quantity", "range"}, {"expectType", "enum"}}));
}

TEST(Selection, MissingOrEmptyChoice) {
  const Json data = normalised(Operation::kDisputeProducts, kProducts);
  EXPECT_EQ(rules(check_selection(data, Json::object()).issues), (Pairs{{"productInfoList", "required"}}));
  EXPECT_EQ(rules(check_selection(data, Json::parse(R"({"productInfoList":[]})")).issues), (Pairs{{"productInfoList", "min_items"}}));
  EXPECT_EQ(rules(check_selection(data, Json::parse("[1]")).issues), (Pairs{{"", "type"}}));
  // Data of the wrong shape offers nothing: every line is unknown, nothing crashes.
  EXPECT_EQ(rules(check_selection(Json("junk"), Json::parse(R"({"productInfoList":[{"lineItemId":"L1","quantity":1}]})")).issues),
            (Pairs{{"productInfoList[0].lineItemId", "unknown_line"}}));
}

}  // namespace
}  // namespace cjd
