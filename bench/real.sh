#!/usr/bin/env bash
# Issue 16's figures on real-length letters (bench/gen_letters.py --shape real: 1-4 pages,
# 5-30 endnotes, headings, lists, quotations, two or three signatories, some co-signers),
# beside what bench/interleaved.sh gives (-j1, -j2 and the stock CLI, old against new):
#   1. the page spread of both templates' PDFs
#   2. batch -j2 with the built-in template's hyphenation on (as it ships) and off, batch
#      -j1 (as shipped), and the stock CLI on the community template (xargs -P2), in
#      interleaved rounds: medians
#   3. peak resident memory of the process tree (the batch and its workers), -j2, at 250
#      and at N letters
#   4. one cold `missive render` of the 3-page example against `typst compile` of the
#      project it emits, interleaved: medians
#   5. `missive watch` against `typst watch` on that project, save to new PDF
#      (bench/watch_latency.py)
# Usage: bench/real.sh [N]      (default 1,000; env: ROUNDS, default 5; BENCH_DIR;
#                                MISSIVE, default target/release/missive)
# Needs what bench/batch.sh needs (run it once first: it installs typst and the fonts).
set -euo pipefail

N=${1:-1000}
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/community.sh"
MISSIVE=$(realpath "${MISSIVE:-$ROOT/target/release/missive}")
WORK=${BENCH_DIR:-$(mktemp -d /tmp/missive-real.XXXXXX)}
ROUNDS=${ROUNDS:-5}
EXAMPLE=$ROOT/examples/house/2026-03-02-spyware-exports.md
say() { printf '%s\n' "$*" >&2; }

# --- letters: as generated, the same with hyphenation off, and the first 250 ----------
rm -rf "$WORK/archive" "$WORK/community" "$WORK/nohyph" "$WORK/archive-250" "$WORK"/out-*
python3 "$HERE/gen_letters.py" --count "$N" --shape real --out "$WORK" >/dev/null
cp "$COMMUNITY_TEMPLATE" "$WORK/community/template/letter.typ"
(cd "$WORK/community" && find letters -name '*.typ' | sort >list.txt)
# Hyphenation off: the built-in templates ejected into the archive, `settings.hyphenate`
# turned off in the copy, and the house pointing at it; nothing else differs.
cp -a "$WORK/archive" "$WORK/nohyph"
"$MISSIVE" template eject "$WORK/nohyph/templates" >/dev/null 2>&1
sed -i 's/^  hyphenate: auto,/  hyphenate: false,/' "$WORK/nohyph/templates/house.typ"
grep -q '^  hyphenate: false,' "$WORK/nohyph/templates/house.typ" || { say "cannot turn hyphenation off"; exit 1; }
{ echo 'template = "/templates/house.typ"'; cat "$WORK/archive/missive.toml"; } >"$WORK/nohyph/missive.toml"
mkdir -p "$WORK/archive-250"
cp "$WORK/archive/missive.toml" "$WORK/archive-250/"
(cd "$WORK/archive" && find . -name '*.md' | sort | head -250 | xargs cp --parents -t "$WORK/archive-250")

