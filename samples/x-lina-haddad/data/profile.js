window.YTD.profile.part0 = [
  {
    "profile" : {
      "description" : {
        "bio" : "Protection officer. Coffee, books and the desert. Views are my own.",
        "website" : "https://t.co/galFAKEqf",
        "location" : "Amman, Jordan"
      },
      "avatarMediaUrl" : "https://pbs.twimg.com/profile_images/1/FAKE.jpg",
      "headerMediaUrl" : "https://pbs.twimg.com/profile_banners/1/1"
    }
  }
]