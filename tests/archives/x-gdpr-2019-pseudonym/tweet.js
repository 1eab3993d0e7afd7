window.YTD.tweet.part0 = [
  {
    "edit_info" : {
      "initial" : {
        "editTweetIds" : [
          "1058297664108680839"
        ],
        "editableUntil" : "2018-11-02T10:30:00.000Z",
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
    "id_str" : "1058297664108680839",
    "truncated" : false,
    "retweet_count" : "0",
    "id" : "1058297664108680839",
    "created_at" : "Fri Nov 02 10:00:00 +0000 2018",
    "favorited" : false,
    "full_text" : "UNHCR management has no idea what the field is like",
    "lang" : "en"
  },
  {
    "edit_info" : {
      "initial" : {
        "editTweetIds" : [
          "1081671681439880839"
        ],
        "editableUntil" : "2019-01-05T22:30:00.000Z",
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
      "64"
    ],
    "favorite_count" : "3",
    "id_str" : "1081671681439880839",
    "truncated" : false,
    "retweet_count" : "0",
    "id" : "1081671681439880839",
    "created_at" : "Sat Jan 05 22:00:00 +0000 2019",
    "favorited" : false,
    "full_text" : "The humanitarian sector is broken and aid workers deserve better",
    "lang" : "en"
  },
  {
    "edit_info" : {
      "initial" : {
        "editTweetIds" : [
          "1091259860383880839"
        ],
        "editableUntil" : "2019-02-01T09:30:00.000Z",
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
      "33"
    ],
    "favorite_count" : "3",
    "id_str" : "1091259860383880839",
    "truncated" : false,
    "retweet_count" : "0",
    "id" : "1091259860383880839",
    "created_at" : "Fri Feb 01 09:00:00 +0000 2019",
    "favorited" : false,
    "full_text" : "Lovely weather in the hills today",
    "lang" : "en"
  },
  {
    "edit_info" : {
      "initial" : {
        "editTweetIds" : [
          "1102041666943112839"
        ],
        "editableUntil" : "2019-03-03T03:33:03.000Z",
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
      "41"
    ],
    "favorite_count" : "3",
    "id_str" : "1102041666943112839",
    "truncated" : false,
    "retweet_count" : "0",
    "id" : "1102041666943112839",
    "created_at" : "Sun Mar 03 03:03:03 +0000 2019",
    "favorited" : false,
    "full_text" : "The WHO report was interesting, who knew?",
    "lang" : "en"
  }
]