#include "cjd/text_api.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace cjd {
namespace {

nlohmann::json read(const std::string& text) { return nlohmann::json::parse(text); }

TEST(TextApi, UnknownOperationIsAnIssue) {
  for (const std::string& out : {text_api::validate("refund", "{}"), text_api::build_request("x", "{}", "", "t"),
                                 text_api::parse_response("nope", 200, "{}")}) {
    const auto json = read(out);
    EXPECT_FALSE(json["ok"]);
    EXPECT_EQ(json["issues"][0]["field"], "operation");
    EXPECT_EQ(json["issues"][0]["rule"], "enum");
  }
}

TEST(TextApi, ParamsThatAreNotJson) {
  const auto json = read(text_api::validate("create", "{not json"));
  EXPECT_FALSE(json["ok"]);
  EXPECT_EQ(json["issues"][0]["rule"], "json");
}

TEST(TextApi, BuildRequestUsesTheDefaultBaseUrl) {
  const auto json = read(text_api::build_request("getDisputeDetail", R"({"disputeId":"SH1"})", "", "tok"));
  ASSERT_TRUE(json["ok"]);
  EXPECT_EQ(json["request"]["url"], "https://developers.cjdropshipping.com/api2.0/v1/disputes/getDisputeDetail?disputeId=SH1");
  EXPECT_EQ(json["request"]["headers"]["CJ-Access-Token"], "tok");
  EXPECT_TRUE(json["request"]["body"].is_null());
}

TEST(TextApi, CompactRequestForTheWasmWrapper) {
  EXPECT_EQ(text_api::build_request_compact("cancel", R"({"disputeId":"SH1","orderId":"O1"})", "", "tok"),
            "https://developers.cjdropshipping.com/api2.0/v1/disputes/cancel\n{\"orderId\":\"O1\",\"disputeId\":\"SH1\"}");
  EXPECT_EQ(text_api::build_request_compact("getDisputeDetail", R"({"disputeId":"SH 1"})", "http://127.0.0.1:9/v1/", "tok"),
            "http://127.0.0.1:9/v1/disputes/getDisputeDetail?disputeId=SH%201\n");
  EXPECT_EQ(read(text_api::build_request_compact("cancel", "{}", "", "tok"))["issues"].size(), 2u);
}

TEST(TextApi, CheckBaseUrl) {
  EXPECT_EQ(read(text_api::check_base_url("https://example.com/v1/"))["baseUrl"], "https://example.com/v1");
  const auto bad = read(text_api::check_base_url("http://example.com/v1"));
  EXPECT_FALSE(bad["ok"]);
  EXPECT_EQ(bad["issues"][0]["rule"], "base_url");
}

TEST(TextApi, MoneyHelpers) {
  EXPECT_EQ(read(text_api::money("add", R"(["0.10", 0.2])"))["value"], "0.30");
  EXPECT_EQ(read(text_api::money("sub", R"(["1", "1.01"])"))["value"], "-0.01");
  EXPECT_EQ(read(text_api::money("mul", R"(["19.99", 3])"))["value"], "59.97");
  EXPECT_EQ(read(text_api::money("mul", R"(["19.99", "3"])"))["value"], "59.97");
  EXPECT_EQ(read(text_api::money("sum", R"([["0.1","0.2",0.3]])"))["value"], "0.60");
  EXPECT_EQ(read(text_api::money("cmp", R"(["1.1","1.10"])"))["value"], 0);
  EXPECT_EQ(read(text_api::money("cmp", R"(["2","10"])"))["value"], -1);
  EXPECT_EQ(read(text_api::money("format", R"([7])"))["value"], "7.00");
  EXPECT_EQ(read(text_api::money("allocate", R"(["10.00",["1","1","1"]])"))["value"],
            nlohmann::json::parse(R"(["3.34","3.33","3.33"])"));
  EXPECT_EQ(read(text_api::money("allocate", R"(["1.00",["25.00","75.00"]])"))["value"], nlohmann::json::parse(R"(["0.25","0.75"])"));

  const auto bad = read(text_api::money("add", R"(["0.1", 0.30000000000000004])"));
  EXPECT_FALSE(bad["ok"]);
  EXPECT_EQ(bad["issues"][0]["field"], "b");
  EXPECT_EQ(bad["issues"][0]["rule"], "money_precision");
  EXPECT_EQ(read(text_api::money("add", R"(["9999999999999999.99", "0.01"])"))["issues"][0]["rule"], "money_range");
  EXPECT_EQ(read(text_api::money("mul", R"(["1", -2])"))["issues"][0]["field"], "quantity");
  EXPECT_EQ(read(text_api::money("pow", R"(["1", 2])"))["issues"][0]["field"], "op");
  EXPECT_EQ(read(text_api::money("allocate", R"(["1", []])"))["issues"][0]["rule"], "weights");
  EXPECT_EQ(read(text_api::money("add", R"({})"))["issues"][0]["rule"], "type");
}

TEST(TextApi, SelectionPlanAndDetailChecksAnswerJson) {
  const std::string confirm = R"({"expectResultOptionList":[1],"maxAmount":"30.00","productInfoList":[{"lineItemId":"L1","price":"12.50","quantity":2,"canChoose":true}],"disputeReasonList":[{"disputeReasonId":1}]})";
  const auto selection = read(text_api::check_selection(confirm, R"({"productInfoList":[{"lineItemId":"L1","quantity":2}],"expectType":1,"disputeReasonId":1})"));
  EXPECT_TRUE(selection["ok"]);
  EXPECT_EQ(selection["productInfoList"][0]["price"], 12.5);
  const auto plan = read(text_api::plan_refund(confirm, R"([{"lineItemId":"L1","quantity":2}])"));
  EXPECT_TRUE(plan["ok"]);
  EXPECT_EQ(plan["productTotal"], "25.00");
  EXPECT_EQ(plan["maxAmount"], "30.00");
  const auto detail = read(text_api::check_refund_details(R"({"money":"3.00","refundDetails":[{"amount":"1.00"}]})"));
  EXPECT_FALSE(detail["ok"]);
  EXPECT_EQ(detail["issues"][0]["rule"], "refund_details_mismatch");
  EXPECT_EQ(read(text_api::check_selection("nope", "{}"))["issues"][0]["rule"], "json");
}

TEST(TextApi, EveryAnswerIsJsonWhateverTheInput) {
  const std::string inputs[] = {"", "null", "[]", "{}", "\"x\"", "1e999", std::string(200, '['), "{\"a\":", "\xff\xfe",
                                R"({"productInfoList":[{"lineItemId":null,"quantity":{},"price":[]}]})"};
  for (const auto& input : inputs) {
    for (const char* op : {"disputeProducts", "disputeConfirmInfo", "create", "cancel", "getDisputeList", "getDisputeDetail"}) {
      EXPECT_NO_THROW(read(text_api::validate(op, input))) << input;
      EXPECT_NO_THROW(read(text_api::build_request(op, input, "", "t"))) << input;
      EXPECT_NO_THROW(read(text_api::parse_response(op, 200, input))) << input;
    }
    EXPECT_NO_THROW(read(text_api::money("add", input)));
    EXPECT_NO_THROW(read(text_api::check_selection(input, input)));
    EXPECT_NO_THROW(read(text_api::plan_refund(input, input)));
    EXPECT_NO_THROW(read(text_api::check_refund_details(input)));
  }
}

}  // namespace
}  // namespace cjd
