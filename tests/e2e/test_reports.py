"""Report intake end to end: the real bot over HTTP against the emulator, on a real database."""
from __future__ import annotations

from sqlmodel import select

from storage.models import OutboxMessage
from tests.conftest import AMY, GROUP, LI, WANG, private, until
from tests.factories import read_cases


async def test_report_becomes_case_with_reply_in_thread(bot, tg, db) -> None:
    sent = await tg.send(GROUP, LI, "兄弟们 幸福小区3号门的路灯坏了 晚上黑乎乎的 差点撞到人")
    [reply] = await tg.wait(GROUP["id"], 1)
    assert reply["reply_to_message_id"] == sent["message_id"]
    assert "C-000001" in reply["text"] and "路灯照明" in reply["text"]
    assert reply["parse_mode"] == "HTML"
    [case] = await read_cases(db)
    assert case.category == "lighting" and case.status == "new"
    assert case.chat_id == GROUP["id"] and case.message_id == sent["message_id"]
    assert case.reporter_id == LI["id"] and case.location and "幸福小区" in case.location


async def test_missing_place_is_asked_once_and_attached(bot, tg, db) -> None:
    sent = await tg.send(GROUP, WANG, "路灯又不亮了 黑灯瞎火的")
    [ask] = await tg.wait(GROUP["id"], 1)  # registration and question in one message
    assert ask["reply_to_message_id"] == sent["message_id"]
    assert "还缺地点" in ask["text"] and "C-000001" in ask["text"]
    await tg.send(GROUP, LI, "哈哈 我也看到了")  # someone else chatting: not an answer
    answer = await tg.send(GROUP, WANG, "就在建设路和人民路路口", reply_to_message_id=ask["message_id"])
    msgs = await tg.wait(GROUP["id"], 2)
    assert len(msgs) == 2 and msgs[1]["reply_to_message_id"] == answer["message_id"]
    assert "建设路和人民路路口" in msgs[1]["text"]
    [case] = await read_cases(db)
    assert case.location == "建设路和人民路路口" and not case.awaiting_location


async def test_location_pin_answers_the_place_question(bot, tg, db) -> None:
    await tg.send(GROUP, WANG, "这里有个井盖丢了 很危险")
    await tg.wait(GROUP["id"], 1)
    await tg.send(GROUP, WANG, location={"latitude": 39.9087, "longitude": 116.3975})
    msgs = await tg.wait(GROUP["id"], 2)
    assert "39.9087" in msgs[1]["text"]
    [case] = await read_cases(db)
    assert abs(case.lat - 39.9087) < 1e-6 and abs(case.lon - 116.3975) < 1e-6
    assert case.urgency == "urgent"


async def test_english_user_gets_english(bot, tg) -> None:
    await tg.send(GROUP, AMY, "The street light is out on Keyuan Rd, completely dark at night")
    [reply] = await tg.wait(GROUP["id"], 1)
    assert "Case <b>C-000001</b> registered" in reply["text"]
    assert "Street lighting" in reply["text"]


async def test_chit_chat_gets_no_reply(bot, tg) -> None:
    await tg.send(GROUP, LI, "中午吃啥 有人一起不")
    await tg.send(GROUP, WANG, "哈哈哈 好啊")
    report = await tg.send(GROUP, LI, "光华路那边积水很深 电动车过不去了")
    msgs = await tg.wait(GROUP["id"], 1)
    # everything after the report is an answer to it: the chit-chat before got nothing
    assert msgs and all(m["reply_to_message_id"] == report["message_id"] for m in msgs)


async def test_hostile_and_huge_text_is_stored_intact_and_echoed_safely(bot, tg, db) -> None:
    nasty = "<b>路灯</b>坏了 & <script>alert('x')</script> 🚧🔥👴 在<幸福&小区>3号门"
    huge = "幸福小区3号门路灯坏了" + "啊" * (5000 - 11)
    first = await tg.send(GROUP, LI, nasty)
    second = await tg.send(GROUP, WANG, huge)
    marker = await tg.send(GROUP, WANG, "/help")  # answered only after both reports

    async def answered() -> list[dict]:
        msgs = await tg.messages(GROUP["id"])
        return msgs if any(m["reply_to_message_id"] == marker["message_id"] for m in msgs) else []
    msgs = await until(answered, timeout=30)
    replied = {m["reply_to_message_id"] for m in msgs}
    assert {first["message_id"], second["message_id"]} <= replied
    cases = await read_cases(db)
    assert [c.text for c in cases] == [nasty, huge]
    assert all(len(m["plain_text"]) <= 4096 for m in msgs)
    assert (await tg.stats())["errors"].get("400", 0) == 0


async def test_unknown_command_gets_help_in_both_languages(bot, tg) -> None:
    await tg.send(private(LI), LI, "/frob<x>&")
    await tg.send(private(AMY), AMY, "/frobnicate")
    [zh] = await tg.wait(LI["id"], 1)
    [en] = await tg.wait(AMY["id"], 1)
    assert "/frob&lt;x&gt;&amp;" in zh["text"] and "/help" in zh["text"]
    assert "Unknown command" in en["text"]


async def test_commands_for_other_bots_are_ignored(bot, tg) -> None:
    await tg.send(GROUP, LI, "/weather@other_bot")
    await tg.send(GROUP, LI, "/help")
    msgs = await tg.wait(GROUP["id"], 1)
    assert len(msgs) == 1 and "骑手哨兵" in msgs[0]["text"]


async def test_private_report_lang_and_mycases(bot, tg, db) -> None:
    chat = private(WANG)
    await tg.send(chat, WANG, "/start")
    await tg.send(chat, WANG, "/report")
    await tg.send(chat, WANG, "/report 人民路地铁站B口的电梯坏了一个星期了")
    await tg.send(chat, WANG, "/lang en")
    await tg.send(chat, WANG, "/mycases")
    await tg.send(chat, WANG, "/lang fr")
    msgs = await tg.wait(WANG["id"], 6)
    texts = [m["text"] for m in msgs]
    assert "骑手哨兵" in texts[0]
    assert "/report" in texts[1]
    assert "C-000001" in texts[2]
    assert "English" in texts[3]
    assert "Your cases" in texts[4] and "C-000001" in texts[4]
    assert "“fr” is not available yet" in texts[5] and "/lang zh" in texts[5], texts[5]  # was the bare usage
    [case] = await read_cases(db)
    assert case.text == "人民路地铁站B口的电梯坏了一个星期了"


async def test_every_reply_went_through_the_outbox_once(bot, tg, db) -> None:
    await tg.send(GROUP, LI, "建国路红绿灯坏了 一直闪黄灯")
    await tg.wait(GROUP["id"], 1)

    async def recorded() -> list[OutboxMessage]:  # the outcome is committed just after the answer
        async with db() as s:
            rows = list((await s.exec(select(OutboxMessage))).all())
        return rows if all(r.status != "pending" for r in rows) else []
    rows = await until(recorded)
    assert [r.status for r in rows] == ["sent"] and rows[0].sent_message_id
