#!/usr/bin/env python3
"""gen-archive.py: write a realistic, fictional export of N items, seeded.

    tools/gen-archive.py x|facebook|mastodon N OUT [--seed S] [--flag-rate F]
                         [--zip] [--part-mb M]

OUT is a folder (or, with --zip, OUT.zip beside nothing else). The account is
a fictional UN staff member; every name, handle and id is made up. The items
follow ../shared/research/formats.md:

  x         data/manifest.js, account.js, profile.js, tweets.js split into
            parts of --part-mb (default 50, as X does: tweets-part1.js...),
            like.js likewise. Posts in X's proportions for a heavy account
            (about 1 tweet in 3 a reply, 1 in 6 a repost, 1 in 20 a quote),
            likes twice as many as tweets; the GDPR-era element with
            entities, edit_info, display_text_range, HTML entities in
            full_text, reposts as "RT @user: ..." cut at 140 characters.
  facebook  posts, comments and reactions (2024 layout), with Meta's mojibake.
  mastodon  actor.json, outbox.json (Create and Announce), likes.json.

Texts are drawn in six languages (en, fr, es, ar, ru, zh); a fraction
--flag-rate (default 0.05) of posts and likes carries a political statement
the rules must flag. The last line printed is a JSON summary: items by kind,
how many were made flaggable, bytes written. Seeded: the same arguments give
the same bytes.
"""
import argparse, json, os, random, shutil, sys, zipfile

WORDS = {
    "en": "the team visited field office today water distribution went well thanks colleagues "
          "great meeting partners training week new report published community health school "
          "teachers rain season road trip coffee weekend football book reading music".split(),
    "fr": "l'équipe a visité le bureau de terrain aujourd'hui distribution d'eau merci aux "
          "collègues réunion partenaires formation semaine rapport publié santé école café".split(),
    "es": "el equipo visitó la oficina de terreno hoy distribución de agua gracias colegas "
          "reunión socios formación semana informe publicado salud escuela café libro".split(),
    "ar": "زار الفريق المكتب الميداني اليوم توزيع المياه شكرا للزملاء اجتماع الشركاء تدريب "
          "الأسبوع تقرير جديد صحة المجتمع المدرسة القهوة".split(),
    "ru": "команда посетила полевой офис сегодня раздача воды спасибо коллегам встреча "
          "партнёры обучение неделя новый отчёт здоровье школа кофе".split(),
    "zh": "团队 今天 访问 外地 办事处 供水 顺利 感谢 同事 会议 伙伴 培训 报告 健康 学校 咖啡".split(),
}
LANG_WEIGHTS = [("en", 55), ("fr", 15), ("es", 10), ("ar", 10), ("ru", 5), ("zh", 5)]
POLITICAL = {
    "en": ["Vote for the opposition party on Sunday!", "The minister must resign over this corruption scandal",
           "This government is a disgrace and the president should step down"],
    "fr": ["Votez pour le parti d'opposition dimanche !", "Le gouvernement doit démissionner"],
    "es": ["¡Voten por el partido de la oposición el domingo!", "El gobierno debe dimitir ya"],
    "ar": ["صوتوا لحزب المعارضة يوم الأحد", "الحكومة يجب أن تستقيل"],
    "ru": ["Голосуйте за оппозиционную партию в воскресенье!", "Правительство должно уйти в отставку"],
    "zh": ["星期天投票给反对党！", "政府必须辞职"],
}
HANDLES = ["omar_k", "sofia_r", "wei_chen", "amina_b", "jp_dubois", "olga_p", "field_notes",
           "relief_news", "city_council", "SenDanaReyes"]
EPOCH = 1288834974657


def snowflake(ms, seq):
    return ((ms - EPOCH) << 22) | (seq & 0x3fffff)


def x_date(t):
    import time
    return time.strftime("%a %b %d %H:%M:%S +0000 %Y", time.gmtime(t))


class Gen:
    def __init__(self, seed, flag_rate):
        self.r = random.Random(seed)
        self.flag_rate = flag_rate
        self.flagged = 0
        self.kinds = {}

    def lang(self):
        x = self.r.uniform(0, 100)
        for l, w in LANG_WEIGHTS:
            if x < w:
                return l
            x -= w
        return "en"

    def text(self, lang, flag=None, words=None):
        if flag is None:
            flag = self.r.random() < self.flag_rate
        if flag:
            self.flagged += 1
            return self.r.choice(POLITICAL[lang]), True
        n = words or self.r.randint(6, 40)
        sep = "" if lang == "zh" else " "
        t = sep.join(self.r.choice(WORDS[lang]) for _ in range(n))
        if self.r.random() < 0.2:
            t += " #" + self.r.choice(["refugees", "WorldRefugeeDay", "health", "Monday"])
        if self.r.random() < 0.15:
            t += " &amp; more https://t.co/" + "".join(self.r.choice("abcdefghijkLMNOP0123") for _ in range(10))
        return t, False

    def count(self, kind):
        self.kinds[kind] = self.kinds.get(kind, 0) + 1


