window.YTD.account.part0 = [
  {
    "account" : {
      "email" : "mallory@un.org",
      "username" : "mallory_\"><script>window.__pwned=4</script>",
      "accountId" : "666",
      "createdAt" : "2020-01-01T00:00:00.000Z",
      "accountDisplayName" : "Mallory <img src=x onerror=\"window.__pwned=5\">"
    }
  }
]