## Check-ins: activities, /checkin, report-ins, volunteer hours (time bank)

## Activities
activity-usage =
    <b>Activity check-in</b>
    /activity new "Title" 2026-12-05 09:00 2h — a new activity (date may be 12-05, tomorrow or saturday; time may be 3pm; length may be 90m, or give an end: 09:00-11:00)
    Add a radius at the end (e.g. 500m) to require riders on the spot; I'll ask you for the place's location. You can also send the command as a reply to a location.
    /activity list — your branch's activities
    /activity close CODE — stop check-ins
    /activity place CODE [500m] — set or change the place
activity-created =
    ✅ Activity “{ $title }” created
    When: { $when }
    Check-in code: <code>{ $code }</code> — riders send /checkin { $code }
    { $where ->
        [ask] 📍 Now send the location of the place (📎 → Location); riders must be within { $radius } m. Check-in opens once the place is set.
        [pin] 📍 Place set; riders must be within { $radius } m.
       *[none] Any place: the code is enough to check in.
    }
activity-ask-place = 📍 Send the location of activity <code>{ $code }</code> (📎 → Location); check-in radius { $radius } m.
activity-place-set = 📍 Place of “{ $title }” (<code>{ $code }</code>) set: ({ $lat }, { $lon }), check-in radius { $radius } m.
activity-closed = 🔒 Check-in for “{ $title }” (<code>{ $code }</code>) is closed; { $count } checked in.
activity-list-header = <b>{ $branch } · activities</b> ({ $count })
activity-list-empty = { $branch } has no activities yet.
activity-list-item = <code>{ $code }</code> · { $title } · { $when } · { $state ->
        [open] 🟢 check-in open
        [upcoming] upcoming
        [ended] ended
       *[closed] 🔒 closed
    }{ $place ->
        [yes] {" · 📍"}
       *[no] {""}
    }
activity-list-no-branch = Send /activity list in your work group to see its branch's activities.
activity-list-which-branch = You are known in several branches ({ $branches }), so in private I cannot tell whose activities to list. Please send /activity list in a group of that branch.
activity-err-usage = I couldn't read that. Example: /activity new "Saturday clean-up" 2026-12-05 09:00 2h 500m
activity-err-time = Please give a start time such as 09:00 or 3pm, or a span such as 09:00-11:00.
activity-err-duration = Please give a length (2h, 90m) or an end time (09:00-11:00), at most 24 hours.
activity-err-date = “{ $value }” is not a valid date; use 2026-12-05 or 12-05.
activity-err-radius = The check-in radius must be between { $min } and { $max } m, e.g. 500m.
activity-err-past = That time is already over (it ends { $when }); please check the date.
activity-err-closed-already = Check-in for <code>{ $code }</code> is already closed.

## Check-in
checkin-usage = Please add the check-in code, e.g. /checkin K7MPQ
checkin-done = ✅ Checked in: “{ $title }” (<code>{ $code }</code>) at { $at }{ $where ->
        [pin] , { $distance } m from the place
       *[none] {""}
    }.
    After the activity, log your volunteer hours: /hours { $code } { $hours }
checkin-already = 👌 You already checked in to “{ $title }” at { $at }; once is enough.
checkin-ask-pin = 📍 “{ $title }” needs you on the spot: send your current location (📎 → Location); within { $radius } m counts.
checkin-ask-pin-private = 📍 “{ $title }” needs you on the spot: open a private chat with me and send your current location (📎 → Location).
checkin-err-unknown-code = There is no activity with the code “{ $code }”. Please check it (codes have no 0, O, 1 or I).
checkin-err-closed = Check-in for “{ $title }” is closed.
checkin-err-early = “{ $title }” has not started yet ({ $when }); check-in opens at { $opens }.
checkin-err-ended = “{ $title }” is over ({ $when }); check-in has ended.
checkin-err-no-place = The place of “{ $title }” is not set yet; try again shortly, or ask the branch secretary.
checkin-err-too-far = 📍 You are about { $unit ->
        [km] { $km } km
       *[m] { $distance } m
    } from the place; you need to be within { $radius } m. Send your location again once you are there.
