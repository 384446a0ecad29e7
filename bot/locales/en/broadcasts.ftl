## Broadcasts, surveys, the needs overview (secretaries, in a private chat with the bot)

bc-usage =
    <b>📢 Broadcast /broadcast</b> (secretaries; send it to me privately)
    In one go: /broadcast all now Keyuan Rd closed for works from 8 pm tonight, please detour
    Later: /broadcast all tomorrow 08:30 your text
    Weekly: /broadcast groups=all when=every mon 08:30, then send me the body (text, a photo, or forward a message)
    Who: all (every group of your branch, default) · riders (riders who started the bot) · groups=group id or name part,…
    When: now (default) · tomorrow 08:30 · 2026-12-01 09:00 · every day 20:00 · every mon 08:30 · 每周一 08:30
    You get a preview first; nothing goes out until you tap ✅. /broadcast cancel drops the draft · /broadcasts lists and cancels scheduled ones
bc-err-when-mistyped = ⚠️ “{ $said }” at the start looks like a time to send it, but I could not read it, so nothing was drafted or sent. Please fix the time and send again; if it is the text itself and should go out now, put now before it.
    { bc-usage }
bc-ask-body = ✍️ OK, now send me what to broadcast: text, a photo with a caption, or forward a message. (Valid for 30 minutes; /broadcast cancel to drop it.)
bc-err-not-staff = ⛔ Only branch secretaries can use this.
bc-err-private-only = 🔒 Please use this command in a private chat with me.
bc-err-no-groups = Your branch has no groups yet (send /bind BRANCH-CODE in a group).
bc-err-group-unknown = No group matches “{ $group }”. Your groups: { $groups }
bc-group-item = { $title } ({ $id })
bc-err-too-long = Too long ({ $length ->
    [one] 1 character
   *[other] { $length } characters
}, limit { $limit }). Please shorten it.
bc-err-empty = The broadcast has no content.
bc-err-content = I can't broadcast this kind of message: send text, a photo with a caption, or forward a text or photo message.
bc-dropped = 🗑 Draft dropped.
bc-no-draft = There is no draft.
bc-preview-title = 📢 <b>Broadcast preview #{ $id }</b>
bc-preview-to = To: { $audience } ({ $count ->
    [one] { $count } chat
   *[other] { $count } chats
 })
bc-preview-when = When: { $when }
bc-preview-blocked = ⚠️ { $blocked ->
    [one] { $blocked } more chat
   *[other] { $blocked } more chats
 } blocked or removed the bot and will be skipped.
bc-preview-nobody = ⚠️ No chat can be reached right now.
bc-preview-photo-only = (photo only)
bc-preview-masked = 🔒 { $count ->
        [one] One piece of personal data (an ID or bank card number, a plate or a home address) was
       *[other] { $count } pieces of personal data (ID or bank card numbers, plates, home addresses) were
    } taken out, as the negative list requires; the chats get exactly what is below.
bc-preview-contacts = ⚠️ The text contains a phone number, an e-mail address or a WeChat/QQ handle and goes out as written; if it is not a public contact, cancel and rewrite it.
bc-audience-groups = every group of your branch
bc-audience-chosen = { $count ->
    [one] { $count } chosen group
   *[other] { $count } chosen groups
 }
bc-audience-chosen-names = { $count ->
    [one] { $count } chosen group
   *[other] { $count } chosen groups
 } ({ $names })
bc-audience-riders = riders who started the bot
bc-btn-confirm = ✅ Send
bc-btn-drop = ❌ Cancel
bc-ok = ✅ Confirmed
bc-gone = This draft no longer exists or was already handled.
bc-not-yours = This is not your draft.
bc-already = This broadcast was already confirmed.
# a draft's preview once the draft has ended: its buttons go, one line says how
bc-settled = { $how ->
        [sent] 🚀 Confirmed: it is going out.
        [scheduled] ⏰ Confirmed: it goes out on time (/broadcasts to see or cancel it).
        [replaced] ✏️ Replaced by a newer draft: see the latest preview.
       *[dropped] 🗑 Draft dropped: it will not go out.
    }
bc-no-body = No text yet: send me the content first.
bc-started = 🚀 Broadcast #{ $id } is going out to { $count ->
    [one] { $count } chat
   *[other] { $count } chats
 }{ $blocked ->
    [0] .
   *[other] ; { $blocked } that blocked the bot are skipped.
 } You get a delivery report when it is done.
bc-scheduled = ⏰ Broadcast #{ $id } scheduled: { $when } (next: { $next }). /broadcasts lists or cancels it.
bc-scheduled-once = ⏰ Broadcast #{ $id } scheduled for { $when }. /broadcasts lists or cancels it.
bc-next = next: { $next }
bc-report = 📬 <b>Broadcast #{ $id } delivery report</b>
    ✅ delivered { $sent } · ❌ failed { $failed } · 🚫 blocked { $blocked } · took { $seconds } s
bc-report-recurring = (recurring: the next one goes out as scheduled)
bc-list-title = <b>⏰ Scheduled broadcasts</b> ({ $count })
bc-list-item = #{ $id } · { $when } · { $audience } · { $next }
    “{ $text }”
bc-list-missed = ⚠️ not scheduled (time passed)
bc-list-hint = Tap a button below to cancel, or send /broadcasts cancel ID
bc-list-empty = No scheduled broadcasts.
bc-list-usage = Usage: /broadcasts or /broadcasts cancel ID
bc-cancelled = 🗑 Broadcast #{ $id } cancelled; nothing more will be sent.
bc-cancel-already = Broadcast #{ $id } was already cancelled; nothing more will be sent.
bc-cancel-gone = Broadcast #{ $id } does not exist, or was already sent or cancelled.

