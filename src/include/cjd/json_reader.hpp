#pragma once
// A pull reader over JSON text: no DOM, no copies. Strings come back as their raw text between
// the quotes (escapes undecoded, so they can be copied to output verbatim), numbers as their
// exact source text. The hot paths (reading CJ's answers, checking request params) stream
// through this instead of building nlohmann DOMs; it validates as it goes (grammar, UTF-8,
// control characters) and stops at a depth limit.
#include <cstddef>
#include <string>
#include <string_view>

namespace cjd {

enum class JsonKind { kObject, kArray, kString, kNumber, kTrue, kFalse, kNull, kInvalid };

struct JsonString {
  std::string_view raw;    // between the quotes, escapes as written
  bool escaped = false;    // raw holds at least one backslash escape
  std::size_t units = 0;   // length in UTF-16 code units when not escaped (as JavaScript counts)
};

class JsonReader {
 public:
  explicit JsonReader(std::string_view text, int max_depth = 64) : text_(text), max_depth_(max_depth) {}

  /** The kind of the next value, without consuming it. */
  JsonKind peek();

  bool begin_object();
  /** Next member of the current object: true with its key, false at '}' (or on error). */
  bool next_member(JsonString& key);
  bool begin_array();
  /** True when another element follows, false at ']' (or on error). */
  bool next_element();

  bool read_string(JsonString& out);
  bool read_number(std::string_view& out);
  bool read_literal();  // true, false or null
  /** Skips any value; `raw` is its exact text. */
  bool skip_value(std::string_view& raw);
  bool skip_value();

  /** True when only whitespace is left. */
  bool at_end();

  bool failed() const { return failed_; }
  const std::string& error() const { return error_; }
  std::size_t position() const { return pos_; }

  /** Decodes a JSON string's raw text (escapes, surrogate pairs) into UTF-8. */
  static bool decode(const JsonString& string, std::string& out);

 private:
  bool fail(const char* what);
  void skip_space();
  bool enter();
  bool scan_string(JsonString& out);

  std::string_view text_;
  std::size_t pos_ = 0;
  int depth_ = 0;
  int max_depth_;
  bool first_ = false;  // the next member/element is the first of its container
  bool failed_ = false;
  std::string error_;
};

}  // namespace cjd
