Grailbird.data.tweets_2015_06 = 
[
  {
    "source" : "<a href=\"http:\/\/twitter.com\" rel=\"nofollow\">Twitter Web Client<\/a>",
    "entities" : {
      "user_mentions" : [],
      "media" : [],
      "hashtags" : [],
      "urls" : []
    },
    "geo" : {},
    "id_str" : "605645020985480839",
    "text" : "@friend_sam see you at the market",
    "id" : 605645020985480839,
    "created_at" : "2015-06-02 08:00:00 +0000",
    "user" : {
      "name" : "Lina Haddad",
      "screen_name" : "lina_h",
      "protected" : false,
      "id_str" : "99887766",
      "profile_image_url_https" : "https:\/\/pbs.twimg.com\/profile_images\/1\/FAKE_normal.png",
      "id" : 99887766,
      "verified" : false
    },
    "in_reply_to_status_id_str" : "606000000000000000",
    "in_reply_to_screen_name" : "friend_sam",
    "in_reply_to_user_id_str" : "6"
  }
]