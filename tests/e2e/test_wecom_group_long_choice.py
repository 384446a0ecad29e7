"""In a WeCom group a secretary's `/assign C-000001` (no department) lost most of the departments: the
choice is a dozen buttons, more than one template card holds (6), so it went as three cards, but the
bot's answer in a group goes through the message's response_url, which WeCom lets be used once — only
the first card ("…（1/3）") arrived, departments 6–12 and "✖ 取消" never did.

Now a choice too long for one card, asked for in a group, goes to the asker privately (the app's
message/send, where several cards arrive and each press comes back to the app), and the group's one
answer says so in a short line (handlers/wecom/transport.py)."""
from __future__ import annotations

import re
from typing import Any

import pytest

from bot.config import Settings
from tests.conftest import GROUP, LI, SEC, answer_for, said, two_branches, until
from tests.e2e.contract.conftest import RunningWeCom
from tests.e2e.contract.wecom_driver import WeComDriver
from tests.e2e.test_wecom_department_cards import _assign_privately, _assigned, _cards  # all the cards of a choice; assigned
from tests.factories import new_message


@pytest.fixture
def settings(settings: Settings) -> Settings:
    from tests.conftest import with_boss
    return with_boss(settings)


def _keys(cards: list[dict[str, Any]]) -> list[list[tuple[str, str]]]:
    return [[(b["text"], b["callback_data"]) for b in m["reply_markup"]["inline_keyboard"][0]] for m in cards]


async def test_a_secretary_in_a_group_gets_every_department_and_can_assign_from_the_second_part(
        wecom: tuple[WeComDriver, RunningWeCom], db: Any) -> None:
    tg, _ = wecom
    offered = await _assign_privately(tg)  # what the command offers in private: every department, ✖ 取消
    everything = [k for card in _keys(offered) for k in card]
    assert len(everything) > 6 and any(label.startswith("✖") for label, _ in everything), everything
    await tg.press(SEC["id"], offered[0]["message_id"], SEC, everything[-1][1])  # ✖ 取消 (the last)

    async def cancelled() -> bool:
        shown = {m["message_id"] for m in offered}
        return all(m["reply_markup"] is None for m in await tg.messages(SEC["id"]) if m["message_id"] in shown)
    assert await until(cancelled)

    # now in the group
    before = len(await tg.messages(SEC["id"]))
    group_before = len(await tg.messages(GROUP["id"]))
    answer = await said(tg, GROUP, SEC, "/assign C-000001")
    group = (await tg.messages(GROUP["id"]))[group_before:]
    got: list[tuple[str, str]] = []
    for m in group:  # whatever reached the group ...
        got += [k for card in _keys([m]) for k in card] if m["reply_markup"] else []
    try:  # ... and the secretary privately
        private = await until(lambda: _cards(tg, before), timeout=8.0)
    except AssertionError:
        private = []
    parts = _keys(private)
    got += [k for card in parts for k in card]
    assert sorted(got) == sorted(everything), (answer, got)  # was departments 1–5 only, no ✖ 取消
    assert not [m for m in group if "（1/" in m["text"]], group  # no "(1/3)" without its 2/3 and 3/3
    assert len(group) == 1 and answer["via"] == "aibot/response", group  # the group's one answer ...
    assert "私信" in answer["plain_text"] and "C-000001" in answer["plain_text"], answer  # ... says where
    titles = [m["text"].partition("\n")[0] for m in private]
    assert titles == [f"C-000001 · 指派部门：请选择部门（{n}/{len(private)}）" for n in range(1, len(private) + 1)]

    # a department from the second part assigns the case
    second = private[1]
    department = parts[1][0][1]
    await answer_for(tg, await tg.press(SEC["id"], second["message_id"], SEC, department))
    assert await until(lambda: _assigned(db))

    async def settled() -> bool:  # the private cards show the decision, as a private /assign's do
        return all(m["reply_markup"] is None for m in (await tg.messages(SEC["id"]))[before:before + len(private)])
    assert await until(settled)


async def test_the_groups_line_is_in_the_askers_language(wecom: tuple[WeComDriver, RunningWeCom], db: Any) -> None:
    """A secretary who chose English (/lang en) hears in English where the choice went, and gets the
    parts privately, titled in English."""
    tg, _ = wecom
    await two_branches(tg, LI)
    await said(tg, GROUP, LI, "幸福小区3号门的路灯坏了 晚上黑乎乎的")
    await new_message(tg, GROUP["id"], 0, "C-000001", field="plain_text")
    await said(tg, SEC["id"], SEC, "/lang en")
    before = len(await tg.messages(SEC["id"]))
    answer = await said(tg, GROUP, SEC, "/assign C-000001")
    assert answer["via"] == "aibot/response" and not answer["reply_markup"], answer
    assert "C-000001" in answer["plain_text"] and "privately" in answer["plain_text"], answer

    async def parts() -> list[dict[str, Any]] | None:
        new = [m for m in (await tg.messages(SEC["id"]))[before:] if m["msgtype"] == "template_card"]
        found = re.search(r"\(1/(\d+)\)", new[0]["text"]) if new else None
        return new if found and len(new) == int(found.group(1)) > 1 else None
    private = await until(parts)
    labels = [label for card in _keys(private) for label, _ in card]
    assert labels[-1].startswith("✖"), labels


async def test_a_secretary_the_app_cannot_write_to_still_gets_the_first_card_in_the_group(
        wecom: tuple[WeComDriver, RunningWeCom], db: Any) -> None:
    """When message/send refuses the asker (60111: not a member the app sees), the group's answer is
    what it was: the first card, not nothing."""
    tg, _ = wecom
    await two_branches(tg, LI)
    await said(tg, GROUP, LI, "幸福小区3号门的路灯坏了 晚上黑乎乎的")
    await new_message(tg, GROUP["id"], 0, "C-000001", field="plain_text")
    before = len(await tg.messages(SEC["id"]))
    await tg.fault("message/send", 60111)
    answer = await said(tg, GROUP, SEC, "/assign C-000001")
    assert answer["via"] == "aibot/response" and answer["msgtype"] == "template_card", answer
    assert answer["text"].startswith("C-000001 · 指派部门：请选择部门（1/"), answer
    assert not [m for m in (await tg.messages(SEC["id"]))[before:] if m["msgtype"] == "template_card"]
