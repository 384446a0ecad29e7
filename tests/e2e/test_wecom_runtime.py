"""The WeCom runtime (handlers/wecom/runtime.py) beyond the contract suite: /link joins a WeCom
member to their Telegram person (points and roles follow, the id book forgets its cache at once),
and the outbox paces WeCom's sends at WeCom's own limits (bot/pacers.py, handlers/wecom/limits.py)."""
from __future__ import annotations

import re
from typing import Any

import pytest

from bot.config import Settings
from bot.pacers import pacer_for
from bot.services.identities import LinkService
from handlers.telegram_limits import TELEGRAM
from handlers.wecom.limits import PRIVATE_PER_MINUTE, WECOM
from storage.db import create_engine, session_factory
from storage.uow import UnitOfWork
from tests.conftest import AMY, GROUP, GROUP_B, LI, private, said
from tests.e2e.contract.conftest import RunningWeCom
from tests.e2e.contract.wecom_driver import WeComDriver, external

CODE = re.compile(r"([A-Z0-9]{4}-[A-Z0-9]{4})")
TELEGRAM_LI = 7_000_501  # LI's Telegram account, a user the core knows already


async def test_link_on_wecom_joins_the_telegram_person(wecom: tuple[WeComDriver, RunningWeCom],
                                                       database_url: str, db: Any) -> None:
    tg, running = wecom
    engine = create_engine(database_url)
    sessions = session_factory(engine)
    try:
        async with UnitOfWork(sessions) as uow:  # LI on Telegram asked for a code
            code = await LinkService().issue(uow, "telegram", str(TELEGRAM_LI), TELEGRAM_LI)
            await uow.commit()
        done = await said(tg, LI["id"], LI, f"/link {code}")
        assert "Telegram" in done["plain_text"]
        async with UnitOfWork(sessions) as uow:
            found = await uow.identities.find("wecom", "user", f"u{LI['id']}")
        assert found is not None and found.user_id == TELEGRAM_LI
        # the member's next message is the Telegram person's at once (the id book forgot its cache)
        await tg.send(private(LI), LI, "/start")
        await tg.wait(LI["id"], 2)
        async with UnitOfWork(sessions) as uow:
            assert await uow.users.get(TELEGRAM_LI) is not None
            assert await uow.users.get(LI["id"]) is None  # merged away, not made again
        # and a code asked for on WeCom names WeCom as its platform
        asked = await said(tg, LI["id"], LI, "/link")
        assert CODE.search(asked["plain_text"])
    finally:
        await engine.dispose()


def test_the_pacer_keeps_each_platforms_limits(settings: Settings) -> None:
    wecom = pacer_for(settings, WECOM)
    telegram = pacer_for(settings, TELEGRAM)
    assert wecom.is_group(-1) and not wecom.is_group(1)
    # the test settings pace far above both; WeCom's own per-member cap (30 a minute) still holds
    assert WECOM.private_per_sec == PRIVATE_PER_MINUTE / 60
    assert _private_rate(wecom) == pytest.approx(PRIVATE_PER_MINUTE / 60)
    assert _private_rate(telegram) == settings.sender.private_per_sec


def _private_rate(pacer: Any) -> float:
    """Sends a private chat may get per second: the pacer's (count, window) of private sends."""
    count, window = pacer._private
    return float(count / window)


async def test_a_members_language_is_the_one_they_last_wrote_in(wecom: tuple[WeComDriver, RunningWeCom]) -> None:
    """WeCom tells no language: Amy reports in English in a group, and her /mycases, a command in her
    private chat, is answered in English too (it was the default language, Chinese)."""
    tg, _ = wecom
    report = await said(tg, GROUP_B, AMY, "Manhole cover missing on Keyuan Rd near the metro exit, someone will get hurt")
    assert "Case" in report["plain_text"], report
    mine = await said(tg, AMY["id"], AMY, "/mycases")
    assert "Your cases" in mine["plain_text"], mine
    # before a member wrote any text, a command is answered in the default language
    assert "积分" in (await said(tg, LI["id"], LI, "/me"))["plain_text"]


async def test_an_app_made_group_is_stored_with_its_name(wecom: tuple[WeComDriver, RunningWeCom],
                                                         database_url: str) -> None:
    """The AI bot's callback carries no group name; a group the app made has one (appchat/get)."""
    tg, _ = wecom
    await said(tg, GROUP, LI, "兄弟们 幸福小区3号门下水道堵了 门口一大滩水 电动车过去溅一身")
    engine = create_engine(database_url)
    try:
        async with UnitOfWork(session_factory(engine)) as uow:
            chat = await uow.chats.get(GROUP["id"])
        assert chat is not None and chat.title == external(GROUP["id"])[1]  # the driver names it by its chatid
    finally:
        await engine.dispose()


async def test_answers_say_what_wecom_can_do(wecom: tuple[WeComDriver, RunningWeCom]) -> None:
    """WeCom has no replies and a group hears only @-mentions, and later news goes privately: the
    answers said "每一步进展都会在这里回复你" and "回复本条消息" (bot/locales/*/wecom.ftl)."""
    tg, _running = wecom
    asked = (await said(tg, GROUP, LI, "路灯坏了 晚上黑乎乎的"))["plain_text"]
    assert "还缺地点" in asked and "@我" in asked and "私聊告诉你" in asked, asked
    assert "回复本条消息" not in asked and "在这里回复你" not in asked
    en = (await said(tg, GROUP_B, AMY, "The street light is out, it's pitch dark at night"))["plain_text"]
    assert "@ me in the group" in en and "private chat" in en and "posted here" not in en, en
    start = (await said(tg, private(LI), LI, "/start"))["plain_text"]
    assert "@我" in start and "私聊告诉你" in start, start
