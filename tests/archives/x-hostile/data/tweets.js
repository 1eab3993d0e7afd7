window.YTD.tweets.part0 = [
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1080040936044680839"
          ],
          "editableUntil" : "2019-01-01T10:30:00.000Z",
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
        "73"
      ],
      "favorite_count" : "3",
      "id_str" : "1080040936044680839",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1080040936044680839",
      "created_at" : "Tue Jan 01 10:00:00 +0000 2019",
      "favorited" : false,
      "full_text" : "Vote for the opposition in the election &lt;script&gt;window.__pwned=1&lt;/script&gt;",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1223908918687880839"
          ],
          "editableUntil" : "2020-02-02T10:30:00.000Z",
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
        "78"
      ],
      "favorite_count" : "3",
      "id_str" : "1223908918687880839",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1223908918687880839",
      "created_at" : "Sun Feb 02 10:00:00 +0000 2020",
      "favorited" : false,
      "full_text" : "The minister is corrupt &lt;img src=x onerror=\"window.__pwned=2\"&gt; and must resign",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1367052125599880839"
          ],
          "editableUntil" : "2021-03-03T10:30:00.000Z",
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
        "102"
      ],
      "favorite_count" : "3",
      "id_str" : "1367052125599880839",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1367052125599880839",
      "created_at" : "Wed Mar 03 10:00:00 +0000 2021",
      "favorited" : false,
      "full_text" : "Election &lt;/style&gt;&lt;style&gt;body{display:none}&lt;/style&gt; go vote &lt;a href=\"javascript:window.__pwned=6\"&gt;x&lt;/a&gt;",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1510920108243080839"
          ],
          "editableUntil" : "2022-04-04T10:30:00.000Z",
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
        "67"
      ],
      "favorite_count" : "3",
      "id_str" : "1510920108243080839",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1510920108243080839",
      "created_at" : "Mon Apr 04 10:00:00 +0000 2022",
      "favorited" : false,
      "full_text" : "Confidential report, don't forward \"'&gt;&lt;svg onload=window.__pwned=7&gt;",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1654425703020680839"
          ],
          "editableUntil" : "2023-05-05T10:30:00.000Z",
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
        "23"
      ],
      "favorite_count" : "3",
      "id_str" : "1654425703020680839",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1654425703020680839",
      "created_at" : "Fri May 05 10:00:00 +0000 2023",
      "favorited" : false,
      "full_text" : "Lovely day at the beach",
      "lang" : "en"
    }
  }
]