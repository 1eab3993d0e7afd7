#!/usr/bin/python3
"""A fake of the X, Mastodon, Bluesky and Reddit APIs on 127.0.0.1, for
footprint's fetch and deletion tests. Run with Debian's python3
(python3-oauthlib).

    fake-api.py STATE.json LOG.jsonl PORTFILE

STATE.json says which items exist per platform, the credentials, and faults:
    {"x": {"tweets": ["1", ...], "likes": [...], "retweets": [...]},
     "mastodon": {"statuses": [...], "favourites": [...], "reblogs": [...]},
     "bluesky": {"records": ["app.bsky.feed.post/3abc", ...]},
     "reddit": {"things": ["t1_abc", ...], "votes": [...]},
     "faults": {"DELETE /2/tweets/1": ["429", "500", "drop", "garbage"]},
     "delay": 0.0}
and, for fetch, what the listings hold (paged as the real APIs page them):
    "x": {"me": {...}, "read": true, "timeline": [tweet...], "liked": [tweet...],
          "users": {"id": "username"}, "places": {"id": "full name"}, "pool": [tweet...]}
    "mastodon": {"account": {...}, "timeline": [status...], "favourites_list": [...]}
    "bluesky": {"repo": {"app.bsky.feed.post": [{"uri", "cid", "value"}...], ...}}
    "reddit": {"me": {...}, "listings": {"submitted": [thing...], ...}}
Every request is appended to LOG.jsonl with its method, path, body, whether
its signature or token was good, and its effect ("deleted", "absent",
"refused"). The port is written to PORTFILE once the server listens.
X requests must carry a valid OAuth 1.0a HMAC-SHA1 signature, checked here
independently with oauthlib; a bad one gets 401.
"""
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from oauthlib.oauth1.rfc5849 import signature, utils

state_path, log_path, port_path = sys.argv[1:4]
STATE = json.load(open(state_path))
LOCK = threading.Lock()
X_KEYS = ("ck-fake", "cs-fake-secret", "tk-fake", "ts-fake-secret")


def log(entry):
    with LOCK, open(log_path, "a") as f:
        f.write(json.dumps(entry) + "\n")


