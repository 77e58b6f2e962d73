#pragma once
// Checks of the merchant's choice against what CJ offered, for the three-step flow:
// disputeProducts -> (choose lines) -> disputeConfirmInfo -> (choose reason, expected result) -> create.
#include "cjd/issues.hpp"
#include "cjd/json.hpp"

namespace cjd {

struct SelectionCheck {
  Issues issues;
  // The chosen lines ready for disputeConfirmInfo / create: {lineItemId, quantity, price}, the
  // price taken from CJ's line when the choice did not give one.
  Json product_info_list = Json::array();
};

// `stage_data`: the normalised data of disputeProducts or of disputeConfirmInfo.
// `choice`: {productInfoList: [{lineItemId, quantity, price?}], expectType?, disputeReasonId?}.
// Reports unknown_line, not_choosable, quantity_above_disputable, price_mismatch, and, when the
// stage offers them, expect_type_not_offered and reason_not_offered.
SelectionCheck check_selection(const Json& stage_data, const Json& choice);

// Every product line in the data, whether listed flat or grouped by supplier.
std::vector<const Json*> collect_product_lines(const Json& stage_data);

}  // namespace cjd
