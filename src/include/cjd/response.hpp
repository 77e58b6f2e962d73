#pragma once
// CJ's answer -> normalised data or a classified error value.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "cjd/expected.hpp"
#include "cjd/json.hpp"
#include "cjd/operation.hpp"

namespace cjd {

enum class ErrorKind { kAuth, kRateLimit, kQuota, kInvalidRequest, kNotFound, kServer, kNetwork, kUnknown };

std::string_view error_kind_name(ErrorKind kind);

struct ApiError {
  std::optional<std::int64_t> code;  // CJ's envelope code; absent when the body had none
  std::string message;               // CJ's own message, kept as sent, or ours when there was none
  std::string request_id;            // CJ's requestId, "" when absent
  int http_status = 0;
  ErrorKind kind = ErrorKind::kUnknown;
  bool retryable = false;
};

struct ApiSuccess {
  Json data;  // normalised: amounts "12.50", ids strings, quantities integers, booleans booleans
  std::string request_id;
};

struct ApiSuccessText {
  std::string data_json;  // the normalised data as JSON text
  std::string request_id;
};

// Classifies a CJ code on its own (see cj-api-notes.md); nullopt for codes it does not know.
std::optional<ErrorKind> classify_code(std::int64_t code);

// Reads the envelope {code, result, message, data, requestId, success}, streaming `data`
// through the normaliser into JSON text. The body may be anything: HTML, cut short, hostile;
// the answer is always a value, never a crash.
Expected<ApiSuccessText, ApiError> parse_response_text(Operation operation, int http_status, std::string_view body,
                                                       const JsonLimits& limits = {});

// The same, with `data` as a DOM.
Expected<ApiSuccess, ApiError> parse_response(Operation operation, int http_status, std::string_view body,
                                              const JsonLimits& limits = {});

Json error_to_json(const ApiError& error);
// The same as JSON text, appended to `out`.
void append_error_json(const ApiError& error, std::string& out);

}  // namespace cjd
