"""On WeCom `/assign C-000001` (no department) offers the departments on several template cards (a
button_interaction card shows at most 6 buttons): the second and third were titled "…", which said
nothing of what their buttons were for. Each card now carries the choice's title and its number
(handlers/wecom/transport.py `cards`), in the reader's language."""
from __future__ import annotations

import re
from typing import Any

import pytest

from bot.config import Settings
from tests.conftest import GROUP, LI, SEC, answer_for, said, two_branches, until
from tests.e2e.contract.conftest import RunningWeCom
from tests.e2e.contract.wecom_driver import WeComDriver
from tests.factories import new_message, read_case


@pytest.fixture
def settings(settings: Settings) -> Settings:
    from tests.conftest import with_boss
    return with_boss(settings)


async def test_every_department_card_of_an_assign_is_titled_and_numbered(
        wecom: tuple[WeComDriver, RunningWeCom], db: Any) -> None:
    tg, _ = wecom
    shown = await _assign_privately(tg)
    titles = [m["text"].partition("\n")[0] for m in shown]
    total = len(shown)
    assert total > 1, titles  # a dozen departments: more than one card holds
    assert titles == [f"C-000001 · 指派部门：请选择部门（{n}/{total}）" for n in range(1, total + 1)], titles
    assert not [m for m in shown if m["text"].startswith("…")]
    keys = [[b["callback_data"] for b in m["reply_markup"]["inline_keyboard"][0]] for m in shown]
    assert max(map(len, keys)) - min(map(len, keys)) <= 2 and len(keys[-1]) > 1, keys  # no lone "✖ 取消"
    # a department on the last card still does what it says
    last = shown[-1]
    data = keys[-1][0]
    await answer_for(tg, await tg.press(SEC["id"], last["message_id"], SEC, data))
    assert await until(lambda: _assigned(db))


async def _assign_privately(tg: WeComDriver) -> list[dict[str, Any]]:
    """Li reports C-000001 in the group; the cards the secretary's private `/assign C-000001` offers."""
    await two_branches(tg, LI)
    await said(tg, GROUP, LI, "幸福小区3号门的路灯坏了 晚上黑乎乎的")
    await new_message(tg, GROUP["id"], 0, "C-000001", field="plain_text")
    before = len(await tg.messages(SEC["id"]))
    await said(tg, SEC["id"], SEC, "/assign C-000001")
    cards: list[dict[str, Any]] = await until(lambda: _cards(tg, before))
    return cards


async def _cards(tg: WeComDriver, before: int) -> list[dict[str, Any]] | None:
    """The secretary's new cards once all of them are there (the first's title says how many)."""
    new = [m for m in (await tg.messages(SEC["id"]))[before:] if m["msgtype"] == "template_card"]
    found = re.search(r"（1/(\d+)）", new[0]["text"]) if new else None
    return new if found and len(new) == int(found.group(1)) > 1 else None


async def _assigned(db: Any) -> bool:
    case = await read_case(db)
    return case.department not in (None, "urban_lighting")
