#!/usr/bin/env bash
# Benchmark of `missive import` (issue 12). Prints:
#   1. the recognition table: per format, the share of the corpus's letter parts
#      (tests/import/, each file's *.expect.toml) recognised as expected; the tests
#      `recognition_table` of tests/import_formats.rs (Word, web) and
#      `text_recognition_table` of tests/import_text.rs (plain text) print it
#   2. a Word letter of at least 20 pages (bench/gen_long_docx.py; pages counted in the
#      PDF missive renders from the imported source), timed with hyperfine:
#        a. `missive import long.docx` — read, convert, write, and check the letter as
#           `missive check` does (the check lays all its pages out)
#        b. `missive check long.md` on the source it wrote — the check alone
#      a − b is the reading and conversion of the Word file.
#   3. the corpus imported file by file (import and check): mean wall time per format
# Usage: bench/import.sh        (env: BENCH_DIR to keep the files, RUNS for hyperfine,
#                                default 20, MISSIVE to time that binary instead of building)
# Times the release build; the table (which does not depend on the build) comes from the
# default profile's test, so the benchmark builds no release test binary. Needs: python3 (standard library), hyperfine, pdfinfo (poppler-utils).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
WORK=${BENCH_DIR:-$(mktemp -d /tmp/missive-import-bench.XXXXXX)}
RUNS=${RUNS:-20}

say() { printf '%s\n' "$*" >&2; }

for tool in hyperfine pdfinfo python3; do
  command -v "$tool" >/dev/null || { say "bench/import.sh needs $tool"; exit 2; }
done
if [ -z "${MISSIVE:-}" ]; then
  (cd "$ROOT" && cargo build --release --quiet)
  MISSIVE=$ROOT/target/release/missive
fi

say "== 1. recognition over the corpus (share of parts recognised as expected)"
(cd "$ROOT" && cargo test --quiet --test import_formats recognition_table -- --nocapture 2>/dev/null) |
  sed -n '/^format/,/^$/p'
(cd "$ROOT" && cargo test --quiet --test import_text text_recognition_table -- --nocapture 2>/dev/null) |
  sed -n '/^format/,/^$/p'

say "== 2. a Word letter of 20 pages or more"
mkdir -p "$WORK/long" && : > "$WORK/long/missive.toml"
reps=30
while :; do
  python3 "$HERE/gen_long_docx.py" "$WORK/long/long.docx" "$reps"
  "$MISSIVE" import "$WORK/long/long.docx" --force >/dev/null
  "$MISSIVE" render "$WORK/long/long.md" >/dev/null
  pages=$(pdfinfo "$WORK/long/long.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
  [ "$pages" -ge 20 ] && break
  reps=$((reps + 2))
done
rm -f "$WORK/long/long.pdf"
paragraphs=$(python3 - "$WORK/long/long.docx" <<'EOF'
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
doc = z.read("word/document.xml").decode()
notes = z.read("word/footnotes.xml").decode()
print(f"{doc.count('<w:p>') + doc.count('<w:p ')} paragraphs, {notes.count('<w:footnote ') - 2} footnotes,"
      f" word/document.xml {len(doc) // 1024} KiB")
EOF
)
say "long.docx: $(du -k "$WORK/long/long.docx" | cut -f1) KiB, $reps repetitions of the prisons letter, $paragraphs; $pages pages as missive renders it"
hyperfine --warmup 3 --runs "$RUNS" --export-markdown "$WORK/long-times.md" \
  -n "import long.docx (with its check)" "$MISSIVE import $WORK/long/long.docx --force" \
  -n "check long.md (the check alone)" "$MISSIVE check $WORK/long/long.md" >&2
cat "$WORK/long-times.md"

say "== 3. the corpus, file by file (import and check)"
for format in word web text; do
  out="$WORK/corpus-$format"
  mkdir -p "$out" && : > "$out/missive.toml"
  n=0
  start=$(date +%s%N)
  for file in "$ROOT"/tests/import/"$format"/*; do
    case "$file" in *.expect.toml) continue ;; esac
    [ -f "$file" ] || continue
    "$MISSIVE" import "$file" -o "$out" --force >/dev/null 2>&1 || true
    n=$((n + 1))
  done
  end=$(date +%s%N)
  awk -v f="$format" -v n="$n" -v ns="$((end - start))" \
    'BEGIN { printf "%-5s %3d files, %.1f ms per file\n", f, n, ns / n / 1e6 }'
done
say "files kept in $WORK"
