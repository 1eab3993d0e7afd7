window.YTD.like.part0 = [
  {
    "like" : {
      "tweetId" : "1401420109969544839",
      "fullText" : "The government must resign, go vote",
      "expandedUrl" : "javascript:window.__pwned=3"
    }
  }
]