checkin-err-forwarded = A forwarded location does not count; send your current location (📎 → Location).
checkin-pin-elsewhere = 📍 { $purpose ->
        [place] The place of “{ $title }” (<code>{ $code }</code>)
       *[checkin] Your check-in location for “{ $title }”
    } goes in your private chat with me; a location sent in the group does not count. { $where ->
        [private] Send it here (📎 → Location).
       *[group] Open a private chat with me (tap my name → Message) and send it there.
    }
checkin-err-staff-only = ⛔ Only a branch secretary can do this.
checkin-err-not-permitted = ⛔ This belongs to another branch; you are not allowed to handle it.
checkin-err-branch-unknown = There is no branch with the code “{ $branch }”.
checkin-err-which-branch = Please use this command in a work group of the branch, or add the branch code.

## Report-in
reportin-usage = Please add the party organisation that holds your membership, e.g. /reportin Party branch of X village, Zhoukou, Henan
reportin-err-unbound = This group does not belong to a branch yet, so reporting in is not possible here. Ask an admin to /bind it.
reportin-err-which-branch = Send /reportin with your home organisation in the group where you work, so I know which branch you report in to.
reportin-choose-branch = Which branch do you report in to? (Home organisation: { $home })
reportin-chosen = ✅ Submitted
reportin-err-chosen = A branch has already been chosen for this report-in.
reportin-err-not-yours = This is not your report-in.
reportin-err-not-found = There is no report-in #{ $id } in your scope.
reportin-err-own = Report-in #{ $id } is your own; another secretary of the branch or a superadmin confirms it.
reportin-submitted = 📮 Your report-in to “{ $branch }” is submitted (home organisation: { $home }). You'll hear once the secretary confirms it.{ $has_withdrawn ->
        [yes] {" "}A party member reports in to the one branch where they work: your report-in to “{ $withdrawn }”, still awaiting confirmation, is withdrawn, and its secretary sees that.
        [unnamed] {" "}A party member reports in to the one branch where they work: your earlier report-in to another branch, still awaiting confirmation, is withdrawn.
       *[no] {""}
    }
# privately, after a report-in made in a group withdrew one waiting elsewhere (the group reads nothing of another branch)
reportin-withdrawn-elsewhere = ↩️ A party member reports in to the one branch where they work: with the report-in you just made in a group, your report-in to “{ $withdrawn }”, still awaiting confirmation, is withdrawn, and its secretary sees that.
reportin-updated = ✏️ Your report-in to “{ $branch }” is updated (home organisation: { $home }); it still awaits the secretary.
reportin-already = 👌 You reported in to “{ $branch }” on { $since } already.
reportin-request =
    🙋 <b>Party member report-in #{ $id }</b>
    { $name }{ $username } reports in to “{ $branch }”
    Home organisation: { $home }
    Submitted: { $at }
reportin-approve = ✅ Approve
reportin-reject = ❌ Reject
reportins-header = { $count ->
    [0] { $branch } · no report-ins to confirm. 👍
   *[other] <b>{ $branch } · report-ins to confirm</b>: { $count } (showing { $shown })
}
reportins-usage = Usage: /reportins lists those to confirm; /reportins approve ID; /reportins reject ID [reason]
reportin-err-decided = Report-in #{ $id } has been handled already ({ $status ->
        [approved] approved
        [rejected] rejected
        [withdrawn] withdrawn by the member, who reported in to another branch
       *[other] no longer valid
    }).
