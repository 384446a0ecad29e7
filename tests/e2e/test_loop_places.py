"""Place questions as riders really answer them (issue 13 §2): without Reply, in another case's
thread, for categories that have no place, in one message, and corrected with one reply."""
from __future__ import annotations

import pytest

from tests.conftest import AMY, GROUP, LI, SEC, WANG, private, said, two_branches, until, with_boss
from tests.factories import read_cases


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def _quiet(tg, chat_id: int, count: int) -> list[dict]:
    """The chat's messages once `count` are there, after a pause in which no more came."""
    await tg.wait(chat_id, count)
    return await tg.wait(chat_id, count + 1, timeout=1.5)


@pytest.mark.parametrize("who, report, answer, place, asked", [
    (LI, "路灯坏了", "在光华路和东三环路口", "光华路和东三环路口", "还缺地点"),
    (AMY, "Street light broken, totally dark, please fix", "Keyuan Rd gate 2", "Keyuan Rd gate 2", "No place yet"),
    # a bare 在 + a name with no place suffix, and an English junction with a ring road
    (LI, "路灯坏了", "在十里堡", "十里堡", "还缺地点"),
    (LI, "井盖没了", "在望京SOHO", "望京SOHO", "还缺地点"),
    # a bare 在 + a well-known name without a place-like ending (jieba's dictionary knows it)
    (LI, "路灯坏了", "在国贸", "国贸", "还缺地点"),
    (LI, "井盖没了", "我在四惠这边", "四惠", "还缺地点"),
    (AMY, "Street light broken, totally dark, please fix", "the junction of Guanghua Rd and East 3rd Ring",
     "junction of Guanghua Rd and East 3rd Ring", "No place yet"),
])
async def test_place_answer_without_reply_fills_the_case(bot, tg, db, who, report, answer, place, asked) -> None:
    sent = await tg.send(GROUP, who, report)
    [created] = await _quiet(tg, GROUP["id"], 1)  # (d) registration and question: one message
    assert created["reply_to_message_id"] == sent["message_id"] and asked in created["text"]
    reply = await said(tg, GROUP, who, answer)  # no Reply: just the next message
    assert place in reply["text"] and "C-000002" not in reply["text"]
    [case] = await read_cases(db)
    assert case.location == place and not case.awaiting_location


@pytest.mark.parametrize("chat", ["在路上了", "在忙", "在等单"])
async def test_chat_after_zai_is_not_the_answer(bot, tg, db, chat) -> None:
    """"在路上了" after the place question says where the rider is going, not the case's place."""
    await tg.send(GROUP, LI, "路灯坏了")
    await tg.wait(GROUP["id"], 1)
    await tg.send(GROUP, LI, chat)
    await tg.send(GROUP, LI, "在十里堡")  # the answer that follows it is taken
    await until(lambda: _placed(db))
    [case] = await read_cases(db)
    assert case.location == "十里堡"


async def _placed(db) -> bool:
    return any(c.location for c in await read_cases(db))


async def test_a_new_report_with_a_place_is_not_taken_for_the_answer(bot, tg, db) -> None:
    await tg.send(GROUP, LI, "路灯坏了")
    await tg.wait(GROUP["id"], 1)
    other = await said(tg, GROUP, LI, "建国路C口井盖丢了 很危险")
    assert "C-000002" in other["text"]
    first, second = await read_cases(db)
    assert first.awaiting_location and first.location is None
    assert second.category == "road" and second.location == "建国路C口"


@pytest.mark.parametrize("who, first, second, remark", [
    (LI, "幸福小区3号门的路灯坏了 晚上黑乎乎的", "路灯又不亮了", "still there, not fixed!"),
    (AMY, "The street light is out on Keyuan Rd, completely dark", "Another street lamp is broken here, totally dark", "still there, not fixed!"),
])
async def test_a_reply_in_another_cases_thread_is_not_the_place(bot, tg, db, who, first, second, remark) -> None:
    await two_branches(tg, who)
    before = len(await tg.messages(GROUP["id"]))
    await tg.send(GROUP, who, first)
    [registered] = (await tg.wait(GROUP["id"], before + 1))[before:]
    await tg.send(GROUP, who, second)
    await tg.wait(GROUP["id"], before + 2)
    # (b) in C-000001's thread, naming no place: about C-000001, never C-000002's place
    remarked = await tg.send(GROUP, who, remark, reply_to_message_id=registered["message_id"])
    # and someone else answering in C-000002's thread cannot set its place either
    ask = (await tg.messages(GROUP["id"]))[before + 1]
    await tg.send(GROUP, WANG, "在建国路", reply_to_message_id=ask["message_id"])
    msgs = await _quiet(tg, GROUP["id"], before + 3)
    # the remark is answered as about C-000001 (its reporter said it to the bot); 王哥's words not at all
    assert len(msgs) == before + 3, [m["text"][:40] for m in msgs[before:]]
    assert msgs[-1]["reply_to_message_id"] == remarked["message_id"] and "C-000001" in msgs[-1]["text"], msgs[-1]
    cases = await read_cases(db)
    assert len(cases) == 2 and cases[1].location is None and cases[1].awaiting_location
    needs = await said(tg, SEC["id"], SEC, "/needs")
    assert "still there" not in needs["text"] and "建国路" not in needs["text"]


