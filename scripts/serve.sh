#!/usr/bin/env bash
# Build the page and serve it on http://localhost:8080 (PORT=… to change).
# Installs what is missing first (see scripts/setup.sh).
source "$(dirname "$0")/setup.sh"
setup_rust_wasm
setup_node
build_wasm
exec node "$ROOT/scripts/serve.mjs" "$ROOT/www" "${PORT:-8080}"
