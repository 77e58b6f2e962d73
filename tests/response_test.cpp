#include "cjd/response.hpp"

#include <gtest/gtest.h>

#include <random>

namespace cjd {
namespace {

TEST(Response, ClassifiesEveryCodeOfTheNotes) {
  const std::pair<std::int64_t, ErrorKind> table[] = {
      {1600000, ErrorKind::kServer},          {1600001, ErrorKind::kAuth},           {1600002, ErrorKind::kAuth},
      {1600003, ErrorKind::kAuth},            {1600004, ErrorKind::kAuth},           {1600005, ErrorKind::kAuth},
      {1600008, ErrorKind::kAuth},            {1600100, ErrorKind::kInvalidRequest}, {1600101, ErrorKind::kNotFound},
      {1600200, ErrorKind::kRateLimit},       {1600201, ErrorKind::kQuota},          {1600300, ErrorKind::kInvalidRequest},
      {1600301, ErrorKind::kServer},          {1601000, ErrorKind::kNotFound},       {1603100, ErrorKind::kNotFound},
      {1607006, ErrorKind::kInvalidRequest},  {1607007, ErrorKind::kInvalidRequest}, {1607008, ErrorKind::kInvalidRequest},
      {1607009, ErrorKind::kInvalidRequest},  {16900202, ErrorKind::kInvalidRequest}, {16900203, ErrorKind::kInvalidRequest},
      {16900204, ErrorKind::kInvalidRequest}, {16900205, ErrorKind::kInvalidRequest}, {16900403, ErrorKind::kInvalidRequest},
  };
  for (const auto& [code, kind] : table) {
    EXPECT_EQ(classify_code(code), kind) << code;
    const std::string body = R"({"code":)" + std::to_string(code) + R"(,"result":false,"message":"m","data":null,"requestId":"r"})";
    auto parsed = parse_response(Operation::kCreate, 200, body);
    ASSERT_FALSE(parsed) << code;
    EXPECT_EQ(parsed.error().kind, kind) << code;
    const bool retryable = code == 1600000 || code == 1600301 || code == 1600200;
    EXPECT_EQ(parsed.error().retryable, retryable) << code;
    EXPECT_EQ(parsed.error().code, code);
    EXPECT_EQ(parsed.error().request_id, "r");
  }
  EXPECT_FALSE(classify_code(42));
}

TEST(Response, FiveHundredsAreRetryableServerErrors) {
  for (int status : {500, 502, 503, 504}) {
    auto parsed = parse_response(Operation::kGetDisputeDetail, status, "<html>oops</html>");
    ASSERT_FALSE(parsed);
    EXPECT_EQ(parsed.error().kind, ErrorKind::kServer);
    EXPECT_TRUE(parsed.error().retryable);
    EXPECT_EQ(parsed.error().http_status, status);
    EXPECT_FALSE(parsed.error().code);
  }
}

TEST(Response, HugeBodiesAreRefusedNotRead) {
  JsonLimits limits;
  limits.max_bytes = 1024;
  const std::string body = R"({"code":200,"data":")" + std::string(4096, 'x') + "\"}";
  auto parsed = parse_response(Operation::kGetDisputeDetail, 200, body, limits);
  ASSERT_FALSE(parsed);
  EXPECT_NE(parsed.error().message.find("limit"), std::string::npos);
}

TEST(Response, RandomBytesNeverCrash) {
  std::mt19937 rng(12345);
  const std::string alphabet = "{}[]\":,0123456789.eE-+truefalsnul \\\x01\xff\xc3\xa4" "code data";
  for (int round = 0; round < 3000; ++round) {
    std::string body;
    const int length = static_cast<int>(rng() % 200);
    for (int i = 0; i < length; ++i) body.push_back(alphabet[rng() % alphabet.size()]);
    for (Operation op : all_operations()) {
      auto parsed = parse_response(op, 200, body);
      if (!parsed) {
        EXPECT_FALSE(parsed.error().message.empty());
      }
    }
  }
}

TEST(Response, WrongTypesInDataAreClearErrors) {
  const char* bodies[] = {
      R"({"code":200,"result":true,"data":{"productInfoList":"nope"}})",
      R"({"code":200,"result":true,"data":{"productInfoList":[{"price":{"a":1}}]}})",
      R"({"code":200,"result":true,"data":{"productInfoList":[{"quantity":"many"}]}})",
      R"({"code":200,"result":true,"data":{"productInfoList":[{"canChoose":"maybe"}]}})",
      R"({"code":200,"result":true,"data":{"productInfoList":[{"lineItemId":{"x":1}}]}})",
      R"({"code":200,"result":true,"data":[1,2]})",
  };
  for (const char* body : bodies) {
    auto parsed = parse_response(Operation::kDisputeProducts, 200, body);
    ASSERT_FALSE(parsed) << body;
    EXPECT_EQ(parsed.error().kind, ErrorKind::kUnknown);
    EXPECT_FALSE(parsed.error().retryable);
    EXPECT_NE(parsed.error().message.find("data"), std::string::npos) << parsed.error().message;
  }
}

TEST(Response, ErrorValueAsJson) {
  auto parsed = parse_response(Operation::kCancel, 429, R"({"code":1600200,"message":"Too Many Requests","requestId":"abc"})");
  ASSERT_FALSE(parsed);
  EXPECT_EQ(to_json_text(error_to_json(parsed.error())),
            R"({"code":1600200,"message":"Too Many Requests","requestId":"abc","httpStatus":429,"kind":"rate_limit","retryable":true})");
}

}  // namespace
}  // namespace cjd
