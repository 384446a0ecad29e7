"""A rider's and a secretary's trial of WeCom (the real runtime on its emulator), each a test that
failed before its fix:

- WeCom has no photo captions: a photo sent in the private chat, then a line saying what and
  where, opened a case without the photo (the photo was lost; on Telegram too, and an album's);
  a photo just after the report was answered "add a line saying what and where";
- a WeCom group's line @-mentioning the bot with a photo (one mixed message) met silence;
- a private report's place question said "@ me in the group" and "a pin in the private chat";
- a card's description carried up to 1,024 bytes, where WeCom's cards take a short one (a
  textcard's or a news article's description: at most 512 bytes, cut beyond that);
- a staff alert (an urgent case) read in the case's language, not the secretary's own (on WeCom,
  which tells no language, the deployment's default until they write or choose /lang).
"""
from __future__ import annotations

from typing import Any

import pytest

from bot.config import Settings
from tests.conftest import AMY, GROUP, LI, SEC, WANG, buttons, said, two_branches
from tests.e2e.contract.conftest import RunningWeCom
from tests.e2e.contract.wecom_driver import WeComDriver
from tests.factories import new_message, read_case

REPORT = "幸福小区3号门的路灯坏了 晚上黑乎乎的"


def _chinese(text: str) -> bool:
    return any("\u4e00" <= c <= "\u9fff" for c in text)


@pytest.fixture
def settings(settings: Settings) -> Settings:
    from tests.conftest import with_boss
    return with_boss(settings)


async def _sent(tg: WeComDriver, userid: str) -> list[dict[str, Any]]:
    return list((await tg.control("sent", chat=userid))["messages"])


async def test_a_photo_then_a_line_in_private_is_one_report_with_the_photo(
        wecom: tuple[WeComDriver, RunningWeCom], db: Any) -> None:
    tg, _ = wecom
    hint = await said(tg, LI["id"], LI, None, image={"content": "a dark street light"})
    assert "照片" in hint["plain_text"], hint  # what to add: a line saying what and where
    registered = await said(tg, LI["id"], LI, REPORT)
    assert "C-000001" in registered["plain_text"], registered
    case = await read_case(db)
    assert case.photo_file_id and case.photo_file_id.startswith("emu-media-"), case  # was None: the photo lost


async def test_a_photo_just_after_a_report_in_private_is_its_photo(
        wecom: tuple[WeComDriver, RunningWeCom], db: Any) -> None:
    """The other order (a line, then the photo of it): the photo joins the case and the rider hears
    so; it was told to "add a line saying what and where" about a report just registered."""
    tg, _ = wecom
    assert "C-000001" in (await said(tg, LI["id"], LI, REPORT))["plain_text"]
    added = await said(tg, LI["id"], LI, None, image={"content": "the light"})
    assert "C-000001" in added["plain_text"] and "照片已附到" in added["plain_text"], added
    case = await read_case(db)
    assert case.photo_file_id and case.photo_file_id.startswith("emu-media-"), case


