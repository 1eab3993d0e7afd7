#!/usr/bin/env python3
"""seeds.py OUTDIR: the fuzzers' seed corpora, made from the test fixtures.

Writes OUTDIR/<target>/<n> for every harness of tests/fuzz: the fixture
exports of each platform as bundles (see fuzz.h: "@@ name" lines, one per
member), each of their files alone, the real samples of ../shared/fixtures-real
when they are there (read in place, never copied into the repository), X's .js
members for the envelope stripper, every CSV for the CSV reader, Meta's JSON
for the mojibake repair, the corpus texts for the normaliser and the escapers,
the shipped rule files for the rule loader, zip and tar.gz forms of the
fixtures for the archive reader, and each API's answers (made up here, in the
shapes tests/fake-api.py serves) for the fetchers. Nothing here is committed: it is rebuilt from
the fixtures each time, so a new fixture is a new seed.
"""
import io, json, os, sys, tarfile, zipfile, hashlib

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
    api_seeds(c)
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
            if n.endswith(".js") or n.endswith(".json"):
                c.add("jsparse", data)
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


def answer(status, body, headers=()):
    """One answer of an API, as fuzz-api.c reads it."""
    head = "".join("%s: %s\n" % h for h in headers)
    data = json.dumps(body).encode() if not isinstance(body, bytes) else body
    return (str(status), (head + "\n").encode() + data if head else data)


