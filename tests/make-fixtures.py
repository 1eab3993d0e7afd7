#!/usr/bin/env python3
"""Write the fictional X archives: samples/x-lina-haddad and tests/archives/x-*.

Every person in them is invented. Ids are snowflakes made from the dates, so
that dates derived from ids agree. Run it after changing a fixture here, then
update the cases that name ids, and review the diff: tests/make-fixtures.py
"""
import json, os, datetime, shutil
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EPOCH = 1288834974657

def sid(dt, seq=0):
    ms = int(dt.replace(tzinfo=datetime.timezone.utc).timestamp() * 1000)
    return str(((ms - EPOCH) << 22) + 1234567 + seq)

def xdate(dt):
    return dt.strftime("%a %b %d %H:%M:%S +0000 %Y")

def dumps(obj):
    return json.dumps(obj, indent=2, separators=(",", " : "), ensure_ascii=False)

def ytd(path, name, part, elems):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    body = dumps(elems) if elems else "[ ]"
    with open(path, "w", encoding="utf-8") as f:
        f.write("window.YTD.%s.part%d = %s" % (name, part, body))

def esc(t):
    return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

def tweet(dt, text, seq=0, reply=None, urls=(), media=(), place=None, coords=None,
          mentions=(), hashtags=(), wrapper=True, lang="en"):
    i = sid(dt, seq)
    t = {
        "edit_info": {"initial": {"editTweetIds": [i], "editableUntil":
            (dt + datetime.timedelta(minutes=30)).strftime("%Y-%m-%dT%H:%M:%S.000Z"),
            "editsRemaining": "5", "isEditEligible": True}},
        "retweeted": False,
        "source": "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
        "entities": {
            "hashtags": [{"text": h, "indices": ["0", "1"]} for h in hashtags],
            "symbols": [],
            "user_mentions": [{"name": m, "screen_name": m, "indices": ["0", str(len(m) + 1)],
                               "id_str": "1000" + str(k), "id": "1000" + str(k)} for k, m in enumerate(mentions)],
            "urls": [{"url": "https://t.co/" + "abcdefgh%02d" % k, "expanded_url": u,
                      "display_url": u.split("//")[1][:24] + "…", "indices": ["10", "33"]}
                     for k, u in enumerate(urls)],
        },
        "display_text_range": ["0", str(len(text))],
        "favorite_count": "3",
        "id_str": i,
        "truncated": False,
        "retweet_count": "0",
        "id": i,
        "created_at": xdate(dt),
        "favorited": False,
        "full_text": esc(text),
        "lang": lang,
    }
    if reply:
        t["in_reply_to_status_id_str"] = reply[1]
        t["in_reply_to_status_id"] = reply[1]
        t["in_reply_to_user_id"] = "555000111"
        t["in_reply_to_user_id_str"] = "555000111"
        t["in_reply_to_screen_name"] = reply[0]
    if media:
        m = [{"expanded_url": "https://twitter.com/x/status/%s/photo/1" % i,
              "indices": ["20", "43"], "url": "https://t.co/media%02d" % k,
              "media_url": "http://pbs.twimg.com/media/FAKE%02d.jpg" % k,
              "id_str": str(int(i) + k + 1), "id": str(int(i) + k + 1),
              "media_url_https": "https://pbs.twimg.com/media/FAKE%02d.jpg" % k,
              "sizes": {"large": {"w": "2048", "h": "1536", "resize": "fit"}},
              "type": mt, "display_url": "pic.twitter.com/FAKE"} for k, mt in enumerate(media)]
        t["entities"]["media"] = m[:1]
        t["extended_entities"] = {"media": m}
    if coords:
        t["coordinates"] = {"type": "Point", "coordinates": [str(coords[1]), str(coords[0])]}
        t["geo"] = {"type": "Point", "coordinates": [str(coords[0]), str(coords[1])]}
    if place:
        t["place"] = {"full_name": place, "name": place.split(",")[0], "country_code": "JO"}
    return {"tweet": t} if wrapper else t

D = datetime.datetime

