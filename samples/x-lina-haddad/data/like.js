window.YTD.like.part0 = [
  {
    "like" : {
      "tweetId" : "1267425661548680844",
      "fullText" : "The Prime Minister's corrupt government must resign now",
      "expandedUrl" : "https://twitter.com/i/web/status/1267425661548680844"
    }
  },
  {
    "like" : {
      "tweetId" : "1274250633017480845",
      "fullText" : "Governments must uphold the right to seek asylum. Elections are no excuse. #WithRefugees",
      "expandedUrl" : "https://twitter.com/Refugees/status/1274250633017480845"
    }
  },
  {
    "like" : {
      "tweetId" : "512345678901234567"
    }
  },
  {
    "like" : {
      "tweetId" : "1510830534686856846",
      "fullText" : "Look at this dog in a raincoat 🐕",
      "expandedUrl" : "https://twitter.com/i/web/status/1510830534686856846"
    }
  }
]