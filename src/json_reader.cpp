#include "cjd/json_reader.hpp"

#include <array>

namespace cjd {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Bytes a string scan must stop at: control characters, '"', '\\' and non-ASCII.
constexpr std::array<bool, 256> special_table() {
  std::array<bool, 256> table{};
  for (int c = 0; c < 256; ++c) table[static_cast<std::size_t>(c)] = c < 0x20 || c == '"' || c == '\\' || c >= 0x80;
  return table;
}
constexpr std::array<bool, 256> kSpecial = special_table();

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void append_utf8(std::string& out, unsigned code) {
  if (code < 0x80) {
    out.push_back(static_cast<char>(code));
  } else if (code < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (code >> 6)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else if (code < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (code >> 12)));
    out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (code >> 18)));
    out.push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  }
}

}  // namespace

bool JsonReader::fail(const char* what) {
  if (!failed_) {
    failed_ = true;
    error_ = std::string(what) + " at byte " + std::to_string(pos_);
  }
  return false;
}

void JsonReader::skip_space() {
  while (pos_ < text_.size()) {
    const char c = text_[pos_];
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t') return;
    ++pos_;
  }
}

JsonKind JsonReader::peek() {
  if (failed_) return JsonKind::kInvalid;
  skip_space();
  if (pos_ >= text_.size()) return JsonKind::kInvalid;
  switch (text_[pos_]) {
    case '{': return JsonKind::kObject;
    case '[': return JsonKind::kArray;
    case '"': return JsonKind::kString;
    case 't': return JsonKind::kTrue;
    case 'f': return JsonKind::kFalse;
    case 'n': return JsonKind::kNull;
    default: return (text_[pos_] == '-' || is_digit(text_[pos_])) ? JsonKind::kNumber : JsonKind::kInvalid;
  }
}

bool JsonReader::enter() {
  if (++depth_ > max_depth_) return fail("the JSON is nested too deeply");
  ++pos_;
  first_ = true;
  return true;
}

bool JsonReader::begin_object() {
  if (peek() != JsonKind::kObject) return fail("an object was expected");
  return enter();
}

bool JsonReader::begin_array() {
  if (peek() != JsonKind::kArray) return fail("a list was expected");
  return enter();
}

bool JsonReader::next_member(JsonString& key) {
  if (failed_) return false;
  skip_space();
  if (pos_ >= text_.size()) return fail("the text ends inside an object");
  if (text_[pos_] == '}') {
    ++pos_;
    --depth_;
    first_ = false;
    return false;
  }
  if (!first_) {
    if (text_[pos_] != ',') return fail("a comma or } was expected");
    ++pos_;
    skip_space();
  }
  first_ = false;
  if (pos_ >= text_.size() || text_[pos_] != '"') return fail("a member name was expected");
  if (!scan_string(key)) return false;
  skip_space();
  if (pos_ >= text_.size() || text_[pos_] != ':') return fail("a colon was expected");
  ++pos_;
  return true;
}

bool JsonReader::next_element() {
  if (failed_) return false;
  skip_space();
  if (pos_ >= text_.size()) return fail("the text ends inside a list");
  if (text_[pos_] == ']') {
    ++pos_;
    --depth_;
    first_ = false;
    return false;
  }
  if (!first_) {
    if (text_[pos_] != ',') return fail("a comma or ] was expected");
    ++pos_;
  }
  first_ = false;
  return true;
}

bool JsonReader::scan_string(JsonString& out) {
  const std::size_t start = ++pos_;
  bool escaped = false;
  std::size_t saved = 0;  // bytes beyond one UTF-16 unit per character
  while (pos_ < text_.size()) {
    // Plain ASCII runs in a tight loop.
    while (pos_ < text_.size() && !kSpecial[static_cast<unsigned char>(text_[pos_])]) ++pos_;
    if (pos_ >= text_.size()) break;
    const auto c = static_cast<unsigned char>(text_[pos_]);
    if (c == '"') {
      out.raw = text_.substr(start, pos_ - start);
      out.escaped = escaped;
      out.units = out.raw.size() - saved;
      ++pos_;
      return true;
    }
    if (c == '\\') {
      escaped = true;
      if (pos_ + 1 >= text_.size()) break;
      const char e = text_[pos_ + 1];
      if (e == 'u') {
        if (pos_ + 5 >= text_.size()) break;
        for (int k = 2; k < 6; ++k) {
          if (hex_value(text_[pos_ + static_cast<std::size_t>(k)]) < 0) return fail("a bad \\u escape");
        }
        pos_ += 6;
        continue;
      }
      if (e != '"' && e != '\\' && e != '/' && e != 'b' && e != 'f' && e != 'n' && e != 'r' && e != 't') {
        return fail("a bad escape");
      }
      pos_ += 2;
      continue;
    }
    if (c < 0x20) return fail("a control character inside a string");
    // Multi-byte UTF-8: check the sequence (no overlongs, no surrogates, at most U+10FFFF).
    std::size_t length = 0;
    unsigned code = 0;
    if (c >= 0xC2 && c <= 0xDF) {
      length = 2;
      code = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      length = 3;
      code = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      length = 4;
      code = c & 0x07;
    } else {
      return fail("invalid UTF-8");
    }
    if (pos_ + length > text_.size()) return fail("invalid UTF-8");
    for (std::size_t k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text_[pos_ + k]);
      if ((next & 0xC0) != 0x80) return fail("invalid UTF-8");
      code = (code << 6) | (next & 0x3F);
    }
    if ((length == 3 && (code < 0x800 || (code >= 0xD800 && code <= 0xDFFF))) || (length == 4 && (code < 0x10000 || code > 0x10FFFF))) {
      return fail("invalid UTF-8");
    }
    pos_ += length;
    saved += length == 4 ? 2 : length - 1;  // 4 bytes are a surrogate pair: 2 units
  }
  return fail("the text ends inside a string");
}

