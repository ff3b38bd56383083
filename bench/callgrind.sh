#!/usr/bin/env bash
# Instructions a batch worker executes per letter, counted by valgrind's callgrind: the
# same count for the same binary and letters however busy the machine is, so two builds
# can be compared on a shared machine where wall and CPU times swing (issue 16).
#
# Feeds the first N letters of a benchmark archive to one `missive batch-worker` (the
# process that typesets a batch's letters) under callgrind, after WARM letters outside
# the count (the first letter of a worker loads its fonts and evaluates the template once),
# and prints the instructions per letter, total and by the profile's heaviest inclusive
# functions (callgrind_annotate --inclusive=yes).
#
# Usage: bench/callgrind.sh BINARY ARCHIVE [N] [WARM]   (default N 20, WARM 3)
#   ARCHIVE: an archive of bench/gen_letters.py (e.g. --shape real)
#   env: OUT folder for the PDFs and callgrind.out (default a temporary one), TOP functions
#        to list (default 40; 0 for the total only)
# Needs: valgrind.
set -euo pipefail

BIN=$(realpath "$1") ARCHIVE=$(realpath "$2") N=${3:-20} WARM=${4:-3}
OUT=${OUT:-$(mktemp -d /tmp/missive-callgrind.XXXXXX)}
TOP=${TOP:-40}
mkdir -p "$OUT/pdf"

# requests COUNT SKIP: the worker's request lines for COUNT letters after SKIP.
requests() {
  (cd "$ARCHIVE" && find . -name '*.md' | sort | sed 's|^\./||' | tail -n +"$(($2 + 1))" | head -n "$1") |
    while read -r rel; do
      printf '{"source":"%s","target":"%s","format":"Pdf"}\n' "$ARCHIVE/$rel" "$OUT/pdf/${rel%.md}.pdf"
    done
}

# The count starts after the warm-up letters: callgrind's instrumentation is switched on
# (--instr-atstart=no + callgrind_control) once the worker has replied to them.
count() {
  local warm=$1 total=$2
  rm -f "$OUT/callgrind.out"
  mkfifo "$OUT/requests.fifo"
  valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file="$OUT/callgrind.out" \
    "$BIN" batch-worker <"$OUT/requests.fifo" >"$OUT/replies.txt" 2>"$OUT/valgrind.txt" &
  local pid=$!
  exec 3>"$OUT/requests.fifo"
  requests "$warm" 0 >&3
  while [ "$(wc -l <"$OUT/replies.txt")" -lt "$warm" ]; do sleep 0.2; done
  callgrind_control -i on "$pid" >/dev/null 2>&1
  requests "$total" "$warm" >&3
  exec 3>&-
  wait "$pid"
  rm -f "$OUT/requests.fifo"
  local failed
  failed=$(grep -vc '^{"Rendered"' "$OUT/replies.txt" || true)
  [ "$failed" = 0 ] || { echo "$failed letters failed: $(grep -v '^{"Rendered"' "$OUT/replies.txt" | head -1)" >&2; exit 1; }
}

count "$WARM" "$N"
TOTAL=$(callgrind_annotate "$OUT/callgrind.out" 2>/dev/null | awk '/PROGRAM TOTALS/ {gsub(",", "", $1); print $1}')
echo "$N letters after $WARM: $TOTAL instructions, $((TOTAL / N)) per letter ($BIN)"
if [ "$TOP" != 0 ]; then
  callgrind_annotate --inclusive=yes "$OUT/callgrind.out" 2>/dev/null |
    awk -v n="$N" -v total="$TOTAL" '/^ *[0-9,]+ .*\(/ { c = $1; gsub(",", "", c);
      sub(/^ *[0-9,]+ +(\([^)]*\) +)?/, ""); printf "%6.1f%%  %12d/letter  %s\n", 100 * c / total, c / n, substr($0, 1, 150) }' |
    head -n "$TOP"
fi
echo "callgrind output: $OUT/callgrind.out"
