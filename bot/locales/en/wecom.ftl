## How things are said on WeCom (bot/i18n.py: `<key>--wecom`)
## A WeCom group hears only what @-mentions the bot, the bot cannot reply to a message, and later news
## of a case goes to the reporter in a private chat with the app.

start--wecom =
    👋 Hi { $name }! I'm <b>Rider Sentinel</b>.
    Seen a problem on the road (a dark street light, a missing manhole cover, flooding, someone who fell)? @ me in your work group with it, or send /report with a description here.
    You get a case number at once, and every step of progress is sent to you in a private chat.
    Two-minute micro lessons, activity check-ins and a points bank you can redeem: /lesson, /checkin, /me, /shop.
    /help lists all commands.
case-next--wecom = { $urgency ->
    [urgent] ⚠️ Personal safety at risk, flagged URGENT: someone must respond within { $respond } and deal with it within { $fix }. Stay safe!
    [low] Noted: to be taken up within { $respond } and answered within { $fix }. Every step will be sent to you in a private chat.
   *[normal] It goes to the responsible department: to be accepted within { $respond } and fixed within { $fix }. Every step will be sent to you in a private chat.
}
ask-location--wecom = 📍 { $number } has no place yet: send me where it is (road, compound, gate, junction; @ me in the group), or a location pin in our private chat.
ask-place-inline--wecom = 📍 No place yet: send me where it is (road, compound, gate, junction; @ me in the group), or a location pin in our private chat.
case-place-fix--wecom = Wrong place? Send me the right one (@ me in the group).
