#include "cjd/normalize.hpp"

#include <array>
#include <cstdint>
#include <vector>

#include "cjd/json.hpp"
#include "cjd/money.hpp"
#include "cjd/text.hpp"

namespace cjd {
namespace {

enum class Kind : std::uint8_t {
  kMoney, kInteger, kId, kText, kBool, kDate, kIntList,
  kEntries, kReasons, kDisputes, kRefundDetails, kDisputeProducts,
};

struct Rule {
  std::string_view key;
  Kind kind;
  int slot = -1;  // >= 0: held back and written at the object's end, after the fixups
};

struct Fixup {
  int to;
  int from;  // when `to` is missing or null and `from` has a value, `to` gets it
};

struct Context {
  std::vector<Rule> rules;
  std::vector<std::string_view> slot_keys;
  std::vector<Fixup> fixups;
  int empty_list_slot = -1;  // this slot is written as [] when missing or null
};

const Context& product_entry();
const Context& reason();
const Context& dispute();
const Context& refund_detail();
const Context& dispute_product();

const Context& context_of(Kind kind) {
  switch (kind) {
    case Kind::kEntries: return product_entry();
    case Kind::kReasons: return reason();
    case Kind::kDisputes: return dispute();
    case Kind::kRefundDetails: return refund_detail();
    default: return dispute_product();
  }
}

const Context& product_entry() {
  // A product line, or a supplier group of the confirm answer (caps and nested lines).
  static const Context context{{{"lineItemId", Kind::kId}, {"cjProductId", Kind::kId}, {"cjVariantId", Kind::kId},
                                {"canChoose", Kind::kBool}, {"price", Kind::kMoney}, {"quantity", Kind::kInteger},
                                {"cjProductName", Kind::kText}, {"cjImage", Kind::kText}, {"sku", Kind::kText},
                                {"supplierName", Kind::kText}, {"productName", Kind::kText}, {"image", Kind::kText},
                                {"maxProductPrice", Kind::kMoney}, {"maxPostage", Kind::kMoney}, {"maxIossTaxAmount", Kind::kMoney},
                                {"maxIossHandTaxAmount", Kind::kMoney}, {"maxAmount", Kind::kMoney},
                                {"productInfoList", Kind::kEntries}},
                               {}, {}};
  return context;
}

const Context& reason() {
  static const Context context{{{"disputeReasonId", Kind::kInteger}, {"reasonName", Kind::kText}}, {}, {}};
  return context;
}

const Context& refund_detail() {
  static const Context context{{{"type", Kind::kText}, {"typeName", Kind::kText}, {"amount", Kind::kMoney}}, {}, {}};
  return context;
}

const Context& dispute_product() {
  // List shape (lineItemId/cjProductId/cjVariantId) or detail shape (productCode/productId/
  // standId); the detail ids are also offered under the list names.
  static const Context context{{{"lineItemId", Kind::kId}, {"cjProductId", Kind::kId, 0}, {"cjVariantId", Kind::kId, 1},
                                {"productCode", Kind::kId}, {"productId", Kind::kId, 2}, {"standId", Kind::kId, 3},
                                {"price", Kind::kMoney}, {"quantity", Kind::kInteger}, {"image", Kind::kText},
                                {"productName", Kind::kText}, {"supplierName", Kind::kText}, {"sku", Kind::kText}},
                               {"cjProductId", "cjVariantId", "productId", "standId"},
                               {{0, 2}, {1, 3}}};
  return context;
}

const Context& dispute() {
  // `id` falls back to `disputeId`; money and refundAmount carry the same value, so each
  // fills the other when missing.
  static const Context context{{{"id", Kind::kId, 0}, {"disputeId", Kind::kId, 1}, {"orderId", Kind::kId},
                                {"status", Kind::kText}, {"disputeReason", Kind::kText}, {"resendOrderCode", Kind::kText},
                                {"orderNumber", Kind::kText}, {"replacementAmount", Kind::kMoney}, {"money", Kind::kMoney, 2},
                                {"refundAmount", Kind::kMoney, 3}, {"finallyDeal", Kind::kInteger}, {"expectType", Kind::kInteger},
                                {"createDate", Kind::kDate}, {"refundDetails", Kind::kRefundDetails},
                                {"productList", Kind::kDisputeProducts}},
                               {"id", "disputeId", "money", "refundAmount"},
                               {{0, 1}, {3, 2}, {2, 3}}};
  return context;
}

const Context& products_data() {
  static const Context context{{{"orderId", Kind::kId}, {"orderNumber", Kind::kText}, {"productInfoList", Kind::kEntries}}, {}, {}};
  return context;
}

const Context& confirm_data() {
  static const Context context{{{"orderId", Kind::kId}, {"orderNumber", Kind::kText}, {"maxProductPrice", Kind::kMoney},
                                {"maxPostage", Kind::kMoney}, {"maxIossTaxAmount", Kind::kMoney},
                                {"maxIossHandTaxAmount", Kind::kMoney}, {"maxAmount", Kind::kMoney},
                                {"expectResultOptionList", Kind::kIntList}, {"productInfoList", Kind::kEntries},
                                {"disputeReasonList", Kind::kReasons}},
                               {}, {}};
  return context;
}

const Context& list_data() {
  static const Context context{{{"pageNum", Kind::kInteger, 0}, {"pageNumber", Kind::kInteger, 1}, {"pageSize", Kind::kInteger},
                                {"total", Kind::kInteger}, {"list", Kind::kDisputes, 2}},
                               {"pageNum", "pageNumber", "list"},
                               {{0, 1}},
                               2};
  return context;
}

// An integer from a number's text ("2", "2.0", "-3") or a string of digits with an optional
// minus sign; at most 18 digits. Writes its canonical decimal form.
bool integer_text(std::string_view text, bool from_number, std::string& out) {
  if (from_number) {
    const auto dot = text.find_first_of(".eE");
    if (dot != std::string_view::npos) {
      if (text[dot] != '.') return false;
      for (char c : text.substr(dot + 1)) {
        if (c != '0') return false;
      }
      text = text.substr(0, dot);
    }
  }
  const bool negative = !text.empty() && text[0] == '-';
  if (negative) text.remove_prefix(1);
  if (text.empty() || text.size() > 18) return false;
  std::int64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  if (negative && value != 0) out.push_back('-');
  out += std::to_string(value);
  return true;
}

struct PathPart {
  std::string_view key;  // empty for a list index
  std::size_t index = 0;
};

class Streamer {
 public:
  Streamer(JsonReader& reader) : reader_(reader) {}