@pytest.mark.parametrize("who, text, no_ask", [
    (LI, "平台无故罚款200元 太不公平了", "还缺地点"),
    (AMY, "Platform deducted 50 yuan from my pay unfairly, need help", "No place yet"),
])
async def test_no_place_question_for_a_category_without_place(bot, tg, db, who, text, no_ask) -> None:
    await tg.send(GROUP, who, text)
    [created] = await _quiet(tg, GROUP["id"], 1)
    assert "C-000001" in created["text"] and no_ask not in created["text"]
    assert "地点：" not in created["text"] and "Place:" not in created["text"]
    [case] = await read_cases(db)
    assert case.category == "rider_rights" and not case.awaiting_location


@pytest.mark.parametrize("who, text, shown, fix, fixed, word", [
    (LI, "幸福小区3号门的路灯坏了 晚上黑乎乎的", "幸福小区3号门", "不对，是幸福小区5号门", "幸福小区5号门", "更正"),
    (AMY, "The street light is out at Keyuan Rd gate 2", "Keyuan Rd gate", "No, it is Keyuan Rd gate 5",
     "Keyuan Rd gate 5", "corrected"),
])
async def test_the_place_is_shown_back_and_fixed_with_one_reply(bot, tg, db, who, text, shown, fix, fixed,
                                                                  word) -> None:
    await tg.send(GROUP, who, text)
    [created] = await tg.wait(GROUP["id"], 1)
    assert shown in created["text"] and ("回复本条消息" in created["text"] or "Reply to this" in created["text"])
    # someone else cannot move another rider's case
    await tg.send(GROUP, WANG, "在建国路88号门口", reply_to_message_id=created["message_id"])
    answer = await tg.send(GROUP, who, fix, reply_to_message_id=created["message_id"])
    corrected = await until(lambda: _reply_to(tg, answer["message_id"]))
    assert word in corrected["text"] and fixed in corrected["text"]
    [case] = await read_cases(db)
    assert case.location == fixed


async def _reply_to(tg, message_id: int) -> dict | None:
    return next((m for m in await tg.messages(GROUP["id"]) if m.get("reply_to_message_id") == message_id), None)


async def test_private_report_place_answer_without_reply(bot, tg, db) -> None:
    await tg.send(private(LI), LI, "/start")
    await tg.wait(LI["id"], 1)
    await said(tg, LI["id"], LI, "/report 路灯坏了")
    attached = await said(tg, LI["id"], LI, "就在幸福小区3号门那边")
    assert "幸福小区3号门" in attached["text"]
    [case] = await read_cases(db)
    assert case.location == "幸福小区3号门"


@pytest.mark.parametrize("who, first, again, place", [
    (LI, "建国路C口有个大坑", "幸福小区3号门的路灯也坏了", "建国路C口"),
    (AMY, "Big pothole at Keyuan Rd gate 2", "The street lamp at Xingfu Garden gate 3 is broken too, please fix", None),
])
async def test_a_new_report_in_reply_is_a_new_case_not_a_correction(bot, tg, db, who, first, again,
                                                                     place) -> None:
    await tg.send(GROUP, who, first)
    [created] = await tg.wait(GROUP["id"], 1)
    before = (await read_cases(db))[0].location
    await tg.send(GROUP, who, again, reply_to_message_id=created["message_id"])
    second = (await tg.wait(GROUP["id"], 2))[1]
    assert "C-000002" in second["text"]
    first_case, second_case = await read_cases(db)
    assert first_case.location == before and (place is None or before == place)
    assert second_case.category == "lighting"