## Time expressions
when-err-empty = Please say when to send it.
when-err-unknown = I could not read that time.
when-err-need-time = Please add the time of day, e.g. 08:30.
when-err-need-day = Please add the day of the week, e.g. every mon 08:30.
when-err-past = That time has already passed.
when-err-past-today = “{ $said }” has already passed today (it is { $now } now). If you mean that time tomorrow, write “tomorrow { $time }”.
bc-err-past-today = “{ $said }” has already passed today (it is { $now } now), so nothing was drafted. To send it at once, write “now”; to send it at that time tomorrow, write “tomorrow { $time }”.
when-err-bad-time = Invalid time: hours 0–23, minutes 0–59.
when-err-bad-date = Invalid date.
when-err-mistyped = “{ $said }” looks like a time, but I could not read it.
when-examples = For example: now · tomorrow 08:30 · 2026-12-01 09:00 · every day 20:00 · every mon 08:30 · weekdays 7:30 · in 30 minutes
when-now = now
when-at = { $at }
when-cron = { $days } { $time }
when-every-day = every day
when-weekdays = weekdays
when-every-week = every { $days }
when-sep = , 
when-dow-0 = Mon
when-dow-1 = Tue
when-dow-2 = Wed
when-dow-3 = Thu
when-dow-4 = Fri
when-dow-5 = Sat
when-dow-6 = Sun

## Surveys
sv-usage =
    <b>📊 Survey /survey</b> (secretaries; send it to me privately)
    /survey new What do you need most? | Charging points | A place to rest | Drinking water
    or the question and each option on a line of its own; 2–10 options.
    Options: close=tomorrow 18:00 (default: 24 hours) · anon (anonymous) · riders (privately to riders) · groups=group id or name,…
    /survey results ID · /survey close ID (close now) · /survey list
sv-err-options = A survey needs { $min }–{ $max } options (this one has { $count }). Set them apart with |, or one per line, e.g. /survey new Which day suits you? | Saturday | Sunday
sv-err-too-long = At most { $question ->
    [one] 1 character
   *[other] { $question } characters
} for the question and { $option } for each option.
sv-err-duplicate = Two options are the same.
sv-err-close = The closing time must be a moment within 30 days, e.g. close=tomorrow 18:00.
sv-err-no-targets = There is no chat to send it to.
sv-err-unknown = There is no survey #{ $id } in your scope.
sv-err-closed = Survey #{ $id } is already closed.
sv-created = 📊 Survey #{ $id } went to { $count ->
    [one] { $count } chat
   *[other] { $count } chats
 }{ $blocked ->
    [0] {""}
   *[other] ({ $blocked } that blocked the bot skipped)
 }; it closes { $close }. /survey results { $id } shows the results any time.
sv-closing = Survey #{ $id } is closed; the summary goes to the groups now.
sv-question-title = 📊 <b>Survey #{ $id }</b>
sv-question-close = ⏰ closes { $close } · { $mode }
sv-question-hint = 👇 Tap an option; you may change it until it closes (the last tap counts).
sv-anon = anonymous
sv-named = named
sv-ans-recorded = ✅ Recorded: { $option }
sv-ans-points = ✅ Recorded: { $option } (+{ $points ->
    [one] 1 point
   *[other] { $points } points
})
sv-ans-changed = 🔄 Changed to: { $option }
sv-ans-same = You already chose: { $option }
sv-ans-no-option = Survey #{ $id } has no such option; choose 1–{ $count }: { $options }.
sv-ans-closed = This survey is closed.
sv-ans-gone = This survey does not exist or is not for this chat.
sv-status-open = open
sv-status-closed = closed
sv-results-title = 📊 <b>Survey #{ $id } results</b> ({ $status })
sv-summary-title = 📊 <b>Survey #{ $id } is closed</b>, thank you all!
sv-option-line = { $n }. { $text } — { $count } { $count ->
    [one] vote
   *[other] votes
 } ({ $pct }%) { $bar }
sv-more = {" "}and { $more } more
sv-total = { $total } took part · { $status ->
    [closed] closed { $close }
   *[open] closes { $close }
}
sv-anon-note = (anonymous: who chose what is not shown)
sv-list-title = <b>📊 Recent surveys</b>
sv-list-item = #{ $id } · { $question } · { $total ->
    [one] { $total } answer
   *[other] { $total } answers
 } · { $status } · { $close }
sv-list-empty = No surveys yet.

## Needs overview
needs-usage = Usage: /needs [days 1–365, or a period such as this week or last month] [branch code], e.g. /needs 7, /needs 7 days or /needs this week
needs-err-branch = There is no branch “{ $branch }” in your scope.
needs-title = 📈 <b>Needs overview</b> · { $branch } · last { $days ->
    [one] 1 day
   *[other] { $days } days
}
needs-title-all = 📈 <b>Needs overview</b> · all branches · last { $days ->
    [one] 1 day
   *[other] { $days } days
}
needs-title-period = 📈 <b>Needs overview</b> · { $branch } · { $period }
needs-title-period-all = 📈 <b>Needs overview</b> · all branches · { $period }
needs-total = { $total ->
    [one] 1 report
   *[other] { $total } reports
}
needs-categories = <b>Top problems</b>
needs-places = <b>Top places</b>
needs-urgent-title = 🔴 <b>Open urgent cases</b> ({ $count })
needs-urgent-none = None. 👍
needs-urgent-item = · { $number } · { $category } · { $location } · { $hours ->
    [0] less than an hour ago
    [one] 1 hour ago
   *[other] { $hours } hours ago
} · { $status }
# a survey's question once it has closed: its buttons go
sv-closed-line = 🔒 This survey is closed and takes no more answers; the results follow.
