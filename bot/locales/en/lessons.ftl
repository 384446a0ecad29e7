## Micro lessons: pushes, buttons, /lesson, /lessons (secretaries), /stats lessons

lesson-heading = <b>{ $title }</b> · { $minutes ->
    [one] { $minutes } min
   *[other] { $minutes } min
}
lesson-btn-done = ✅ Done
lesson-opt-0 = A
lesson-opt-1 = B
lesson-opt-2 = C
lesson-opt-3 = D
lesson-opt-4 = E
lesson-opt-5 = F
lesson-opt-6 = G
lesson-opt-7 = H
lesson-opt-8 = I
lesson-opt-9 = J
lesson-quiz = ❓ <b>Quiz</b>: { $question }
lesson-footer = 👇 Read it, then tap “✅ Done”. That's all.
lesson-footer-quiz = 👇 Read it, then tap “✅ Done”, or just pick an answer (answering counts as done).
lesson-footer-done = ✅ You have done this lesson.
lesson-gone = This lesson is no longer available. Send /lesson for the latest one.
lesson-none-yet = 📚 No lesson has been pushed yet. Once your secretary turns them on, a short lesson arrives in the group at a quiet time.
lesson-private-only = 📚 Send me /lesson in a private chat to see the current lesson (and catch up if you missed it).

lesson-done = { $points ->
    [0] ✅ Noted: you have done this lesson.
    [one] ✅ Noted: you have done this lesson. +1 point.
   *[other] ✅ Noted: you have done this lesson. +{ $points } points.
}
lesson-already-done = 👍 You have already done this lesson; no need to tap again.
lesson-quiz-right = { $points ->
    [0] 🎉 Correct! The answer is { $answer }.
    [one] 🎉 Correct! The answer is { $answer }. +1 point.
   *[other] 🎉 Correct! The answer is { $answer }. +{ $points } points.
}
lesson-quiz-wrong = { $points ->
    [0] Not quite. The answer is { $answer }.
    [one] Not quite. The answer is { $answer }. +1 point for taking part.
   *[other] Not quite. The answer is { $answer }. +{ $points } points for taking part.
}
lesson-quiz-again = You have answered this one already (the first answer counts). The answer is { $answer }.

lessons-plan-title = 📚 <b>{ $title }</b> · micro lessons
lessons-plan-off = Pushes are off. Send /lessons plan mon,wed,fri to turn them on (in private, put the group's number before plan).
lessons-plan-days = Days: { $days }
lessons-plan-times = Send times (the same every week, staggered automatically): { $times }
lessons-plan-windows = Push windows: { $windows }
lessons-plan-busy = Peak (no pushes): { $peak } · quiet hours: { $quiet }
lessons-plan-next = Next lesson: “{ $lesson }”
lessons-none = none
lessons-groups-title = Groups you can set up (in private, put the group's number first):
lessons-groups-item = { $n }. { $title } — { $days }
lessons-groups-empty = Your branch has no groups yet. Send /bind BRANCH in a group to put it under your branch.
lessons-usage =
    Usage (secretaries):
    /lessons — this group's lesson plan
    /lessons plan mon,wed,fri — the weekdays to push (weekdays / daily / 一三五)
    /lessons shifts peak 10:30-13:30 16:30-20:00; meeting 08:30 — the shift profile (offpeak 14:00-16:00 / quiet 23:00-07:00 / default)
    /lessons off — stop the pushes
    In private, put the group's number first, e.g. /lessons 1 plan mon,wed,fri
lessons-not-permitted = Only a secretary of this branch can set up lessons. To read the current lesson, send me /lesson in private.
lessons-not-bound = This group is not under a branch yet. Send /bind BRANCH first.
lessons-no-such-group = No group “{ $group }”. Send /lessons to see the numbers.
# $why: what could not be read (bot.lessons.shifts.LessonPlanError); $text: the words in question
lessons-bad-days = I can't read these days: { $why ->
        [unknown] “{ $text }” is not a day of the week
        [range] a range needs both ends (as in mon-fri)
        [none] no days given
        [unreadable] nothing I know in “{ $text }”
       *[other] please write them another way
    }. For example: /lessons plan mon,wed,fri
lessons-bad-shifts = I can't read this shift profile: { $why ->
        [time] “{ $text }” is not a time of day
        [empty-span] the span “{ $text }” starts and ends at the same time
        [meeting] the meeting takes one time, e.g. meeting 09:00, or meeting none
        [ranges] give { $section ->
            [peak] peak hours
            [quiet] quiet hours
           *[offpeak] off-peak windows
        } as spans such as 10:30-13:30, or none
        [empty] nothing given
        [no-window] it leaves no time to push, as every off-peak minute falls in a peak window or quiet hours
        [unreadable] nothing I know in “{ $text }”
       *[other] please write it another way
    }. For example: /lessons shifts peak 10:30-13:30 16:30-20:00; meeting 08:30
lessons-cannot-plan = No room for this plan: { $why ->
        [no-window] a group's off-peak windows all fall in peak or quiet hours
       *[other] the branch's groups have taken every push time
    }. Pick fewer days, or widen the push windows.

lessons-stats-title = 📊 <b>Micro lessons</b> · last { $days ->
    [one] 1 day
   *[other] { $days } days
}
lessons-stats-row = <b>{ $title }</b>: { $sent ->
    [one] 1 lesson
   *[other] { $sent } lessons
} pushed · { $completions ->
    [one] 1 completion
   *[other] { $completions } completions
} · { $completers }/{ $known ->
    [one] 1 rider
   *[other] { $known } riders
} took part · completion { $rate } · quiz { $accuracy } ({ $correct }/{ $answers })
lessons-stats-empty = Your branch has no groups yet.
lessons-stats-note = Completion = completions ÷ (lessons pushed × known riders); known riders = those who reported in the group, or did or answered one of its lessons.
lessons-stats-usage = Usage: /stats lessons [days 1–366], e.g. /stats lessons 7 or /stats lessons 7 days

cmd-lesson = The current micro lesson
