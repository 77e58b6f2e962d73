#include "cjd/text_api.hpp"

#include <exception>

#include "cjd/json.hpp"
#include "cjd/json_reader.hpp"
#include "cjd/money.hpp"
#include "cjd/refund_plan.hpp"
#include "cjd/request.hpp"
#include "cjd/response.hpp"
#include "cjd/selection.hpp"
#include "cjd/validate.hpp"

// Everything here writes JSON text directly and reads with the streaming JsonReader: the
// WebAssembly module links no JSON DOM at all (it is most of a DOM library's size).
namespace cjd::text_api {
namespace {

std::string failure(const Issues& issues) {
  std::string out = R"({"ok":false,"issues":)";
  append_issues_json(issues, out);
  out.push_back('}');
  return out;
}

std::string failure(std::string field, std::string rule, std::string message) {
  return failure(Issues{Issue{std::move(field), std::move(rule), std::move(message)}});
}

// Runs `body`; anything thrown (out of memory, a library error) becomes an issue, not an unwind.
template <class Body>
std::string guarded(Body body) noexcept {
  try {
    return body();
  } catch (const std::exception& e) {
    try {
      return failure("", "internal", std::string("cj-disputes core error: ") + e.what());
    } catch (...) {
    }
  } catch (...) {
  }
  return R"({"ok":false,"issues":[{"field":"","rule":"internal","message":"cj-disputes core error"}]})";
}

Expected<Operation, Issues> find_operation(std::string_view name) {
  if (auto operation = operation_from_name(name)) return *operation;
  return unexpected(Issues{Issue{"operation", "enum",
                                 "operation must be one of disputeProducts, disputeConfirmInfo, create, cancel, "
                                 "getDisputeList, getDisputeDetail."}});
}

std::string ok_with_text(const char* key, std::string_view json) {
  std::string out = R"({"ok":true,")";
  out += key;
  out += "\":";
  out += json;
  out.push_back('}');
  return out;
}

std::string ok_with_money(Money value) {
  std::string out = R"({"ok":true,"value":")";
  value.append_to(out);
  out += "\"}";
  return out;
}

// Money arguments: a list of decimal strings or JSON numbers (negative allowed: differences
// can be), with one nested list for sum's amounts and allocate's weights.
struct MoneyArgs {
  std::vector<std::string> scalars;  // decoded strings or number texts; "" for anything else
  std::vector<std::string> list;     // the nested list's entries
  bool has_list = false;
  bool list_first = false;           // the nested list came before any scalar
};

bool read_scalar_text(JsonReader& reader, std::string& out) {
  out.clear();
  const JsonKind kind = reader.peek();
  if (kind == JsonKind::kString) {
    JsonString s;
    if (!reader.read_string(s)) return false;
    JsonReader::decode(s, out);
    return true;
  }
  if (kind == JsonKind::kNumber) {
    std::string_view number;
    if (!reader.read_number(number)) return false;
    out.assign(number);
    return true;
  }
  return reader.skip_value();
}

Expected<MoneyArgs, Issues> read_money_args(std::string_view json) {
  JsonReader reader(json);
  MoneyArgs args;
  if (reader.peek() != JsonKind::kArray) {
    if (reader.skip_value() && reader.at_end()) return unexpected(Issues{Issue{"", "type", "Money arguments must be a list."}});
    return unexpected(Issues{Issue{"", "json", "The money arguments are not valid JSON: " + reader.error() + "."}});
  }
  reader.begin_array();
  std::string text;
  while (reader.next_element()) {
    if (reader.peek() == JsonKind::kArray && !args.has_list) {
      args.has_list = true;
      args.list_first = args.scalars.empty();
      reader.begin_array();
      while (reader.next_element()) {
        if (!read_scalar_text(reader, text)) break;
        args.list.push_back(text);
      }
      continue;
    }
    if (!read_scalar_text(reader, text)) break;
    args.scalars.push_back(text);
  }
  if (reader.failed() || !reader.at_end()) {
    return unexpected(Issues{Issue{"", "json", "The money arguments are not valid JSON: " +
                                                   (reader.failed() ? reader.error() : std::string("text after the end")) + "."}});
  }
  return args;
}

