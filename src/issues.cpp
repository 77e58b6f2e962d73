#include "cjd/issues.hpp"

namespace cjd {

Json issues_to_json(const Issues& issues) {
  Json list = Json::array();
  for (const auto& issue : issues) {
    list.push_back(Json{{"field", issue.field}, {"rule", issue.rule}, {"message", issue.message}});
  }
  return list;
}

}  // namespace cjd
