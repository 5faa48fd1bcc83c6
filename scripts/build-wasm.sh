#!/usr/bin/env bash
# Build the page's wasm into www/pkg (size-optimized), installing what is missing first.
source "$(dirname "$0")/setup.sh"
setup_rust_wasm
build_wasm
