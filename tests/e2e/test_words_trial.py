"""Words a secretary or a rider types, tried from outside (branch cy: GROUP, SEC; branch hd: GROUP_B,
SEC_B, as `two_branches` sets them up). Each test is one kind of fault the trial found.
"""
from __future__ import annotations

import pytest
from sqlmodel import select

from storage.models import Branch, Chat
from storage.models.broadcasts import Broadcast
from tests.conftest import BOSS, GROUP, GROUP_B, LI, SEC, SEC_B, said, two_branches, with_boss
from tests.factories import alerted, read_case, report

GROUP_C = {"id": -100300, "type": "supergroup", "title": "新群"}


@pytest.fixture
def settings(settings):
    return with_boss(settings)


# --- 1. a mistyped schedule is not sent now (pure rules: tests/unit/test_words.py) ----------------
async def test_broadcast_with_a_mistyped_schedule_answers_the_error_and_usage_and_drafts_nothing(bot, tg, db) -> None:
    """Before: `/broadcast all 每周八 08:30 x` previewed "now" with the whole line as its text, one ✅ from
    going out to every group. A text that opens like a schedule but is none is an error, with the usage,
    in the user's language; nothing is drafted."""
    await two_branches(tg, LI)
    for text in ("/broadcast all 每周八 08:30 x", "/broadcast all 明天 8点半半 开会", "/broadcast riders 周九 8点 x"):
        answer = (await said(tg, SEC["id"], SEC, text))["plain_text"]
        assert "像是发送时间" in answer and "/broadcast" in answer and "now" in answer, answer
        assert "预览" in answer  # the usage follows
    answer = (await said(tg, SEC_B["id"], SEC_B, "/broadcast all every mnday 8:30 weekly meeting"))["plain_text"]
    assert "looks like a time" in answer and "Broadcast /broadcast" in answer, answer
    async with db() as s:
        assert (await s.exec(select(Broadcast))).all() == []
    # a rider is told whose command it is, before what they typed is read (it answered the time error)
    for text in ("/broadcast all 每周八 08:30 x", "/broadcast all 25:00 x", "/broadcast help"):
        answer = (await said(tg, LI["id"], LI, text))["plain_text"]
        assert "只有支部书记" in answer and "像是发送时间" not in answer, (text, answer)
    # a notice that only begins with a day word still previews, to go out now
    preview = (await said(tg, SEC["id"], SEC, "/broadcast all 明天起建国路封路施工，请绕行"))["plain_text"]
    assert "明天起建国路封路施工" in preview and "像是发送时间" not in preview, preview


# --- 2. /bind validates the branch code ---------------------------------------------------------------
async def _branch_of(db, chat: dict) -> int | None:
    async with db() as s:
        return (await s.exec(select(Chat.branch_id).where(Chat.id == chat["id"]))).first()


async def _codes(db) -> list[str]:
    async with db() as s:
        return sorted((await s.exec(select(Branch.code))).all())


async def test_bind_refuses_an_unknown_code_and_tells_nothing_of_other_branches(bot, tg, db) -> None:
    """Before: a secretary's `/bind cyy` (a typo of their own code) answered "not allowed to use this admin
    command", and a superadmin's `/bind cyy` quietly created a branch "cyy". Now an unknown code is named
    as unknown, and another branch's code reads exactly like an unknown one to a secretary."""
    await two_branches(tg, LI)
    await tg.send(GROUP_C, LI, "大家好")  # the group is known to the bot, bound to nobody
    unknown = (await said(tg, GROUP_C, SEC, "/bind nosuch"))["text"]
    foreign = (await said(tg, GROUP_C, SEC, "/bind hd"))["text"]
    assert "没有你能绑定的支部" in unknown and "cy" in unknown, unknown
    assert foreign == unknown.replace("nosuch", "hd"), (foreign, unknown)
    assert "Haidian" not in foreign
    # in another branch's group, too: the code first (an unknown or foreign code is not "taken")
    assert (await said(tg, GROUP_B, SEC, "/bind hd"))["text"] == unknown.replace("nosuch", "hd")
    # in English for an English-speaking secretary
    en = (await said(tg, GROUP_C, SEC_B, "/bind nosuch"))["text"]
    assert "There is no branch “nosuch” you can bind" in en and "hd" in en, en
    # a rider has no binding rights anywhere: the plain refusal
    assert "没有权限" in (await said(tg, GROUP_C, LI, "/bind cy"))["text"]
    assert await _branch_of(db, GROUP_C) is None
    # the secretary's own code binds
    assert "朝阳支部" in (await said(tg, GROUP_C, SEC, "/bind cy"))["text"]
    assert await _branch_of(db, GROUP_C) == await _branch_of(db, GROUP)


