#pragma once
// A problem found in input: where, which rule, and a sentence for the merchant.
#include <string>
#include <vector>

#include "cjd/json.hpp"

namespace cjd {

struct Issue {
  std::string field;    // a path: "orderId", "productInfoList[1].quantity", "" for the whole input
  std::string rule;     // stable identifier: required, max_length, enum, money_format, ...
  std::string message;  // plain English, names the field
};

using Issues = std::vector<Issue>;

// The issues as a JSON list of {field, rule, message}, appended to `out`.
void append_issues_json(const Issues& issues, std::string& out);

}  // namespace cjd
