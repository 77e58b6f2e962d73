#include "cjd/request.hpp"

#include "cjd/json_reader.hpp"
#include "cjd/text.hpp"
#include "cjd/validate.hpp"

namespace cjd {
namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lowercase(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = lower(c);
  return out;
}

bool is_loopback_host(std::string_view host) {
  const std::string h = lowercase(host);
  if (h == "localhost" || h == "[::1]") return true;
  // 127.a.b.c with four decimal parts, each 0..255.
  int parts = 0;
  std::size_t start = 0;
  while (start <= h.size()) {
    const std::size_t dot = h.find('.', start);
    const std::string part = h.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    if (part.empty() || part.size() > 3 || part.find_first_not_of("0123456789") != std::string::npos) return false;
    if (std::stoi(part) > 255) return false;
    if (parts == 0 && part != "127") return false;
    ++parts;
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return parts == 4;
}

bool is_host_text(std::string_view host) {
  if (host.empty()) return false;
  if (host.front() == '[') return host.back() == ']' && host.size() > 2;
  for (char c : host) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
    if (!ok) return false;
  }
  return true;
}

Issue base_url_issue(std::string message) { return Issue{"baseUrl", "base_url", std::move(message)}; }

}  // namespace

std::string_view method_name(HttpMethod method) { return method == HttpMethod::kGet ? "GET" : "POST"; }

Expected<std::string, Issue> normalize_base_url(std::string_view base_url) {
  const std::string lowered = lowercase(base_url.substr(0, 8));
  std::size_t scheme_end = 0;
  bool secure = false;
  if (lowered.rfind("https://", 0) == 0) {
    scheme_end = 8;
    secure = true;
  } else if (lowered.rfind("http://", 0) == 0) {
    scheme_end = 7;
  } else {
    return unexpected(base_url_issue("baseUrl must start with https:// (the access token must not travel in clear text)."));
  }
  for (char ch : base_url) {
    const auto c = static_cast<unsigned char>(ch);
    if (c <= 0x20 || c == 0x7F) return unexpected(base_url_issue("baseUrl must not contain spaces or control characters."));
  }
  if (base_url.find_first_of("?#") != std::string_view::npos) {
    return unexpected(base_url_issue("baseUrl must not contain a query (?) or a fragment (#)."));
  }
  const std::size_t path_start = base_url.find('/', scheme_end);
  const std::string_view authority =
      base_url.substr(scheme_end, path_start == std::string_view::npos ? std::string_view::npos : path_start - scheme_end);
  if (authority.find('@') != std::string_view::npos) {
    return unexpected(base_url_issue("baseUrl must not contain a user name or password."));
  }
  // Split host and port; an IPv6 host is bracketed.
  std::string_view host = authority;
  std::string_view port;
  if (!authority.empty() && authority.front() == '[') {
    const std::size_t close = authority.find(']');
    if (close == std::string_view::npos) return unexpected(base_url_issue("baseUrl has an unclosed [ in its host."));
    host = authority.substr(0, close + 1);
    const std::string_view rest = authority.substr(close + 1);
    if (!rest.empty()) {
      if (rest.front() != ':') return unexpected(base_url_issue("baseUrl has an invalid host."));
      port = rest.substr(1);
    }
  } else if (const std::size_t colon = authority.find(':'); colon != std::string_view::npos) {
    host = authority.substr(0, colon);
    port = authority.substr(colon + 1);
  }
  if (!is_host_text(host)) return unexpected(base_url_issue("baseUrl must name a host, as in https://developers.cjdropshipping.com/api2.0/v1."));
  if (!port.empty() && (port.size() > 5 || port.find_first_not_of("0123456789") != std::string_view::npos ||
                        std::stol(std::string(port)) > 65535)) {
    return unexpected(base_url_issue("baseUrl has an invalid port."));
  }
  if (!secure && !is_loopback_host(host)) {
    return unexpected(base_url_issue(
        "baseUrl must use https:// unless it points at this machine (localhost, 127.0.0.1 or [::1]): the access token "
        "must not travel in clear text."));
  }
  std::string result(base_url);
  while (!result.empty() && result.back() == '/') result.pop_back();
  return result;
}

Expected<RequestTarget, Issues> build_request_target(Operation operation, std::string_view params_json, std::string_view base_url,
                                                     std::string_view access_token) {
  ValidatedText validated = validate_params_text(operation, params_json);
  Issues& issues = validated.issues;
  // Clients send the same base URL every time: remember the last one checked.
  thread_local std::string last_input;
  thread_local std::optional<Expected<std::string, Issue>> last_result;
  const std::string_view wanted = base_url.empty() ? kDefaultBaseUrl : base_url;
  if (!last_result || last_input != wanted) {
    last_input.assign(wanted);
    last_result.emplace(normalize_base_url(wanted));
  }
  Expected<std::string, Issue> base = *last_result;
  if (!base) issues.push_back(base.error());
  if (is_blank(access_token)) {
    issues.push_back(Issue{"accessToken", "required", "accessToken is required: every CJ call carries the CJ-Access-Token header."});
  } else if (access_token.find_first_of("\r\n") != std::string_view::npos) {
    issues.push_back(Issue{"accessToken", "header_value", "accessToken must not contain line breaks."});
  }
  if (!issues.empty()) return unexpected(std::move(issues));

  const OperationSpec& spec = operation_spec(operation);
  RequestTarget target;
  target.url = std::move(base).value();
  target.url += spec.path;
  if (spec.method == HttpMethod::kPost) {
    target.body = std::move(validated.clean);
    return target;
  }
  // GET: the clean params become the query, in send order.
  JsonReader reader(validated.clean);
  reader.begin_object();
  JsonString key;
  std::string decoded;
  char separator = '?';
  while (reader.next_member(key)) {
    const std::size_t value_start = target.url.size() + key.raw.size() + 2;
    target.url.push_back(separator);
    separator = '&';
    target.url += key.raw;
    target.url.push_back('=');
    if (reader.peek() == JsonKind::kString) {
      JsonString s;
      reader.read_string(s);
      JsonReader::decode(s, decoded);
      append_percent_encoded(decoded, target.url);
    } else {
      std::string_view number;
      reader.read_number(number);  // integers only: digits need no encoding
      target.url += number;
    }
    if (key.raw == "pageNumber") {
      // CJ's own tooling reads `pageNum`; sending both with one value works with either reading.
      const std::string value = target.url.substr(value_start);
      target.url += "&pageNum=";
      target.url += value;
    }
  }
  return target;
}

Expected<HttpRequest, Issues> build_request_text(Operation operation, std::string_view params_json, const ClientConfig& config) {
  auto target = build_request_target(operation, params_json, config.base_url, config.access_token);
  if (!target) return unexpected(std::move(target).error());
  HttpRequest request;
  request.method = operation_spec(operation).method;
  request.url = std::move(target->url);
  request.body = std::move(target->body);
  request.headers.emplace_back("CJ-Access-Token", config.access_token);
  request.headers.emplace_back("Accept", "application/json");
  if (request.method == HttpMethod::kPost) request.headers.emplace_back("Content-Type", "application/json");
  return request;
}

Expected<HttpRequest, Issues> build_request(Operation operation, const Json& params, const ClientConfig& config) {
  return build_request_text(operation, to_json_text(params), config);
}

}  // namespace cjd
