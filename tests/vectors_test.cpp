// Runs the shared vectors in tests/vectors/*.json through the core's text API, the same entry
// points the WebAssembly module exposes; the Jest suite runs the same files through the wasm build.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cjd/json.hpp"
#include "cjd/operation.hpp"
#include "cjd/text_api.hpp"

namespace cjd {
namespace {

struct VectorCase {
  std::string operation;
  std::string kind;  // "request" or "response"
  std::size_t index = 0;
  Json data;      // the case, parsed losslessly so params keep their exact numbers
  Json defaults;  // baseUrl, accessToken
};

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::vector<VectorCase> load_cases() {
  std::vector<VectorCase> cases;
  for (Operation op : all_operations()) {
    const std::string name(operation_name(op));
    auto file = parse_json(read_file(std::string(CJD_VECTORS_DIR) + "/" + name + ".json"));
    if (!file) {
      ADD_FAILURE() << "cannot read vectors of " << name << ": " << file.error().message;
      continue;
    }
    for (const char* kind : {"requests", "responses"}) {
      const Json& list = (*file)[kind];
      for (std::size_t i = 0; i < list.size(); ++i) {
        cases.push_back(VectorCase{name, std::string(kind).substr(0, std::string(kind).size() - 1), i, list[i], (*file)["defaults"]});
      }
    }
  }
  return cases;
}

// Compared as plain JSON (object key order and number spelling do not matter).
nlohmann::json plain(const Json& value) { return nlohmann::json::parse(to_json_text(value)); }

std::vector<std::pair<std::string, std::string>> field_rules(const nlohmann::json& issues) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& issue : issues) out.emplace_back(issue.at("field").get<std::string>(), issue.at("rule").get<std::string>());
  std::sort(out.begin(), out.end());
  return out;
}

void PrintTo(const VectorCase& c, std::ostream* os) {
  *os << c.operation << " " << c.kind << " #" << c.index << ": " << c.data["name"].get<std::string>();
}

class SharedVectors : public ::testing::TestWithParam<VectorCase> {};

TEST_P(SharedVectors, MatchesExpectation) {
  const VectorCase& c = GetParam();
  SCOPED_TRACE(c.data["name"].get<std::string>());
  const nlohmann::json expect = plain(c.data["expect"]);
  if (c.kind == "request") {
    const Json config = c.data.contains("config") ? c.data["config"] : c.defaults;
    const auto actual = nlohmann::json::parse(text_api::build_request(
        c.operation, to_json_text(c.data["params"]), config["baseUrl"].get<std::string>(), config["accessToken"].get<std::string>()));
    ASSERT_EQ(actual["ok"], expect["ok"]) << actual.dump();
    if (expect["ok"]) {
      EXPECT_EQ(actual["request"], expect["request"]);
    } else {
      EXPECT_EQ(field_rules(actual["issues"]), field_rules(expect["issues"])) << actual.dump();
      for (const auto& issue : actual["issues"]) EXPECT_FALSE(issue["message"].get<std::string>().empty());
    }
    return;
  }
  const auto actual = nlohmann::json::parse(
      text_api::parse_response(c.operation, c.data["httpStatus"].get<int>(), c.data["body"].get<std::string>()));
  ASSERT_EQ(actual["ok"], expect["ok"]) << actual.dump();
  if (expect["ok"]) {
    EXPECT_EQ(actual["data"], expect["data"]);
    EXPECT_EQ(actual["requestId"], expect["requestId"]);
  } else {
    // Only the keys the vector names are compared; message must always be there.
    for (const auto& [key, value] : expect["error"].items()) EXPECT_EQ(actual["error"][key], value) << key << " in " << actual.dump();
    EXPECT_FALSE(actual["error"]["message"].get<std::string>().empty());
  }
}

std::string case_name(const ::testing::TestParamInfo<VectorCase>& info) {
  return info.param.operation + "_" + info.param.kind + "_" + std::to_string(info.param.index);
}

INSTANTIATE_TEST_SUITE_P(Vectors, SharedVectors, ::testing::ValuesIn(load_cases()), case_name);

TEST(SharedVectorFiles, EveryOperationHasRequestAndResponseCases) {
  for (Operation op : all_operations()) {
    auto file = parse_json(read_file(std::string(CJD_VECTORS_DIR) + "/" + std::string(operation_name(op)) + ".json"));
    ASSERT_TRUE(file) << operation_name(op);
    EXPECT_GE((*file)["requests"].size(), 3u) << operation_name(op);
    EXPECT_GE((*file)["responses"].size(), 3u) << operation_name(op);
  }
}

}  // namespace
}  // namespace cjd
