#pragma once
// Text rules shared by validation and request building.
#include <cstddef>
#include <string>
#include <string_view>

namespace cjd {

// Length in UTF-16 code units, the way JavaScript's .length and Java's String.length() count
// (CJ's servers are Java): characters beyond U+FFFF count twice. Input must be valid UTF-8
// (the JSON parser guarantees it).
std::size_t utf16_length(std::string_view utf8);

// RFC 3986 percent-encoding for a query component: unreserved characters stay, every other
// byte becomes %XX (upper-case hex).
void append_percent_encoded(std::string_view text, std::string& out);
std::string percent_encode(std::string_view text);

// An absolute http:// or https:// address with a host and no spaces or control characters.
bool is_http_url(std::string_view text);

// True when `text` equals `lower` (given in lower case) ignoring ASCII case: "TRUE" ~ "true".
bool equals_ignoring_case(std::string_view text, std::string_view lower);

// True when `text` is only spaces, tabs or line breaks (or empty).
bool is_blank(std::string_view text);

}  // namespace cjd
