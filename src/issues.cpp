#include "cjd/issues.hpp"

namespace cjd {

Json issues_to_json(const Issues& issues) {
  Json list = Json::array();
  for (const auto& issue : issues) {
    list.push_back(Json{{"field", issue.field}, {"rule", issue.rule}, {"message", issue.message}});
  }
  return list;
}

void append_issues_json(const Issues& issues, std::string& out) {
  out.push_back('[');
  for (std::size_t i = 0; i < issues.size(); ++i) {
    if (i > 0) out.push_back(',');
    out += "{\"field\":";
    write_json_string(issues[i].field, out);
    out += ",\"rule\":";
    write_json_string(issues[i].rule, out);
    out += ",\"message\":";
    write_json_string(issues[i].message, out);
    out.push_back('}');
  }
  out.push_back(']');
}

}  // namespace cjd
