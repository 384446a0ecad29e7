"""Correcting the points bank by hand: a secretary takes back one ledger line (a wrong grant,
an award that should not have been) with a reason, and manual grants stay under a daily cap.

The ledger stays append-only: a correction is a reversal line that names the line it
cancels (`reverses_id`), the secretary who made it (`actor_id`) and why (`note`), so the
audit trail shows both the mistake and its correction. A secretary corrects only lines of
their own branch; a line of another branch reads as unknown (nothing is revealed).
"""
from __future__ import annotations

import re

from typing import TYPE_CHECKING, Any

from bot.checkins.hours import SOURCE_PREFIX as HOURS_PREFIX, withdraw_approval
from bot.domain import PRIORITY_CONVERSATION, Notice
from bot.outbox import enqueue
from bot.privacy import mask
from bot.wording import unended
from bot.ids import parse_id
from bot.services.people import named, person_typed, register_person, shown_name
from bot.services.points import REVERSE_PREFIX, PointsError, PointsService

if TYPE_CHECKING:
    from bot.domain import Person
    from storage.models import User
    from storage.uow import UnitOfWork

NOT_REVOCABLE = ("redeem", "refund")  # spending moves points back and forth: refuse/refund handle those


def entry_no(entry_id: int) -> str:
    return f"#{entry_id}"


def parse_entry_no(text: str) -> int | None:
    """The ledger line in "#17" / "17" / "E17": None when it is no number at all, 0 when it is a
    number no line can have (too long for an id: "no such line", never a database error)."""
    word = text.strip().lstrip("#").upper().removeprefix("E")
    if not word.isdigit():
        return None
    return parse_id(word) or 0


async def grant_entry_no(points: PointsService, uow: UnitOfWork, source_key: str) -> str:
    """The ledger number of the line a grant wrote, for the secretary's receipt."""
    entry = await points.repo(uow).entry(source_key)
    return entry_no(entry.id) if entry is not None and entry.id is not None else ""


async def check_grant_cap(points: PointsService, uow: UnitOfWork, user_id: int, amount: int) -> None:
    """Manual grants to one rider in one local day stay within the configured `daily_cap`
    (revoked grants do not count); refused as a whole rather than trimmed silently."""
    cap = points.config.rules["manual"].daily_cap
    if not cap:
        return
    given = await points.repo(uow).net_by_rule(user_id, "manual", points._day_start())
    if given + amount > cap:
        raise PointsError("points-grant-cap", cap=cap, left=max(0, cap - given))


async def revoke(points: PointsService, uow: UnitOfWork, actor: User, ref: str, reason: str) -> dict[str, Any]:
    """Takes back ledger line `ref` with a reversal line; what the receipt shows.

    What the rider already spent cannot be taken back (a balance never goes below zero):
    the reversal takes what is there, and says so. The points of approved volunteer hours take the
    approval with them: the hours leave the time bank (bot.checkins.hours.withdraw_approval says why)."""
    if not (points.is_superadmin(actor) or points._secretary_branch(actor) is not None):
        raise PointsError("points-not-permitted")
    entry_id = parse_entry_no(ref)
    reason = reason.strip()
    if entry_id is None or not reason:
        raise PointsError("points-revoke-usage")
    repo = points.repo(uow)
    entry = await repo.entry_by_id(entry_id) if entry_id else None
    if entry is None or entry.id is None or not points.may_manage(actor, entry.branch_id):
        raise PointsError("points-entry-unknown", number=entry_no(entry_id) if entry_id else ref.strip()[:24])
    if entry.reverses_id is not None or entry.points <= 0 or entry.rule in NOT_REVOCABLE:
        raise PointsError("points-entry-not-revocable", number=entry_no(entry.id))
    if await repo.reversal_of(entry.id) is not None or await repo.has_entry(REVERSE_PREFIX + entry.source_key):
        raise PointsError("points-entry-revoked", number=entry_no(entry.id))
    account = await repo.lock_account(entry.user_id)
    take = min(entry.points, account.balance)
    if await repo.add_entry(user_id=entry.user_id, rule=entry.rule, points=-take,
                            source_key=REVERSE_PREFIX + entry.source_key, branch_id=entry.branch_id,
                            actor_id=actor.id, note=reason[:500], reverses_id=entry.id,
                            at=points.clock()) is None:
        raise PointsError("points-entry-revoked", number=entry_no(entry.id))
    await repo.move(entry.user_id, -take)
    await points._retier(uow, repo, account)
    hours = await withdraw_approval(uow, entry.source_key, actor.id, reason, points.clock())  # hours it paid for
    rider = await uow.users.get(entry.user_id)
    balance = await points.balance(uow, entry.user_id)
    told = {"points": take, "reason": unended(mask(reason)), "balance": balance}
    if rider is not None and rider.started and hours is not None:  # his time bank changed, whatever was taken
        enqueue(uow, Notice(rider.id, "hours-revoked-rider", points._lang(rider), priority=PRIORITY_CONVERSATION,
                            payload={**told, **hours}))
    elif rider is not None and rider.started and take > 0:  # a correction that took nothing changes nothing of theirs
        enqueue(uow, Notice(rider.id, "points-revoked-rider", points._lang(rider), priority=PRIORITY_CONVERSATION,
                            payload=told))
    return {"number": entry_no(entry.id), "who": (rider.first_name if rider else "") or str(entry.user_id),
            "points": take, "short": entry.points - take, "reason": unended(reason),
            "has_hours": "yes" if hours else "no", **(hours or {"title": "", "hours": "", "time_balance": ""})}


