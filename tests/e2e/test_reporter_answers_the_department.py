"""A department asks the reporter for more (`/note C-1 请问具体是哪根灯杆？`) and the reporter answers in
reply to the bot's message: the answer reaches the department. Before: "是靠近垃圾桶那根" in reply to the
note opened a new sanitation case C-000002, "就是3号门东边第二根灯杆" "corrected" the case's place from
幸福小区3号门 to 3号门, and any other words were "not passed on to whoever handles it"."""
from __future__ import annotations

import pytest

from storage.models import Case
from tests.conftest import BOSS, GROUP, LI, SEC, said, two_branches, until, with_boss
from tests.factories import new_message, read_case

LIGHT = {"id": 702, "first_name": "Lee", "language_code": "en"}   # urban_lighting


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def _find(tg, chat_id: int, needle: str) -> list[dict]:
    return [m for m in await tg.messages(chat_id) if needle in (m.get("text") or "")]


async def test_the_reporters_answer_to_a_departments_question_reaches_it(bot, tg, db) -> None:
    await two_branches(tg, LI, LIGHT)
    await said(tg, BOSS["id"], BOSS, f"/grant {LIGHT['id']} dept urban_lighting")
    await said(tg, GROUP, LI, "幸福小区3号门的路灯坏了 晚上黑乎乎的")
    await said(tg, LIGHT["id"], LIGHT, "/accept C-000001")
    before_private, before_group = len(await tg.messages(LI["id"])), len(await tg.messages(GROUP["id"]))
    await said(tg, LIGHT["id"], LIGHT, "/note C-000001 请问具体是哪根灯杆？")
    asked_private = await new_message(tg, LI["id"], before_private, "哪根灯杆")
    asked_group = await new_message(tg, GROUP["id"], before_group, "哪根灯杆")

    told = await said(tg, LI["id"], LI, "是靠近垃圾桶那根", reply_to_message_id=asked_private["message_id"])
    assert "C-000001" in told["text"] and "已转给处理的人" in told["text"], told
    heard = await until(lambda: _find(tg, LIGHT["id"], "是靠近垃圾桶那根"))
    assert "C-000001" in heard[0]["text"] and "reporter" in heard[0]["text"]

    told = await said(tg, GROUP, LI, "就是3号门东边第二根灯杆", reply_to_message_id=asked_group["message_id"])
    assert "已转给处理的人" in told["text"], told
    await until(lambda: _find(tg, LIGHT["id"], "就是3号门东边第二根灯杆"))

    async with db() as s:
        assert await s.get(Case, 2) is None  # no new case
    case = await read_case(db)
    assert case.location == "幸福小区3号门"  # the place kept
    card = await said(tg, LIGHT["id"], LIGHT, "/case C-000001")
    assert "the reporter added — 是靠近垃圾桶那根" in card["text"], card["text"]
    # what says it is another problem is still its own case
    another = await said(tg, GROUP, LI, "另外建国路那边路灯也不亮", reply_to_message_id=asked_group["message_id"])
    assert "C-000002" in another["text"], another


async def test_a_closed_cases_reply_is_not_passed_on(bot, tg, db) -> None:
    await two_branches(tg, LI, LIGHT)
    await said(tg, BOSS["id"], BOSS, f"/grant {LIGHT['id']} dept urban_lighting")
    await said(tg, GROUP, LI, "幸福小区3号门的路灯坏了 晚上黑乎乎的")
    before = len(await tg.messages(LI["id"]))
    await said(tg, SEC["id"], SEC, "/reject C-000001 不归我们管")
    rejected = await new_message(tg, LI["id"], before, "C-000001")
    told = await said(tg, LI["id"], LI, "为什么不管？", reply_to_message_id=rejected["message_id"])
    assert "不会转给处理的人" in told["text"] and "重新上报" in told["text"], told
    assert not await _find(tg, LIGHT["id"], "为什么不管")


async def test_the_reporters_yes_or_no_in_words_confirms_or_reopens(bot, tg, db) -> None:
    """"已处理完毕…请确认是否解决" answered in words, as a reply: "还没修好" was passed on while the case
    stayed resolved (the ❌ button unpressed), and "亮了，谢谢师傅" left it waiting to be auto-closed."""
    await two_branches(tg, LI, LIGHT)
    await said(tg, BOSS["id"], BOSS, f"/grant {LIGHT['id']} dept urban_lighting")
    await said(tg, GROUP, LI, "幸福小区3号门的路灯坏了 晚上黑乎乎的")
    await said(tg, LIGHT["id"], LIGHT, "/accept C-000001")
    before = len(await tg.messages(LI["id"]))
    await said(tg, LIGHT["id"], LIGHT, "/resolve C-000001 replaced the bulb")
    resolved = await new_message(tg, LI["id"], before, "已处理完毕")
    told = await said(tg, LI["id"], LI, "还没修好", reply_to_message_id=resolved["message_id"])
    assert "仍未解决" in told["text"] and "C-000001" in told["text"], told
    assert (await read_case(db)).status == "in_progress"
    await until(lambda: _find(tg, LIGHT["id"], "not fixed"))  # the department hears the reopen
    before = len(await tg.messages(GROUP["id"]))
    await said(tg, LIGHT["id"], LIGHT, "/resolve C-000001 new lamp")
    resolved = await new_message(tg, GROUP["id"], before, "已处理完毕")
    told = await said(tg, GROUP, LI, "亮了，谢谢师傅", reply_to_message_id=resolved["message_id"])
    assert "已确认" in told["text"] and "已办结" in told["text"], told
    assert (await read_case(db)).status == "closed"


async def test_words_about_a_voice_report_awaiting_triage_reach_the_secretary(bot, tg, db) -> None:
    """A voice report nobody has classified yet: what its reporter adds in reply ("在幸福小区东门，
    垃圾桶旁边那根灯杆") was heard by nobody; the secretary who must classify it hears it now."""
    await two_branches(tg, LI)
    before = len(await tg.messages(GROUP["id"]))
    await tg.send(GROUP, LI, voice={"duration": 4})
    registered = await new_message(tg, GROUP["id"], before, "C-000001")
    told = await said(tg, GROUP, LI, "路灯不亮，好几天了", reply_to_message_id=registered["message_id"])
    assert "已转给处理的人" in told["text"], told
    heard = await until(lambda: _find(tg, SEC["id"], "路灯不亮，好几天了"))
    assert "C-000001" in heard[0]["text"]
    assert (await read_case(db)).status == "triage"
