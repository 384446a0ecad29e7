"""WeCom's string ids as the core's integer ids, and back — kept in the identity table.

Why numbers: the core (bot/domain.py, the outbox) keys chats and people by integers, Telegram-style;
WeCom names users by userid strings and groups by chatid strings. A group's number is negative and
a user's positive, so `is_group` reads the sign as on Telegram, and a private chat's id is its
user's, as on Telegram.

Which numbers (collisions): a WeCom number is a BLAKE2b hash of the id put in **[2^52, 2^53)**
(negated for a group). Telegram's user and chat ids have at most 52 significant bits (Bot API:
"at most 52 significant bits"; supergroups are -100… of about 13 digits), so a WeCom number can
never be a Telegram one, and every number still fits a double and a BIGINT. Two WeCom ids hashing to
the same number (52 bits: about one chance in 10^5 at 100,000 ids) is checked against the table
(`identity.number` is unique): the id is hashed again with a salt (`#1`, `#2` …) until free. The
number given is recorded, so it never changes, even if a colliding id came first on another
deployment. Why a hash and not a counter: the same id gets the same number in every process
without a shared sequence, two processes seeing a new id at once agree (the loser of the insert
reads the winner's row), and a test or the emulator can say which number an id will get.

The person: after /link (bot/services/identities.py) a WeCom user is the same person as a Telegram
user and `user()` answers the Telegram id. A linked identity never changes again, so it is cached
for good; an unlinked one is looked up again after `fresh` seconds (a link made in another process
shows within that time). `target()` resolves a number back for sending (a positive number that is
a linked person's id is their private chat with the app).
"""
from __future__ import annotations

import hashlib
import itertools
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol

from storage.uow import UnitOfWork

PLATFORM = "wecom"
_BITS = 52
_BASE = 1 << _BITS  # WeCom numbers live in [2^52, 2^53): above every Telegram id


def _hash(kind: str, value: str, salt: int = 0) -> int:
    text = f"{kind}:{value}" if salt == 0 else f"{kind}:{value}#{salt}"
    digest = hashlib.blake2b(text.encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") >> (64 - _BITS)


def candidates(kind: str, value: str) -> Iterator[int]:
    """The numbers `value` may get, best first: its hash, then salted hashes (on collision)."""
    sign = -1 if kind == "chat" else 1
    for salt in itertools.count():
        yield sign * (_BASE | _hash(kind, value, salt))


def user_number(userid: str) -> int:
    """The number a user gets when no other id took it first."""
    return next(candidates("user", userid))


def chat_number(chatid: str) -> int:
    return next(candidates("chat", chatid))


def message_number(msgid: str) -> int:
    """A message's id as an integer (an app's MsgId is numeric; an AI bot's msgid is not)."""
    return int(msgid) if msgid.isdigit() and int(msgid) < 2**63 else _hash("msg", msgid) or 1


def is_group(chat_id: int) -> bool:
    return chat_id < 0


def is_wecom_number(number: int) -> bool:
    return _BASE <= abs(number) < 2 * _BASE


@dataclass(frozen=True, slots=True)
class Known:
    kind: str  # user | chat
    external_id: str
    number: int
    person: int | None  # a user's core user id (their own number until linked)


class IdStore(Protocol):
    async def record(self, kind: str, external_id: str, numbers: Iterable[int]) -> Known: ...

    async def by_number(self, number: int) -> Known | None: ...


class MemoryIds:
    """An IdStore in memory (tests that need no database); numbers as the table would give them."""

    def __init__(self) -> None:
        self._by_id: dict[tuple[str, str], Known] = {}
        self._by_number: dict[int, Known] = {}

    async def record(self, kind: str, external_id: str, numbers: Iterable[int]) -> Known:
        found = self._by_id.get((kind, external_id))
        if found is not None:
            return found
        number = next(n for n in numbers if n not in self._by_number)
        known = Known(kind, external_id, number, number if kind == "user" else None)
        self._by_id[(kind, external_id)] = self._by_number[number] = known
        return known

    async def by_number(self, number: int) -> Known | None:
        return self._by_number.get(number)


class StoredIds:
    """An IdStore on the identity table: one short unit of work per lookup the cache missed.
    Called outside any other unit of work (before the handler's, and by the sender between them)."""

    def __init__(self, uow: Callable[[], UnitOfWork]) -> None:
        self._uow = uow

    async def record(self, kind: str, external_id: str, numbers: Iterable[int]) -> Known:
        async with self._uow() as uow:
            row = await uow.identities.record(PLATFORM, kind, external_id, numbers)
            await uow.commit()
            return Known(row.kind, row.external_id, row.number, row.user_id)

    async def by_number(self, number: int) -> Known | None:
        async with self._uow() as uow:
            row = await uow.identities.by_number(PLATFORM, number)
            if row is None:
                return None
            return Known(row.kind, row.external_id, row.number, row.user_id)


class IdBook:
    """WeCom ids ↔ the core's numbers, through `store` with an in-process cache (see above). Without a
    store, in memory (tests only: numbers are forgotten on restart); production passes `StoredIds`."""

    def __init__(self, store: IdStore | None = None, *, fresh: float = 30.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.store: IdStore = store if store is not None else MemoryIds()
        self.fresh, self.clock = fresh, clock
        self._ids: dict[tuple[str, str], tuple[Known, float]] = {}
        self._numbers: dict[int, tuple[str, str]] = {}

    async def _known(self, kind: str, external_id: str) -> Known:
        hit = self._ids.get((kind, external_id))
        if hit is not None:
            known, until = hit
            if kind == "chat" or known.person != known.number or self.clock() < until:
                return known
        known = await self.store.record(kind, external_id, candidates(kind, external_id))
        self._ids[(kind, external_id)] = known, self.clock() + self.fresh
        self._numbers[known.number] = (kind, external_id)
        if known.person is not None:
            self._numbers[known.person] = (kind, external_id)
        return known

    async def user(self, userid: str) -> int:
        """The person's core user id (also their private chat's id)."""
        known = await self._known("user", userid)
        return known.person if known.person is not None else known.number

    async def chat(self, chatid: str) -> int:
        return (await self._known("chat", chatid)).number

    def forget(self, userid: str) -> None:
        """Look this user up again next time (this process just linked them)."""
        self._ids.pop(("user", userid), None)

    async def target(self, chat_id: int) -> tuple[str, str]:
        """("group", chatid) or ("user", userid) for a core chat id; KeyError when nobody has it."""
        hit = self._numbers.get(chat_id)
        if hit is None:
            known = await self.store.by_number(chat_id)
            if known is None:
                raise KeyError(chat_id)
            hit = self._numbers[chat_id] = (known.kind, known.external_id)
        kind, external_id = hit
        return ("group" if kind == "chat" else "user"), external_id
