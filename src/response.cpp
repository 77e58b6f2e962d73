#include "cjd/response.hpp"

#include "cjd/json_reader.hpp"
#include "cjd/normalize.hpp"

namespace cjd {
namespace {

bool is_retryable(ErrorKind kind) {
  return kind == ErrorKind::kRateLimit || kind == ErrorKind::kServer || kind == ErrorKind::kNetwork;
}

std::optional<ErrorKind> classify_status(int http_status) {
  if (http_status == 429) return ErrorKind::kRateLimit;
  if (http_status >= 500 && http_status <= 599) return ErrorKind::kServer;
  if (http_status == 401 || http_status == 403) return ErrorKind::kAuth;
  if (http_status == 404) return ErrorKind::kNotFound;
  if (http_status == 400 || http_status == 405 || http_status == 413 || http_status == 415 || http_status == 422) {
    return ErrorKind::kInvalidRequest;
  }
  return std::nullopt;
}

ApiError make_error(int http_status, std::optional<std::int64_t> code, std::string message, std::string request_id) {
  ApiError error;
  error.http_status = http_status;
  error.code = code;
  error.message = std::move(message);
  error.request_id = std::move(request_id);
  std::optional<ErrorKind> kind = code ? classify_code(*code) : std::nullopt;
  // A 429 is a rate limit whatever code came with it; a 5xx with an unknown code is the server's.
  if (http_status == 429) kind = ErrorKind::kRateLimit;
  if (!kind) kind = classify_status(http_status);
  error.kind = kind.value_or(ErrorKind::kUnknown);
  error.retryable = is_retryable(error.kind);
  return error;
}

std::string status_text(int http_status) { return "HTTP " + std::to_string(http_status); }

}  // namespace

std::string_view error_kind_name(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kAuth: return "auth";
    case ErrorKind::kRateLimit: return "rate_limit";
    case ErrorKind::kQuota: return "quota";
    case ErrorKind::kInvalidRequest: return "invalid_request";
    case ErrorKind::kNotFound: return "not_found";
    case ErrorKind::kServer: return "server";
    case ErrorKind::kNetwork: return "network";
    case ErrorKind::kUnknown: return "unknown";
  }
  return "unknown";
}

std::optional<ErrorKind> classify_code(std::int64_t code) {
  switch (code) {
    case 1600001:  // invalid API key or access token
    case 1600002:  // access token empty
    case 1600003:  // invalid refresh token
    case 1600004:  // authorization failed
    case 1600005:  // API key wrong
    case 1600008:  // authorization failed
      return ErrorKind::kAuth;
    case 1600200: return ErrorKind::kRateLimit;  // too many requests
    case 1600201: return ErrorKind::kQuota;      // daily quota used up
    case 1600000:                                // system busy
    case 1600301:                                // read timed out
      return ErrorKind::kServer;
    case 1600101:  // interface not found
    case 1601000:  // user not found
    case 1603100:  // order not found
      return ErrorKind::kNotFound;
    case 1600100:  // "Param error" in the disputes spec; meaning varies, never retried
    case 1600300:  // param error
    case 1607006:  // query dispute products failed
    case 1607007:  // dispute confirm failed
    case 1607008:  // dispute create failed
    case 1607009:  // dispute cancel failed
    case 16900202:
    case 16900203:
    case 16900204:
    case 16900205:
    case 16900403:
      return ErrorKind::kInvalidRequest;
    default: return std::nullopt;
  }
}

namespace {

std::optional<std::int64_t> code_from_text(std::string_view text) {
  if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != std::string_view::npos) return std::nullopt;
  std::int64_t value = 0;
  for (char c : text) value = value * 10 + (c - '0');
  return value;
}

ApiError unreadable(int http_status, const std::string& reason) {
  // Not JSON: an HTML error page from a proxy, or a body cut short on the way.
  ApiError error = make_error(http_status, std::nullopt, "CJ's answer (" + status_text(http_status) + ") could not be read: " + reason + ".", "");
  if (error.kind == ErrorKind::kUnknown) {
    error.kind = ErrorKind::kNetwork;
    error.retryable = true;
  }
  return error;
}

}  // namespace

