#!/usr/bin/env bash
# Where a letter's time goes, the stock typst CLI against missive, at equal text (issue 16).
# CPU time (user + system) per letter, median of ROUNDS interleaved runs, for:
#   cold stock CLI, one process per file (what `xargs -P2 typst compile` pays):
#     a trivial file with the community template's fonts (process start, font loading,
#     export of one page); the community template with an empty body (+ the template's
#     evaluation and letterhead); each community letter; the same with missive's house
#     template (the project `missive render --emit-typst` writes, links resolved after
#     layout as under missive) with an empty body and with each letter
#   warm stock CLI (`typst watch` rewritten with each letter, bench/warm_typst.py): the
#     community letters, and the same letters' house projects (links after layout, and
#     as emitted: Typst resolving the links)
#   missive batch -j1 (one warm worker) on the same letters
# The difference between a template's empty letter and its letters is what the letters'
# text costs; warm against cold is what start-up costs; community against house at equal
# text and in the same process is what each template's typesetting costs.
# Usage: bench/decompose.sh [N]   (default 50; env: ROUNDS, default 3; BENCH_DIR;
#                                  MISSIVE, default target/release/missive)
# Needs what bench/batch.sh needs (run it once first: it installs typst and the fonts).
set -euo pipefail

N=${1:-50}
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/community.sh"
MISSIVE=$(realpath "${MISSIVE:-$ROOT/target/release/missive}")
WORK=${BENCH_DIR:-$(mktemp -d /tmp/missive-decompose.XXXXXX)}
ROUNDS=${ROUNDS:-3}

# --- the letters, for both templates ------------------------------------------------------
rm -rf "$WORK/archive" "$WORK/community" "$WORK/house" "$WORK/emitted" "$WORK/out"
python3 "$HERE/gen_letters.py" --count "$N" --shape real --out "$WORK" >/dev/null
C=$WORK/community
cp "$COMMUNITY_TEMPLATE" "$C/template/letter.typ"
printf '#set text(font: "Linux Libertine O")\nHello.\n' >"$C/trivial.typ"
first=$(find "$C/letters" -name '*.typ' | sort | head -1)
# The first letter's opening (letterhead, date, addressee, salutation, signatures), no text.
sed '/^)$/q' "$first" >"$C/empty.typ"
echo 'Hello.' >>"$C/empty.typ"

# House projects: one root with the fonts and templates, each letter's data and main file
# beside it (main files under mains/, their data under data/).
H=$WORK/house
mkdir -p "$H/data" "$H/mains" "$H/fonts" "$H/missive" "$WORK/emitted"
(cd "$WORK/archive" && find . -name '*.md' | sort) | while read -r rel; do
  name=$(basename "$rel" .md)
  "$MISSIVE" render "$WORK/archive/$rel" -o "$WORK/emitted/$name.pdf" --emit-typst "$WORK/emitted/$name" >/dev/null 2>&1
  cp "$WORK/emitted/$name/letter.json" "$H/data/$name.json"
  sed "s|json(\"/letter.json\")|json(\"/data/$name.json\")|" "$WORK/emitted/$name/main.typ" >"$H/mains/$name.typ"
  cp -n "$WORK/emitted/$name/fonts/"* "$H/fonts/"
  cp -n "$WORK/emitted/$name/missive/"* "$H/missive/"
done
sample=$(find "$H/mains" -name '*.typ' | sort | head -1)
python3 - "$sample" "$H/empty.typ" <<'PY'
import sys
text = open(sys.argv[1]).read()
start = text.index("#show: letter.with(")
opening = text[:start] + text[start:].split("notes: (")[0]
open(sys.argv[2], "w").write(opening + "notes: ())\n\nHello.\n")
PY

# --- cold, warm and missive --------------------------------------------------------------
python3 - "$WORK" "$N" "$ROUNDS" "$LIBERTINE" "$MISSIVE" "$HERE" <<'PY'
import glob, json, os, statistics, subprocess, sys
work, n, rounds, libertine, missive, here = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), *sys.argv[4:]
c, h = f"{work}/community", f"{work}/house"

