// The spec's request tables, restated here by hand from cj-disputes-api.md, checked against the
// core field by field: each required field missing, each length at n and n+1, each enum.
#include "cjd/validate.hpp"

#include <gtest/gtest.h>

namespace cjd {
namespace {

Json valid_params(Operation op) {
  switch (op) {
    case Operation::kDisputeProducts: return Json{{"orderId", "2001234567890"}};
    case Operation::kDisputeConfirmInfo:
      return Json{{"orderId", "2001234567890"},
                  {"productInfoList", Json::array({Json{{"lineItemId", "L1"}, {"quantity", 1}, {"price", "12.50"}}})}};
    case Operation::kCreate:
      return Json{{"businessDisputeId", "biz-1"},
                  {"orderId", "2001234567890"},
                  {"disputeReasonId", 1},
                  {"expectType", 1},
                  {"refundType", 1},
                  {"messageText", "Broken on arrival"},
                  {"imageUrl", Json::array({"https://example.com/a.jpg"})},
                  {"videoUrl", Json::array({"https://example.com/a.mp4"})},
                  {"productInfoList", Json::array({Json{{"lineItemId", "L1"}, {"quantity", 1}, {"price", "12.50"}}})}};
    case Operation::kCancel: return Json{{"orderId", "2001234567890"}, {"disputeId", "SH1"}};
    case Operation::kGetDisputeList:
      return Json{{"orderId", "1"}, {"disputeId", "SH1"}, {"orderNumber", "SHOP-1"}, {"pageNumber", 1}, {"pageSize", 10}};
    case Operation::kGetDisputeDetail: return Json{{"disputeId", "SH1"}};
  }
  return Json::object();
}

struct Row {
  Operation op;
  const char* field;
  bool required;
  std::size_t max_length;  // 0: not a text field
};

// From the spec's tables (长度 column; ids of disputeId in getDisputeList treated as text).
const Row kRows[] = {
    {Operation::kDisputeProducts, "orderId", true, 100},
    {Operation::kDisputeConfirmInfo, "orderId", true, 100},
    {Operation::kDisputeConfirmInfo, "productInfoList", true, 0},
    {Operation::kCreate, "businessDisputeId", true, 100},
    {Operation::kCreate, "orderId", true, 100},
    {Operation::kCreate, "disputeReasonId", true, 0},
    {Operation::kCreate, "expectType", true, 0},
    {Operation::kCreate, "refundType", true, 0},
    {Operation::kCreate, "messageText", true, 500},
    {Operation::kCreate, "imageUrl", false, 0},
    {Operation::kCreate, "videoUrl", false, 0},
    {Operation::kCreate, "productInfoList", true, 0},
    {Operation::kCancel, "orderId", true, 100},
    {Operation::kCancel, "disputeId", true, 100},
    {Operation::kGetDisputeList, "orderId", false, 100},
    {Operation::kGetDisputeList, "disputeId", false, 100},
    {Operation::kGetDisputeList, "orderNumber", false, 100},
    {Operation::kGetDisputeList, "pageNumber", false, 0},
    {Operation::kGetDisputeList, "pageSize", false, 0},
    {Operation::kGetDisputeDetail, "disputeId", true, 100},
};

bool has_issue(const Issues& issues, const std::string& field, const std::string& rule) {
  for (const auto& issue : issues) {
    if (issue.field == field && issue.rule == rule) return true;
  }
  return false;
}

std::string describe(const Issues& issues) {
  std::string out;
  for (const auto& issue : issues) out += issue.field + ":" + issue.rule + " ";
  return out;
}

TEST(Validate, ValidParamsOfEveryOperationPass) {
  for (Operation op : all_operations()) {
    const auto result = validate_params(op, valid_params(op));
    EXPECT_TRUE(result.issues.empty()) << operation_name(op) << ": " << describe(result.issues);
  }
}

TEST(Validate, EachRequiredFieldMissingIsReported) {
  for (const Row& row : kRows) {
    Json params = valid_params(row.op);
    params.erase(row.field);
    const auto result = validate_params(row.op, params);
    if (row.required) {
      EXPECT_TRUE(has_issue(result.issues, row.field, "required")) << operation_name(row.op) << "." << row.field;
      EXPECT_EQ(result.issues.size(), 1u) << describe(result.issues);
    } else {
      EXPECT_TRUE(result.issues.empty()) << operation_name(row.op) << "." << row.field << ": " << describe(result.issues);
    }
  }
}

TEST(Validate, EachLengthAtTheLimitPassesAndOneMoreFails) {
  for (const Row& row : kRows) {
    if (row.max_length == 0) continue;
    Json params = valid_params(row.op);
    params[row.field] = std::string(row.max_length, 'x');
    EXPECT_TRUE(validate_params(row.op, params).issues.empty()) << operation_name(row.op) << "." << row.field;
    params[row.field] = std::string(row.max_length + 1, 'x');
    const auto result = validate_params(row.op, params);
    EXPECT_TRUE(has_issue(result.issues, row.field, "max_length")) << operation_name(row.op) << "." << row.field;
    // The message names the field and both numbers.
    ASSERT_FALSE(result.issues.empty());
    EXPECT_NE(result.issues[0].message.find(row.field), std::string::npos);
    EXPECT_NE(result.issues[0].message.find(std::to_string(row.max_length)), std::string::npos);
    EXPECT_NE(result.issues[0].message.find(std::to_string(row.max_length + 1)), std::string::npos);
  }
}

TEST(Validate, LengthsCountUtf16Units) {
  Json params = valid_params(Operation::kCreate);
  std::string emoji;
  for (int i = 0; i < 250; ++i) emoji += "😀";
  params["messageText"] = emoji;
  EXPECT_TRUE(validate_params(Operation::kCreate, params).issues.empty());
  params["messageText"] = emoji + "a";
  EXPECT_TRUE(has_issue(validate_params(Operation::kCreate, params).issues, "messageText", "max_length"));
}

TEST(Validate, EnumsAcceptOnlyTheirValues) {
  for (const char* field : {"expectType", "refundType"}) {
    for (int value : {1, 2}) {
      Json params = valid_params(Operation::kCreate);
      params[field] = value;
      EXPECT_TRUE(validate_params(Operation::kCreate, params).issues.empty()) << field << "=" << value;
      params[field] = std::to_string(value);
      EXPECT_TRUE(validate_params(Operation::kCreate, params).issues.empty()) << field << "=\"" << value << "\"";
    }
    for (Json bad : {Json(0), Json(3), Json(-1), Json("refund"), Json(true), Json::array()}) {
      Json params = valid_params(Operation::kCreate);
      params[field] = bad;
      const auto result = validate_params(Operation::kCreate, params);
      EXPECT_TRUE(has_issue(result.issues, field, "enum")) << field << "=" << bad.dump();
    }
  }
}

TEST(Validate, QuantitiesArePositiveIntegers) {
  for (Json bad : {Json(0), Json(-1), Json(2147483648LL)}) {
    Json params = valid_params(Operation::kCreate);
    params["productInfoList"][0]["quantity"] = bad;
    EXPECT_TRUE(has_issue(validate_params(Operation::kCreate, params).issues, "productInfoList[0].quantity", "range"))
        << bad.dump();
  }
  for (Json bad : {Json("two"), Json(true), Json::object(), Json("1.5"), Json("")}) {
    Json params = valid_params(Operation::kCreate);
    params["productInfoList"][0]["quantity"] = bad;
    EXPECT_TRUE(has_issue(validate_params(Operation::kCreate, params).issues, "productInfoList[0].quantity", "type"))
        << bad.dump();
  }
}

TEST(Validate, PagesStartAtOne) {
  for (const char* field : {"pageNumber", "pageSize"}) {
    Json params = valid_params(Operation::kGetDisputeList);
    params[field] = 0;
    EXPECT_TRUE(has_issue(validate_params(Operation::kGetDisputeList, params).issues, field, "range")) << field;
    params[field] = 1;
    EXPECT_TRUE(validate_params(Operation::kGetDisputeList, params).issues.empty()) << field;
  }
}

TEST(Validate, EveryProblemIsReportedNotJustTheFirst) {
  Json params = {{"orderId", ""},
                 {"expectType", 9},
                 {"messageText", std::string(501, 'm')},
                 {"imageUrl", Json::array({"nope"})},
                 {"productInfoList", Json::array({Json{{"lineItemId", "L1"}, {"quantity", 0}, {"price", "1.001"}}})},
                 {"extra", 1}};
  const auto result = validate_params(Operation::kCreate, params);
  for (const auto& [field, rule] : std::vector<std::pair<std::string, std::string>>{
           {"businessDisputeId", "required"},
           {"orderId", "required"},
           {"disputeReasonId", "required"},
           {"expectType", "enum"},
           {"refundType", "required"},
           {"messageText", "max_length"},
           {"imageUrl[0]", "url"},
           {"productInfoList[0].quantity", "range"},
           {"productInfoList[0].price", "money_precision"},
           {"extra", "unknown_field"}}) {
    EXPECT_TRUE(has_issue(result.issues, field, rule)) << field << ":" << rule << " in " << describe(result.issues);
  }
  EXPECT_EQ(result.issues.size(), 10u) << describe(result.issues);
  for (const auto& issue : result.issues) {
    EXPECT_NE(issue.message.find(issue.field), std::string::npos) << issue.message;
    EXPECT_EQ(issue.message.back(), '.') << issue.message;
  }
}

TEST(Validate, CleanParamsAreReadyForTheWire) {
  Json params = valid_params(Operation::kCreate);
  params["disputeReasonId"] = "3";
  params["productInfoList"][0]["price"] = "7.5";
  params["productInfoList"][0]["quantity"] = "2";
  params["orderId"] = 2001234567890LL;
  const auto result = validate_params(Operation::kCreate, params);
  ASSERT_TRUE(result.issues.empty()) << describe(result.issues);
  EXPECT_EQ(result.clean["disputeReasonId"], 3);
  EXPECT_EQ(result.clean["orderId"], "2001234567890");
  EXPECT_EQ(number_text(result.clean["productInfoList"][0]["price"]), "7.50");
  EXPECT_EQ(result.clean["productInfoList"][0]["quantity"], 2);
}

}  // namespace
}  // namespace cjd
