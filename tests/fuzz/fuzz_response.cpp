// libFuzzer: response parsing of each operation. First byte: the operation; next two: the HTTP
// status; the rest: the body. The answer must always be valid JSON with "ok".
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include <nlohmann/json.hpp>

#include "cjd/operation.hpp"
#include "cjd/text_api.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 3) return 0;
  const auto& operations = cjd::all_operations();
  const auto operation = cjd::operation_name(operations[data[0] % operations.size()]);
  const int status = 100 + (data[1] << 8 | data[2]) % 500;
  const std::string body(reinterpret_cast<const char*>(data + 3), size - 3);
  const std::string answer = cjd::text_api::parse_response(operation, status, body);
  const auto json = nlohmann::json::parse(answer, nullptr, false);
  if (json.is_discarded() || !json.contains("ok")) std::abort();
  if (json["ok"] == false && !json.contains("error")) std::abort();
  return 0;
}
