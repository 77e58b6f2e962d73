#include "cjd/stage_data.hpp"

#include "cjd/json_reader.hpp"
#include "cjd/text.hpp"

namespace cjd {
namespace {

// Tolerant scalar reads: the value is consumed whatever it is; nullopt when it is not one.
class Values {
 public:
  explicit Values(JsonReader& reader) : reader_(reader) {}

  std::optional<std::string> text() {
    if (reader_.peek() == JsonKind::kString) {
      JsonString s;
      if (!reader_.read_string(s)) return std::nullopt;
      std::string out;
      JsonReader::decode(s, out);
      return out;
    }
    if (reader_.peek() == JsonKind::kNumber) {
      std::string_view number;
      if (!reader_.read_number(number)) return std::nullopt;
      return std::string(number);
    }
    reader_.skip_value();
    return std::nullopt;
  }

  std::optional<Money> money() {
    const bool number = reader_.peek() == JsonKind::kNumber;
    auto value = text();
    if (!value || (value->empty() && !number)) return std::nullopt;
    auto parsed = Money::parse(*value, SignPolicy::kAllowNegative);
    return parsed ? std::optional<Money>(*parsed) : std::nullopt;
  }

  std::optional<std::int64_t> integer() {
    auto value = text();
    if (!value) return std::nullopt;
    std::string_view digits = *value;
    const auto dot = digits.find('.');
    if (dot != std::string_view::npos) {
      if (digits.find_first_not_of('0', dot + 1) != std::string_view::npos) return std::nullopt;
      digits = digits.substr(0, dot);
    }
    const bool negative = !digits.empty() && digits[0] == '-';
    if (negative) digits.remove_prefix(1);
    if (digits.empty() || digits.size() > 18 || digits.find_first_not_of("0123456789") != std::string_view::npos) return std::nullopt;
    std::int64_t out = 0;
    for (char c : digits) out = out * 10 + (c - '0');
    return negative ? -out : out;
  }

  std::optional<bool> boolean() {
    const JsonKind kind = reader_.peek();
    if (kind == JsonKind::kTrue || kind == JsonKind::kFalse) {
      reader_.read_literal();
      return kind == JsonKind::kTrue;
    }
    auto value = text();
    if (!value) return std::nullopt;
    if (equals_ignoring_case(*value, "true") || *value == "1") return true;
    if (equals_ignoring_case(*value, "false") || *value == "0") return false;
    return std::nullopt;
  }

  // Integers of a list (each element read as integer(); unreadable ones left out).
  std::optional<std::vector<std::int64_t>> integers() {
    if (reader_.peek() != JsonKind::kArray) {
      reader_.skip_value();
      return std::nullopt;
    }
    std::vector<std::int64_t> out;
    reader_.begin_array();
    while (reader_.next_element()) {
      if (auto value = integer()) out.push_back(*value);
    }
    return out;
  }

 private:
  JsonReader& reader_;
};

using CapSlot = std::optional<Money> RefundCaps::*;

struct CapField {
  std::string_view key;
  CapSlot slot;
};

constexpr CapField kCapFields[] = {{"maxProductPrice", &RefundCaps::max_product_price},
                                   {"maxPostage", &RefundCaps::max_postage},
                                   {"maxIossTaxAmount", &RefundCaps::max_ioss_tax_amount},
                                   {"maxIossHandTaxAmount", &RefundCaps::max_ioss_hand_tax_amount},
                                   {"maxAmount", &RefundCaps::max_amount}};

const CapField* cap_field(std::string_view key) {
  for (const CapField& field : kCapFields) {
    if (field.key == key) return &field;
  }
  return nullptr;
}

class StageReader {
 public:
  explicit StageReader(JsonReader& reader) : reader_(reader), values_(reader) {}

  void data(StageData& out) {
    RefundCaps top;
    RefundCaps groups;
    std::vector<bool> group_overflow(5, false);
    reader_.begin_object();
    JsonString key;
    while (reader_.next_member(key)) {
      if (key.raw == "productInfoList" && reader_.peek() == JsonKind::kArray) {
        entries(out, groups, group_overflow);
      } else if (key.raw == "expectResultOptionList") {
        out.expect_options = values_.integers();
      } else if (key.raw == "disputeReasonList" && reader_.peek() == JsonKind::kArray) {
        out.reason_ids = reasons();
      } else if (const CapField* cap = cap_field(key.raw)) {
        top.*(cap->slot) = values_.money();
      } else {
        reader_.skip_value();
      }
    }
    // Caps at the top of data win; otherwise the per-supplier groups' caps, added up.
    for (std::size_t i = 0; i < 5; ++i) {
      const CapField& field = kCapFields[i];
      out.caps.*(field.slot) = top.*(field.slot) ? top.*(field.slot) : groups.*(field.slot);
      if (!(top.*(field.slot)) && group_overflow[i]) {
        out.issues.push_back(Issue{std::string(field.key), "money_range", std::string(field.key) + " is too large to add up."});
      }
    }
  }

