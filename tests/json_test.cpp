#include "cjd/json.hpp"

#include <gtest/gtest.h>

namespace cjd {
namespace {

TEST(Json, KeepsFractionsAsTheirExactText) {
  auto parsed = parse_json(R"({"a":19.99,"b":0.1,"c":12.50,"d":1e2})");
  ASSERT_TRUE(parsed);
  EXPECT_EQ(number_text((*parsed)["a"]), "19.99");
  EXPECT_EQ(number_text((*parsed)["c"]), "12.50");
  EXPECT_EQ(number_text((*parsed)["d"]), "1e2");
  EXPECT_EQ(to_json_text(*parsed), R"({"a":19.99,"b":0.1,"c":12.50,"d":1e2})");
}

TEST(Json, KeepsIntegersBeyond64BitsExactly) {
  auto parsed = parse_json(R"([1623673863466725376, 18446744073709551616123, -5])");
  ASSERT_TRUE(parsed);
  EXPECT_TRUE((*parsed)[0].is_number_unsigned());
  EXPECT_EQ(number_as_text((*parsed)[0]), "1623673863466725376");
  EXPECT_EQ(number_as_text((*parsed)[1]), "18446744073709551616123");
  EXPECT_EQ(number_as_text((*parsed)[2]), "-5");
}

TEST(Json, RefusesInvalidTextWithAnOffset) {
  for (const char* text : {"", "{", R"({"a":)", "<html>", "{'a':1}", "[1,]", "NaN", "{\"a\":1} trailing", "\"\xff\""}) {
    auto parsed = parse_json(text);
    EXPECT_FALSE(parsed) << text;
    if (!parsed) {
      EXPECT_FALSE(parsed.error().message.empty());
    }
  }
}

TEST(Json, CapsNestingDepth) {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  auto parsed = parse_json(deep);
  ASSERT_FALSE(parsed);
  EXPECT_NE(parsed.error().message.find("nested"), std::string::npos);
  JsonLimits limits;
  limits.max_depth = 3;
  EXPECT_TRUE(parse_json("[[[1]]]", limits));
  EXPECT_FALSE(parse_json("[[[[1]]]]", limits));
}

TEST(Json, CapsSize) {
  JsonLimits limits;
  limits.max_bytes = 10;
  EXPECT_TRUE(parse_json("[1,2,3,4]", limits));
  auto parsed = parse_json("[1,2,3,4,5,6]", limits);
  ASSERT_FALSE(parsed);
  EXPECT_NE(parsed.error().message.find("limit"), std::string::npos);
}

TEST(Json, RepeatedKeysKeepTheLast) {
  auto parsed = parse_json(R"({"a":1,"a":2})");
  ASSERT_TRUE(parsed);
  EXPECT_EQ(to_json_text(*parsed), R"({"a":2})");
}

TEST(Json, WritesStringsEscaped) {
  std::string out;
  write_json_string("a\"b\\c\n\x01\x1f é", out);
  EXPECT_EQ(out, "\"a\\\"b\\\\c\\n\\u0001\\u001f é\"");
  auto back = parse_json(out);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->get<std::string>(), "a\"b\\c\n\x01\x1f é");
}

TEST(Json, KeepsKeyOrder) {
  auto parsed = parse_json(R"({"z":1,"a":{"y":null,"b":[true,false]}})");
  ASSERT_TRUE(parsed);
  EXPECT_EQ(to_json_text(*parsed), R"({"z":1,"a":{"y":null,"b":[true,false]}})");
}

}  // namespace
}  // namespace cjd
