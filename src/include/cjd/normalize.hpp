#pragma once
// Normalises the `data` of a successful answer, in place, tolerating the quirks CJ is known for:
// amounts as numbers or strings become "12.50"; ids become strings (exactly, even past 2^53);
// quantities and codes become integers even when sent as "2"; "true"/"false" become booleans;
// expectResultOptionList becomes integers; createDate stays epoch milliseconds when numeric;
// list-shaped and detail-shaped product entries are both read. Unknown fields pass through.
#include <optional>
#include <string>

#include "cjd/json.hpp"
#include "cjd/operation.hpp"

namespace cjd {

// Returns nothing on success, or a sentence naming the first field that could not be read.
std::optional<std::string> normalize_data(Operation operation, Json& data);

}  // namespace cjd
