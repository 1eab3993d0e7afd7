window.YTD.follower.part0 = [
  {
    "follower" : {
      "accountId" : "73747798",
      "userLink" : "https://twitter.com/intent/user?user_id=73747798"
    }
  }
]