"""The hours asked for in a WeCom group, through the real bot on its WeCom emulator, SQLite and
PostgreSQL. 李师傅's '@骑手哨兵 /hours K7MPQ' in the group was asked '「社区清洁」登记多少小时？请直接回复
时长…', but WeCom gives a bot no replies: his answer, the question quoted (引用) with '@骑手哨兵 1.5',
reached the bot as words quoting words, no message id, and nothing took it (he could answer only
in private, where the next message alone is the answer). Now a quote of the question, naming its
activity's code, with an amount is the reply to it, as a reply is on Telegram (the question put to
him: another member's quote of it is not his answer)."""
from __future__ import annotations

from typing import Any

import pytest
from sqlmodel import select

from bot.config import Settings
from storage.models.checkins import VolunteerHours
from tests.conftest import AMY, GROUP, LI, SEC, WANG, said, two_branches, until, with_boss
from tests.e2e.contract.conftest import RunningWeCom
from tests.e2e.contract.wecom_driver import WeComDriver
from tests.e2e.test_checkins import activities


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return with_boss(settings)


async def _hours(db: Any) -> list[tuple[int, int]]:
    async with db() as s:
        return [(h.user_id, h.halves) for h in (await s.exec(select(VolunteerHours))).all()]


async def test_a_quote_of_the_hours_question_answers_it(wecom: tuple[WeComDriver, RunningWeCom], db: Any,
                                                        wecom_clock: Any) -> None:
    tg, _ = wecom
    await two_branches(tg, LI, WANG, AMY)
    await said(tg, SEC["id"], SEC, '/activity new "社区清洁" 今天 9:00 2h')
    code = (await activities(db))[-1].code
    asked = (await said(tg, GROUP, LI, f"/hours {code}"))["plain_text"]
    assert asked.startswith("「社区清洁」登记多少小时？"), asked
    # another member quoting it: not the question put to him
    other = (await said(tg, GROUP, WANG, "2", quote=asked))["plain_text"]
    assert "已登记" not in other, other
    got = (await said(tg, GROUP, LI, "1.5", quote=asked))["plain_text"]
    assert got.startswith("📝 已登记「社区清洁」志愿时长 1.5 小时"), got
    assert await until(lambda: _logged(db))
    assert await _hours(db) == [(LI["id"], 3)]


async def test_the_amount_said_to_the_bot_next_answers_it(wecom: tuple[WeComDriver, RunningWeCom], db: Any,
                                                        wecom_clock: Any) -> None:
    """Without the quote: '@骑手哨兵 1.5' from the member asked, while the question is the bot's last
    word in the group (as the next message alone answers it in private), is his answer."""
    tg, _ = wecom
    await two_branches(tg, LI, WANG, AMY)
    await said(tg, SEC["id"], SEC, '/activity new "社区清洁" 今天 9:00 2h')
    code = (await activities(db))[-1].code
    asked = (await said(tg, GROUP, LI, f"/hours {code}"))["plain_text"]
    assert asked.startswith("「社区清洁」登记多少小时？"), asked
    got = (await said(tg, GROUP, LI, "1.5"))["plain_text"]
    assert got.startswith("📝 已登记「社区清洁」志愿时长 1.5 小时"), got
    assert await until(lambda: _logged(db))
    assert await _hours(db) == [(LI["id"], 3)]


async def _logged(db: Any) -> bool:
    return bool(await _hours(db))
