#pragma once
// The amounts of a dispute, computed exactly: what the chosen lines are worth next to the caps
// CJ's confirm step returned, and whether a settled dispute's refund details add up.
#include <optional>
#include <string>
#include <vector>

#include "cjd/issues.hpp"
#include "cjd/json.hpp"
#include "cjd/money.hpp"

namespace cjd {

struct RefundLine {
  std::string line_item_id;
  Money unit_price;
  std::int64_t quantity = 0;
  Money line_total;  // unit_price x quantity
};

struct RefundCaps {  // from disputeConfirmInfo; summed over supplier groups when grouped
  std::optional<Money> max_product_price;
  std::optional<Money> max_postage;
  std::optional<Money> max_ioss_tax_amount;
  std::optional<Money> max_ioss_hand_tax_amount;
  std::optional<Money> max_amount;
};

struct RefundPlan {
  std::vector<RefundLine> lines;
  Money product_total;  // sum of line totals
  RefundCaps caps;
  // product_total + postage + IOSS tax + IOSS handling fee (the caps CJ would refund for those)
  Money total;
  Issues issues;  // above_max_product_price, above_max_amount, and input problems
};

// `confirm_data`: the normalised data of disputeConfirmInfo. `product_info_list`: the chosen
// lines [{lineItemId, quantity, price?}]; a line's unit price is CJ's when CJ gave one.
RefundPlan plan_refund(const Json& confirm_data, const Json& product_info_list);
Json refund_plan_to_json(const RefundPlan& plan);

struct RefundDetailsCheck {
  std::optional<Money> refund_amount;  // refundAmount, or money when refundAmount is absent
  Money details_total;                 // sum of refundDetails[].amount
  bool has_details = false;
  bool consistent = true;
  Issues issues;  // refund_details_mismatch, refund_amount_mismatch, unreadable amounts
};

// `detail_data`: the normalised data of getDisputeDetail (or one item of getDisputeList).
RefundDetailsCheck check_refund_details(const Json& detail_data);
Json refund_details_check_to_json(const RefundDetailsCheck& check);

}  // namespace cjd
