# Installs what dateline's build and tests need, skipping what is already there.
# Sourced by scripts/serve.sh and scripts/test.sh; every step is idempotent.
# Only package registries are used: rustup's own target, crates.io, Debian's packages, npm.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "need root for: $*" >&2; return 1; fi
}

APT_UPDATED=""
apt_install() {
  # apt_install PACKAGE... : installs the Debian packages that are not installed yet.
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ -z "$APT_UPDATED" ]; then say "apt-get update"; as_root apt-get update -qq; APT_UPDATED=1; fi
  say "apt-get install ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

# The wasm-bindgen version pinned in Cargo.lock (wasm-bindgen-cli must match it exactly).
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

setup_rust_wasm() {
  rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown || {
    say "rustup target add wasm32-unknown-unknown"; rustup target add wasm32-unknown-unknown; }
  local v; v="$(wasm_bindgen_version)"
  if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$v" ]; then
    say "cargo install wasm-bindgen-cli $v"
    cargo install wasm-bindgen-cli --version "$v" --locked
  fi
  command -v wasm-pack >/dev/null || { say "cargo install wasm-pack"; cargo install wasm-pack; }
  apt_install binaryen   # wasm-opt, found by wasm-pack
}

setup_node() {
  command -v node >/dev/null && command -v npm >/dev/null || apt_install nodejs npm
}

setup_browser() {
  apt_install chromium chromium-driver
}

npm_install() {
  # npm_install DIR : installs DIR's locked npm dependencies unless they are already there.
  local dir="$1"
  if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    say "npm ci in ${dir#$ROOT/}"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

build_wasm() {
  # Size-optimized release build of the page's wasm into www/pkg (generated, ignored by git).
  say "wasm-pack build → www/pkg"
  (cd "$ROOT" && CARGO_PROFILE_RELEASE_OPT_LEVEL=z wasm-pack --log-level warn build \
      --target web --release --no-pack --out-dir www/pkg --out-name dateline)
  local wasm="$ROOT/www/pkg/dateline_bg.wasm"
  say "www/pkg/dateline_bg.wasm: $(stat -c %s "$wasm") bytes, $(gzip -9c "$wasm" | wc -c) gzipped"
  # The exporters (TimelineJS, CSV, TimeML) in a second module that the page's worker loads only
  # when the reader first exports, so the page's own download stays within its budget.
  say "wasm-pack build --features page-exports → www/pkg-export"
  (cd "$ROOT" && CARGO_PROFILE_RELEASE_OPT_LEVEL=z wasm-pack --log-level warn build \
      --target web --release --no-pack --out-dir www/pkg-export --out-name dateline_export -- --features page-exports)
  wasm="$ROOT/www/pkg-export/dateline_export_bg.wasm"
  say "www/pkg-export/dateline_export_bg.wasm: $(stat -c %s "$wasm") bytes, $(gzip -9c "$wasm" | wc -c) gzipped (loaded on first export)"
}
