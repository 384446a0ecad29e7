"""WeCom groups, tried from outside (the real runtime on its emulator), each a test that failed
before its fix:

- a group's line @-mentioning the bot with a photo (one mixed message, 图文混排) opened a case
  without the photo: the AI bot's image, an encrypted URL valid for minutes, was never fetched,
  where a photo sent privately is kept (its media_id);
- a mixed message with several photos kept only the first: the others were never fetched;
- a group's button card (a case's card a secretary acts on) kept its buttons after a press: the card
  was never marked decided (in private its buttons become the decision), so everyone there still saw
  live buttons to press again;
- "is this a report?" (是，上报 / 不是) kept its buttons after the rider's answer, on every platform:
  the answer never settled the question, so it stayed open to look at and to press again.
"""
from __future__ import annotations

from typing import Any

import pytest

from bot.config import Settings
from tests.conftest import GROUP, LI, SEC, buttons, said, two_branches, until, with_boss
from tests.e2e.contract.conftest import RunningWeCom
from tests.e2e.contract.wecom_driver import WeComDriver
from tests.factories import read_case, read_cases

REPORT = "幸福小区3号门的路灯坏了 晚上黑乎乎的"


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return with_boss(settings)


async def _media(tg: WeComDriver, media_id: str) -> bytes:
    """A media_id's bytes, read back the way the bot reads them (gettoken, media/get)."""
    c = tg.emu.config
    async with tg.http.get(f"{tg.base_url}/cgi-bin/gettoken",
                           params={"corpid": c.corp_id, "corpsecret": c.corp_secret}) as r:
        token = (await r.json())["access_token"]
    async with tg.http.get(f"{tg.base_url}/cgi-bin/media/get",
                           params={"access_token": token, "media_id": media_id}) as r:
        return await r.read()


async def test_a_group_report_with_a_photo_keeps_its_photo(wecom: tuple[WeComDriver, RunningWeCom], db: Any) -> None:
    tg, _ = wecom
    registered = await said(tg, GROUP, LI, REPORT, image={"content": "the dark street light"})
    assert "C-000001" in registered["plain_text"], registered
    case = await read_case(db)
    assert case.chat_id == GROUP["id"] and case.photo_file_id, case  # was None: the photo never fetched
    assert await _media(tg, case.photo_file_id) == b"the dark street light"  # the photo itself, decrypted


@pytest.mark.parametrize("deliveries", [1, 2], ids=["once", "retried"])
async def test_a_group_report_with_several_photos_keeps_them_all(
        wecom: tuple[WeComDriver, RunningWeCom], db: Any, deliveries: int) -> None:
    """One mixed message, a line and three photos: one case, one answer, every photo kept in order,
    once each, however often WeCom delivers the callback."""
    tg, _ = wecom
    shots = [{"content": f"photo {n}"} for n in (1, 2, 3)]
    registered = await said(tg, GROUP, LI, REPORT, images=shots, deliveries=deliveries)
    assert "C-000001" in registered["plain_text"], registered

    async def all_kept() -> Any:
        case = await read_case(db)
        return case if len([case.photo_file_id, *(case.photos or [])]) == 3 else None
    case = await until(all_kept)  # photos 2 and 3 were never fetched
    kept = [await _media(tg, str(p)) for p in [case.photo_file_id, *(case.photos or [])]]
    assert kept == [b"photo 1", b"photo 2", b"photo 3"], kept
    assert len(await read_cases(db)) == 1
    bot_lines = [m for m in await tg.messages(GROUP["id"]) if "C-000001" in m.get("plain_text", "")]
    assert len(bot_lines) == 1, bot_lines  # one answer for the message, not one per photo


async def _card(tg: WeComDriver, chat_id: int, task_id: str) -> dict[str, Any]:
    return next(m for m in await tg.messages(chat_id) if m["task_id"] == task_id)


async def test_a_group_case_card_shows_its_decision_after_a_press(
        wecom: tuple[WeComDriver, RunningWeCom], db: Any) -> None:
    """A secretary asks for a case in the group; its card (the AI bot's answer) is pressed: the card's
    buttons become the decision, for everyone there, and the old card offers nothing to press again."""
    tg, _ = wecom
    await two_branches(tg, LI)
    assert "C-000001" in (await said(tg, GROUP, LI, REPORT))["plain_text"]
    card = await said(tg, GROUP, SEC, "/case C-000001")
    assert "ca:1:accept" in buttons(card) and card["via"] == "aibot/response", card
    await tg.press(GROUP["id"], card["message_id"], SEC, "ca:1:accept")

    async def decided() -> dict[str, Any] | None:
        now = await _card(tg, GROUP["id"], card["task_id"])
        return now if not now["reply_markup"] else None
    now = await until(decided)  # its buttons stayed live: the card was never updated
    decision = now["plain_text"].splitlines()[-1]
    assert "已由" in decision and "受理" in decision, now  # who decided what, on the card
    assert (await read_case(db)).status != "new"


@pytest.fixture
def edits_held(monkeypatch: pytest.MonkeyPatch) -> None:
    """The sender never gets to a settling edit (a busy group's window stays full past WeCom's 5 s)."""
    from bot.outbox import TransientError
    from handlers.wecom.transport import WeComTransport

    async def held(self: WeComTransport, message: Any, rendered: Any) -> int:
        raise TransientError("the group's window is full")
    monkeypatch.setattr(WeComTransport, "_settle", held)


async def test_a_group_card_shows_its_decision_while_the_sender_is_held_back(
        wecom: tuple[WeComDriver, RunningWeCom], db: Any, edits_held: None) -> None:
    """The press's reply updates the card (WeCom's only way for a group's card, within 5 s) with the
    decision the press committed, not with what the sender delivers later: behind a busy group's
    pacing that came too late, and the card kept its buttons."""
    tg, _ = wecom
    await two_branches(tg, LI)
    assert "C-000001" in (await said(tg, GROUP, LI, REPORT))["plain_text"]
    card = await said(tg, GROUP, SEC, "/case C-000001")
    await tg.press(GROUP["id"], card["message_id"], SEC, "ca:1:accept")
    now = await _card(tg, GROUP["id"], card["task_id"])
    assert not now["reply_markup"], now  # kept its buttons: the reply waited for the sender
    decision = now["plain_text"].splitlines()[-1]
    assert "已由" in decision and "受理" in decision, now


async def test_a_group_question_shows_the_riders_answer(wecom: tuple[WeComDriver, RunningWeCom], db: Any) -> None:
    from tests.e2e.test_cases import _unsure_line
    tg, _ = wecom
    asked = await said(tg, GROUP, LI, _unsure_line())
    assert "rp:1:y" in buttons(asked) and asked["via"] == "aibot/response", asked
    await tg.press(GROUP["id"], asked["message_id"], LI, "rp:1:y")

    async def decided() -> dict[str, Any] | None:
        now = await _card(tg, GROUP["id"], asked["task_id"])
        return now if not now["reply_markup"] else None
    now = await until(decided)  # its buttons stayed: the answer never settled the question
    assert "是，上报" in now["plain_text"].splitlines()[-1], now
    assert (await read_case(db)).chat_id == GROUP["id"]
