# cj-disputes: the one entry point. `make test` and `make demo` work on a fresh Debian machine.
SHELL := /bin/bash
.SHELLFLAGS := -eo pipefail -c
.DEFAULT_GOAL := help

BUILD_DIR ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_BUILD_TYPE ?= RelWithDebInfo
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# System packages the build and tests need (Debian names).
APT_PACKAGES := cmake g++ make ninja-build ccache libgtest-dev nlohmann-json3-dev emscripten chromium clang libclang-rt-14-dev libbenchmark-dev

CMAKE_COMMON := -G Ninja -DCMAKE_CXX_COMPILER_LAUNCHER=ccache

# Debian's emcc runs acorn from /usr/share/nodejs at -O1 and above.
export NODE_PATH := /usr/share/nodejs
WASM_OUT := $(BUILD_DIR)/wasm/bindings/wasm
NPM_DIR := npm

.PHONY: help setup native asan wasm package npm-deps demo bench bench-native fuzz fuzz-build test test-native test-asan test-js test-fuzz clean

help:
	@echo "make demo    install what is missing, build, serve the dashboard against the CJ sandbox (or real CJ with CJ_API_KEY / CJ_ACCESS_TOKEN)"
	@echo "make test    install what is missing, build native + sanitizer builds, run every test layer"
	@echo "make bench   measure the seven benchmark parts; prints the table, writes bench/results.json"
	@echo "make fuzz    run each libFuzzer target for FUZZ_SECONDS (default 60)"
	@echo "make setup   install what is missing (idempotent; apt-get)"
	@echo "make package build the WebAssembly module into npm/ (the cj-disputes package)"
	@echo "make clean   remove $(BUILD_DIR)/"

setup:
	@missing=""; \
	for pkg in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' "$$pkg" 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$pkg"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "setup: installing$$missing"; \
	  $(SUDO) apt-get update -qq; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	else \
	  echo "setup: system packages present"; \
	fi
	@command -v node >/dev/null && command -v npm >/dev/null || \
	  { echo "setup: Node.js >= 18 with npm is required (preinstalled on the project's machines)"; exit 1; }

native: setup
	cmake -S . -B $(BUILD_DIR)/native $(CMAKE_COMMON) -DCMAKE_BUILD_TYPE=$(CMAKE_BUILD_TYPE) -DCJD_BUILD_TESTS=ON
	cmake --build $(BUILD_DIR)/native -j $(JOBS)

asan: setup
	cmake -S . -B $(BUILD_DIR)/asan $(CMAKE_COMMON) -DCMAKE_BUILD_TYPE=Debug -DCJD_BUILD_TESTS=ON -DCJD_SANITIZE=ON
	cmake --build $(BUILD_DIR)/asan -j $(JOBS)

# The glue is minified with the Closure Compiler from npm (a dev dependency).
wasm: setup npm-deps
	emcmake cmake -S . -B $(BUILD_DIR)/wasm -G Ninja -DCMAKE_BUILD_TYPE=Release -DCJD_BUILD_TESTS=OFF -DCJD_WASM_CLOSURE=ON
	EM_CLOSURE_COMPILER=$(CURDIR)/$(NPM_DIR)/node_modules/.bin/google-closure-compiler cmake --build $(BUILD_DIR)/wasm -j $(JOBS)
	@cmp -s $(WASM_OUT)/web/cj-disputes-core.wasm $(WASM_OUT)/node/cj-disputes-core.wasm || \
	  { echo "the web and node links produced different .wasm files"; exit 1; }

# Stages the built module and the README into the npm package folder.
package: wasm
	mkdir -p $(NPM_DIR)/wasm
	cp $(WASM_OUT)/web/cj-disputes-core.wasm $(WASM_OUT)/web/cj-disputes-core.mjs $(WASM_OUT)/node/cj-disputes-core.cjs $(NPM_DIR)/wasm/
	cp README.md $(NPM_DIR)/README.md