def x_signature_ok(handler, method, url):
    auth = handler.headers.get("Authorization", "")
    if not auth.startswith("OAuth "):
        return False
    params = dict(utils.parse_authorization_header(auth))
    if params.get("oauth_consumer_key") != X_KEYS[0] or params.get("oauth_token") != X_KEYS[2]:
        return False
    query = urlsplit(url).query
    collected = signature.collect_parameters(uri_query=query, headers={"Authorization": auth},
                                             exclude_oauth_signature=True)
    base = signature.signature_base_string(method, signature.base_string_uri(url),
                                           signature.normalize_parameters(collected))
    want = signature.sign_hmac_sha1(base, X_KEYS[1], X_KEYS[3])
    return want == utils.unescape(params.get("oauth_signature", ""))


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *a):
        pass

    def reply(self, status, body=None, headers=None):
        data = json.dumps(body if body is not None else {}).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def fault(self, key):
        with LOCK:
            queue = STATE.get("faults", {}).get(key)
            return queue.pop(0) if queue else None

    def handle_any(self, method):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode() if length else ""
        path = self.path
        key = method + " " + urlsplit(path).path
        entry = {"method": method, "path": path, "body": body}
        if STATE.get("delay"):
            time.sleep(STATE["delay"])
        f = self.fault(key)
        if f == "drop":
            log(dict(entry, effect="dropped"))
            self.close_connection = True
            self.wfile.flush()
            self.connection.shutdown(2)
            return
        if f == "garbage":
            log(dict(entry, effect="fault garbage"))
            data = b'{"data": [ {"id": "1", "text": "cut'
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            return
        if f in ("429", "500", "503"):
            log(dict(entry, effect="fault " + f))
            hdr = {"x-rate-limit-remaining": "0", "x-rate-limit-reset": str(int(time.time()) + 1),
                   "Retry-After": "1"} if f == "429" else {}
            return self.reply(int(f), {"error": "fault"}, hdr)
        p = urlsplit(path).path
        if p in ("/api/v1/access_token", "/api/v1/me", "/api/del", "/api/vote"):
            return self.reddit(method, p, body, entry)
        if p.startswith("/2/"):
            return self.x(method, path, entry)
        if p.startswith("/api/v1/") or p.startswith("/api/v2/"):
            return self.mastodon(method, p, entry)
        if p.startswith("/xrpc/"):
            return self.bluesky(method, p, body, entry)
        return self.reddit(method, p, body, entry)

    # --- X
    def x(self, method, path, entry):
        url = "http://127.0.0.1:%d%s" % (self.server.server_port, path)
        ok = x_signature_ok(self, method, url)
        entry["signature_ok"] = ok
        if not ok:
            log(dict(entry, effect="refused"))
            return self.reply(401, {"title": "Unauthorized"})
        parts = urlsplit(path).path.strip("/").split("/")
        x = STATE["x"]
        limits = {"x-rate-limit-remaining": "40", "x-rate-limit-reset": str(int(time.time()) + 900)}
        if method == "GET" and not x.get("read", True):
            log(dict(entry, effect="refused"))
            return self.reply(403, {"title": "Client Forbidden", "reason": "client-not-enrolled",
                                    "detail": "This request must be made using an approved"
                                              " developer account that is enrolled in the"
                                              " requested endpoint.",
                                    "type": "https://api.x.com/2/problems/client-forbidden"})
        if method == "GET" and parts == ["2", "users", "me"]:
            log(dict(entry, effect="me"))
            me = x.get("me", {"id": "4242", "username": "LinaAtUNHCR"})
            return self.reply(200, {"data": me}, limits)
        if method == "GET" and parts[:2] == ["2", "users"] and parts[3] in ("tweets", "liked_tweets"):
            return self.x_listing(parts[2], parts[3], entry, limits)
        if method == "DELETE" and parts[:2] == ["2", "tweets"]:
            coll, key, done = "tweets", parts[2], {"deleted": True}
        elif method == "DELETE" and parts[:2] == ["2", "users"] and parts[3] == "likes":
            coll, key, done = "likes", parts[4], {"liked": False}
        elif method == "DELETE" and parts[:2] == ["2", "users"] and parts[3] == "retweets":
            coll, key, done = "retweets", parts[4], {"retweeted": False}
        else:
            log(dict(entry, effect="unknown"))
            return self.reply(400, {"title": "bad request"})
        with LOCK:
            present = key in x.get(coll, [])
            if present:
                x[coll].remove(key)
        log(dict(entry, effect="deleted" if present else "absent", item=coll + "/" + key))
        if not present and coll == "tweets":
            return self.reply(404, {"title": "Not Found"}, limits)
        return self.reply(200, {"data": done}, limits)

    def x_listing(self, uid, which, entry, limits):
        x = STATE["x"]
        q = {k: v[0] for k, v in parse_qs(urlsplit(self.path).query).items()}
        if uid != x.get("me", {}).get("id", "4242"):
            log(dict(entry, effect="not-me"))
            return self.reply(403, {"title": "Forbidden"})
        items = x.get("timeline" if which == "tweets" else "liked", [])
        n = max(5, min(100, int(q.get("max_results", "10"))))
        start = int(q.get("pagination_token", "p0")[1:])
        page = items[start:start + n]
        pool = {t["id"]: t for t in x.get("pool", []) + items}
        users, tweets, places = {}, {}, {}
        for t in page:
            for uid2 in (t.get("author_id"), t.get("in_reply_to_user_id")):
                if uid2 in x.get("users", {}):
                    users[uid2] = {"id": uid2, "username": x["users"][uid2]}
            for r in t.get("referenced_tweets", []):
                if r["id"] in pool:
                    src = pool[r["id"]]
                    tweets[r["id"]] = src
                    if src.get("author_id") in x.get("users", {}):
                        users[src["author_id"]] = {"id": src["author_id"],
                                                   "username": x["users"][src["author_id"]]}
            pid = t.get("geo", {}).get("place_id")
            if pid in x.get("places", {}):
                places[pid] = {"id": pid, "full_name": x["places"][pid]}
        body = {"meta": {"result_count": len(page)}}
        if page:
            body["data"] = page
            body["includes"] = {"users": list(users.values()), "tweets": list(tweets.values()),
                                "places": list(places.values())}
        if start + n < len(items):
            body["meta"]["next_token"] = "p%d" % (start + n)
        log(dict(entry, effect="list", count=len(page)))
        return self.reply(200, body, limits)

    # --- Mastodon
    def mastodon(self, method, p, entry):
        ok = self.headers.get("Authorization") == "Bearer masto-token"
        entry["token_ok"] = ok
        if not ok:
            log(dict(entry, effect="refused"))
            return self.reply(401, {"error": "The access token is invalid"})
        m = STATE["mastodon"]
        hdr = {"X-RateLimit-Remaining": "29", "X-RateLimit-Reset": "2099-01-01T00:00:00.000000Z"}
        parts = p.strip("/").split("/")
        q = {k: v[0] for k, v in parse_qs(urlsplit(self.path).query).items()}
        base = "http://127.0.0.1:%d" % self.server.server_port
        if method == "GET" and p == "/api/v1/accounts/verify_credentials":
            log(dict(entry, effect="me"))
            return self.reply(200, m.get("account", {}), hdr)
        if method == "GET" and len(parts) == 5 and parts[:3] == ["api", "v1", "accounts"] \
                and parts[4] == "statuses":
            if parts[3] != m.get("account", {}).get("id"):
                log(dict(entry, effect="unknown"))
                return self.reply(404, {"error": "Record not found"})
            # newest first, paged by max_id; Link rel="next" like Mastodon's
            items = sorted(m.get("timeline", []), key=lambda s: int(s["id"]), reverse=True)
            if "max_id" in q:
                items = [s for s in items if int(s["id"]) < int(q["max_id"])]
            page = items[:min(40, int(q.get("limit", "20")))]
            link = {}
            if page and len(items) > len(page):
                link = {"Link": '<%s/api/v1/accounts/%s/statuses?limit=%s&max_id=%s>; rel="next",'
                        ' <%s/api/v1/accounts/%s/statuses?min_id=%s>; rel="prev"'
                        % (base, parts[3], q.get("limit", "20"), page[-1]["id"], base, parts[3],
                           page[0]["id"])}
            log(dict(entry, effect="list", count=len(page)))
            return self.reply(200, page, dict(hdr, **link))
        if method == "GET" and p == "/api/v1/favourites":
            # paged by an internal favourite id: only the Link header knows it
            items = m.get("favourites_list", [])
            start = int(q.get("max_id", "fav0")[3:]) if q.get("max_id", "").startswith("fav") else 0
            n = min(40, int(q.get("limit", "20")))
            page = items[start:start + n]
            link = {}
            if start + n < len(items):
                link = {"Link": '<%s/api/v1/favourites?limit=%d&max_id=fav%d>; rel="next"'
                        % (base, n, start + n)}
            log(dict(entry, effect="list", count=len(page)))
            return self.reply(200, page, dict(hdr, **link))
        if method == "GET" and p == "/api/v2/search":
            q = parse_qs(urlsplit(self.path).query).get("q", [""])[0]
            found = m.get("remote", {}).get(q)
            log(dict(entry, effect="search"))
            return self.reply(200, {"statuses": [{"id": found}] if found else []}, hdr)
        if method == "DELETE" and parts[:3] == ["api", "v1", "statuses"]:
            coll, key = "statuses", parts[3]
        elif method == "POST" and parts[-1] == "unfavourite":
            coll, key = "favourites", parts[3]
        elif method == "POST" and parts[-1] == "unreblog":
            coll, key = "reblogs", parts[3]
        else:
            log(dict(entry, effect="unknown"))
            return self.reply(404, {"error": "Record not found"})
        with LOCK:
            present = key in m.get(coll, [])
            if present:
                m[coll].remove(key)
        log(dict(entry, effect="deleted" if present else "absent", item=coll + "/" + key))
        if not present and coll == "statuses":
            return self.reply(404, {"error": "Record not found"}, hdr)
        return self.reply(200, {"id": key}, hdr)

    # --- Bluesky
    def bluesky(self, method, p, body, entry):
        b = STATE["bluesky"]
        if p == "/xrpc/com.atproto.server.createSession":
            req = json.loads(body or "{}")
            ok = req.get("identifier") == "tomas.example" and req.get("password") == "app-pass-fake"
            log(dict(entry, body="(login)", effect="session" if ok else "refused"))
            if not ok:
                return self.reply(401, {"error": "AuthenticationRequired"})
            return self.reply(200, {"accessJwt": "access-fake", "refreshJwt": "refresh-fake",
                                    "did": "did:plc:fictionalrivera00000000", "handle": "tomas.example"})
        if p == "/xrpc/com.atproto.server.refreshSession":
            ok = self.headers.get("Authorization") == "Bearer refresh-fake"
            log(dict(entry, effect="refreshed" if ok else "refused"))
            if not ok:
                return self.reply(400, {"error": "ExpiredToken"})
            return self.reply(200, {"accessJwt": "access-fake", "refreshJwt": "refresh-fake",
                                    "did": "did:plc:fictionalrivera00000000", "handle": "tomas.example"})
        if p == "/xrpc/com.atproto.repo.listRecords":
            q = {k: v[0] for k, v in parse_qs(urlsplit(self.path).query).items()}
            recs = b.get("repo", {}).get(q.get("collection"), [])
            if q.get("repo") != "did:plc:fictionalrivera00000000":
                log(dict(entry, effect="unknown"))
                return self.reply(400, {"error": "InvalidRequest", "message": "Could not find repo"})
            # deleted records are gone from the listing
            live = [r for r in recs if "records" not in b
                    or r["uri"].split("/", 3)[3] in b["records"]]
            start = int(q.get("cursor", "0"))
            n = min(100, int(q.get("limit", "50")))
            page = live[start:start + n]
            body = {"records": page}
            if start + n < len(live):
                body["cursor"] = str(start + n)
            log(dict(entry, effect="list", count=len(page)))
            return self.reply(200, body, {"RateLimit-Remaining": "2999",
                                          "RateLimit-Reset": str(int(time.time()) + 300)})
        if p == "/xrpc/com.atproto.repo.deleteRecord":
            ok = self.headers.get("Authorization") == "Bearer access-fake"
            if not ok:
                log(dict(entry, effect="refused"))
                return self.reply(401, {"error": "AuthenticationRequired"})
            req = json.loads(body or "{}")
            key = req.get("collection", "") + "/" + req.get("rkey", "")
            with LOCK:
                present = key in b.get("records", [])
                if present:
                    b["records"].remove(key)
            log(dict(entry, effect="deleted" if present else "absent", item=key))
            return self.reply(200, {}, {"RateLimit-Remaining": "4999",
                                        "RateLimit-Reset": str(int(time.time()) + 3600)})
        log(dict(entry, effect="unknown"))
        return self.reply(404, {"error": "MethodNotImplemented"})

    # --- Reddit
    def reddit(self, method, p, body, entry):
        r = STATE["reddit"]
        form = {k: v[0] for k, v in parse_qs(body).items()}
        if p == "/api/v1/access_token":
            ok = (self.headers.get("Authorization", "").startswith("Basic ")
                  and form.get("grant_type") == "password" and form.get("password") == "reddit-pass-fake")
            log(dict(entry, body="(login)", effect="token" if ok else "refused"))
            if not ok:
                return self.reply(401, {"error": "invalid_grant"})
            return self.reply(200, {"access_token": "reddit-token", "token_type": "bearer",
                                    "expires_in": 3600, "scope": "edit vote"})
        if self.headers.get("Authorization") != "bearer reddit-token":
            log(dict(entry, effect="refused"))
            return self.reply(401, {"message": "Unauthorized"})
        if method == "GET":
            return self.reddit_get(p, entry)
        coll = "things" if p == "/api/del" else "votes" if p == "/api/vote" else None
        key = form.get("id", "")
        if coll is None:
            log(dict(entry, effect="unknown"))
            return self.reply(404, {})
        with LOCK:
            present = key in r.get(coll, [])
            if present:
                r[coll].remove(key)
        log(dict(entry, effect="deleted" if present else "absent", item=coll + "/" + key,
                 agent=self.headers.get("User-Agent", "")))
        return self.reply(200, {}, {"X-Ratelimit-Remaining": "99.0", "X-Ratelimit-Reset": "500"})

    def reddit_get(self, p, entry):
        r = STATE["reddit"]
        q = {k: v[0] for k, v in parse_qs(urlsplit(self.path).query).items()}
        hdr = {"X-Ratelimit-Remaining": "99.0", "X-Ratelimit-Used": "1", "X-Ratelimit-Reset": "500"}
        entry["agent"] = self.headers.get("User-Agent", "")
        if p == "/api/v1/me":
            log(dict(entry, effect="me"))
            return self.reply(200, r.get("me", {}), hdr)
        parts = p.strip("/").split("/")
        if len(parts) == 3 and parts[0] == "user" and parts[2] in ("submitted", "comments", "upvoted"):
            if parts[1] != r.get("me", {}).get("name"):
                log(dict(entry, effect="unknown"))
                return self.reply(403, {"message": "Forbidden"})
            # Reddit lists the newest 1,000 at most
            items = r.get("listings", {}).get(parts[2], [])[:1000]
            start = 0
            if "after" in q:
                names = [t["data"]["name"] for t in items]
                start = names.index(q["after"]) + 1 if q["after"] in names else len(items)
            n = min(100, int(q.get("limit", "25")))
            page = items[start:start + n]
            after = page[-1]["data"]["name"] if page and start + n < len(items) else None
            log(dict(entry, effect="list", count=len(page)))
            return self.reply(200, {"kind": "Listing", "data": {"after": after, "before": None,
                                                                "children": page}}, hdr)
        log(dict(entry, effect="unknown"))
        return self.reply(404, {"message": "Not Found"})

    def do_GET(self):
        self.handle_any("GET")

    def do_POST(self):
        self.handle_any("POST")

    def do_DELETE(self):
        self.handle_any("DELETE")


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
open(port_path + ".tmp", "w").write(str(server.server_port))
import os
os.rename(port_path + ".tmp", port_path)
server.serve_forever()
