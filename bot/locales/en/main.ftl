## Rider Sentinel — English
## Arguments are already escaped for the chat's markup by the adapter.

start =
    👋 Hi { $name }! I'm <b>Rider Sentinel</b>.
    Seen a problem on the road (a dark street light, a missing manhole cover, flooding, someone who fell)? Just say it in your work group, or send /report with a description here.
    You get a case number at once, and every step of progress is announced in the group and here.
    Two-minute micro lessons, activity check-ins and a points bank you can redeem: /lesson, /checkin, /me, /shop.
    /help lists all commands.
# /start in a group: what the bot does there; the rest (the welcome, /me, /shop …) in the private chat
start-group =
    👋 I'm <b>Rider Sentinel</b>. Say a problem you saw on the road in this group (a photo or location pin helps): I register a case and post its progress here.
    Points, micro lessons, check-ins and the rest are yours alone: open a private chat with me. /help lists all commands.
# the bot added to a group that belongs to no branch (bot/services/people.joined)
joined-unbound =
    { start-group }
    This group belongs to no branch yet. Secretaries: send /bind &lt;branch code&gt; here to put it under your branch; for a branch that does not exist yet, a superadmin sends /bind &lt;code&gt; &lt;branch name&gt;.
help =
    <b>Rider Sentinel · how to use</b>
    📸 Report: describe the problem in the group (a photo or location pin helps), or send /report with a description here
    📍 If the place is missing I ask once: reply with the place or send a location pin
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
# /help in a group asked by a secretary, a department member or a superadmin: the riders' help the
# group reads, and one line sending them to the private chat for their own commands (not listed in the group)
help-group-staff =
    { help }
    🔑 Secretary and department commands are not listed in the group: send me /help in a private chat to see them.
help-dept =
    <b>Department commands</b>
    Cases: /cases [open|overdue|mine] · /case C-000123 · /accept /work /note /resolve /dup /transfer /take /decline /cannotfix · /routing
    Assigning, rejecting and recategorising a case are the branch secretary's.
help-staff =
    <b>Secretary and department commands</b>
    Cases: /cases [open|overdue|mine] · /case C-000123 · /accept /assign /work /note /resolve /reject /dup /transfer /take /decline /cannotfix · /recat · /routing
    Board and needs: /board · /needs
    Lessons: /lessons · /lessons plan mon,wed,fri · /lessons shifts … · /stats lessons
    Activities and report-ins: /activity new "name" date time length · /activity list · /stats checkins · /reportins · /hours pending
    Points: /points grant @user N reason · /redemptions
    Broadcasts and surveys: /broadcast · /broadcasts · /survey new
    Riders' council: /proposal N agenda | decline reason | vote | close | commit owner due=12-31 | note … | done · /proposals rule 5 7
    Branches and roles: /bind CODE · /unbind · /grant · /revoke · /audit (superadmins)
case-created =
    📝 Case <b>{ $number }</b> registered
    Category: { $category } · Urgency: { $urgency }
    Place: { $location }
    { $next }
case-next = { $urgency ->
    [urgent] ⚠️ Personal safety at risk, flagged URGENT: someone must respond within { $respond } and deal with it within { $fix }. Stay safe!
    [low] Noted: to be taken up within { $respond } and answered within { $fix }. Every step will be posted here.
   *[normal] It goes to the responsible department: to be accepted within { $respond } and fixed within { $fix }. Every step will be posted here.
}
location-unknown = to be added
ask-location = 📍 { $number } has no place yet: reply with where it is (road, compound, gate, junction) or send a location pin.
location-attached = 📍 Place added to <b>{ $number }</b>: { $location }
location-pin = pin ({ $lat }, { $lon })
lang-set = ✅ Your language is now English{ $where ->
    [group] {" "}(nobody else in the group is affected).
   *[private] .
}
lang-usage = Usage: /lang zh (or /lang 中文) or /lang en (or /lang English)
lang-unsupported = “{ $word }” is not available yet. The bot speaks Chinese (/lang zh) and English (/lang en).
mycases-header = <b>Your cases</b> (latest { $count })
mycases-item = { $number } · { $category } · { $place } · { $status } · { $date }
mycases-no-place = no place yet
mycases-empty = You have not reported any case yet. Just say what you saw in your group.
unknown-command = 🤔 Unknown command: { $command }
    Send /help to see what I can do.
stats-usage = Usage: /stats lessons (micro-lesson completion) or /stats checkins (activity check-ins and volunteer hours)
report-usage = Write what you saw after /report, e.g. /report street light out at Gate 3, Xingfu Compound
photo-added = 📸 Photo added to case <b>{ $number }</b>.
photo-needs-caption = 📸 Photo received. Add a line saying what and where, and I will register a case.
pin-unused = 📍 Location received, but nothing is waiting for one. A location is for:
    · a report: say the problem in one line first, then send the location when I ask; to give or correct a case's place, send it as a reply to my message about the case
    · checking in to an activity: send /checkin CODE, then your location (or reply to this location with /checkin CODE){ $staff ->
        [yes] {""}
            · a new activity's place: reply to this location with /activity new …
       *[no] {""}
    }
place-alone = 📍 The place is “{ $place }”. What is wrong there? Send me one line with the problem and the place, e.g. street light out at { $place }
bots-words = 🤖 That was written by a bot, so it is not a report. Seen a problem on the road? Say it in your own words (what and where).
error-generic = 😥 Something went wrong and this was not processed. Please try again shortly.

cat-lighting = Street lighting
cat-road = Road damage
cat-waterlogging = Waterlogging
cat-bike_lane = Bike lane blocked
cat-parking = Disorderly parking
cat-traffic = Traffic safety
cat-fire_safety = Fire hazard
cat-sanitation = Sanitation
cat-public_facility = Public facility damage
cat-person_in_need = Person in need
cat-rider_rights = Rider rights
cat-rider_service = Rider service needs
cat-suggestion = Suggestion
cat-other = Other

urg-urgent = 🔴 URGENT
urg-normal = normal
urg-low = low


cmd-start = get started
cmd-report = report a problem
cmd-mycases = cases you reported
cmd-board = reports and fixes board
cmd-lang = switch language zh / en
cmd-help = how to use