async def revoke_hours(points: PointsService, uow: UnitOfWork, actor: User, entry_id: int,
                       reason: str) -> tuple[str, dict[str, Any]]:
    """`/hours revoke 7 原因`: a secretary takes back the approval of volunteer hours entry 7; the
    receipt's (key, args). Hours that earned points go as `/points revoke` of that line takes them
    (`revoke`: the points, and the approval with them). Hours that earned none (half an hour: points
    are per whole hour) have no ledger line to revoke by, so the approval is withdrawn alone, the
    rider told as for a revoke: every approval can be taken back, whatever it paid."""
    if not (points.is_superadmin(actor) or points._secretary_branch(actor) is not None):
        raise PointsError("points-not-permitted")
    reason = reason.strip()
    if not reason:
        raise PointsError("hours-revoke-usage")
    entry = await uow.checkins.hours(entry_id)
    activity = await uow.checkins.activity(entry.activity_id) if entry is not None else None
    if entry is None or activity is None or not points.may_manage(actor, activity.branch_id):
        raise PointsError("hours-err-not-found", id=entry_id)  # another branch's reads as none
    key = f"{HOURS_PREFIX}{entry_id}"
    paid = await points.repo(uow).latest_paid(key) if entry.status == "approved" else None
    if paid is not None and paid.id is not None:
        return "points-revoke-ok", await revoke(points, uow, actor, entry_no(paid.id), reason)
    hours = await withdraw_approval(uow, key, actor.id, reason, points.clock())
    if hours is None:
        raise PointsError("hours-revoke-not-approved", id=entry_id)
    rider = await uow.users.get(entry.user_id)
    if rider is not None and rider.started:
        enqueue(uow, Notice(rider.id, "hours-revoked-rider", points._lang(rider), priority=PRIORITY_CONVERSATION,
                            payload={"points": 0, "reason": unended(mask(reason)),
                                     "balance": await points.balance(uow, rider.id), **hours}))
    return "hours-revoke-ok", {"who": (rider.first_name if rider else "") or str(entry.user_id),
                               "reason": unended(reason), **hours}


_PERSON = re.compile(r"@?[A-Za-z0-9_]+|-?\d+")


def as_id(who: str) -> str:
    """Whether a person is shown as the id typed ("yes": the catalogue says "用户 501 的", "user 501"),
    not by a name that runs on in Chinese ("李师傅的")."""
    return "yes" if who.strip().lstrip("-").isdigit() else "no"


async def typed_target(points: PointsService, uow: UnitOfWork, actor: User, who: str) -> User | None:
    """The person staff name as typed (people.person_typed: an id, an @username, or the display name
    one member of the sender's own branch goes by). Several of hers by that name:
    PointsError("points-who-several"), asking for the @username or a reply; a name none of hers goes
    by (whoever elsewhere does): "points-who-unknown", as for a name nobody has. None: an id or
    @username nobody has."""
    person, count = await person_typed(uow, who, points._secretary_branch(actor), points.is_superadmin(actor))
    if person is not None or (count == 0 and _PERSON.fullmatch(who.strip())):  # an id or username: as before
        return person
    raise PointsError("points-who-several" if count > 1 else "points-who-unknown", who=who.strip()[:32], count=count)


