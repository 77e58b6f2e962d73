#pragma once
// What the dispute flow needs from CJ's answers, read by streaming their JSON text (normalised
// by the core, or raw: amounts as numbers or strings, booleans as "true"/"false"): the offered
// lines, the expected results and reasons on offer, the refund caps, and a dispute's refund
// figures. Unknown fields are skipped.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cjd/expected.hpp"
#include "cjd/issues.hpp"
#include "cjd/money.hpp"

namespace cjd {

struct OfferedLine {
  std::string line_item_id;
  std::optional<bool> can_choose;
  std::optional<std::int64_t> quantity;  // what can still be disputed
  std::optional<Money> price;            // unit price
};

struct RefundCaps {  // from disputeConfirmInfo
  std::optional<Money> max_product_price;
  std::optional<Money> max_postage;
  std::optional<Money> max_ioss_tax_amount;
  std::optional<Money> max_ioss_hand_tax_amount;
  std::optional<Money> max_amount;
};

struct StageData {
  std::vector<OfferedLine> lines;              // flat, or gathered from the supplier groups
  std::optional<std::vector<std::int64_t>> expect_options;  // present when the data lists them
  std::optional<std::vector<std::int64_t>> reason_ids;
  RefundCaps caps;  // the top-level caps; where absent, the supplier groups' caps added up
  Issues issues;    // caps that could not be read or added up
};

// Reads disputeProducts or disputeConfirmInfo data. Text that is JSON but not an object gives
// empty data; text that is not JSON gives the reader's error.
Expected<StageData, std::string> read_stage_data(std::string_view json);

struct RefundFigures {  // from a dispute detail (or one list item)
  std::optional<Money> refund_amount;
  std::optional<Money> money;
  std::vector<std::optional<Money>> detail_amounts;  // refundDetails[].amount, nullopt when unreadable
};

Expected<RefundFigures, std::string> read_refund_figures(std::string_view json);

}  // namespace cjd
