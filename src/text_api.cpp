#include "cjd/text_api.hpp"

#include <exception>

#include "cjd/json.hpp"
#include "cjd/money.hpp"
#include "cjd/refund_plan.hpp"
#include "cjd/request.hpp"
#include "cjd/response.hpp"
#include "cjd/selection.hpp"
#include "cjd/validate.hpp"

namespace cjd::text_api {
namespace {

std::string failure(const Issues& issues) {
  std::string out = R"({"ok":false,"issues":)";
  write_json(issues_to_json(issues), out);
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

Expected<Json, Issues> read_json(std::string_view text, const char* what) {
  auto parsed = parse_json(text);
  if (!parsed) return unexpected(Issues{Issue{"", "json", std::string(what) + " are not valid JSON: " + parsed.error().message + "."}});
  return std::move(parsed).value();
}

std::string ok_with(const char* key, const Json& value) {
  std::string out = R"({"ok":true,")";
  out += key;
  out += "\":";
  write_json(value, out);
  out.push_back('}');
  return out;
}

// Money arguments: decimal strings or JSON numbers, negative allowed (differences can be).
Expected<Money, Issues> money_arg(const Json& args, std::size_t index, const std::string& name) {
  std::string text;
  if (index < args.size()) {
    const Json& value = args[index];
    if (value.is_string()) {
      text = value.get<std::string>();
    } else if (auto number = number_as_text(value)) {
      text = *number;
    }
  }
  auto parsed = Money::parse(text, SignPolicy::kAllowNegative);
  if (!parsed) {
    return unexpected(Issues{Issue{name, std::string(money_error_rule(parsed.error())),
                                   name + " " + std::string(money_error_text(parsed.error())) + "."}});
  }
  return *parsed;
}

std::string money_result(const Expected<Money, MoneyError>& result) {
  if (!result) {
    return failure("result", std::string(money_error_rule(result.error())),
                   "The result " + std::string(money_error_text(result.error())) + ".");
  }
  return ok_with("value", Json(result->to_string()));
}

std::string run_money(std::string_view op, const Json& args) {
  if (!args.is_array()) return failure("", "type", "Money arguments must be a list.");
  if (op == "add" || op == "sub" || op == "cmp") {
    auto a = money_arg(args, 0, "a");
    if (!a) return failure(a.error());
    auto b = money_arg(args, 1, "b");
    if (!b) return failure(b.error());
    if (op == "cmp") return ok_with("value", Json(compare(*a, *b)));
    return money_result(op == "add" ? a->plus(*b) : a->minus(*b));
  }
  if (op == "mul") {
    auto a = money_arg(args, 0, "amount");
    if (!a) return failure(a.error());
    const auto digits = args.size() > 1 ? whole_number_text(args[1], true) : std::nullopt;
    if (!digits || digits->size() > 18) return failure("quantity", "type", "quantity must be a whole number of at least 0.");
    return money_result(a->times(std::stoll(*digits)));
  }
  if (op == "format") {
    auto a = money_arg(args, 0, "amount");
    if (!a) return failure(a.error());
    return ok_with("value", Json(a->to_string()));
  }
  if (op == "sum") {
    if (args.empty() || !args[0].is_array()) return failure("amounts", "type", "sum takes a list of amounts.");
    std::vector<Money> amounts;
    for (std::size_t i = 0; i < args[0].size(); ++i) {
      auto a = money_arg(args[0], i, "amounts[" + std::to_string(i) + "]");
      if (!a) return failure(a.error());
      amounts.push_back(*a);
    }
    return money_result(sum(amounts));
  }
  if (op == "allocate") {
    auto total = money_arg(args, 0, "total");
    if (!total) return failure(total.error());
    if (args.size() < 2 || !args[1].is_array()) return failure("weights", "type", "allocate takes a list of weights.");
    // Weights are amounts (line totals, say) or plain numbers; either way their ratios count.
    std::vector<std::int64_t> weights;
    for (std::size_t i = 0; i < args[1].size(); ++i) {
      auto w = money_arg(args[1], i, "weights[" + std::to_string(i) + "]");
      if (!w) return failure(w.error());
      weights.push_back(w->cents());
    }
    auto parts = allocate(*total, weights);
    if (!parts) return failure("weights", "weights", "allocate " + std::string(allocate_error_text(parts.error())) + ".");
    Json list = Json::array();
    for (Money part : *parts) list.push_back(part.to_string());
    return ok_with("value", list);
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

std::string build_request(std::string_view operation, std::string_view params_json, std::string_view base_url,
                          std::string_view access_token) noexcept {
  return guarded([&] {
    auto op = find_operation(operation);
    if (!op) return failure(op.error());
    ClientConfig config;
    if (!base_url.empty()) config.base_url = std::string(base_url);
    config.access_token = std::string(access_token);
    auto request = cjd::build_request_text(*op, params_json, config);
    if (!request) return failure(request.error());

    std::string out = R"({"ok":true,"request":{"method":")";
    out += method_name(request->method);
    out += R"(","url":)";
    write_json_string(request->url, out);
    out += R"(,"headers":{)";
    bool first = true;
    for (const auto& [name, value] : request->headers) {
      if (!first) out.push_back(',');
      first = false;
      write_json_string(name, out);
      out.push_back(':');
      write_json_string(value, out);
    }
    out += R"(},"body":)";
    if (request->body) {
      write_json_string(*request->body, out);
    } else {
      out += "null";
    }
    out += "}}";
    return out;
  });
}

std::string build_request_compact(std::string_view operation, std::string_view params_json, std::string_view base_url,
                                  std::string_view access_token) noexcept {
  return guarded([&] {
    auto op = find_operation(operation);
    if (!op) return failure(op.error());
    auto target = cjd::build_request_target(*op, params_json, base_url, access_token);
    if (!target) return failure(target.error());
    std::string out = std::move(target->url);
    out.push_back('\n');
    if (target->body) out += *target->body;
    return out;
  });
}

std::string check_base_url(std::string_view base_url) noexcept {
  return guarded([&] {
    auto normalized = normalize_base_url(base_url);
    if (!normalized) return failure(Issues{normalized.error()});
    return ok_with("baseUrl", Json(*normalized));
  });
}

std::string parse_response(std::string_view operation, int http_status, std::string_view body) noexcept {
  return guarded([&] {
    auto op = find_operation(operation);
    if (!op) return failure(op.error());
    auto parsed = cjd::parse_response_text(*op, http_status, body);
    if (!parsed) return std::string(R"({"ok":false,"error":)") + to_json_text(error_to_json(parsed.error())) + "}";
    std::string out;
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
    auto args = read_json(args_json, "The money arguments");
    if (!args) return failure(args.error());
    return run_money(op, *args);
  });
}

std::string check_selection(std::string_view stage_data_json, std::string_view choice_json) noexcept {
  return guarded([&] {
    auto data = read_json(stage_data_json, "The dispute data");
    if (!data) return failure(data.error());
    auto choice = read_json(choice_json, "The choice");
    if (!choice) return failure(choice.error());
    const SelectionCheck check = cjd::check_selection(*data, *choice);
    Json out = Json::object();
    out["ok"] = check.issues.empty();
    out["issues"] = issues_to_json(check.issues);
    out["productInfoList"] = check.product_info_list;
    return to_json_text(out);
  });
}

std::string plan_refund(std::string_view confirm_data_json, std::string_view product_info_list_json) noexcept {
  return guarded([&] {
    auto data = read_json(confirm_data_json, "The confirm data");
    if (!data) return failure(data.error());
    auto lines = read_json(product_info_list_json, "The product lines");
    if (!lines) return failure(lines.error());
    const RefundPlan plan = cjd::plan_refund(*data, *lines);
    Json out = Json::object();
    out["ok"] = plan.issues.empty();
    out.update(refund_plan_to_json(plan));
    return to_json_text(out);
  });
}

std::string check_refund_details(std::string_view detail_json) noexcept {
  return guarded([&] {
    auto data = read_json(detail_json, "The dispute detail");
    if (!data) return failure(data.error());
    const RefundDetailsCheck check = cjd::check_refund_details(*data);
    Json out = Json::object();
    out["ok"] = check.issues.empty();
    out.update(refund_details_check_to_json(check));
    return to_json_text(out);
  });
}

}  // namespace cjd::text_api