async def names_a_member(points: PointsService, uow: UnitOfWork, actor: User, word: str) -> bool:
    """Whether staff's `/points 李师傅` names a member of their scope by display name (people.person_typed:
    one or several), so it asks for that member's ledger rather than the sender's own points."""
    if not points.keeps_the_bank(actor) or _PERSON.fullmatch(word.strip()):
        return False
    return (await person_typed(uow, word, points._secretary_branch(actor), points.is_superadmin(actor)))[1] > 0


async def grant_target(points: PointsService, uow: UnitOfWork, actor: User, who: str, amount: int) -> User:
    """The person `who` (an @username, user id or display name, as typed after `/points grant`: typed_target) names, for a grant
    of `amount` (negative: a correction). Raises PointsError when nobody is known by it: a superadmin
    hears `points-user-unknown`; a secretary is refused as for another branch's rider (scope before
    state, as PointsService.grant and correct_grant refuse), so the answer tells nothing of who
    exists elsewhere."""
    target = await typed_target(points, uow, actor, who)
    if target is not None:
        return target
    if points.is_superadmin(actor):
        raise PointsError("points-user-unknown", who=who[:64])
    raise (PointsError("points-correct-none", points=-amount, who=who[:64], id=who[:64], as_id=as_id(who)) if amount < 0
           else PointsError("points-grant-other-branch"))


async def correct_grant(points: PointsService, uow: UnitOfWork, actor: User, target: User, amount: int,
                        reason: str, typed: str | None = None) -> dict[str, Any]:
    """`/points grant 501 -30 误发冲正`: a negative grant revokes the rider's latest manual grant of
    exactly that many points (in the secretary's branch). Anything else is refused with the way
    to name the line: a correction always cancels a specific, audited line."""
    if not (points.is_superadmin(actor) or points._secretary_branch(actor) is not None):
        raise PointsError("points-not-permitted")
    spec = points.config.rules["manual"]
    for entry in await points.repo(uow).unreversed(target.id, "manual", -amount * spec.points):
        if entry.id is not None and points.may_manage(actor, entry.branch_id):
            return await revoke(points, uow, actor, str(entry.id), reason)
    known = any(points.may_manage(actor, e.branch_id) for e in await points.repo(uow).history(target.id, 60))
    who = await shown_name(uow, target, typed or str(target.id), superadmin=points.is_superadmin(actor),
                           branch_id=points._secretary_branch(actor), known=known)  # named, as its receipts were
    raise PointsError("points-correct-none", points=-amount, who=who, id=who, as_id=as_id(who))


async def ledger_of(points: PointsService, uow: UnitOfWork, actor: User, who: str, limit: int = 20, *,
                    seen: Person | None = None) -> dict[str, Any]:
    """`/points ledger @user` for a secretary: the rider's lines in her branch, with the entry
    numbers /points revoke takes (a superadmin sees every branch's lines). `seen`: the person whose
    message the command replies to instead (`/points ledger` as a reply, as /points grant takes
    one), named as the secretary saw them."""
    if not (points.is_superadmin(actor) or points._secretary_branch(actor) is not None):
        raise PointsError("points-not-permitted")
    target: User | None
    if seen is not None:
        target = await register_person(uow, seen)
        who = named(target)
    else:
        target = await typed_target(points, uow, actor, who)
    if target is None:
        if not points.is_superadmin(actor):  # read as another branch's rider: no lines in hers
            return {"who": who[:64], "as_id": as_id(who), "entries": []}
        raise PointsError("points-user-unknown", who=who[:64])
    lines = [e for e in await points.repo(uow).history(target.id, limit * 3)
             if points.may_manage(actor, e.branch_id)][:limit]
    who = await shown_name(uow, target, who, superadmin=points.is_superadmin(actor),
                           branch_id=points._secretary_branch(actor), known=bool(lines))
    return {"who": who, "as_id": as_id(who),
            "entries": [{"number": entry_no(e.id or 0), "rule": e.rule, "points": e.points,
                         "reversal": e.reverses_id is not None, "note": mask(e.note) if e.note else "",
                         "date": points._local(e.created_at).strftime("%m-%d")}
                        for e in lines]}
