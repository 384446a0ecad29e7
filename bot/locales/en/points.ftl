## Points bank: balance, tiers, redemptions, leaderboards

points-rule-report_accepted = report accepted
points-rule-report_resolved = your report was fixed
points-rule-urgent_confirmed = urgent hazard confirmed
points-rule-fix_confirmed = confirmed a fix
points-rule-lesson_completed = micro lesson completed
points-rule-quiz_correct = quiz answered correctly
points-rule-survey_answered = survey answered
points-rule-volunteer_hour = volunteer hours
points-rule-manual = secretary's award
points-rule-redeem = redeemed
points-rule-refund = redemption refunded
points-reversal = reversed

points-tier-basic = Rider
points-tier-advanced = Advanced rider
points-tier-spark = 🔥 Governance spark

points-me-title = <b>My points</b>
points-me-balance = 💰 Balance: <b>{ $balance }</b>
points-me-tier = 🏅 Tier: { $tier } ({ $earned ->
    [one] 1 point
   *[other] { $earned } points
} earned and { $reports ->
    [one] 1 report
   *[other] { $reports } reports
} accepted in the last 12 months)
points-me-next = To reach “{ $tier }”: { $points ->
    [0] {""}
    [one] 1 more point
   *[other] { $points } more points
}{ $points ->
    [0] {""}
   *[other] { $reports ->
        [0] {""}
       *[other] {" "}and{" "}
    }
}{ $reports ->
    [0] {""}
    [one] 1 more accepted report
   *[other] { $reports } more accepted reports
}
points-me-top = You are at the highest tier. Thank you for looking after the city!
points-me-recent = <b>Latest</b>
points-me-hidden = 🙈 Your name is hidden on leaderboards (/privacy to change)
points-me-empty = No points yet. Reports, micro lessons and surveys all earn points.
points-me-more = /points for the full history · /shop to redeem
points-line = { $date } { $what } { $points }
points-history-title = <b>Points history</b> (balance { $balance })
points-history-empty = No points yet.

points-shop-title = <b>Redeem points</b> (send /redeem CODE or name, or tap a button below)
points-shop-item = { $code } · { $name } · { $cost ->
    [one] 1 point
   *[other] { $cost } points
} · { $stock } left{ $limit }
points-shop-limit = { $days ->
    [0] {" "}(max { $count } each)
    [one] {" "}(max { $count } each per day)
   *[other] {" "}(max { $count } each per { $days } days)
}
points-shop-empty = The catalogue is empty for now.
points-redeem-usage = Usage: /redeem CODE or name, e.g. /redeem data_pack or /redeem data package. Send /shop for the catalogue.
points-redeem-private-only = 🔒 Redeem in a private chat with me: send /redeem CODE, or tap a button under /shop (your balance is told to you alone).
points-redeemed = 🎁 You asked to redeem <b>{ $item }</b> ({ $number }): { $cost ->
    [one] 1 point
   *[other] { $cost } points
} taken, { $balance } left. You will hear when the secretary has handled it.
points-item-unknown = There is nothing called “{ $item }” in the catalogue. Send /shop to see it.
points-item-several = “{ $item }” fits more than one item: { $items }. Please write its whole code or name, e.g. /redeem data_pack.
points-too-few = Not enough points: “{ $item }” costs { $cost }, you have { $balance }.
points-which-branch = You are known in several branches ({ $branches }), so I cannot tell which branch should hand this over. Please send /shop in a group of the branch you mean and tap the item there.
points-limit = “{ $item }” is limited to { $limit } per rider{ $days ->
    [0] {""}
    [one] {" "}per day
   *[other] {" "}per { $days } days
}, and you have reached it.
points-out-of-stock = “{ $item }” is out of stock. Choose another item or try again later.
points-redeem-request = 🎁 Redemption { $number }: { $who } would like “{ $item }” for { $cost ->
    [one] 1 point
   *[other] { $cost } points
}.
    Fulfil: /fulfil { $number } code or instructions; refuse: /refuse { $number } reason
