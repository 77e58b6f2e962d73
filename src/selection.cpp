#include "cjd/selection.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "cjd/json_reader.hpp"
#include "cjd/operation.hpp"
#include "cjd/stage_data.hpp"
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

// A clean id is a JSON string literal; its decoded text names the line.
std::string decoded_id(const std::string& clean) {
  JsonReader reader(clean);
  JsonString s;
  std::string out;
  if (reader.read_string(s)) JsonReader::decode(s, out);
  return out;
}

std::int64_t integer_of(const std::string& digits) {
  std::int64_t value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

bool offers(const std::vector<std::int64_t>& list, std::int64_t wanted) {
  return std::find(list.begin(), list.end(), wanted) != list.end();
}

struct ChosenLine {
  std::optional<std::string> id;        // clean (quoted) lineItemId
  std::optional<std::string> quantity;  // digits
  std::optional<std::string> price;     // 12.50
  bool object = true;
};

struct Choice {
  bool is_object = false;
  bool has_lines = false;       // productInfoList present and not null
  bool lines_is_array = false;
  std::vector<ChosenLine> lines;
  std::optional<std::string> expect_type;
  std::optional<std::string> reason_id;
};

// Reads the choice, checking each known value as it streams.
Choice read_choice(JsonReader& reader, Issues& issues) {
  Choice choice;
  if (reader.peek() != JsonKind::kObject) {
    reader.skip_value();
    return choice;
  }
  choice.is_object = true;
  reader.begin_object();
  JsonString key;
  while (reader.next_member(key)) {
    if (key.raw == "productInfoList") {
      const JsonKind kind = reader.peek();
      choice.has_lines = kind != JsonKind::kNull;
      choice.lines_is_array = kind == JsonKind::kArray;
      choice.lines.clear();
      if (!choice.lines_is_array) {
        reader.skip_value();
        continue;
      }
      reader.begin_array();
      std::size_t index = 0;
      while (reader.next_element()) {
        const std::string path = "productInfoList[" + std::to_string(index++) + "]";
        ChosenLine line;
        if (reader.peek() != JsonKind::kObject) {
          line.object = false;
          reader.skip_value();
          choice.lines.push_back(std::move(line));
          continue;
        }
        bool seen_id = false;
        bool seen_quantity = false;
        reader.begin_object();
        JsonString field;
        while (reader.next_member(field)) {
          if (field.raw == "lineItemId") {
            seen_id = true;
            line.id = check_scalar_value(reader, kLineItemId, path + ".lineItemId", issues);
          } else if (field.raw == "quantity") {
            seen_quantity = true;
            line.quantity = check_scalar_value(reader, kQuantity, path + ".quantity", issues);
          } else if (field.raw == "price") {
            line.price = check_scalar_value(reader, kPrice, path + ".price", issues);
          } else {
            reader.skip_value();
          }
        }
        if (!seen_id) add(issues, path + ".lineItemId", "required", path + ".lineItemId is required.");
        if (!seen_quantity) add(issues, path + ".quantity", "required", path + ".quantity is required.");
        choice.lines.push_back(std::move(line));
      }
    } else if (key.raw == "expectType") {
      choice.expect_type = check_scalar_value(reader, kExpectType, "expectType", issues);
    } else if (key.raw == "disputeReasonId") {
      choice.reason_id = check_scalar_value(reader, kReasonId, "disputeReasonId", issues);
    } else {
      reader.skip_value();
    }
  }
  return choice;
}

void check_lines(const StageData& stage, const Choice& choice, Issues& issues, std::string& out) {
  std::unordered_map<std::string, const OfferedLine*> offered;
  for (const OfferedLine& line : stage.lines) offered[line.line_item_id] = &line;
  std::unordered_set<std::string> seen;
  out = "[";
  for (std::size_t i = 0; i < choice.lines.size(); ++i) {
    const std::string path = "productInfoList[" + std::to_string(i) + "]";
    const ChosenLine& chosen = choice.lines[i];
    if (!chosen.object) {
      add(issues, path, "type", path + " must be an object with lineItemId and quantity.");
      continue;
    }
    if (!chosen.id) continue;
    const std::string id = decoded_id(*chosen.id);
    if (!seen.insert(id).second) {
      add(issues, path + ".lineItemId", "duplicate", path + ".lineItemId repeats line " + id + "; list each line once.");
      continue;
    }
    auto found = offered.find(id);
    if (found == offered.end()) {
      add(issues, path + ".lineItemId", "unknown_line", "Line " + id + " is not one CJ offered for this dispute.");
      continue;
    }
    const OfferedLine& line = *found->second;
    if (line.can_choose && !*line.can_choose) {
      add(issues, path + ".lineItemId", "not_choosable", "Line " + id + " cannot be disputed now (it usually has an unfinished dispute already).");
      continue;
    }
    std::optional<std::string> quantity = chosen.quantity;
    if (quantity && line.quantity && integer_of(*quantity) > *line.quantity) {
      add(issues, path + ".quantity", "quantity_above_disputable",
          path + ".quantity is " + *quantity + " but only " + std::to_string(*line.quantity) + " of line " + id + " can still be disputed.");
      quantity.reset();
    }
    if (chosen.price && line.price && *chosen.price != line.price->to_string()) {
      add(issues, path + ".price", "price_mismatch",
          path + ".price is " + *chosen.price + " but line " + id + " has a unit price of " + line.price->to_string() + ".");
      continue;
    }
    if (!quantity) continue;
    if (!chosen.price && !line.price) {
      add(issues, path + ".price", "required", path + ".price is required: CJ gave no unit price for line " + id + ".");
      continue;
    }
    if (out.size() > 1) out.push_back(',');
    out += "{\"lineItemId\":";
    out += *chosen.id;
    out += ",\"quantity\":";
    out += *quantity;
    out += ",\"price\":";
    out += chosen.price ? *chosen.price : line.price->to_string();
    out.push_back('}');
  }
  out.push_back(']');
}

}  // namespace

