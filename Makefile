# Tsuzuki for AniList. Two commands on a fresh machine:
#   make serve   installs what is missing, then runs `trunk serve` on :8080
#   make test    installs what is missing, then runs every test tier
# Each install step checks first and is skipped when the right version is
# already there.

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

TRUNK_VERSION := 0.21.14
# The wasm-bindgen-cli must match the wasm-bindgen in Cargo.toml exactly.
WASM_BINDGEN_VERSION := $(shell sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' Cargo.toml)
# npm's binaryen: Debian's (108) is too old for what rustc emits.
BINARYEN_VERSION := 132
TOOLS_DIR := $(CURDIR)/target/tools
E2E_DIR := tests/e2e
CHROMIUM ?= /usr/bin/chromium
CHROMEDRIVER ?= /usr/bin/chromedriver
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# Our wasm-opt first, then cargo's binaries.
export PATH := $(TOOLS_DIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER

.PHONY: help serve build build-subpath build-debug bench test test-native test-browser test-e2e e2e schema tools browser node-deps stand-in screenshots exchange exchange-bin clean

help:
	@echo "make serve   install what is missing, then serve the app on http://127.0.0.1:8080/"
	@echo "make test    install what is missing, then run the native, browser and end-to-end tests"
	@echo "make build   the release build in dist/"
	@echo "make bench   sizes and load times of the release build, against a minimal Leptos page"
	@echo "make screenshots  the README's pictures, made from the release build against the stand-in"
	@echo "make stand-in  a stand-in AniList on http://127.0.0.1:4000/ for trying the app by hand"
	@echo "make exchange  the token-exchange service for the code grant (EXCHANGE_* settings: README)"
	@echo "make schema  fetch AniList's schema by introspection (needs a network)"

serve: tools
	trunk serve

build: tools
	trunk build --release

test: tools browser node-deps
	@echo "== 1/3 native tests"
	$(MAKE) --no-print-directory test-native
	@echo "== 2/3 browser tests (headless Chromium)"
	$(MAKE) --no-print-directory test-browser
	@echo "== 3/3 end-to-end tests (release build, stand-in AniList, Playwright)"
	$(MAKE) --no-print-directory test-e2e

# --show-output: a test that skips for want of AniList's schema says so.
# --workspace: the app's pure logic and the token-exchange service.
test-native:
	cargo test --workspace -- --show-output

test-browser:
	cargo test --target wasm32-unknown-unknown --test browser

# The same release build for a host that serves the app under a sub-path
# (the hosting tests use it): asset URLs and <base> carry the path.
SUBPATH := /tsuzuki/
SUBPATH_DIST := target/dist-subpath

build-subpath: tools
	trunk build --release --public-url $(SUBPATH) --dist $(SUBPATH_DIST)

# The stand-in AniList answers from AniList's schema: without it (a plain
# clone with no ../shared beside it) the end-to-end tier says where it looked
# and is skipped. `make schema` fetches it.
test-e2e:
	@if where=$$(cd $(E2E_DIR) && node tools/schema.mjs check); then \
		echo "AniList schema: $$where"; \
		$(MAKE) --no-print-directory e2e; \
	else \
		echo "SKIPPED: the end-to-end tests need AniList's schema for the stand-in; $$where."; \
		echo "         Put it at ../shared/anilist/schema.graphql, set ANILIST_SCHEMA, or run 'make schema'."; \
	fi

# The debug build (what `trunk serve` serves), for the check that it keeps
# the Content-Security-Policy too.
DEBUG_DIST := target/dist-debug

build-debug: tools
	trunk build --dist $(DEBUG_DIST)

e2e: build build-subpath build-debug exchange-bin
	cd $(E2E_DIR) && EXCHANGE_BIN=$(CURDIR)/target/debug/tsuzuki-exchange CHROMIUM_PATH=$(CHROMIUM) SUBPATH_DIST_DIR=$(CURDIR)/$(SUBPATH_DIST) SUBPATH=$(SUBPATH) \
		DEBUG_DIST_DIR=$(CURDIR)/$(DEBUG_DIST) node --test --test-concurrency=1 specs/

# AniList's schema by introspection, into target/anilist-schema.graphql
# (for contributors with a network; the tests never reach AniList).
schema: node-deps
	cd $(E2E_DIR) && node tools/schema.mjs fetch

# Sizes (raw, gzip, brotli) and load times (median of 9 fresh loads each) of
# the release build and of a minimal Leptos page built the same way; and the
# size of the fixed crates' floor (tests/bench/stack: the crates this app
# must use, with none of its features).
BENCH_FLOOR_DIST := target/bench-floor
BENCH_STACK_DIST := target/bench-stack

bench: tools browser node-deps build
	trunk build --release --config tests/bench/floor/Trunk.toml --dist $(CURDIR)/$(BENCH_FLOOR_DIST)
	trunk build --release --config tests/bench/stack/Trunk.toml --dist $(CURDIR)/$(BENCH_STACK_DIST)
	cd $(E2E_DIR) && CHROMIUM_PATH=$(CHROMIUM) STACK_DIST=$(CURDIR)/$(BENCH_STACK_DIST) \
		node ../bench/bench.mjs $(CURDIR)/dist $(CURDIR)/$(BENCH_FLOOR_DIST)

# The README's pictures, from the release build against the stand-in.
screenshots: tools browser node-deps build
	cd $(E2E_DIR) && CHROMIUM_PATH=$(CHROMIUM) node tools/screenshots.mjs $(CURDIR)/tests/screenshots

# The token-exchange service (exchange/) for the code-grant tests.
exchange-bin:
	cargo build -p tsuzuki-exchange

# The token-exchange service, with the EXCHANGE_* settings from the
# environment (README, "The authorization code grant").
exchange:
	cargo run --release -p tsuzuki-exchange

stand-in: node-deps
	node $(E2E_DIR)/stand-in/server.mjs 4000 http://127.0.0.1:8080/

# ---- installs ---------------------------------------------------------

tools:
	@if rustup target list --installed | grep -qx wasm32-unknown-unknown; then \
		echo "ok: wasm32-unknown-unknown target"; \
	else \
		echo "installing: the wasm32-unknown-unknown target"; \
		rustup target add wasm32-unknown-unknown; \
	fi
	@if [ "$$(trunk --version 2>/dev/null)" = "trunk $(TRUNK_VERSION)" ]; then \
		echo "ok: trunk $(TRUNK_VERSION)"; \
	else \
		echo "installing: trunk $(TRUNK_VERSION) (about 10 minutes on a new machine)"; \
		cargo install trunk --version $(TRUNK_VERSION) --locked; \
	fi
	@test -n "$(WASM_BINDGEN_VERSION)" || { echo "Cargo.toml must pin wasm-bindgen exactly (=0.2.x)"; exit 1; }
	@if [ "$$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $(WASM_BINDGEN_VERSION)" ]; then \
		echo "ok: wasm-bindgen-cli $(WASM_BINDGEN_VERSION)"; \
	else \
		echo "installing: wasm-bindgen-cli $(WASM_BINDGEN_VERSION) (about 5 minutes on a new machine)"; \
		cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION); \
	fi
	@if [ -x "$(TOOLS_DIR)/node_modules/.bin/wasm-opt" ] && \
		"$(TOOLS_DIR)/node_modules/.bin/wasm-opt" --version | grep -q "version $(BINARYEN_VERSION)"; then \
		echo "ok: wasm-opt $(BINARYEN_VERSION)"; \
	else \
		echo "installing: wasm-opt (npm binaryen@$(BINARYEN_VERSION)) into target/tools"; \
		mkdir -p "$(TOOLS_DIR)"; \
		npm install --prefix "$(TOOLS_DIR)" --no-audit --no-fund --loglevel=error binaryen@$(BINARYEN_VERSION); \
	fi

browser:
	@if [ -x "$(CHROMIUM)" ] && [ -x "$(CHROMEDRIVER)" ]; then \
		echo "ok: $$($(CHROMIUM) --version 2>/dev/null | head -1), chromedriver"; \
	else \
		echo "installing: Debian's chromium and chromium-driver"; \
		$(SUDO) apt-get update -qq; \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver; \
	fi

node-deps: $(E2E_DIR)/node_modules/.package-lock.json

$(E2E_DIR)/node_modules/.package-lock.json: $(E2E_DIR)/package-lock.json $(E2E_DIR)/package.json
	@echo "installing: the end-to-end test packages (npm ci in $(E2E_DIR))"
	cd $(E2E_DIR) && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

clean:
	cargo clean
	rm -rf dist $(E2E_DIR)/node_modules
