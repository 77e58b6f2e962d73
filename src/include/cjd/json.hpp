#pragma once
// JSON for the core: nlohmann's ordered_json, parsed without ever going through double.
//
// nlohmann turns a number with a fraction or exponent (and an integer too large for 64 bits)
// into a double, which would corrupt amounts such as 19.99 and ids longer than 2^64. Our parser
// keeps such numbers as their exact source text instead, stored as a binary value with a
// dedicated subtype (JSON text can never produce a binary value, so the two cannot be confused).
// The writer emits that text verbatim.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "cjd/expected.hpp"

namespace cjd {

using Json = nlohmann::ordered_json;

struct JsonLimits {
  size_t max_bytes = 8u << 20;  // CJ's largest answer (a 50-item page) is far below this.
  int max_depth = 64;
};

struct JsonError {
  std::string message;  // plain English, with the byte offset where it applies
};

Expected<Json, JsonError> parse_json(std::string_view text, const JsonLimits& limits = {});

// A number kept as its source text (fraction, exponent or beyond 64 bits).
Json make_number_text(std::string_view text);
bool is_number_text(const Json& value);
std::string_view number_text(const Json& value);  // empty when !is_number_text

// The decimal text of any JSON number (integer or kept text); nullopt for anything else.
std::optional<std::string> number_as_text(const Json& value);

// Serialises compactly (no spaces), keeps object key order, writes number texts verbatim.
void write_json(const Json& value, std::string& out);
std::string to_json_text(const Json& value);
// Appends `text` as a JSON string literal, quotes included.
void write_json_string(std::string_view text, std::string& out);

}  // namespace cjd
