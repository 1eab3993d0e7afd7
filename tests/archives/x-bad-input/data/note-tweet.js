window.YTD.note_tweet.part0 = [ {
  "noteTweet" : {
    "core" : {