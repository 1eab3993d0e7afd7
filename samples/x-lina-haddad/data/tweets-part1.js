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
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1645655413356680839"
          ],
          "editableUntil" : "2023-04-11T05:40:00.000Z",
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
        "74"
      ],
      "favorite_count" : "3",
      "id_str" : "1645655413356680839",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1645655413356680839",
      "created_at" : "Tue Apr 11 05:10:00 +0000 2023",
      "favorited" : false,
      "full_text" : "Flying to Geneva tomorrow for the Standing Committee, EK 911 boarding at 9",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1671171042310280839"
          ],
          "editableUntil" : "2023-06-20T15:30:00.000Z",
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
        "urls" : [],
        "media" : [
          {
            "expanded_url" : "https://twitter.com/x/status/1671171042310280839/photo/1",
            "indices" : [
              "20",
              "43"
            ],
            "url" : "https://t.co/media00",
            "media_url" : "http://pbs.twimg.com/media/FAKE00.jpg",
            "id_str" : "1671171042310280840",
            "id" : "1671171042310280840",
            "media_url_https" : "https://pbs.twimg.com/media/FAKE00.jpg",
            "sizes" : {
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/FAKE"
          }
        ]
      },
      "display_text_range" : [
        "0",
        "115"
      ],
      "favorite_count" : "3",
      "id_str" : "1671171042310280839",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1671171042310280839",
      "created_at" : "Tue Jun 20 15:00:00 +0000 2023",
      "favorited" : false,
      "full_text" : "Met a 7-year-old refugee girl in the camp today, her name is Amal and she wants to be a doctor https://t.co/media01",
      "lang" : "en",
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://twitter.com/x/status/1671171042310280839/photo/1",
            "indices" : [
              "20",
              "43"
            ],
            "url" : "https://t.co/media00",
            "media_url" : "http://pbs.twimg.com/media/FAKE00.jpg",
            "id_str" : "1671171042310280840",
            "id" : "1671171042310280840",
            "media_url_https" : "https://pbs.twimg.com/media/FAKE00.jpg",
            "sizes" : {
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/FAKE"
          }
        ]
      }
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1699125239609480839"
          ],
          "editableUntil" : "2023-09-05T18:50:00.000Z",
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
        "113"
      ],
      "favorite_count" : "3",
      "id_str" : "1699125239609480839",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1699125239609480839",
      "created_at" : "Tue Sep 05 18:20:00 +0000 2023",
      "favorited" : false,
      "full_text" : "Confidential: the draft report for donors says the food ration will be cut by 30%. Not yet public, so don't share",
      "lang" : "en"
    }
  }
]