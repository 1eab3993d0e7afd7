var user_details =  {
 "screen_name" : "lina_h",
 "location" : "Amman",
 "full_name" : "Lina Haddad",
 "bio" : "Coffee first.",
 "id" : "99887766",
 "created_at" : "2010-03-24 16:31:05 +0000"
}