#pragma once
// Normalises the `data` of a successful answer while streaming it from the reader straight to
// JSON text (no DOM), tolerating the quirks CJ is known for: amounts as numbers or strings
// become "12.50"; ids become strings (exactly, even past 2^53); quantities and codes become
// integers even when sent as "2"; "true"/"false" become booleans; expectResultOptionList
// becomes integers; createDate stays epoch milliseconds when numeric; list-shaped and
// detail-shaped product entries are both read. Unknown fields pass through verbatim.
#include <optional>
#include <string>

#include "cjd/json_reader.hpp"
#include "cjd/operation.hpp"

namespace cjd {

// Reads one value (the `data` member) and appends its normalised form to `out`. Returns
// nothing on success, or a sentence naming the first field that could not be read. When the
// reader itself fails (broken JSON), the answer is a failure too; check reader.failed().
std::optional<std::string> normalize_data(Operation operation, JsonReader& reader, std::string& out);

}  // namespace cjd
