#include "cjd/text.hpp"

namespace cjd {
namespace {

bool starts_with_ci(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[i]) return false;
  }
  return true;
}

}  // namespace

std::size_t utf16_length(std::string_view utf8) {
  std::size_t units = 0;
  for (char ch : utf8) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c & 0xC0) != 0x80) ++units;  // each lead byte starts one code point
    if (c >= 0xF0) ++units;           // 4-byte sequences are surrogate pairs in UTF-16
  }
  return units;
}

void append_percent_encoded(std::string_view text, std::string& out) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                            c == '.' || c == '_' || c == '~';
    if (unreserved) {
      out.push_back(ch);
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0xF]);
    }
  }
}

std::string percent_encode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  append_percent_encoded(text, out);
  return out;
}

bool is_http_url(std::string_view text) {
  std::size_t scheme = 0;
  if (starts_with_ci(text, "https://")) {
    scheme = 8;
  } else if (starts_with_ci(text, "http://")) {
    scheme = 7;
  } else {
    return false;
  }
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c <= 0x20 || c == 0x7F) return false;
  }
  // The host: up to the first '/', '?' or '#'; it must not be empty.
  const std::size_t host_end = text.find_first_of("/?#", scheme);
  const std::string_view authority = text.substr(scheme, host_end == std::string_view::npos ? std::string_view::npos
                                                                                             : host_end - scheme);
  const std::size_t at = authority.rfind('@');
  const std::string_view host = at == std::string_view::npos ? authority : authority.substr(at + 1);
  return !host.empty() && host[0] != ':';
}

bool equals_ignoring_case(std::string_view text, std::string_view lower) {
  if (text.size() != lower.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower[i]) return false;
  }
  return true;
}

bool is_blank(std::string_view text) {
  for (char c : text) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return false;
  }
  return true;
}

}  // namespace cjd
