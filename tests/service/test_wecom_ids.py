"""WeCom ids in the identity table (handlers/wecom/ids.py): numbers never Telegram's, stable across
restarts, re-derived on a collision, agreed by concurrent processes; a link shows after `fresh`."""
from __future__ import annotations

import asyncio
from itertools import islice

from sqlmodel import select

from bot.services.identities import LinkService
from handlers.wecom.ids import IdBook, MemoryIds, StoredIds, candidates, chat_number, is_wecom_number, user_number
from storage.models.identities import Identity
from tests.service.conftest import Factory

TELEGRAM_MAX = 2**52  # Bot API: user and chat ids have at most 52 significant bits


def test_numbers_are_outside_telegrams_range() -> None:
    for n in range(2000):
        user, chat = user_number(f"user{n}"), chat_number(f"wr{n}")
        assert TELEGRAM_MAX <= user < 2**53 and -(2**53) < chat <= -TELEGRAM_MAX
        assert is_wecom_number(user) and is_wecom_number(chat)
    assert not is_wecom_number(-1001234567890) and not is_wecom_number(8_123_456_789)
    first, second = islice(candidates("user", "li"), 2)
    assert first == user_number("li") != second and is_wecom_number(second)


async def test_ids_survive_a_restart_and_resolve_back(uows: Factory) -> None:
    book = IdBook(StoredIds(uows))
    li, group = await book.user("li"), await book.chat("wrNorth")
    assert (li, group) == (user_number("li"), chat_number("wrNorth"))
    again = IdBook(StoredIds(uows))  # a new process: nothing cached
    assert await again.target(li) == ("user", "li") and await again.target(group) == ("group", "wrNorth")
    assert await again.user("li") == li and await again.chat("wrNorth") == group
    try:
        await again.target(user_number("never-seen"))
        raise AssertionError("an unknown number resolved")
    except KeyError:
        pass
    async with uows() as uow:
        assert await uow.identities.count() == 2


async def test_a_collision_gets_the_next_salted_number_for_good(uows: Factory) -> None:
    taken = user_number("li")
    async with uows() as uow:  # another id already holds li's number (as a 52-bit hash collision would)
        uow.session.add(Identity(platform="wecom", kind="user", external_id="someone", number=taken, user_id=taken))
        await uow.commit()
    li = await IdBook(StoredIds(uows)).user("li")
    assert li != taken and li == list(islice(candidates("user", "li"), 2))[1] and is_wecom_number(li)
    assert await IdBook(StoredIds(uows)).user("li") == li  # read back, not re-derived
    assert await IdBook(StoredIds(uows)).target(taken) == ("user", "someone")
    memory = MemoryIds()  # the in-memory store agrees
    await memory.record("user", "someone", [taken])
    assert (await memory.record("user", "li", candidates("user", "li"))).number == li


async def test_processes_seeing_a_new_id_at_once_agree(uows: Factory) -> None:
    books = [IdBook(StoredIds(uows)) for _ in range(4)]
    numbers = await asyncio.gather(*(b.user("new.rider") for b in books))
    assert set(numbers) == {user_number("new.rider")}
    async with uows() as uow:
        rows = (await uow.session.exec(select(Identity).where(Identity.external_id == "new.rider"))).all()
        assert len(rows) == 1


async def test_a_link_made_elsewhere_shows_after_fresh_seconds(uows: Factory) -> None:
    now = [0.0]
    book = IdBook(StoredIds(uows), fresh=30.0, clock=lambda: now[0])
    wc = await book.user("li")
    assert wc == user_number("li")
    links = LinkService()
    async with uows() as uow:  # the Telegram process: li's code used by Telegram user 5000001
        code = await links.issue(uow, "wecom", "li", wc)
        await links.redeem(uow, "telegram", "5000001", 5000001, code)
        await uow.commit()
    assert await book.user("li") == wc  # cached, still fresh
    now[0] += 31
    assert await book.user("li") == 5000001
    assert await book.target(5000001) == ("user", "li")


async def test_the_sender_retries_when_the_identity_table_cannot_be_read() -> None:
    """A store that fails is a transient outcome for the outbox (retried), not a lost message; an
    id nobody has is unreachable."""
    import pytest
    from sqlalchemy.exc import OperationalError

    from bot.outbox import Outgoing, TransientError, Unreachable
    from handlers.wecom.callback import ReplyBook
    from handlers.wecom.ids import Known
    from handlers.wecom.transport import WeComTransport

    class Down:
        async def record(self, kind: str, external_id: str, numbers: object) -> Known:
            raise OperationalError("select", {}, Exception("database is locked"))

        async def by_number(self, number: int) -> Known | None:
            raise OperationalError("select", {}, Exception("database is locked"))

    def unused(_: Outgoing) -> object:
        raise AssertionError("nothing is rendered before the id is known")

    message = Outgoing(1, user_number("li"), "test", "zh", {"html": "hi"}, None)
    down = WeComTransport(None, IdBook(Down()), ReplyBook(), unused)  # type: ignore[arg-type]
    with pytest.raises(TransientError):
        await down.deliver(message)
    empty = WeComTransport(None, IdBook(MemoryIds()), ReplyBook(), unused)  # type: ignore[arg-type]
    with pytest.raises(Unreachable):
        await empty.deliver(message)
