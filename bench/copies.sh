#!/usr/bin/env bash
# Benchmark of personal copies (issue 13): N copies of a ~3-page letter with 20 endnotes
# from one list against N distinct letters of the same shape, in the same run,
# interleaved, median of REPS rounds; then the peak memory of the copies at 250 and N
# rows, and of `--combined` at N.
#
# Each round runs, one after another:
#   copies-render     missive render letter.md            (the copies, one process)
#   distinct-j1/-j2   missive batch DISTINCT -j1 / -j2      (the distinct letters)
#   copies-j1/-j2     missive batch COPIES -j1 / -j2        (the copies as batch jobs,
#                     when this missive's batch renders copies: tried on a 2-row list)
# and prints, for each, the median wall time and the median CPU time (user + system of
# every process, workers included: on a shared machine the steadier of the two), per
# letter, and the ratios the issue sets targets for: a copy against a distinct letter
# (at most 40 %), -j2 against -j1 (at least 1.8x). Peak memory is that of the whole
# process tree (bench/tree_rss.py): at most 1.2x from 250 to N copies and under 200 MB;
# the combined PDF of N copies under 500 MB.
#
# Usage: bench/copies.sh [N]     (default 1000; env: BENCH_DIR keeps the files; REPS,
#                                 default 3; MISSIVE, a binary to use instead of building
#                                 the release one)
# Needs: python3, /usr/bin/time (installed if missing), pdfinfo.
set -euo pipefail
N=${1:-1000}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
WORK=${BENCH_DIR:-$(mktemp -d /tmp/missive-copies.XXXXXX)}
REPS=${REPS:-3}
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
if [ -z "${MISSIVE:-}" ]; then
  (cd "$ROOT" && cargo build --release --quiet)
  MISSIVE=$ROOT/target/release/missive
fi
rm -rf "$WORK/copies" "$WORK/distinct" "$WORK/copies-250" "$WORK/copies-2" "$WORK"/out-*
(cd "$HERE" && python3 gen_copies.py --count "$N" --out "$WORK")
for rows in 250 2; do
  mkdir -p "$WORK/copies-$rows"
  cp "$WORK/copies/missive.toml" "$WORK/copies/letter.md" "$WORK/copies-$rows/"
  head -$((rows + 1)) "$WORK/copies/members.csv" >"$WORK/copies-$rows/members.csv"
done

# Whether this missive's batch renders a letter's copies (issue 13's batch part).
BATCH_COPIES=0
if "$MISSIVE" batch "$WORK/copies-2" --out "$WORK/out-probe" -j1 >/dev/null 2>&1 &&
  [ "$(find "$WORK/out-probe" -name '*.pdf' | wc -l)" = 2 ]; then
  BATCH_COPIES=1
fi
rm -rf "$WORK/out-probe"

# run NAME CMD…: runs CMD into a fresh $WORK/out-NAME, appends "wall cpu" (seconds).
run() {
  local name=$1; shift
  rm -rf "$WORK/out-$name"
  /usr/bin/time -f '%e %U %S' -o "$WORK/time.txt" "$@" "$WORK/out-$name" >/dev/null 2>&1 ||
    { echo "$name failed: $*" >&2; exit 1; }
  awk '{ print $1, $2 + $3 }' "$WORK/time.txt" >>"$WORK/$name.times"
}
# median NAME COLUMN: the median of a column of $WORK/NAME.times.
median() { awk -v c="$2" '{ print $c }' "$WORK/$1.times" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

NAMES="copies-render distinct-j1 distinct-j2"
[ "$BATCH_COPIES" = 1 ] && NAMES="$NAMES copies-j1 copies-j2"
rm -f "$WORK"/*.times
LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
for _ in $(seq "$REPS"); do
  run copies-render "$MISSIVE" render "$WORK/copies/letter.md" -o
  for jobs in 1 2; do
    run "distinct-j$jobs" "$MISSIVE" batch "$WORK/distinct" -j"$jobs" --out
    [ "$BATCH_COPIES" = 1 ] && run "copies-j$jobs" "$MISSIVE" batch "$WORK/copies" -j"$jobs" --out
  done
done

pages() { pdfinfo "$(find "$WORK/out-$1" -name '*.pdf' | sort | head -1)" 2>/dev/null | awk '/^Pages/ { print $2 }'; }
echo "$N copies / $N distinct letters, $REPS rounds, load average at the start $LOAD ($MISSIVE)"
echo "pages of a copy: $(pages copies-render); of a distinct letter: $(pages distinct-j1)"
printf '%-14s %10s %10s %14s %14s\n' run wall_s cpu_s wall_ms/letter cpu_ms/letter
for name in $NAMES; do
  w=$(median "$name" 1) c=$(median "$name" 2)
  printf '%-14s %10.2f %10.2f %14.1f %14.1f\n' "$name" "$w" "$c" "$(echo "1000 * $w / $N" | bc -l)" "$(echo "1000 * $c / $N" | bc -l)"
done
ratio() { echo "scale=1; 100 * $(median "$1" "$3") / $(median "$2" "$3")" | bc; }
echo "a copy against a distinct letter (target at most 40 %):"
echo "  render (one process) / batch -j1: wall $(ratio copies-render distinct-j1 1) %, cpu $(ratio copies-render distinct-j1 2) %"
if [ "$BATCH_COPIES" = 1 ]; then
  echo "  batch -j1 / batch -j1: wall $(ratio copies-j1 distinct-j1 1) %, cpu $(ratio copies-j1 distinct-j1 2) %"
  echo "  batch -j2 / batch -j2: wall $(ratio copies-j2 distinct-j2 1) %, cpu $(ratio copies-j2 distinct-j2 2) %"
  echo "-j2 against -j1, wall (target at least 1.8x): copies $(echo "scale=2; $(median copies-j1 1) / $(median copies-j2 1)" | bc)x, distinct $(echo "scale=2; $(median distinct-j1 1) / $(median distinct-j2 1)" | bc)x"
else
  echo "  (this missive's batch does not render copies: batch -j1/-j2 of copies not measured)"
  echo "-j2 against -j1, wall, distinct letters: $(echo "scale=2; $(median distinct-j1 1) / $(median distinct-j2 1)" | bc)x"
fi

# peak NAME CMD…: the peak RSS (MiB) of CMD's process tree, into a fresh $WORK/out-m.
peak() {
  rm -rf "$WORK/out-m"
  python3 "$HERE/tree_rss.py" "$WORK/rss.txt" "$@" >/dev/null 2>&1 || true
  cat "$WORK/rss.txt"
}
for rows in 250 "$N"; do
  dir=$WORK/copies; [ "$rows" = 250 ] && dir=$WORK/copies-250
  line="peak RSS, $rows copies: render $(peak "$MISSIVE" render "$dir/letter.md" -o "$WORK/out-m") MiB"
  [ "$BATCH_COPIES" = 1 ] && line="$line; batch -j2 $(peak "$MISSIVE" batch "$dir" -j2 --out "$WORK/out-m") MiB"
  echo "$line"
done
rss=$(peak "$MISSIVE" render "$WORK/copies/letter.md" -o "$WORK/out-m" --combined "$WORK/all.pdf")
echo "peak RSS, $N copies with --combined: $rss MiB; combined PDF $(du -m "$WORK/all.pdf" | cut -f1) MB, $(pdfinfo "$WORK/all.pdf" 2>/dev/null | awk '/^Pages/ { print $2 }') pages"
rm -rf "$WORK"/out-* "$WORK/all.pdf"
