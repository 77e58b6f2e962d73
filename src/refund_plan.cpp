#include "cjd/refund_plan.hpp"

#include <unordered_map>

#include "cjd/selection.hpp"

namespace cjd {
namespace {

const Json* member(const Json& object, const char* key) {
  if (!object.is_object()) return nullptr;
  auto found = object.find(key);
  return (found == object.end() || found->is_null()) ? nullptr : &*found;
}

// Reads an amount member (a normalised "12.50" string, or a raw number/string).
std::optional<Money> amount(const Json& object, const char* key, const std::string& path, Issues& issues) {
  const Json* value = member(object, key);
  if (value == nullptr) return std::nullopt;
  std::string text;
  if (value->is_string()) {
    text = value->get<std::string>();
  } else if (auto number = number_as_text(*value)) {
    text = *number;
  }
  auto parsed = Money::parse(text, SignPolicy::kAllowNegative);
  if (!parsed) {
    issues.push_back(Issue{path + key, std::string(money_error_rule(parsed.error())),
                           path + key + " " + std::string(money_error_text(parsed.error())) + "."});
    return std::nullopt;
  }
  return *parsed;
}

void add_into(std::optional<Money>& total, std::optional<Money> part, const char* name, Issues& issues) {
  if (!part) return;
  auto next = total.value_or(Money()).plus(*part);
  if (!next) {
    issues.push_back(Issue{name, "money_range", std::string(name) + " is too large to add up."});
    return;
  }
  total = *next;
}

void overflow(Issues& issues, const std::string& field) {
  issues.push_back(Issue{field, "money_range", field + " is too large: the total exceeds 9999999999999999.99."});
}

Json optional_money(const std::optional<Money>& value) { return value ? Json(value->to_string()) : Json(nullptr); }

RefundCaps read_caps(const Json& confirm_data, Issues& issues) {
  RefundCaps caps;
  const struct {
    const char* key;
    std::optional<Money> RefundCaps::*slot;
  } fields[] = {{"maxProductPrice", &RefundCaps::max_product_price},
                {"maxPostage", &RefundCaps::max_postage},
                {"maxIossTaxAmount", &RefundCaps::max_ioss_tax_amount},
                {"maxIossHandTaxAmount", &RefundCaps::max_ioss_hand_tax_amount},
                {"maxAmount", &RefundCaps::max_amount}};
  // Caps at the top of data win; otherwise the per-supplier groups' caps are added up.
  for (const auto& field : fields) {
    caps.*field.slot = amount(confirm_data, field.key, "data.", issues);
    if (caps.*field.slot) continue;
    const Json* groups = member(confirm_data, "productInfoList");
    if (groups == nullptr || !groups->is_array()) continue;
    for (std::size_t i = 0; i < groups->size(); ++i) {
      const std::string path = "data.productInfoList[" + std::to_string(i) + "].";
      add_into(caps.*field.slot, amount((*groups)[i], field.key, path, issues), field.key, issues);
    }
  }
  return caps;
}

}  // namespace

RefundPlan plan_refund(const Json& confirm_data, const Json& product_info_list) {
  RefundPlan plan;
  plan.caps = read_caps(confirm_data, plan.issues);

  std::unordered_map<std::string, const Json*> offered;
  for (const Json* line : collect_product_lines(confirm_data)) {
    const Json* id = member(*line, "lineItemId");
    if (id != nullptr && id->is_string()) offered[id->get<std::string>()] = line;
  }

  if (!product_info_list.is_array()) {
    plan.issues.push_back(Issue{"productInfoList", "type", "productInfoList must be a list of product lines."});
    return plan;
  }
  bool total_ok = true;
  for (std::size_t i = 0; i < product_info_list.size(); ++i) {
    const std::string path = "productInfoList[" + std::to_string(i) + "].";
    const Json& chosen = product_info_list[i];
    const Json* id = member(chosen, "lineItemId");
    const Json* quantity = member(chosen, "quantity");
    if (id == nullptr || !id->is_string() || quantity == nullptr || !quantity->is_number_integer() ||
        quantity->get<std::int64_t>() < 1) {
      plan.issues.push_back(Issue{path.substr(0, path.size() - 1), "type",
                                  path.substr(0, path.size() - 1) + " needs a lineItemId and a quantity of at least 1."});
      continue;
    }
    RefundLine line;
    line.line_item_id = id->get<std::string>();
    line.quantity = quantity->get<std::int64_t>();
    auto found = offered.find(line.line_item_id);
    std::optional<Money> unit = found != offered.end() ? amount(*found->second, "price", path, plan.issues) : std::nullopt;
    if (!unit) unit = amount(chosen, "price", path, plan.issues);
    if (!unit) {
      plan.issues.push_back(Issue{path + "price", "required", path + "price is required: CJ gave no unit price for line " +
                                                                  line.line_item_id + "."});
      continue;
    }
    line.unit_price = *unit;
    auto line_total = unit->times(line.quantity);
    if (!line_total) {
      overflow(plan.issues, path + "quantity");
      total_ok = false;
      continue;
    }
    line.line_total = *line_total;
    auto next = plan.product_total.plus(line.line_total);
    if (!next) {
      overflow(plan.issues, "productTotal");
      total_ok = false;
    } else {
      plan.product_total = *next;
    }
    plan.lines.push_back(std::move(line));
  }

  std::optional<Money> total = plan.product_total;
  add_into(total, plan.caps.max_postage, "maxPostage", plan.issues);
  add_into(total, plan.caps.max_ioss_tax_amount, "maxIossTaxAmount", plan.issues);
  add_into(total, plan.caps.max_ioss_hand_tax_amount, "maxIossHandTaxAmount", plan.issues);
  plan.total = total.value_or(Money());

  if (total_ok && plan.caps.max_product_price && plan.product_total > *plan.caps.max_product_price) {
    plan.issues.push_back(Issue{"productTotal", "above_max_product_price",
                                "The chosen lines are worth " + plan.product_total.to_string() +
                                    ", more than the " + plan.caps.max_product_price->to_string() +
                                    " CJ allows for products in this dispute."});
  }
  if (total_ok && plan.caps.max_amount && plan.total > *plan.caps.max_amount) {
    plan.issues.push_back(Issue{"total", "above_max_amount",
                                "The total of " + plan.total.to_string() + " is more than the maximum refund of " +
                                    plan.caps.max_amount->to_string() + "."});
  }
  return plan;
}

Json refund_plan_to_json(const RefundPlan& plan) {
  Json lines = Json::array();
  for (const auto& line : plan.lines) {
    lines.push_back(Json{{"lineItemId", line.line_item_id},
                         {"unitPrice", line.unit_price.to_string()},
                         {"quantity", line.quantity},
                         {"lineTotal", line.line_total.to_string()}});
  }
  Json out = Json::object();
  out["lines"] = std::move(lines);
  out["productTotal"] = plan.product_total.to_string();
  out["maxProductPrice"] = optional_money(plan.caps.max_product_price);
  out["maxPostage"] = optional_money(plan.caps.max_postage);
  out["maxIossTaxAmount"] = optional_money(plan.caps.max_ioss_tax_amount);
  out["maxIossHandTaxAmount"] = optional_money(plan.caps.max_ioss_hand_tax_amount);
  out["maxAmount"] = optional_money(plan.caps.max_amount);
  out["total"] = plan.total.to_string();
  out["issues"] = issues_to_json(plan.issues);
  return out;
}

RefundDetailsCheck check_refund_details(const Json& detail_data) {
  RefundDetailsCheck check;
  const auto refund_amount = amount(detail_data, "refundAmount", "data.", check.issues);
  const auto money = amount(detail_data, "money", "data.", check.issues);
  check.refund_amount = refund_amount ? refund_amount : money;
  if (refund_amount && money && *refund_amount != *money) {
    check.consistent = false;
    check.issues.push_back(Issue{"money", "refund_amount_mismatch",
                                 "CJ reports two different refunds: money " + money->to_string() + " and refundAmount " +
                                     refund_amount->to_string() + "."});
  }
  const Json* details = member(detail_data, "refundDetails");
  if (details == nullptr || !details->is_array() || details->empty()) return check;
  check.has_details = true;
  std::optional<Money> total = Money();
  for (std::size_t i = 0; i < details->size(); ++i) {
    const std::string path = "refundDetails[" + std::to_string(i) + "].";
    add_into(total, amount((*details)[i], "amount", path, check.issues), "refundDetails", check.issues);
  }
  check.details_total = total.value_or(Money());
  if (check.refund_amount && check.details_total != *check.refund_amount) {
    check.consistent = false;
    check.issues.push_back(Issue{"refundDetails", "refund_details_mismatch",
                                 "The refund details add up to " + check.details_total.to_string() +
                                     " but the refund is " + check.refund_amount->to_string() + "."});
  }
  return check;
}

Json refund_details_check_to_json(const RefundDetailsCheck& check) {
  Json out = Json::object();
  out["refundAmount"] = optional_money(check.refund_amount);
  out["detailsTotal"] = check.has_details ? Json(check.details_total.to_string()) : Json(nullptr);
  out["hasDetails"] = check.has_details;
  out["consistent"] = check.consistent;
  out["issues"] = issues_to_json(check.issues);
  return out;
}

}  // namespace cjd