def api_seeds(c):
    """fuzz-api: the answers of each API, in the order footprint asks."""
    mrl = [("X-RateLimit-Remaining", "29"), ("X-RateLimit-Reset", "2099-01-01T00:00:00.000000Z")]
    acct = {"id": "109000000000000001", "username": "lina_h", "acct": "lina_h",
            "display_name": "Lina H.", "url": "https://m.invalid/@lina_h",
            "note": "<p>Protection officer &amp; <b>views</b> my own.</p>",
            "fields": [{"name": "Blog", "value": "<a href=\"https://lina.example\">lina</a>"}]}
    st = {"id": "110000000000000002", "created_at": "2023-06-01T10:00:00.000Z",
          "content": "<p>The minister must resign &#x1F600;</p>", "spoiler_text": "",
          "visibility": "public", "uri": "https://m.invalid/users/lina_h/statuses/2",
          "url": "https://m.invalid/@lina_h/2", "in_reply_to_id": None, "reblog": None,
          "language": "en", "media_attachments": [{"type": "image"}],
          "mentions": [{"id": "88", "acct": "ana@social.example"}]}
    rb = dict(st, id="110000000000000003", content="", reblog=dict(st, id="555",
              account={"acct": "candidate@politics.example"}))
    nxt = ("Link", '<https://m.invalid/api/v1/accounts/1/statuses?max_id=2>; rel="next",'
           ' <https://m.invalid/x>; rel="prev"')
    mastodon = [("mastodon", b""), answer(200, acct, mrl), answer(200, [st, rb], mrl + [nxt]),
                answer(429, {"error": "Too many requests"}, [("Retry-After", "1")]),
                answer(200, [], mrl), answer(200, [dict(st, id="9001")], mrl), ("drop", b""),
                answer(200, [], mrl), answer(200, [{"id": "c1", "last_status": st}], mrl)]
    did = "did:plc:fictionalrivera00000000"
    sess = {"accessJwt": "a", "refreshJwt": "r", "did": did, "handle": "tomas.example",
            "didDoc": {"service": [{"id": "#atproto_pds", "serviceEndpoint": "https://pds.invalid/"}]}}
    def rec(coll, rkey, value):
        value["$type"] = coll
        return {"uri": "at://%s/%s/%s" % (did, coll, rkey), "cid": "bafy", "value": value}
    brl = [("RateLimit-Remaining", "2999"), ("RateLimit-Reset", "4102444800")]
    bluesky = [("bluesky", b""), answer(200, sess),
               answer(200, {"records": [rec("app.bsky.actor.profile", "self",
                      {"displayName": "Tomas", "description": "Logistics at UNHCR"})]}, brl),
               answer(200, {"records": [rec("app.bsky.feed.post", "3kpol",
                      {"text": "Vote against the ruling party", "createdAt": "2023-09-01T07:00:00.000Z",
                       "langs": ["en"], "embed": {"$type": "app.bsky.embed.images", "images": [{}]}})],
                      "cursor": "1"}, brl),
               answer(200, {"records": []}, brl),
               answer(200, {"records": [rec("app.bsky.feed.like", "3klike",
                      {"subject": {"uri": "at://did:plc:x/app.bsky.feed.post/3z", "cid": "x"},
                       "createdAt": "2023-09-02T07:00:00.000Z"})]}, brl),
               answer(502, b"<html>bad gateway</html>"), answer(200, {"records": []}, brl)]
    rrl = [("X-Ratelimit-Remaining", "99.0"), ("X-Ratelimit-Used", "1"), ("X-Ratelimit-Reset", "500")]
    def listing(children, after=None):
        return {"kind": "Listing", "data": {"after": after, "before": None, "children": children}}
    reddit = [("reddit", b""), answer(200, {"access_token": "t", "token_type": "bearer",
                                            "expires_in": 3600, "scope": "edit vote"}),
              answer(200, {"name": "quiet_observer_42", "subreddit": {"title": "",
                     "public_description": "Views my own"}}, rrl),
              answer(200, listing([{"kind": "t3", "data": {"id": "p9", "name": "t3_p9",
                     "created_utc": 1690000000, "title": "Our agency is wasting donor money",
                     "selftext": "Posting anonymously.", "is_self": True,
                     "permalink": "/r/humanitarian/comments/p9/x/"}}], "t3_p9"), rrl),
              answer(200, listing([]), rrl),
              answer(200, listing([{"kind": "t1", "data": {"id": "c1", "name": "t1_c1",
                     "created_utc": 1690000000.5, "body": "The president must be impeached",
                     "link_id": "t3_p1", "permalink": "/r/a/comments/p1/c/c1/"}}]), rrl),
              answer(500, {"message": "Internal"}), answer(200, listing([]), rrl)]
    xrl = [("x-rate-limit-remaining", "74"), ("x-rate-limit-reset", "4102444800"),
           ("x-user-limit-24hour-remaining", "100"), ("x-user-limit-24hour-reset", "4102444800")]
    x = [("x", b""), answer(200, {"data": {"id": "2244994945", "username": "lina_h", "name": "Lina",
                                           "description": "Views my own", "location": "Geneva"}}, xrl),
         answer(200, {"data": [{"id": "1700000000000000001", "text": "Vote for the party!",
                                "created_at": "2023-03-01T10:00:00.000Z", "author_id": "2244994945",
                                "lang": "en", "attachments": {"media_keys": ["3_1"]},
                                "referenced_tweets": [{"type": "replied_to", "id": "17"}],
                                "in_reply_to_user_id": "9", "geo": {"place_id": "p1"}}],
                      "includes": {"users": [{"id": "9", "username": "mayor"}],
                                   "media": [{"media_key": "3_1", "type": "photo"}],
                                   "places": [{"id": "p1", "full_name": "Geneva, CH"}],
                                   "tweets": [{"id": "17", "author_id": "9", "text": "hi"}]},
                      "meta": {"result_count": 1, "next_token": "n1"}}, xrl),
         answer(200, {"meta": {"result_count": 0}}, xrl),
         answer(403, {"title": "Forbidden", "detail": "not permitted", "reason": "client-not-enrolled"}),
         answer(200, {"data": [{"id": "18", "text": "Down with the government", "author_id": "9"}],
                      "includes": {"users": [{"id": "9", "username": "mayor"}]},
                      "meta": {"result_count": 1}}, xrl)]
    for seq in (mastodon, bluesky, reddit, x):
        c.add("api", bundle(seq))
        c.add("api", bundle(seq[:3]))


if __name__ == "__main__":
    main()