# run NAME CMD…: times CMD and appends "wall user system" (seconds) to $WORK/NAME.times.
run() {
  local name=$1; shift
  /usr/bin/time -f '%e %U %S' -o "$WORK/time.txt" "$@" >/dev/null 2>&1 || { say "$name failed"; exit 1; }
  cat "$WORK/time.txt" >>"$WORK/$name.times"
}
rm -f "$WORK"/*.times
LOAD=$(cut -d' ' -f1-3 /proc/loadavg)

# --- 2. hyphenation on and off, -j1, and the stock CLI, interleaved -----------------------
for round in $(seq "$ROUNDS"); do
  rm -rf "$WORK/out-j1"
  run j1 "$MISSIVE" batch "$WORK/archive" --out "$WORK/out-j1" -j1
  rm -rf "$WORK/out-on"
  run on "$MISSIVE" batch "$WORK/archive" --out "$WORK/out-on" -j2 --report "$WORK/report.json"
  rm -rf "$WORK/out-off"
  run off "$MISSIVE" batch "$WORK/nohyph" --out "$WORK/out-off" -j2
  rm -f "$WORK"/community/letters/*.pdf
  run community sh -c "cd '$WORK/community' && xargs -P2 -I{} typst compile --root . \
    --font-path '$LIBERTINE' --ignore-system-fonts {} <list.txt"
  say "round $round done"
done

# --- 3. peak memory at 250 and N letters ------------------------------------------------
rm -rf "$WORK/out-250" "$WORK/out-rss"
python3 "$HERE/tree_rss.py" "$WORK/rss-250.txt" "$MISSIVE" batch "$WORK/archive-250" --out "$WORK/out-250" -j2
python3 "$HERE/tree_rss.py" "$WORK/rss-n.txt" "$MISSIVE" batch "$WORK/archive" --out "$WORK/out-rss" -j2

# --- 4. one cold render of the 3-page example against typst compile of its project -------
rm -rf "$WORK/emitted"
"$MISSIVE" render "$EXAMPLE" -o "$WORK/example.pdf" --emit-typst "$WORK/emitted" >/dev/null 2>&1
for round in $(seq "$ROUNDS"); do
  run render "$MISSIVE" render "$EXAMPLE" -o "$WORK/example.pdf"
  run compile typst compile --root "$WORK/emitted" --font-path "$WORK/emitted/fonts" --ignore-system-fonts \
    "$WORK/emitted/main.typ" "$WORK/emitted/stock.pdf"
done

# --- 5. watch -----------------------------------------------------------------------------
WATCH=$(WORK="$WORK" python3 "$HERE/watch_latency.py" "$MISSIVE" "$EXAMPLE" "$ROUNDS")

python3 - "$WORK" "$N" "$ROUNDS" "$LOAD" <<'PY'
import collections, glob, json, os, statistics, subprocess, sys
work, n, rounds, load = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
runs = {k: [[float(x) for x in l.split()] for l in open(f"{work}/{k}.times")]
        for k in ["j1", "on", "off", "community", "render", "compile"]}
wall = {k: statistics.median(r[0] for r in v) for k, v in runs.items()}
cpu = {k: statistics.median(r[1] + r[2] for r in v) for k, v in runs.items()}
by_letter = {os.path.basename(l["source"])[:-3]: l["pages"]
             for l in json.load(open(f"{work}/report.json"))["letters"]}
their_pages = {}
for pdf in glob.glob(f"{work}/community/letters/*.pdf"):
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    their_pages[os.path.basename(pdf)[:-4]] = int(next(l for l in info.splitlines() if l.startswith("Pages:")).split()[1])
mine, theirs = collections.Counter(by_letter.values()), collections.Counter(their_pages.values())
same = sum(by_letter[k] == their_pages.get(k) for k in by_letter)
spread = lambda c: ", ".join(f"{k} page(s): {c[k]}" for k in sorted(c)) + \
    f"; average {sum(k * v for k, v in c.items()) / sum(c.values()):.2f}"
rss = {k: float(open(f"{work}/rss-{k}.txt").read()) for k in ["250", "n"]}
print(f"{n} real-length letters, 2 cores, {rounds} interleaved rounds, medians; load average before: {load}")
print(f"1. pages: built-in template {spread(mine)}")
print(f"          community template {spread(theirs)}; the same page count for {same} of {len(by_letter)} letters")
for k, what in [("j1", "batch -j1, hyphenation on (as shipped)"),
                ("on", "batch -j2, hyphenation on (as shipped)"), ("off", "batch -j2, hyphenation off"),
                ("community", "stock typst CLI, community template, xargs -P2")]:
    print(f"2. {what:48} {wall[k]:6.2f} s ({1000 * wall[k] / n:.1f} ms/letter, CPU {1000 * cpu[k] / n:.1f} ms/letter)"
          f"  runs: {' '.join(f'{r[0]:.2f}' for r in runs[k])}")
for k in ["on", "off"]:
    print(f"   community / -j2 hyphenation {k}: {wall['community'] / wall[k]:.2f}x wall, "
          f"{cpu['community'] / cpu[k]:.2f}x CPU (target >= 3x)")
print(f"   -j2 speed-up over -j1: {wall['j1'] / wall['on']:.2f}x (target >= 1.9x)")
print(f"   hyphenation costs {100 * (cpu['on'] / cpu['off'] - 1):.0f} % CPU, {100 * (wall['on'] / wall['off'] - 1):.0f} % wall")
print(f"3. peak RSS of the process tree, -j2: {rss['250']:.0f} MiB at 250 letters, {rss['n']:.0f} MiB at {n}; "
      f"ratio {rss['n'] / rss['250']:.2f} (targets <= 1.2, <= 200 MiB)")
print(f"4. cold render of the 3-page example {1000 * wall['render']:.0f} ms, typst compile of its project "
      f"{1000 * wall['compile']:.0f} ms: {wall['render'] / wall['compile']:.2f}x (target <= 1)")
PY
echo "5. $WATCH" | sed '2,$s/^/   /'
