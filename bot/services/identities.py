"""One rider on two platforms is one person: /link joins a second platform's identity to them.

Design (issue 16 §3, "points, cases and roles follow the person"):

- **The person is the core's user id** (users.id): every table that names a rider or an actor
  (cases.reporter_id, the points ledger and balance, department memberships, users.role, lessons,
  check-ins, votes …) already keys by it, and every service reads it. A separate person id that
  users map to would have to be joined into each of those queries (dozens, in services other
  helpers are rewriting), and every one that forgot would split the person again. So linking
  **merges**: the identity table (storage/models/identities.py) says which core user id each
  platform's user is, and the rows of the person merged away are re-pointed to the survivor in
  one transaction (storage/repositories/identities.py PERSON_COLUMNS), audited (`audit_log`
  action "link"). After that, both platforms' adapters hand the core the same user id.
- **The survivor is the Telegram identity's id**, whichever side asked for the code: Telegram's ids
  *are* the core's ids and its adapter uses them without a lookup, whereas the WeCom adapter looks
  every userid up in the identity table anyway (handlers/wecom/ids.py), so pointing a WeCom
  identity at a Telegram id costs nothing and changes no Telegram path. (Between two platforms of
  the looked-up kind, the code's issuer survives.)
- What merges how: rows re-pointed; a row that would duplicate one of the survivor's (the same
  lesson completed on both, the same case watched, the same department membership) is the same
  fact twice and is dropped; points balances add up (the ledger lines all move, so the sum holds),
  the better tier stays; the stronger role (superadmin > secretary > rider) with its branch; the
  survivor's language and names, the other's where the survivor has none; `started` if either.
  The merged user row goes. The role audit (append-only) keeps the ids it was written with.
- The code: 8 characters from an alphabet without look-alikes (31^8 ≈ 8.5e11), shown as XXXX-XXXX,
  valid 10 minutes, single use (marked used by a conditional update, so two racing uses cannot
  both win), stored as its SHA-256 only; asking again replaces an unused earlier code.
- Refused: an unknown, used or expired code (`link-code-unknown`, `-used`, `-expired`); a code
  from the same platform (`link-same-platform`); two identities already one person
  (`link-already-same`); a person who already has an identity on the other platform
  (`link-already-linked`: one WeCom account per person, one Telegram account per person).
  Unlinking is not offered (a superadmin's job, by hand, if ever).

No platform types here: the adapter says which platform, the external id (Telegram: the user id
as a string) and the core user id of the one asking.
"""
from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from bot.points import tier_rank
from bot.refusals import Refused
from storage.models import User, utcnow
from storage.models.identities import Identity
from storage.uow import UnitOfWork

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"  # no 0/O, 1/I/L: read aloud or typed from a phone
CODE_LENGTH = 8
CODE_TTL = timedelta(minutes=10)
NATIVE = "telegram"  # the platform whose user ids are the core's user ids
PLATFORMS = ("telegram", "wecom")
ROLE_RANK = {"rider": 0, "secretary": 1, "superadmin": 2}


def normalise(code: str) -> str:
    """What the person typed, as the code: case, spaces and dashes do not matter."""
    return "".join(ch for ch in code.upper() if ch.isalnum())


def looks_like_code(text: str) -> bool:
    """Whether `text` has a code's shape (else the adapter answers the usage, not "unknown code")."""
    raw = normalise(text)
    return raw.isascii() and raw.isalnum() and len(raw) == CODE_LENGTH


def code_hash(code: str) -> str:
    return hashlib.sha256(normalise(code).encode()).hexdigest()


def new_code() -> str:
    raw = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
    return f"{raw[:4]}-{raw[4:]}"


@dataclass(frozen=True, slots=True)
class Linked:
    person: int  # the survivor's core user id
    other: str  # the platform joined
    moved: dict[str, int]  # rows re-pointed per table.column


