window.YTD.note_tweet.part0 = [
  {
    "noteTweet" : {
      "noteTweetId" : "1368856515180680916",
      "updatedAt" : "2021-03-08T09:30:00.000Z",
      "lifecycle" : {
        "value" : "1",
        "name" : "Active",
        "originalTypeName" : "",
        "originalValue" : "1"
      },
      "createdAt" : "2021-03-08T09:30:00.000Z",
      "core" : {
        "styletags" : [],
        "urls" : [],
        "text" : "Today on International Women's Day I want to thank the incredible women I work with in the field, who keep going when everything around them stops. You are the reason this work matters, and you deserve far more recognition than you get. And to everyone at home: go vote in the municipal elections next week!",
        "mentions" : [],
        "cashtags" : [],
        "hashtags" : []
      }
    }
  }
]