#!/usr/bin/env python3
"""Project a footprint JSON report (stdin) onto lines a test compares.

findings.py findings: one line per finding, tab-separated:
    platform kind id category rule severity action evidence(comma-joined)
findings.py warnings: every warning of every source, one a line.
"""
import json
import sys


def main():
    report = json.load(sys.stdin)
    what = sys.argv[1] if len(sys.argv) > 1 else "findings"
    if what == "findings":
        for f in report["findings"]:
            # every field of the contract must be there
            for key in ("platform", "account", "kind", "id", "url", "created_at",
                        "text", "category", "rule", "severity", "action",
                        "evidence", "guidelines"):
                if key not in f:
                    sys.exit("finding without '%s': %r" % (key, f))
            print("\t".join([f["platform"], f["kind"], f["id"] or "-",
                             f["category"], f["rule"], f["severity"],
                             f["action"], ",".join(f["evidence"])]))
    elif what == "warnings":
        for s in report["sources"]:
            for w in s["warnings"]:
                print(w)
    else:
        sys.exit("usage: findings.py findings|warnings")


main()
