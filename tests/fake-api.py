#!/usr/bin/python3
"""A fake of the X, Mastodon, Bluesky and Reddit APIs on 127.0.0.1, for
footprint's deletion tests. Run with Debian's python3 (python3-oauthlib).

    fake-api.py STATE.json LOG.jsonl PORTFILE

STATE.json says which items exist per platform, the credentials, and faults:
    {"x": {"tweets": ["1", ...], "likes": [...], "retweets": [...]},
     "mastodon": {"statuses": [...], "favourites": [...], "reblogs": [...]},
     "bluesky": {"records": ["app.bsky.feed.post/3abc", ...]},
     "reddit": {"things": ["t1_abc", ...], "votes": [...]},
     "faults": {"DELETE /2/tweets/1": ["429", "500", "drop"]},
     "delay": 0.0}
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
        if f in ("429", "500", "503"):
            log(dict(entry, effect="fault " + f))
            hdr = {"x-rate-limit-remaining": "0", "x-rate-limit-reset": str(int(time.time()) + 1),
                   "Retry-After": "1"} if f == "429" else {}
            return self.reply(int(f), {"error": "fault"}, hdr)
        p = urlsplit(path).path
        if p in ("/api/v1/access_token", "/api/del", "/api/vote"):
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
        if method == "GET" and parts == ["2", "users", "me"]:
            log(dict(entry, effect="me"))
            return self.reply(200, {"data": {"id": "4242", "username": "LinaAtUNHCR"}}, limits)
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
