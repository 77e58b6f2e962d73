#include "cjd/operation.hpp"

namespace cjd {
namespace {

FieldSpec text(std::string_view name, bool required, std::size_t max_length) {
  return {name, FieldKind::kText, required, max_length};
}
FieldSpec id(std::string_view name, bool required, std::size_t max_length = 100) {
  return {name, FieldKind::kId, required, max_length};
}
FieldSpec integer(std::string_view name, bool required, std::int64_t min, std::int64_t max) {
  return {name, FieldKind::kInteger, required, 0, min, max};
}

const FieldSpec kExpectType{"expectType", FieldKind::kChoice, true, 0, 1, 2, "1 (refund) or 2 (reissue)"};
const FieldSpec kRefundType{"refundType", FieldKind::kChoice, true, 0, 1, 2,
                            "1 (to the CJ balance) or 2 (back through the original platform)"};
const FieldSpec kProductLines{"productInfoList", FieldKind::kProductLines, true};

const std::vector<OperationSpec>& specs() {
  // Field order is the order of the request body or query string: stable and documented.
  static const std::vector<OperationSpec> table = {
      {Operation::kDisputeProducts, "disputeProducts", HttpMethod::kGet, "/disputes/disputeProducts",
       {id("orderId", true)}},
      {Operation::kDisputeConfirmInfo, "disputeConfirmInfo", HttpMethod::kPost, "/disputes/disputeConfirmInfo",
       {id("orderId", true), kProductLines}},
      {Operation::kCreate, "create", HttpMethod::kPost, "/disputes/create",
       {id("businessDisputeId", true), id("orderId", true), integer("disputeReasonId", true, 1, kMaxJavaInt),
        kExpectType, kRefundType, text("messageText", true, 500),
        {"imageUrl", FieldKind::kUrlList, false, 200}, {"videoUrl", FieldKind::kUrlList, false, 200},
        kProductLines}},
      {Operation::kCancel, "cancel", HttpMethod::kPost, "/disputes/cancel", {id("orderId", true), id("disputeId", true)}},
      {Operation::kGetDisputeList, "getDisputeList", HttpMethod::kGet, "/disputes/getDisputeList",
       {id("orderId", false), id("disputeId", false), text("orderNumber", false, 100),
        text("status", false, 20),  // undocumented filter CJ's own tooling sends: processing / finished
        integer("pageNumber", false, 1, kMaxJavaInt), integer("pageSize", false, 1, kMaxPageSize)}},
      {Operation::kGetDisputeDetail, "getDisputeDetail", HttpMethod::kGet, "/disputes/getDisputeDetail",
       {id("disputeId", true)}},
  };
  return table;
}

}  // namespace

const OperationSpec& operation_spec(Operation operation) { return specs()[static_cast<std::size_t>(operation)]; }

std::optional<Operation> operation_from_name(std::string_view name) {
  for (const auto& spec : specs()) {
    if (spec.name == name) return spec.operation;
  }
  return std::nullopt;
}

std::string_view operation_name(Operation operation) { return operation_spec(operation).name; }

const std::vector<FieldSpec>& product_line_fields() {
  static const std::vector<FieldSpec> fields = {
      id("lineItemId", true),
      integer("quantity", true, 1, kMaxJavaInt),
      {"price", FieldKind::kMoney, true},
  };
  return fields;
}

const std::vector<Operation>& all_operations() {
  static const std::vector<Operation> all = {Operation::kDisputeProducts, Operation::kDisputeConfirmInfo,
                                             Operation::kCreate,          Operation::kCancel,
                                             Operation::kGetDisputeList,  Operation::kGetDisputeDetail};
  return all;
}

}  // namespace cjd
