#pragma once
// Validation of request parameters against the spec's tables. Every problem is reported.
// Params are checked while streaming their JSON text (no DOM); the clean form comes out as JSON
// text in send order, which request building sends as it is.
#include <optional>
#include <string>
#include <string_view>

#include "cjd/issues.hpp"
#include "cjd/json.hpp"
#include "cjd/operation.hpp"

namespace cjd {

struct ValidatedText {
  Issues issues;
  // When `issues` is empty: the parameters in send order, normalised for the wire (ids as
  // strings, integers as integers, amounts as JSON numbers with two decimals, absent fields left
  // out), as compact JSON text.
  std::string clean;
};

ValidatedText validate_params_text(Operation operation, std::string_view params_json, const JsonLimits& limits = {});

struct ValidatedParams {
  Issues issues;
  Json clean = Json::object();  // the clean form as a DOM
};

class JsonReader;

// Reads one value from `reader` and checks it against a scalar `spec` (text, id, integer,
// choice, money). Null is "absent" (a `required` issue when the spec requires it). Returns the
// clean JSON text (ids quoted, integers as digits, amounts as 12.50), or nullopt when absent
// or invalid. `path` names the value in messages.
std::optional<std::string> check_scalar_value(JsonReader& reader, const FieldSpec& spec, const std::string& path, Issues& issues);

// The same rules on a DOM (serialised and streamed: one implementation of the rules).
ValidatedParams validate_params(Operation operation, const Json& params);

}  // namespace cjd
