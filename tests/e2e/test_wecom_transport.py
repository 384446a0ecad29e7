"""The outbox's WeCom transport against the emulator: routes (private, AI-bot answer, app group),
markup, buttons as template cards whose presses come back, errcodes as outcomes."""
from __future__ import annotations

import base64
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import pytest

from bot.domain import IncomingMessage
from bot.outbox import CREATE_TOPIC, EDIT, Outgoing, PermanentError, RetryLater, Unreachable
from emulator.wecom import WeComEmulator
from handlers.wecom.client import WeComClient
from bot.events import ButtonPress
from handlers.wecom.markup import to_markdown, to_plain
from handlers.wecom.transport import WeComTransport, cards
from tests.e2e.wecom_bot import Bot, control, running_emulator, stored_bot


@dataclass
class Shown:
    text: str
    buttons: list[list[tuple[str, str]]] | None = None
    photo: str | None = None
    voice: str | None = None
    force_reply: bool = False


def render(message: Outgoing) -> Shown:
    """A stand-in for the renderer: the payload says what to show."""
    p = message.payload
    return Shown(p["html"], p.get("buttons"), p.get("photo"))


def out(chat_id: int, html: str, n: int = 1, reply_to: int | None = None, **payload: Any) -> Outgoing:
    return Outgoing(n, chat_id, "test", "zh", {"html": html, **payload}, reply_to)


@pytest.fixture
async def emu() -> AsyncIterator[WeComEmulator]:
    async with running_emulator() as e:
        yield e


@pytest.fixture
async def bot(emu: WeComEmulator, database_url: str) -> AsyncIterator[Bot]:
    async with stored_bot(emu, database_url) as b:
        yield b


@pytest.fixture
async def transport(emu: WeComEmulator, bot: Bot) -> AsyncIterator[WeComTransport]:
    client = WeComClient(emu.config.corp_id, emu.config.corp_secret, emu.config.agent_id, base_url=emu.base_url)
    yield WeComTransport(client, bot.ids, bot.replies, render, bot.callback.cards)
    await client.close()


def test_markup() -> None:
    html = '<b>C-000001</b> 已登记 &lt;路灯&gt;\n地点：<a href="https://x.org/1">光华路</a> <i>请确认</i>'
    assert to_markdown(html) == "**C-000001** 已登记 <路灯>\n地点：[光华路](https://x.org/1) 请确认"
    assert to_plain(html) == "C-000001 已登记 <路灯>\n地点：光华路 请确认"
    many = cards("o9", "<b>选择部门</b>\n共 8 个", [[(f"部门{i}", f"as:1:{i}")] for i in range(8)])
    assert [len(c["button_list"]) for _, c in many] == [4, 4]  # as even as the cards allow
    assert many[0][1]["main_title"] == {"title": "选择部门（1/2）", "desc": "共 8 个"}
    assert many[1][1]["main_title"] == {"title": "选择部门（2/2）", "desc": ""}  # was "…"
    assert len({c["task_id"] for _, c in many}) == 2


async def test_private_notice_and_its_buttons(emu: WeComEmulator, bot: Bot, transport: WeComTransport) -> None:
    await control(emu, "send", {"from": "li", "text": "hi"})  # the bot learns li's id from a callback
    li = bot.events[0].chat_id  # type: ignore[union-attr]
    await transport.deliver(out(li, "<b>C-000001</b> 已登记", 1))
    await transport.deliver(out(li, "C-000001 已解决？", 2, buttons=[[("✅ 解决了", "cf:1:y"), ("❌", "cf:1:n")]]))
    sent = (await control(emu, "sent", query={"chat": "li"}))["messages"]
    assert [(m["msgtype"], m["text"]) for m in sent] == [("markdown", "**C-000001** 已登记"), ("template_card", None)]
    task = sent[1]["body"]["template_card"]["task_id"]
    await control(emu, "press", {"task_id": task, "key": "cf:1:y", "from": "li"})
    press = bot.events[-1]
    assert isinstance(press, ButtonPress) and (press.chat_id, press.raw_data) == (li, "cf:1:y")
    # the card's message is known (the first send's msgid): settling it updates the card
    assert press.message_id is not None and press.editable


