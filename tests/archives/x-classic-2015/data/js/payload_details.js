var payload_details =  {
  "tweets" : 4,
  "created_at" : "2015-07-01 10:00:00 +0000",
  "lang" : "en"
}