Expected<ApiSuccessText, ApiError> parse_response_text(Operation operation, int http_status, std::string_view body,
                                                       const JsonLimits& limits) {
  if (body.size() > limits.max_bytes) {
    return unexpected(unreadable(http_status, "the answer is " + std::to_string(body.size()) + " bytes, more than the limit of " +
                                                  std::to_string(limits.max_bytes)));
  }
  JsonReader reader(body, limits.max_depth);
  if (reader.peek() != JsonKind::kObject) {
    if (reader.skip_value() && reader.at_end()) {
      return unexpected(make_error(http_status, std::nullopt,
                                   "CJ's answer (" + status_text(http_status) + ") is JSON but not the expected envelope.", ""));
    }
    return unexpected(unreadable(http_status, reader.failed() ? "the text is not valid JSON (" + reader.error() + ")"
                                                              : std::string("the text is not valid JSON")));
  }
  const bool http_ok = http_status >= 200 && http_status <= 299;
  std::optional<std::int64_t> code;
  std::string message;
  std::string request_id;
  bool says_false = false;
  bool has_data = false;
  std::string data;
  std::optional<std::string> problem;
  std::string decoded;

  reader.begin_object();
  JsonString key;
  while (reader.next_member(key)) {
    const JsonKind next = reader.peek();
    if (key.raw == "code" && next == JsonKind::kNumber) {
      std::string_view number;
      reader.read_number(number);
      code = code_from_text(number);
    } else if (key.raw == "code" && next == JsonKind::kString) {
      JsonString s;
      reader.read_string(s);
      code = s.escaped ? std::nullopt : code_from_text(s.raw);
    } else if ((key.raw == "result" || key.raw == "success") && (next == JsonKind::kFalse || next == JsonKind::kString)) {
      if (next == JsonKind::kFalse) {
        reader.read_literal();
        says_false = true;
      } else {
        JsonString s;
        reader.read_string(s);
        says_false = says_false || s.raw == "false";
      }
    } else if ((key.raw == "message" || key.raw == "requestId") && next == JsonKind::kString) {
      JsonString s;
      reader.read_string(s);
      JsonReader::decode(s, decoded);
      (key.raw == "message" ? message : request_id) = decoded;
    } else if (key.raw == "data" && http_ok) {
      // Normalise as it streams; on a problem, go back and skip the value whole.
      const JsonReader before = reader;
      has_data = true;
      data.clear();
      data.reserve(body.size());
      problem = normalize_data(operation, reader, data);
      if (problem && !reader.failed()) {
        reader = before;
        reader.skip_value();
      }
    } else {
      reader.skip_value();
    }
    if (reader.failed()) break;
  }
  if (reader.failed() || !reader.at_end()) {
    return unexpected(unreadable(http_status, "the text is not valid JSON (" + (reader.failed() ? reader.error() : std::string("text after the end")) + ")"));
  }

  const bool envelope_ok = code && *code == 200 && !says_false;
  if (!http_ok || !envelope_ok) {
    if (message.empty()) {
      message = code ? "CJ answered with code " + std::to_string(*code) + " (" + status_text(http_status) + ")."
                     : "CJ's answer (" + status_text(http_status) + ") has no result code.";
    }
    // code 200 inside a failed envelope or HTTP error: no CJ error code to report.
    if (code && *code == 200) code.reset();
    return unexpected(make_error(http_status, code, std::move(message), std::move(request_id)));
  }
  if (!has_data) {
    JsonReader absent("null");
    problem = normalize_data(operation, absent, data);
  }
  if (problem) {
    return unexpected(make_error(http_status, std::nullopt, "CJ's answer could not be read: " + *problem + ".", request_id));
  }
  return ApiSuccessText{std::move(data), std::move(request_id)};
}

Expected<ApiSuccess, ApiError> parse_response(Operation operation, int http_status, std::string_view body,
                                              const JsonLimits& limits) {
  auto text = parse_response_text(operation, http_status, body, limits);
  if (!text) return unexpected(std::move(text).error());
  auto data = parse_json(text->data_json);
  if (!data) return unexpected(make_error(http_status, std::nullopt, "cj-disputes produced unreadable data: " + data.error().message, text->request_id));
  return ApiSuccess{std::move(data).value(), std::move(text->request_id)};
}

void append_error_json(const ApiError& error, std::string& out) {
  out += "{\"code\":";
  out += error.code ? std::to_string(*error.code) : std::string("null");
  out += ",\"message\":";
  write_json_string(error.message, out);
  out += ",\"requestId\":";
  if (error.request_id.empty()) {
    out += "null";
  } else {
    write_json_string(error.request_id, out);
  }
  out += ",\"httpStatus\":";
  out += std::to_string(error.http_status);
  out += ",\"kind\":\"";
  out += error_kind_name(error.kind);
  out += "\",\"retryable\":";
  out += error.retryable ? "true" : "false";
  out.push_back('}');
}

Json error_to_json(const ApiError& error) {
  Json out = Json::object();
  out["code"] = error.code ? Json(*error.code) : Json(nullptr);
  out["message"] = error.message;
  out["requestId"] = error.request_id.empty() ? Json(nullptr) : Json(error.request_id);
  out["httpStatus"] = error.http_status;
  out["kind"] = error_kind_name(error.kind);
  out["retryable"] = error.retryable;
  return out;
}

}  // namespace cjd