async def test_an_old_photo_is_not_another_reports_photo(
        wecom: tuple[WeComDriver, RunningWeCom], db: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """A photo sent long before (beyond the wait) stays out of a later report."""
    import bot.services.albums as albums
    from datetime import timedelta
    tg, _ = wecom
    monkeypatch.setattr(albums, "PHOTO_WAIT", timedelta(seconds=0))
    await said(tg, LI["id"], LI, None, image={"content": "x"})
    await said(tg, LI["id"], LI, REPORT)
    assert (await read_case(db)).photo_file_id is None


async def test_a_long_card_keeps_its_description_short_and_its_text_reachable(
        wecom: tuple[WeComDriver, RunningWeCom]) -> None:
    """The secretary's case card (a long report, its facts and buttons): the card's description
    is at most 512 bytes, cut on a character with "…", and the whole text follows it."""
    tg, _ = wecom
    await two_branches(tg, LI)
    long_report = ("幸福小区3号门的路灯坏了，晚上黑乎乎的，" + "电动车进出很危险，老人小孩经过都要摸黑，" * 8
                   + "麻烦尽快修好末尾")
    await said(tg, GROUP, LI, long_report)
    await read_case_number(tg)
    card = await said(tg, SEC["id"], SEC, "/case C-000001")
    assert "ca:1:accept" in buttons(card), card
    raw = [m for m in await _sent(tg, f"u{SEC['id']}") if m["msgtype"] == "template_card"][-1]
    desc = raw["body"]["template_card"]["main_title"]["desc"]
    assert len(desc.encode()) <= 512 and desc.endswith("…"), (len(desc.encode()), desc)
    whole = await new_message(tg, SEC["id"], 0, "麻烦尽快修好末尾", field="plain_text")
    assert whole["msgtype"] == "markdown", whole


async def read_case_number(tg: WeComDriver) -> None:
    await new_message(tg, GROUP["id"], 0, "C-000001", field="plain_text")


async def test_an_urgent_alert_reaches_a_wecom_secretary_in_their_language(
        wecom: tuple[WeComDriver, RunningWeCom]) -> None:
    """Amy reports in English; the secretary of her branch, who has only sent /start on WeCom
    (no language told), is alerted in the deployment's language (zh), not in the case's."""
    tg, _ = wecom
    await two_branches(tg, AMY)
    before = len(await tg.messages(SEC["id"]))
    report = await said(tg, GROUP, AMY, "Manhole cover missing on Keyuan Rd near the metro exit, someone will get hurt")
    assert "Case" in report["plain_text"], report
    alert = await new_message(tg, SEC["id"], before, "C-000001", field="plain_text")
    assert _chinese(alert["plain_text"]) and "紧急" in alert["plain_text"], alert


async def test_telegram_photos_without_a_caption_then_a_line_in_private_are_its_photos(bot: Any, tg: Any,
                                                                                      db: Any) -> None:
    """The same on Telegram, where a rider may caption but need not: a photo, then the line; an
    album without a caption (its hint says "…也可以直接发文字"), then the line."""
    from tests.conftest import private
    from tests.e2e.test_telegram_real import emu
    await said(tg, LI["id"], LI, "/start")
    hint = await said(tg, LI["id"], LI, None, photo="light.jpg")
    assert "照片" in hint["plain_text"], hint
    assert "C-000001" in (await said(tg, LI["id"], LI, REPORT))["plain_text"]
    assert (await read_case(db)).photo_file_id  # was None
    await emu(tg, "album", chat=private(LI), **{"from": LI}, photos=2)
    await tg.wait(LI["id"], 4)  # the album's one hint
    second = await said(tg, LI["id"], LI, "科苑路地铁站B口的井盖没了 很危险")
    assert "C-000002" in second["plain_text"], second
    async with db() as s:
        from sqlmodel import select
        from storage.models import Case
        case = (await s.exec(select(Case).where(Case.id == 2))).one()
    assert case.photo_file_id and len(case.photos or []) == 1, case  # both photos (were lost)


async def test_a_wecom_group_report_with_a_photo_is_read_and_the_photo_comes_privately(
        wecom: tuple[WeComDriver, RunningWeCom], db: Any) -> None:
    """In a WeCom group a rider @-mentions the bot with a line and a photo (one mixed message):
    it met silence and no case. The line is the report now (its photo is kept too:
    tests/e2e/test_wecom_group_cards_photos.py); a photo sent in the private chat joins the case."""
    tg, _ = wecom
    registered = await said(tg, GROUP, LI, REPORT, image={"content": "the light"})
    assert "C-000001" in registered["plain_text"], registered
    added = await said(tg, LI["id"], LI, None, image={"content": "the light"})
    assert "C-000001" in added["plain_text"] and "照片已附到" in added["plain_text"], added
    case = await read_case(db)
    assert case.chat_id == GROUP["id"] and case.photo_file_id and case.photo_file_id.startswith("emu-media-")


async def test_a_photo_alone_in_a_wecom_group_is_not_answered(wecom: tuple[WeComDriver, RunningWeCom]) -> None:
    """A group's photo alone never reaches the AI bot: the group hears nothing (no chit-chat answer)."""
    tg, _ = wecom
    sent = await tg.send(GROUP, LI, None, image={"content": "lunch"})
    assert sent["status"] is None  # not delivered to the bot at all
    answer = await said(tg, GROUP, LI, REPORT)  # the next answer there is the report's
    assert "C-000001" in answer["plain_text"], answer


async def test_a_private_report_on_wecom_is_asked_for_its_place_in_private_words(
        wecom: tuple[WeComDriver, RunningWeCom]) -> None:
    """A report in the private chat asked the rider to "@ me in the group" and to send a pin "in the
    private chat", the chat they were in; the group's question keeps those words."""
    tg, _ = wecom
    asked = (await said(tg, LI["id"], LI, "井盖没了 晚上很危险"))["plain_text"]
    assert "还缺地点" in asked and "@我" not in asked and "私聊里" not in asked, asked
    fix = (await said(tg, LI["id"], LI, "/report 光华路井盖松了"))["plain_text"]
    assert "地点不对" in fix and "@我" not in fix, fix
    group = (await said(tg, GROUP, WANG, "路灯又不亮了 黑灯瞎火的"))["plain_text"]
    assert "在群里请 @我" in group and "私聊里发一个位置" in group, group


async def test_a_photo_then_a_line_confirmed_a_report_is_one_report_with_the_photo(
        wecom: tuple[WeComDriver, RunningWeCom], db: Any) -> None:
    """A photo, then a vague line the bot asks about ("是，上报 / 不是"): "是" opens the case with the photo."""
    from tests.e2e.test_cases import _unsure_line
    tg, _ = wecom
    await said(tg, LI["id"], LI, None, image={"content": "something on the road"})
    asked = await said(tg, LI["id"], LI, _unsure_line())
    assert "rp:1:y" in buttons(asked), asked
    await tg.press(LI["id"], asked["message_id"], LI, "rp:1:y")
    await new_message(tg, LI["id"], 0, "C-000001", field="plain_text")
    case = await read_case(db)
    assert case.photo_file_id and case.photo_file_id.startswith("emu-media-"), case  # was None