def write_parts(out, base, glob, elems, part_bytes):
    """data/<base>.js, data/<base>-part1.js...: the envelope and the elements;
    returns the manifest's files[] list."""
    files, part, buf, size, count = [], 0, [], 0, 0

    def flush():
        nonlocal part, buf, size, count
        name = "data/%s.js" % base if part == 0 else "data/%s-part%d.js" % (base, part)
        with open(os.path.join(out, name), "w", encoding="utf-8") as f:
            f.write("window.YTD.%s.part%d = [\n" % (glob, part))
            f.write(",\n".join(buf))
            f.write("\n]")
        files.append({"fileName": name, "globalName": "YTD.%s.part%d" % (glob, part), "count": str(count)})
        part += 1
        buf, size, count = [], 0, 0

    for e in elems:
        s = json.dumps(e, ensure_ascii=False, indent=2, separators=(",", " : "))
        s = "  " + s.replace("\n", "\n  ")
        if size + len(s) > part_bytes and buf:
            flush()
        buf.append(s)
        size += len(s) + 2
        count += 1
    if buf or part == 0:
        flush()
    return files


def gen_x(g, n, out, part_bytes):
    r = g.r
    os.makedirs(os.path.join(out, "data"), exist_ok=True)
    user, uid = "AminaAtIOM", "1012345678901234567"
    ntweets = n // 3
    nlikes = n - ntweets
    t0 = 1420070400   # 2015-01-01
    t1 = 1767225600   # 2026-01-01

    def tweets():
        times = sorted(r.randint(t0, t1) for _ in range(ntweets))
        for i, t in enumerate(times):
            tid = str(snowflake(t * 1000 + r.randint(0, 999), i))
            lang = g.lang()
            x = r.random()
            ents = {"hashtags": [], "symbols": [], "user_mentions": [], "urls": []}
            tw = {"edit_info": {"initial": {"editTweetIds": [tid],
                                            "editableUntil": "2016-05-01T07:42:03.000Z",
                                            "editsRemaining": "5", "isEditEligible": True}},
                  "retweeted": False,
                  "source": "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
                  "entities": ents, "favorite_count": str(r.randint(0, 50)), "id_str": tid,
                  "truncated": False, "retweet_count": str(r.randint(0, 10)), "id": tid,
                  "created_at": x_date(t), "favorited": False, "lang": lang}
            other = r.choice(HANDLES)
            mention = {"name": other, "screen_name": other, "indices": ["0", str(len(other) + 1)],
                       "id_str": str(r.randint(10**8, 10**18)), "id": "0"}
            if x < 0.33:
                text, _ = g.text(lang)
                text = "@%s %s" % (other, text)
                tw["in_reply_to_status_id_str"] = tw["in_reply_to_status_id"] = str(int(tid) - r.randint(1, 10**12))
                tw["in_reply_to_user_id"] = tw["in_reply_to_user_id_str"] = mention["id_str"]
                tw["in_reply_to_screen_name"] = other
                ents["user_mentions"].append(mention)
                g.count("reply")
            elif x < 0.50:
                text, _ = g.text(lang)
                text = ("RT @%s: %s" % (other, text))
                if len(text) > 140:
                    text = text[:139] + "…"
                mention["indices"] = ["3", str(len(other) + 4)]
                ents["user_mentions"].append(mention)
                g.count("repost")
            elif x < 0.55:
                text, _ = g.text(lang)
                qid = str(r.randint(10**17, 10**18))
                url = "https://t.co/" + qid[-10:]
                text = "%s %s" % (text, url)
                ents["urls"].append({"url": url, "expanded_url": "https://twitter.com/%s/status/%s" % (other, qid),
                                     "display_url": "twitter.com/%s/status/…" % other,
                                     "indices": [str(len(text) - len(url)), str(len(text))]})
                g.count("quote")
            else:
                text, _ = g.text(lang)
                g.count("post")
                if r.random() < 0.1:
                    mid = str(int(tid) + 1)
                    m = {"expanded_url": "https://twitter.com/%s/status/%s/photo/1" % (user, tid),
                         "indices": ["0", "23"], "url": "https://t.co/m" + mid[-9:],
                         "media_url": "http://pbs.twimg.com/media/%s.jpg" % mid,
                         "id_str": mid, "id": mid, "media_url_https": "https://pbs.twimg.com/media/%s.jpg" % mid,
                         "sizes": {s: {"w": "1200", "h": "900", "resize": "fit"} for s in ("thumb", "small", "medium", "large")},
                         "type": "photo", "display_url": "pic.twitter.com/" + mid[-10:]}
                    ents["media"] = [m]
                    tw["extended_entities"] = {"media": [m]}
            tw["full_text"] = text
            tw["display_text_range"] = ["0", str(len(text))]
            yield {"tweet": tw}

    def likes():
        for i in range(nlikes):
            t = r.randint(t0, t1)
            lid = str(snowflake(t * 1000, i))
            lang = g.lang()
            text, _ = g.text(lang)
            g.count("like")
            yield {"like": {"tweetId": lid, "fullText": text,
                            "expandedUrl": "https://twitter.com/i/web/status/" + lid}}

    tfiles = write_parts(out, "tweets", "tweets", tweets(), part_bytes)
    lfiles = write_parts(out, "like", "like", likes(), part_bytes)
    acct = [{"account": {"email": "amina.b@example.org", "createdVia": "web", "username": user,
                         "accountId": uid, "createdAt": "2014-03-30T10:38:02.103Z",
                         "accountDisplayName": "Amina B."}}]
    prof = [{"profile": {"description": {"bio": "Humanitarian. Views my own.", "website": "",
                                         "location": "Geneva"}, "avatarMediaUrl": ""}}]
    for name, glob, data in (("account", "account", acct), ("profile", "profile", prof)):
        with open(os.path.join(out, "data/%s.js" % name), "w") as f:
            f.write("window.YTD.%s.part0 = %s" % (glob, json.dumps(data, indent=2)))
    g.count("username")
    g.count("display_name")
    g.count("email")
    g.count("bio")
    g.count("location")
    manifest = {"userInfo": {"accountId": uid, "userName": user, "displayName": "Amina B."},
                "archiveInfo": {"sizeBytes": "0", "generationDate": "2026-01-02T10:00:00.000Z",
                                "isPartialArchive": False, "maxPartSizeBytes": str(part_bytes)},
                "readmeInfo": {"fileName": "data/README.txt", "directory": "data/", "name": "README.txt"},
                "dataTypes": {"tweets": {"files": tfiles}, "like": {"files": lfiles},
                              "account": {"files": [{"fileName": "data/account.js", "globalName": "YTD.account.part0", "count": "1"}]},
                              "profile": {"files": [{"fileName": "data/profile.js", "globalName": "YTD.profile.part0", "count": "1"}]}}}
    with open(os.path.join(out, "data/manifest.js"), "w") as f:
        f.write("window.__THAR_CONFIG = " + json.dumps(manifest, indent=2))


