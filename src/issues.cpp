#include "cjd/issues.hpp"

namespace cjd {

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
