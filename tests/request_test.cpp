#include "cjd/request.hpp"

#include <gtest/gtest.h>

namespace cjd {
namespace {

ClientConfig config(std::string base_url = std::string(kDefaultBaseUrl)) {
  ClientConfig c;
  c.base_url = std::move(base_url);
  c.access_token = "secret-token-123";
  return c;
}

TEST(BaseUrl, HttpsIsAcceptedAndTrailingSlashesDropped) {
  EXPECT_EQ(*normalize_base_url("https://developers.cjdropshipping.com/api2.0/v1/"), "https://developers.cjdropshipping.com/api2.0/v1");
  EXPECT_EQ(*normalize_base_url("HTTPS://proxy.example.com:8443/cj//"), "HTTPS://proxy.example.com:8443/cj");
  EXPECT_EQ(*normalize_base_url("https://example.com"), "https://example.com");
}

TEST(BaseUrl, ClearTextOnlyToLoopback) {
  for (const char* ok : {"http://127.0.0.1:8787/api2.0/v1", "http://localhost:1/x", "http://LOCALHOST", "http://[::1]:8080/",
                         "http://127.255.0.9/"}) {
    EXPECT_TRUE(normalize_base_url(ok)) << ok;
  }
  for (const char* bad : {"http://developers.cjdropshipping.com/api2.0/v1", "http://128.0.0.1/", "http://127.0.0.1.evil.com/",
                          "http://localhost.evil.com/", "http://10.0.0.1/", "http://[::2]/", "http://127.0.0.256/", "http://0x7f000001/"}) {
    auto result = normalize_base_url(bad);
    ASSERT_FALSE(result) << bad;
    EXPECT_EQ(result.error().field, "baseUrl");
    EXPECT_EQ(result.error().rule, "base_url");
  }
}

TEST(BaseUrl, RefusesMalformedAddresses) {
  for (const char* bad : {"", "developers.cjdropshipping.com", "ftp://example.com", "https://", "https://user@example.com/",
                          "https://example.com/?q=1", "https://example.com/#f", "https://exa mple.com", "https://example.com:99999/",
                          "https://example.com:abc/", "https://[::1/", "https://ex_ample.com/", "https://example.com\r\n/"}) {
    EXPECT_FALSE(normalize_base_url(bad)) << bad;
  }
}

TEST(BuildRequest, GetCarriesHeadersAndQuery) {
  auto request = build_request(Operation::kGetDisputeDetail, Json{{"disputeId", "SH 1/2"}}, config());
  ASSERT_TRUE(request);
  EXPECT_EQ(request->method, HttpMethod::kGet);
  EXPECT_EQ(request->url, "https://developers.cjdropshipping.com/api2.0/v1/disputes/getDisputeDetail?disputeId=SH%201%2F2");
  ASSERT_EQ(request->headers.size(), 2u);
  EXPECT_EQ(request->headers[0], (std::pair<std::string, std::string>{"CJ-Access-Token", "secret-token-123"}));
  EXPECT_EQ(request->headers[1], (std::pair<std::string, std::string>{"Accept", "application/json"}));
  EXPECT_FALSE(request->body.has_value());
}

TEST(BuildRequest, PostCarriesContentTypeAndBody) {
  auto request = build_request(Operation::kCancel, Json{{"disputeId", "SH1"}, {"orderId", "O1"}}, config());
  ASSERT_TRUE(request);
  EXPECT_EQ(request->method, HttpMethod::kPost);
  EXPECT_EQ(request->url, "https://developers.cjdropshipping.com/api2.0/v1/disputes/cancel");
  ASSERT_EQ(request->headers.size(), 3u);
  EXPECT_EQ(request->headers[2], (std::pair<std::string, std::string>{"Content-Type", "application/json"}));
  EXPECT_EQ(request->body, R"({"orderId":"O1","disputeId":"SH1"})");
}

TEST(BuildRequest, ListSendsPageNumAlongsidePageNumber) {
  auto request = build_request(Operation::kGetDisputeList, Json{{"pageNumber", 3}}, config("http://127.0.0.1:9/v1"));
  ASSERT_TRUE(request);
  EXPECT_EQ(request->url, "http://127.0.0.1:9/v1/disputes/getDisputeList?pageNumber=3&pageNum=3");
}

TEST(BuildRequest, TheTokenIsNeverQuotedInIssues) {
  ClientConfig c = config("http://evil.example.com/");
  c.access_token = "secret-token-123\n";
  auto request = build_request(Operation::kGetDisputeDetail, Json{{"disputeId", "secret-token-123"}}, c);
  ASSERT_FALSE(request);
  ASSERT_EQ(request.error().size(), 2u);
  for (const auto& issue : request.error()) EXPECT_EQ(issue.message.find("secret-token"), std::string::npos) << issue.message;
}

TEST(BuildRequest, NothingIsBuiltFromInvalidParams) {
  auto request = build_request(Operation::kCreate, Json::object(), config());
  ASSERT_FALSE(request);
  EXPECT_EQ(request.error().size(), 7u);
}

TEST(BuildRequest, AmountsAreJsonNumbersWithTwoDecimals) {
  Json params = {{"orderId", "O1"},
                 {"productInfoList", Json::array({Json{{"lineItemId", "L1"}, {"quantity", 3}, {"price", "19.9"}},
                                                  Json{{"lineItemId", "L2"}, {"quantity", 1}, {"price", 0}}})}};
  auto request = build_request(Operation::kDisputeConfirmInfo, params, config());
  ASSERT_TRUE(request);
  EXPECT_EQ(request->body,
            R"({"orderId":"O1","productInfoList":[{"lineItemId":"L1","quantity":3,"price":19.90},{"lineItemId":"L2","quantity":1,"price":0.00}]})");
}

}  // namespace
}  // namespace cjd