def mojibake(s):
    """Meta's export: UTF-8 bytes each written as \\u00XX."""
    return s.encode("utf-8").decode("latin-1")


def gen_facebook(g, n, out, part_bytes):
    r = g.r
    base = os.path.join(out, "your_facebook_activity")
    for d in ("posts", "comments_and_reactions"):
        os.makedirs(os.path.join(base, d), exist_ok=True)
    os.makedirs(os.path.join(out, "personal_information/profile_information"), exist_ok=True)
    me = "Amina Benali"
    nposts, ncomments = n // 3, n // 6
    nlikes = n - nposts - ncomments
    posts, comments, likes = [], [], []
    for _ in range(nposts):
        lang = g.lang()
        text, _ = g.text(lang)
        posts.append({"timestamp": r.randint(1420070400, 1767225600),
                      "data": [{"post": mojibake(text)}],
                      "title": mojibake("%s updated her status." % me)})
        g.count("post")
    for _ in range(ncomments):
        lang = g.lang()
        text, _ = g.text(lang)
        t = r.randint(1420070400, 1767225600)
        comments.append({"timestamp": t, "data": [{"comment": {"timestamp": t, "comment": mojibake(text),
                                                               "author": mojibake(me)}}],
                         "title": mojibake("%s commented on %s's post." % (me, r.choice(HANDLES)))})
        g.count("comment")
    for _ in range(nlikes):
        lang = g.lang()
        text, _ = g.text(lang)
        likes.append({"timestamp": r.randint(1420070400, 1767225600),
                      "data": [{"reaction": {"reaction": r.choice(["LIKE", "LOVE", "WOW"]), "actor": mojibake(me)}}],
                      "title": mojibake("%s likes %s's post: \u00ab%s\u00bb." % (me, r.choice(HANDLES), text))})
        g.count("like")

    def dump(path, data):
        with open(os.path.join(out, path), "w", encoding="latin-1") as f:
            json.dump(data, f, indent=2, ensure_ascii=True)
    # split posts and likes into _1, _2... of about part_bytes each
    def split(prefix, items):
        per = max(1, part_bytes // 400)
        for k in range(0, max(1, len(items)), per):
            dump("%s_%d.json" % (prefix, k // per + 1), items[k:k + per])
    split("your_facebook_activity/posts/your_posts__check_ins__photos_and_videos", posts)
    split("your_facebook_activity/comments_and_reactions/likes_and_reactions", likes)
    dump("your_facebook_activity/comments_and_reactions/comments.json", {"comments_v2": comments})
    dump("personal_information/profile_information/profile_information.json",
         {"profile_v2": {"name": {"full_name": mojibake(me), "first_name": "Amina", "middle_name": "",
                                  "last_name": "Benali"},
                         "emails": {"emails": ["amina.benali@example.org"], "previous_emails": [],
                                    "pending_emails": [], "ad_account_emails": []}}})
    g.count("display_name")
    g.count("email")


def gen_mastodon(g, n, out, part_bytes):
    r = g.r
    os.makedirs(out, exist_ok=True)
    host, user = "mastodon.example", "amina_b"
    actor = "https://%s/users/%s" % (host, user)
    nstat = n // 2
    items = []
    for i in range(nstat):
        sid = str(110000000000000000 + i)
        t = r.randint(1420070400, 1767225600)
        import time
        pub = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t))
        if r.random() < 0.15:
            items.append({"id": "%s/statuses/%s/activity" % (actor, sid), "type": "Announce", "actor": actor,
                          "published": pub, "to": ["https://www.w3.org/ns/activitystreams#Public"],
                          "cc": [actor + "/followers"],
                          "object": "https://other.example/users/%s/statuses/%d" % (r.choice(HANDLES), r.randint(1, 10**9))})
            g.count("repost")
            continue
        lang = g.lang()
        text, _ = g.text(lang)
        reply = r.random() < 0.3
        obj = {"id": "%s/statuses/%s" % (actor, sid), "type": "Note", "summary": None,
               "inReplyTo": ("https://other.example/users/%s/statuses/%d" % (r.choice(HANDLES), r.randint(1, 10**9))) if reply else None,
               "published": pub, "url": "https://%s/@%s/%s" % (host, user, sid), "attributedTo": actor,
               "to": ["https://www.w3.org/ns/activitystreams#Public"], "cc": [actor + "/followers"],
               "sensitive": False, "content": "<p>%s</p>" % text.replace("&amp;", "&amp;amp;"),
               "contentMap": {lang: "<p>%s</p>" % text}, "attachment": [], "tag": []}
        items.append({"id": obj["id"] + "/activity", "type": "Create", "actor": actor, "published": pub,
                      "to": obj["to"], "cc": obj["cc"], "object": obj})
        g.count("reply" if reply else "post")
    with open(os.path.join(out, "outbox.json"), "w") as f:
        json.dump({"@context": "https://www.w3.org/ns/activitystreams", "id": "outbox.json",
                   "type": "OrderedCollection", "totalItems": len(items), "orderedItems": items}, f,
                  ensure_ascii=False)
    likes = ["https://other.example/users/%s/statuses/%d" % (r.choice(HANDLES), r.randint(1, 10**12))
             for _ in range(n - nstat)]
    g.kinds["like"] = len(likes)
    with open(os.path.join(out, "likes.json"), "w") as f:
        json.dump({"@context": "https://www.w3.org/ns/activitystreams", "id": "likes.json",
                   "type": "OrderedCollection", "orderedItems": likes}, f)
    with open(os.path.join(out, "actor.json"), "w") as f:
        json.dump({"@context": "https://www.w3.org/ns/activitystreams", "id": actor, "type": "Person",
                   "followers": actor + "/followers", "outbox": "outbox.json", "preferredUsername": user,
                   "name": "Amina B.", "summary": "<p>Humanitarian. Views my own.</p>",
                   "url": "https://%s/@%s" % (host, user)}, f)
    g.count("username")
    g.count("display_name")
    g.count("bio")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("platform", choices=["x", "facebook", "mastodon"])
    ap.add_argument("n", type=int)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--flag-rate", type=float, default=0.05)
    ap.add_argument("--zip", action="store_true")
    ap.add_argument("--part-mb", type=float, default=50)
    a = ap.parse_args()
    g = Gen(a.seed, a.flag_rate)
    folder = a.out
    if os.path.exists(folder):
        shutil.rmtree(folder)
    {"x": gen_x, "facebook": gen_facebook, "mastodon": gen_mastodon}[a.platform](
        g, a.n, folder, int(a.part_mb * (1 << 20)))
    size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(folder) for f in fs)
    if a.zip:
        with zipfile.ZipFile(folder + ".zip", "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
            for d, _, fs in os.walk(folder):
                for f in sorted(fs):
                    p = os.path.join(d, f)
                    z.write(p, os.path.join(os.path.basename(folder), os.path.relpath(p, folder)))
    print(json.dumps({"platform": a.platform, "items": g.kinds, "flaggable": g.flagged, "bytes": size,
                      "folder": folder, "zip": folder + ".zip" if a.zip else None}))


if __name__ == "__main__":
    main()
