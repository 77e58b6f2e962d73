#include "cjd/validate.hpp"

#include <set>

#include "cjd/money.hpp"
#include "cjd/text.hpp"

namespace cjd {
namespace {

constexpr std::int64_t kMaxSafeJsInteger = 9007199254740991;  // 2^53 - 1

void report(Issues& issues, const std::string& path, std::string_view rule, std::string message) {
  issues.push_back(Issue{path, std::string(rule), std::move(message)});
}

std::string label(const std::string& path) { return path.empty() ? std::string("The input") : path; }

// Parses at most 18 digits (no overflow possible); longer texts are "too large".
std::optional<std::int64_t> small_integer(const std::string& digits) {
  if (digits.size() > 18) return std::nullopt;
  std::int64_t value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

std::optional<Json> check_text(const FieldSpec& spec, const Json& value, const std::string& path, Issues& issues) {
  if (!value.is_string()) {
    report(issues, path, "type", path + " must be text.");
    return std::nullopt;
  }
  const auto& text = value.get_ref<const std::string&>();
  if (spec.required && is_blank(text)) {
    report(issues, path, "required", path + " is required and cannot be blank.");
    return std::nullopt;
  }
  const std::size_t length = utf16_length(text);
  if (length > spec.max_length) {
    report(issues, path, "max_length",
           path + " must be at most " + std::to_string(spec.max_length) + " characters long (it is " +
               std::to_string(length) + ").");
    return std::nullopt;
  }
  return value;
}

std::optional<Json> check_id(const FieldSpec& spec, const Json& value, const std::string& path, Issues& issues) {
  if (value.is_string()) return check_text(spec, value, path, issues);
  if (value.is_number_integer()) {
    const bool negative = value.is_number_integer() && !value.is_number_unsigned() && value.get<std::int64_t>() < 0;
    if (negative) {
      report(issues, path, "type", path + " must be an id, given as text.");
      return std::nullopt;
    }
    const auto number = value.get<std::uint64_t>();
    if (number > static_cast<std::uint64_t>(kMaxSafeJsInteger)) {
      report(issues, path, "unsafe_integer",
             path + " is a number too large to be exact in JavaScript; pass the id as a string.");
      return std::nullopt;
    }
    return Json(std::to_string(number));
  }
  if (is_number_text(value)) {
    report(issues, path, "unsafe_integer",
           path + " is a number that cannot be an exact id; pass the id as a string.");
    return std::nullopt;
  }
  report(issues, path, "type", path + " must be an id, given as text.");
  return std::nullopt;
}

std::string choice_message(const FieldSpec& spec, const std::string& path) {
  return path + " must be " + std::string(spec.choices_text) + ".";
}

std::string range_message(const FieldSpec& spec, const std::string& path) {
  if (spec.max >= kMaxJavaInt) return path + " must be a whole number of at least " + std::to_string(spec.min) +
                                       " and at most " + std::to_string(spec.max) + ".";
  return path + " must be a whole number from " + std::to_string(spec.min) + " to " + std::to_string(spec.max) + ".";
}

std::optional<Json> check_integer(const FieldSpec& spec, const Json& value, const std::string& path, Issues& issues) {
  const bool is_choice = spec.kind == FieldKind::kChoice;
  const std::string_view bad_rule = is_choice ? "enum" : "type";
  const auto digits = whole_number_text(value, /*allow_digit_string=*/true);
  if (!digits) {
    const bool negative_integer = value.is_number_integer() && !value.is_number_unsigned();
    if (negative_integer && !is_choice) {
      report(issues, path, "range", range_message(spec, path));
    } else {
      report(issues, path, bad_rule, is_choice ? choice_message(spec, path) : path + " must be a whole number.");
    }
    return std::nullopt;
  }
  const auto number = small_integer(*digits);
  if (!number || *number < spec.min || *number > spec.max) {
    report(issues, path, is_choice ? "enum" : "range", is_choice ? choice_message(spec, path) : range_message(spec, path));
    return std::nullopt;
  }
  return Json(*number);
}

std::optional<Json> check_money(const Json& value, const std::string& path, Issues& issues) {
  std::string text;
  if (value.is_string()) {
    text = value.get<std::string>();
  } else if (auto number = number_as_text(value)) {
    text = std::move(*number);
  } else {
    report(issues, path, "type", path + " must be an amount in US dollars such as 12.50 (a number or a string).");
    return std::nullopt;
  }
  auto money = Money::parse(text, SignPolicy::kNonNegative);
  if (!money) {
    report(issues, path, money_error_rule(money.error()), path + " " + std::string(money_error_text(money.error())) + ".");
    return std::nullopt;
  }
  return make_number_text(money->to_string());
}

std::optional<Json> check_url_list(const FieldSpec& spec, const Json& value, const std::string& path, Issues& issues) {
  if (!value.is_array()) {
    report(issues, path, "type", path + " must be a list of web addresses.");
    return std::nullopt;
  }
  Json clean = Json::array();
  bool ok = true;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const std::string item_path = path + "[" + std::to_string(i) + "]";
    const Json& item = value[i];
    if (!item.is_string()) {
      report(issues, item_path, "type", item_path + " must be a web address (text).");
      ok = false;
      continue;
    }
    const auto& url = item.get_ref<const std::string&>();
    const std::size_t length = utf16_length(url);
    if (length > spec.max_length) {
      report(issues, item_path, "max_length",
             item_path + " must be at most " + std::to_string(spec.max_length) + " characters long (it is " +
                 std::to_string(length) + ").");
      ok = false;
    } else if (!is_http_url(url)) {
      report(issues, item_path, "url", item_path + " must be a full web address starting with http:// or https://.");
      ok = false;
    } else {
      clean.push_back(item);
    }
  }
  if (!ok) return std::nullopt;
  return clean;
}

std::optional<Json> check_product_lines(const Json& value, const std::string& path, Issues& issues) {
  if (!value.is_array()) {
    report(issues, path, "type", path + " must be a list of product lines.");
    return std::nullopt;
  }
  if (value.empty()) {
    report(issues, path, "min_items", path + " must list at least one product line.");
    return std::nullopt;
  }
  const std::size_t issues_before = issues.size();
  Json clean = Json::array();
  std::set<std::string> seen;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const std::string item_path = path + "[" + std::to_string(i) + "]";
    const Json& line = value[i];
    if (!line.is_object()) {
      report(issues, item_path, "type", item_path + " must be an object with lineItemId, quantity and price.");
      continue;
    }
    Json clean_line = check_object(product_line_fields(), line, item_path + ".", "a product line", issues);
    auto line_id = clean_line.find("lineItemId");
    if (line_id != clean_line.end() && !seen.insert(line_id->get<std::string>()).second) {
      report(issues, item_path + ".lineItemId", "duplicate",
             item_path + ".lineItemId repeats line " + line_id->get<std::string>() +
                 "; list each line once with its total quantity.");
    }
    clean.push_back(std::move(clean_line));
  }
  if (issues.size() != issues_before) return std::nullopt;
  return clean;
}

}  // namespace

