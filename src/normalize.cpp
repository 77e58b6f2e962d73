#include "cjd/normalize.hpp"

#include <cstdint>

#include "cjd/money.hpp"

namespace cjd {
namespace {

// Field names that carry amounts, wherever they appear in dispute data.
constexpr const char* kCapFields[] = {"maxProductPrice", "maxPostage", "maxIossTaxAmount", "maxIossHandTaxAmount",
                                      "maxAmount"};

bool equals_ci(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i];
    char y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

// Integer from a JSON integer, a whole number text ("2.0") or a string of digits with an
// optional minus sign.
std::optional<std::int64_t> read_integer(const Json& value) {
  if (value.is_number_unsigned()) {
    const auto v = value.get<std::uint64_t>();
    if (v > static_cast<std::uint64_t>(INT64_MAX)) return std::nullopt;
    return static_cast<std::int64_t>(v);
  }
  if (value.is_number_integer()) return value.get<std::int64_t>();
  std::string_view text;
  if (value.is_string()) {
    text = value.get_ref<const std::string&>();
  } else if (is_number_text(value)) {
    text = number_text(value);
    const auto dot = text.find('.');
    if (dot != std::string_view::npos) {
      for (char c : text.substr(dot + 1)) {
        if (c != '0') return std::nullopt;
      }
      text = text.substr(0, dot);
    }
  } else {
    return std::nullopt;
  }
  const bool negative = !text.empty() && text[0] == '-';
  if (negative) text.remove_prefix(1);
  if (text.empty() || text.size() > 18) return std::nullopt;
  std::int64_t out = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    out = out * 10 + (c - '0');
  }
  return negative ? -out : out;
}

class Normalizer {
 public:
  std::optional<std::string> failure;

  void money(Json& obj, const char* key, const std::string& path) {
    Json* value = field(obj, key);
    if (value == nullptr || value->is_null()) return;
    std::string text;
    if (value->is_string()) {
      text = value->get<std::string>();
      if (text.empty()) {  // CJ sends "" for an amount it has not set
        *value = nullptr;
        return;
      }
    } else if (auto number = number_as_text(*value)) {
      text = std::move(*number);
    } else {
      return fail(path, key, "is not an amount");
    }
    auto parsed = Money::parse(text, SignPolicy::kAllowNegative);
    if (!parsed) return fail(path, key, "is not an amount with at most two decimals");
    *value = parsed->to_string();
  }

  void integer(Json& obj, const char* key, const std::string& path) {
    Json* value = field(obj, key);
    if (value == nullptr || value->is_null()) return;
    if (value->is_string() && value->get_ref<const std::string&>().empty()) {
      *value = nullptr;
      return;
    }
    auto number = read_integer(*value);
    if (!number) return fail(path, key, "is not a whole number");
    *value = *number;
  }

  void id(Json& obj, const char* key, const std::string& path) {
    Json* value = field(obj, key);
    if (value == nullptr || value->is_null() || value->is_string()) return;
    if (auto text = number_as_text(*value)) {
      *value = std::move(*text);
      return;
    }
    fail(path, key, "is not an id");
  }

  void text(Json& obj, const char* key, const std::string& path) {
    Json* value = field(obj, key);
    if (value == nullptr || value->is_null() || value->is_string()) return;
    if (auto number = number_as_text(*value)) {
      *value = std::move(*number);
    } else if (value->is_boolean()) {
      *value = value->get<bool>() ? "true" : "false";
    } else {
      fail(path, key, "is not text");
    }
  }

  void boolean(Json& obj, const char* key, const std::string& path) {
    Json* value = field(obj, key);
    if (value == nullptr || value->is_null() || value->is_boolean()) return;
    if (auto parsed = read_boolean(*value)) {
      *value = *parsed;
    } else {
      fail(path, key, "is not true or false");
    }
  }