class LinkService:
    def __init__(self, clock: Callable[[], datetime] = utcnow) -> None:
        self.clock = clock

    async def issue(self, uow: UnitOfWork, platform: str, external_id: str, user_id: int) -> str:
        """A fresh one-time code for this identity (the code itself is shown once, never stored)."""
        self._check_platform(platform)
        me = await uow.identities.record(platform, "user", external_id, [user_id])
        code = new_code()
        now = self.clock()
        await uow.identities.add_code(code_hash(code), platform, external_id, me.user_id or user_id, now,
                                      now + CODE_TTL)
        return code

    async def redeem(self, uow: UnitOfWork, platform: str, external_id: str, user_id: int, code: str) -> Linked:
        """Joins this identity and the code's issuer into one person (see the module docstring)."""
        self._check_platform(platform)
        digest, now = code_hash(code), self.clock()
        row = await uow.identities.code(digest)
        if row is None or len(normalise(code)) != CODE_LENGTH:
            raise Refused("link-code-unknown")
        if row.used_at is not None:
            raise Refused("link-code-used")
        if row.expires_at <= now:
            raise Refused("link-code-expired")
        if row.platform == platform:
            raise Refused("link-same-platform", platform=platform)
        mine = await uow.identities.record(platform, "user", external_id, [user_id])
        theirs = await uow.identities.find(row.platform, "user", row.external_id)
        if theirs is None:  # recorded when the code was given; gone only if someone deleted it
            raise Refused("link-code-unknown")
        a, b = self._person(theirs), self._person(mine)
        if a == b:
            raise Refused("link-already-same")
        a_ids, b_ids = await uow.identities.of_person(a), await uow.identities.of_person(b)
        if any(i.platform == platform for i in a_ids) or any(i.platform == row.platform for i in b_ids):
            raise Refused("link-already-linked")
        if not await uow.identities.use_code(digest, now):
            raise Refused("link-code-used")
        survivor, merged = (b, a) if platform == NATIVE else (a, b)
        keep, gone = await uow.identities.user(survivor), await uow.identities.user(merged)
        # The audit reads like a role change (/audit, the export): the survivor's role before and
        # after, whom they absorbed, which identities they now have and how many rows moved.
        before = {**self._state(keep, survivor), "merged": merged,
                  "merged_role": gone.role if gone is not None else None}
        moved = await uow.identities.move_person(merged, survivor, better_tier=_better_tier)
        for identity in a_ids + b_ids:
            identity.user_id, identity.linked_at = survivor, now
        keep = await self._merge_users(uow, keep, gone, survivor)
        await uow.session.flush()
        uow.audit.record(user_id, "link", f"user:{survivor}", branch_id=keep.branch_id, before=before,
                         after={**self._state(keep, survivor), "rows": sum(moved.values()),
                                "identities": sorted(f"{i.platform}:{i.external_id}" for i in a_ids + b_ids),
                                "moved": moved})
        return Linked(person=survivor, other=row.platform, moved=moved)

    # -- helpers -------------------------------------------------------------
    @staticmethod
    def _check_platform(platform: str) -> None:
        if platform not in PLATFORMS:
            raise ValueError(f"unknown platform {platform!r}")

    @staticmethod
    def _person(identity: Identity) -> int:
        return identity.user_id if identity.user_id is not None else identity.number

    @staticmethod
    async def _merge_users(uow: UnitOfWork, keep: User | None, gone: User | None, survivor: int) -> User:
        """The survivor's user row with what only the other had, and the stronger role."""
        if keep is None:
            keep = User(id=survivor)
            uow.session.add(keep)
        if gone is None:
            return keep
        if ROLE_RANK.get(gone.role, 0) > ROLE_RANK.get(keep.role, 0):
            keep.role, keep.branch_id = gone.role, gone.branch_id
        elif keep.branch_id is None and keep.role == "rider":
            keep.branch_id = gone.branch_id
        keep.first_name = keep.first_name or gone.first_name
        keep.username = keep.username or gone.username
        keep.lang = keep.lang or gone.lang
        keep.language_code = keep.language_code or gone.language_code
        keep.started = keep.started or gone.started
        await uow.users.remove(gone)
        return keep

    @staticmethod
    def _state(user: User | None, user_id: int) -> dict[str, Any]:
        if user is None:
            return {"user": user_id}
        return {"user": user_id, "name": user.first_name, "role": user.role, "branch_id": user.branch_id}


def _better_tier(a: str, b: str) -> str:
    return a if tier_rank(a) >= tier_rank(b) else b
