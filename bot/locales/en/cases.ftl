## Case lifecycle: errors, announcements, statuses, actions

case-err-illegal = This case is “{ $status }”; “{ $action }” is not possible now.
case-err-illegal-next = This case is “{ $status }”; “{ $action }” is not possible now. Next step: “{ $step }”, { $next }
case-err-not-yours = Case { $number } is not yours to handle, so you cannot do “{ $action }” on it. If your department should handle it, ask the branch secretary to assign it or the responsible department to transfer it.
case-err-not-permitted = You may not do “{ $action }” on this case.
case-err-staff-only = “{ $action }” is for branch secretaries and departments. To report a problem, just describe it in the group: every step is answered there.
case-err-reporter-only = { $verb ->
    [confirm] Only the person who reported this case can confirm it is fixed.
   *[other] Only the person who reported this case can reopen it.
} { $who ->
    [staff] Once the case is marked resolved, I ask the reporter to confirm it; if they answer that it is not fixed, the case goes back to its department.
   *[rider] { $where ->
        [here] If you have run into this problem too, just report it again in the group; every step of this case is posted here for all to see.
        [group] If you have run into this problem too, just report it again; every step of this case is posted in the group where it was reported.
       *[private] If you have run into this problem too, just report it again: I will tell you every step of your report.
    }
}
case-err-reason-required = Please give a reason; it will be shown to the reporter.
case-err-note-required = Please add a note on what was done.
case-err-department-required = Please choose the responsible department.
case-err-master-required = Please give the number of the original case, e.g. C-000123.
case-err-master-invalid = “{ $master }” is not a case number; use e.g. C-000123.
case-err-master-self = { $number } is this case itself: a case cannot duplicate itself. Give the number of the earlier case, e.g. /dup { $number } C-000123.
case-err-transfer-limit = This case has been transferred { $transfers ->
    [one] 1 time
   *[other] { $transfers } times
} (limit { $limit }); it cannot be transferred again. The secretary must assign or settle it.
case-err-transfer-same-department = A case cannot be transferred to its own department.
case-err-no-owner = This case has no responsible department yet; the secretary must assign it first.
case-ev-accepted = Case { $case } has been accepted by { $department }.
case-ev-assigned = Case { $case } has been assigned to { $department }.
case-ev-started = { $department } has started work on case { $case }.
case-ev-noted = Case { $case } update: { $note }
case-ev-resolved = Case { $case } has been resolved: { $note } Please confirm, or reopen it if the problem is still there.
case-ev-confirmed = The reporter confirmed the fix; case { $case } is closed. Thank you for reporting!
case-ev-reopened = The reporter says the problem is still there; case { $case } is back with { $department }.
case-ev-auto-closed = Case { $case } was closed automatically: no reply within 72 hours of the fix.
case-ev-transfer-requested = { $from } has asked to transfer case { $case } to { $to }; { $from } stays responsible until then.
case-ev-transfer-accepted = Case { $case } is now handled by { $to }.
case-ev-transfer-declined = { $to } declined case { $case } ({ $note }); { $from } remains responsible.
case-ev-marked-duplicate = Case { $case } reports the same problem as { $master } and will be handled with it.
case-ev-rejected = Case { $case } was not accepted. Reason: { $note }
case-ev-closed-not-fixed = Case { $case } cannot be fixed for now and has been closed. Reason: { $note }
case-status-new = New
case-status-accepted = Accepted
case-status-in_progress = In progress
case-status-transferred = Being transferred
case-status-resolved = Resolved, awaiting confirmation
case-status-closed = Closed
case-status-rejected = Rejected
case-status-duplicate = Duplicate
case-status-closed_not_fixed = Closed, cannot be fixed
case-action-accept = Accept
case-action-assign = Assign department
case-action-start = Start work
case-action-note = Add update
case-action-resolve = Mark resolved
case-action-confirm = Confirm fixed
case-action-reopen = Not fixed, reopen
case-action-auto_close = Auto-close
case-action-transfer_request = Request transfer
case-action-transfer_accept = Accept transfer
case-action-transfer_decline = Decline transfer
case-action-mark_duplicate = Mark as duplicate
case-action-reject = Reject
case-action-cannot_fix = Cannot fix

