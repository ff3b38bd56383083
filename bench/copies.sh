#!/usr/bin/env bash
# Benchmark of personal copies (issue 13): N copies of a ~3-page letter with 20 endnotes
# from one list (`missive render`, one process) against `missive batch` on N distinct
# letters of the same shape, in the same run, interleaved, median of REPS runs; peak RSS
# of the copies at 250 and N rows; peak RSS of `--combined` at N.
# Usage: bench/copies.sh [N]     (env: BENCH_DIR keeps the files; REPS, default 3;
#                                 MISSIVE, a binary to use instead of a release build)
# Needs: python3, /usr/bin/time.
set -euo pipefail
N=${1:-1000}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
WORK=${BENCH_DIR:-$(mktemp -d /tmp/missive-copies.XXXXXX)}
REPS=${REPS:-3}
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
# MISSIVE=path runs that binary instead of building the release one.
if [ -z "${MISSIVE:-}" ]; then
  (cd "$ROOT" && cargo build --release --quiet)
  MISSIVE=$ROOT/target/release/missive
fi
rm -rf "$WORK/copies" "$WORK/distinct" "$WORK/copies-250"
(cd "$HERE" && python3 gen_copies.py --count "$N" --out "$WORK")
mkdir -p "$WORK/copies-250"
cp "$WORK/copies/missive.toml" "$WORK/copies/letter.md" "$WORK/copies-250/"
head -251 "$WORK/copies/members.csv" > "$WORK/copies-250/members.csv"

# time OUT CMD…: wall seconds of one run.
run() { local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s.%N); echo "$t1 - $t0" | bc; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

: > "$WORK/copies.t"; : > "$WORK/distinct-j1.t"; : > "$WORK/distinct-j2.t"
for _ in $(seq "$REPS"); do
  rm -rf "$WORK/out-c"; run "$MISSIVE" render "$WORK/copies/letter.md" -o "$WORK/out-c" >> "$WORK/copies.t"
  rm -rf "$WORK/out-d1"; run "$MISSIVE" batch "$WORK/distinct" --out "$WORK/out-d1" -j1 >> "$WORK/distinct-j1.t"
  rm -rf "$WORK/out-d2"; run "$MISSIVE" batch "$WORK/distinct" --out "$WORK/out-d2" -j2 >> "$WORK/distinct-j2.t"
done
C=$(median < "$WORK/copies.t"); D1=$(median < "$WORK/distinct-j1.t"); D2=$(median < "$WORK/distinct-j2.t")
echo "pages of a copy: $(pdfinfo "$(ls "$WORK"/out-c/*.pdf | head -1)" | awk '/^Pages/ {print $2}'); of a distinct letter: $(pdfinfo "$(find "$WORK/out-d1" -name '*.pdf' | head -1)" | awk '/^Pages/ {print $2}')"
echo "copies, render (one process): $C s for $N = $(echo "scale=2; 1000 * $C / $N" | bc) ms/copy"
echo "distinct, batch -j1: $D1 s = $(echo "scale=2; 1000 * $D1 / $N" | bc) ms/letter; -j2: $D2 s = $(echo "scale=2; 1000 * $D2 / $N" | bc) ms/letter"
echo "a copy costs $(echo "scale=1; 100 * $C / $D1" | bc) % of a distinct letter at -j1"
for rows in 250 "$N"; do
  dir=$WORK/copies; [ "$rows" = 250 ] && dir=$WORK/copies-250
  rm -rf "$WORK/out-m"
  python3 "$HERE/tree_rss.py" "$WORK/rss.txt" "$MISSIVE" render "$dir/letter.md" -o "$WORK/out-m" >/dev/null 2>&1 || true
  echo "peak RSS, $rows copies: $(cat "$WORK/rss.txt") MiB"
done
rm -rf "$WORK/out-m"
python3 "$HERE/tree_rss.py" "$WORK/rss.txt" "$MISSIVE" render "$WORK/copies/letter.md" -o "$WORK/out-m" --combined "$WORK/all.pdf" >/dev/null 2>&1 || true
echo "peak RSS, $N copies with --combined: $(cat "$WORK/rss.txt") MiB; combined PDF $(du -m "$WORK/all.pdf" | cut -f1) MB, $(pdfinfo "$WORK/all.pdf" | awk '/^Pages/ {print $2}') pages"