def staff(base, wrapper_style=True):
    if os.path.exists(base):
        shutil.rmtree(base)
    data = base + "/data"
    os.makedirs(data)
    handle = "LinaAtUNHCR"
    tw = [
        tweet(D(2016, 5, 1, 7, 12, 3), "Proud to start my new assignment in Amman today! #refugees", hashtags=["refugees"]),
        tweet(D(2016, 11, 9, 6, 40, 0), "Can't believe the election results. The president-elect is a disgrace."),
        tweet(D(2017, 3, 2, 18, 5, 44), "Birthday party for my little one tonight \U0001F389 cake & balloons"),
        tweet(D(2018, 6, 20, 9, 0, 0), "RT @Refugees: On #WithRefugees day, governments must stand with people forced to flee \u2026",
              mentions=["Refugees"], hashtags=["WithRefugees"]),
        tweet(D(2018, 9, 20, 14, 30, 0), "RT @SenDanaReyes: Vote for me on Tuesday! Together we will fix this broken government \u2026",
              mentions=["SenDanaReyes"]),
        tweet(D(2019, 2, 14, 11, 2, 9), "@omar_k Totally agree, the minister must resign over this corruption scandal",
              reply=("omar_k", sid(D(2019, 2, 14, 10, 0, 0), 9)), mentions=["omar_k"]),
        tweet(D(2019, 5, 5, 8, 15, 0), "Please vote for my photo in the office contest! \U0001F4F8"),
        tweet(D(2019, 8, 1, 16, 45, 0), "Thanks to the Government of Jordan for hosting the workshop on data protection."),
        tweet(D(2020, 1, 15, 20, 1, 1), "This is exactly why the opposition party must win the elections https://t.co/abcdefgh00",
              urls=["https://twitter.com/PolicyWatcher/status/1217000000000000000"]),
        tweet(D(2021, 3, 8, 9, 30, 0), "Today on International Women's Day I want to thank the incredible women I work with in the field, who keep going when everything around them stops. You are the reason this work matters, and you deserve far more recognition than you \u2026 https://t.co/abcdefgh01",
              urls=["https://twitter.com/i/web/status/" + sid(D(2021, 3, 8, 9, 30, 0))]),
        tweet(D(2021, 7, 1, 17, 50, 0), "Sunset at the Dead Sea https://t.co/media00", media=["photo"],
              place="Dead Sea, Jordan", coords=(31.5590, 35.4732)),
        tweet(D(2022, 10, 1, 12, 0, 0), "Our club elected a new captain today \u26BD"),
        tweet(D(2022, 11, 5, 9, 45, 0), "@Refugees The government here should resign over how it treats people who flee",
              reply=("Refugees", sid(D(2022, 11, 5, 9, 0, 0), 3)), mentions=["Refugees"]),
    ]
    tw1 = [
        tweet(D(2023, 1, 20, 19, 0, 0), "Solidarity with the protesters in the capital. This regime has to go. #RegimeChange",
              hashtags=["RegimeChange"]),
        tweet(D(2023, 2, 2, 7, 30, 0), "Morning run along the river, 10 km done"),
        tweet(D(2023, 4, 11, 5, 10, 0), "Flying to Geneva tomorrow for the Standing Committee, EK 911 boarding at 9"),
        tweet(D(2023, 6, 20, 15, 0, 0), "Met a 7-year-old refugee girl in the camp today, her name is Amal and she wants to be a doctor https://t.co/media01",
              media=["photo"]),
        tweet(D(2023, 9, 5, 18, 20, 0), "Confidential: the draft report for donors says the food ration will be cut by 30%. Not yet public, so don't share"),
    ]
    ytd(data + "/tweets.js", "tweets", 0, tw)
    ytd(data + "/tweets-part1.js", "tweets", 1, tw1)
    note_text = ("Today on International Women's Day I want to thank the incredible women I work with in the field, "
                 "who keep going when everything around them stops. You are the reason this work matters, and you "
                 "deserve far more recognition than you get. And to everyone at home: go vote in the municipal "
                 "elections next week!")
    ytd(data + "/note-tweet.js", "note_tweet", 0, [{"noteTweet": {
        "noteTweetId": sid(D(2021, 3, 8, 9, 30, 0), 77), "updatedAt": "2021-03-08T09:30:00.000Z",
        "lifecycle": {"value": "1", "name": "Active", "originalTypeName": "", "originalValue": "1"},
        "createdAt": "2021-03-08T09:30:00.000Z",
        "core": {"styletags": [], "urls": [], "text": note_text, "mentions": [], "cashtags": [], "hashtags": []}}}])
    dtw = tweet(D(2023, 3, 1, 10, 0, 0), "Vote Democrats in the elections!")
    dtw["tweet"]["deleted_at"] = "Fri Mar 03 09:00:00 +0000 2023"
    ytd(data + "/deleted-tweets.js", "deleted_tweets", 0, [dtw])
    likes = [
        {"like": {"tweetId": sid(D(2020, 6, 1, 12, 0, 0), 5),
                  "fullText": "The Prime Minister's corrupt government must resign now",
                  "expandedUrl": "https://twitter.com/i/web/status/" + sid(D(2020, 6, 1, 12, 0, 0), 5)}},
        {"like": {"tweetId": sid(D(2020, 6, 20, 8, 0, 0), 6),
                  "fullText": "Governments must uphold the right to seek asylum. Elections are no excuse. #WithRefugees",
                  "expandedUrl": "https://twitter.com/Refugees/status/" + sid(D(2020, 6, 20, 8, 0, 0), 6)}},
        {"like": {"tweetId": "512345678901234567"}},
        {"like": {"tweetId": sid(D(2022, 4, 4, 4, 4, 4), 7), "fullText": "Look at this dog in a raincoat \U0001F415",
                  "expandedUrl": "https://twitter.com/i/web/status/" + sid(D(2022, 4, 4, 4, 4, 4), 7)}},
    ]
    ytd(data + "/like.js", "like", 0, likes)
    ytd(data + "/account.js", "account", 0, [{"account": {
        "email": "lina.haddad@unhcr.org", "createdVia": "web", "username": handle,
        "accountId": "1190000000000000001", "createdAt": "2016-04-30T08:00:00.000Z",
        "accountDisplayName": "Lina Haddad \U0001F1FA\U0001F1F3"}}])
    ytd(data + "/profile.js", "profile", 0, [{"profile": {
        "description": {"bio": "Protection officer. Coffee, books and the desert. Views are my own.",
                        "website": "https://t.co/galFAKEqf", "location": "Amman, Jordan"},
        "avatarMediaUrl": "https://pbs.twimg.com/profile_images/1/FAKE.jpg",
        "headerMediaUrl": "https://pbs.twimg.com/profile_banners/1/1"}}])
    ytd(data + "/follower.js", "follower", 0, [{"follower": {"accountId": "73747798",
        "userLink": "https://twitter.com/intent/user?user_id=73747798"}}])
    manifest = {
        "userInfo": {"accountId": "1190000000000000001", "userName": handle, "displayName": "Lina Haddad \U0001F1FA\U0001F1F3"},
        "archiveInfo": {"sizeBytes": "48213", "generationDate": "2024-01-01T10:00:00.000Z",
                        "isPartialArchive": False, "maxPartSizeBytes": "53687091200"},
        "readmeInfo": {"fileName": "data/README.txt", "directory": "data/", "name": "README.txt"},
        "dataTypes": {
            "account": {"files": [{"fileName": "data/account.js", "globalName": "YTD.account.part0", "count": "1"}]},
            "deletedTweets": {"mediaDirectory": "data/deleted_tweets_media",
                              "files": [{"fileName": "data/deleted-tweets.js", "globalName": "YTD.deleted_tweets.part0", "count": "1"}]},
            "follower": {"files": [{"fileName": "data/follower.js", "globalName": "YTD.follower.part0", "count": "1"}]},
            "like": {"files": [{"fileName": "data/like.js", "globalName": "YTD.like.part0", "count": "4"}]},
            "noteTweet": {"files": [{"fileName": "data/note-tweet.js", "globalName": "YTD.note_tweet.part0", "count": "1"}]},
            "profile": {"mediaDirectory": "data/profile_media",
                        "files": [{"fileName": "data/profile.js", "globalName": "YTD.profile.part0", "count": "1"}]},
            "tweets": {"mediaDirectory": "data/tweets_media",
                       "files": [{"fileName": "data/tweets.js", "globalName": "YTD.tweets.part0", "count": str(len(tw))},
                                 {"fileName": "data/tweets-part1.js", "globalName": "YTD.tweets.part1", "count": str(len(tw1))}]},
        },
    }
    with open(data + "/manifest.js", "w") as f:
        f.write("window.__THAR_CONFIG = " + dumps(manifest))
    with open(data + "/README.txt", "w") as f:
        f.write("This is a fictional archive made for footprint's tests and demo.\n"
                "Lina Haddad and every other person in it are invented.\n")

staff(ROOT + "/samples/x-lina-haddad")

# --- 2019 GDPR v1: files at the root, bare tweet objects, old likes ---
b = ROOT + "/tests/archives/x-gdpr-2019-pseudonym"
shutil.rmtree(b, ignore_errors=True); os.makedirs(b)
ytd(b + "/account.js", "account", 0, [{"account": {"phoneNumber": "+15550000000",
    "email": "owl@example.net", "createdVia": "web", "username": "desert_owl_7",
    "accountId": "987654321", "createdAt": "2017-02-01T09:00:00.000Z", "accountDisplayName": "Desert Owl"}}])
ytd(b + "/tweet.js", "tweet", 0, [
    tweet(D(2018, 11, 2, 10, 0, 0), "UNHCR management has no idea what the field is like", wrapper=False),
    tweet(D(2019, 1, 5, 22, 0, 0), "The humanitarian sector is broken and aid workers deserve better", wrapper=False),
    tweet(D(2019, 2, 1, 9, 0, 0), "Lovely weather in the hills today", wrapper=False),
    tweet(D(2019, 3, 3, 3, 3, 3), "The WHO report was interesting, who knew?", wrapper=False),
])
ytd(b + "/like.js", "like", 0, [{"like": {"tweetId": "812345678901234567"}},
                                 {"like": {"tweetId": "12345"}}])
ytd(b + "/profile.js", "profile", 0, [{"profile": {"description": {"bio": "", "website": "", "location": ""}}}])

# --- classic archive (2012-2018) ---
c = ROOT + "/tests/archives/x-classic-2015"
shutil.rmtree(c, ignore_errors=True); os.makedirs(c + "/data/js/tweets")
user = {"name": "Lina Haddad", "screen_name": "lina_h", "protected": False, "id_str": "99887766",
        "profile_image_url_https": "https://pbs.twimg.com/profile_images/1/FAKE_normal.png",
        "id": 99887766, "verified": False}
