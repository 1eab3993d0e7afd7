window.YTD.tweets.part2 = [
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1234675625752712839"
          ],
          "editableUntil" : "2020-03-03T03:33:03.000Z",
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
        "51"
      ],
      "favorite_count" : "3",
      "id_str" : "1234675625752712839",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1234675625752712839",
      "created_at" : "Tue Mar 03 03:03:03 +0000 2020",
      "favorited" : false,
      "full_text" : "Café talk: the regime and its ministers are corrupt",
      "lang" : "en"
    }
  }
]