points-fulfil-button = ✅ Fulfil
points-refuse-button = ❌ Refuse and refund
points-fulfilled = ✅ Your redemption { $number } (“{ $item }”) has been fulfilled. { $note }
points-fulfilled-default = Please collect it at the station.
points-refused = ↩️ Your redemption { $number } (“{ $item }”) was not approved; { $cost ->
    [one] 1 point is
   *[other] { $cost } points are
} back in your balance. { $note }
points-fulfilled-group = ✅ { $name }, your redemption { $number } (“{ $item }”) has been fulfilled. Its code and details are not posted in the group: ask your branch secretary for them.
points-refused-group = ↩️ { $name }, your redemption { $number } (“{ $item }”) was not approved; { $cost ->
    [one] 1 point is
   *[other] { $cost } points are
} back in your balance. Ask your branch secretary why.
points-decided = ✅ Redemption { $number } handled.
# to the secretary: the rider could not be written to privately, so the group heard the verdict without the note
points-note-undelivered = ⚠️ { $name } has not started a private chat with me or has blocked me, so your note on redemption { $number } (“{ $item }”), such as a voucher code, did not reach them. The group was told only that it was { $fulfilled ->
        [yes] fulfilled
       *[no] not approved
    }, without the note. Please hand it over to them in person.
points-redemption-unknown = There is no redemption “{ $number }” in your scope.
points-redemption-decided = Redemption { $number } has already been handled.
points-redemption-own = Redemption { $number } is your own; another secretary of the branch or a superadmin handles it.
points-pending-title = <b>Pending redemptions</b> ({ $count })
points-pending-item = { $number } · { $who } · { $item } · { $cost ->
    [one] 1 point
   *[other] { $cost } points
} · { $date }
points-pending-empty = No pending redemptions.
points-decide-usage = Usage: /fulfil R12 code or instructions · /refuse R12 reason

points-grant-usage = Usage: /points grant @username or user-id POINTS reason (or reply to the rider's message: /points grant POINTS reason)
points-grant-amount = Points must be a whole number from 1 to { $max }.
points-grant-self = You cannot grant points to yourself.
points-grant-other-branch = You can grant points only to riders of your own branch: they must have reported a problem or taken part in a proposal or an activity there, or reported in to it. You can also reply to their message in the group with /points grant POINTS REASON.
points-grant-done = This grant has already been recorded.
points-grant-ok = ✅ { $points ->
    [one] 1 point
   *[other] { $points } points
} granted to { $who } ({ $reason }), entry { $number }. To undo a mistake: /points revoke { $number } reason
points-granted = 🎉 You received { $points ->
    [one] 1 point
   *[other] { $points } points
} from your secretary: { $reason }. Balance { $balance }; send /me for more.
points-user-unknown = Unknown user { $who } (they must have written in a group or to the bot first).
points-not-permitted = Only a secretary can do that.

points-promoted = 🏅 Congratulations! You are now “{ $tier }”. You earned { $points ->
    [one] 1 point
   *[other] { $points } points
} in the last 12 months. Thank you for taking part!
points-privacy-on = 🙈 Done: your name will not be shown on leaderboards (you appear as “a rider”). Send /privacy again to undo.
points-privacy-off = 👀 Done: your name will be shown on leaderboards. Send /privacy again to hide it.
points-privacy-private-only = 🙈 Send /privacy to me in a private chat, so your choice stays between us.
points-anonymous = a rider
points-leaderboard-title = 🏆 <b>Best riders of { $month }</b>
points-leaderboard-line = { $rank }. { $name } — { $points ->
    [one] 1 point
   *[other] { $points } points
}
points-leaderboard-footer = Thank you to everyone who reported, learned and volunteered! Rather not be named? Send /privacy to the bot.

cmd-me = My points and tier
cmd-shop = Redeem points
