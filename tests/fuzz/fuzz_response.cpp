// libFuzzer: response parsing of each operation. First byte: the operation; next two: the HTTP
// status; the rest: the body. The answer must always be valid JSON: {"ok": true, "data", ...}
// or {"ok": false, "error"}. (Checked with the grammar, not a DOM: numbers such as 1e999 pass
// through verbatim from unknown fields, as JSON.parse accepts them.)
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "cjd/json_reader.hpp"
#include "cjd/operation.hpp"
#include "cjd/text_api.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 3) return 0;
  const auto& operations = cjd::all_operations();
  const auto operation = cjd::operation_name(operations[data[0] % operations.size()]);
  const int status = 100 + (data[1] << 8 | data[2]) % 500;
  const std::string body(reinterpret_cast<const char*>(data + 3), size - 3);
  const std::string answer = cjd::text_api::parse_response(operation, status, body);

  cjd::JsonReader reader(answer);
  if (!reader.begin_object()) std::abort();
  cjd::JsonString key;
  bool ok = false;
  bool has_ok = false;
  bool has_payload = false;
  while (reader.next_member(key)) {
    if (key.raw == "ok") {
      has_ok = true;
      ok = reader.peek() == cjd::JsonKind::kTrue;
    }
    if (key.raw == "data" || key.raw == "error") has_payload = true;
    if (!reader.skip_value()) std::abort();
  }
  if (reader.failed() || !reader.at_end() || !has_ok || !has_payload) std::abort();
  (void)ok;
  return 0;
}
