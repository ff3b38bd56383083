#!/usr/bin/env python3
"""Runs a command and prints the peak resident memory of its whole process tree.

    bench/tree_rss.py OUT.txt CMD...    runs CMD, writes the peak in MiB to OUT.txt

`missive batch` typesets in worker processes, so the memory of the largest process
(what /usr/bin/time reports) is not the batch's: this samples the resident memory of
the command and all its descendants every 10 ms and keeps the highest sum.
"""

import os
import subprocess
import sys
import time


def rss_kib(pid):
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def descendants(pid):
    found, stack = [], [pid]
    while stack:
        parent = stack.pop()
        try:
            tasks = os.listdir(f"/proc/{parent}/task")
        except OSError:
            continue
        for task in tasks:
            try:
                with open(f"/proc/{parent}/task/{task}/children") as children:
                    kids = [int(p) for p in children.read().split()]
            except OSError:
                kids = []
            found.extend(kids)
            stack.extend(kids)
    return found


def main():
    out, command = sys.argv[1], sys.argv[2:]
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0
    while child.poll() is None:
        total = rss_kib(child.pid) + sum(rss_kib(p) for p in descendants(child.pid))
        peak = max(peak, total)
        time.sleep(0.01)
    with open(out, "w") as f:
        f.write(f"{peak // 1024}\n")
    sys.exit(child.returncode)


main()
