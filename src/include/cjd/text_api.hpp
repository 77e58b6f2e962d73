#pragma once
// The core as JSON text in, JSON text out: the surface the WebAssembly bindings expose.
// Every function is noexcept and answers {"ok": true, ...} or {"ok": false, ...}; errors are
// data, so nothing ever unwinds across the embind boundary (which would leak).
#include <string>
#include <string_view>

namespace cjd::text_api {

// {"ok", "issues": [{field, rule, message}]}
std::string validate(std::string_view operation, std::string_view params_json) noexcept;

// {"ok": true, "request": {method, url, headers: {...}, body: string|null}} | {"ok": false, "issues"}
std::string build_request(std::string_view operation, std::string_view params_json, std::string_view base_url,
                          std::string_view access_token) noexcept;

// The same request in a compact form for the WebAssembly wrapper, which knows each
// operation's method and headers: "<url>\n<body>" (no body for GET) on success, or the
// {"ok": false, "issues"} JSON of build_request. URLs never hold a line break; bodies are
// compact JSON, whose strings escape theirs.
std::string build_request_compact(std::string_view operation, std::string_view params_json, std::string_view base_url,
                                  std::string_view access_token) noexcept;

// {"ok": true, "baseUrl": normalised} | {"ok": false, "issues"}: the client checks its
// configuration with this when it is created, before any call.
std::string check_base_url(std::string_view base_url) noexcept;

// {"ok": true, "data", "requestId"} | {"ok": false, "error": {code, message, requestId, httpStatus, kind, retryable}}
std::string parse_response(std::string_view operation, int http_status, std::string_view body) noexcept;

// Money on decimal strings. `op` and `args_json`:
//   add/sub/cmp [a, b]; mul [amount, quantity]; sum [[a, b, ...]]; allocate [total, [weights...]];
//   format [amount]. Answers {"ok": true, "value"} | {"ok": false, "issues"}.
std::string money(std::string_view op, std::string_view args_json) noexcept;

// {"ok", "issues", "productInfoList"} (see cjd/selection.hpp)
std::string check_selection(std::string_view stage_data_json, std::string_view choice_json) noexcept;

// {"ok", "lines", "productTotal", "max...", "total", "issues"} (see cjd/refund_plan.hpp)
std::string plan_refund(std::string_view confirm_data_json, std::string_view product_info_list_json) noexcept;

// {"ok", "refundAmount", "detailsTotal", "hasDetails", "consistent", "issues"}
std::string check_refund_details(std::string_view detail_json) noexcept;

}  // namespace cjd::text_api