# a pending report-in's card, once its rider reported in to another branch instead
reportin-withdrawn-card = ↩️ { $who } withdrew this report-in and reported in to another branch instead: nothing to do.
reportin-approved = 🎉 Your report-in to “{ $branch }” is confirmed! You are registered as a party member reporting in to this branch (home organisation: { $home }). You're welcome at its micro lessons and volunteer activities.
reportin-rejected = Your report-in to “{ $branch }” was not approved{ $has_reason ->
        [yes] : { $reason }
       *[no] .
    }
    Please contact the branch secretary if you have questions.
# in the group (the rider cannot be written to privately): by name, no reason, as points-refused-group
reportin-rejected-group = { $name }, your report-in to “{ $branch }” was not approved. Ask your branch secretary why.
reportin-decided-approved = ✅ { $name }'s report-in approved
# $undelivered yes: the rider was told in the group, without the reason the secretary wrote
reportin-decided-rejected = { $name }'s report-in rejected{ $undelivered ->
        [yes] . ⚠️ { $name } has not started a private chat with me or has blocked me, so your reason did not reach them: the group was told only that it was not approved and to ask the secretary why. Please tell them in person.
       *[no] {""}
    }

## Volunteer hours
hours-usage =
    /hours CODE HOURS — log volunteer hours, e.g. /hours K7MPQ 2.5
    /hours — my time bank
    Secretaries: /hours pending; /hours approve ID; /hours reject ID [reason]; /hours revoke ID reason to take back approved hours
hours-need-amount = How many hours for “{ $title }”? Reply with the hours, e.g. 2, 1.5 or 90min (or send /hours { $code } 2).
hours-logged = 📝 { $hours } h logged for “{ $title }”{ $note ->
        [rounded] {" "}(counted in half hours; you wrote “{ $typed }”)
        [replaced] {" "}(instead of the { $was } h you logged before)
        [both] {" "}(counted in half hours, you wrote “{ $typed }”; instead of the { $was } h you logged before)
       *[none] {""}
    }; the branch secretary will review it.{ $checked_in ->
        [true] {""}
       *[false] {" "}(You did not check in to this activity; the secretary decides.)
    }
hours-request =
    ⏱ <b>Volunteer hours #{ $id }</b>
    { $name }{ $username } · “{ $title }” (<code>{ $code }</code>, { $when })
    { $hours } h claimed · { $checked_in ->
        [true] ✅ checked in
       *[false] ⚠️ did not check in
    }
hours-approve = ✅ Approve
hours-reject = ❌ Reject
hours-pending-header = { $count ->
    [0] No volunteer hours to review. 👍
   *[other] <b>Volunteer hours to review</b>: { $count } (showing { $shown })
}
hours-approved = 🎉 Your { $hours } h for “{ $title }” are approved; time bank balance { $balance } h{ $has_points ->
        [yes] , +{ $points ->
            [one] 1 point
           *[other] { $points } points
        }.
       *[no] .
    }
hours-approved-group = 🎉 { $name }, your { $hours } h for “{ $title }” are approved. Your time bank balance is for you alone: open a private chat with me and send /hours to see it.
# in the group (the rider cannot be written to privately): by name, no reason, as points-refused-group
hours-rejected-group = ↩️ { $name }, your { $hours } h for “{ $title }” were not approved. Ask your branch secretary why.
hours-rejected = Your { $hours } h for “{ $title }” were not approved{ $has_reason ->
        [yes] : { $reason }
       *[no] .
    }
# a secretary revoked the points of approved hours (/points revoke): the approval goes with them
hours-revoked-rider = ↩️ Your secretary withdrew the approval of your { $hours } h at “{ $title }” ({ $reason }): they no longer count in your time bank, now { $time_balance } h.{ $points ->
        [0] {""}
        [one] {" "}The 1 point they earned was taken back too; balance { $balance }. Send /points for your history.
       *[other] {" "}The { $points } points they earned were taken back too; balance { $balance }. Send /points for your history.
    }
