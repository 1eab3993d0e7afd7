window.YTD.tweets.part1 = [
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1616510872582280839"
          ],
          "editableUntil" : "2023-01-20T19:30:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "RegimeChange",
            "indices" : [
              "0",
              "1"
            ]
          }
        ],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "83"
      ],
      "favorite_count" : "3",
      "id_str" : "1616510872582280839",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1616510872582280839",
      "created_at" : "Fri Jan 20 19:00:00 +0000 2023",
      "favorited" : false,
      "full_text" : "Solidarity with the protesters in the capital. This regime has to go. #RegimeChange",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1621048270649480839"
          ],
          "editableUntil" : "2023-02-02T08:00:00.000Z",
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
        "39"
      ],
      "favorite_count" : "3",
      "id_str" : "1621048270649480839",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1621048270649480839",
      "created_at" : "Thu Feb 02 07:30:00 +0000 2023",
      "favorited" : false,
      "full_text" : "Morning run along the river, 10 km done",
      "lang" : "en"
    }
  }
]