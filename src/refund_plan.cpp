#include "cjd/refund_plan.hpp"

#include <unordered_map>

#include "cjd/json_reader.hpp"
#include "cjd/operation.hpp"
#include "cjd/validate.hpp"

namespace cjd {
namespace {

const FieldSpec kLineItemId{"lineItemId", FieldKind::kId, false, 100};
const FieldSpec kQuantity{"quantity", FieldKind::kInteger, false, 0, 1, kMaxJavaInt};
const FieldSpec kPrice{"price", FieldKind::kMoney, false};

void overflow(Issues& issues, const std::string& field) {
  issues.push_back(Issue{field, "money_range", field + " is too large: the total exceeds 9999999999999999.99."});
}

void add_into(Money& total, const std::optional<Money>& part, const char* name, Issues& issues) {
  if (!part) return;
  auto next = total.plus(*part);
  if (!next) {
    issues.push_back(Issue{name, "money_range", std::string(name) + " is too large to add up."});
    return;
  }
  total = *next;
}

void append_money(const std::optional<Money>& value, std::string& out) {
  if (!value) {
    out += "null";
    return;
  }
  out.push_back('"');
  value->append_to(out);
  out.push_back('"');
}

struct ChosenLine {
  std::optional<std::string> id;  // decoded
  std::optional<std::int64_t> quantity;
  std::optional<Money> price;
};

// The chosen lines; values that do not read are left empty (and reported as missing).
std::optional<std::vector<ChosenLine>> read_lines(std::string_view json, std::string& error) {
  JsonReader reader(json);
  std::vector<ChosenLine> lines;
  if (reader.peek() != JsonKind::kArray) {
    reader.skip_value();
    if (reader.failed() || !reader.at_end()) error = reader.failed() ? reader.error() : "text after the end";
    return std::nullopt;
  }
  Issues ignored;  // a bad value is reported once, as a line without a readable id or quantity
  reader.begin_array();
  while (reader.next_element()) {
    ChosenLine line;
    if (reader.peek() == JsonKind::kObject) {
      reader.begin_object();
      JsonString key;
      while (reader.next_member(key)) {
        if (key.raw == "lineItemId") {
          if (auto id = check_scalar_value(reader, kLineItemId, "lineItemId", ignored)) {
            JsonReader literal(*id);
            JsonString s;
            std::string decoded;
            if (literal.read_string(s)) JsonReader::decode(s, decoded);
            line.id = std::move(decoded);
          }
        } else if (key.raw == "quantity") {
          if (auto digits = check_scalar_value(reader, kQuantity, "quantity", ignored)) line.quantity = std::stoll(*digits);
        } else if (key.raw == "price") {
          if (auto price = check_scalar_value(reader, kPrice, "price", ignored)) {
            auto parsed = Money::parse(*price);
            if (parsed) line.price = *parsed;
          }
        } else {
          reader.skip_value();
        }
      }
    } else {
      reader.skip_value();
    }
    lines.push_back(std::move(line));
  }
  if (reader.failed() || !reader.at_end()) {
    error = reader.failed() ? reader.error() : "text after the end";
    return std::nullopt;
  }
  return lines;
}

}  // namespace

RefundPlan plan_refund(std::string_view confirm_data_json, std::string_view product_info_list_json) {
  RefundPlan plan;
  auto stage = read_stage_data(confirm_data_json);
  if (!stage) {
    plan.issues.push_back(Issue{"", "json", "The confirm data are not valid JSON: " + stage.error() + "."});
    return plan;
  }
  plan.caps = stage->caps;
  plan.issues = stage->issues;
  std::unordered_map<std::string, const OfferedLine*> offered;
  for (const OfferedLine& line : stage->lines) offered[line.line_item_id] = &line;

  std::string error;
  auto chosen_lines = read_lines(product_info_list_json, error);
  if (!chosen_lines) {
    plan.issues.push_back(error.empty() ? Issue{"productInfoList", "type", "productInfoList must be a list of product lines."}
                                        : Issue{"", "json", "The product lines are not valid JSON: " + error + "."});
    return plan;
  }
  bool total_ok = true;
  for (std::size_t i = 0; i < chosen_lines->size(); ++i) {
    const std::string path = "productInfoList[" + std::to_string(i) + "]";
    const ChosenLine& chosen = (*chosen_lines)[i];
    if (!chosen.id || !chosen.quantity) {
      plan.issues.push_back(Issue{path, "type", path + " needs a lineItemId and a quantity of at least 1."});
      continue;
    }
    RefundLine line;
    line.line_item_id = *chosen.id;
    line.quantity = *chosen.quantity;
    auto found = offered.find(line.line_item_id);
    std::optional<Money> unit = found != offered.end() ? found->second->price : std::nullopt;
    if (!unit) unit = chosen.price;
    if (!unit) {
      plan.issues.push_back(Issue{path + ".price", "required", path + ".price is required: CJ gave no unit price for line " + line.line_item_id + "."});
      continue;
    }
    line.unit_price = *unit;
    auto line_total = unit->times(line.quantity);
    if (!line_total) {
      overflow(plan.issues, path + ".quantity");
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

  plan.total = plan.product_total;
  add_into(plan.total, plan.caps.max_postage, "maxPostage", plan.issues);
  add_into(plan.total, plan.caps.max_ioss_tax_amount, "maxIossTaxAmount", plan.issues);
  add_into(plan.total, plan.caps.max_ioss_hand_tax_amount, "maxIossHandTaxAmount", plan.issues);

  if (total_ok && plan.caps.max_product_price && plan.product_total > *plan.caps.max_product_price) {
    plan.issues.push_back(Issue{"productTotal", "above_max_product_price",
                                "The chosen lines are worth " + plan.product_total.to_string() + ", more than the " +
                                    plan.caps.max_product_price->to_string() + " CJ allows for products in this dispute."});
  }
  if (total_ok && plan.caps.max_amount && plan.total > *plan.caps.max_amount) {
    plan.issues.push_back(Issue{"total", "above_max_amount",
                                "The total of " + plan.total.to_string() + " is more than the maximum refund of " +
                                    plan.caps.max_amount->to_string() + "."});
  }
  return plan;
}

RefundPlan plan_refund(const Json& confirm_data, const Json& product_info_list) {
  const std::string data = to_json_text(confirm_data);
  const std::string lines = to_json_text(product_info_list);
  return plan_refund(std::string_view(data), std::string_view(lines));
}

std::string refund_plan_to_json(const RefundPlan& plan) {
  std::string out = "{\"lines\":[";
  for (std::size_t i = 0; i < plan.lines.size(); ++i) {
    const RefundLine& line = plan.lines[i];
    if (i > 0) out.push_back(',');
    out += "{\"lineItemId\":";
    write_json_string(line.line_item_id, out);
    out += ",\"unitPrice\":";
    append_money(line.unit_price, out);
    out += ",\"quantity\":";
    out += std::to_string(line.quantity);
    out += ",\"lineTotal\":";
    append_money(line.line_total, out);
    out.push_back('}');
  }
  out += "],\"productTotal\":";
  append_money(plan.product_total, out);
  out += ",\"maxProductPrice\":";
  append_money(plan.caps.max_product_price, out);
  out += ",\"maxPostage\":";
  append_money(plan.caps.max_postage, out);
  out += ",\"maxIossTaxAmount\":";
  append_money(plan.caps.max_ioss_tax_amount, out);
  out += ",\"maxIossHandTaxAmount\":";
  append_money(plan.caps.max_ioss_hand_tax_amount, out);
  out += ",\"maxAmount\":";
  append_money(plan.caps.max_amount, out);
  out += ",\"total\":";
  append_money(plan.total, out);
  out += ",\"issues\":";
  append_issues_json(plan.issues, out);
  out.push_back('}');
  return out;
}

RefundDetailsCheck check_refund_details(std::string_view detail_json) {
  RefundDetailsCheck check;
  auto figures = read_refund_figures(detail_json);
  if (!figures) {
    check.consistent = false;
    check.issues.push_back(Issue{"", "json", "The dispute detail is not valid JSON: " + figures.error() + "."});
    return check;
  }
  const auto& refund_amount = figures->refund_amount;
  const auto& money = figures->money;
  check.refund_amount = refund_amount ? refund_amount : money;
  if (refund_amount && money && *refund_amount != *money) {
    check.consistent = false;
    check.issues.push_back(Issue{"money", "refund_amount_mismatch",
                                 "CJ reports two different refunds: money " + money->to_string() + " and refundAmount " +
                                     refund_amount->to_string() + "."});
  }
  if (figures->detail_amounts.empty()) return check;
  check.has_details = true;
  for (std::size_t i = 0; i < figures->detail_amounts.size(); ++i) {
    // A missing amount adds nothing; the totals then disagree and say so.
    add_into(check.details_total, figures->detail_amounts[i], "refundDetails", check.issues);
  }
  if (check.refund_amount && check.details_total != *check.refund_amount) {
    check.consistent = false;
    check.issues.push_back(Issue{"refundDetails", "refund_details_mismatch",
                                 "The refund details add up to " + check.details_total.to_string() + " but the refund is " +
                                     check.refund_amount->to_string() + "."});
  }
  return check;
}

RefundDetailsCheck check_refund_details(const Json& detail_data) {
  const std::string text = to_json_text(detail_data);
  return check_refund_details(std::string_view(text));
}

std::string refund_details_check_to_json(const RefundDetailsCheck& check) {
  std::string out = "{\"refundAmount\":";
  append_money(check.refund_amount, out);
  out += ",\"detailsTotal\":";
  append_money(check.has_details ? std::optional<Money>(check.details_total) : std::nullopt, out);
  out += ",\"hasDetails\":";
  out += check.has_details ? "true" : "false";
  out += ",\"consistent\":";
  out += check.consistent ? "true" : "false";
  out += ",\"issues\":";
  append_issues_json(check.issues, out);
  out.push_back('}');
  return out;
}

}  // namespace cjd
