// Google Benchmark: the request and response pipelines in the native core, the ceiling the
// WebAssembly path is measured against. Inputs come from files named by CJD_BENCH_PARAMS and
// CJD_BENCH_BODY (bench/run.mjs writes them from bench/fixtures.mjs).
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "cjd/text_api.hpp"

namespace {

std::string read_input(const char* variable) {
  const char* path = std::getenv(variable);
  if (path == nullptr) return {};
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

const std::string& params() {
  static const std::string text = read_input("CJD_BENCH_PARAMS");
  return text;
}

const std::string& body() {
  static const std::string text = read_input("CJD_BENCH_BODY");
  return text;
}

void RequestPath(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(cjd::text_api::build_request_compact("create", params(), "", "bench-token-0123456789abcdef"));
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * params().size()));
}

void ResponsePath(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(cjd::text_api::parse_response("getDisputeList", 200, body()));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * body().size()));
}

BENCHMARK(RequestPath)->Repetitions(5)->ReportAggregatesOnly(true);
BENCHMARK(ResponsePath)->Repetitions(5)->ReportAggregatesOnly(true);

}  // namespace

BENCHMARK_MAIN();
