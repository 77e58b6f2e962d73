#include "cjd/selection.hpp"

#include <set>
#include <unordered_map>

#include "cjd/money.hpp"
#include "cjd/operation.hpp"
#include "cjd/validate.hpp"

namespace cjd {
namespace {

const FieldSpec kLineItemId{"lineItemId", FieldKind::kId, true, 100};
const FieldSpec kQuantity{"quantity", FieldKind::kInteger, true, 0, 1, kMaxJavaInt};
const FieldSpec kPrice{"price", FieldKind::kMoney, false};
const FieldSpec kExpectType{"expectType", FieldKind::kChoice, false, 0, 1, 2, "1 (refund) or 2 (reissue)"};
const FieldSpec kReasonId{"disputeReasonId", FieldKind::kInteger, false, 0, 1, kMaxJavaInt};

void add(Issues& issues, std::string field, const char* rule, std::string message) {
  issues.push_back(Issue{std::move(field), rule, std::move(message)});
}

std::string text_of(const Json& value) {
  if (value.is_string()) return value.get<std::string>();
  return to_json_text(value);
}

std::optional<Money> money_of(const Json& line) {
  auto price = line.find("price");
  if (price == line.end() || !price->is_string()) return std::nullopt;
  auto parsed = Money::parse(price->get<std::string>(), SignPolicy::kAllowNegative);
  return parsed ? std::optional<Money>(*parsed) : std::nullopt;
}

const Json* field_of(const Json& object, const char* key) {
  if (!object.is_object()) return nullptr;
  auto found = object.find(key);
  return found == object.end() ? nullptr : &*found;
}

// A present, non-null member checked against `spec`; nullopt when absent or invalid.
std::optional<Json> checked(const Json& object, const FieldSpec& spec, const std::string& path, Issues& issues) {
  const Json* value = field_of(object, std::string(spec.name).c_str());
  if (value == nullptr || value->is_null()) {
    if (spec.required) add(issues, path, "required", path + " is required.");
    return std::nullopt;
  }
  return check_field_value(spec, *value, path, issues);
}

void check_lines(const Json& stage_data, const Json& chosen, SelectionCheck& result) {
  std::unordered_map<std::string, const Json*> offered;
  for (const Json* line : collect_product_lines(stage_data)) {
    if (const Json* id = field_of(*line, "lineItemId"); id != nullptr && id->is_string()) offered[id->get<std::string>()] = line;
  }
  std::set<std::string> seen;
  for (std::size_t i = 0; i < chosen.size(); ++i) {
    const std::string path = "productInfoList[" + std::to_string(i) + "]";
    const Json& entry = chosen[i];
    if (!entry.is_object()) {
      add(result.issues, path, "type", path + " must be an object with lineItemId and quantity.");
      continue;
    }
    auto line_id = checked(entry, kLineItemId, path + ".lineItemId", result.issues);
    auto quantity = checked(entry, kQuantity, path + ".quantity", result.issues);
    auto price = checked(entry, kPrice, path + ".price", result.issues);
    if (!line_id) continue;
    const std::string id = line_id->get<std::string>();
    if (!seen.insert(id).second) {
      add(result.issues, path + ".lineItemId", "duplicate", path + ".lineItemId repeats line " + id + "; list each line once.");
      continue;
    }
    auto found = offered.find(id);
    if (found == offered.end()) {
      add(result.issues, path + ".lineItemId", "unknown_line", "Line " + id + " is not one CJ offered for this dispute.");
      continue;
    }
    const Json& line = *found->second;
    if (const Json* can = field_of(line, "canChoose"); can != nullptr && can->is_boolean() && !can->get<bool>()) {
      add(result.issues, path + ".lineItemId", "not_choosable",
          "Line " + id + " cannot be disputed now (it usually has an unfinished dispute already).");
      continue;
    }
    if (const Json* left = field_of(line, "quantity"); quantity && left != nullptr && left->is_number_integer()) {
      const auto wanted = quantity->get<std::int64_t>();
      const auto available = left->get<std::int64_t>();
      if (wanted > available) {
        add(result.issues, path + ".quantity", "quantity_above_disputable",
            path + ".quantity is " + std::to_string(wanted) + " but only " + std::to_string(available) + " of line " + id +
                " can still be disputed.");
        quantity.reset();
      }
    }
    const auto unit_price = money_of(line);
    if (price && unit_price && number_text(*price) != unit_price->to_string()) {
      add(result.issues, path + ".price", "price_mismatch",
          path + ".price is " + std::string(number_text(*price)) + " but line " + id + " has a unit price of " +
              unit_price->to_string() + ".");
      continue;
    }
    if (!quantity) continue;
    Json clean = Json::object();
    clean["lineItemId"] = id;
    clean["quantity"] = *quantity;
    if (price) {
      clean["price"] = *price;
    } else if (unit_price) {
      clean["price"] = make_number_text(unit_price->to_string());
    } else {
      add(result.issues, path + ".price", "required", path + ".price is required: CJ gave no unit price for line " + id + ".");
      continue;
    }
    result.product_info_list.push_back(std::move(clean));
  }
}

void check_expect_type(const Json& stage_data, const Json& choice, Issues& issues) {
  auto expect_type = checked(choice, kExpectType, "expectType", issues);
  const Json* offered = field_of(stage_data, "expectResultOptionList");
  if (!expect_type || offered == nullptr || !offered->is_array()) return;
  for (const Json& option : *offered) {
    if (option.is_number_integer() && option.get<std::int64_t>() == expect_type->get<std::int64_t>()) return;
  }
  add(issues, "expectType", "expect_type_not_offered",
      std::string("CJ does not offer ") + (expect_type->get<std::int64_t>() == 1 ? "a refund" : "a reissue") +
          " (expectType " + text_of(*expect_type) + ") for this dispute.");
}

void check_reason(const Json& stage_data, const Json& choice, Issues& issues) {
  auto reason = checked(choice, kReasonId, "disputeReasonId", issues);
  const Json* offered = field_of(stage_data, "disputeReasonList");
  if (!reason || offered == nullptr || !offered->is_array()) return;
  for (const Json& entry : *offered) {
    const Json* id = field_of(entry, "disputeReasonId");
    if (id != nullptr && id->is_number_integer() && id->get<std::int64_t>() == reason->get<std::int64_t>()) return;
  }
  add(issues, "disputeReasonId", "reason_not_offered",
      "disputeReasonId " + text_of(*reason) + " is not one of the reasons CJ offered for this dispute.");
}

}  // namespace

std::vector<const Json*> collect_product_lines(const Json& stage_data) {
  std::vector<const Json*> lines;
  const Json* list = field_of(stage_data, "productInfoList");
  if (list == nullptr || !list->is_array()) return lines;
  for (const Json& entry : *list) {
    const Json* nested = field_of(entry, "productInfoList");
    if (nested != nullptr && nested->is_array()) {
      for (const Json& line : *nested) {
        if (line.is_object()) lines.push_back(&line);
      }
    } else if (entry.is_object()) {
      lines.push_back(&entry);
    }
  }
  return lines;
}

SelectionCheck check_selection(const Json& stage_data, const Json& choice) {
  SelectionCheck result;
  if (!choice.is_object()) {
    add(result.issues, "", "type", "The choice must be an object with productInfoList.");
    return result;
  }
  const Json* chosen = field_of(choice, "productInfoList");
  if (chosen == nullptr || chosen->is_null()) {
    add(result.issues, "productInfoList", "required", "productInfoList is required: choose at least one line.");
  } else if (!chosen->is_array()) {
    add(result.issues, "productInfoList", "type", "productInfoList must be a list of product lines.");
  } else if (chosen->empty()) {
    add(result.issues, "productInfoList", "min_items", "productInfoList must list at least one product line.");
  } else {
    check_lines(stage_data, *chosen, result);
  }
  check_expect_type(stage_data, choice, result.issues);
  check_reason(stage_data, choice, result.issues);
  return result;
}

}  // namespace cjd
