# Riders' deliberation: proposals, support, discussion, votes, follow-up (bot/deliberation/)

dl-btn-support = 👍 Support
dl-opt-yes = For
dl-opt-no = Against
dl-opt-abstain = Abstain
points-rule-proposal_adopted = proposal adopted
points-rule-vote_cast = vote cast

dl-status-proposed = gathering support
dl-status-agenda = on the agenda
dl-status-voting = voting
dl-status-adopted = adopted
dl-status-rejected = not adopted
dl-status-declined = declined
dl-status-in_progress = in progress
dl-status-done = done

dl-action-agenda = put on the agenda
dl-action-decline = decline
dl-action-open_vote = open the vote
dl-action-commit = set or correct the owner and due date
dl-action-note = add a progress note
dl-action-finish = mark done
dl-args-finish = { " " }[note]
dl-args-note = { " " }progress
dl-args-commit = { " " }owner due=12-31 18:00
dl-args-close = { "" }
dl-args-open_vote = { " " }[quorum=5] [anon] [option | option]
dl-args-decline = { " " }reason
dl-args-agenda = { "" }
dl-action-close = close the vote now and count it (before its deadline)
dl-sum-step = { $command }{ $args } — { $what }

dl-card-title = 💡 New proposal #{ $id }: <b>{ $title }</b>
dl-card-progress = { $supporters } { $supporters ->
    [one] supporter
   *[other] supporters
} so far; { $threshold } within { $days } { $days ->
    [one] day
   *[other] days
} put it on the agenda.
dl-card-hint = Agree? Press “Support” below.
dl-proposed = ✅ Proposal #{ $id } “{ $title }” is posted in the branch's groups; { $threshold } supporters within { $days } { $days ->
    [one] day
   *[other] days
} put it on the agenda.

dl-agenda-title = 📌 Proposal #{ $id } is on the agenda: <b>{ $title }</b>
dl-agenda-supporters = { $supporters } { $supporters ->
    [one] supporter
   *[other] supporters
}.
dl-agenda-hint = 💬 Reply to this message to discuss; /proposal { $id } shows a summary.
dl-report-hint = 💬 Kept as discussion of proposal #{ $id }. To report a problem (a pothole, a street light, flooding …), post it in the group itself, not as a reply to the proposal; an emergency is registered as a case at once.
dl-agenda-staff = 📌 Proposal #{ $id } “{ $title }” reached { $supporters } supporters and is on the agenda. Open the vote: /proposal { $id } vote
dl-declined = 📭 Proposal #{ $id } “{ $title }” was declined. Reason: { $reason }

dl-vote-title = 🗳 Vote on proposal #{ $id }: <b>{ $title }</b>
dl-vote-rules = Closes { $deadline } · valid with at least { $quorum } { $quorum ->
    [one] voter
   *[other] voters
} · { $mode }
dl-vote-rules-ended = Closed early at { $deadline } · valid with at least { $quorum } { $quorum ->
    [one] voter
   *[other] voters
} · { $mode }
dl-anon = anonymous
dl-named = named
dl-vote-hint = One vote each, changeable until the deadline. Or send /vote { $id } followed by the option number.

dl-result-title = 📊 Result of the vote on proposal #{ $id }: <b>{ $title }</b>
dl-option-line = { $n }. { $text } — { $count } { $count ->
    [one] vote
   *[other] votes
}
dl-result-turnout = { $turnout } voted, quorum { $quorum }: { $met }
dl-quorum-met = met
dl-quorum-not-met = not met
dl-result-adopted = ✅ Adopted. The secretary now sets an owner and a due date; progress is posted here.
dl-result-adopted-option = ✅ Adopted: { $option }. The secretary now sets an owner and a due date; progress is posted here.
dl-result-rejected = ❌ Not adopted.
dl-result-no-quorum = ❌ Too few voters: the vote is void and the proposal is not adopted.

dl-commit = 🛠 Proposal #{ $id } “{ $title }” is being carried out: owner { $owner }, due { $due }.
dl-commit-changed = 🛠 Proposal #{ $id } “{ $title }”: the commitment was updated — owner { $owner }, due { $due }.
dl-note = 🔄 Progress on proposal #{ $id } “{ $title }” ({ $owner }): { $note }
dl-done = 🎉 Proposal #{ $id } “{ $title }” is done.
dl-done-note = Note: { $note }

