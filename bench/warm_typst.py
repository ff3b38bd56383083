#!/usr/bin/env python3
"""The stock `typst` CLI's cost per letter in one warm process (issue 16): `typst watch`
on one main file, rewritten with each letter in turn, so that fonts are loaded, the
template is evaluated and Typst's caches are filled once, as in a missive batch worker.
What is left per letter is that letter's own work: evaluating its main file, layout,
PDF export and writing the file. Start-up is out, so two templates can be compared at
equal text, and a warm letter against a cold `typst compile` of the same letter.

    bench/warm_typst.py ROOT FONTS WARM MAIN.typ...   [env: TYPST_INPUT="key=value"]

ROOT is the project root (the template's imports resolve under it), FONTS the only font
folder (system fonts are ignored). Each MAIN file's text is written over ROOT/main.typ in
turn (in place, as an editor saves) and the next one waits for typst's "compiled" line;
the first WARM letters are not counted. Prints one line of JSON: the letters counted, the
CPU time (user + system) of the typst process over them, and the median of the compile
times typst reports (its own clock: compile, export and write, wall time).
"""

import json
import os
import queue
import re
import statistics
import subprocess
import sys
import threading
import time

DONE = re.compile(r"compiled (successfully|with warnings) in ([0-9.]+) ?(µs|ms|s)\b")
FAILED = "compiled with errors"
TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    """User + system time of a process and its threads, from /proc (clock ticks)."""
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def seconds(value, unit):
    return float(value) * {"µs": 1e-6, "ms": 1e-3, "s": 1.0}[unit]


def main():
    root, fonts, warm, mains = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]
    target = os.path.join(root, "main.typ")
    with open(target, "w", encoding="utf-8") as f:
        f.write(open(mains[0], encoding="utf-8").read())
    command = ["typst", "watch", "--root", root, "--font-path", fonts, "--ignore-system-fonts"]
    if os.environ.get("TYPST_INPUT"):
        command += ["--input", os.environ["TYPST_INPUT"]]
    command += [target, os.path.join(root, "main.pdf")]
    typst = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    lines = queue.Queue()
    log = open(os.path.join(root, "watch.log"), "w")
    threading.Thread(target=lambda: [(log.write(l), log.flush(), lines.put(l)) for l in typst.stderr], daemon=True).start()

    def compiled():
        while True:
            line = lines.get(timeout=120)
            if FAILED in line:
                raise SystemExit(f"typst failed on {target}; run typst compile on it to see why")
            found = DONE.search(line)
            if found:
                return seconds(found.group(2), found.group(3))

    try:
        compiled()  # the first compile: fonts, template, everything cold
        time.sleep(1.0)  # typst watches main.typ only once the first compile is done
        reported, start_cpu = [], None
        for i, main_file in enumerate(mains[1:], start=1):
            if i == warm + 1:
                start_cpu = cpu_seconds(typst.pid)
            text = open(main_file, encoding="utf-8").read()
            with open(target, "w", encoding="utf-8") as f:
                f.write(text)
            took = compiled()
            if i > warm:
                reported.append(took)
            time.sleep(0.05)  # past typst's 100 ms batching of events, counted in no compile
        counted = len(reported)
        cpu = cpu_seconds(typst.pid) - start_cpu
        print(json.dumps({"letters": counted, "cpu_s": round(cpu, 3),
                          "cpu_ms_per_letter": round(1000 * cpu / counted, 2),
                          "reported_ms_median": round(1000 * statistics.median(reported), 2)}))
    finally:
        typst.terminate()
        typst.wait()


if __name__ == "__main__":
    main()
