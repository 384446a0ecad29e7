"""A WeCom member's language without a lookup of its own (handlers/wecom/runtime.py `_lang`,
bot.services.people.reply_lang): WeCom tells no language, so a member's text carries the language
it is written in (stored as their language_code), and a command or a press carries none and is
answered in the stored one, read by the update's own unit of work: no extra transaction for it."""
from __future__ import annotations

import sys
from typing import Any

import pytest

from bot.config import Settings
from handlers.wecom.runtime import WeComReceiver
from tests.conftest import AMY, GROUP, GROUP_B, LI, SEC_B, buttons, said, two_branches, until, with_boss
from tests.e2e.contract.conftest import RunningWeCom
from tests.e2e.contract.wecom_driver import WeComDriver
from tests.factories import alerted


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return with_boss(settings)


def units_of_the_receiver(core: Any, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The units of work the WeCom receiver opens while handling a callback (its `handle`, and
    whatever it awaits), from now on; the sender's and the jobs' own are not counted."""
    opened: list[str] = []
    real = core.uow

    def counting() -> Any:
        frame = sys._getframe(1)
        while frame is not None:
            if frame.f_code is WeComReceiver.handle.__code__:
                opened.append(sys._getframe(1).f_code.co_name)
                break
            frame = frame.f_back  # type: ignore[assignment]
        return real()
    monkeypatch.setattr(core, "uow", counting)
    return opened


async def test_a_command_reads_the_members_language_in_its_own_unit_of_work(
        wecom: tuple[WeComDriver, RunningWeCom], monkeypatch: pytest.MonkeyPatch) -> None:
    tg, running = wecom
    report = await said(tg, GROUP_B, AMY, "Manhole cover missing on Keyuan Rd near the metro exit, someone will get hurt")
    assert "Case" in report["plain_text"], report
    opened = units_of_the_receiver(running.core, monkeypatch)
    mine = await said(tg, AMY["id"], AMY, "/mycases")
    assert "Your cases" in mine["plain_text"], mine  # the language she last wrote in
    assert opened == ["once"], opened  # the update's own unit of work, none just to read her language
    # a command typed by a Chinese input method (full-width slash) says no language either: LI, who
    # writes Chinese, is answered in Chinese, and his stored language stays Chinese
    await said(tg, GROUP, LI, "幸福小区3号门的路灯坏了 晚上黑乎乎的")
    assert "积分" in (await said(tg, LI["id"], LI, "／me"))["plain_text"]
    assert "积分" in (await said(tg, LI["id"], LI, "/me"))["plain_text"]


async def test_a_press_is_answered_in_the_members_language_without_a_lookup(
        wecom: tuple[WeComDriver, RunningWeCom], monkeypatch: pytest.MonkeyPatch) -> None:
    """Amy, who writes English, presses a secretary's button (not hers to press): the refusal
    reaches her privately in English, and the press opened one unit of work."""
    tg, running = wecom
    await two_branches(tg, AMY)
    await said(tg, GROUP_B, AMY, "Manhole cover missing on Keyuan Rd near the metro exit, someone will get hurt")
    await alerted(tg, SEC_B["id"], "C-000001")  # urgent: before it, the secretary's next message may be its alert
    card = await said(tg, SEC_B["id"], SEC_B, "/case C-000001")
    assert "ca:1:accept" in buttons(card), card
    before = len(await tg.messages(AMY["id"]))
    opened = units_of_the_receiver(running.core, monkeypatch)
    await tg.press(SEC_B["id"], card["message_id"], AMY, "ca:1:accept")
    alert = await until(lambda: _after(tg, AMY["id"], before))
    assert alert["plain_text"] and not any("\u4e00" <= c <= "\u9fff" for c in alert["plain_text"]), alert
    assert opened == ["once"], opened


async def _after(tg: WeComDriver, chat_id: int, before: int) -> dict[str, Any] | None:
    msgs = await tg.messages(chat_id)
    return msgs[before] if len(msgs) > before else None
