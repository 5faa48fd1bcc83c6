#!/usr/bin/env bash
# Build dist/dateline.html: the page in one self-contained file (wasm embedded) that works opened
# from disk, offline. Installs what is missing first (see scripts/setup.sh).
source "$(dirname "$0")/setup.sh"
setup_rust_wasm
setup_node
build_wasm
npm_install "$ROOT"
say "dist/dateline.html"
node "$ROOT/scripts/single-file.mjs" "$ROOT/www" "$ROOT/dist/dateline.html"
