#pragma once
// Validation of request parameters against the spec's tables. Every problem is reported.
#include <string>

#include "cjd/issues.hpp"
#include "cjd/json.hpp"
#include "cjd/operation.hpp"

namespace cjd {

struct ValidatedParams {
  Issues issues;
  // When `issues` is empty: the parameters in send order, normalised for the wire (ids as
  // strings, integers as integers, amounts as JSON numbers with two decimals, absent fields left
  // out). Request building serialises exactly this.
  Json clean = Json::object();
};

ValidatedParams validate_params(Operation operation, const Json& params);

// Checks one present (non-null) value against `spec`; on success returns its clean form.
// `path` names the value in messages ("productInfoList[0].price").
std::optional<Json> check_field_value(const FieldSpec& spec, const Json& value, const std::string& path, Issues& issues);

// Checks an object against `fields`: required ones present, unknown ones reported, each value
// checked. `prefix` is prepended to field names ("productInfoList[2].").
Json check_object(const std::vector<FieldSpec>& fields, const Json& object, const std::string& prefix,
                  std::string_view owner, Issues& issues);

}  // namespace cjd
