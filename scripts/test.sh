#!/usr/bin/env bash
# Run every test: Rust unit, example-table, property, CLI and corpus tests; the wasm boundary in
# headless Chromium (wasm-bindgen-test); the cargo-fuzz targets for a bounded time; the page end to
# end in headless Chromium (Playwright), the single-file build opened from disk included.
# Installs what is missing first (see scripts/setup.sh).
source "$(dirname "$0")/setup.sh"
setup_rust_wasm
setup_node
setup_browser
npm_install "$ROOT"
cd "$ROOT"

say "cargo test (native)"
cargo test

say "the HeidelTime comparison's scorer (python3 unittest)"
command -v python3 >/dev/null || apt_install python3
(cd bench/heideltime && python3 -m unittest -v test_score 2>&1 | tail -n 3)

say "wasm-bindgen-test in headless Chromium"
CHROMEDRIVER=/usr/bin/chromedriver \
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test --target wasm32-unknown-unknown --test wasm

build_wasm

say "the single-file build (dist/dateline.html)"
node scripts/single-file.mjs

say "fuzzing, briefly (each target ${FUZZ_SECONDS:=20} s from its committed seeds)"
FUZZ_SECONDS="$FUZZ_SECONDS" scripts/fuzz.sh

say "end-to-end tests in headless Chromium"
node --test tests/e2e/
