window.YTD.like.part0 = [
  {
    "like" : {
      "tweetId" : "812345678901234567"
    }
  },
  {
    "like" : {
      "tweetId" : "12345"
    }
  }
]