"""A send refused while the bot was away from a group, whose refusal is recorded after the group added the
bot back, is sent again (bot.outbox, ChatRepository.refused_since). Before: the re-add (people.set_reachable)
requeued the group's refused news and unmarked it, then the late outcome marked the group blocked again and
left that message refused: a resolved case's news never reached the group (found as a CI flake of
tests/e2e/test_outsider6_readded.py under load). Both databases; the race is made certain by committing
the re-add from inside the transport's refused send."""
from __future__ import annotations

import pytest
from sqlmodel import select

from bot.domain import PRIORITY_CONVERSATION, Notice
from bot.outbox import Outgoing, Sender, Unreachable, enqueue
from bot.pacing import Pacer
from bot.services.people import set_reachable
from handlers.telegram_limits import TELEGRAM
from storage.models import Chat, OutboxMessage
from tests.service.conftest import Factory

GROUP = -100777


class AwayThenBack:
    """Refuses the first send as the platform does for a group without the bot, after committing the
    group's re-add (its update handled while that send was in flight); sends the rest."""
    platform = TELEGRAM

    def __init__(self, uows: Factory) -> None:
        self.uows = uows
        self.calls = 0

    async def deliver(self, message: Outgoing) -> int | None:
        self.calls += 1
        if self.calls == 1:
            async with self.uows() as uow:
                chat = await uow.chats.get(GROUP)
                assert chat is not None
                await set_reachable(uow, chat, True, rejoined=True)  # as a member update does
                await uow.commit()
            raise Unreachable("Forbidden: bot is not a member of the supergroup chat")
        return 500 + self.calls


async def _rows(uows: Factory) -> tuple[list[str], bool]:
    async with uows() as uow:
        rows = (await uow.session.exec(select(OutboxMessage))).all()
        chat = await uow.session.get(Chat, GROUP)
        assert chat is not None
        return [r.status for r in rows], chat.blocked


@pytest.mark.parametrize("told", [True, False], ids=["removal-told", "removal-found-by-a-send"])
async def test_a_refusal_recorded_after_the_group_took_the_bot_back_is_sent_again(uows: Factory, told) -> None:
    async with uows() as uow:
        chat = await uow.chats.ensure(GROUP, "supergroup", "朝阳骑手一群")
        chat.blocked = told  # the removal was told by an update, or is found by this send
        enqueue(uow, Notice(GROUP, "admin-unbind-none", "zh", priority=PRIORITY_CONVERSATION))
        await uow.commit()
    transport = AwayThenBack(uows)
    sender = Sender(uows, transport, Pacer(10_000, 100_000, 1_000, is_group=TELEGRAM.is_group), concurrency=1)
    for _ in range(3):
        await sender.drain_once()
    assert transport.calls == 2, transport.calls
    assert await _rows(uows) == (["sent"], False)


async def test_a_refusal_after_the_re_add_still_marks_the_group(uows: Factory) -> None:
    """Removed again after it was added back: the refusal of a send made after the re-add stands."""
    async with uows() as uow:
        chat = await uow.chats.ensure(GROUP, "supergroup", "朝阳骑手一群")
        chat.blocked = True
        await uow.commit()
    async with uows() as uow:
        chat = await uow.chats.get(GROUP)
        assert chat is not None
        await set_reachable(uow, chat, True)
        enqueue(uow, Notice(GROUP, "admin-unbind-none", "zh", priority=PRIORITY_CONVERSATION))
        await uow.commit()

    class Refusing:
        platform = TELEGRAM

        async def deliver(self, message: Outgoing) -> int | None:
            raise Unreachable("Forbidden: bot was kicked from the supergroup chat")

    sender = Sender(uows, Refusing(), Pacer(10_000, 100_000, 1_000, is_group=TELEGRAM.is_group), concurrency=1)
    await sender.drain_once()
    assert await _rows(uows) == (["blocked"], True)