  std::optional<std::string> failure;

  bool object(const Context& context, std::string& out) {
    if (!reader_.begin_object()) return false;
    std::array<std::string, 4> slots;
    std::array<bool, 4> seen{};
    out.push_back('{');
    bool first = true;
    JsonString key;
    std::string_view raw;
    while (reader_.next_member(key)) {
      const Rule* rule = find(context, key);
      if (rule == nullptr) {
        if (!reader_.skip_value(raw)) return false;
        comma(first, out);
        out.push_back('"');
        out += key.raw;
        out += "\":";
        out += raw;
        continue;
      }
      path_.push_back(PathPart{rule->key});
      std::string* target = &out;
      if (rule->slot >= 0) {
        auto& slot = slots[static_cast<std::size_t>(rule->slot)];
        slot.clear();
        seen[static_cast<std::size_t>(rule->slot)] = true;
        target = &slot;
      } else {
        comma(first, out);
        out.push_back('"');
        out += rule->key;
        out += "\":";
      }
      if (!value(rule->kind, *target)) return false;
      path_.pop_back();
    }
    if (reader_.failed()) return false;
    for (const Fixup& fix : context.fixups) {
      const auto to = static_cast<std::size_t>(fix.to);
      const auto from = static_cast<std::size_t>(fix.from);
      if ((!seen[to] || slots[to] == "null") && seen[from] && slots[from] != "null") {
        slots[to] = slots[from];
        seen[to] = true;
      }
    }
    if (context.empty_list_slot >= 0) {
      const auto list = static_cast<std::size_t>(context.empty_list_slot);
      if (!seen[list] || slots[list] == "null") {
        slots[list] = "[]";
        seen[list] = true;
      }
    }
    for (std::size_t i = 0; i < context.slot_keys.size(); ++i) {
      if (!seen[i]) continue;
      comma(first, out);
      out.push_back('"');
      out += context.slot_keys[i];
      out += "\":";
      out += slots[i];
    }
    out.push_back('}');
    return true;
  }

