Grailbird.data.tweets_2014_03 = 
[
  {
    "source" : "<a href=\"http:\/\/twitter.com\" rel=\"nofollow\">Twitter Web Client<\/a>",
    "entities" : {
      "user_mentions" : [],
      "media" : [],
      "hashtags" : [],
      "urls" : []
    },
    "geo" : {
      "type" : "Point",
      "coordinates" : [
        31.95,
        35.93
      ]
    },
    "id_str" : "443672744556680839",
    "text" : "Watching the election debate tonight, the candidate was terrible",
    "id" : 443672744556680839,
    "created_at" : "2014-03-12 09:00:00 +0000",
    "user" : {
      "name" : "Lina Haddad",
      "screen_name" : "lina_h",
      "protected" : false,
      "id_str" : "99887766",
      "profile_image_url_https" : "https:\/\/pbs.twimg.com\/profile_images\/1\/FAKE_normal.png",
      "id" : 99887766,
      "verified" : false
    }
  },
  {
    "source" : "<a href=\"http:\/\/twitter.com\" rel=\"nofollow\">Twitter Web Client<\/a>",
    "entities" : {
      "user_mentions" : [],
      "media" : [],
      "hashtags" : [],
      "urls" : []
    },
    "geo" : {},
    "id_str" : "446617145964680839",
    "text" : "RT @pol_maria: Our party will win the referendum \u2026",
    "id" : 446617145964680839,
    "created_at" : "2014-03-20 12:00:00 +0000",
    "user" : {
      "name" : "Lina Haddad",
      "screen_name" : "lina_h",
      "protected" : false,
      "id_str" : "99887766",
      "profile_image_url_https" : "https:\/\/pbs.twimg.com\/profile_images\/1\/FAKE_normal.png",
      "id" : 99887766,
      "verified" : false
    },
    "retweeted_status" : {
      "id_str" : "445000000000000000",
      "text" : "Our party will win the referendum! Join the campaign rally",
      "created_at" : "2014-03-20 11:00:00 +0000",
      "user" : {
        "name" : "Maria Pol",
        "screen_name" : "pol_maria",
        "id_str" : "5"
      }
    }
  }
]