bool JsonReader::read_string(JsonString& out) {
  if (peek() != JsonKind::kString) return fail("a string was expected");
  return scan_string(out);
}

bool JsonReader::read_number(std::string_view& out) {
  if (peek() != JsonKind::kNumber) return fail("a number was expected");
  const std::size_t start = pos_;
  if (text_[pos_] == '-') ++pos_;
  if (pos_ >= text_.size() || !is_digit(text_[pos_])) return fail("a bad number");
  if (text_[pos_] == '0') {
    ++pos_;
  } else {
    while (pos_ < text_.size() && is_digit(text_[pos_])) ++pos_;
  }
  if (pos_ < text_.size() && text_[pos_] == '.') {
    ++pos_;
    if (pos_ >= text_.size() || !is_digit(text_[pos_])) return fail("a bad number");
    while (pos_ < text_.size() && is_digit(text_[pos_])) ++pos_;
  }
  if (pos_ < text_.size() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
    ++pos_;
    if (pos_ < text_.size() && (text_[pos_] == '+' || text_[pos_] == '-')) ++pos_;
    if (pos_ >= text_.size() || !is_digit(text_[pos_])) return fail("a bad number");
    while (pos_ < text_.size() && is_digit(text_[pos_])) ++pos_;
  }
  out = text_.substr(start, pos_ - start);
  return true;
}

bool JsonReader::read_literal() {
  const JsonKind kind = peek();
  const std::string_view word = kind == JsonKind::kTrue ? "true" : kind == JsonKind::kFalse ? "false" : kind == JsonKind::kNull ? "null" : "";
  if (word.empty() || text_.substr(pos_, word.size()) != word) return fail("a value was expected");
  pos_ += word.size();
  return true;
}

bool JsonReader::skip_value(std::string_view& raw) {
  const JsonKind kind = peek();
  const std::size_t start = pos_;
  bool ok = false;
  switch (kind) {
    case JsonKind::kObject: {
      ok = begin_object();
      JsonString key;
      while (ok && next_member(key)) ok = skip_value();
      ok = ok && !failed_;
      break;
    }
    case JsonKind::kArray: {
      ok = begin_array();
      while (ok && next_element()) ok = skip_value();
      ok = ok && !failed_;
      break;
    }
    case JsonKind::kString: {
      JsonString s;
      ok = read_string(s);
      break;
    }
    case JsonKind::kNumber: {
      std::string_view n;
      ok = read_number(n);
      break;
    }
    case JsonKind::kTrue:
    case JsonKind::kFalse:
    case JsonKind::kNull: ok = read_literal(); break;
    case JsonKind::kInvalid: ok = fail(pos_ >= text_.size() ? "the text ends where a value was expected" : "a value was expected"); break;
  }
  if (ok) raw = text_.substr(start, pos_ - start);
  return ok;
}

bool JsonReader::skip_value() {
  std::string_view ignored;
  return skip_value(ignored);
}

bool JsonReader::at_end() {
  skip_space();
  return pos_ == text_.size();
}

bool JsonReader::decode(const JsonString& string, std::string& out) {
  out.clear();
  if (!string.escaped) {
    out.assign(string.raw);
    return true;
  }
  const std::string_view raw = string.raw;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] != '\\') {
      out.push_back(raw[i]);
      continue;
    }
    const char e = raw[++i];
    switch (e) {
      case 'b': out.push_back('\b'); break;
      case 'f': out.push_back('\f'); break;
      case 'n': out.push_back('\n'); break;
      case 'r': out.push_back('\r'); break;
      case 't': out.push_back('\t'); break;
      case 'u': {
        unsigned code = 0;
        for (int k = 1; k <= 4; ++k) code = (code << 4) | static_cast<unsigned>(hex_value(raw[i + static_cast<std::size_t>(k)]));
        i += 4;
        if (code >= 0xD800 && code <= 0xDBFF && i + 6 < raw.size() && raw[i + 1] == '\\' && raw[i + 2] == 'u') {
          unsigned low = 0;
          for (int k = 3; k <= 6; ++k) low = (low << 4) | static_cast<unsigned>(hex_value(raw[i + static_cast<std::size_t>(k)]));
          if (low >= 0xDC00 && low <= 0xDFFF) {
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
            i += 6;
          }
        }
        if (code >= 0xD800 && code <= 0xDFFF) code = 0xFFFD;  // a lone surrogate
        append_utf8(out, code);
        break;
      }
      default: out.push_back(e);  // " \ /
    }
  }
  return true;
}

}  // namespace cjd