hours-decided-approved = ✅ Approved { $name }'s { $hours } h
# $undelivered yes: the rider was told in the group, without the reason the secretary wrote
hours-decided-rejected = Rejected { $name }'s { $hours } h{ $undelivered ->
        [yes] . ⚠️ { $name } has not started a private chat with me or has blocked me, so your reason did not reach them: the group was told only that the hours were not approved and to ask the secretary why. Please tell them in person.
       *[no] {""}
    }
hours-err-too-little = “{ $value }” is too short to log: volunteer hours count in half hours, and 15 minutes make 0.5 h.
hours-err-amount = “{ $value }” is not a number of hours; write e.g. 2, 2.5 or 90min.
hours-err-early = “{ $title }” has not started yet ({ $when }); log hours once it has.
hours-err-late = “{ $title }” ended more than { $days ->
    [one] 1 day
   *[other] { $days } days
} ago; hours can no longer be logged. Please ask the branch secretary.
hours-err-too-many = At most { $max } h can be logged for “{ $title }” (you wrote { $value } h).
hours-err-approved = Your { $hours } h for “{ $title }” are already approved.
hours-revoke-usage = Usage: /hours revoke ID reason, e.g. /hours revoke 7 logged by mistake. Takes back approved volunteer hours (and the points they earned, if any).
hours-revoke-not-approved = Volunteer hours #{ $id } are not approved: nothing to take back.
hours-revoke-ok = ↩️ Took back the approval of { $who }'s { $hours } h for “{ $title }” ({ $reason }): they no longer count in their time bank (balance now { $time_balance } h). These hours earned no points, so none were taken.
hours-err-not-found = There are no volunteer hours #{ $id } in your scope.
hours-err-own = Volunteer hours #{ $id } are your own; another secretary of the branch or a superadmin reviews them.
hours-err-decided = Volunteer hours #{ $id } have been handled already ({ $status ->
        [approved] approved
       *[other] rejected
    }).
hours-err-changed = Volunteer hours #{ $id } were changed to { $hours } h; please review the latest message.
hours-mine-header = <b>My time bank</b>: { $balance } h ({ $pending } h awaiting review)
hours-mine-empty = No volunteer hours yet. Check in at an activity, then send /hours CODE HOURS.
hours-mine-item = { $title } (<code>{ $code }</code>) · { $hours } h · { $status ->
        [approved] ✅ approved
        [rejected] ❌ rejected
       *[pending] ⏳ awaiting review
    }

## Secretary view
stats-checkins-header = <b>{ $branch } · check-ins</b>
stats-checkins-none = No activities yet.
stats-checkins-item = <code>{ $code }</code> { $title } · { $when } · { $checkins } checked in · { $hours } h approved{ $pending ->
        [0] {""}
       *[other] {" · "}{ $pending } to review
    }
stats-checkins-footer = Volunteer hours in total: { $hours } h · party members reported in: { $approved } confirmed, { $pending } to confirm

## /me lines (CheckinService.summary → handlers.render_checkins.me_lines)
me-checkins-activities = 📍 Activity check-ins this month: { $month } ({ $total } in all); { $weeks ->
    [one] 1 week
   *[other] { $weeks } weeks
} in a row
me-checkins-lessons = 📚 Micro lessons this month: { $month }; streak { $days ->
    [one] 1 day
   *[other] { $days } days
} / { $weeks ->
    [one] 1 week
   *[other] { $weeks } weeks
}
me-checkins-hours = ⏱ Time bank: { $balance } h ({ $pending } h awaiting review)
me-checkins-reportin = 🙋 Report-in to “{ $branch }”: { $status ->
        [approved] confirmed
        [pending] awaiting confirmation
       *[rejected] not approved
    } (home organisation: { $home })
me-checkins-reportin-none = 🙋 Not reported in yet. Party members: send /reportin with your home organisation in your work group

cmd-checkin = Check in to an activity
cmd-hours = Volunteer hours / time bank
cmd-reportin = Party member report-in