npm-deps: setup $(NPM_DIR)/node_modules/.package-lock.json

$(NPM_DIR)/node_modules/.package-lock.json: $(NPM_DIR)/package.json $(NPM_DIR)/package-lock.json
	cd $(NPM_DIR) && npm ci --no-audit --no-fund
	@touch $@

test-native: native
	ctest --test-dir $(BUILD_DIR)/native --output-on-failure -j $(JOBS)

test-asan: asan
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --test-dir $(BUILD_DIR)/asan --output-on-failure -j $(JOBS)

# The dashboard on http://127.0.0.1:$${DEMO_PORT:-8080}/ with the sandbox on $${SANDBOX_PORT:-8787};
# Ctrl-C stops both.
demo: package npm-deps
	node web/server.js

test-js: package npm-deps
	cd $(NPM_DIR) && npm test
	cd $(NPM_DIR) && npm run --silent test:types

bench-native: setup
	cmake -S . -B $(BUILD_DIR)/bench $(CMAKE_COMMON) -DCMAKE_BUILD_TYPE=Release -DCJD_BUILD_TESTS=OFF -DCJD_BUILD_BENCH=ON
	cmake --build $(BUILD_DIR)/bench -j $(JOBS)

# One run, seven parts: it measures and reports, it asserts no time.
bench: package npm-deps bench-native
	CJD_NATIVE_BENCH=$(BUILD_DIR)/bench/bench/native/cjd_core_bench node bench/run.mjs

FUZZ_TARGETS := fuzz_money fuzz_response fuzz_request fuzz_url
FUZZ_SECONDS ?= 60
FUZZ_DIR := $(BUILD_DIR)/fuzz

fuzz-build: setup
	CXX=clang++ cmake -S . -B $(FUZZ_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCJD_BUILD_TESTS=OFF -DCJD_BUILD_FUZZERS=ON
	cmake --build $(FUZZ_DIR) -j $(JOBS)

# Each target for FUZZ_SECONDS from the committed seeds (new finds stay in build/fuzz/corpus);
# a crash is saved under tests/fuzz/crashes/<target>/ (commit it: it becomes a regression case).
fuzz: fuzz-build
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p $(FUZZ_DIR)/corpus/$$t tests/fuzz/crashes/$$t; \
	  $(FUZZ_DIR)/tests/fuzz/$$t $(FUZZ_DIR)/corpus/$$t tests/fuzz/corpus/$$t -max_total_time=$(FUZZ_SECONDS) -timeout=5 \
	    -print_final_stats=1 -artifact_prefix=tests/fuzz/crashes/$$t/ > $(FUZZ_DIR)/$$t.log 2>&1 \
	    || { tail -40 $(FUZZ_DIR)/$$t.log; echo "fuzz: $$t FAILED"; exit 1; }; \
	  echo "fuzz: $$t ok, $$(grep -o 'number_of_executed_units: [0-9]*' $(FUZZ_DIR)/$$t.log | grep -o '[0-9]*') executions in $(FUZZ_SECONDS) s"; \
	done

# The committed corpus and every crash ever found, then a short pass of each target.
test-fuzz: fuzz-build
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p tests/fuzz/crashes/$$t; \
	  $(FUZZ_DIR)/tests/fuzz/$$t tests/fuzz/corpus/$$t tests/fuzz/crashes/$$t -runs=0 -timeout=5 > $(FUZZ_DIR)/$$t.regression.log 2>&1 \
	    || { tail -40 $(FUZZ_DIR)/$$t.regression.log; echo "fuzz: $$t regression FAILED"; exit 1; }; \
	  echo "fuzz: $$t regression corpus ok"; \
	done
	@$(MAKE) --no-print-directory fuzz FUZZ_SECONDS=15

test: test-native test-asan test-js test-fuzz

clean:
	rm -rf $(BUILD_DIR) $(NPM_DIR)/wasm $(NPM_DIR)/README.md