async def test_group_answer_goes_through_the_response_url_once(emu: WeComEmulator, bot: Bot,
                                                               transport: WeComTransport) -> None:
    await control(emu, "send", {"from": "li", "chat": "wrNorth", "text": "路灯坏了"})
    report = bot.events[0]
    assert isinstance(report, IncomingMessage)
    await transport.deliver(out(report.chat_id, "已登记 <b>C-000001</b>", 1, reply_to=report.message_id))
    [answer] = (await control(emu, "sent", query={"chat": "wrNorth"}))["messages"]
    assert (answer["via"], answer["text"]) == ("aibot/response", "已登记 **C-000001**")
    # news later, answering nothing new: an AI-bot group cannot take it; that message fails, the group stays
    with pytest.raises(PermanentError) as e:
        await transport.deliver(out(report.chat_id, "C-000001 已受理", 2, reply_to=report.message_id))
    assert not isinstance(e.value, Unreachable)


async def test_app_group_gets_appchat(emu: WeComEmulator, bot: Bot, transport: WeComTransport) -> None:
    chatid = await transport.client.create_group("骑手北区公告", "wang", ["wang", "li"])
    chat = await bot.ids.chat(chatid)
    await transport.deliver(out(chat, "📋 <b>本周</b>微党课", 1, buttons=[[("✅", "ls:1")]],
                                document={"name": "cases.csv", "data": base64.b64encode(b"a,b").decode()}))
    sent = (await control(emu, "sent", query={"chat": chatid}))["messages"]
    assert [(m["via"], m["msgtype"]) for m in sent] == [("appchat/send", "markdown"), ("appchat/send", "file")]
    assert sent[0]["text"] == "📋 **本周**微党课"


async def test_outcomes_through_deliver(emu: WeComEmulator, bot: Bot, transport: WeComTransport) -> None:
    await control(emu, "send", {"from": "li", "text": "hi"})
    li = bot.events[0].chat_id  # type: ignore[union-attr]
    await control(emu, "fault", {"api": "message/send", "errcode": 45009})
    with pytest.raises(RetryLater):
        await transport.deliver(out(li, "a"))
    with pytest.raises(Unreachable):  # an id this process never saw
        await transport.deliver(out(123456, "a"))
    with pytest.raises(PermanentError):
        await transport.deliver(Outgoing(3, li, "topic", "zh", {"html": "a", CREATE_TOPIC: "C-000001"}, None))
    await transport.deliver(out(li, "after"))
    assert [m["text"] for m in (await control(emu, "sent", query={"chat": "li"}))["messages"]] == ["after"]


async def test_a_decision_settles_the_card(emu: WeComEmulator, bot: Bot, transport: WeComTransport) -> None:
    """The outbox's EDIT of a message with buttons: the card's buttons become the decision's line,
    once per response code — after a press with the press's code, else with the send's."""
    await control(emu, "send", {"from": "li", "text": "hi"})
    li = bot.events[0].chat_id  # type: ignore[union-attr]
    asked = await transport.deliver(out(li, "C-000001 已解决？", 2, buttons=[[("✅", "cf:1:y"), ("❌", "cf:1:n")]]))
    untouched = await transport.deliver(out(li, "C-000002 已解决？", 3, buttons=[[("✅", "cf:2:y")]]))
    assert asked is not None and untouched is not None
    cards = (await control(emu, "sent", query={"chat": "li"}))["messages"]
    await control(emu, "press", {"task_id": cards[0]["body"]["template_card"]["task_id"], "key": "cf:1:y",
                                 "from": "li"})
    settle = {"html": "C-000001 已解决？\n李 确认：已解决", EDIT: asked}
    assert await transport.deliver(Outgoing(4, li, "settled", "zh", settle, None)) == asked
    assert await transport.deliver(Outgoing(5, li, "settled", "zh", settle, None)) == asked  # nothing left to do
    await transport.deliver(Outgoing(6, li, "settled", "zh", {"html": "过期", EDIT: untouched}, None))
    cards = (await control(emu, "sent", query={"chat": "li"}))["messages"]
    assert [c["replaced"] for c in cards] == ["李 确认：已解决", "过期"]
    assert emu.state.calls["message/update_template_card"] == 2 and not emu.state.errors
