#!/usr/bin/env bash
# Installs whatever the build (and, with `test`, the tests) need and is not there yet.
# Idempotent: on a machine that has everything it only checks versions (a second or so).
# Sources: crates.io (cargo), the npm registry (npm) and Debian's apt — nothing else.
#
#   scripts/setup.sh build   # wasm32 target, trunk 0.21, wasm-bindgen-cli, wasm-split-cli, wasm-opt
#   scripts/setup.sh test    # the same, plus Debian's chromium + chromium-driver
set -euo pipefail
cd "$(dirname "$0")/.."

mode="${1:-build}"
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
say() { printf '== setup: %s\n' "$*"; }

# 1. The wasm target of the machine's one Rust toolchain.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# 2. trunk 0.21.x (0.22 needs a newer rustc). Building it takes ~16 minutes on 2 cores: only
#    when it is missing.
TRUNK_VERSION=0.21.14
if ! trunk --version 2>/dev/null | grep -q '^trunk 0\.21\.'; then
  say "installing trunk $TRUNK_VERSION from crates.io (about 16 minutes, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# 3. wasm-bindgen-cli at exactly the wasm-bindgen version in Cargo.lock; trunk refuses any other.
bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "$bindgen_version" ]; then
  echo "setup: could not read the wasm-bindgen version from Cargo.lock" >&2
  exit 1
fi
trunk_bindgen=$(awk -F'"' '/^wasm_bindgen *=/ { print $2 }' Trunk.toml)
if [ "$trunk_bindgen" != "$bindgen_version" ]; then
  echo "setup: Trunk.toml [tools] wasm_bindgen is \"$trunk_bindgen\" but Cargo.lock has $bindgen_version." >&2
  echo "       Set wasm_bindgen = \"$bindgen_version\" in Trunk.toml." >&2
  exit 1
fi
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $bindgen_version" ]; then
  say "installing wasm-bindgen-cli $bindgen_version from crates.io"
  # Not --locked: its lock file names a transitive version that crates.io no longer serves.
  cargo install wasm-bindgen-cli --version "$bindgen_version" --force
fi

# 3b. wasm-split-cli, which cuts the program in its first screen's part and the other pages'
#     (scripts/split-wasm.mjs). About 2 minutes to build, once.
WASM_SPLIT_VERSION=0.2.3
if ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  say "installing wasm-split-cli $WASM_SPLIT_VERSION from crates.io (about 2 minutes, once)"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --force
fi

# 4. npm tools: wasm-opt (the `binaryen` package, current enough for today's rustc output) and
#    playwright-core. Reinstalled only when package-lock.json changed.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm tools (binaryen, playwright-core)"
  npm ci --no-audit --no-fund --loglevel=error
fi

# 5. A browser for the real-browser tests (Debian's chromium and its driver), and qpdf: a PDF
#    reader that is not the app's own, to check the PDFs the app makes.
if [ "$mode" = "test" ]; then
  missing=""
  { [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; } || missing="chromium chromium-driver"
  [ -x /usr/bin/qpdf ] || missing="$missing qpdf"
  if [ -n "$missing" ]; then
    say "installing from Debian:$missing"
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
  fi
fi

say "ready (trunk $(trunk --version | awk '{print $2}'), wasm-bindgen $bindgen_version, $(node_modules/.bin/wasm-opt --version | awk '{print $1, $3}'))"