SelectionCheck check_selection(std::string_view stage_data_json, std::string_view choice_json) {
  SelectionCheck result;
  auto stage = read_stage_data(stage_data_json);
  if (!stage) {
    add(result.issues, "", "json", "The dispute data are not valid JSON: " + stage.error() + ".");
    return result;
  }
  JsonReader reader(choice_json);
  Issues value_issues;
  const Choice choice = read_choice(reader, value_issues);
  if (reader.failed() || !reader.at_end()) {
    add(result.issues, "", "json", "The choice is not valid JSON: " + (reader.failed() ? reader.error() : std::string("text after the end")) + ".");
    return result;
  }
  if (!choice.is_object) {
    add(result.issues, "", "type", "The choice must be an object with productInfoList.");
    return result;
  }
  // Line value issues come first, in line order, then the checks against CJ's offer.
  Issues line_issues;
  Issues other_issues;
  for (Issue& issue : value_issues) (issue.field.rfind("productInfoList", 0) == 0 ? line_issues : other_issues).push_back(std::move(issue));
  if (!choice.has_lines) {
    add(result.issues, "productInfoList", "required", "productInfoList is required: choose at least one line.");
  } else if (!choice.lines_is_array) {
    add(result.issues, "productInfoList", "type", "productInfoList must be a list of product lines.");
  } else if (choice.lines.empty()) {
    add(result.issues, "productInfoList", "min_items", "productInfoList must list at least one product line.");
  } else {
    Issues offer_issues;
    check_lines(*stage, choice, offer_issues, result.product_info_list);
    result.issues.insert(result.issues.end(), line_issues.begin(), line_issues.end());
    result.issues.insert(result.issues.end(), offer_issues.begin(), offer_issues.end());
  }
  result.issues.insert(result.issues.end(), other_issues.begin(), other_issues.end());
  if (choice.expect_type && stage->expect_options) {
    const std::int64_t wanted = integer_of(*choice.expect_type);
    if (!offers(*stage->expect_options, wanted)) {
      add(result.issues, "expectType", "expect_type_not_offered",
          std::string("CJ does not offer ") + (wanted == 1 ? "a refund" : "a reissue") + " (expectType " + *choice.expect_type + ") for this dispute.");
    }
  }
  if (choice.reason_id && stage->reason_ids) {
    if (!offers(*stage->reason_ids, integer_of(*choice.reason_id))) {
      add(result.issues, "disputeReasonId", "reason_not_offered",
          "disputeReasonId " + *choice.reason_id + " is not one of the reasons CJ offered for this dispute.");
    }
  }
  return result;
}

SelectionCheck check_selection(const Json& stage_data, const Json& choice) {
  const std::string data = to_json_text(stage_data);
  const std::string chosen = to_json_text(choice);
  return check_selection(std::string_view(data), std::string_view(chosen));
}

}  // namespace cjd