  void date(Json& obj, const char* key, const std::string& path) {
    Json* value = field(obj, key);
    if (value == nullptr || value->is_null() || value->is_number_integer()) return;
    if (value->is_string()) {
      // Epoch milliseconds sent as a string become a number; a formatted date stays text.
      const auto& s = value->get_ref<const std::string&>();
      if (!s.empty() && s.find_first_not_of("0123456789") == std::string::npos) {
        if (auto number = read_integer(*value)) *value = *number;
      }
      return;
    }
    if (auto number = read_integer(*value)) {
      *value = *number;
      return;
    }
    fail(path, key, "is not a date");
  }

  // Each element of obj[key], when it is an array, through `each(element, element_path)`.
  template <class Each>
  void list(Json& obj, const char* key, const std::string& path, Each each) {
    Json* value = field(obj, key);
    if (value == nullptr || value->is_null()) return;
    if (!value->is_array()) return fail(path, key, "is not a list");
    const std::string base = join(path, key);
    for (std::size_t i = 0; i < value->size() && !failure; ++i) {
      each((*value)[i], base + "[" + std::to_string(i) + "]");
    }
  }

  bool expect_object(Json& value, const std::string& path) {
    if (value.is_object()) return true;
    failure = path + " is not an object";
    return false;
  }

  static std::optional<bool> read_boolean(const Json& value) {
    if (value.is_boolean()) return value.get<bool>();
    if (value.is_string()) {
      const auto& s = value.get_ref<const std::string&>();
      if (equals_ci(s, "true")) return true;
      if (equals_ci(s, "false")) return false;
      return std::nullopt;
    }
    if (auto number = read_integer(value)) {
      if (*number == 0 || *number == 1) return *number == 1;
    }
    return std::nullopt;
  }

 private:
  static Json* field(Json& obj, const char* key) {
    auto found = obj.find(key);
    return found == obj.end() ? nullptr : &*found;
  }

  static std::string join(const std::string& path, const char* key) { return path + "." + key; }

  void fail(const std::string& path, const char* key, const char* what) {
    if (!failure) failure = join(path, key) + " " + what;
  }
};

void copy_if_missing(Json& obj, const char* to, const char* from) {
  auto source = obj.find(from);
  if (source == obj.end() || source->is_null()) return;
  auto target = obj.find(to);
  if (target == obj.end() || target->is_null()) obj[to] = *source;
}

// A product line of disputeProducts / disputeConfirmInfo.
void normalize_product_line(Normalizer& n, Json& line, const std::string& path) {
  if (!n.expect_object(line, path)) return;
  for (const char* key : {"lineItemId", "cjProductId", "cjVariantId"}) n.id(line, key, path);
  n.boolean(line, "canChoose", path);
  n.money(line, "price", path);
  n.integer(line, "quantity", path);
  for (const char* key : {"cjProductName", "cjImage", "sku", "supplierName", "productName", "image"}) n.text(line, key, path);
}

void normalize_caps(Normalizer& n, Json& obj, const std::string& path) {
  for (const char* key : kCapFields) n.money(obj, key, path);
}

// data.productInfoList holds either product lines or, in the confirm answer, per-supplier
// groups with their own caps and a nested productInfoList of lines. Both are read.
void normalize_product_info_list(Normalizer& n, Json& data, const std::string& path) {
  n.list(data, "productInfoList", path, [&](Json& entry, const std::string& entry_path) {
    if (!n.expect_object(entry, entry_path)) return;
    auto nested = entry.find("productInfoList");
    if (nested != entry.end() && nested->is_array()) {
      normalize_caps(n, entry, entry_path);
      n.text(entry, "supplierName", entry_path);
      n.list(entry, "productInfoList", entry_path,
             [&](Json& line, const std::string& line_path) { normalize_product_line(n, line, line_path); });
    } else {
      normalize_caps(n, entry, entry_path);
      normalize_product_line(n, entry, entry_path);
    }
  });
}

// A product of a dispute: list shape (lineItemId/cjProductId/cjVariantId) or detail shape
// (productCode/productId/standId). The detail ids are also offered under the list names.
void normalize_dispute_product(Normalizer& n, Json& product, const std::string& path) {
  if (!n.expect_object(product, path)) return;
  for (const char* key : {"lineItemId", "cjProductId", "cjVariantId", "productCode", "productId", "standId"}) {
    n.id(product, key, path);
  }
  n.money(product, "price", path);
  n.integer(product, "quantity", path);
  for (const char* key : {"image", "productName", "supplierName", "sku"}) n.text(product, key, path);
  copy_if_missing(product, "cjProductId", "productId");
  copy_if_missing(product, "cjVariantId", "standId");
}

void normalize_dispute(Normalizer& n, Json& dispute, const std::string& path) {
  if (!n.expect_object(dispute, path)) return;
  n.id(dispute, "id", path);
  n.id(dispute, "disputeId", path);
  n.id(dispute, "orderId", path);
  copy_if_missing(dispute, "id", "disputeId");
  for (const char* key : {"status", "disputeReason", "resendOrderCode", "orderNumber"}) n.text(dispute, key, path);
  for (const char* key : {"replacementAmount", "money", "refundAmount"}) n.money(dispute, key, path);
  // money and refundAmount carry the same value; fill whichever is missing.
  copy_if_missing(dispute, "refundAmount", "money");
  copy_if_missing(dispute, "money", "refundAmount");
  n.integer(dispute, "finallyDeal", path);
  n.integer(dispute, "expectType", path);
  n.date(dispute, "createDate", path);
  n.list(dispute, "refundDetails", path, [&](Json& detail, const std::string& detail_path) {
    if (!n.expect_object(detail, detail_path)) return;
    n.text(detail, "type", detail_path);
    n.text(detail, "typeName", detail_path);
    n.money(detail, "amount", detail_path);
  });
  n.list(dispute, "productList", path,
         [&](Json& product, const std::string& product_path) { normalize_dispute_product(n, product, product_path); });
}

void normalize_order_header(Normalizer& n, Json& data, const std::string& path) {
  n.id(data, "orderId", path);
  n.text(data, "orderNumber", path);
}

}  // namespace

