#pragma once
// (operation, params, config) -> the exact HTTP request, in the manner of octokit's endpoint():
// a pure function, no I/O. The JavaScript layer sends what this returns.
#include <string>
#include <utility>
#include <vector>

#include "cjd/expected.hpp"
#include "cjd/issues.hpp"
#include "cjd/operation.hpp"

namespace cjd {

inline constexpr std::string_view kDefaultBaseUrl = "https://developers.cjdropshipping.com/api2.0/v1";

struct ClientConfig {
  std::string base_url = std::string(kDefaultBaseUrl);
  std::string access_token;
};

struct HttpRequest {
  HttpMethod method = HttpMethod::kGet;
  std::string url;
  std::vector<std::pair<std::string, std::string>> headers;  // in the order they are listed
  std::optional<std::string> body;                           // JSON text for POST
};

std::string_view method_name(HttpMethod method);

// Checks a base URL: https, or http only to a loopback host (127.0.0.0/8, ::1, localhost), no
// user info, query or fragment. Returns it without a trailing slash, or an issue on `baseUrl`.
Expected<std::string, Issue> normalize_base_url(std::string_view base_url);

// Validates `params` (every problem reported), the base URL and the token, then builds the
// request. The token is never quoted in an issue. Params are JSON text, streamed.
Expected<HttpRequest, Issues> build_request_text(Operation operation, std::string_view params_json, const ClientConfig& config);

// The URL and body only (no headers), from views: the wasm wrapper's fast path.
struct RequestTarget {
  std::string url;
  std::optional<std::string> body;
};
Expected<RequestTarget, Issues> build_request_target(Operation operation, std::string_view params_json, std::string_view base_url,
                                                     std::string_view access_token);

// The same from a DOM.
Expected<HttpRequest, Issues> build_request(Operation operation, const Json& params, const ClientConfig& config);

}  // namespace cjd
