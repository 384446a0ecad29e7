## How things are said on WeCom (bot/i18n.py: `<key>--wecom`)
## A WeCom group hears only what @-mentions the bot, the bot cannot reply to a message, and later news
## of a case goes to the reporter in a private chat with the app.

start--wecom =
    👋 Hi { $name }! I'm <b>Rider Sentinel</b>.
    Seen a problem on the road (a dark street light, a missing manhole cover, flooding, someone who fell)? @ me in your work group with it, or send /report with a description here.
    You get a case number at once, and every step of progress is sent to you in a private chat.
    Two-minute micro lessons, activity check-ins and a points bank you can redeem: /lesson, /checkin, /me, /shop.
    /help lists all commands.
start-group--wecom =
    👋 I'm <b>Rider Sentinel</b>. @ me in this group with a problem you saw on the road: I register a case and tell you its progress in a private chat.
    Points, micro lessons, check-ins and the rest are yours alone: open a private chat with me (photos and pins go there too). /help lists all commands.
# In a WeCom group only text that @-mentions the bot arrives: photos and pins go in the private chat
help--wecom =
    <b>Rider Sentinel · how to use</b>
    📸 Report: @ me in the group with the problem, or send /report with a description here (photos and location pins go in this private chat)
    📍 If the place is missing I ask once: send me the place (@ me in the group), or a location pin in this private chat
    /mycases — cases you reported
    /board — the branch's reports-and-fixes board
    /lesson — the current micro lesson (catch up if you missed it)
    /checkin CODE — check in to an activity
    /hours CODE 2.5 — log volunteer hours; /hours shows your time bank
    /reportin your party organisation — report in as a party member
    /me — your points, tier and activity; /points your history
    /shop — redeem points; /redeem ITEM
    /top — your branch's points leaderboard this month; /top week for this week's
    🗣 Riders' council: /propose title | details — propose; /proposals — the list; /proposal N — one proposal; /vote N option — vote
    /privacy — hide or show your name on leaderboards
    /lang zh|en — switch language
    /link — one person on Telegram and WeCom (a one-time code)
    /help — show this help
# /help in a WeCom group by staff: the riders' WeCom help, and the line sending them to the private chat
help-group-staff--wecom =
    { help--wecom }
    🔑 Secretary and department commands are not listed in the group: send me /help in a private chat to see them.
# the reporter's word said by someone else: a WeCom group sees no case's progress (it goes privately), and
# a report again there @-mentions the bot
case-err-reporter-only--wecom = { $verb ->
    [confirm] Only the person who reported this case can confirm it is fixed.
   *[other] Only the person who reported this case can reopen it.
} { $who ->
    [staff] Once the case is marked resolved, I ask the reporter to confirm it; if they answer that it is not fixed, the case goes back to its department.
   *[rider] { $where ->
        [here] If you have run into this problem too, just @ me in this group with it again, and I will tell you its progress in a private chat.
       *[other] If you have run into this problem too, just @ me in your group with it again, and I will tell you its progress in a private chat.
    }
}
# a rider typing a staff's case command: a WeCom group reports by @-mentioning the bot, progress goes privately
case-err-staff-only--wecom = “{ $action }” is for branch secretaries and departments. To report a problem, just @ me in the group with it, and I will tell you its progress in a private chat.
case-next--wecom = { $urgency ->
    [urgent] ⚠️ Personal safety at risk, flagged URGENT: someone must respond within { $respond } and deal with it within { $fix }. Stay safe!
    [low] Noted: to be taken up within { $respond } and answered within { $fix }. Every step will be sent to you in a private chat.
   *[normal] It goes to the responsible department: to be accepted within { $respond } and fixed within { $fix }. Every step will be sent to you in a private chat.
}
ask-location--wecom = 📍 { $number } has no place yet: send me where it is (road, compound, gate, junction; @ me in the group), or a location pin in our private chat.
ask-place-inline--wecom = 📍 No place yet: send me where it is (road, compound, gate, junction; @ me in the group), or a location pin in our private chat.
case-place-fix--wecom = Wrong place? Send me the right one (@ me in the group).
# Asked in the private chat: no "@ me", and the pin goes right here
ask-place-inline-private--wecom = 📍 No place yet: send me where it is (road, compound, gate, junction), or a location pin.
case-place-fix-private--wecom = Wrong place? Send me the right one.
# In a WeCom private chat the next message after a prompt answers it (docs/wecom.md)
case-prompt-note--wecom = ✍️ { $case } · add a note: just send me the progress (your next message).
case-prompt-resolve--wecom = ✍️ { $case } · resolved: just send me what was done (your next message).
case-prompt-reject--wecom = ✍️ { $case } · reject: just send me the reason (your next message; the reporter will see it).
case-prompt-transfer_decline--wecom = ✍️ { $case } · decline the transfer: just send me the reason (your next message).
case-prompt-cannot_fix--wecom = ✍️ { $case } · cannot fix: just send me the reason (your next message).
case-prompt-mark_duplicate--wecom = ✍️ { $case } · duplicate: just send me the original case's number (e.g. C-000001).
voice-place-missing--wecom = 📍 The place is missing: tap the button below, or send me the place (@ me in the group), or a location pin in our private chat.
voice-place-prompt--wecom = 📍 Where is case { $number }? Send me the place, or a location pin in our private chat.
# WeCom has no replies to a message: a proposal's discussion thread cannot be joined there
dl-agenda-hint--wecom = 💬 /proposal { $id } shows a summary of the discussion.
# A button card holds at most 6 buttons: more go on several cards, each with the title and its number (handlers/wecom/transport.py)
wecom-card-part = { $title } ({ $n }/{ $total })
# A group gets one answer per message (a response_url serves once): a choice too long for one card goes to the asker privately, the group gets one line (handlers/wecom/transport.py)
wecom-choice-in-private = { $title }
    👉 Too many choices for one card here: I sent them to you privately; choose in our private chat.
# WeCom has no replies, and a group delivers no pins: a pin nothing waits for is told what a pin does here, and a greeting how to report here
pin-unused--wecom = 📍 Location received, but nothing is waiting for one. A location is for:
    · a report: say the problem in one line first, then send the location when I ask; to correct a case's place, tell me “wrong place, it is …”
    · checking in to an activity: send /checkin CODE, then your location{ $staff ->
        [yes] {""}
            · an activity's place: send /activity place CODE, then the location
       *[no] {""}
    }
smalltalk-hello--wecom = Hello! If you see a problem on the road, just @ me with a description and the place (a location pin goes in our private chat). /help shows everything I can do.
