# cj-disputes: the one entry point. `make test` and `make demo` work on a fresh Debian machine.
SHELL := /bin/bash
.SHELLFLAGS := -eo pipefail -c
.DEFAULT_GOAL := help

BUILD_DIR ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_BUILD_TYPE ?= RelWithDebInfo
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# System packages the build and tests need (Debian names).
APT_PACKAGES := cmake g++ make ninja-build ccache libgtest-dev nlohmann-json3-dev

CMAKE_COMMON := -G Ninja -DCMAKE_CXX_COMPILER_LAUNCHER=ccache

.PHONY: help setup native asan test test-native test-asan clean

help:
	@echo "make test    install what is missing, build native + sanitizer builds, run every test layer"
	@echo "make setup   install what is missing (idempotent; apt-get)"
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

native: setup
	cmake -S . -B $(BUILD_DIR)/native $(CMAKE_COMMON) -DCMAKE_BUILD_TYPE=$(CMAKE_BUILD_TYPE) -DCJD_BUILD_TESTS=ON
	cmake --build $(BUILD_DIR)/native -j $(JOBS)

asan: setup
	cmake -S . -B $(BUILD_DIR)/asan $(CMAKE_COMMON) -DCMAKE_BUILD_TYPE=Debug -DCJD_BUILD_TESTS=ON -DCJD_SANITIZE=ON
	cmake --build $(BUILD_DIR)/asan -j $(JOBS)

test-native: native
	ctest --test-dir $(BUILD_DIR)/native --output-on-failure -j $(JOBS)

test-asan: asan
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --test-dir $(BUILD_DIR)/asan --output-on-failure -j $(JOBS)

test: test-native test-asan

clean:
	rm -rf $(BUILD_DIR)