dl-settled-agenda = 📌 On the agenda
dl-settled-declined = 📭 Declined
dl-settled-vote = 🗳 Voting closed

dl-sum-title = 💡 Proposal #{ $id }: <b>{ $title }</b> ({ $status })
dl-sum-supporters = 👍 { $supporters } { $supporters ->
    [one] supporter
   *[other] supporters
} (the agenda needs { $threshold } within { $days } { $days ->
    [one] day
   *[other] days
})
dl-sum-supported = 👍 { $supporters } { $supporters ->
    [one] supporter
   *[other] supporters
}
dl-sum-comments = 💬 { $comments } { $comments ->
    [one] comment
   *[other] comments
}
dl-sum-latest = Latest comments:
dl-sum-comment = · { $name }: { $text }
dl-sum-reason = Declined because: { $reason }
dl-sum-vote = 🗳 Voting: { $turnout } voted so far (quorum { $quorum }), closes { $deadline }
dl-sum-commitment = 🛠 Owner { $owner }, due { $due }
dl-sum-notes = Progress:
dl-sum-note = · { $at }: { $text }
dl-sum-actions = The secretary can:

dl-list-title-open = 📋 Open proposals ({ $count })
dl-list-title-adopted = 📋 Adopted proposals being carried out ({ $count })
dl-list-title-done = 📋 Proposals done ({ $count })
dl-list-empty = No proposals of this kind yet. Start one: /propose title | details
dl-list-none-yet = No proposals in this branch yet. Start one: /propose title | details
dl-list-item = #{ $id } { $title } · { $status } · 👍 { $supporters }
dl-list-owner = {" "}({ $owner }, due { $due })

dl-propose-usage = Propose: /propose title | details (e.g. /propose A rest point at Jianguo Rd | nowhere to rest at noon)
dl-proposal-usage = Usage: /proposal N (the summary). Secretaries also: /proposal N agenda | decline reason | vote [close=tomorrow 18:00] [quorum=5] [anon] [option 1 | option 2] | close | commit owner due=2026-12-31 | note text | done [note]
dl-vote-cmd-usage = Vote: /vote proposal-number option-number (e.g. /vote 3 1)
dl-decline-usage = Give a reason: /proposal { $id } decline reason
dl-vote-usage = A vote: /proposal N vote [close=tomorrow 18:00] [quorum=5] [anon] [option 1 | option 2] (no options: for / against / abstain)
dl-commit-usage = Name an owner and a due date: /proposal { $id } commit owner due=2026-12-31 (or due=12-31 18:00). While in progress, commit again to correct the owner or the due date.
dl-note-usage = Write the progress: /proposal { $id } note text
dl-rule-usage = Usage: /proposals rule SUPPORTERS DAYS (e.g. /proposals rule 5 7, or 5 people 1 week: 5 supporters within 7 days put a proposal on the agenda)
dl-rule-range = Supporters must be 1–{ $max_supporters } and days 1–{ $max_days } (e.g. /proposals rule 5 7).
dl-rule-set = ✅ This branch's rule: { $supporters } supporters within { $days } { $days ->
    [one] day
   *[other] days
} put a proposal on the agenda.

dl-ok-agenda = ✅ Proposal #{ $id } is on the agenda and posted in the groups.
dl-ok-declined = ✅ Proposal #{ $id } is declined; the reason is announced.
dl-ok-vote = ✅ The vote on proposal #{ $id } is open until { $deadline }.
dl-ok-closed = ✅ The vote on proposal #{ $id } is closed; the result goes to the groups now.
dl-ok-commit = ✅ Proposal #{ $id }: owner and due date recorded; any change is announced in the groups.
dl-ok-note = ✅ The progress note is posted in proposal #{ $id }'s thread.
dl-ok-done = ✅ Proposal #{ $id } is done; announced in the groups.

dl-sup-recorded = 👍 Supported ({ $count }/{ $threshold })
dl-sup-agenda = 👍 Supported: { $count } now, the proposal is on the agenda!
dl-sup-already = You already support this proposal.
dl-sup-own = This is your own proposal.
dl-sup-closed = This proposal no longer gathers support.
dl-sup-expired = The support period ({ $days } { $days ->
    [one] day
   *[other] days
}) is over.
dl-vote-recorded = ✅ Voted: { $option }
dl-vote-points = ✅ Voted: { $option } (+{ $points } { $points ->
    [one] point
   *[other] points
})
dl-vote-changed = 🔄 Changed to: { $option }
dl-vote-same = You already voted “{ $option }”: one vote each.
dl-vote-closed = The vote on proposal #{ $id } is closed.
dl-vote-not-open = Proposal #{ $id } is not being voted on.