  bool value(Kind kind, std::string& out) {
    const JsonKind next = reader_.peek();
    if (next == JsonKind::kNull) {
      out += "null";
      return reader_.read_literal();
    }
    switch (kind) {
      case Kind::kMoney: return money(next, out);
      case Kind::kInteger: return integer(next, out, "is not a whole number");
      case Kind::kId: return scalar_as_text(next, out, false, "is not an id");
      case Kind::kText: return scalar_as_text(next, out, true, "is not text");
      case Kind::kBool: return boolean(next, out);
      case Kind::kDate: return date(next, out);
      case Kind::kIntList: return int_list(next, out);
      default: return list_of(next, context_of(kind), out);
    }
  }

  // The top of `data`, by operation.
  bool data(Operation operation, std::string& out) {
    const JsonKind next = reader_.peek();
    switch (operation) {
      case Operation::kCreate:
      case Operation::kCancel: {
        std::string flag;
        if (next == JsonKind::kTrue || next == JsonKind::kFalse || next == JsonKind::kString || next == JsonKind::kNumber) {
          if (!boolean(next, flag)) return false;
        } else if (!reader_.skip_value()) {
          return false;
        }
        if (flag == "true") {
          out += "true";
          return true;
        }
        return fail_whole(flag == "false" ? "CJ answered success but data is false" : "data is not true or false");
      }
      case Operation::kGetDisputeList:
        if (next == JsonKind::kNull) {
          out += R"({"list":[]})";
          return reader_.read_literal();
        }
        return expect_object(next) && object(list_data(), out);
      case Operation::kDisputeProducts: return expect_object(next) && object(products_data(), out);
      case Operation::kDisputeConfirmInfo: return expect_object(next) && object(confirm_data(), out);
      case Operation::kGetDisputeDetail: return expect_object(next) && object(dispute(), out);
    }
    return false;
  }

 private:
  static void comma(bool& first, std::string& out) {
    if (!first) out.push_back(',');
    first = false;
  }

  static const Rule* find(const Context& context, const JsonString& key) {
    if (key.escaped) {
      std::string decoded;
      JsonReader::decode(key, decoded);
      for (const Rule& rule : context.rules) {
        if (rule.key == decoded) return &rule;
      }
      return nullptr;
    }
    for (const Rule& rule : context.rules) {
      if (rule.key == key.raw) return &rule;
    }
    return nullptr;
  }

  std::string path() const {
    std::string text = "data";
    for (const PathPart& part : path_) {
      if (part.key.empty()) {
        text += "[" + std::to_string(part.index) + "]";
      } else {
        text += ".";
        text += part.key;
      }
    }
    return text;
  }

  bool fail(const char* what) {
    if (!failure) failure = path() + " " + what;
    return false;
  }

  bool fail_whole(const char* sentence) {
    if (!failure) failure = sentence;
    return false;
  }

  bool expect_object(JsonKind next) {
    if (next == JsonKind::kObject) return true;
    return fail_whole("data is not an object");
  }

  bool money(JsonKind next, std::string& out) {
    std::string text;
    if (next == JsonKind::kString) {
      JsonString s;
      if (!reader_.read_string(s)) return false;
      JsonReader::decode(s, text);
      if (text.empty()) {  // CJ sends "" for an amount it has not set
        out += "null";
        return true;
      }
    } else if (next == JsonKind::kNumber) {
      std::string_view number;
      if (!reader_.read_number(number)) return false;
      text.assign(number);
    } else {
      return fail("is not an amount");
    }
    auto parsed = Money::parse(text, SignPolicy::kAllowNegative);
    if (!parsed) return fail("is not an amount with at most two decimals");
    out.push_back('"');
    parsed->append_to(out);
    out.push_back('"');
    return true;
  }

