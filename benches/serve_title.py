#!/usr/bin/env python3
"""Times `newsroom serve --watch` after a report's title is edited (stdlib only).

A title shows on the report's page, its event's pages, its translations, the lists and
term pages it is in, and the feeds: the edit that makes a rebuild do the most for one
report. Starts newsroom on a free port, waits until it serves, then EDITS times: rewrites
the title line of --report (a single write), waits for newsroom's rebuild line and then
until --page (a site path that lists the report, e.g. its event's page) is served with the
new title. Prints the medians of: observed (from the write to the page served with the new
title, debounce included) and reported (newsroom's own figure).

usage: serve_title.py --report FILE --page /en/events/x/ [--edits 9] -- newsroom ... serve --watch
"""

import argparse
import os
import re
import signal
import statistics
import subprocess
import sys
import threading
import time
import urllib.request


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--report", required=True)
    ap.add_argument("--page", required=True)
    ap.add_argument("--edits", type=int, default=9)
    ap.add_argument("--timeout", type=float, default=120.0)
    ap.add_argument("cmd", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    cmd = a.cmd[1:] if a.cmd and a.cmd[0] == "--" else a.cmd

    lines, cond = [], threading.Condition()
    p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT, start_new_session=True)

    def reader():
        for raw in p.stdout:
            with cond:
                lines.append((time.monotonic(), raw.decode("utf-8", "replace").rstrip("\n")))
                cond.notify_all()

    threading.Thread(target=reader, daemon=True).start()

    def wait_for(pattern, start):
        deadline = time.monotonic() + a.timeout
        with cond:
            i = start
            while time.monotonic() < deadline:
                while i < len(lines):
                    m = re.search(pattern, lines[i][1])
                    if m:
                        return m, i + 1
                    i += 1
                cond.wait(0.05)
        raise SystemExit("timed out waiting for %r" % pattern)

    original = open(a.report, encoding="utf-8").read()
    observed, reported = [], []
    try:
        m, seen = wait_for(r"serving (\S+)", 0)
        base = m.group(1).rstrip("/")
        time.sleep(1.5)
        for k in range(a.edits):
            title = "Edited title number %d for the rebuild benchmark" % (k + 1)
            edited = re.sub(r"(?m)^title: .*$", "title: %s" % title, original, count=1)
            with cond:
                seen = len(lines)
            t0 = time.monotonic()
            with open(a.report, "w", encoding="utf-8") as f:
                f.write(edited)
            m, seen = wait_for(r"changed: .* (\d+) ms", seen)
            reported.append(int(m.group(1)) / 1000)
            while title not in urllib.request.urlopen(base + a.page).read().decode("utf-8"):
                if time.monotonic() - t0 > a.timeout:
                    raise SystemExit("the page never showed the new title")
                time.sleep(0.002)
            observed.append(time.monotonic() - t0)
            time.sleep(0.5)
    finally:
        with open(a.report, "w", encoding="utf-8") as f:
            f.write(original)
        os.killpg(p.pid, signal.SIGTERM)
        p.wait(timeout=10)

    print("serve-title observed_median=%.3f reported_median=%.3f edits=%d" % (
        statistics.median(observed), statistics.median(reported), len(observed)))
    print("  observed s: " + " ".join("%.3f" % x for x in observed))
    print("  reported s: " + " ".join("%.3f" % x for x in reported))
    return 0


if __name__ == "__main__":
    sys.exit(main())
