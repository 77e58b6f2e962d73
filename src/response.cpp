#include "cjd/response.hpp"

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

std::optional<std::int64_t> read_code(const Json& value) {
  if (value.is_number_unsigned()) {
    const auto v = value.get<std::uint64_t>();
    return v > static_cast<std::uint64_t>(INT64_MAX) ? std::nullopt : std::optional<std::int64_t>(static_cast<std::int64_t>(v));
  }
  if (value.is_number_integer()) return value.get<std::int64_t>();
  if (value.is_string()) {
    const auto& s = value.get_ref<const std::string&>();
    if (s.empty() || s.size() > 18 || s.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
    return std::stoll(s);
  }
  return std::nullopt;
}

// `false` when the envelope says so with a boolean or "false"; absent means no objection.
bool says_false(const Json& envelope, const char* key) {
  auto found = envelope.find(key);
  if (found == envelope.end()) return false;
  if (found->is_boolean()) return !found->get<bool>();
  if (found->is_string()) return found->get_ref<const std::string&>() == "false";
  return false;
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

Expected<ApiSuccess, ApiError> parse_response(Operation operation, int http_status, std::string_view body,
                                              const JsonLimits& limits) {
  auto parsed = parse_json(body, limits);
  if (!parsed) {
    // Not JSON: an HTML error page from a proxy, or a body cut short on the way.
    ApiError error = make_error(http_status, std::nullopt,
                                "CJ's answer (" + status_text(http_status) + ") could not be read: " + parsed.error().message + ".",
                                "");
    if (error.kind == ErrorKind::kUnknown) {
      error.kind = ErrorKind::kNetwork;
      error.retryable = true;
    }
    return unexpected(std::move(error));
  }
  Json& envelope = parsed.value();
  if (!envelope.is_object()) {
    return unexpected(make_error(http_status, std::nullopt,
                                 "CJ's answer (" + status_text(http_status) + ") is JSON but not the expected envelope.", ""));
  }
  std::string request_id;
  if (auto found = envelope.find("requestId"); found != envelope.end() && found->is_string()) {
    request_id = found->get<std::string>();
  }
  std::optional<std::int64_t> code;
  if (auto found = envelope.find("code"); found != envelope.end()) code = read_code(*found);
  std::string message;
  if (auto found = envelope.find("message"); found != envelope.end() && found->is_string()) {
    message = found->get<std::string>();
  }

  const bool http_ok = http_status >= 200 && http_status <= 299;
  const bool envelope_ok = code && *code == 200 && !says_false(envelope, "result") && !says_false(envelope, "success");
  if (!http_ok || !envelope_ok) {
    if (message.empty()) {
      message = code ? "CJ answered with code " + std::to_string(*code) + " (" + status_text(http_status) + ")."
                     : "CJ's answer (" + status_text(http_status) + ") has no result code.";
    }
    // code 200 inside a failed envelope or HTTP error: no CJ error code to report.
    if (code && *code == 200) code.reset();
    return unexpected(make_error(http_status, code, std::move(message), std::move(request_id)));
  }

  ApiSuccess success;
  auto data = envelope.find("data");
  if (data != envelope.end()) success.data = std::move(*data);
  if (auto problem = normalize_data(operation, success.data)) {
    return unexpected(make_error(http_status, std::nullopt, "CJ's answer could not be read: " + *problem + ".", request_id));
  }
  success.request_id = std::move(request_id);
  return success;
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
