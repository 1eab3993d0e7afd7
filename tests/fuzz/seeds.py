#!/usr/bin/env python3
"""seeds.py OUTDIR: the fuzzers' seed corpora, made from the test fixtures.

Writes OUTDIR/<target>/<n> for every harness of tests/fuzz: the fixture
exports of each platform as bundles (see fuzz.h: "@@ name" lines, one per
member), each of their files alone, the real samples of ../shared/fixtures-real
when they are there (read in place, never copied into the repository), X's .js
members for the envelope stripper, every CSV for the CSV reader, Meta's JSON
for the mojibake repair, the corpus texts for the normaliser and the escapers,
the shipped rule files for the rule loader, and zip and tar.gz forms of the
fixtures for the archive reader. Nothing here is committed: it is rebuilt from
the fixtures each time, so a new fixture is a new seed.
"""
import io, os, sys, tarfile, zipfile, hashlib

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.dirname(os.path.dirname(HERE))
ARCH = os.path.join(SRC, "tests", "archives")
REAL = os.path.join(os.path.dirname(SRC), "shared", "fixtures-real")
PLATFORMS = ["x", "facebook", "instagram", "linkedin", "reddit", "mastodon",
             "tiktok", "youtube", "bluesky"]
REAL_DIRS = {"twitter": "x", "twitter-classic": "x", "instagram": "instagram",
             "youtube": "youtube", "bluesky": "bluesky"}
MAX_FILE = 1 << 20


def files_of(root):
    out = []
    for d, _, fs in os.walk(root):
        for f in sorted(fs):
            p = os.path.join(d, f)
            if os.path.getsize(p) <= MAX_FILE:
                out.append((os.path.relpath(p, root).replace(os.sep, "/"), p))
    return sorted(out)


def read(p):
    with open(p, "rb") as f:
        return f.read()


def bundle(members):
    return b"\n".join(b"@@ " + n.encode() + b"\n" + d for n, d in members)


class Corpus:
    def __init__(self, out):
        self.out = out
        self.n = {}

    def add(self, target, data):
        d = os.path.join(self.out, target)
        os.makedirs(d, exist_ok=True)
        name = hashlib.sha1(data).hexdigest()[:16]
        with open(os.path.join(d, name), "wb") as f:
            f.write(data)
        self.n[target] = self.n.get(target, 0) + 1


def exports():
    """(platform, root folder) of every fixture export."""
    for e in sorted(os.listdir(ARCH)):
        plat = e.split("-")[0]
        if plat in PLATFORMS:
            yield plat, os.path.join(ARCH, e)
    if os.path.isdir(REAL):
        for e in sorted(os.listdir(REAL)):
            if e in REAL_DIRS and os.path.isdir(os.path.join(REAL, e)):
                yield REAL_DIRS[e], os.path.join(REAL, e)


def main():
    out = sys.argv[1]
    c = Corpus(out)
    for plat, root in exports():
        fs = files_of(root)
        if not fs:
            continue
        c.add(plat, bundle([(n, read(p)) for n, p in fs]))
        for n, p in fs:
            data = read(p)
            c.add(plat, bundle([(n, data)]))
            if plat == "bluesky" and n.endswith(".car"):
                c.add(plat, data)		# raw: the default member repo.car
            if n.endswith(".js"):
                c.add("envelope", data)
            if n.endswith(".csv"):
                c.add("csv", (b"\x01" if "Comments" in n else b"\x00") + data)
            if n.endswith(".json") and plat in ("facebook", "instagram"):
                c.add("mojibake", data)
        # the archive reader: the export as a zip and as a tar.gz
        z = io.BytesIO()
        with zipfile.ZipFile(z, "w", zipfile.ZIP_DEFLATED) as zf:
            for n, p in fs[:20]:
                zf.write(p, "export/" + n)
        if len(z.getvalue()) <= MAX_FILE:
            c.add("source", z.getvalue())
        if plat == "x":
            t = io.BytesIO()
            with tarfile.open(fileobj=t, mode="w:gz") as tf:
                for n, p in fs[:20]:
                    tf.add(p, "export/" + n)
            c.add("source", t.getvalue())
    for f in sorted(os.listdir(os.path.join(SRC, "tests", "corpus"))):
        for line in open(os.path.join(SRC, "tests", "corpus", f), encoding="utf-8"):
            if line.startswith("#") or "\t" not in line:
                continue
            text = line.rstrip("\n").split("\t")[-1].encode()
            c.add("text", text)
            c.add("escape", text)
    for s in [b"=HYPERLINK(\"http://x\")", b"<script>alert(1)</script>\nscript alert",
              b"javascript:alert(1)", b"https://x.com/a?b=c&d=\"e\"", b"a\x1b[31mred\x1b[0m\r\n\xc2\x85",
              b"caf\xc3\xa9 \xe2\x80\xae", b"&#xD800; &amp; &#0; &lt;b&gt;", b"#VoteNoNow @UNHCR_Lina"]:
        c.add("escape", s)
        c.add("text", s)
    rules = os.path.join(SRC, "rules")
    for f in sorted(os.listdir(rules)):
        if f.endswith(".yaml") and f != "entities.yaml":
            c.add("rules", read(os.path.join(rules, f)))
    c.add("rules", bundle([("custom.yaml", read(os.path.join(rules, "political.yaml"))),
                          ("lexicons/extra.txt", b"# a lexicon\nvote for\n")]))
    for t in sorted(c.n):
        print("%-10s %4d seeds" % (t, c.n[t]))


if __name__ == "__main__":
    main()
