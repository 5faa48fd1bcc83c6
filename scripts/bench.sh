#!/usr/bin/env bash
# Benchmarks: dateline beside chrono-node and compromise in Node (one run, same texts), page
# sizes, then the Rust per-stage benchmark. Needs ../shared beside the repo.
source "$(dirname "$0")/setup.sh"
setup_rust_wasm
setup_node
build_wasm
npm_install "$ROOT/bench"
say "node bench/bench.mjs"
(cd "$ROOT/bench" && node bench.mjs)
say "node bench/reanalysis.mjs (ten 5,000-word articles, one edited)"
(cd "$ROOT" && node bench/reanalysis.mjs)
say "node bench/page-edit.mjs (the same, on the page in headless Chromium)"
setup_browser
npm_install "$ROOT"
(cd "$ROOT" && node bench/page-edit.mjs)
say "cargo bench (per stage)"
cd "$ROOT" && cargo bench --bench analyze
