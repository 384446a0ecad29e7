"""Quick surveys through the real bot: inline-button answers (changeable, one per person),
points through the Awarder port, results to the secretary, a summary to the groups at closing."""
from __future__ import annotations

import asyncio

from sqlmodel import select

from storage.models.broadcasts import Survey, SurveyAnswer
from tests.conftest import AMY, GROUP, GROUP_B, LI, SEC, WANG, answer_for, buttons, last, ledger, private
from tests.e2e.test_broadcasts import _say, _setup, sender, settings  # noqa: F401  (the fixtures: superadmin, pacing)

SURVEY_POINTS = 3  # rule survey_answered in bot/points/rules_default.toml


async def _press(tg, chat_id: int, message: dict, who: dict, data: str) -> str:
    return (await answer_for(tg, await tg.press(chat_id, message["message_id"], who, data)))["text"]


async def test_survey_answers_points_results_and_closing_summary(bot, tg, db) -> None:
    await _setup(tg)
    created = await _say(tg, SEC, "/survey new close=明天18:00 你们最需要什么？ | 充电桩 | 午休点 | 饮水点")
    assert "问卷 #1 已发到 2 个聊天" in created["plain_text"], created["plain_text"]
    assert bot.core.jobs.ids("sv:") == ["sv:1"]
    questions = {g["id"]: await last(tg, g["id"], 2) for g in (GROUP, GROUP_B)}
    q = questions[GROUP["id"]]
    assert "你们最需要什么？" in q["plain_text"] and "实名" in q["plain_text"]
    assert buttons(q) == ["sv:1:0", "sv:1:1", "sv:1:2"]
    labels = [b["text"] for row in q["reply_markup"]["inline_keyboard"] for b in row]
    assert labels == ["1. 充电桩", "2. 午休点", "3. 饮水点"]

    first = await _press(tg, GROUP["id"], q, LI, "sv:1:0")
    assert first == f"✅ 已记录：充电桩（+{SURVEY_POINTS} 积分）"
    assert "你已经选了：充电桩" in await _press(tg, GROUP["id"], q, LI, "sv:1:0")
    assert "已改为：午休点" in await _press(tg, GROUP["id"], q, LI, "sv:1:1")
    await _press(tg, GROUP_B["id"], questions[GROUP_B["id"]], WANG, "sv:1:1")
    await _press(tg, GROUP["id"], q, AMY, "sv:1:2")
    assert [(e.user_id, e.rule, e.source_key, e.points) for e in await ledger(db, at_least=3)] == [
        (u["id"], "survey_answered", f"survey:1:{u['id']}", SURVEY_POINTS)
        for u in (LI, WANG, AMY)]  # once each: changing earns nothing
    # a forged option, and the survey's data on a message in a chat it never went to
    assert "不存在或不在本群" in await _press(tg, GROUP["id"], q, LI, "sv:1:7")
    stray = await _say(tg, LI, "/start")
    gone = await _press(tg, LI["id"], stray, LI, "sv:1:0")
    assert "不存在或不在本群" in gone

    results = (await _say(tg, SEC, "/survey results 1"))["plain_text"]
    assert "1. 充电桩 — 0 票（0%）" in results and "2. 午休点 — 2 票（67%）" in results, results
    assert "3. 饮水点 — 1 票（33%）" in results and "共 3 人参与" in results
    assert "李师傅" in results and "王哥" in results and "Amy" in results  # a named survey

    sec_before = len(await tg.messages(SEC["id"]))
    await bot.core.run_job("survey-close", 1)  # the stored closing job's pass
    for g in (GROUP, GROUP_B):
        summary = await last(tg, g["id"], 3)
        assert "已结束" in summary["plain_text"] and "2. 午休点 — 2 票" in summary["plain_text"]
        assert summary["reply_to_message_id"] == questions[g["id"]]["message_id"]
        assert "李师傅" not in summary["plain_text"]  # names go to the secretary only
    final = await last(tg, SEC["id"], sec_before + 1)
    assert "问卷 #1 结果" in final["plain_text"] and "已结束" in final["plain_text"]
    assert "已经结束" in await _press(tg, GROUP["id"], q, WANG, "sv:1:0")
    await bot.core.run_job("survey-close", 1)  # a second run announces nothing twice
    await asyncio.sleep(0.3)
    assert len(await tg.messages(GROUP["id"])) == 3
    async with db() as s:
        survey = (await s.exec(select(Survey))).one()
        answers = (await s.exec(select(SurveyAnswer).order_by(SurveyAnswer.user_id))).all()
    assert survey.status == "closed" and survey.closed_at is not None
    assert [(a.user_id, a.option, a.changes) for a in answers] == [(LI["id"], 1, 1), (WANG["id"], 1, 0),
                                                                   (AMY["id"], 2, 0)]


