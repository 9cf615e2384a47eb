# Schwarm's one entry point. Every target installs what it is missing first
# (scripts/setup.sh is idempotent), so a fresh machine needs nothing else.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
# npm's binaryen must win over any Debian wasm-opt in /usr/bin.
export PATH := $(CURDIR)/.tools/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export TRUNK_SKIP_VERSION_CHECK := true

ADDR ?= 127.0.0.1:8080
DATABASE_URL ?= sqlite://schwarm.db

.PHONY: bench bench-smoke bench-tools embed-demo screenshots size help setup setup-tests fetch web server build run test lint test-unit test-api test-schema test-e2e clean

help:
	@echo "make run    build and start the board on http://$(ADDR) with demo data"
	@echo "make test   run every test: lint, unit, API and browser end-to-end"
	@echo "make build  release build: dist/ and target/release/schwarm"

setup: fetch
	scripts/setup.sh

setup-tests: fetch
	scripts/setup.sh --tests

fetch:
	cargo fetch --locked

# The web app's three bundles (Trunk builds only the root package): the
# board, the first load, into dist/; the whole customer app into dist/more/
# (every other page's path; see src/hand_over.rs); the PM app into dist/pm/.
# Trunk replaces dist/ as a whole, so the board's bundle is built first.
web: setup
	trunk build --release --offline
	trunk build --release --offline --dist dist/more --public-url /more/ more.html
	trunk build --release --offline --dist dist/pm --public-url /pm/ pm.html
	scripts/minify-glue.sh
	scripts/compress-dist.sh

server: fetch
	cargo build --release --locked -p schwarm-server

build: web server

run: build
	target/release/schwarm serve --demo --addr $(ADDR) --database-url $(DATABASE_URL) --dist dist

test: setup-tests web lint test-unit test-api test-schema test-e2e
	scripts/bundle-size.sh
	$(MAKE) bench-smoke

lint:
	cargo fmt --all -- --check
	cargo clippy --locked --workspace --all-targets -- -D warnings
	# The web app's other bundles: `pm` holds `more` and the PM area.
	cargo clippy --locked -p schwarm-web --all-targets --features pm -- -D warnings

# Pure logic: wire validation, server domain, and the i18n completeness check.
test-unit:
	cargo test --locked -p schwarm-wire
	# With `pm` (which holds `more`): every module of the web app, so its
	# tests run once, not once per bundle.
	cargo test --locked -p schwarm-web --features pm
	cargo test --locked -p schwarm-server --lib

# The real server on random loopback ports, a fresh database per test:
# the whole suite on SQLite, then again on PostgreSQL.
test-api:
	cargo test --locked -p schwarm-server --test api
	scripts/test-postgres.sh

# Schemathesis, every check, against the real server's OpenAPI document:
# anonymous and signed in (scripts/schemathesis.sh, schemathesis.toml).
test-schema:
	cargo test --locked --no-run -p schwarm-server --test api
	scripts/schemathesis.sh

# Headless Chromium against the real server and the built dist/.
# (`cargo test --no-run` builds bin/schwarm with the API tests' features, so
# no second build of the dependencies happens after test-api.)
test-e2e:
	cargo test --locked --no-run -p schwarm-server --test api
	cd tests/e2e && SCHWARM_BIN=$(CURDIR)/target/debug/schwarm SCHWARM_DIST=$(CURDIR)/dist npm test

# The benchmarks (bench/run.mjs): seeds 100k ideas / 1M votes / 200k
# comments once, loads the release server with wrk on SQLite and PostgreSQL,
# 10,000 SSE subscribers, the front end in Chromium; writes
# bench/results.json and bench/RESULTS.md with each budget.
bench: setup-tests web server bench-tools
	scripts/bundle-size.sh
	node bench/run.mjs

# The same in miniature (seconds; part of make test, nothing is judged).
bench-smoke: setup-tests web server bench-tools
	scripts/bundle-size.sh
	BENCH_IDEAS=300 node bench/run.mjs --smoke

# wrk for the API load; the live fan-out's subscribers (bench/fanout).
bench-tools:
	cargo build --release --locked -p schwarm-bench-fanout
	command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }

# The board with demo data on 127.0.0.1:8080 and, on another origin, a shop
# page that embeds it with signed login (examples/embed-host/).
embed-demo: build
	target/release/schwarm serve --demo --addr 127.0.0.1:8080 --database-url sqlite://embed-demo.db --dist dist & \
	  board=$$!; trap 'kill $$board' EXIT; \
	  SCHWARM_BOARD_URL=http://127.0.0.1:8080 node examples/embed-host/server.mjs

clean:
	cargo clean
	rm -rf dist .tools tests/e2e/node_modules

# What a first visit downloads, written to bench/bundle-size.json.
size: web
	scripts/bundle-size.sh

# The README's pictures, from the real app with demo data (docs/screenshots/).
screenshots: setup-tests web
	cargo test --locked --no-run -p schwarm-server --test api
	cd tests/e2e && SCHWARM_BIN=$(CURDIR)/target/debug/schwarm SCHWARM_DIST=$(CURDIR)/dist node screenshots.mjs
