window.YTD.account.part0 = [
  {
    "account" : {
      "phoneNumber" : "+15550000000",
      "email" : "owl@example.net",
      "createdVia" : "web",
      "username" : "desert_owl_7",
      "accountId" : "987654321",
      "createdAt" : "2017-02-01T09:00:00.000Z",
      "accountDisplayName" : "Desert Owl"
    }
  }
]