async def test_anonymous_survey_lines_form_early_close_and_bad_input(bot, tg, db) -> None:
    await _setup(tg)
    await _say(tg, LI, "/start")
    assert "只有支部书记" in (await _say(tg, LI, "/survey new 问题 | A | B"))["plain_text"]
    assert "需要 2–10 个选项（现在是 1 个）" in (await _say(tg, SEC, "/survey new 问题 | 只有一个"))["plain_text"]
    eleven = " | ".join(f"选项{i}" for i in range(11))
    assert "现在是 11 个" in (await _say(tg, SEC, f"/survey new 问题 | {eleven}"))["plain_text"]
    assert "重复" in (await _say(tg, SEC, "/survey new 问题 | 一样 | 一样"))["plain_text"]
    assert "已经过去" in (await _say(tg, SEC, "/survey new close=2020-01-01 8:00 问题 | A | B"))["plain_text"]
    assert "具体时间" in (await _say(tg, SEC, "/survey new close=每天8:00 问题 | A | B"))["plain_text"]
    assert "没有编号为 9 的问卷" in (await _say(tg, SEC, "/survey results 9"))["plain_text"]
    assert "/survey new" in (await _say(tg, SEC, "/survey"))["plain_text"]

    created = await _say(tg, SEC, "/survey new anon groups=Riders\n<b>午休</b>去哪 & 几点？\n1. 驿站\n2. 公园\n3. 不休息")
    assert "问卷 #1 已发到 1 个聊天" in created["plain_text"], created["plain_text"]
    q = await last(tg, GROUP_B["id"], 2)
    assert "<b>午休</b>去哪 & 几点？" in q["plain_text"] and "匿名" in q["plain_text"]
    assert buttons(q) == ["sv:1:0", "sv:1:1", "sv:1:2"]
    await _press(tg, GROUP_B["id"], q, LI, "sv:1:0")
    await _press(tg, GROUP_B["id"], q, WANG, "sv:1:0")
    results = (await _say(tg, SEC, "/survey results 1"))["plain_text"]
    assert "1. 驿站 — 2 票（100%）" in results and "匿名问卷" in results
    assert "李师傅" not in results and "王哥" not in results

    before = len(await tg.messages(SEC["id"]))
    await tg.send(private(SEC), SEC, "/survey close 1")
    closing = [m["plain_text"] for m in (await tg.wait(SEC["id"], before + 2))[before:]]  # the answer, the results
    assert any("问卷 #1 已结束，结果马上发到各群" in m for m in closing), closing
    assert any("问卷 #1 结果（已结束）" in m for m in closing), closing
    assert bot.core.jobs.ids("sv:") == []
    summary = await last(tg, GROUP_B["id"], 3)
    assert "问卷 #1 已结束" in summary["plain_text"] and "共 2 人参与" in summary["plain_text"]
    assert "已经结束" in (await _say(tg, SEC, "/survey close 1"))["plain_text"]
    listing = (await _say(tg, SEC, "/survey list"))["plain_text"]
    assert "#1" in listing and "2 人" in listing and "已结束" in listing
    assert len(await tg.messages(GROUP["id"])) == 1  # the other group got nothing


async def test_named_results_list_voters_in_the_readers_language(bot, tg, db) -> None:
    """A named survey's results list who chose what: in English with ", " between the names and
    " and N more" after the first 30, in Chinese with 、 and 等 N 人 (N everyone who chose it: "…Rider29等 3 人"
    read as three voters after thirty names)."""
    await _setup(tg, groups=(GROUP,))
    created = await _say(tg, SEC, "/survey new 午休去哪？ | 驿站 | 公园")
    assert "问卷 #1" in created["plain_text"]
    q = await last(tg, GROUP["id"], 2)
    riders = [{"id": 7000 + i, "first_name": f"Rider{i:02d}", "language_code": "en"} for i in range(33)]
    for who in riders:
        await _press(tg, GROUP["id"], q, who, "sv:1:0")
    zh = (await _say(tg, SEC, "/survey results 1"))["plain_text"]
    assert "Rider00、Rider01、" in zh and "Rider29等 33 人" in zh, zh  # 等 N 人 is everyone: 30 named, 3 more
    await _say(tg, SEC, "/lang en")
    en = (await _say(tg, SEC, "/survey results 1"))["plain_text"]
    assert "Rider00, Rider01, " in en and "、" not in en, en
    assert "Rider29 and 3 more" in en, en


async def test_a_closed_surveys_results_say_it_closed(bot, tg, db) -> None:
    """Results of an open survey say when it closes; of a closed one, when it closed ('closes
    2026-12-02 22:06' under '(closed)' read wrong in English)."""
    await _setup(tg, groups=(GROUP,))
    await _say(tg, SEC, "/survey new 午休去哪？ | 驿站 | 公园")
    q = await last(tg, GROUP["id"], 2)
    await _press(tg, GROUP["id"], q, LI, "sv:1:0")
    await _say(tg, SEC, "/lang en")
    assert "1 took part · closes " in (await _say(tg, SEC, "/survey results 1"))["plain_text"]
    before = len(await tg.messages(SEC["id"]))
    await tg.send(private(SEC), SEC, "/survey close 1")
    await tg.wait(SEC["id"], before + 2)  # the answer, the final results
    closed = (await _say(tg, SEC, "/survey results 1"))["plain_text"]
    assert "(closed)" in closed and "1 took part · closed " in closed, closed
    await _say(tg, SEC, "/lang zh")
    assert "共 1 人参与 · 已于 " in (await _say(tg, SEC, "/survey results 1"))["plain_text"]
    summary = await last(tg, GROUP["id"], 3)
    assert "已结束" in summary["plain_text"] and "已于 " in summary["plain_text"], summary["plain_text"]


async def test_an_unknown_group_lists_the_secretarys_groups_in_their_language(bot, tg, db) -> None:
    """groups=… naming no group of the branch: the answer lists the branch's groups as the reader
    writes a list (Riders East（-100200）、朝阳骑手一群（-100100）), not with ASCII ', ' in Chinese."""
    await _setup(tg)
    zh = (await _say(tg, SEC, "/survey new groups=海淀 午休去哪？ | 驿站 | 公园"))["plain_text"]
    assert "找不到群“海淀”。你的群：Riders East（-100200）和朝阳骑手一群（-100100）" in zh, zh
    await _say(tg, SEC, "/lang en")
    en = (await _say(tg, SEC, "/broadcast groups=Haidian now 今晚8点起建国路封路"))["plain_text"]
    assert "Your groups: Riders East (-100200) and 朝阳骑手一群 (-100100)" in en, en