std::optional<std::string> normalize_data(Operation operation, Json& data) {
  Normalizer n;
  const std::string path = "data";
  switch (operation) {
    case Operation::kCreate:
    case Operation::kCancel: {
      const auto done = Normalizer::read_boolean(data);
      if (!done) return std::string("data is not true or false");
      if (!*done) return std::string("CJ answered success but data is false");
      data = true;
      return std::nullopt;
    }
    case Operation::kDisputeProducts:
      if (!n.expect_object(data, path)) break;
      normalize_order_header(n, data, path);
      normalize_product_info_list(n, data, path);
      break;
    case Operation::kDisputeConfirmInfo:
      if (!n.expect_object(data, path)) break;
      normalize_order_header(n, data, path);
      normalize_caps(n, data, path);
      n.list(data, "expectResultOptionList", path, [&](Json& option, const std::string& option_path) {
        auto number = read_integer(option);
        if (!number) {
          n.failure = option_path + " is not 1 or 2";
          return;
        }
        option = *number;
      });
      normalize_product_info_list(n, data, path);
      n.list(data, "disputeReasonList", path, [&](Json& reason, const std::string& reason_path) {
        if (!n.expect_object(reason, reason_path)) return;
        n.integer(reason, "disputeReasonId", reason_path);
        n.text(reason, "reasonName", reason_path);
      });
      break;
    case Operation::kGetDisputeList:
      if (data.is_null()) data = Json::object();
      if (!n.expect_object(data, path)) break;
      for (const char* key : {"pageNum", "pageNumber", "pageSize", "total"}) n.integer(data, key, path);
      copy_if_missing(data, "pageNum", "pageNumber");
      if (data.find("list") == data.end() || data["list"].is_null()) data["list"] = Json::array();
      n.list(data, "list", path, [&](Json& dispute, const std::string& item_path) { normalize_dispute(n, dispute, item_path); });
      break;
    case Operation::kGetDisputeDetail:
      normalize_dispute(n, data, path);
      break;
  }
  return n.failure;
}

}  // namespace cjd