def ctweet(dt, text, seq=0, **kw):
    i = sid(dt, seq)
    t = {"source": "<a href=\"http://twitter.com\" rel=\"nofollow\">Twitter Web Client</a>",
         "entities": {"user_mentions": [], "media": [], "hashtags": [], "urls": []},
         "geo": {}, "id_str": i, "text": text, "id": int(i),
         "created_at": dt.strftime("%Y-%m-%d %H:%M:%S +0000"), "user": user}
    t.update(kw)
    return t
def classic_js(path, var, arr):
    with open(path, "w") as f:
        f.write("Grailbird.data.%s = \n" % var)
        f.write(json.dumps(arr, indent=2, separators=(",", " : ")).replace("/", "\\/"))
t1 = ctweet(D(2014, 3, 12, 9, 0, 0), "Watching the election debate tonight, the candidate was terrible",
            geo={"type": "Point", "coordinates": [31.95, 35.93]})
t2 = ctweet(D(2014, 3, 20, 12, 0, 0), "RT @pol_maria: Our party will win the referendum \u2026",
            retweeted_status={"id_str": "445000000000000000", "text": "Our party will win the referendum! Join the campaign rally",
                              "created_at": "2014-03-20 11:00:00 +0000",
                              "user": {"name": "Maria Pol", "screen_name": "pol_maria", "id_str": "5"}})
t3 = ctweet(D(2015, 6, 2, 8, 0, 0), "@friend_sam see you at the market", in_reply_to_status_id_str="606000000000000000",
            in_reply_to_screen_name="friend_sam", in_reply_to_user_id_str="6")
classic_js(c + "/data/js/tweets/2014_03.js", "tweets_2014_03", [t1, t2])
classic_js(c + "/data/js/tweets/2015_06.js", "tweets_2015_06", [t3])
with open(c + "/data/js/tweet_index.js", "w") as f:
    f.write("var tweet_index =  " + json.dumps([
        {"file_name": "data/js/tweets/2015_06.js", "year": 2015, "var_name": "tweets_2015_06", "tweet_count": 1, "month": 6},
        {"file_name": "data/js/tweets/2014_03.js", "year": 2014, "var_name": "tweets_2014_03", "tweet_count": 2, "month": 3}],
        indent=1, separators=(",", " : ")).replace("/", "\\/"))
with open(c + "/data/js/user_details.js", "w") as f:
    f.write("var user_details =  " + json.dumps({"screen_name": "lina_h", "location": "Amman",
        "full_name": "Lina Haddad", "bio": "Coffee first.", "id": "99887766",
        "created_at": "2010-03-24 16:31:05 +0000"}, indent=1, separators=(",", " : ")))
with open(c + "/data/js/payload_details.js", "w") as f:
    f.write("var payload_details =  {\n  \"tweets\" : 4,\n  \"created_at\" : \"2015-07-01 10:00:00 +0000\",\n  \"lang\" : \"en\"\n}")
# tweets.csv, later column order; one tweet only here (2013), the rest also in the .js files
def csvq(v): return '"' + str(v).replace('"', '""') + '"'
rows = [["tweet_id", "in_reply_to_status_id", "in_reply_to_user_id", "timestamp", "source", "text",
         "retweeted_status_id", "retweeted_status_user_id", "retweeted_status_timestamp", "expanded_urls"]]
for t in (t1, t2, t3):
    rows.append([t["id_str"], t.get("in_reply_to_status_id_str", ""), "", t["created_at"], t["source"], t["text"],
                 t.get("retweeted_status", {}).get("id_str", ""), "", "", ""])
t0 = sid(D(2013, 11, 5, 7, 0, 0))
rows.append([t0, "", "", "2013-11-05 07:00:00 +0000", "<a href=\"http://twitter.com\">web</a>",
             "Election day! Go vote everyone &amp; bring a friend #Elections2013", "", "", "", ""])
with open(c + "/tweets.csv", "w") as f:
    for r in rows:
        f.write(",".join(csvq(v) for v in r) + "\n")

# --- classic tweets.csv alone, early column order ---
e = ROOT + "/tests/archives/x-classic-csv-early"
shutil.rmtree(e, ignore_errors=True); os.makedirs(e)
hdr = ["tweet_id", "in_reply_to_status_id", "in_reply_to_user_id", "retweeted_status_id",
       "retweeted_status_user_id", "timestamp", "source", "text", "expanded_urls"]
r = [hdr,
     ["280000000000000001", "", "", "", "", "2012-12-10 10:00:00 +0000", "web", "Quiet day at the office", ""],
     ["280000000000000002", "", "", "279000000000000000", "12", "2012-12-11 10:00:00 +0000", "web",
      "RT @politico_x: The government must go, new elections now", ""],
     ["280000000000000003", "279500000000000000", "13", "", "", "2012-12-12 10:00:00 +0000", "web",
      "@bob_t yes the \"minister\" should resign,\nthe corruption is obvious", ""],
     ["280000000000000004", "", "", "", "", "2012-12-13 10:00:00 +0000", "web",
      "Ha, see this https://t.co/q1 about the ballot", "https://twitter.com/newsdesk/status/278000000000000000,http://example.com/"]]
with open(e + "/tweets.csv", "w") as f:
    for row in r:
        f.write(",".join(csvq(v) for v in row) + "\r\n")

# --- bad input: the rest must still be audited ---
bad = ROOT + "/tests/archives/x-bad-input"
shutil.rmtree(bad, ignore_errors=True); os.makedirs(bad + "/data")
ytd(bad + "/data/account.js", "account", 0, [{"account": {"email": "sam.k@example.org", "username": "sam_k",
    "accountId": "4242", "createdAt": "2019-01-01T00:00:00.000Z", "accountDisplayName": "Sam K"}}])
open(bad + "/data/tweets.js", "w").close()      # 0 bytes
ytd(bad + "/data/tweets-part1.js", "tweets", 1, [
    tweet(D(2020, 2, 2, 2, 2, 2), "The election was stolen and the government knows it"), "oops, a string"])
with open(bad + "/data/tweets-part2.js", "wb") as f:
    f.write(("window.YTD.tweets.part2 = " + dumps([tweet(D(2020, 3, 3, 3, 3, 3), "Caf\u00e9 talk: the regime and its ministers are corrupt")])).encode().replace("Caf\u00e9".encode(), b"Caf\xe9"))
with open(bad + "/data/like.js", "w") as f:
    f.write("this is not json at all\n")
with open(bad + "/data/profile.js", "w") as f:
    f.write("window.YTD.profile = [ { \"profile\" : { \"description\" : { \"bio\" : \"hi\" } } } ]")
with open(bad + "/data/note-tweet.js", "w") as f:
    f.write("window.YTD.note_tweet.part0 = [ {\n  \"noteTweet\" : {\n    \"core\" : {")
print("ok")

