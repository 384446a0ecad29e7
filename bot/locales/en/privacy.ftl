## The negative list: what is shown instead of personal data

# A place that is the reporter's home, outside their own private chat.
location-hidden = home address not shown (please add where it happened)

# /me, /points, /mycases asked in a group: the answer went to the rider's private chat.
private-answer-sent = 🔒 Sent to you in a private chat with me.

# Under a case update in a private chat: which case it is (short description, place).
case-ev-context = { $has_place ->
        [yes] 📝 “{ $about }” · 📍 { $place }
       *[no] 📝 “{ $about }”
    }
