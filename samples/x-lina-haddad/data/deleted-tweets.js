window.YTD.deleted_tweets.part0 = [
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1630870491756680839"
          ],
          "editableUntil" : "2023-03-01T10:30:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "32"
      ],
      "favorite_count" : "3",
      "id_str" : "1630870491756680839",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1630870491756680839",
      "created_at" : "Wed Mar 01 10:00:00 +0000 2023",
      "favorited" : false,
      "full_text" : "Vote Democrats in the elections!",
      "lang" : "en",
      "deleted_at" : "Fri Mar 03 09:00:00 +0000 2023"
    }
  }
]