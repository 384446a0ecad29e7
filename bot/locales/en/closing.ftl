## Closing the loop: points corrections, leaderboard, choice buttons, settled buttons, exports

points-revoke-usage = Usage: /points revoke ENTRY reason, e.g. /points revoke #17 granted by mistake. The entry number is in the grant's receipt.
points-revoke-ok = { $points ->
    [0] ↩️ Entry { $number } of { $who } revoked ({ $reason }), but { $short ->
        [one] its 1 point was
       *[other] its { $short } points were
    } already spent: nothing was taken back, and their balance is unchanged.
   *[other] ↩️ Entry { $number } of { $who } revoked: { $points ->
        [one] 1 point
       *[other] { $points } points
    } taken back ({ $reason }).{ $short ->
        [0] {""}
        [one] {" "}1 point was already spent and cannot be taken back.
       *[other] {" "}{ $short } points were already spent and cannot be taken back.
    }
}{ $has_hours ->
    [yes] {" "}They were the points of { $hours } h of volunteering at “{ $title }”: that approval is withdrawn too, and the hours no longer count in their time bank.
   *[no] {""}
}
points-revoked-rider = ↩️ Your secretary corrected your points: { $points ->
    [one] 1 point
   *[other] { $points } points
} taken back ({ $reason }). Balance { $balance }; send /points for your history.
points-entry-unknown = There is no points entry { $number } (or it is not your branch's).
points-entry-not-revocable = Entry { $number } cannot be revoked: only grants and awards can; for redemptions use /refuse.
points-entry-revoked = Entry { $number } has already been revoked.
points-who-unknown = I can't tell who “{ $who }” is: write their @username or user id.
points-who-several = More than one member of your branch goes by “{ $who }” ({ $count }): write their @username or user id, or reply to their message in the group with the command.
points-correct-none = No grant of { $points ->
    [one] 1 point
   *[other] { $points } points
} to { $as_id ->
        [yes] user { $id }
       *[no] { $who }
    } to correct. Use /points revoke ENTRY reason to revoke a specific entry.
points-grant-cap = A rider can receive at most { $cap ->
    [one] 1 point
   *[other] { $cap } points
} of manual grants a day; { $left } left today.

top-usage = Usage: /top for this month's leaderboard; also /top week, last week, last month, this year, last year.
top-no-branch = You don't belong to a branch yet, so there is no leaderboard for you. Report something in your work group or report in first.
top-which-branch = You are known in several branches ({ $branches }), so in private I cannot tell whose board to show. Please send /top in a group of that branch.
points-top-title = 🏆 <b>Leaderboard { $period }</b>{ $ended ->
    [yes] {" "}({ $since } to { $until })
   *[no] {" "}(since { $since })
}
top-period-week = this week
top-period-month = this month
top-period-year = this year
top-period-last-week = last week
top-period-last-month = last month
top-period-last-year = last year
points-top-line = { $rank }. { $name } — { $points ->
    [one] 1 point
   *[other] { $points } points
}
points-top-you = ← you
points-top-empty = { $ended ->
    [yes] Nobody earned points { $period }.
   *[no] Nobody has earned points { $period } yet: report a problem or finish a micro lesson to get on the board.
}
points-top-footer = Rather not be named? Send /privacy to the bot.
cmd-top = Points leaderboard

choice-cancel = ✖ Cancel
choice-cancelled = Cancelled ({ $who })
choice-stale = The list of departments has changed: open the case again and choose.
choice-sent-departments = Choose the department with the buttons below 👇
choice-sent-prompt = Reply to the prompt below with your note 👇
choice-settled-department = ✅ { $who }: { $action } → { $department }
choice-prompt-done = ✅ Done for { $number }: { $action }
case-choose-department = { $case } · { $action }: choose the department
case-prompt-note = ✍️ { $case } · add a note: reply to this message with the progress.
case-prompt-resolve = ✍️ { $case } · resolved: reply to this message with what was done (a photo may come with it).
case-prompt-reject = ✍️ { $case } · reject: reply to this message with the reason (the reporter will see it).
case-prompt-transfer_decline = ✍️ { $case } · decline the transfer: reply to this message with the reason.
case-prompt-cannot_fix = ✍️ { $case } · cannot fix: reply to this message with the reason.
case-prompt-mark_duplicate = ✍️ { $case } · duplicate: reply to this message with the original case's number (e.g. C-000001).
settled-case = ✅ Done by { $who }: { $action }
settled-stale = ℹ️ Handled by { $who }; now: { $status }
case-stale = Someone already handled this: { $who } ({ $at }); the case is now: { $status }.
case-err-ambiguous-department = “{ $department }” fits several departments: { $candidates_en }. Write the full name, or send /{ $command } { $number } without a department and choose from the buttons.
settled-by = ✅ { $who }: { $what }
settled-stale-by = ℹ️ Handled by { $who }
# a request card its requester changed since (hours claimed again, a report-in corrected): a newer card follows
settled-superseded = ✏️ { $who } changed this request: decide on the latest message.
decided-by = Handled by { $who }.
board-title-of = {" "}· { $name }
board-title-all = {" "}(all branches)
role-secretary = a branch secretary
role-superadmin = a superadmin
role-dept = a department member
admin-granted-role = ✅ { $who } is now { $role }{ $scope }.
admin-revoked-role = ✅ { $who } is no longer { $role }{ $scope }.
admin-already-role = ℹ️ { $who } is already { $role }{ $scope }; nothing was changed.
admin-scope-dept = {" "}for { $department } in { $branch }
admin-scope-dept-every = {" "}for { $department } in every branch
admin-scope-branch = {" "}of { $branch }
admin-person-id = User { $id }
smalltalk-thanks = You're welcome! Ride safe 🙏 Send me anything you see on the road.
smalltalk-hello = Hello! If you see a problem on the road, just send me a description (with the place or a pin). /help shows everything I can do.

export-usage = Usage: /export cases [since] [xlsx|csv], e.g. /export cases 2026-11-01, /export cases 7d, /export cases month csv. Default: the last 30 days, xlsx.
export-bad-word = I can't read “{ $word }”. Give the start as 2026-11-01, 11-01, 7d, week, month, last week or last month, and the format as xlsx or csv, e.g. /export cases last week csv.
export-in-private = Send /export cases to the bot in a private chat (tables are not posted in groups).
export-not-permitted = Only branch secretaries and admins can export cases.
export-too-big = The table is too big to send in chat: choose a shorter period, or use `sentinel export cases`.
export-caption = 📎 { $part ->
    [summary] Summary per department (since { $since }, { $rows ->
        [one] 1 department
       *[other] { $rows } departments
    })
   *[other] Cases since { $since } ({ $rows ->
        [one] 1 case
       *[other] { $rows } cases
    }){ $part ->
        [both] ; the second sheet is the summary per department
       *[other] {""}
    }
}. Personal data is masked per the negative list.
export-sheet-cases = Cases
export-sheet-summary = Summary by department
export-col-case = Case
export-col-reported_at = Reported at
export-col-category = Category
export-col-urgency = Urgency
export-col-status = Status
export-col-branch = Branch
export-col-department = Department
export-col-location = Place
export-col-lat = Latitude
export-col-lon = Longitude
export-col-text = Description
# The response clock and the resolution clock, issue 13 B3b.
export-col-due_at = Response due
export-col-fix_due_at = Resolution due
export-col-accepted_at = Accepted at
export-col-resolved_at = Resolved at
export-col-closed_at = Closed at
export-col-hours_to_accept = Hours to accept
export-col-hours_to_resolve = Hours to resolve
export-col-transfers = Transfers
export-col-reopens = Reopens
export-col-duplicate_of = Duplicate of
export-col-category_code = Category code
export-col-urgency_code = Urgency code
export-col-status_code = Status code
export-col-department_code = Department code
export-sum-department = Department
export-sum-received = Received
export-sum-accepted_on_time = Accepted on time
export-sum-overdue = Overdue
export-sum-median_hours_to_accept = Median hours to accept
export-sum-median_hours_to_fix = Median hours to fix
export-sum-department_code = Department code
cmd-export = Export cases as a table
# `/points <someone>` from a rider (issue 13 B8): only their own record is shown.
points-own-only = ℹ️ /points shows only your own points record.
points-ledger-usage = Usage: /points ledger @username or user-id (or reply to the rider's message: /points ledger), to see that rider's entries in your branch (with entry numbers).
points-ledger-title = <b>Points entries of { $who }</b> (your branch)
points-ledger-empty = { $as_id ->
        [yes] User { $id }
       *[no] { $who }
    } has no points entries in your branch yet.
points-ledger-footer = To revoke an entry: /points revoke ENTRY reason

# the presser's own private chat: the rider's own ✅/❌ says "you" (issue 13 wording)
settled-case-self = You chose: { $action }
case-confirm-you = ✅ Thanks, you confirmed the fix.
case-reopen-you = Got it: the case goes back to be fixed.