dl-err-unknown = There is no proposal #{ $id }.
dl-err-gone = This proposal does not exist or is not for this chat.
dl-err-role = Only this branch's secretary may do that with proposal #{ $id }.
dl-err-state = Proposal #{ $id } is “{ $status }” now: that step does not apply.
dl-err-state-now = What you can do now:
dl-err-state-none = Nothing is left for the secretary to do on it.
dl-err-not-staff = Only a branch secretary may set the deliberation rule.
dl-err-no-branch = Post this in one of your branch's groups, or report in to a branch first with /reportin.
dl-err-which-branch = You are known in several branches ({ $branches }), so in private I cannot tell which one you mean. Please send it in a group of that branch.
dl-err-no-groups = This branch has no groups bound yet: there is nowhere to post the proposal.
dl-err-too-long = A title takes at most { $title } characters, the details at most { $body }.
dl-err-deadline = The deadline must be a specific time within 30 days (e.g. close=tomorrow 18:00).
dl-err-options = A vote needs { $min }–{ $max } options (this one has { $count }).
dl-err-option-text = Each option takes at most { $max } characters, and no two may be the same.
dl-err-due = The due date must be a future date, e.g. due=2026-12-31 or due=12-31 18:00 (also tomorrow; without a time: 23:59 that day).

ev-proposed = turned into a proposal
dl-btn-from-case = 💡 Make it a proposal
dl-case-proposed = 💡 Now proposal #{ $id }, posted in the branch's groups to gather support.
dl-case-already = This suggestion is already proposal #{ $id }.
dl-case-unknown = There is no suggestion case { $case } that could become a proposal.
cmd-propose = Propose a topic for the riders' council
cmd-proposals = Proposals
cmd-vote = Vote on a proposal

dl-list-title-closed = 📋 Proposals not adopted or declined ({ $count })
dl-list-title-all = 📋 All proposals ({ $count })
dl-list-none-open = 📋 No open proposals right now.
dl-list-none-adopted = 📋 No adopted proposals being carried out right now.
dl-list-none-done = 📋 No proposals done yet.
dl-list-none-closed = 📋 No proposals were rejected or declined.
dl-list-none-all = 📋 No proposals yet.
dl-list-others = Also: { $lists }
dl-list-other-adopted = { $count } adopted, being carried out (/proposals adopted)
dl-list-other-done = { $count } done (/proposals done)
dl-list-other-closed = { $count } not adopted or declined (/proposals closed)
dl-proposals-usage = Usage: /proposals (the open proposals, and how many are in each other state) | /proposals open (gathering support, on the agenda, voting) | adopted (adopted, being carried out) | done | closed (not adopted, declined) | all. Secretaries also: /proposals rule SUPPORTERS DAYS
dl-vote-no-option = Proposal #{ $id } has no such option (choose 1–{ $count }: { $options }), e.g. /vote { $id } 1.
dl-vote-private-unknown = There is no proposal #{ $id } you can vote on privately. In a private chat you vote on your own branch's proposals (once you reported in, or reported a case, supported, discussed or voted in its groups); or press the buttons under the vote post in the group.
dl-list-more = (the newest { $shown } shown)
dl-closed-outcome = { $result ->
    [adopted] adopted
    [rejected] not adopted
   *[no_quorum] not adopted, too few voters
}
dl-closed-staff = 🗳 The vote on proposal #{ $id } “{ $title }” has closed: { dl-closed-outcome } ({ $turnout } voted, quorum { $quorum }). { $result ->
    [adopted] Next step: { $step } owner due=12-31
   *[other] The proposal has ended.
}
dl-closed-author = 🗳 The vote on your proposal #{ $id } “{ $title }” has closed: { dl-closed-outcome } ({ $turnout } voted, quorum { $quorum }).
dl-sum-was-adopted = ✅ Adopted.
dl-sum-done = 🏁 Done on { $at }.
dl-sum-done-note = 🏁 Done on { $at }: { $note }
dl-vote-secret = 🗳 Your anonymous vote on proposal #{ $id } is recorded (the choice is not shown in the group; you may change it until the deadline, privately with /vote is safer).
