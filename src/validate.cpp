#include "cjd/validate.hpp"

#include <algorithm>
#include <array>
#include <vector>

#include "cjd/json_reader.hpp"
#include "cjd/money.hpp"
#include "cjd/text.hpp"

namespace cjd {
namespace {

constexpr std::uint64_t kMaxSafeJsInteger = 9007199254740991;  // 2^53 - 1

// A scalar as read: for strings the decoded text and the raw (escaped) text, for numbers the
// exact source text.
struct FieldInput {
  JsonKind kind = JsonKind::kInvalid;
  std::string_view text;
  std::string_view raw;
  std::size_t units = 0;  // UTF-16 length of a string
};

// Where an object sits: "" at the top, "productInfoList[2]." for a line. Text is built only
// when there is something to report.
struct Prefix {
  std::string_view base;
  std::ptrdiff_t index = -1;
  std::string text() const {
    if (index < 0) return std::string(base);
    return std::string(base) + "[" + std::to_string(index) + "].";
  }
};

// Names a value in messages, built only when there is something to report.
struct Where {
  const Prefix& prefix;
  std::string_view name;
  std::string path() const { return prefix.text() + std::string(name); }
};

void report(Issues& issues, const Where& where, std::string_view rule, const std::string& sentence) {
  std::string path = where.path();
  issues.push_back(Issue{path, std::string(rule), (path.empty() ? std::string("The input") : path) + " " + sentence});
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Digits of a whole number: a plain integer or one with zero decimals ("12.0"); a string of
// digits when strings are allowed. Leading zeros dropped.
std::optional<std::string_view> whole_digits(const FieldInput& in) {
  std::string_view text = in.text;
  if (in.kind == JsonKind::kNumber) {
    if (text.find_first_of("eE") != std::string_view::npos) return std::nullopt;
    const auto dot = text.find('.');
    if (dot != std::string_view::npos) {
      if (text.find_first_not_of('0', dot + 1) != std::string_view::npos) return std::nullopt;
      text = text.substr(0, dot);
    }
  } else if (in.kind != JsonKind::kString) {
    return std::nullopt;
  }
  if (!all_digits(text)) return std::nullopt;
  const auto first = text.find_first_not_of('0');
  return first == std::string_view::npos ? text.substr(text.size() - 1) : text.substr(first);
}

void append_quoted_raw(const FieldInput& in, std::string& out) {
  out.push_back('"');
  out += in.raw;
  out.push_back('"');
}

bool check_text(const FieldSpec& spec, const FieldInput& in, const Where& where, Issues& issues, std::string& out) {
  if (in.kind != JsonKind::kString) {
    report(issues, where, "type", "must be text.");
    return false;
  }
  if (spec.required && is_blank(in.text)) {
    report(issues, where, "required", "is required and cannot be blank.");
    return false;
  }
  const std::size_t length = in.units;
  if (length > spec.max_length) {
    report(issues, where, "max_length",
           "must be at most " + std::to_string(spec.max_length) + " characters long (it is " + std::to_string(length) + ").");
    return false;
  }
  append_quoted_raw(in, out);
  return true;
}

bool check_id(const FieldSpec& spec, const FieldInput& in, const Where& where, Issues& issues, std::string& out) {
  if (in.kind == JsonKind::kString) return check_text(spec, in, where, issues, out);
  if (in.kind != JsonKind::kNumber) {
    report(issues, where, "type", "must be an id, given as text.");
    return false;
  }
  const std::string_view text = in.text;
  const bool fraction = text.find_first_of(".eE") != std::string_view::npos;
  if (!fraction && text[0] == '-') {
    report(issues, where, "type", "must be an id, given as text.");
    return false;
  }
  const bool too_big = text.size() > 16 || (text.size() == 16 && std::stoull(std::string(text)) > kMaxSafeJsInteger);
  if (fraction || too_big) {
    report(issues, where, "unsafe_integer",
           fraction ? "is a number that cannot be an exact id; pass the id as a string."
                    : "is a number too large to be exact in JavaScript; pass the id as a string.");
    return false;
  }
  out.push_back('"');
  out += text;
  out.push_back('"');
  return true;
}

std::string range_sentence(const FieldSpec& spec) {
  if (spec.max >= kMaxJavaInt) {
    return "must be a whole number of at least " + std::to_string(spec.min) + " and at most " + std::to_string(spec.max) + ".";
  }
  return "must be a whole number from " + std::to_string(spec.min) + " to " + std::to_string(spec.max) + ".";
}

bool check_integer(const FieldSpec& spec, const FieldInput& in, const Where& where, Issues& issues, std::string& out) {
  const bool is_choice = spec.kind == FieldKind::kChoice;
  const std::string choices = "must be " + std::string(spec.choices_text) + ".";
  const auto digits = whole_digits(in);
  if (!digits) {
    const bool negative_integer = in.kind == JsonKind::kNumber && in.text[0] == '-' && in.text.find_first_of(".eE") == std::string_view::npos;
    if (negative_integer && !is_choice) {
      report(issues, where, "range", range_sentence(spec));
    } else {
      report(issues, where, is_choice ? "enum" : "type", is_choice ? choices : "must be a whole number.");
    }
    return false;
  }
  std::int64_t value = 0;
  const bool fits = digits->size() <= 18;
  if (fits) {
    for (char c : *digits) value = value * 10 + (c - '0');
  }
  if (!fits || value < spec.min || value > spec.max) {
    report(issues, where, is_choice ? "enum" : "range", is_choice ? choices : range_sentence(spec));
    return false;
  }
  out += *digits;
  return true;
}

bool check_money(const FieldInput& in, const Where& where, Issues& issues, std::string& out) {
  if (in.kind != JsonKind::kString && in.kind != JsonKind::kNumber) {
    report(issues, where, "type", "must be an amount in US dollars such as 12.50 (a number or a string).");
    return false;
  }
  auto money = Money::parse(in.text, SignPolicy::kNonNegative);
  if (!money) {
    report(issues, where, money_error_rule(money.error()), std::string(money_error_text(money.error())) + ".");
    return false;
  }
  money->append_to(out);  // a JSON number with two decimals
  return true;
}

bool check_scalar(const FieldSpec& spec, const FieldInput& in, const Where& where, Issues& issues, std::string& out) {
  switch (spec.kind) {
    case FieldKind::kText: return check_text(spec, in, where, issues, out);
    case FieldKind::kId: return check_id(spec, in, where, issues, out);
    case FieldKind::kInteger:
    case FieldKind::kChoice: return check_integer(spec, in, where, issues, out);
    case FieldKind::kMoney: return check_money(in, where, issues, out);
    default: return false;
  }
}

// Streams params, checking them against the field tables.
class ParamsChecker {
 public:
  ParamsChecker(JsonReader& reader, Issues& issues) : reader_(reader), issues_(issues) {}

  // Reads a scalar into `in` (strings decoded into `scratch` when escaped). False on a
  // container (left unread) or a reader failure.
  bool read_scalar(FieldInput& in, std::string& scratch) {
    in.kind = reader_.peek();
    if (in.kind == JsonKind::kString) {
      JsonString s;
      if (!reader_.read_string(s)) return false;
      in.raw = s.raw;
      if (s.escaped) {
        JsonReader::decode(s, scratch);
        in.text = scratch;
        in.units = utf16_length(scratch);
      } else {
        in.text = s.raw;
        in.units = s.units;
      }
      return true;
    }
    if (in.kind == JsonKind::kNumber) {
      if (!reader_.read_number(in.text)) return false;
      in.raw = in.text;
      return true;
    }
    if (in.kind == JsonKind::kTrue || in.kind == JsonKind::kFalse) return reader_.read_literal();
    return false;
  }

  // One object against `fields`; the clean object in send order goes to `out` when it has no
  // issue. `line_id` receives the clean lineItemId (for the duplicate check of product lines).
  // Clean values are appended to one scratch buffer and assembled in send order at the end:
  // no allocation per field.
  bool object(const std::vector<FieldSpec>& fields, const Prefix& prefix, std::string_view owner, std::string_view owner_suffix,
              std::string& out, std::string* line_id = nullptr) {
    constexpr std::size_t kMaxFields = 16;
    const std::size_t count = std::min(fields.size(), kMaxFields);
    std::array<std::pair<std::size_t, std::size_t>, kMaxFields> spans{};  // (offset, length) in `buffer`
    std::array<bool, kMaxFields> present{};
    // One scratch buffer per nesting level (top object, product line), reused.
    std::string deeper;
    std::string& buffer = depth_ < buffers_.size() ? buffers_[depth_] : deeper;
    buffer.clear();
    ++depth_;
    struct Leave {
      std::size_t& depth;
      ~Leave() { --depth; }
    } leave{depth_};
    // Issues found per field, tagged with the field's index (a repeated key drops its earlier ones).
    std::vector<std::pair<std::size_t, Issue>> found;
    Issues unknown;
    JsonString key;
    std::string decoded_key;
    if (!reader_.begin_object()) return false;
    while (reader_.next_member(key)) {
      std::string_view name = key.raw;
      if (key.escaped) {
        JsonReader::decode(key, decoded_key);
        name = decoded_key;
      }
      std::size_t index = 0;
      while (index < count && fields[index].name != name) ++index;
      if (index == count) {
        const std::string path = prefix.text() + std::string(name);
        unknown.push_back(Issue{path, "unknown_field",
                                path + " is not a field of " + std::string(owner) + std::string(owner_suffix) + "; check the spelling."});
        if (!reader_.skip_value()) return false;
        continue;
      }
      // A repeated key: the last one counts, as in JSON.parse.
      found.erase(std::remove_if(found.begin(), found.end(), [&](const auto& entry) { return entry.first == index; }), found.end());
      present[index] = reader_.peek() != JsonKind::kNull;
      if (!present[index]) {
        if (!reader_.read_literal()) return false;
        continue;
      }
      Issues issues;
      const std::size_t offset = buffer.size();
      if (!value(fields[index], Where{prefix, fields[index].name}, issues, buffer)) return false;
      spans[index] = {offset, buffer.size() - offset};
      for (Issue& issue : issues) found.emplace_back(index, std::move(issue));
    }
    if (reader_.failed()) return false;

    const std::size_t issues_before = issues_.size();
    for (std::size_t i = 0; i < count; ++i) {
      if (!present[i] && fields[i].required) {
        const std::string path = prefix.text() + std::string(fields[i].name);
        issues_.push_back(Issue{path, "required", path + " is required."});
      }
      for (auto& entry : found) {
        if (entry.first == i) issues_.push_back(std::move(entry.second));
      }
    }
    issues_.insert(issues_.end(), unknown.begin(), unknown.end());
    const auto clean = [&](std::size_t i) { return std::string_view(buffer).substr(spans[i].first, spans[i].second); };
    if (line_id != nullptr && present[0]) {
      const bool id_ok = std::none_of(found.begin(), found.end(), [](const auto& entry) { return entry.first == 0; });
      if (id_ok) line_id->assign(clean(0));
    }
    if (issues_.size() != issues_before) return true;

    out.push_back('{');
    bool first = true;
    for (std::size_t i = 0; i < count; ++i) {
      if (!present[i]) continue;
      if (!first) out.push_back(',');
      first = false;
      out.push_back('"');
      out += fields[i].name;
      out += "\":";
      out += clean(i);
    }
    out.push_back('}');
    return true;
  }

 private:
  // One present value; issues into `issues`, the clean form into `out`. False only when the
  // reader failed (broken JSON).
  bool value(const FieldSpec& spec, const Where& where, Issues& issues, std::string& out) {
    if (spec.kind == FieldKind::kUrlList) return url_list(spec, where, issues, out);
    if (spec.kind == FieldKind::kProductLines) return product_lines(where, issues, out);
    FieldInput in;
    std::string scratch;
    if (!read_scalar(in, scratch)) {
      if (reader_.failed()) return false;
      in.kind = reader_.peek();  // an object or a list where a scalar belongs
      if (!reader_.skip_value()) return false;
    }
    check_scalar(spec, in, where, issues, out);
    return true;
  }

  bool url_list(const FieldSpec& spec, const Where& where, Issues& issues, std::string& out) {
    if (reader_.peek() != JsonKind::kArray) {
      report(issues, where, "type", "must be a list of web addresses.");
      return reader_.skip_value();
    }
    reader_.begin_array();
    out.push_back('[');
    std::size_t index = 0;
    std::string scratch;
    const std::string base = where.path();
    while (reader_.next_element()) {
      const std::string item_path = base + "[" + std::to_string(index) + "]";
      const Prefix none{};
      const Where item{none, item_path};
      FieldInput in;
      if (!read_scalar(in, scratch) || in.kind != JsonKind::kString) {
        if (reader_.failed() || (in.kind != JsonKind::kString && in.kind != JsonKind::kNumber && in.kind != JsonKind::kTrue &&
                                 in.kind != JsonKind::kFalse && !reader_.skip_value())) {
          return false;
        }
        report(issues, item, "type", "must be a web address (text).");
      } else {
        const std::size_t length = in.units;
        if (length > spec.max_length) {
          report(issues, item, "max_length",
                 "must be at most " + std::to_string(spec.max_length) + " characters long (it is " + std::to_string(length) + ").");
        } else if (!is_http_url(in.text)) {
          report(issues, item, "url", "must be a full web address starting with http:// or https://.");
        } else {
          if (index > 0 && out.back() != '[') out.push_back(',');
          append_quoted_raw(in, out);
        }
      }
      ++index;
    }
    out.push_back(']');
    return !reader_.failed();
  }

  bool product_lines(const Where& where, Issues& issues, std::string& out) {
    if (reader_.peek() != JsonKind::kArray) {
      report(issues, where, "type", "must be a list of product lines.");
      return reader_.skip_value();
    }
    reader_.begin_array();
    out.push_back('[');
    std::size_t index = 0;
    std::string seen = "\n";  // clean lineItemIds seen so far, one per line (clean JSON text has no raw newline)
    std::string line;
    std::string line_id;
    std::string needle;
    const std::string base_text = where.prefix.index < 0 && where.prefix.base.empty() ? std::string() : where.path();
    const std::string_view base = base_text.empty() ? where.name : std::string_view(base_text);
    Issues& sink = issues_;  // object() reports through issues_; the line's issues move to this field
    while (reader_.next_element()) {
      const Prefix line_prefix{base, static_cast<std::ptrdiff_t>(index)};
      if (reader_.peek() != JsonKind::kObject) {
        const std::string item_path = std::string(base) + "[" + std::to_string(index) + "]";
        issues.push_back(Issue{item_path, "type", item_path + " must be an object with lineItemId, quantity and price."});
        if (!reader_.skip_value()) return false;
        ++index;
        continue;
      }
      line.clear();
      line_id.clear();
      const std::size_t before = sink.size();
      if (!object(product_line_fields(), line_prefix, "a product line", "", line, &line_id)) return false;
      issues.insert(issues.end(), sink.begin() + static_cast<std::ptrdiff_t>(before), sink.end());
      sink.resize(before);
      if (!line_id.empty()) {
        needle.assign("\n").append(line_id).push_back('\n');
        if (seen.find(needle) != std::string::npos) {
          const std::string id_text = line_id.size() >= 2 ? line_id.substr(1, line_id.size() - 2) : line_id;
          const std::string id_path = line_prefix.text() + "lineItemId";
          issues.push_back(Issue{id_path, "duplicate", id_path + " repeats line " + id_text + "; list each line once with its total quantity."});
        }
        seen.append(line_id).push_back('\n');
      }
      if (!line.empty()) {
        if (out.back() != '[') out.push_back(',');
        out += line;
      }
      ++index;
    }
    out.push_back(']');
    if (index == 0) {
      report(issues, where, "min_items", "must list at least one product line.");
    }
    return !reader_.failed();
  }

  JsonReader& reader_;
  Issues& issues_;
  std::array<std::string, 2> buffers_;
  std::size_t depth_ = 0;
};

}  // namespace

ValidatedText validate_params_text(Operation operation, std::string_view params_json, const JsonLimits& limits) {
  ValidatedText result;
  const OperationSpec& spec = operation_spec(operation);
  if (params_json.size() > limits.max_bytes) {
    result.issues.push_back(Issue{"", "json", "The parameters are larger than " + std::to_string(limits.max_bytes) + " bytes."});
    return result;
  }
  JsonReader reader(params_json, limits.max_depth);
  if (reader.peek() != JsonKind::kObject) {
    if (reader.skip_value() && reader.at_end()) {
      result.issues.push_back(Issue{"", "type", "The parameters of " + std::string(spec.name) + " must be an object."});
    } else {
      result.issues.push_back(Issue{"", "json", "The parameters are not valid JSON: " + reader.error() + "."});
    }
    return result;
  }
  ParamsChecker checker(reader, result.issues);
  result.clean.reserve(params_json.size() + 32);
  const bool read = checker.object(spec.fields, Prefix{}, spec.name, " requests", result.clean);
  if (!read || !reader.at_end()) {
    result.issues.clear();
    result.clean.clear();
    result.issues.push_back(Issue{"", "json", "The parameters are not valid JSON: " +
                                                  (reader.failed() ? reader.error() : std::string("text after the end")) + "."});
  }
  return result;
}

std::optional<std::string> check_scalar_value(JsonReader& reader, const FieldSpec& spec, const std::string& path, Issues& issues) {
  if (reader.peek() == JsonKind::kNull) {
    reader.read_literal();
    if (spec.required) issues.push_back(Issue{path, "required", path + " is required."});
    return std::nullopt;
  }
  Issues found;
  ParamsChecker checker(reader, found);
  FieldInput in;
  std::string scratch;
  if (!checker.read_scalar(in, scratch)) {
    if (reader.failed()) return std::nullopt;
    in.kind = reader.peek();
    if (!reader.skip_value()) return std::nullopt;
  }
  const Prefix none{};
  std::string clean;
  if (check_scalar(spec, in, Where{none, path}, issues, clean)) return clean;
  return std::nullopt;
}

ValidatedParams validate_params(Operation operation, const Json& params) {
  ValidatedText text = validate_params_text(operation, to_json_text(params));
  ValidatedParams result;
  result.issues = std::move(text.issues);
  if (result.issues.empty()) {
    auto clean = parse_json(text.clean);
    if (clean) result.clean = std::move(clean).value();
  }
  return result;
}

}  // namespace cjd