# --- Mastodon: actor.json, outbox.json (two orderedItems keys), likes.json ---
def mastodon(base):
    shutil.rmtree(base, ignore_errors=True); os.makedirs(base)
    host = "https://mastodon.example"
    actor = host + "/users/lina_h"
    ctx = ["https://www.w3.org/ns/activitystreams", "https://w3id.org/security/v1"]
    pub = "https://www.w3.org/ns/activitystreams#Public"
    def note(sid, when, html, to, cc, reply=None, att=(), lang="en", summary=None):
        obj = {"id": actor + "/statuses/" + sid, "type": "Note", "summary": summary,
               "inReplyTo": reply, "published": when, "url": host + "/@lina_h/" + sid,
               "attributedTo": actor, "to": to, "cc": cc, "sensitive": False,
               "atomUri": actor + "/statuses/" + sid, "inReplyToAtomUri": reply,
               "conversation": "tag:mastodon.example,2023:objectId=1:objectType=Conversation",
               "content": html, "contentMap": {lang: html},
               "attachment": [{"type": "Document", "mediaType": "image/jpeg",
                               "url": "/lina_h/media_attachments/files/1/original/x.jpeg",
                               "name": "alt text", "blurhash": "UAB", "width": 800, "height": 600} for _ in att],
               "tag": [], "replies": {"id": actor + "/statuses/" + sid + "/replies", "type": "Collection"}}
        return {"id": actor + "/statuses/" + sid + "/activity", "type": "Create", "actor": actor,
                "published": when, "to": to, "cc": cc, "object": obj}
    items = [
        note("110000000000000001", "2022-11-08T03:07:14Z", "<p>Hello fediverse! New here, working in protection.</p>", [pub], [actor + "/followers"]),
        note("110000000000000002", "2022-12-01T10:00:00Z", "<p>The minister must resign, this government is corrupt. <a href=\"https://mastodon.example/tags/Elections\" class=\"mention hashtag\" rel=\"tag\">#<span>Elections</span></a></p>", [pub], [actor + "/followers"]),
        note("110000000000000003", "2023-01-10T09:00:00Z", "<p><span class=\"h-card\"><a href=\"https://social.example/@ana\" class=\"u-url mention\">@<span>ana</span></a></span> Vote for the opposition party on Sunday!</p>", [actor + "/followers"], ["https://social.example/users/ana"], reply="https://social.example/users/ana/statuses/99"),
        note("110000000000000004", "2023-02-02T08:00:00Z", "<p>Met a 6-year-old refugee boy today, his name is Omar</p>", [pub], [], att=[1]),
        note("110000000000000005", "2023-03-03T12:00:00Z", "<p>Don&#39;t tell anyone: the election plan is confidential, not for distribution</p>", ["https://social.example/users/ana"], []),
        {"id": actor + "/statuses/110000000000000006/activity", "type": "Announce", "actor": actor,
         "published": "2023-04-04T04:04:04Z", "to": [pub], "cc": [actor + "/followers"],
         "object": "https://politics.example/users/candidate/statuses/555"},
        note("110000000000000007", "2023-05-05T05:05:05Z", "<p>Lovely walk by the river&nbsp;&amp; a good book</p>", [pub], []),
    ]
    out = '{\n  "@context": %s,\n  "id": "outbox.json",\n  "type": "OrderedCollection",\n  "totalItems": %d,\n  "orderedItems": [],\n  "orderedItems": %s\n}' % (
        json.dumps(ctx), len(items), json.dumps(items, indent=2, ensure_ascii=False))
    open(base + "/outbox.json", "w", encoding="utf-8").write(out)
    json.dump({"@context": ctx, "id": actor, "type": "Person", "following": actor + "/following",
               "followers": actor + "/followers", "inbox": actor + "/inbox", "outbox": "outbox.json",
               "preferredUsername": "lina_h", "name": "Lina H.",
               "summary": "<p>Protection officer. Views are my own.</p>", "url": host + "/@lina_h",
               "manuallyApprovesFollowers": False, "discoverable": True, "indexable": False,
               "published": "2022-11-07T00:00:00Z",
               "attachment": [{"type": "PropertyValue", "name": "Blog",
                               "value": "<a href=\"https://lina.example\" rel=\"me nofollow\">lina.example</a>"},
                              {"type": "PropertyValue", "name": "Pronouns", "value": "she/her"}],
               "icon": {"type": "Image", "mediaType": "image/jpeg", "url": "avatar.jpg"},
               "likes": "likes.json", "bookmarks": "bookmarks.json"},
              open(base + "/actor.json", "w"), indent=2)
    json.dump({"@context": "https://www.w3.org/ns/activitystreams", "id": "likes.json",
               "type": "OrderedCollection", "orderedItems": [
                   "https://politics.example/users/candidate/statuses/777",
                   "https://mastodon.social/users/UNHCR/statuses/888"]},
              open(base + "/likes.json", "w"), indent=2)
    json.dump({"@context": "https://www.w3.org/ns/activitystreams", "id": "bookmarks.json",
               "type": "OrderedCollection", "orderedItems": []}, open(base + "/bookmarks.json", "w"))
    open(base + "/avatar.jpg", "wb").write(b"\xff\xd8\xff\xe0fictional")

mastodon(ROOT + "/tests/archives/mastodon-2023")
print("ok mastodon")

# --- Facebook (Meta writes UTF-8 bytes as \u00XX escapes: "mojibake") ---
def meta_dump(obj, path):
    def moji(v):
        if isinstance(v, str):
            return v.encode("utf-8").decode("latin-1")
        if isinstance(v, list):
            return [moji(x) for x in v]
        if isinstance(v, dict):
            return {moji(k): moji(x) for k, x in v.items()}
        return v
    os.makedirs(os.path.dirname(path), exist_ok=True)
    open(path, "w").write(json.dumps(moji(obj), indent=2, ensure_ascii=True))

def ts(y, m, d, h=12):
    return int(D(y, m, d, h, 0, 0).replace(tzinfo=datetime.timezone.utc).timestamp())

def facebook_2024(base):
    shutil.rmtree(base, ignore_errors=True)
    act = base + "/your_facebook_activity"
    meta_dump({"profile_v2": {
        "name": {"full_name": "Léa Martin", "first_name": "Léa", "middle_name": "", "last_name": "Martin"},
        "emails": {"emails": ["lea.martin@iom.int"], "previous_emails": ["lea.m@example.org"],
                   "pending_emails": [], "ad_account_emails": []},
        "birthday": {"year": 1990, "month": 4, "day": 2},
        "current_city": {"name": "Niamey, Niger", "timestamp": ts(2022, 1, 1)},
        "websites": [{"address": "https://lea.example"}],
        "profile_uri": "https://www.facebook.com/lea.martin.oim"}},
        base + "/personal_information/profile_information/profile_information.json")
    meta_dump([
        {"timestamp": ts(2019, 5, 26), "data": [{"post": "Élections européennes : allez voter dimanche, chaque voix compte !"}],
         "title": "Léa Martin a mis à jour son statut."},
        {"timestamp": ts(2020, 8, 14), "attachments": [{"data": [
            {"media": {"uri": "your_facebook_activity/posts/media/1/a.jpg", "creation_timestamp": ts(2020, 8, 14),
                       "title": "", "description": "Distribution au camp de réfugiés, les enfants réfugiés attendent"}},
            {"place": {"name": "Camp de Tillabéri", "coordinate": {"latitude": 14.21, "longitude": 1.45},
                       "address": "", "url": "https://www.facebook.com/places/1"}}]}],
         "data": [{"post": "Journée de distribution 🙏"}], "title": "Léa Martin était à Camp de Tillabéri."},
        {"timestamp": ts(2021, 3, 8), "data": [{"post": "Bonne journée des droits des femmes à toutes mes collègues 💐"}]},
        {"timestamp": ts(2022, 6, 1), "data": [{"post": "Ce gouvernement est corrompu et le ministre doit démissionner."}]},
    ], act + "/posts/your_posts__check_ins__photos_and_videos_1.json")
    meta_dump({"comments_v2": [
        {"timestamp": ts(2021, 9, 9), "data": [{"comment": {"timestamp": ts(2021, 9, 9),
          "comment": "Putain, quel désastre ce régime", "author": "Léa Martin"}}],
         "title": "Léa Martin a commenté la publication de Paul."},
        {"timestamp": ts(2021, 9, 10), "data": [{"comment": {"timestamp": ts(2021, 9, 10), "comment": "", "author": "Léa Martin"}}],
         "title": "Léa Martin a commenté une photo."}]},
        act + "/comments_and_reactions/comments.json")
    meta_dump([
        {"timestamp": ts(2022, 2, 2), "data": [{"reaction": {"reaction": "LIKE", "actor": "Léa Martin"}}],
         "title": "Léa Martin aime la publication de Marie Dupont : « Votez pour moi aux élections ! »."},
        {"timestamp": ts(2022, 3, 3), "data": [{"reaction": {"reaction": "LOVE", "actor": "Léa Martin"}}],
         "title": "Léa Martin a réagi à la photo de Sophie."}],
        act + "/comments_and_reactions/likes_and_reactions_1.json")

