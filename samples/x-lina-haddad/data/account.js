window.YTD.account.part0 = [
  {
    "account" : {
      "email" : "lina.haddad@unhcr.org",
      "createdVia" : "web",
      "username" : "LinaAtUNHCR",
      "accountId" : "1190000000000000001",
      "createdAt" : "2016-04-30T08:00:00.000Z",
      "accountDisplayName" : "Lina Haddad 🇺🇳"
    }
  }
]