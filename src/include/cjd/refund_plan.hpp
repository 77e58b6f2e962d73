#pragma once
// The amounts of a dispute, computed exactly: what the chosen lines are worth next to the caps
// CJ's confirm step returned, and whether a settled dispute's refund details add up.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cjd/issues.hpp"
#include "cjd/json.hpp"
#include "cjd/money.hpp"
#include "cjd/stage_data.hpp"

namespace cjd {

struct RefundLine {
  std::string line_item_id;
  Money unit_price;
  std::int64_t quantity = 0;
  Money line_total;  // unit_price x quantity
};

struct RefundPlan {
  std::vector<RefundLine> lines;
  Money product_total;  // sum of line totals
  RefundCaps caps;      // summed over supplier groups when grouped
  // product_total + postage + IOSS tax + IOSS handling fee (the caps CJ would refund for those)
  Money total;
  Issues issues;  // above_max_product_price, above_max_amount, and input problems
};

// `confirm_data_json`: the data of disputeConfirmInfo (normalised or raw).
// `product_info_list_json`: the chosen lines [{lineItemId, quantity, price?}]; a line's unit
// price is CJ's when CJ gave one. Text that is not JSON gives a `json` issue.
RefundPlan plan_refund(std::string_view confirm_data_json, std::string_view product_info_list_json);
RefundPlan plan_refund(const Json& confirm_data, const Json& product_info_list);

// {"lines", "productTotal", "max...", "total", "issues"} as JSON text.
std::string refund_plan_to_json(const RefundPlan& plan);

struct RefundDetailsCheck {
  std::optional<Money> refund_amount;  // refundAmount, or money when refundAmount is absent
  Money details_total;                 // sum of refundDetails[].amount
  bool has_details = false;
  bool consistent = true;
  Issues issues;  // refund_details_mismatch, refund_amount_mismatch, unreadable amounts
};

// `detail_json`: the data of getDisputeDetail (or one item of getDisputeList).
RefundDetailsCheck check_refund_details(std::string_view detail_json);
RefundDetailsCheck check_refund_details(const Json& detail_data);

// {"refundAmount", "detailsTotal", "hasDetails", "consistent", "issues"} as JSON text.
std::string refund_details_check_to_json(const RefundDetailsCheck& check);

}  // namespace cjd
