// libFuzzer: request validation and building from arbitrary JSON. First byte: the operation;
// the rest: the params text. Answers must be valid JSON; a built POST body must be valid JSON.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include <nlohmann/json.hpp>

#include "cjd/operation.hpp"
#include "cjd/text_api.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  const auto& operations = cjd::all_operations();
  const auto operation = cjd::operation_name(operations[data[0] % operations.size()]);
  const std::string params(reinterpret_cast<const char*>(data + 1), size - 1);

  const auto validated = nlohmann::json::parse(cjd::text_api::validate(operation, params), nullptr, false);
  if (validated.is_discarded() || !validated.contains("ok")) std::abort();

  const auto built = nlohmann::json::parse(cjd::text_api::build_request(operation, params, "", "token"), nullptr, false);
  if (built.is_discarded() || !built.contains("ok")) std::abort();
  if (built["ok"] != validated["ok"]) std::abort();  // the same rules decide both
  if (built["ok"] == true && built["request"]["body"].is_string()) {
    const auto body = nlohmann::json::parse(built["request"]["body"].get<std::string>(), nullptr, false);
    if (body.is_discarded() || !body.is_object()) std::abort();
  }
  return 0;
}
