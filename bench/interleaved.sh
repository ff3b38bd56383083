#!/usr/bin/env bash
# Two missive binaries side by side on the batch benchmark's letters, in interleaved
# runs (old -j1, new -j1, old -j2, new -j2, stock typst CLI on the community template,
# in each round), so that a busy machine disturbs both alike; prints the median of each,
# wall time and CPU time (user + system of all processes: steadier on a shared machine).
# Usage: bench/interleaved.sh OLD NEW [N]     (env: ROUNDS, default 5; BENCH_DIR; SHAPE of
#        the letters, `short` (default, the original set) or `real` (issue 16: 1-4 pages,
#        5-30 endnotes; see bench/gen_letters.py))
# Needs what bench/batch.sh needs (run it once first: it installs typst and the fonts).
set -euo pipefail

OLD=$1 NEW=$2 N=${3:-1000}
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/community.sh"
WORK=${BENCH_DIR:-$(mktemp -d /tmp/missive-interleaved.XXXXXX)}
ROUNDS=${ROUNDS:-5}
SHAPE=${SHAPE:-short}

rm -rf "$WORK/archive" "$WORK/community" "$WORK"/out-*
python3 "$HERE/gen_letters.py" --count "$N" --shape "$SHAPE" --out "$WORK" >/dev/null
cp "$COMMUNITY_TEMPLATE" "$WORK/community/template/letter.typ"
(cd "$WORK/community" && find letters -name '*.typ' | sort >list.txt)

# run NAME CMD…: times CMD and appends "wall user system" (seconds) to $WORK/NAME.times.
run() {
  local name=$1; shift
  /usr/bin/time -f '%e %U %S' -o "$WORK/time.txt" "$@" >/dev/null 2>&1 || { echo "$name failed" >&2; exit 1; }
  cat "$WORK/time.txt" >>"$WORK/$name.times"
}
rm -f "$WORK"/*.times
LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
for round in $(seq "$ROUNDS"); do
  for jobs in 1 2; do
    for which in old new; do
      bin=$OLD; [ "$which" = new ] && bin=$NEW
      rm -rf "$WORK/out-$which"
      run "$which-j$jobs" "$bin" batch "$WORK/archive" --out "$WORK/out-$which" -j"$jobs"
    done
  done
  rm -f "$WORK"/community/letters/*.pdf
  run community sh -c "cd '$WORK/community' && xargs -P2 -I{} typst compile --root . \
    --font-path '$LIBERTINE' --ignore-system-fonts {} <list.txt"
  echo "round $round done" >&2
done
cmp -s <(cd "$WORK/out-old" && find . -name '*.pdf' -exec md5sum {} + | sort) \
       <(cd "$WORK/out-new" && find . -name '*.pdf' -exec md5sum {} + | sort) \
  && SAME="byte-identical" || SAME="DIFFERENT"

python3 - "$WORK" "$N" "$ROUNDS" "$LOAD" "$SAME" "$SHAPE" <<'PY'
import statistics, sys
work, n, rounds, load, same, shape = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5], sys.argv[6]
runs = {k: [[float(x) for x in line.split()] for line in open(f"{work}/{k}.times")] for k in
        ["old-j1", "new-j1", "old-j2", "new-j2", "community"]}
t = {k: [r[0] for r in v] for k, v in runs.items()}
cpu = {k: statistics.median(r[1] + r[2] for r in v) for k, v in runs.items()}
m = {k: statistics.median(v) for k, v in t.items()}
print(f"{n} letters ({shape}), {rounds} interleaved rounds, medians (all runs); load average before: {load}")
for k in ["old-j1", "new-j1", "old-j2", "new-j2", "community"]:
    print(f"  {k:10} {m[k]:6.2f} s  ({1000 * m[k] / n:.1f} ms/letter, CPU {1000 * cpu[k] / n:.1f} ms/letter)"
          f"  runs: {' '.join(f'{x:.2f}' for x in t[k])}")
for w in ["old", "new"]:
    print(f"  {w}: -j2 speed-up over -j1 {m[w + '-j1'] / m[w + '-j2']:.2f}x (target >= 1.9x); "
          f"stock community / -j2 {m['community'] / m[w + '-j2']:.2f}x (target >= 3x)")
print(f"  PDFs of old and new: {same}")
PY
