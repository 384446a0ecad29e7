"""The reporter's word on a fix typed under the question, without Reply, through the real bot on its
Telegram and WeCom emulators, SQLite and PostgreSQL. Amy, told privately 'Case C-000001 has been
resolved… Please confirm, or reopen it', typed 'no, it's still broken': it became a NEW case C-000002
(Road damage, asking for a place), and 'yes it's fixed, thanks' got the manual; the case stayed
'Resolved, awaiting confirmation'. On WeCom, which gives a bot no replies, 李师傅's '还是不亮' and
'修好了，谢谢' went the same way: the words were read only in reply to the bot's message. Now a clear
yes or no from the reporter, while the resolved case's message is the bot's last word in the chat,
confirms or reopens it as the buttons do; anything else still goes where it went."""
from __future__ import annotations

import asyncio
from typing import Any

import pytest

from bot.config import Settings
from tests.conftest import AMY, GROUP, LI, SEC, private, said, two_branches, until, with_boss
from tests.e2e.contract.conftest import RunningWeCom
from tests.e2e.contract.wecom_driver import WeComDriver
from tests.factories import read_case, read_cases, read_cases_at_least


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return with_boss(settings)


async def _resolved(tg: Any, who: dict[str, Any], note: str) -> None:
    """SEC resolves C-000001; once its reporter has heard it privately."""
    before = len(await tg.messages(who["id"]))
    await tg.send(private(SEC), SEC, f"/resolve C-000001 {note}")
    await tg.wait(who["id"], before + 1)


async def _status(db: Any, status: str) -> Any:
    async def reached() -> Any:
        case = await read_case(db)
        return case if case.status == status else None
    return await until(reached)


async def _walk(tg: Any, db: Any, who: dict[str, Any], report: str, still: str, fixed: str) -> None:
    await two_branches(tg, who)
    await said(tg, GROUP, who, report)
    await read_cases_at_least(db, 1)
    await tg.send(private(SEC), SEC, "/accept C-000001")
    await _status(db, "accepted")
    await _resolved(tg, who, "done")

    await tg.send(private(who), who, still)
    case = await _status(db, "in_progress")
    assert case.reopens == 1
    await _resolved(tg, who, "done again")
    await tg.send(private(who), who, fixed)
    await _status(db, "closed")
    await asyncio.sleep(0.5)
    assert len(await read_cases(db)) == 1  # neither word became a report of its own


async def test_english_words_confirm_and_reopen_on_telegram(bot: Any, tg: Any, db: Any) -> None:
    await _walk(tg, db, AMY, "big pothole on Keyuan Road outside the metro station",
                "no, it's still broken", "yes it's fixed, thanks")


async def test_chinese_words_confirm_and_reopen_on_wecom(wecom: tuple[WeComDriver, RunningWeCom], db: Any) -> None:
    await _walk(wecom[0], db, LI, "幸福小区3号门的路灯坏了 晚上黑乎乎的", "还是不亮", "修好了，谢谢")


async def test_english_words_on_wecom(wecom: tuple[WeComDriver, RunningWeCom], db: Any) -> None:
    await _walk(wecom[0], db, AMY, "big pothole on Keyuan Road outside the metro station",
                "no, it's still broken", "yes it's fixed, thanks")


async def test_a_word_once_the_bot_has_said_something_else_is_no_verdict(bot: Any, tg: Any, db: Any) -> None:
    """'ok' after another answer (/me) is no word on the fix: the case waits for the reporter's."""
    await two_branches(tg, LI)
    await said(tg, GROUP, LI, "幸福小区3号门的路灯坏了 晚上黑乎乎的")
    await read_cases_at_least(db, 1)
    await tg.send(private(SEC), SEC, "/accept C-000001")
    await _status(db, "accepted")
    await _resolved(tg, LI, "done")
    await said(tg, LI["id"], LI, "/me")
    await said(tg, LI["id"], LI, "ok")
    assert (await read_case(db)).status == "resolved"


async def test_another_problem_after_the_question_is_its_own_report(bot: Any, tg: Any, db: Any) -> None:
    """A report of another kind, or of another place, typed under the question is no word on the fix."""
    await two_branches(tg, AMY)
    await said(tg, GROUP, AMY, "big pothole on Keyuan Road outside the metro station")
    await read_cases_at_least(db, 1)
    await tg.send(private(SEC), SEC, "/accept C-000001")
    await _status(db, "accepted")
    await _resolved(tg, AMY, "done")
    await said(tg, AMY["id"], AMY, "traffic light broken at Jianshe Road")
    await read_cases_at_least(db, 2)
    assert (await read_case(db)).status == "resolved"
