#include "cjd/json.hpp"

#include <array>
#include <charconv>
#include <vector>

namespace cjd {
namespace {

constexpr std::uint64_t kNumberTextSubtype = 0xC7;

// Builds the DOM like nlohmann's json_sax_dom_parser, but keeps floats as text and stops at the
// depth limit instead of recursing without bound.
class LosslessDomBuilder {
 public:
  LosslessDomBuilder(Json& root, int max_depth) : root_(root), max_depth_(max_depth) {}

  bool null() { return put(Json(nullptr)); }
  bool boolean(bool v) { return put(Json(v)); }
  bool number_integer(Json::number_integer_t v) { return put(Json(v)); }
  bool number_unsigned(Json::number_unsigned_t v) { return put(Json(v)); }
  bool number_float(Json::number_float_t, const Json::string_t& text) { return put(make_number_text(text)); }
  bool string(Json::string_t& v) { return put(Json(std::move(v))); }
  bool binary(Json::binary_t& v) { return put(Json::binary(std::move(v))); }

  bool start_object(std::size_t) { return open(Json::object()); }
  bool key(Json::string_t& k) {
    // A repeated key keeps the last value, as JSON.parse does.
    Json& object = *stack_.back();
    pending_ = &object[k];
    return true;
  }
  bool end_object() { return close(); }
  bool start_array(std::size_t) { return open(Json::array()); }
  bool end_array() { return close(); }

  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) {
    error_ = describe(position, ex.id);
    return false;
  }

  const std::string& error() const { return error_; }

 private:
  static std::string describe(std::size_t position, int id) {
    std::string where = " at byte " + std::to_string(position);
    if (id == 101) return "the text is not valid JSON (it may be cut short or not JSON at all)" + where;
    return "the text is not valid JSON" + where;
  }

  bool put(Json&& value) {
    if (stack_.empty()) {
      root_ = std::move(value);
      return true;
    }
    Json& parent = *stack_.back();
    if (parent.is_array()) {
      parent.push_back(std::move(value));
    } else {
      *pending_ = std::move(value);
    }
    return true;
  }

  bool open(Json&& container) {
    if (static_cast<int>(stack_.size()) >= max_depth_) {
      error_ = "the JSON is nested more than " + std::to_string(max_depth_) + " levels deep";
      return false;
    }
    Json* slot = nullptr;
    if (stack_.empty()) {
      root_ = std::move(container);
      slot = &root_;
    } else {
      Json& parent = *stack_.back();
      if (parent.is_array()) {
        parent.push_back(std::move(container));
        slot = &parent.back();
      } else {
        *pending_ = std::move(container);
        slot = pending_;
      }
    }
    stack_.push_back(slot);
    return true;
  }

  bool close() {
    stack_.pop_back();
    return true;
  }

  Json& root_;
  int max_depth_;
  std::vector<Json*> stack_;
  Json* pending_ = nullptr;
  std::string error_;
};

template <class Int>
void append_integer(Int value, std::string& out) {
  char buffer[24];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  (void)ec;  // 24 bytes always hold a 64-bit integer
  out.append(buffer, static_cast<std::size_t>(end - buffer));
}

}  // namespace

Expected<Json, JsonError> parse_json(std::string_view text, const JsonLimits& limits) {
  if (text.size() > limits.max_bytes) {
    return unexpected(JsonError{"the JSON text is " + std::to_string(text.size()) + " bytes, more than the limit of " +
                                std::to_string(limits.max_bytes)});
  }
  Json root;
  LosslessDomBuilder builder(root, limits.max_depth);
  const bool ok = Json::sax_parse(text.begin(), text.end(), &builder, Json::input_format_t::json, true, false);
  if (!ok) {
    return unexpected(JsonError{builder.error().empty() ? std::string("the text is not valid JSON") : builder.error()});
  }
  return root;
}

Json make_number_text(std::string_view text) {
  return Json::binary(Json::binary_t::container_type(text.begin(), text.end()), kNumberTextSubtype);
}

bool is_number_text(const Json& value) {
  return value.is_binary() && value.get_binary().has_subtype() && value.get_binary().subtype() == kNumberTextSubtype;
}

std::string_view number_text(const Json& value) {
  if (!is_number_text(value)) return {};
  const auto& bytes = value.get_binary();
  return std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size());
}

std::optional<std::string> number_as_text(const Json& value) {
  std::string out;
  if (value.is_number_unsigned()) {
    append_integer(value.get<Json::number_unsigned_t>(), out);
  } else if (value.is_number_integer()) {
    append_integer(value.get<Json::number_integer_t>(), out);
  } else if (is_number_text(value)) {
    out = std::string(number_text(value));
  } else {
    return std::nullopt;
  }
  return out;
}

namespace {

// 1 for the bytes a JSON string must escape: control characters, '"' and '\\'.
constexpr std::array<bool, 256> escape_table() {
  std::array<bool, 256> table{};
  for (int c = 0; c < 0x20; ++c) table[static_cast<std::size_t>(c)] = true;
  table['"'] = true;
  table['\\'] = true;
  return table;
}
constexpr std::array<bool, 256> kNeedsEscape = escape_table();

}  // namespace

void write_json_string(std::string_view text, std::string& out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  std::size_t run_start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (!kNeedsEscape[c]) continue;
    out.append(text.data() + run_start, i - run_start);
    run_start = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        out += "\\u00";
        out.push_back(kHex[c >> 4]);
        out.push_back(kHex[c & 0xF]);
    }
  }
  out.append(text.data() + run_start, text.size() - run_start);
  out.push_back('"');
}

void write_json(const Json& value, std::string& out) {
  switch (value.type()) {
    case Json::value_t::null:
    case Json::value_t::discarded: out += "null"; return;
    case Json::value_t::boolean: out += value.get<bool>() ? "true" : "false"; return;
    case Json::value_t::number_integer: append_integer(value.get<Json::number_integer_t>(), out); return;
    case Json::value_t::number_unsigned: append_integer(value.get<Json::number_unsigned_t>(), out); return;
    // The core never builds doubles (numbers keep their text); writing one would mean binary
    // floating point had crept in, so it is refused rather than printed.
    case Json::value_t::number_float: out += "null"; return;
    case Json::value_t::string: write_json_string(value.get_ref<const std::string&>(), out); return;
    case Json::value_t::binary:
      if (is_number_text(value)) {
        out += number_text(value);
      } else {
        out += "null";
      }
      return;
    case Json::value_t::array: {
      out.push_back('[');
      bool first = true;
      for (const auto& item : value) {
        if (!first) out.push_back(',');
        first = false;
        write_json(item, out);
      }
      out.push_back(']');
      return;
    }
    case Json::value_t::object: {
      out.push_back('{');
      bool first = true;
      for (const auto& [key, item] : value.items()) {
        if (!first) out.push_back(',');
        first = false;
        write_json_string(key, out);
        out.push_back(':');
        write_json(item, out);
      }
      out.push_back('}');
      return;
    }
  }
}

std::string to_json_text(const Json& value) {
  std::string out;
  write_json(value, out);
  return out;
}

}  // namespace cjd
