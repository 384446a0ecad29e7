"""Which group messages a proposal's thread takes as comments, and which it leaves to the normal
routes (a report becomes a case, chit-chat stays unanswered).

A reply to one of a proposal's posts (or a message in its forum topic) is a comment only while the
proposal is open to discussion (proposed … in progress). A finished one (done, declined, rejected)
takes nothing: the message is an ordinary group message, so a report replied to an old "已办结"
post still becomes a case.

A report replied to an *open* proposal's post (issue 19, "东四环辅路有个大坑，刚才有人摔了"): the intake
is trigger-happy on a discussion ("Better near the market, not at the crossing" reads to it as a
traffic report at 0.94), so a confident report there cannot simply become a case — a proposal
about a place would fill the board with opinions. What a rider expects instead:
- an urgent report (personal safety: "有人摔倒了起不来") is a case at once, as anywhere in the group;
- any other report the intake is sure of (at least ASK_THRESHOLD) whose category is a problem out
  there (a pothole, a dark street …) stays a comment, and the rider is told once per proposal, in
  a reply, that it was kept as discussion and how to report it (post it in the group, not as a
  reply to the proposal). The categories a discussion is made of (a suggestion, riders' rights
  and services, "other") are comments and hear nothing.
"""
from __future__ import annotations

from bot.deliberation import lifecycle as lc
from bot.intake import ASK_THRESHOLD, Intake

# categories a proposal's discussion is made of: a confident one stays a comment unless urgent
DISCUSSION_CATEGORIES = frozenset({"suggestion", "rider_rights", "rider_service", "other"})
# statuses whose thread takes comments (a supportable card, an agenda item, a vote, a commitment)
TAKES_COMMENTS = lc.DISCUSSABLE | lc.SUPPORTABLE


def takes_comments(status: str) -> bool:
    """Whether a proposal in `status` takes replies as comments (a finished one: no)."""
    return status in TAKES_COMMENTS


def is_report(intake: Intake | None) -> bool:
    """Whether a message in an open proposal's thread is a report (a case) rather than a comment:
    an urgent one."""
    return intake is not None and intake.urgent_report


def looks_like_report(intake: Intake | None) -> bool:
    """Whether a comment reads like a report the intake is sure of (its author is told how to report)."""
    if intake is None or not intake.is_report:
        return False
    return intake.confidence >= ASK_THRESHOLD and (intake.category or "other") not in DISCUSSION_CATEGORIES
