#!/usr/bin/env bash
# Every check and test, in the order a failure is cheapest to find. `make test` runs this.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

step() { printf '\n== %s\n' "$*"; }

step "setup"
scripts/setup.sh test

step "cargo fmt --check"
cargo fmt --all --check

step "clippy (host, all targets)"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "clippy (wasm32)"
cargo clippy --workspace --target wasm32-unknown-unknown --lib --bins --locked -- -D warnings

step "native tests"
# The PDF writer's output is also read by qpdf (installed by setup): required here.
ZHICHENG_REQUIRE_QPDF=1 cargo test --workspace --locked

step "release build"
trunk build --release

step "bundle size"
node scripts/size-report.mjs dist

step "real-browser tests (Playwright on Debian chromium, release build)"
node --test --test-concurrency=1 tests/browser/