def facebook_2019(base):
    shutil.rmtree(base, ignore_errors=True)
    meta_dump({"profile": {"name": {"full_name": "Sam Okello"}, "emails": {"emails": ["sam.okello@unicef.org"]},
                           "profile_uri": "https://www.facebook.com/sam.okello"}},
              base + "/profile_information/profile_information.json")
    meta_dump([{"timestamp": ts(2017, 8, 8), "data": [{"post": "Vote for Dana in the election, the opposition party has my support!"}]},
               {"timestamp": ts(2018, 1, 1), "data": [{"post": "Happy new year everyone!"}]}],
              base + "/posts/your_posts_1.json")
    meta_dump({"comments": [{"timestamp": ts(2018, 2, 2), "data": [{"comment": {"timestamp": ts(2018, 2, 2),
              "comment": "Flying to Kampala tomorrow, see you there", "author": "Sam Okello"}}],
              "title": "Sam Okello commented on Ann's post."}]},
              base + "/comments/comments.json")
    meta_dump({"reactions": [{"timestamp": ts(2018, 3, 3), "data": [{"reaction": {"reaction": "LIKE", "actor": "Sam Okello"}}],
              "title": "Sam Okello likes Ann's photo."}]},
              base + "/likes_and_reactions/posts_and_comments.json")

def facebook_html(base):
    shutil.rmtree(base, ignore_errors=True); os.makedirs(base + "/posts")
    open(base + "/index.html", "w").write("<html><body>Your Facebook information</body></html>")
    open(base + "/posts/your_posts_1.html", "w").write("<html><body><div>Vote!</div></body></html>")

facebook_2024(ROOT + "/tests/archives/facebook-2024")
facebook_2019(ROOT + "/tests/archives/facebook-2019")
facebook_html(ROOT + "/tests/archives/facebook-html")
print("ok facebook")

# --- Instagram and Threads ---
def instagram_2025(base):
    shutil.rmtree(base, ignore_errors=True)
    act = base + "/your_instagram_activity"
    meta_dump({"profile_user": [{"title": "Informations sur l'utilisateur", "media_map_data": {
        "Photo de profil": {"uri": "media/profile/1.jpg", "creation_timestamp": ts(2020, 1, 1), "title": ""}},
        "string_map_data": {
            "Adresse e-mail": {"href": "", "value": "nadia.k@wfp.org", "timestamp": 0},
            "Nom d'utilisateur": {"href": "", "value": "nadia_wfp", "timestamp": 0},
            "Nom": {"href": "", "value": "Nadia Karim", "timestamp": 0},
            "Biographie": {"href": "", "value": "Logisticienne. Les opinions exprimées n'engagent que moi.", "timestamp": 0},
            "Date de naissance": {"href": "", "value": "1991-05-05", "timestamp": 0},
            "Score Emoji Pong": {"href": "", "value": "12", "timestamp": 0}}}]},
        base + "/personal_information/personal_information/personal_information.json")
    meta_dump([
        {"media": [{"uri": "media/posts/202403/1.jpg", "creation_timestamp": ts(2024, 3, 3),
                    "title": "Coucher de soleil sur le fleuve 🌅",
                    "media_metadata": {"photo_metadata": {"exif_data": [{"latitude": 13.51, "longitude": 2.11}]}},
                    "cross_post_source": {"source_app": "FB"}}]},
        {"media": [{"uri": "media/posts/202404/2.jpg", "creation_timestamp": ts(2024, 4, 4), "title": ""},
                   {"uri": "media/posts/202404/3.mp4", "creation_timestamp": ts(2024, 4, 4), "title": ""}],
         "title": "Les enfants réfugiés du camp, une journée de distribution", "creation_timestamp": ts(2024, 4, 4)},
        {"media": [{"uri": "media/posts/202405/4.jpg", "creation_timestamp": ts(2024, 5, 5),
                    "title": "Code promo NADIA15 sur ma boutique en ligne #pub"}]},
    ], act + "/media/posts_1.json")
    meta_dump([
        {"media_list_data": [{"uri": ""}], "string_map_data": {
            "Commentaire": {"value": "Votez pour elle aux élections !"},
            "Propriétaire du contenu": {"value": "candidate_x"}, "Heure": {"timestamp": ts(2024, 6, 6)}}},
        {"media_list_data": [{"uri": ""}], "string_map_data": {
            "Commentaire": {"value": "Magnifique photo 😍"},
            "Propriétaire du contenu": {"value": "amie_1"}, "Heure": {"timestamp": ts(2024, 6, 7)}}}],
        act + "/comments/post_comments_1.json")
    meta_dump([
        {"timestamp": ts(2024, 7, 7), "media": [], "label_values": [
            {"label": "URL", "value": "https://www.instagram.com/p/FAKE1/", "href": "https://www.instagram.com/p/FAKE1/"},
            {"label": "Caption", "value": "Le gouvernement doit démissionner, honte à ce ministre"},
            {"label": "Owner", "dict": [{"dict": [{"label": "Username", "value": "opposition_now"}], "title": ""}]}]},
        {"timestamp": ts(2024, 7, 8), "media": [], "label_values": [
            {"label": "URL", "value": "https://www.instagram.com/p/FAKE2/", "href": "https://www.instagram.com/p/FAKE2/"},
            {"label": "Owner", "dict": [{"dict": [{"label": "Username", "value": "chef_cuisine"}], "title": ""}]}]}],
        act + "/likes/liked_posts.json")
    meta_dump({"text_post_app_text_posts": [
        {"media": [{"uri": "", "creation_timestamp": ts(2024, 8, 8),
                    "title": "Je m'envole pour Genève demain pour le comité permanent", "cross_post_source": {"source_app": "IG"}}]},
        {"media": [{"uri": "", "creation_timestamp": ts(2024, 8, 9), "title": "Bonne journée à tous"}]}]},
        act + "/threads/threads_and_replies.json")

