"""A proposal's lifecycle: one table of (status, action) -> (new status, who may). Pure; no I/O.

    proposed ──support threshold / secretary──▶ agenda ──open vote──▶ voting
    voting ──close (quorum met, carried)──▶ adopted ──commit──▶ in_progress ──finish──▶ done
    voting ──close (quorum not met, or not carried)──▶ rejected
    proposed | agenda ──decline (with a reason)──▶ declined

Like bot/cases/lifecycle.py, the table is the one source of what the buttons and commands may
do, and branch scope is the caller's job: `role` is "secretary" only for a secretary *of the
proposal's branch* (or a superadmin); any other user is a "rider". A progress note (`note`)
keeps the status. `system` is the support threshold and the vote's closing job.
"""
from __future__ import annotations

from dataclasses import dataclass

PROPOSED, AGENDA, VOTING = "proposed", "agenda", "voting"
ADOPTED, REJECTED, DECLINED = "adopted", "rejected", "declined"
IN_PROGRESS, DONE = "in_progress", "done"
STATUSES: tuple[str, ...] = (PROPOSED, AGENDA, VOTING, ADOPTED, REJECTED, DECLINED, IN_PROGRESS, DONE)

RIDER, SECRETARY, SYSTEM = "rider", "secretary", "system"

# What `/proposals open|adopted|done|closed|all` lists; no filter: `open`, and how many the others hold.
LISTS: dict[str, tuple[str, ...]] = {"open": (PROPOSED, AGENDA, VOTING),
                                     "adopted": (ADOPTED, IN_PROGRESS),
                                     "done": (DONE,),
                                     "closed": (REJECTED, DECLINED),
                                     "all": STATUSES}
OVERVIEW_FIRST = "open"  # what `/proposals` alone lists
OVERVIEW_REST = ("adopted", "done", "closed")  # counted after it, each with its filter
# Riders may support, comment and vote while these hold.
SUPPORTABLE = frozenset({PROPOSED})
DISCUSSABLE = frozenset({AGENDA, VOTING, ADOPTED, IN_PROGRESS})


@dataclass(frozen=True, slots=True)
class Rule:
    to: str
    roles: frozenset[str]


_STAFF = frozenset({SECRETARY, SYSTEM})
TABLE: dict[tuple[str, str], Rule] = {
    (PROPOSED, "agenda"): Rule(AGENDA, _STAFF),  # the threshold (system) or the secretary directly
    (PROPOSED, "decline"): Rule(DECLINED, frozenset({SECRETARY})),
    (AGENDA, "decline"): Rule(DECLINED, frozenset({SECRETARY})),
    (AGENDA, "open_vote"): Rule(VOTING, frozenset({SECRETARY})),
    (VOTING, "adopt"): Rule(ADOPTED, _STAFF),
    (VOTING, "reject"): Rule(REJECTED, _STAFF),
    (ADOPTED, "commit"): Rule(IN_PROGRESS, frozenset({SECRETARY})),
    (IN_PROGRESS, "note"): Rule(IN_PROGRESS, frozenset({SECRETARY})),
    (IN_PROGRESS, "finish"): Rule(DONE, frozenset({SECRETARY})),
}
ACTIONS = frozenset(a for _, a in TABLE)


class NotAllowed(Exception):
    """`action` may not be taken on a proposal in `status` by `role` (the key says which)."""

    def __init__(self, key: str, status: str, action: str) -> None:
        super().__init__(f"{action} on {status}: {key}")
        self.key, self.status, self.action = key, status, action


def decide(status: str, action: str, role: str) -> str:
    """The status after `action`; raises NotAllowed ("dl-err-role" or "dl-err-state"). Permission
    comes first: a role that may take `action` in no status is refused as such, whatever the
    proposal's status (a rider is told the step is the secretary's, not that it does not apply now)."""
    if not any(role in rule.roles for (_, a), rule in TABLE.items() if a == action):
        raise NotAllowed("dl-err-role", status, action)
    rule = TABLE.get((status, action))
    if rule is None:
        raise NotAllowed("dl-err-state", status, action)
    if role not in rule.roles:
        raise NotAllowed("dl-err-role", status, action)
    return rule.to


def allowed(status: str, role: str) -> list[str]:
    """Actions `role` may take now, in table order (for the secretary's hint line)."""
    return [a for (s, a), rule in TABLE.items() if s == status and role in rule.roles]


YES, NO, ABSTAIN = 0, 1, 2  # indices of the default options (赞成 / 反对 / 弃权)


@dataclass(frozen=True, slots=True)
class Outcome:
    """The vote's result: turnout (riders who voted), whether quorum was met, whether the
    proposal was carried, and for a vote between alternatives the winning option's index."""

    turnout: int
    quorum_met: bool
    adopted: bool
    winner: int | None


def outcome(counts: dict[int, int], n_options: int, quorum: int, yes_no: bool) -> Outcome:
    """Quorum is a head count of voters (abstentions count toward it). A yes/no vote carries when
    yes > no; a vote between alternatives carries with one option ahead of every other (a tie at
    the top carries nothing). Without quorum nothing carries."""
    turnout = sum(counts.get(i, 0) for i in range(n_options))
    met = turnout >= max(quorum, 1)
    if yes_no:
        carried = counts.get(YES, 0) > counts.get(NO, 0)
        return Outcome(turnout, met, met and carried, YES if carried else None)
    ranked = sorted(range(n_options), key=lambda i: -counts.get(i, 0))
    top = ranked[0] if ranked else None
    unique = top is not None and counts.get(top, 0) > 0 and (
        len(ranked) == 1 or counts.get(top, 0) > counts.get(ranked[1], 0))
    return Outcome(turnout, met, met and unique, top if unique else None)
