## Closing the loop: places, duplicates, two clocks, transfers, routing (bot/services/case_*.py)

dur-days = { $n ->
    [one] 1 day
   *[other] { $n } days
}
dur-hours = { $n ->
    [one] 1 hour
   *[other] { $n } hours
}
dur-minutes = { $n ->
    [one] 1 minute
   *[other] { $n } minutes
}

case-created-placeless =
    📝 Case <b>{ $number }</b> registered
    Category: { $category } · Urgency: { $urgency }
    { $next }
ask-place-inline = 📍 No place yet: reply to this message with where it is (road, compound, gate, junction), or send a location pin.
case-place-fix = Wrong place? Reply to this message with the right one.
ask-place-inline-private = { ask-place-inline }
case-place-fix-private = { case-place-fix }
location-corrected = 📍 Place of <b>{ $number }</b> corrected: { $location }
case-linked = 🔗 A non-urgent case of the same kind is open nearby ({ $master }); this one is urgent, so it is registered and timed on its own, and the secretary will handle both together.
case-followed-own = 🔁 You already reported this ({ $number }, { $status }); no need to report it again, you will hear every update.
case-followed-me-too = 👍 Noted: you follow { $number } ({ $status }) now and will hear its updates here.
case-me-too-closed = ℹ️ { $number } is no longer open (now: { $status }). If the problem is still there, please report it again: it gets a new case.
case-followers = Also reported by: { $names }

card-fix-due = fix due: { $due }
cases-transfer-in = ↪ offered to your department

case-fix-remind-half = ⏳ Reminder: case { $number } ({ $category }, { $location }) is half-way to its fix deadline, { $fix_due }.
case-fix-remind-due = ⏰ Case { $number } ({ $category }, { $location }) reached its fix deadline { $fix_due }. Please act now.
case-fix-escalated = 🚨 Escalated: case { $number } is not fixed by its deadline. Department: { $department }, due { $fix_due }.
    “{ $text }”
case-alert-unstaffed = ⚠️ { $department } has no members in the bot yet, so this went to the branch secretary: please act for it, or add members with /grant.

case-transfer-offer = ↪ { $from } asks to transfer case { $number } ({ $category }, { $location }) to { $department }.
    “{ $text }”
    Please accept it, or decline with a reason.
case-transfer-declined = ↩️ { $from } declined case { $number } ({ $category }, { $location }). Reason: { $note }. { $department } remains responsible.
case-transfer-limit = 🚦 Case { $number } ({ $category }, { $location }) has been transferred { $transfers ->
    [one] once
   *[other] { $transfers } times
}, the limit is { $limit }: it cannot be transferred again. The secretary must assign it or decide.
case-transfer-withdrawn = ↩️ Case { $number } ({ $category }, { $location }) is no longer coming to { $department }: { $by } { $action ->
    [assign] assigned it to { $to }
    [reject] rejected it
   *[other] marked it a duplicate of { $master }
}. There is nothing to accept, and no need to send anyone.

ev-transfer_limit = transfer limit reached, the secretary decides
ev-linked = linked case
ev-fix_reminded = half-time reminder (fix)
ev-fix_escalated = fix deadline passed, escalated

routing-title = <b>Departments and members</b> ({ $count ->
    [one] 1 department
   *[other] { $count } departments
})
routing-dept = { $name } ({ $code }): { $members }
routing-members-none = ⚠️ no members
routing-unstaffed = { $count ->
    [one] ⚠️ 1 department has no members
   *[other] ⚠️ { $count } departments have no members
}: { $names }. Their reminders and escalations go to the branch secretary; add members in the routing file, or with /grant user dept CODE.
routing-all-staffed = ✅ Every department has members.
routing-not-staff = ⛔ Only branch secretaries and superadmins can see the department setup.

# Between the names of a list (followers): 、 in Chinese, a comma and space in English.

# a case handed to a department (bot/services/case_handovers.py): its members hear it privately
case-assigned-dept = 📥 Case { $number } ({ $category }, { $location }) has been assigned to { $department }.
    “{ $text }”
    Answer due: { $due } · fix due: { $fix_due }
case-reopened-dept = 🔁 The reporter says case { $number } ({ $category }, { $location }) is not fixed: it is back with { $department }, fix due { $fix_due }.

# the department a case was taken from (bot/services/case_handovers.py): its members hear it privately
case-lost-moved = 🔀 Case { $number } ({ $category }, { $location }) has been moved to { $to } by { $by }: { $department } no longer handles it. There is nothing more for you to do, and no need to send anyone.
case-lost-transferred = 🔀 Case { $number } ({ $category }, { $location }) has been transferred to { $to }, accepted by { $by }: { $department } no longer handles it. There is nothing more for you to do, and no need to send anyone.
case-lost-rejected = ⛔ Case { $number } ({ $category }, { $location }) has been rejected by { $by }, reason: { $note }. The case is closed: there is nothing more for { $department } to do, and no need to send anyone.
case-lost-cannot-fix = 🚫 Case { $number } ({ $category }, { $location }) has been closed by { $by } as one that cannot be fixed, reason: { $note }. The case is closed: there is nothing more for { $department } to do, and no need to send anyone.
case-lost-duplicate = 🔗 Case { $number } ({ $category }, { $location }) has been marked by { $by } as a duplicate of { $master } and closed. There is nothing more for { $department } to do on it, and no need to send anyone; the problem itself is followed under { $master }.
case-by-secretary = the branch secretary
case-by-superadmin = a superadmin
case-by-new-department = the receiving department
case-by-colleague = a colleague in your department
case-by-asking-department = { $from }
case-by-system = the system
