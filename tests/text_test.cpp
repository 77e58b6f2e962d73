#include "cjd/text.hpp"

#include <gtest/gtest.h>

namespace cjd {
namespace {

TEST(Text, CountsUtf16CodeUnitsLikeJavaScript) {
  EXPECT_EQ(utf16_length(""), 0u);
  EXPECT_EQ(utf16_length("abc"), 3u);
  EXPECT_EQ(utf16_length("é"), 1u);         // 2 bytes, 1 unit
  EXPECT_EQ(utf16_length("中文"), 2u);      // 3 bytes each, 1 unit each
  EXPECT_EQ(utf16_length("😀"), 2u);        // 4 bytes, a surrogate pair
  EXPECT_EQ(utf16_length("a😀b"), 4u);
}

TEST(Text, PercentEncodesPerRfc3986) {
  EXPECT_EQ(percent_encode("AZaz09-._~"), "AZaz09-._~");
  EXPECT_EQ(percent_encode(" !*'();:@&=+$,/?#[]"), "%20%21%2A%27%28%29%3B%3A%40%26%3D%2B%24%2C%2F%3F%23%5B%5D");
  EXPECT_EQ(percent_encode("ä😀"), "%C3%A4%F0%9F%98%80");
  EXPECT_EQ(percent_encode(std::string("a\0b", 3)), "a%00b");
}

TEST(Text, RecognisesHttpUrls) {
  EXPECT_TRUE(is_http_url("https://example.com/a.jpg"));
  EXPECT_TRUE(is_http_url("HTTP://example.com"));
  EXPECT_TRUE(is_http_url("https://example.com:8443/x?y=1#z"));
  EXPECT_FALSE(is_http_url("ftp://example.com/a.jpg"));
  EXPECT_FALSE(is_http_url("javascript:alert(1)"));
  EXPECT_FALSE(is_http_url("https://"));
  EXPECT_FALSE(is_http_url("https:///path"));
  EXPECT_FALSE(is_http_url("https://exa mple.com"));
  EXPECT_FALSE(is_http_url("https://example.com/\n"));
  EXPECT_FALSE(is_http_url("//example.com"));
  EXPECT_FALSE(is_http_url("example.com"));
}

}  // namespace
}  // namespace cjd