 private:
  // Each entry is a line, or a supplier group with caps and a nested productInfoList.
  void entries(StageData& out, RefundCaps& groups, std::vector<bool>& overflow) {
    reader_.begin_array();
    while (reader_.next_element()) {
      if (reader_.peek() != JsonKind::kObject) {
        reader_.skip_value();
        continue;
      }
      OfferedLine line;
      bool has_id = false;
      RefundCaps caps;
      bool nested = false;
      reader_.begin_object();
      JsonString key;
      while (reader_.next_member(key)) {
        if (key.raw == "productInfoList" && reader_.peek() == JsonKind::kArray) {
          nested = true;
          RefundCaps ignored;
          std::vector<bool> ignored_overflow(5, false);
          entries(out, ignored, ignored_overflow);
        } else if (key.raw == "lineItemId") {
          if (auto id = values_.text()) {
            line.line_item_id = std::move(*id);
            has_id = true;
          }
        } else if (key.raw == "canChoose") {
          line.can_choose = values_.boolean();
        } else if (key.raw == "quantity") {
          line.quantity = values_.integer();
        } else if (key.raw == "price") {
          line.price = values_.money();
        } else if (const CapField* cap = cap_field(key.raw)) {
          caps.*(cap->slot) = values_.money();
        } else {
          reader_.skip_value();
        }
      }
      if (has_id) out.lines.push_back(std::move(line));
      (void)nested;
      for (std::size_t i = 0; i < 5; ++i) {
        const CapSlot slot = kCapFields[i].slot;
        if (!(caps.*slot)) continue;
        auto sum = (groups.*slot).value_or(Money()).plus(*(caps.*slot));
        if (sum) {
          groups.*slot = *sum;
        } else {
          overflow[i] = true;
        }
      }
    }
  }

  std::vector<std::int64_t> reasons() {
    std::vector<std::int64_t> ids;
    reader_.begin_array();
    while (reader_.next_element()) {
      if (reader_.peek() != JsonKind::kObject) {
        reader_.skip_value();
        continue;
      }
      reader_.begin_object();
      JsonString key;
      while (reader_.next_member(key)) {
        if (key.raw == "disputeReasonId") {
          if (auto id = values_.integer()) ids.push_back(*id);
        } else {
          reader_.skip_value();
        }
      }
    }
    return ids;
  }

  JsonReader& reader_;
  Values values_;
};

}  // namespace

Expected<StageData, std::string> read_stage_data(std::string_view json) {
  JsonReader reader(json);
  StageData data;
  if (reader.peek() == JsonKind::kObject) {
    StageReader(reader).data(data);
  } else {
    reader.skip_value();
  }
  if (reader.failed() || !reader.at_end()) return unexpected(reader.failed() ? reader.error() : std::string("text after the end"));
  return data;
}

Expected<RefundFigures, std::string> read_refund_figures(std::string_view json) {
  JsonReader reader(json);
  Values values(reader);
  RefundFigures figures;
  if (reader.peek() == JsonKind::kObject) {
    reader.begin_object();
    JsonString key;
    while (reader.next_member(key)) {
      if (key.raw == "refundAmount") {
        figures.refund_amount = values.money();
      } else if (key.raw == "money") {
        figures.money = values.money();
      } else if (key.raw == "refundDetails" && reader.peek() == JsonKind::kArray) {
        reader.begin_array();
        while (reader.next_element()) {
          std::optional<Money> amount;
          if (reader.peek() == JsonKind::kObject) {
            reader.begin_object();
            JsonString inner;
            while (reader.next_member(inner)) {
              if (inner.raw == "amount") {
                amount = values.money();
              } else {
                reader.skip_value();
              }
            }
          } else {
            reader.skip_value();
          }
          figures.detail_amounts.push_back(amount);
        }
      } else {
        reader.skip_value();
      }
    }
  } else {
    reader.skip_value();
  }
  if (reader.failed() || !reader.at_end()) return unexpected(reader.failed() ? reader.error() : std::string("text after the end"));
  return figures;
}

}  // namespace cjd
