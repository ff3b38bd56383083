#!/usr/bin/env python3
"""Save-to-PDF latency of `missive watch` and of the stock `typst watch` on the project
missive emits for the same letter (issue 16), in interleaved saves.

Starts both watchers, waits for their first PDFs, then ROUNDS times, for each watcher in
turn: saves its source with one word changed (the same word in the letter and in the
emitted main.typ; written in place, as most editors do), and polls the PDF's modification
time every 2 ms until it changes. Prints the median and every latency, in ms.

Usage: bench/watch_latency.py MISSIVE LETTER.md [ROUNDS]   (default 5; env: WORK folder)
"""

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

WORD = ("We write ahead", "We wrote ahead")


def wait_for_change(pdf, before, timeout=30.0):
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        try:
            if os.stat(pdf).st_mtime_ns != before:
                return
        except FileNotFoundError:
            pass
        time.sleep(0.002)
    raise SystemExit(f"{pdf}: no new PDF within {timeout} s")


def mtime(path):
    try:
        return os.stat(path).st_mtime_ns
    except FileNotFoundError:
        return None


def save(path, flip):
    """Writes `path` again with the marker phrase flipped (in place, truncate + write)."""
    text = open(path, encoding="utf-8").read()
    old, new = (WORD[0], WORD[1]) if flip else (WORD[1], WORD[0])
    if old not in text:
        raise SystemExit(f"{path}: the phrase {old!r} is not there")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.replace(old, new, 1))


def main():
    missive, letter = sys.argv[1], sys.argv[2]
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    work = os.environ.get("WORK") or tempfile.mkdtemp(prefix="missive-watch.")
    house = os.path.dirname(os.path.abspath(letter))
    copy = os.path.join(work, "house")
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(house, copy)
    source = os.path.join(copy, os.path.basename(letter))
    emitted = os.path.join(work, "emitted")
    shutil.rmtree(emitted, ignore_errors=True)
    subprocess.run([missive, "render", source, "-o", os.path.join(work, "emit.pdf"), "--emit-typst", emitted],
                   check=True, capture_output=True)
    main_typ = os.path.join(emitted, "main.typ")
    pdfs = {"missive": os.path.join(work, "missive.pdf"), "typst": os.path.join(emitted, "typst.pdf")}
    for pdf in pdfs.values():
        if os.path.exists(pdf):
            os.remove(pdf)
    sources = {"missive": source, "typst": main_typ}
    log = open(os.path.join(work, "watchers.log"), "w")
    watchers = [
        subprocess.Popen([missive, "watch", source, "-o", pdfs["missive"]], stdout=log, stderr=log),
        subprocess.Popen(["typst", "watch", "--root", emitted, "--font-path", os.path.join(emitted, "fonts"),
                          "--ignore-system-fonts", main_typ, pdfs["typst"]], stdout=log, stderr=log),
    ]
    try:
        for pdf in pdfs.values():
            wait_for_change(pdf, None, timeout=60)
        time.sleep(1.0)
        times = {name: [] for name in pdfs}
        for r in range(rounds * 2):
            for name in (["missive", "typst"] if r % 2 == 0 else ["typst", "missive"]):
                before = mtime(pdfs[name])
                start = time.monotonic()
                save(sources[name], flip=(r % 2 == 0))
                wait_for_change(pdfs[name], before)
                times[name].append(1000 * (time.monotonic() - start))
                time.sleep(0.8)
        for name, ms in times.items():
            print(f"{name} watch: save to new PDF median {statistics.median(ms):.0f} ms "
                  f"({len(ms)} saves: {' '.join(f'{x:.0f}' for x in ms)})")
        print(f"missive / typst: {statistics.median(times['missive']) / statistics.median(times['typst']):.2f}")
    finally:
        for w in watchers:
            w.terminate()
            w.wait()


if __name__ == "__main__":
    main()
