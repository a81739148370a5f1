#!/usr/bin/env bash
# The whole search benchmark, from a clean checkout on a fresh Debian machine, in one command:
#
#   Benchmarks/run.sh
#
# Installs what it needs (Debian packages via scripts/install-deps --bench; PyPI tantivy into
# Benchmarks/out/pylib), builds Pamphlet in release mode, builds the corpus (1x and 4x) and the
# query set, runs Pamphlet, tantivy and SQLite FTS5 on the same corpus and queries, prints one
# side-by-side table and writes Benchmarks/out/results.{json,md}.
#
# Environment: SCALES="1 4" (corpus sizes to run), SCRATCH=.build (SwiftPM scratch folder),
# REPEAT=3 (timed passes over the query set), PYTHON=/usr/bin/python3 (Debian's, with its sqlite3).
set -euo pipefail
cd "$(dirname "$0")/.."
SCALES=${SCALES:-"1 4"}
SCRATCH=${SCRATCH:-.build}
REPEAT=${REPEAT:-3}
PY=${PYTHON:-/usr/bin/python3}
[[ -x "$PY" ]] || PY=python3
OUT=Benchmarks/out
mkdir -p "$OUT"
step() { printf '\n== %s\n' "$*" >&2; }

step "Debian packages (python3.11-doc, debian-reference-en, sqlite3, python3-pip, build deps)"
scripts/install-deps --bench

step "tantivy from PyPI into $OUT/pylib"
export PYTHONPATH="$PWD/$OUT/pylib${PYTHONPATH:+:$PYTHONPATH}"
have_tantivy=1
if ! "$PY" -c "import tantivy" 2>/dev/null; then
  "$PY" -m pip install --quiet --disable-pip-version-check --target "$OUT/pylib" tantivy \
    || { echo "run.sh: pip could not install tantivy; continuing without it" >&2; have_tantivy=0; }
fi

step "swift build -c release"
swift build -c release --scratch-path "$SCRATCH" --product pamphlet --static-swift-stdlib
BIN="$SCRATCH/release/pamphlet"

step "corpus and queries"
for s in $SCALES; do "$PY" Benchmarks/make_corpus.py --scale "$s"; done
"$PY" Benchmarks/make_queries.py --corpus Benchmarks/corpus --out "$OUT/queries.json"

for s in $SCALES; do
  corpus=Benchmarks/corpus; [[ $s == 1 ]] || corpus=Benchmarks/corpus-x$s
  ui=(); [[ $s == 1 ]] && ui=(--ui)
  step "Pamphlet ${s}x"
  "$BIN" bench --corpus "$corpus" --queries "$OUT/queries.json" --repeat "$REPEAT" "${ui[@]}" --json \
    > "$OUT/pamphlet-x$s.json"
  step "SQLite FTS5 ${s}x"
  "$PY" Benchmarks/ref_fts5.py bench --corpus "$corpus" --queries "$OUT/queries.json" --repeat "$REPEAT" \
    --index "$OUT/fts5-x$s.db" --out "$OUT/fts5-x$s.json"
  if ((have_tantivy)); then
    step "tantivy ${s}x"
    "$PY" Benchmarks/ref_tantivy.py bench --corpus "$corpus" --queries "$OUT/queries.json" --repeat "$REPEAT" \
      --index "$OUT/tantivy-x$s" --out "$OUT/tantivy-x$s.json"
  fi
done

step "results"
# shellcheck disable=SC2086
"$PY" Benchmarks/report.py --out "$OUT" --scales $SCALES