Expected<Money, Issues> money_arg(const std::vector<std::string>& values, std::size_t index, const std::string& name) {
  auto parsed = Money::parse(index < values.size() ? values[index] : std::string(), SignPolicy::kAllowNegative);
  if (!parsed) {
    return unexpected(Issues{Issue{name, std::string(money_error_rule(parsed.error())),
                                   name + " " + std::string(money_error_text(parsed.error())) + "."}});
  }
  return *parsed;
}

std::string money_result(const Expected<Money, MoneyError>& result) {
  if (!result) {
    return failure("result", std::string(money_error_rule(result.error())), "The result " + std::string(money_error_text(result.error())) + ".");
  }
  return ok_with_money(*result);
}

std::string run_money(std::string_view op, const MoneyArgs& args) {
  const auto& values = args.scalars;
  if (op == "add" || op == "sub" || op == "cmp") {
    auto a = money_arg(values, 0, "a");
    if (!a) return failure(a.error());
    auto b = money_arg(values, 1, "b");
    if (!b) return failure(b.error());
    if (op == "cmp") return ok_with_text("value", std::to_string(compare(*a, *b)));
    return money_result(op == "add" ? a->plus(*b) : a->minus(*b));
  }
  if (op == "mul") {
    auto a = money_arg(values, 0, "amount");
    if (!a) return failure(a.error());
    const std::string quantity = values.size() > 1 ? values[1] : std::string();
    std::string_view digits = quantity;
    if (const auto dot = digits.find('.'); dot != std::string_view::npos && digits.find_first_not_of('0', dot + 1) == std::string_view::npos) {
      digits = digits.substr(0, dot);
    }
    if (digits.empty() || digits.size() > 18 || digits.find_first_not_of("0123456789") != std::string_view::npos) {
      return failure("quantity", "type", "quantity must be a whole number of at least 0.");
    }
    return money_result(a->times(std::stoll(std::string(digits))));
  }
  if (op == "format") {
    auto a = money_arg(values, 0, "amount");
    if (!a) return failure(a.error());
    return ok_with_money(*a);
  }
  if (op == "sum") {
    if (!args.has_list || !args.list_first) return failure("amounts", "type", "sum takes a list of amounts.");
    std::vector<Money> amounts;
    for (std::size_t i = 0; i < args.list.size(); ++i) {
      auto a = money_arg(args.list, i, "amounts[" + std::to_string(i) + "]");
      if (!a) return failure(a.error());
      amounts.push_back(*a);
    }
    return money_result(sum(amounts));
  }
  if (op == "allocate") {
    auto total = money_arg(values, 0, "total");
    if (!total) return failure(total.error());
    if (!args.has_list || args.list_first) return failure("weights", "type", "allocate takes a list of weights.");
    // Weights are amounts (line totals, say) or plain numbers; either way their ratios count.
    std::vector<std::int64_t> weights;
    for (std::size_t i = 0; i < args.list.size(); ++i) {
      auto w = money_arg(args.list, i, "weights[" + std::to_string(i) + "]");
      if (!w) return failure(w.error());
      weights.push_back(w->cents());
    }
    auto parts = allocate(*total, weights);
    if (!parts) return failure("weights", "weights", "allocate " + std::string(allocate_error_text(parts.error())) + ".");
    std::string list = "[";
    for (std::size_t i = 0; i < parts->size(); ++i) {
      if (i > 0) list.push_back(',');
      list.push_back('"');
      (*parts)[i].append_to(list);
      list.push_back('"');
    }
    list.push_back(']');
    return ok_with_text("value", list);
  }
  return failure("op", "enum", "The money operation must be add, sub, mul, sum, cmp, allocate or format.");
}

}  // namespace

std::string validate(std::string_view operation, std::string_view params_json) noexcept {
  return guarded([&] {
    auto op = find_operation(operation);
    if (!op) return failure(op.error());
    const ValidatedText validated = validate_params_text(*op, params_json);
    if (!validated.issues.empty()) return failure(validated.issues);
    return std::string(R"({"ok":true,"issues":[]})");
  });
}

namespace {

// Finds the operation and builds its URL and body; `write` turns them into the answer.
template <class Write>
std::string with_target(std::string_view operation, std::string_view params_json, std::string_view base_url,
                        std::string_view access_token, Write write) {
  return guarded([&] {
    auto op = find_operation(operation);
    if (!op) return failure(op.error());
    auto target = cjd::build_request_target(*op, params_json, base_url, access_token);
    if (!target) return failure(target.error());
    return write(*op, target.value());
  });
}

}  // namespace