## Commands, cards, lists, alerts
case-err-not-found = No case “{ $number }” that you can see. Case numbers look like C-000123.
case-err-unknown-department = There is no department called “{ $department }”. Send the command without a department (e.g. /{ $command } { $number }) to choose from buttons.
case-usage = Usage: { $command ->
    [case] /case C-000123 (show the case)
    [accept] /accept C-000123 [department], e.g. /accept C-000123 Road maintenance
    [assign] /assign C-000123 department, e.g. /assign C-000123 Road maintenance
    [work] /work C-000123 (start work on it)
    [note] /note C-000123 progress, e.g. /note C-000123 someone is on the way
    [resolve] /resolve C-000123 note, e.g. /resolve C-000123 fixed the lamp
    [reject] /reject C-000123 reason, e.g. /reject C-000123 not a city matter
    [dup] /dup C-000124 C-000123 (the first repeats the second)
    [transfer] /transfer C-000123 department, e.g. /transfer C-000123 Urban management
    [take] /take C-000123 (take over a transfer)
    [decline] /decline C-000123 reason, e.g. /decline C-000123 not our department
    [cannotfix] /cannotfix C-000123 reason, e.g. /cannotfix C-000123 needs a city project
    [confirm] /confirm C-000123
    [reopen] /reopen C-000123
   *[other] /{ $command } C-000123 …
}
cases-usage = Usage: /cases [filter], where the filter is one of:
    · open / unfinished / in progress / pending (the default)
    · closed / done / finished
    · overdue / late
    · mine (what you reported; for a department member, your department's cases)
    · all (newest first)
cases-filter-unknown = I don't know the filter “{ $word }”.
    { cases-usage }
case-needs-input = This step needs a few words. Send: /{ $command } { $case } your note
case-done = ✅ Done
case-followed = 🔁 Someone already reported this as { $number } ({ $status }); you now follow it and will hear every update too.
card-title = 📋 <b>{ $number }</b> · { $status }
card-facts = { $category } · { $urgency } · { $location }
card-owner = Department: { $department } · answer due: { $due }
card-overdue = ⏰ overdue
cases-header = { $which ->
    [dept] <b>Your department's cases</b>, open ones first
    [overdue] <b>Overdue cases</b>
    [mine] <b>Your cases</b>
    [all] <b>All cases</b>
    [closed] <b>Closed cases</b>
   *[open] <b>Open cases</b>
 } ({ $count })
cases-empty = { $which ->
    [dept] Your department has no cases yet.
    [overdue] No overdue cases. 👍
    [mine] You have not reported any case yet.
    [all] No cases yet.
    [closed] No closed cases.
   *[open] No open cases.
 }
cases-item = { $number } · { $category } · { $status } · due { $due }
case-remind-half = ⏳ Reminder: case { $number } ({ $category }, { $location }) is half-way to its deadline, { $due }.
case-remind-due = ⏰ Case { $number } ({ $category }, { $location }) reached its deadline { $due }. Please act now.
case-escalated = 🚨 Escalated: case { $number } is overdue. Department: { $department }, due { $due }.
    “{ $text }”
case-urgent = 🔴 URGENT case { $number }: { $category } · { $location }
    “{ $text }”
    Someone must respond within { $respond } (by { $due }); department: { $department }.

ev-reported = reported
ev-location = place added
ev-location_corrected = place corrected
ev-accepted = accepted
ev-assigned = assigned
ev-started = work started
ev-noted = update
ev-resolved = resolved
ev-confirmed = reporter confirmed
ev-reopened = reporter says not fixed
ev-auto_closed = closed automatically
ev-transfer_requested = transfer requested
ev-transfer_accepted = transfer accepted
ev-transfer_declined = transfer declined
ev-marked_duplicate = marked duplicate
ev-rejected = rejected
ev-closed_not_fixed = cannot be fixed
ev-reminded = half-time reminder
ev-escalated = escalated, overdue
ev-recategorized = category corrected

## Unsure reports
unsure-ask = 🤔 Is this something to report?
unsure-yes = Yes, report it
unsure-no = No
unsure-gone = This question has expired.
unsure-not-yours = Only the person who wrote the message can answer.
unsure-done = Already answered.
unsure-dropped = OK, not reported.
unsure-reported = ✅ Reported; the case number is on its way to the group.

## Admin
admin-grant-usage = Usage: /grant &lt;user id or @username&gt; secretary &lt;branch&gt; | superadmin | dept &lt;department name or code&gt;, e.g. /grant @wang dept water_authority (or reply to the person's message: /grant dept water_authority; same for /revoke)
admin-not-permitted = ⛔ You are not allowed to use this admin command.
admin-user-unknown = Unknown user “{ $who }”: they need to have talked to the bot first.
admin-who-several = More than one member of your branch goes by “{ $who }” ({ $count }): write their @username or user id, or reply to their message in the group with the command.
admin-grant-points = /grant gives roles (secretary, superadmin, department). To give “{ $who }” { $points ->
        [one] 1 point
       *[other] { $points } points
    }, send: /points grant { $who } { $points } reason
admin-dept-unknown = There is no department “{ $dept }”. Send /routing to see the departments.
admin-dept-ambiguous = “{ $dept }” fits several departments: { $candidates_en }. Write the full name.
admin-branch-unknown = There is no branch “{ $branch }”; create it with /bind in its group first.
admin-granted = ✅ Granted { $who }: { $role } { $arg }
admin-revoked = ✅ Revoked from { $who }: { $role } { $arg }
admin-bind-usage = Usage: in a group, send /bind &lt;branch code&gt; [branch name]
admin-bind-unknown = ⛔ There is no branch “{ $branch }” you can bind this group to; please check the code (your branch's code: { $own }).
admin-bind-new-needs-name = There is no branch “{ $branch }” yet. To create it, give its name too: /bind { $branch } branch name; if it is a typo, please check the code.
admin-bind-bad-code = ⛔ “{ $branch }” cannot be a branch code: use letters, digits, - and _, at most 32 characters, e.g. cy.
admin-bound = ✅ This group now belongs to branch: { $branch }

## Corrections
recat-usage = Usage: /recat C-000123 category [urgency], e.g. /recat C-000123 Waterlogging urgent (a category's name or code: waterlogging, lighting, road…)
recat-done = ✅ { $number } corrected to { $category } · { $urgency }, and kept as a training example.
case-err-bad-category = No category is called “{ $label }”. Write its name or code, e.g. Waterlogging (waterlogging), Street lighting (lighting), Road damage (road).
case-err-bad-urgency = No urgency is called “{ $label }”: write urgent, normal or low.

## Group digest (the group's queue backed up; everything still arrives, merged)
digest-header = 📋 Busy group: { $count ->
    [one] 1 update
   *[other] { $count } updates
} merged into one message:

## Public board (/board)
board-title = 📊 <b>Reports and fixes</b>{ $title }
board-counts = Open { $open } · Solved { $solved } · Reported in all { $total }
board-median = Median time from report to fix: { $hours } h
board-median-minutes = Median time from report to fix: { $minutes } min
board-median-none = No case has been solved yet.
board-latest = Latest cases:
board-in-group = Send /board in a riders' group; secretaries can see their branch's board here.
# the reporter's own act, told in their own private chat (issue 13 wording)
case-ev-confirmed-own = You confirmed the fix; case { $case } is closed. Thank you for reporting!
case-ev-reopened-own = You said the problem is still there; case { $case } is back with { $department }.
# an edit that puts an open case in doubt (issue 13 §1, edits)
unsure-ask-edited = 🤔 After your edit, is { $number } still a problem to report? ("No" withdraws the case.)
unsure-kept = ✅ OK, the case stays.
unsure-withdrawn = OK, the case is withdrawn.
unsure-too-late = Someone has already accepted the case: it can no longer be withdrawn.
case-ev-withdrawn = Case { $case } was withdrawn by the reporter.
ev-withdrawn = withdrawn by the reporter
case-err-already-assigned = This case is already assigned to { $department }.
ev-address_id = the source system's address id
case-reply-unread = 💬 This reply is about { $number } (now: { $status }). { $relayed ->
    [yes] I have passed it on to whoever handles it and noted it on the case; I will tell you here when it moves, and
   *[no] The case is over: what you write here is not passed on to anyone. If the problem is still there, report it again and a new case is opened;
} /case { $number } shows its details.{ $resolved ->
    [yes] {" "}Still there? Send /reopen { $number } to have it handled again.
   *[no] {""}
}
ev-reporter_added = the reporter added
ev-follower_added = another rider who reported it added
case-reporter-added = 💬 The reporter of case { $number } ({ $category }, { $location }) adds:
    “{ $note }”
case-follower-added = 💬 A rider who reported case { $number } ({ $category }, { $location }) too adds:
    “{ $note }”
