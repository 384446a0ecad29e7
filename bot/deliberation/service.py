"""Riders' deliberation (小哥议事会): a proposal gathers supporters, goes onto the branch's agenda,
is discussed in its thread, voted on, and an adopted one is followed up as a commitment.

    /propose 标题 | 说明                   any rider (in a group of the branch, or privately once reported in)
    👍 附议 (button dp:<id>:s)             one per rider; `supporters` within `days` (AgendaRule) → agenda
    reply to the agenda post, or a         a comment (masked per bot.privacy)
    message in the proposal's topic
    /proposal N                            the summary: supporters, comments, the vote, the commitment
    /proposals [open|adopted|done|closed|all]   the branch's proposals (alone: the open ones, and
                                           how many each other list holds)
    /vote N 1  · buttons dv:<id>:<n>       one vote per rider, changeable until the deadline; privately
                                           by the branch's riders (reported in, or known from its groups)
    secretary of the proposal's branch:
    /proposal N agenda | decline 理由 | vote [close=…] [quorum=N] [anon] [选项 | 选项 …] | close
              | commit 负责方 due=2026-12-31 | note 进展 | done [说明]
    /proposals rule 5 7                    5 supporters within 7 days put a proposal on the agenda

The steps live in modules named for what they do: `access` (who may see and act, the agenda rule),
`proposals` (proposing, supporting, the agenda, a decline), `voting`, `commitments`, `reading`
(comments, summary, lists), `threads` (where each message goes: the proposal's forum topic, the
topic it came from, or replies to its agenda post), `limits` (figures, words, the refusal type).
"""
from __future__ import annotations

from bot.deliberation.commitments import Commitments
from bot.deliberation.limits import (CLOSE_GRACE, DEFAULT_RULE, DEFAULT_VOTE, MAX_BODY, MAX_COMMENT, MAX_OPTION,
                                     MAX_OPTIONS, MAX_TITLE, MAX_VOTE, MIN_OPTIONS, SWEEP_EVERY, YES_NO,
                                     DeliberationError)
from bot.deliberation.proposals import Proposals
from bot.deliberation.reading import Reading
from bot.deliberation.voting import Voting

__all__ = ["CLOSE_GRACE", "DEFAULT_RULE", "DEFAULT_VOTE", "MAX_BODY", "MAX_COMMENT", "MAX_OPTION", "MAX_OPTIONS",
           "MAX_TITLE", "MAX_VOTE", "MIN_OPTIONS", "SWEEP_EVERY", "YES_NO", "DeliberationError",
           "DeliberationService"]


class DeliberationService(Proposals, Voting, Commitments, Reading):
    """Every deliberation step, for the handlers (one object, built in bot/app.py)."""
