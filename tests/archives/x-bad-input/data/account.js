window.YTD.account.part0 = [
  {
    "account" : {
      "email" : "sam.k@example.org",
      "username" : "sam_k",
      "accountId" : "4242",
      "createdAt" : "2019-01-01T00:00:00.000Z",
      "accountDisplayName" : "Sam K"
    }
  }
]