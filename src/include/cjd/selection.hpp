#pragma once
// Checks of the merchant's choice against what CJ offered, for the three-step flow:
// disputeProducts -> (choose lines) -> disputeConfirmInfo -> (choose reason, expected result) -> create.
#include <string>
#include <string_view>

#include "cjd/expected.hpp"
#include "cjd/issues.hpp"
#include "cjd/json.hpp"

namespace cjd {

struct SelectionCheck {
  Issues issues;
  // The chosen lines ready for disputeConfirmInfo / create, as JSON text:
  // [{lineItemId, quantity, price}], the price taken from CJ's line when the choice gave none.
  std::string product_info_list = "[]";
};

// `stage_data_json`: the data of disputeProducts or of disputeConfirmInfo (normalised or raw).
// `choice_json`: {productInfoList: [{lineItemId, quantity, price?}], expectType?, disputeReasonId?}.
// Reports unknown_line, not_choosable, quantity_above_disputable, price_mismatch, duplicate,
// and, when the stage offers them, expect_type_not_offered and reason_not_offered. Text that is
// not JSON gives a `json` issue.
SelectionCheck check_selection(std::string_view stage_data_json, std::string_view choice_json);

// The same on DOMs.
SelectionCheck check_selection(const Json& stage_data, const Json& choice);

}  // namespace cjd
