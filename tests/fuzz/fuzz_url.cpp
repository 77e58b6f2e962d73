// libFuzzer: base URL checks and query encoding. The input is split at its first NUL into a
// base URL and a query value. Encoded text holds only unreserved characters and %XX; an
// accepted base URL is https, or http to loopback only.
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "cjd/request.hpp"
#include "cjd/text.hpp"

namespace {

bool unreserved_or_escape(std::string_view encoded) {
  for (std::size_t i = 0; i < encoded.size(); ++i) {
    const char c = encoded[i];
    const bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
    if (plain) continue;
    if (c != '%' || i + 2 >= encoded.size() || !std::isxdigit(static_cast<unsigned char>(encoded[i + 1])) ||
        !std::isxdigit(static_cast<unsigned char>(encoded[i + 2]))) {
      return false;
    }
    i += 2;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t split = input.find('\0');
  const std::string_view base = input.substr(0, split);
  const std::string_view value = split == std::string_view::npos ? std::string_view() : input.substr(split + 1);

  if (!unreserved_or_escape(cjd::percent_encode(value))) std::abort();

  auto normalized = cjd::normalize_base_url(base);
  if (normalized) {
    const std::string& url = *normalized;
    const bool https = url.size() >= 8 && (url[4] == 's' || url[4] == 'S');
    if (!https && url.find("://") == std::string::npos) std::abort();
    // No query, fragment or spaces anywhere; no user info in the authority ('@' may sit in the path).
    if (url.find_first_of("?# \r\n") != std::string::npos) std::abort();
    const std::size_t authority = url.find("://") + 3;
    if (url.substr(authority, url.find('/', authority) - authority).find('@') != std::string::npos) std::abort();
    cjd::ClientConfig config;
    config.base_url = std::string(base);
    config.access_token = "token";
    auto request = cjd::build_request(cjd::Operation::kGetDisputeDetail, cjd::Json{{"disputeId", std::string("SH1")}}, config);
    if (!request || request->url.rfind(url, 0) != 0) std::abort();
  }
  return 0;
}
