// The embind surface of the core: conversions only, no logic.
//
// Strings cross as bytes, not as embind std::string (which costs ~10 ns per byte each way):
// JavaScript encodes its arguments with TextEncoder.encodeInto straight into `input` (one
// buffer, arguments laid end to end), calls a function with the byte lengths, and decodes the
// answer from `output` with TextDecoder. Every function answers JSON text; errors are data, so
// no C++ exception ever crosses this boundary (embind leaks the arguments of a throwing call).
#include <emscripten/bind.h>
#include <malloc.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "cjd/text_api.hpp"

namespace {

constexpr std::size_t kKeepCapacity = 1u << 20;  // larger one-off buffers are released after use

std::vector<char> input;
std::string output;

// Makes room for `bytes` of input and returns where JavaScript may write them, or 0 when the
// memory cannot be had (nothing may unwind across this boundary).
std::uintptr_t reserve_input(std::size_t bytes) {
  try {
    if (input.size() < bytes) input.resize(bytes);
  } catch (...) {
    std::vector<char>().swap(input);
    return 0;
  }
  return reinterpret_cast<std::uintptr_t>(input.data());
}

std::uintptr_t output_pointer() { return reinterpret_cast<std::uintptr_t>(output.data()); }

// Reads consecutive arguments of the given lengths from `input`.
class Arguments {
 public:
  std::string_view next(std::size_t length) {
    if (offset_ + length > input.size()) length = offset_ > input.size() ? 0 : input.size() - offset_;
    std::string_view view(input.data() + offset_, length);
    offset_ += length;
    return view;
  }

 private:
  std::size_t offset_ = 0;
};

std::size_t answer(std::string&& text) {
  output = std::move(text);
  if (input.size() > kKeepCapacity) std::vector<char>().swap(input);
  return output.size();
}

std::size_t validate(std::size_t op_len, std::size_t params_len) {
  Arguments args;
  const auto op = args.next(op_len);
  return answer(cjd::text_api::validate(op, args.next(params_len)));
}

std::size_t build_request(std::size_t op_len, std::size_t params_len, std::size_t base_len, std::size_t token_len) {
  Arguments args;
  const auto op = args.next(op_len);
  const auto params = args.next(params_len);
  const auto base = args.next(base_len);
  return answer(cjd::text_api::build_request_compact(op, params, base, args.next(token_len)));
}

std::size_t check_base_url(std::size_t base_len) {
  Arguments args;
  return answer(cjd::text_api::check_base_url(args.next(base_len)));
}

std::size_t parse_response(std::size_t op_len, int http_status, std::size_t body_len) {
  Arguments args;
  const auto op = args.next(op_len);
  return answer(cjd::text_api::parse_response(op, http_status, args.next(body_len)));
}

std::size_t money(std::size_t op_len, std::size_t args_len) {
  Arguments args;
  const auto op = args.next(op_len);
  return answer(cjd::text_api::money(op, args.next(args_len)));
}

std::size_t check_selection(std::size_t data_len, std::size_t choice_len) {
  Arguments args;
  const auto data = args.next(data_len);
  return answer(cjd::text_api::check_selection(data, args.next(choice_len)));
}

std::size_t plan_refund(std::size_t data_len, std::size_t lines_len) {
  Arguments args;
  const auto data = args.next(data_len);
  return answer(cjd::text_api::plan_refund(data, args.next(lines_len)));
}

std::size_t check_refund_details(std::size_t detail_len) {
  Arguments args;
  return answer(cjd::text_api::check_refund_details(args.next(detail_len)));
}

// Bytes of the wasm heap currently allocated: how tests and benchmarks see a leak.
std::size_t heap_in_use() { return static_cast<std::size_t>(mallinfo().uordblks); }

}  // namespace

EMSCRIPTEN_BINDINGS(cj_disputes) {
  emscripten::function("reserveInput", &reserve_input);
  emscripten::function("outputPointer", &output_pointer);
  emscripten::function("heapInUse", &heap_in_use);
  emscripten::function("validate", &validate);
  emscripten::function("buildRequest", &build_request);
  emscripten::function("checkBaseUrl", &check_base_url);
  emscripten::function("parseResponse", &parse_response);
  emscripten::function("money", &money);
  emscripten::function("checkSelection", &check_selection);
  emscripten::function("planRefund", &plan_refund);
  emscripten::function("checkRefundDetails", &check_refund_details);
}