std::string build_request(std::string_view operation, std::string_view params_json, std::string_view base_url,
                          std::string_view access_token) noexcept {
  return with_target(operation, params_json, base_url, access_token, [&](Operation op, RequestTarget& target) {
    const bool post = operation_spec(op).method == HttpMethod::kPost;
    std::string out = R"({"ok":true,"request":{"method":")";
    out += post ? "POST" : "GET";
    out += R"(","url":)";
    write_json_string(target.url, out);
    out += R"(,"headers":{"CJ-Access-Token":)";
    write_json_string(access_token, out);
    out += R"(,"Accept":"application/json")";
    if (post) out += R"(,"Content-Type":"application/json")";
    out += R"(},"body":)";
    if (target.body) {
      write_json_string(*target.body, out);
    } else {
      out += "null";
    }
    out += "}}";
    return out;
  });
}

std::string build_request_compact(std::string_view operation, std::string_view params_json, std::string_view base_url,
                                  std::string_view access_token) noexcept {
  return with_target(operation, params_json, base_url, access_token, [](Operation, RequestTarget& target) {
    std::string out = std::move(target.url);
    out.push_back('\n');
    if (target.body) out += *target.body;
    return out;
  });
}

std::string check_base_url(std::string_view base_url) noexcept {
  return guarded([&] {
    auto normalized = normalize_base_url(base_url);
    if (!normalized) return failure(Issues{normalized.error()});
    std::string out = R"({"ok":true,"baseUrl":)";
    write_json_string(*normalized, out);
    out.push_back('}');
    return out;
  });
}

std::string parse_response(std::string_view operation, int http_status, std::string_view body) noexcept {
  return guarded([&] {
    auto op = find_operation(operation);
    if (!op) return failure(op.error());
    auto parsed = cjd::parse_response_text(*op, http_status, body);
    std::string out;
    if (!parsed) {
      out = R"({"ok":false,"error":)";
      append_error_json(parsed.error(), out);
      out.push_back('}');
      return out;
    }
    out.reserve(parsed->data_json.size() + 64);
    out += R"({"ok":true,"data":)";
    out += parsed->data_json;
    out += R"(,"requestId":)";
    if (parsed->request_id.empty()) {
      out += "null";
    } else {
      write_json_string(parsed->request_id, out);
    }
    out.push_back('}');
    return out;
  });
}

std::string money(std::string_view op, std::string_view args_json) noexcept {
  return guarded([&] {
    auto args = read_money_args(args_json);
    if (!args) return failure(args.error());
    return run_money(op, *args);
  });
}

std::string check_selection(std::string_view stage_data_json, std::string_view choice_json) noexcept {
  return guarded([&] {
    const SelectionCheck check = cjd::check_selection(stage_data_json, choice_json);
    std::string out = R"({"ok":)";
    out += check.issues.empty() ? "true" : "false";
    out += R"(,"issues":)";
    append_issues_json(check.issues, out);
    out += R"(,"productInfoList":)";
    out += check.product_info_list;
    out.push_back('}');
    return out;
  });
}

std::string plan_refund(std::string_view confirm_data_json, std::string_view product_info_list_json) noexcept {
  return guarded([&] {
    const RefundPlan plan = cjd::plan_refund(confirm_data_json, product_info_list_json);
    if (plan.issues.size() == 1 && plan.issues[0].rule == "json") return failure(plan.issues);
    std::string out = R"({"ok":)";
    out += plan.issues.empty() ? "true," : "false,";
    out += std::string_view(refund_plan_to_json(plan)).substr(1);
    return out;
  });
}

std::string check_refund_details(std::string_view detail_json) noexcept {
  return guarded([&] {
    const RefundDetailsCheck check = cjd::check_refund_details(detail_json);
    if (check.issues.size() == 1 && check.issues[0].rule == "json") return failure(check.issues);
    std::string out = R"({"ok":)";
    out += check.issues.empty() ? "true," : "false,";
    out += std::string_view(refund_details_check_to_json(check)).substr(1);
    return out;
  });
}

}  // namespace cjd::text_api
