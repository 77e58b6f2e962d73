#pragma once
// The six dispute operations of CJ API 2.0 and the fields of their requests, as in the spec.
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace cjd {

enum class Operation {
  kDisputeProducts,
  kDisputeConfirmInfo,
  kCreate,
  kCancel,
  kGetDisputeList,
  kGetDisputeDetail,
};

enum class HttpMethod { kGet, kPost };

enum class FieldKind {
  kText,          // a string
  kId,            // a string; a whole number that JavaScript holds exactly is accepted and sent as a string
  kInteger,       // a whole number within [min, max]; a string of digits is accepted
  kChoice,        // an integer from a closed set [min, max]; rule `enum`
  kMoney,         // an amount >= 0 with at most two decimals, sent as a JSON number "12.50"
  kUrlList,       // a list of http(s) addresses of at most max_length each
  kProductLines,  // a non-empty list of {lineItemId, quantity, price}, no lineItemId twice
};

struct FieldSpec {
  std::string_view name;
  FieldKind kind;
  bool required;
  std::size_t max_length = 0;         // kText, kId, kUrlList entries (UTF-16 code units)
  std::int64_t min = 0;               // kInteger, kChoice
  std::int64_t max = 0;               // kInteger, kChoice
  std::string_view choices_text = {};  // kChoice: how the allowed values read in a message
};

struct OperationSpec {
  Operation operation;
  std::string_view name;  // the name used by the client and in test vectors
  HttpMethod method;
  std::string_view path;  // appended to the base URL
  std::vector<FieldSpec> fields;  // in the order they are sent
};

const OperationSpec& operation_spec(Operation operation);
std::optional<Operation> operation_from_name(std::string_view name);
std::string_view operation_name(Operation operation);
const std::vector<FieldSpec>& product_line_fields();
const std::vector<Operation>& all_operations();

constexpr std::int64_t kMaxJavaInt = 2147483647;  // CJ's integer fields are Java ints
constexpr std::int64_t kMaxPageSize = 50;          // CJ caps pageSize at 50

}  // namespace cjd
