window.YTD.tweets.part0 = [
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "726670501083272839"
          ],
          "editableUntil" : "2016-05-01T07:42:03.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "refugees",
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
        "58"
      ],
      "favorite_count" : "3",
      "id_str" : "726670501083272839",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "726670501083272839",
      "created_at" : "Sun May 01 07:12:03 +0000 2016",
      "favorited" : false,
      "full_text" : "Proud to start my new assignment in Amman today! #refugees",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "796240905631880839"
          ],
          "editableUntil" : "2016-11-09T07:10:00.000Z",
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
        "70"
      ],
      "favorite_count" : "3",
      "id_str" : "796240905631880839",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "796240905631880839",
      "created_at" : "Wed Nov 09 06:40:00 +0000 2016",
      "favorited" : false,
      "full_text" : "Can't believe the election results. The president-elect is a disgrace.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "837363304888456839"
          ],
          "editableUntil" : "2017-03-02T18:35:44.000Z",
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
        "58"
      ],
      "favorite_count" : "3",
      "id_str" : "837363304888456839",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "837363304888456839",
      "created_at" : "Thu Mar 02 18:05:44 +0000 2017",
      "favorited" : false,
      "full_text" : "Birthday party for my little one tonight 🎉 cake &amp; balloons",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1009360202758280839"
          ],
          "editableUntil" : "2018-06-20T09:30:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "WithRefugees",
            "indices" : [
              "0",
              "1"
            ]
          }
        ],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Refugees",
            "screen_name" : "Refugees",
            "indices" : [
              "0",
              "9"
            ],
            "id_str" : "10000",
            "id" : "10000"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "87"
      ],
      "favorite_count" : "3",
      "id_str" : "1009360202758280839",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1009360202758280839",
      "created_at" : "Wed Jun 20 09:00:00 +0000 2018",
      "favorited" : false,
      "full_text" : "RT @Refugees: On #WithRefugees day, governments must stand with people forced to flee …",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1042782933612680839"
          ],
          "editableUntil" : "2018-09-20T15:00:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "SenDanaReyes",
            "screen_name" : "SenDanaReyes",
            "indices" : [
              "0",
              "13"
            ],
            "id_str" : "10000",
            "id" : "10000"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "87"
      ],
      "favorite_count" : "3",
      "id_str" : "1042782933612680839",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1042782933612680839",
      "created_at" : "Thu Sep 20 14:30:00 +0000 2018",
      "favorited" : false,
      "full_text" : "RT @SenDanaReyes: Vote for me on Tuesday! Together we will fix this broken government …",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1096001642690696839"
          ],
          "editableUntil" : "2019-02-14T11:32:09.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "omar_k",
            "screen_name" : "omar_k",
            "indices" : [
              "0",
              "7"
            ],
            "id_str" : "10000",
            "id" : "10000"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "76"
      ],
      "favorite_count" : "3",
      "id_str" : "1096001642690696839",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1096001642690696839",
      "created_at" : "Thu Feb 14 11:02:09 +0000 2019",
      "favorited" : false,
      "full_text" : "@omar_k Totally agree, the minister must resign over this corruption scandal",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1095986002131080848",
      "in_reply_to_status_id" : "1095986002131080848",
      "in_reply_to_user_id" : "555000111",
      "in_reply_to_user_id_str" : "555000111",
      "in_reply_to_screen_name" : "omar_k"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1124950607263880839"
          ],
          "editableUntil" : "2019-05-05T08:45:00.000Z",
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
        "49"
      ],
      "favorite_count" : "3",
      "id_str" : "1124950607263880839",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1124950607263880839",
      "created_at" : "Sun May 05 08:15:00 +0000 2019",
      "favorited" : false,
      "full_text" : "Please vote for my photo in the office contest! 📸",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1156969085139080839"
          ],
          "editableUntil" : "2019-08-01T17:15:00.000Z",
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
        "79"
      ],
      "favorite_count" : "3",
      "id_str" : "1156969085139080839",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1156969085139080839",
      "created_at" : "Thu Aug 01 16:45:00 +0000 2019",
      "favorited" : false,
      "full_text" : "Thanks to the Government of Jordan for hosting the workshop on data protection.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1217537187903624839"
          ],
          "editableUntil" : "2020-01-15T20:31:01.000Z",
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
        "urls" : [
          {
            "url" : "https://t.co/abcdefgh00",
            "expanded_url" : "https://twitter.com/PolicyWatcher/status/1217000000000000000",
            "display_url" : "twitter.com/PolicyWatche…",
            "indices" : [
              "10",
              "33"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "87"
      ],
      "favorite_count" : "3",
      "id_str" : "1217537187903624839",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1217537187903624839",
      "created_at" : "Wed Jan 15 20:01:01 +0000 2020",
      "favorited" : false,
      "full_text" : "This is exactly why the opposition party must win the elections https://t.co/abcdefgh00",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1368856515180680839"
          ],
          "editableUntil" : "2021-03-08T10:00:00.000Z",
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
        "urls" : [
          {
            "url" : "https://t.co/abcdefgh00",
            "expanded_url" : "https://twitter.com/i/web/status/1368856515180680839",
            "display_url" : "twitter.com/i/web/status…",
            "indices" : [
              "10",
              "33"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "257"
      ],
      "favorite_count" : "3",
      "id_str" : "1368856515180680839",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1368856515180680839",
      "created_at" : "Mon Mar 08 09:30:00 +0000 2021",
      "favorited" : false,
      "full_text" : "Today on International Women's Day I want to thank the incredible women I work with in the field, who keep going when everything around them stops. You are the reason this work matters, and you deserve far more recognition than you … https://t.co/abcdefgh01",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1410656948844680839"
          ],
          "editableUntil" : "2021-07-01T18:20:00.000Z",
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
            "expanded_url" : "https://twitter.com/x/status/1410656948844680839/photo/1",
            "indices" : [
              "20",
              "43"
            ],
            "url" : "https://t.co/media00",
            "media_url" : "http://pbs.twimg.com/media/FAKE00.jpg",
            "id_str" : "1410656948844680840",
            "id" : "1410656948844680840",
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
        "43"
      ],
      "favorite_count" : "3",
      "id_str" : "1410656948844680839",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1410656948844680839",
      "created_at" : "Thu Jul 01 17:50:00 +0000 2021",
      "favorited" : false,
      "full_text" : "Sunset at the Dead Sea https://t.co/media00",
      "lang" : "en",
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://twitter.com/x/status/1410656948844680839/photo/1",
            "indices" : [
              "20",
              "43"
            ],
            "url" : "https://t.co/media00",
            "media_url" : "http://pbs.twimg.com/media/FAKE00.jpg",
            "id_str" : "1410656948844680840",
            "id" : "1410656948844680840",
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
      "coordinates" : {
        "type" : "Point",
        "coordinates" : [
          "35.4732",
          "31.559"
        ]
      },
      "geo" : {
        "type" : "Point",
        "coordinates" : [
          "31.559",
          "35.4732"
        ]
      },
      "place" : {
        "full_name" : "Dead Sea, Jordan",
        "name" : "Dead Sea",
        "country_code" : "JO"
      }
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1576180123039880839"
          ],
          "editableUntil" : "2022-10-01T12:30:00.000Z",
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
        "38"
      ],
      "favorite_count" : "3",
      "id_str" : "1576180123039880839",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1576180123039880839",
      "created_at" : "Sat Oct 01 12:00:00 +0000 2022",
      "favorited" : false,
      "full_text" : "Our club elected a new captain today ⚽",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1588829724473480839"
          ],
          "editableUntil" : "2022-11-05T10:15:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Refugees",
            "screen_name" : "Refugees",
            "indices" : [
              "0",
              "9"
            ],
            "id_str" : "10000",
            "id" : "10000"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "78"
      ],
      "favorite_count" : "3",
      "id_str" : "1588829724473480839",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1588829724473480839",
      "created_at" : "Sat Nov 05 09:45:00 +0000 2022",
      "favorited" : false,
      "full_text" : "@Refugees The government here should resign over how it treats people who flee",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1588818399852680842",
      "in_reply_to_status_id" : "1588818399852680842",
      "in_reply_to_user_id" : "555000111",
      "in_reply_to_user_id_str" : "555000111",
      "in_reply_to_screen_name" : "Refugees"
    }
  }
]