"""Shared factories for tests: reports and cases, made the way the product makes them (a rider posts
through the emulator), and read back from the real database. The people, groups and branches they
use are `tests.conftest`'s (LI, GROUP, SEC… and `two_branches`).

Why: every end-to-end module used to carry its own copy of "read case N", "the bot's next message
that says X" and "a rider reports this"; one copy here keeps them the same everywhere.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlmodel import select

from emulator.client import EmulatorClient
from storage.models import Case
from tests.conftest import GROUP, LI, SEC, said, until

Chat = dict[str, Any]
Person = dict[str, Any]


async def read_case(db: Any, case_id: int = 1) -> Case:
    """Case `case_id` as the database has it now (never a stale identity-map copy)."""
    async with db() as s:
        stmt = select(Case).where(Case.id == case_id).execution_options(populate_existing=True)
        return (await s.exec(stmt)).one()


async def read_cases(db: Any) -> list[Case]:
    """Every case, oldest first."""
    async with db() as s:
        return list((await s.exec(select(Case).order_by(Case.id))).all())


async def read_cases_at_least(db: Any, n: int) -> list[Case]:
    """Every case, once there are at least `n` of them (the bot commits after it answers)."""
    async def enough() -> list[Case] | None:
        found = await read_cases(db)
        return found if len(found) >= n else None
    result: list[Case] = await until(enough)
    return result


async def new_message(tg: EmulatorClient, chat_id: int, before: int,
                      match: str | Callable[[dict[str, Any]], bool] = "", *, field: str = "text",
                      timeout: float = 15.0) -> dict[str, Any]:
    """The bot's first message in `chat_id` after the first `before`, whose `field` ("text", or
    "plain_text": without markup) contains `match` (or for which `match(message)` is true), once it
    has arrived within `timeout` seconds."""
    def fits(m: dict[str, Any]) -> bool:
        return match(m) if callable(match) else match in (m.get(field) or "")

    async def found() -> dict[str, Any] | None:
        return next((m for m in (await tg.messages(chat_id))[before:] if fits(m)), None)
    message: dict[str, Any] = await until(found, timeout=timeout)
    return message


async def alerted(tg: EmulatorClient, chat_id: int, case_no: str) -> dict[str, Any]:
    """The staff alert about case `case_no` ("C-000002": an urgent case's) in `chat_id`, once it has
    arrived. An alert reaches a secretary's chat on its own time, after the group's answer on a loaded
    machine: a test waits for it before taking the secretary's next message as an answer (`said`)."""
    return await new_message(tg, chat_id, 0, case_no, field="plain_text")


async def answer_text(tg: EmulatorClient, chat: Chat | int, who: Person, command: str) -> str:
    """The bot's answer to `command` (plain text): in a private chat (`chat` an id) its next message;
    in a group its reply to the command (announcements may come between)."""
    if isinstance(chat, int):
        return str((await said(tg, chat, who, command))["plain_text"])
    sent = await tg.send(chat, who, command)

    async def answer() -> dict[str, Any] | None:
        return next((m for m in await tg.messages(chat["id"])
                     if m.get("reply_to_message_id") == sent["message_id"]), None)
    return str((await until(answer, timeout=30))["plain_text"])


async def propose(tg: EmulatorClient, who: Person, text: str, number: int, chat: Chat = GROUP,
                  timeout: float = 30.0) -> dict[str, Any]:
    """`who` proposes (`/propose text`) in `chat`; the card of proposal `number`, once posted there."""
    await tg.send(chat, who, f"/propose {text}")
    return await new_message(tg, chat["id"], 0, f"#{number}", field="plain_text", timeout=timeout)


async def open_vote(tg: EmulatorClient, number: int, options: str = "") -> None:
    """SEC puts proposal `number` on the agenda and opens its vote (quorum 1; `options` as typed)."""
    assert "上议程" in await answer_text(tg, SEC["id"], SEC, f"/proposal {number} agenda")
    assert "开始表决" in await answer_text(tg, SEC["id"], SEC, f"/proposal {number} vote quorum=1 {options}".strip())


async def posted_survey(tg: EmulatorClient, command: str = "/survey new 午休点选哪里？| 驿站 | 公园 | 商场",
                        number: int = 1) -> dict[str, Any]:
    """SEC opens a survey (by default: where to rest at noon, three places); its question once posted in GROUP."""
    await said(tg, SEC["id"], SEC, command)

    async def posted() -> dict[str, Any] | None:
        return next((m for m in await tg.messages(GROUP["id"]) if f"问卷 #{number}" in m["plain_text"]), None)
    return await until(posted)


async def message_to(tg: EmulatorClient, who: Person, words: str) -> str:
    """The first message in `who`'s private chat that holds `words` (waited for)."""
    async def found() -> str | None:
        return next((m["plain_text"] for m in await tg.messages(who["id"]) if words in m["plain_text"]), None)
    return await until(found)


STREET_LIGHT = "幸福小区3号门的路灯坏了 晚上黑乎乎的"


async def report(tg: EmulatorClient, chat: Chat = GROUP, who: Person = LI, text: str = STREET_LIGHT) -> dict[str, Any]:
    """`who` posts a report in `chat` (by default: LI, a broken street light, in GROUP); the bot's
    next message there (the case's answer, or its question)."""
    return await said(tg, chat, who, text)


async def download(tg: EmulatorClient, file_id: str) -> bytes:
    """A file the bot sent (a document's file id), as the Bot API serves it: getFile, then the file path."""
    async with tg.http.get(f"{tg.base_url}/bot{tg.token}/getFile", params={"file_id": file_id}) as r:
        path = (await r.json())["result"]["file_path"]
    async with tg.http.get(f"{tg.base_url}/file/bot{tg.token}/{path}") as r:
        assert r.status == 200
        return await r.read()


async def blocks_the_bot(tg: EmulatorClient, db: Any, user: dict[str, Any]) -> None:
    """`user` blocks the bot, Telegram tells it (my_chat_member), and the bot has noted it."""
    from storage.models import Chat
    await tg.block(user["id"], True, notify=True)

    async def noted() -> bool:
        async with db() as s:
            found = await s.get(Chat, user["id"])
            return found is not None and found.blocked
    await until(noted)