def cpu(cmd, cwd):
    """CPU seconds (user + system) of one command and its children."""
    p = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(p.pid, 0)
    if status != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}")
    return usage.ru_utime + usage.ru_stime

stock_c = ["typst", "compile", "--root", ".", "--font-path", libertine, "--ignore-system-fonts"]
stock_h = ["typst", "compile", "--root", ".", "--font-path", "fonts", "--ignore-system-fonts",
           "--input", "missive-links=after-layout"]
community = sorted(glob.glob(f"{c}/letters/*.typ"))
house = sorted(glob.glob(f"{h}/mains/*.typ"))
cold = {k: [] for k in ["trivial", "c-empty", "c-letter", "h-empty", "h-letter"]}
for _ in range(rounds):
    cold["trivial"].append(cpu(stock_c + ["trivial.typ", f"{work}/x.pdf"], c))
    cold["c-empty"].append(cpu(stock_c + ["empty.typ", f"{work}/x.pdf"], c))
    cold["h-empty"].append(cpu(stock_h + ["empty.typ", f"{work}/x.pdf"], h))
    cold["c-letter"].append(sum(cpu(stock_c + [f, f"{work}/x.pdf"], c) for f in community) / n)
    cold["h-letter"].append(sum(cpu(stock_h + [f, f"{work}/x.pdf"], h) for f in house) / n)
cold = {k: 1000 * statistics.median(v) for k, v in cold.items()}

def warm(root, fonts, mains, links=None):
    env = dict(os.environ, TYPST_INPUT=links or "")
    out = subprocess.run(["python3", f"{here}/warm_typst.py", root, fonts, "3", *mains],
                         capture_output=True, text=True, env=env, check=True).stdout
    return json.loads(out)["cpu_ms_per_letter"]

warm_runs = {k: [] for k in ["c", "h-after", "h-emitted", "missive"]}
for _ in range(rounds):
    warm_runs["c"].append(warm(c, libertine, community))
    warm_runs["h-after"].append(warm(h, f"{h}/fonts", house, "missive-links=after-layout"))
    warm_runs["h-emitted"].append(warm(h, f"{h}/fonts", house))
    warm_runs["missive"].append(1000 * cpu([missive, "batch", "archive", "--out", "out", "-j1", "--force"], work) / n)
w = {k: statistics.median(v) for k, v in warm_runs.items()}

print(f"{n} real-length letters, CPU ms (user + system) per letter, median of {rounds} interleaved rounds; "
      f"load average: {open('/proc/loadavg').read().split()[0]}")
print("cold stock CLI, one process per file:")
print(f"  trivial file, community fonts              {cold['trivial']:6.1f}")
print(f"  community template, empty body             {cold['c-empty']:6.1f}")
print(f"  community letter                           {cold['c-letter']:6.1f}   (text: {cold['c-letter'] - cold['c-empty']:.1f})")
print(f"  house template, empty body                 {cold['h-empty']:6.1f}")
print(f"  house letter (links after layout)          {cold['h-letter']:6.1f}   (text: {cold['h-letter'] - cold['h-empty']:.1f})")
print("warm, one process for all letters:")
print(f"  typst watch, community letters             {w['c']:6.1f}")
print(f"  typst watch, house (links after layout)    {w['h-after']:6.1f}")
print(f"  typst watch, house as emitted              {w['h-emitted']:6.1f}")
print(f"  missive batch -j1 (one worker)             {w['missive']:6.1f}")
print(f"start-up share of a cold community letter: {100 * (1 - w['c'] / cold['c-letter']):.0f} % "
      f"(cold {cold['c-letter']:.1f} against warm {w['c']:.1f})")
print(f"house / community at equal text, warm in the same typst: {w['h-after'] / w['c']:.2f}")
PY