def instagram_2022(base):
    shutil.rmtree(base, ignore_errors=True)
    meta_dump({"profile_user": [{"title": "User Information", "string_map_data": {
        "Email": {"href": "", "value": "omar.diallo@gmail.com", "timestamp": 0},
        "Username": {"href": "", "value": "omar.d", "timestamp": 0},
        "Name": {"href": "", "value": "Omar Diallo", "timestamp": 0},
        "Bio": {"href": "", "value": "Humanitarian. Tweets are my own.", "timestamp": 0}}}]},
        base + "/personal_information/personal_information.json")
    meta_dump([{"media": [{"uri": "media/posts/202106/1.jpg", "creation_timestamp": ts(2021, 6, 6),
                           "title": "Election day, go vote! 🗳"}]}],
              base + "/content/posts_1.json")
    meta_dump({"comments_media_comments": []}, base + "/comments/post_comments.json")
    meta_dump({"likes_media_likes": [
        {"title": "some_politician", "string_list_data": [{"href": "https://www.instagram.com/p/FAKE3/",
         "value": "👍", "timestamp": ts(2021, 7, 7)}]}]},
        base + "/likes/liked_posts.json")

instagram_2025(ROOT + "/tests/archives/instagram-2025")
instagram_2022(ROOT + "/tests/archives/instagram-2022")
print("ok instagram")