std::optional<Json> check_field_value(const FieldSpec& spec, const Json& value, const std::string& path, Issues& issues) {
  switch (spec.kind) {
    case FieldKind::kText: return check_text(spec, value, path, issues);
    case FieldKind::kId: return check_id(spec, value, path, issues);
    case FieldKind::kInteger:
    case FieldKind::kChoice: return check_integer(spec, value, path, issues);
    case FieldKind::kMoney: return check_money(value, path, issues);
    case FieldKind::kUrlList: return check_url_list(spec, value, path, issues);
    case FieldKind::kProductLines: return check_product_lines(value, path, issues);
  }
  return std::nullopt;
}

Json check_object(const std::vector<FieldSpec>& fields, const Json& object, const std::string& prefix,
                  std::string_view owner, Issues& issues) {
  Json clean = Json::object();
  for (const auto& spec : fields) {
    const std::string path = prefix + std::string(spec.name);
    auto found = object.find(spec.name);
    if (found == object.end() || found->is_null()) {
      if (spec.required) report(issues, path, "required", path + " is required.");
      continue;
    }
    if (auto value = check_field_value(spec, *found, path, issues)) clean[std::string(spec.name)] = std::move(*value);
  }
  for (const auto& [key, unused] : object.items()) {
    (void)unused;
    bool known = false;
    for (const auto& spec : fields) known = known || spec.name == key;
    if (!known) {
      const std::string path = prefix + key;
      report(issues, path, "unknown_field", label(path) + " is not a field of " + std::string(owner) + "; check the spelling.");
    }
  }
  return clean;
}

ValidatedParams validate_params(Operation operation, const Json& params) {
  ValidatedParams result;
  const OperationSpec& spec = operation_spec(operation);
  if (!params.is_object()) {
    report(result.issues, "", "type", "The parameters of " + std::string(spec.name) + " must be an object.");
    return result;
  }
  result.clean = check_object(spec.fields, params, "", std::string(spec.name) + " requests", result.issues);
  return result;
}

}  // namespace cjd
