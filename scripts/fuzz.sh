#!/usr/bin/env bash
# Run the cargo-fuzz targets (fuzz/fuzz_targets/) one after another from their committed seeds
# (fuzz/seeds/<target>/), growing a local corpus in fuzz/corpus/ (ignored by git).
#
#   scripts/fuzz.sh                      # each target for FUZZ_SECONDS (default 20)
#   FUZZ_RUNS=4000000 scripts/fuzz.sh    # each target for that many inputs instead
#   scripts/fuzz.sh exports              # only the targets named
#
# Prints the inputs run per target and in total; a crash stops with its reproducer in
# fuzz/artifacts/. cargo-fuzz needs nightly flags: stable rustc accepts them with RUSTC_BOOTSTRAP=1.
source "$(dirname "$0")/setup.sh"
setup_fuzz
cd "$ROOT"
export RUSTC_BOOTSTRAP=1

targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(analyze_bytes exports request_json)
limit=(-max_total_time="${FUZZ_SECONDS:-20}")
[ -n "${FUZZ_RUNS:-}" ] && limit=(-runs="$FUZZ_RUNS")

say "cargo fuzz build (${targets[*]})"
cargo fuzz build -s none

total=0
for t in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$t"
  say "cargo fuzz run $t ${limit[*]}"
  log="$(mktemp)"
  if ! cargo fuzz run -s none "$t" "fuzz/corpus/$t" "fuzz/seeds/$t" -- \
      "${limit[@]}" -max_len=8192 -dict=fuzz/dateline.dict -print_final_stats=1 >"$log" 2>&1; then
    tail -n 40 "$log"
    rm -f "$log"
    echo "fuzz target $t failed (reproducer in fuzz/artifacts/$t/)" >&2
    exit 1
  fi
  runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)"
  rm -f "$log"
  echo "$t: ${runs:-0} inputs, no crash"
  total=$((total + ${runs:-0}))
done
say "fuzzing: $total inputs in total, no crash"