# --- LinkedIn (CSV; Comments.csv escapes quotes with a backslash) ---
def linkedin(base):
    shutil.rmtree(base, ignore_errors=True); os.makedirs(base)
    def w(name, text, bom=False):
        open(base + "/" + name, "w", encoding="utf-8", newline="").write(("\ufeff" if bom else "") + text)
    w("Profile.csv", 'First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,Zip Code,Geo Location,Twitter Handles,Websites,Instant Messengers\n'
      'Ravi,Menon,,,"Nov 5, 1990",Programme Officer at UNOPS,"Infrastructure for peace. All opinions my own.",International Affairs,,"Nairobi, Kenya",[ravi_m],"[PERSONAL:https://ravi.example,OTHER:https://blog.ravi.example]",\n', bom=True)
    w("Email Addresses.csv", "Email Address,Confirmed,Primary,Updated On\nravi.menon@unops.org,Yes,Yes,2019-01-01 10:00:00 UTC\nravi.m@example.com,Yes,No,2015-01-01 10:00:00 UTC\n")
    w("Positions.csv", 'Company Name,Title,Description,Location,Started On,Finished On\nUNOPS,Programme Officer,"Roads, bridges and schools",Nairobi,Jan 2020,\n')
    w("Shares_17529409.csv", 'Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n'
      '2021-05-07 16:41:18,https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A6789,"Proud of our team:\n""build back better"" in action",,,PUBLIC\n'
      '2022-10-10 09:00:00,https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A6790,"The minister is corrupt and this government must resign.",,https://media.example/x.jpg,MEMBER_NETWORK\n')
    w("Comments_17529409.csv", 'Date,Link,Message\n'
      '2022-01-01 10:00:00,https://www.linkedin.com/feed/update/urn:li:activity:1,"Great \\"initiative\\", well done"\n'
      ',https://www.linkedin.com/feed/update/urn:li:activity:2,"Vote for the opposition party,\nthe election is next week!"\n')
    w("Reactions.csv", "Date,Type,Link\n2022-02-02 10:00:00,LIKE,https://www.linkedin.com/feed/update/urn:li:activity:3\n")
    w("Connections.csv", 'Notes:\n"When exporting your connection data, you may notice that some of the email addresses are missing."\n\n'
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On\nAna,Diaz,https://www.linkedin.com/in/ana,,UNHCR,Officer,07 Dec 2025\n')

# --- Reddit (flat CSV export; split vote files) ---
def reddit(base):
    shutil.rmtree(base, ignore_errors=True); os.makedirs(base)
    def w(name, text):
        open(base + "/" + name, "w", encoding="utf-8", newline="").write(text)
    w("statistics.csv", "statistic,value\naccount name,quiet_observer_42\nexport time,2024-05-02 06:57:14 UTC\nis_deleted,False\nregistration date,2016-01-01 00:00:00 UTC\nemail verified,True\nemail address,j.doe@un.org\n")
    w("comments.csv", "id,permalink,date,ip,subreddit,gildings,gildings_silver,gildings_supergold,link,parent,body,media\n"
      "k1a2b3,/r/worldnews/comments/aaa111/un_report/k1a2b3/,2021-03-03 10:00:00 UTC,0.0.0.0,worldnews,0,0,0,https://www.reddit.com/r/worldnews/comments/aaa111/,t3_aaa111,\"UNHCR management is clueless, I know from the inside\",\n"
      "k4c5d6,/r/cooking/comments/bbb222/hummus/k4c5d6/,2021-04-04 10:00:00 UTC,,cooking,0,0,0,https://www.reddit.com/r/cooking/comments/bbb222/,t3_bbb222,\"Add more lemon, trust me\",\n"
      "k7e8f9,/r/cooking/comments/bbb222/hummus/k7e8f9/,2021-04-05 10:00:00 UTC,,cooking,0,0,0,https://www.reddit.com/r/cooking/comments/bbb222/,t3_bbb222,[deleted],\n")
    w("posts.csv", "id,permalink,date,ip,subreddit,gildings,title,url,body\n"
      "p1q2r3,/r/politics/comments/p1q2r3/vote_them_out/,2020-10-10 10:00:00 UTC,,politics,0,Vote them out in November,https://www.reddit.com/r/politics/comments/p1q2r3/vote_them_out/,\"The government has failed, go vote!\"\n")
    w("post_votes_1.csv", "id,permalink,direction\n"
      "v1,https://www.reddit.com/r/politics/comments/v1/the_minister_must_resign_over_corruption/,up\n"
      "v2,https://www.reddit.com/r/aww/comments/v2/my_cat_in_a_box/,up\n")
    w("post_votes_2.csv", "id,permalink,direction\nv3,https://www.reddit.com/r/politics/comments/v3/dictator_wins_rigged_election/,down\n")
    w("comment_votes.csv", "id,permalink,direction\nc1,https://www.reddit.com/r/politics/comments/v1/the_minister_must_resign_over_corruption/c1/,up\n")
    w("messages.csv", "id,permalink,thread_id,date,ip,from,to,subject,body\nm1,,t1,2022-01-01 10:00:00 UTC,,quiet_observer_42,friend_1,hi,\"Strictly confidential: the office report is leaked, don't forward\"\n")
    w("subscribed_subreddits.csv", "subreddit\npolitics\ncooking\n")

linkedin(ROOT + "/tests/archives/linkedin-2024")
reddit(ROOT + "/tests/archives/reddit-2024")
print("ok linkedin reddit")

# --- TikTok (one JSON file; two schemas) ---
def tiktok_old(base):
    shutil.rmtree(base, ignore_errors=True); os.makedirs(base + "/TikTok_Data_1700000000")
    doc = {"Activity": {"Like List": {"ItemFavoriteList": [
               {"date": "2022-03-03 10:00:00", "link": "https://www.tiktokv.com/share/video/7070000000000000001/"}]},
                        "Video Browsing History": {"VideoList": [{"Date": "2022-03-03 09:00:00", "Link": "https://www.tiktokv.com/share/video/7070000000000000002/"}]}},
           "Comment": {"Comments": {"CommentsList": [
               {"date": "2022-04-04 10:00:00", "comment": "This regime must go, the president is a dictator", "photo": "N/A", "url": ""},
               {"date": "2022-04-05 10:00:00", "comment": "so cute 😍", "photo": "N/A", "url": ""}]}},
           "Profile": {"Profile Information": {"ProfileMap": {
               "userName": "mira.travels", "bioDescription": "Aid worker 🇺🇳 | book a session for coaching",
               "birthDate": "01-Oct-1995", "emailAddress": "mira@example.net", "telephoneNumber": "",
               "likesReceived": "120", "profilePhoto": "https://example.invalid/p.jpg", "PlatformInfo": []}}},
           "Video": {"Videos": {"VideoList": [
               {"Date": "2022-05-05 10:00:00", "Link": "https://www.tiktokv.com/share/video/7090000000000000001/",
                "Likes": "59", "WhoCanView": "Everyone", "AllowComments": "Yes", "Sound": "original sound",
                "Location": "Kakuma, Kenya", "Title": "Flying to Nairobi tomorrow on mission 🛫", "AddYoursText": ""}]},
                     "RecentlyDeletedPosts": {"PostList": []}},
           "App Settings": {}, "Direct Messages": {}, "Ads and data": {}}
    open(base + "/TikTok_Data_1700000000/user_data.json", "w").write(json.dumps(doc, indent=2, ensure_ascii=False))

def tiktok_new(base):
    shutil.rmtree(base, ignore_errors=True); os.makedirs(base)
    doc = {"Your Activity": {"Watch History": {"VideoList": []}},
           "Likes and Favorites": {"Like List": {"ItemFavoriteList": [
               {"date": "2025-01-01 10:00:00 UTC", "link": "https://www.tiktokv.com/share/video/7450000000000000001/"}]}},
           "Comment": {"Comments": {"CommentsList": [
               {"date": "2025-02-02 10:00:00 UTC", "comment": "Votez pour lui aux élections !", "photo": "None",
                "url": "", "video": "", "originalPostUrl": "https://www.tiktok.com/@x/video/7450000000000000009"}]}},
           "Profile And Settings": {"Profile Info": {"ProfileMap": {
               "userName": "samir_unhcr", "displayName": "Samir", "bioDescription": "", "emailAddress": "samir@unhcr.org"}}},
           "Post": {"Posts": {"VideoList": [
               {"Date": "2025-03-03 10:00:00", "Link": "https://www.tiktokv.com/share/video/7460000000000000001/",
                "Likes": "3", "Title": "Morning coffee ☕", "Location": "None", "AIGeneratedContent": "No"}]}},
           "TikTok Live": {}, "TikTok Shop": {}}
    open(base + "/user_data_tiktok.json", "w").write(json.dumps(doc, indent=2, ensure_ascii=False))

def tiktok_txt(base):
    shutil.rmtree(base, ignore_errors=True); os.makedirs(base)
    open(base + "/Comments.txt", "w").write("Date: 2022-04-04 10:00:00\nComment: hello\n")
    open(base + "/Video.txt", "w").write("Date: 2022-05-05 10:00:00\nLink: https://example.invalid\n")

# --- YouTube (Takeout) ---
def yt_csv(path, header, rows):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    def q(v):
        return '"' + v.replace('"', '""') + '"' if any(c in v for c in ',"\n') else v
    open(path, "w", encoding="utf-8", newline="").write(
        header + "\n" + "".join(",".join(q(v) for v in r) + "\n" for r in rows) + "\n\n")

def youtube(base):
    shutil.rmtree(base, ignore_errors=True)
    yt = base + "/Takeout/YouTube and YouTube Music"
    # header version 1 (pre-June 2024), takeoutSegments
    yt_csv(yt + "/comments/comments.csv",
           "Comment ID,Channel ID,Comment Create Timestamp,Price,Parent Comment ID,Video ID,Comment Text",
           [["Ugx1", "UCfake1", "2023-09-19T17:42:53.434647+00:00", "", "", "vid00000001",
             json.dumps({"takeoutSegments": [{"text": "The minister must resign, "}, {"text": "this government is corrupt"}]})],
            ["Ugx2", "UCfake1", "2023-09-20T10:00:00Z", "", "", "vid00000002",
             json.dumps({"takeoutSegments": [{"text": "Great recipe, thanks!"}]})]])
    yt_csv(yt + "/channels/channel.csv", "Channel ID,Channel Country,Channel Title (Original),Channel Visibility",
           [["UCfake1", "KE", "Amina Yusuf", "Public"]])

def youtube_de(base):
    shutil.rmtree(base, ignore_errors=True)
    yt = base + "/Takeout/YouTube und YouTube Music"
    # header version 2 (mid-2024): comma-separated fragments, a raw newline
    yt_csv(yt + "/Kommentare/Kommentare.csv",
           "Kanal-ID,Zeitstempel der Kommentarerstellung,Preis,Kommentar-ID,ID des übergeordneten Kommentars,Video-ID,Kommentartext",
           [["UCfake2", "2024-07-01T08:00:00Z", "", "Ugy1", "", "vid00000003",
             '{"text":"Wählt die Opposition bei den Wahlen!"},{"text":"\n"},{"text":"Go vote"}']])

def youtube_fr(base):
    shutil.rmtree(base, ignore_errors=True)
    yt = base + "/Takeout/YouTube et YouTube Music"
    # header version 3 (2025): Top-level comment ID and Post ID, French
    yt_csv(yt + "/commentaires/commentaires.csv",
           "ID du commentaire,ID de la chaîne,Horodatage de la création du commentaire,Prix,ID du commentaire parent,ID de la vidéo,Texte du commentaire,ID du commentaire de premier niveau,ID du post",
           [["Ugz1", "UCfake3", "2025-01-15T12:00:00Z", "", "", "vid00000004", '{"text":"Je pars pour Goma demain, vol AF 718"}', "", ""]])

def youtube_html(base):
    shutil.rmtree(base, ignore_errors=True)
    d = base + "/Takeout/YouTube/my-comments"
    os.makedirs(d)
    open(d + "/my-comments.html", "w").write(
        "<html><body><ul>"
        "<li>Commented on <a href=\"https://www.youtube.com/watch?v=oldvid00001\">A video</a> 2016-06-15T08:50:49Z<br/>Go vote in the referendum tomorrow!</li>"
        "<li>Commented on <a href=\"https://www.youtube.com/watch?v=oldvid00002\">Cats</a> 2020-05-06 19:32:44 UTC<br/>So sweet &amp; funny</li>"
        "</ul></body></html>")

tiktok_old(ROOT + "/tests/archives/tiktok-2022")
tiktok_new(ROOT + "/tests/archives/tiktok-2025")
tiktok_txt(ROOT + "/tests/archives/tiktok-txt")
youtube(ROOT + "/tests/archives/youtube-2023")
youtube_de(ROOT + "/tests/archives/youtube-2024-de")
youtube_fr(ROOT + "/tests/archives/youtube-2025-fr")
youtube_html(ROOT + "/tests/archives/youtube-html")
print("ok tiktok youtube")

# --- Bluesky: a CAR v1 of DAG-CBOR blocks (a minimal encoder here) ---
import hashlib, struct

class Link:
    def __init__(self, cid): self.cid = cid

def cbor(v):
    def head(major, n):
        if n < 24: return bytes([major << 5 | n])
        if n < 256: return bytes([major << 5 | 24, n])
        if n < 65536: return bytes([major << 5 | 25]) + struct.pack(">H", n)
        return bytes([major << 5 | 26]) + struct.pack(">I", n)
    if v is None: return b"\xf6"
    if v is True: return b"\xf5"
    if v is False: return b"\xf4"
    if isinstance(v, int): return head(0, v)
    if isinstance(v, bytes): return head(2, len(v)) + v
    if isinstance(v, str):
        b = v.encode("utf-8"); return head(3, len(b)) + b
    if isinstance(v, list): return head(4, len(v)) + b"".join(cbor(x) for x in v)
    if isinstance(v, Link): return b"\xd8\x2a" + cbor(b"\x00" + v.cid)
    if isinstance(v, dict):
        keys = sorted(v, key=lambda k: (len(k.encode()), k.encode()))   # DAG-CBOR order
        return head(5, len(v)) + b"".join(cbor(k) + cbor(v[k]) for k in keys)
    raise TypeError(v)

def uvarint(n):
    out = b""
    while True:
        b = n & 0x7f; n >>= 7
        out += bytes([b | (0x80 if n else 0)])
        if not n: return out

def cid_of(data, codec=0x71):
    return b"\x01" + uvarint(codec) + b"\x12\x20" + hashlib.sha256(data).digest()

def bluesky(base):
    shutil.rmtree(base, ignore_errors=True); os.makedirs(base)
    did = "did:plc:fictionalrivera00000000"
    other = "did:plc:someonepolitical0000000"
    blocks = []
    def put(obj):
        data = cbor(obj); cid = cid_of(data); blocks.append((cid, data)); return cid
    recs = {
        "app.bsky.actor.profile/self": {"$type": "app.bsky.actor.profile", "displayName": "Tomás Rivera",
                                         "description": "Protection officer 🇺🇳 | views are my own"},
        "app.bsky.feed.post/3kabc2222222a": {"$type": "app.bsky.feed.post", "createdAt": "2023-08-25T08:25:39.961Z",
                                             "langs": ["es"], "text": "¡Vota por el cambio en las elecciones del domingo!"},
        "app.bsky.feed.post/3kabc2222222b": {"$type": "app.bsky.feed.post", "createdAt": "2023-09-01T10:00:00-07:00",
                                             "text": "The minister must resign over this corruption",
                                             "reply": {"root": {"uri": "at://" + other + "/app.bsky.feed.post/3kroot", "cid": "bafyfake"},
                                                       "parent": {"uri": "at://" + other + "/app.bsky.feed.post/3kparent", "cid": "bafyfake"}}},
        "app.bsky.feed.post/3kabc2222222c": {"$type": "app.bsky.feed.post", "createdAt": "2023-09-02T10:00:00Z",
                                             "text": "This, exactly: the opposition party must win",
                                             "embed": {"$type": "app.bsky.embed.record",
                                                       "record": {"uri": "at://" + other + "/app.bsky.feed.post/3kquoted", "cid": "bafyfake"}}},
        "app.bsky.feed.post/3kabc2222222d": {"$type": "app.bsky.feed.post", "createdAt": "2023-09-03T10:00:00Z",
                                             "text": "Refugee children at the distribution today",
                                             "embed": {"$type": "app.bsky.embed.images", "images": [{"alt": "", "image": {"$type": "blob"}}]}},
        "app.bsky.feed.post/3kabc2222222e": {"$type": "app.bsky.feed.post", "createdAt": "2023-09-04T10:00:00Z",
                                             "text": "Lovely morning by the sea"},
        "app.bsky.feed.like/3kabc2222222f": {"$type": "app.bsky.feed.like", "createdAt": "2023-09-05T10:00:00Z",
                                             "subject": {"uri": "at://" + other + "/app.bsky.feed.post/3kliked", "cid": "bafyfake"}},
        "app.bsky.feed.repost/3kabc2222222g": {"$type": "app.bsky.feed.repost", "createdAt": "2023-09-06T10:00:00Z",
                                               "subject": {"uri": "at://" + other + "/app.bsky.feed.post/3kreposted", "cid": "bafyfake"}},
        "app.bsky.graph.follow/3kabc2222222h": {"$type": "app.bsky.graph.follow", "createdAt": "2023-09-07T10:00:00Z",
                                                "subject": other},
    }
    entries, prev = [], b""
    for key in sorted(recs):
        k = key.encode(); p = 0
        while p < min(len(k), len(prev)) and k[p] == prev[p]: p += 1
        entries.append({"p": p, "k": k[p:], "v": Link(put(recs[key])), "t": None})
        prev = k
    mst = put({"l": None, "e": entries})
    # an old commit's orphaned record: never part of the live tree
    put({"$type": "app.bsky.feed.post", "createdAt": "2023-01-01T00:00:00Z", "text": "OLD DELETED: vote for the coup leaders in the election"})
    commit = put({"did": did, "version": 3, "data": Link(mst), "rev": "3kabc2222222z", "prev": None, "sig": b"\x00" * 64})
    header = cbor({"roots": [Link(commit)], "version": 1})
    out = uvarint(len(header)) + header
    for cid, data in [(c, d) for c, d in blocks if c == commit] + [(c, d) for c, d in blocks if c != commit]:
        out += uvarint(len(cid) + len(data)) + cid + data
    open(base + "/repo.car", "wb").write(out)

bluesky(ROOT + "/tests/archives/bluesky-2023")
print("ok bluesky")

# --- An X archive full of hostile content, for the HTML report's tests ---
def x_hostile(base):
    shutil.rmtree(base, ignore_errors=True); os.makedirs(base + "/data")
    ytd(base + "/data/account.js", "account", 0, [{"account": {
        "email": "mallory@un.org", "username": "mallory_\"><script>window.__pwned=4</script>",
        "accountId": "666", "createdAt": "2020-01-01T00:00:00.000Z",
        "accountDisplayName": "Mallory <img src=x onerror=\"window.__pwned=5\">"}}])
    ytd(base + "/data/tweets.js", "tweets", 0, [
        tweet(D(2019, 1, 1, 10, 0, 0), "Vote for the opposition in the election <script>window.__pwned=1</script>"),
        tweet(D(2020, 2, 2, 10, 0, 0), "The minister is corrupt <img src=x onerror=\"window.__pwned=2\"> and must resign"),
        tweet(D(2021, 3, 3, 10, 0, 0), "Election </style><style>body{display:none}</style> go vote <a href=\"javascript:window.__pwned=6\">x</a>"),
        tweet(D(2022, 4, 4, 10, 0, 0), "Confidential report, don't forward \"'><svg onload=window.__pwned=7>"),
        tweet(D(2023, 5, 5, 10, 0, 0), "Lovely day at the beach"),
    ])
    ytd(base + "/data/like.js", "like", 0, [
        {"like": {"tweetId": sid(D(2021, 6, 6, 6, 6, 6)), "fullText": "The government must resign, go vote",
                  "expandedUrl": "javascript:window.__pwned=3"}}])

x_hostile(ROOT + "/tests/archives/x-hostile")
print("ok hostile")