  bool integer(JsonKind next, std::string& out, const char* what) {
    if (next == JsonKind::kNumber) {
      std::string_view number;
      if (!reader_.read_number(number)) return false;
      return integer_text(number, true, out) || fail(what);
    }
    if (next == JsonKind::kString) {
      JsonString s;
      if (!reader_.read_string(s)) return false;
      if (s.raw.empty()) {
        out += "null";
        return true;
      }
      return (!s.escaped && integer_text(s.raw, false, out)) || fail(what);
    }
    return fail(what);
  }

  bool scalar_as_text(JsonKind next, std::string& out, bool booleans_too, const char* what) {
    if (next == JsonKind::kString) {
      JsonString s;
      if (!reader_.read_string(s)) return false;
      out.push_back('"');
      out += s.raw;  // already valid JSON string text
      out.push_back('"');
      return true;
    }
    if (next == JsonKind::kNumber) {
      std::string_view number;
      if (!reader_.read_number(number)) return false;
      out.push_back('"');
      out += number;
      out.push_back('"');
      return true;
    }
    if (booleans_too && (next == JsonKind::kTrue || next == JsonKind::kFalse)) {
      out += next == JsonKind::kTrue ? "\"true\"" : "\"false\"";
      return reader_.read_literal();
    }
    return fail(what);
  }

  bool boolean(JsonKind next, std::string& out) {
    if (next == JsonKind::kTrue || next == JsonKind::kFalse) {
      out += next == JsonKind::kTrue ? "true" : "false";
      return reader_.read_literal();
    }
    if (next == JsonKind::kString) {
      JsonString s;
      if (!reader_.read_string(s)) return false;
      if (!s.escaped && equals_ignoring_case(s.raw, "true")) {
        out += "true";
        return true;
      }
      if (!s.escaped && equals_ignoring_case(s.raw, "false")) {
        out += "false";
        return true;
      }
      return fail("is not true or false");
    }
    if (next == JsonKind::kNumber) {
      std::string_view number;
      std::string digits;
      if (!reader_.read_number(number)) return false;
      if (integer_text(number, true, digits) && (digits == "0" || digits == "1")) {
        out += digits == "1" ? "true" : "false";
        return true;
      }
    }
    return fail("is not true or false");
  }

  bool date(JsonKind next, std::string& out) {
    if (next == JsonKind::kString) {
      JsonString s;
      if (!reader_.read_string(s)) return false;
      // Epoch milliseconds sent as a string become a number; a formatted date stays text.
      const bool digits = !s.raw.empty() && s.raw.find_first_not_of("0123456789") == std::string_view::npos;
      if (digits && integer_text(s.raw, false, out)) return true;
      out.push_back('"');
      out += s.raw;
      out.push_back('"');
      return true;
    }
    return integer(next, out, "is not a date");
  }

  // A list, each element through `element` (with its index on the path for messages).
  template <class Element>
  bool list(JsonKind next, std::string& out, Element element) {
    if (next != JsonKind::kArray) return fail("is not a list");
    if (!reader_.begin_array()) return false;
    out.push_back('[');
    std::size_t index = 0;
    while (reader_.next_element()) {
      if (index > 0) out.push_back(',');
      path_.push_back(PathPart{{}, index++});
      if (!element(out)) return false;
      path_.pop_back();
    }
    out.push_back(']');
    return !reader_.failed();
  }

  bool int_list(JsonKind next, std::string& out) {
    return list(next, out, [&](std::string& o) { return integer(reader_.peek(), o, "is not 1 or 2"); });
  }

  bool list_of(JsonKind next, const Context& context, std::string& out) {
    return list(next, out, [&](std::string& o) {
      if (reader_.peek() != JsonKind::kObject) return fail("is not an object");
      return object(context, o);
    });
  }

  JsonReader& reader_;
  std::vector<PathPart> path_;
};

}  // namespace

std::optional<std::string> normalize_data(Operation operation, JsonReader& reader, std::string& out) {
  Streamer streamer(reader);
  if (streamer.data(operation, out)) return std::nullopt;
  if (streamer.failure) return streamer.failure;
  return std::string("data could not be read: ") + reader.error();
}

}  // namespace cjd
