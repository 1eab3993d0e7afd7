window.YTD.tweets.part1 = [
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1223788634437768839"
          ],
          "editableUntil" : "2020-02-02T02:32:02.000Z",
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
      "id_str" : "1223788634437768839",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1223788634437768839",
      "created_at" : "Sun Feb 02 02:02:02 +0000 2020",
      "favorited" : false,
      "full_text" : "The election was stolen and the government knows it",
      "lang" : "en"
    }
  },
  "oops, a string"
]