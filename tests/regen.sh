#!/bin/sh
# tests/regen.sh: rewrite the expected findings and golden reports of the
# cases that audit a fixture, from what footprint prints now. Run it after a
# deliberate change to the rules or the reports, then read `git diff` line by
# line: every change must be one you meant. Needs a built ./footprint.
set -eu
cd "$(dirname "$0")/.."
export FOOTPRINT_RULES="$PWD/rules" FOOTPRINT_NOW=1795000000
python3 - <<'PY'
import re, subprocess, shlex, os
for name in sorted(os.listdir("tests/cases")):
    p = os.path.join("tests/cases", name)
    s = open(p, encoding="utf-8", newline="").read()
    if "%%SCRIPT" in s or ("%%FINDINGS" not in s and "%%STDOUT" not in s):
        continue
    sec = dict(re.findall(r"^%%([A-Z]+)\n(.*?)(?=^%%|\Z)", s, re.M | re.S))
    if "SETUP" in sec or "REQUIRES" in sec:
        continue
    srcdir = os.getcwd()
    archive = sec.get("ARCHIVE", "").strip().replace("%SRCDIR%", srcdir)
    if archive and not archive.startswith("/"):
        archive = os.path.join(srcdir, "tests/archives", archive)
    args = sec["ARGS"].strip().replace("%SRCDIR%", srcdir).replace("%ARCHIVE%", shlex.quote(archive))
    # bytes exactly as printed: CSV lines end in CRLF
    out = subprocess.run("./footprint " + args, shell=True, capture_output=True).stdout.decode("utf-8")
    if "FINDINGS" in sec:
        got = subprocess.run(["python3", "tests/findings.py", "findings"], input=out,
                             capture_output=True, text=True).stdout
        s = s.replace("%%FINDINGS\n" + sec["FINDINGS"], "%%FINDINGS\n" + got, 1)
    if "STDOUT" in sec:
        real = os.path.realpath(archive)
        s = s.replace("%%STDOUT\n" + sec["STDOUT"], "%%STDOUT\n" + out.replace(real, "ARCHIVE"), 1)
    open(p, "w", encoding="utf-8", newline="").write(s)
PY
