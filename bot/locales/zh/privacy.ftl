## The negative list: what is shown instead of personal data

# A place that is the reporter's home, outside their own private chat.
location-hidden = 住址不公开显示（请补充事发地点）

# /me, /points, /mycases asked in a group: the answer went to the rider's private chat.
private-answer-sent = 🔒 已私信发给你，请查看与我的私聊。

# Under a case update in a private chat: which case it is (short description, place).
case-ev-context = { $has_place ->
        [yes] 📝「{ $about }」· 📍 { $place }
       *[no] 📝「{ $about }」
    }
