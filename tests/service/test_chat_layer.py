"""The chat layer (handlers/chat.py) on a real database, with no platform at all: neutral events in,
outbox rows and press answers out. What every adapter relies on: commands found by the command
table's names (and only when addressed to us), the table's wrong-place answer, one catch for
Refused (a message answered in its chat, a press answered as an alert and its stale buttons
settled), stale buttons, and an answer said only once the unit of work has committed."""
from __future__ import annotations

from typing import Any

from sqlmodel import select

from bot.buttons import CaseAction
from bot.domain import IncomingMessage, Person
from bot.events import ButtonPress, CommandCall
from bot.outbox import EDIT
from bot.refusals import Refused
from handlers.chat import ChatDispatcher, ChatRoutes
from storage.models import OutboxMessage, User
from tests.service.conftest import Factory

ANN = Person(101, "Ann", language_code="zh")
GROUP = -500


class Port:
    """A ChatPort that knows its name and nothing else."""

    async def username(self) -> str | None:
        return "sentinel_bot"

    async def download(self, file_id: str) -> bytes:
        raise AssertionError("no files here")

    def body(self, message: IncomingMessage, skip: int = 0) -> None:
        return None


def msg(text: str, chat_id: int = GROUP, sender: Person = ANN, **extra: Any) -> IncomingMessage:
    return IncomingMessage(chat_id=chat_id, chat_type="private" if chat_id > 0 else "supergroup", sender=sender,
                           message_id=7, text=text, **extra)


class Presses:
    def __init__(self) -> None:
        self.said: list[tuple[str, bool]] = []

    def press(self, data: Any, **extra: Any) -> ButtonPress:
        async def answer_with(text: str, alert: bool) -> None:
            self.said.append((text, alert))
        return ButtonPress("q1", ANN, data, chat_id=GROUP, chat_type="supergroup", message_id=40,
                           carrier_markup="<b>C-000001</b>", answer_with=answer_with, **extra)


async def run(uows: Factory, chat: ChatDispatcher, event: Any) -> None:
    async with uows() as uow:
        await chat.feed(event, uow, Port())
        await uow.commit()


async def outbox(uows: Factory) -> list[OutboxMessage]:
    async with uows() as uow:
        return list((await uow.session.exec(select(OutboxMessage).order_by(OutboxMessage.id))).all())


def dispatcher(routes: ChatRoutes) -> ChatDispatcher:
    return ChatDispatcher(routes, "zh", {})


async def test_commands_by_the_tables_name_addressed_to_us_refusals_answered_once(uows: Factory) -> None:
    seen: list[CommandCall] = []

    async def top(command: CommandCall, user: User, lang: str) -> None:
        seen.append(command)
        assert user.id == ANN.id and lang == "zh"
        if command.args == "nope":
            raise Refused("top-usage")

    routes = ChatRoutes()
    routes.command(top, "top")
    chat = dispatcher(routes)
    await run(uows, chat, msg("/top week"))
    await run(uows, chat, msg("／TOP，month"))  # as an input method types it: normalised first
    await run(uows, chat, msg("/top@other_bot week"))  # another bot's: not ours
    await run(uows, chat, msg("/top@Sentinel_Bot nope"))  # ours by name, refused
    assert [(c.command, c.args) for c in seen] == [("top", "week"), ("top", "month"), ("top", "nope")]
    [refusal] = await outbox(uows)
    assert (refusal.kind, refusal.chat_id, refusal.reply_to_message_id) == ("top-usage", GROUP, 7)


async def test_the_command_tables_place_is_checked_before_the_handler(uows: Factory) -> None:
    ran: list[str] = []

    async def broadcast(command: CommandCall) -> None:
        ran.append(command.command)

    routes = ChatRoutes()
    routes.command(broadcast, "broadcast")
    await run(uows, dispatcher(routes), msg("/broadcast now hello"))
    assert ran == [] and [m.kind for m in await outbox(uows)] == ["bc-err-private-only"]
    await run(uows, dispatcher(routes), msg("/broadcast now hello", chat_id=ANN.id))
    assert ran == ["broadcast"]


async def test_message_routes_in_order_and_other_bots_unanswered(uows: Factory) -> None:
    took: list[str] = []

    async def first(incoming: IncomingMessage) -> None:
        took.append("first:" + incoming.text)

    async def second(incoming: IncomingMessage, found: int) -> None:
        took.append(f"second:{found}")

    routes = ChatRoutes()
    routes.message(first, lambda incoming: incoming.text.startswith("a"))
    routes.message(second, lambda incoming: {"found": len(incoming.text)})  # a filter may add values
    chat = dispatcher(routes)
    await run(uows, chat, msg("abc"))
    await run(uows, chat, msg("xyz"))
    await run(uows, chat, msg("abc", sender=Person(102, "a bot"), sender_is_bot=True))
    assert took == ["first:abc", "second:3"]


async def test_presses_stale_refused_settled_and_answered_after_commit(uows: Factory) -> None:
    answers = Presses()

    async def press(query: ButtonPress, button: CaseAction) -> None:
        raise Refused("reportin-err-decided", id=3, status="approved", who="Bob")

    routes = ChatRoutes()
    routes.button(press, CaseAction)
    chat = dispatcher(routes)
    async with uows() as uow:  # an unknown button: stale, and said only after the commit
        await chat.feed(answers.press(None, raw_data="zz:1"), uow, Port())
        assert answers.said == []
        await uow.commit()
    assert len(answers.said) == 1 and not answers.said[0][1]
    await run(uows, chat, answers.press(CaseAction(1, "accept")))
    text, alert = answers.said[1]
    assert alert and "已通过" in text and "处理人：Bob" in text
    [settled] = await outbox(uows)  # another secretary decided: this copy's buttons go
    assert settled.kind == "settled" and settled.payload[EDIT] == 40 and settled.payload["key"] == "settled-stale-by"