async def test_a_superadmin_creates_a_branch_only_by_naming_it(bot, tg, db) -> None:
    await two_branches(tg, LI)
    await tg.send(GROUP_C, LI, "大家好")
    asked = (await said(tg, GROUP_C, BOSS, "/bind cyy"))["text"]
    assert "还没有“cyy”这个支部" in asked and "/bind cyy 支部名称" in asked, asked
    bad = (await said(tg, GROUP_C, BOSS, "/bind 朝阳<支部> 新支部"))["text"]
    assert "不可用" in bad, bad
    assert await _codes(db) == ["cy", "hd"] and await _branch_of(db, GROUP_C) is None
    assert "通州支部" in (await said(tg, GROUP_C, BOSS, "/bind tz 通州支部"))["text"]
    assert await _codes(db) == ["cy", "hd", "tz"]


# --- 3. /cases reads the hotline's words ----------------------------------------------------------------
async def test_cases_reads_the_hotline_words_and_names_the_ones_it_knows(bot, tg, db) -> None:
    """Before: `/cases 未办结` answered the bare "Usage: /cases open | overdue | mine" (the secretary's
    own word for open cases not read), and there was no list of closed cases at all."""
    await two_branches(tg, LI)
    await report(tg, GROUP, LI, "幸福小区3号门的路灯坏了 晚上黑乎乎的")  # C-000001, open
    await report(tg, GROUP, LI, "建国路88号门口井盖丢了")  # C-000002, rejected below
    await alerted(tg, SEC["id"], "C-000002")  # urgent: before it, the secretary's next message may be its alert
    await said(tg, SEC["id"], SEC, "/reject C-000002 不属于本辖区")
    open_list = (await said(tg, SEC["id"], SEC, "/cases 未办结"))["plain_text"]
    assert "未办结工单" in open_list and "C-000001" in open_list and "C-000002" not in open_list, open_list
    assert (await said(tg, SEC["id"], SEC, "/cases 办理中"))["plain_text"] == open_list
    closed = (await said(tg, SEC["id"], SEC, "/cases 已办结"))["plain_text"]
    assert "已办结工单" in closed and "C-000002" in closed and "C-000001" not in closed, closed
    assert "超时" in (await said(tg, SEC["id"], SEC, "/cases 逾期"))["plain_text"]
    unknown = (await said(tg, SEC["id"], SEC, "/cases 随便"))["plain_text"]
    assert "没看懂“随便”" in unknown and "未办结" in unknown and "已办结" in unknown and "超期" in unknown, unknown
    en = (await said(tg, SEC_B["id"], SEC_B, "/cases whatever"))["plain_text"]
    assert "“whatever”" in en and "closed" in en and "overdue" in en, en
    assert "No closed cases" in (await said(tg, SEC_B["id"], SEC_B, "/cases closed"))["plain_text"]
    # "/cases 全部" was an unknown filter (found trying the bot as a secretary): every case, open or closed
    everything = (await said(tg, SEC["id"], SEC, "/cases 全部"))["plain_text"]
    assert "全部工单" in everything and "C-000001" in everything and "C-000002" in everything, everything
    assert "No cases yet" in (await said(tg, SEC_B["id"], SEC_B, "/cases all"))["plain_text"]


# --- 4. a home that is the problem's place --------------------------------------------------------------
async def test_a_report_downstairs_of_home_takes_the_place_and_shares_only_the_compound(bot, tg, db) -> None:
    """Before: "我住幸福小区5号楼，楼下路灯坏了" made a case with no place and the bot asked where. The home
    is the place now; the group, the secretary's card and the board read the compound only, the
    reporter's own chat reads it as written."""
    await two_branches(tg, LI)
    answer = (await report(tg, GROUP, LI, "我住幸福小区5号楼1203室，楼下路灯坏了好几天"))["plain_text"]
    case = await read_case(db)
    assert case.location == "幸福小区5号楼", case.location
    assert "C-000001" in answer and "幸福小区" in answer, answer
    for leak in ("5号楼", "1203"):
        assert leak not in answer, answer
    card = (await said(tg, SEC["id"], SEC, "/case C-000001"))["plain_text"]
    assert "幸福小区" in card and "5号楼" not in card and "1203" not in card, card
    board = (await said(tg, SEC["id"], SEC, "/board"))["plain_text"]
    assert "5号楼" not in board and "1203" not in board, board
    own = (await said(tg, LI["id"], LI, "/case C-000001"))["plain_text"]
    assert "幸福小区5号楼" in own, own
