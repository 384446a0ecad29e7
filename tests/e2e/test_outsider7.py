"""Tried from outside (outsider trial 7): a rider checking on a report days later, an anonymous
admin, and a report of another problem said with chit-chat right after a report without a place."""
from __future__ import annotations

import pytest

from tests.conftest import AMY, BOSS, GROUP, GROUP_B, LI, SEC, SEC_B, WANG, said, two_branches, with_boss
from tests.factories import new_message, read_case, read_cases_at_least, report


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def test_a_case_asked_about_in_words_is_answered_as_case_and_mycases_are(bot, tg, db) -> None:
    """Before: "C-000001" sent to the bot privately was asked "🤔 这是要上报的问题吗？ 是，上报 / 不是";
    "C-1 怎么样了", "我的工单", "工单进度" got the whole manual; "@bot C-1 怎么样了" in the group what the
    bot does there. A rider checking on their report typed its number as they remember it."""
    await two_branches(tg, LI, WANG, AMY)
    assert "C-000001" in (await report(tg, GROUP, LI, "建国路88号门口井盖丢了"))["plain_text"]
    assert "C-000002" in (await report(tg, GROUP_B, AMY, "Manhole cover missing at 12 Keyuan Rd gate 2"))["plain_text"]
    for typed in ("C-000001", "c1 怎么样了", "【C-1】进度？", "Ｃ－０００００１修好了吗"):
        card = (await said(tg, LI["id"], LI, typed))["plain_text"]
        assert card.startswith("📋 C-000001") and "建国路88号门口井盖丢了" in card, (typed, card)
    english = (await said(tg, AMY["id"], AMY, "how is C-000002 going?"))["plain_text"]
    assert english.startswith("📋 C-000002") and "Manhole cover" in english, english
    # another rider's case reads exactly as a number nobody reported
    nobody = (await said(tg, WANG["id"], WANG, "C-000099 怎么样了"))["plain_text"]
    assert (await said(tg, WANG["id"], WANG, "C-000001 怎么样了"))["plain_text"] == nobody.replace("99", "01")
    assert "找不到工单" in nobody, nobody
    for typed in ("我的工单", "工单进度。"):
        listed = (await said(tg, LI["id"], LI, typed))["plain_text"]
        assert listed.startswith("我上报的工单") and "C-000001" in listed, (typed, listed)
    assert (await said(tg, AMY["id"], AMY, "my cases"))["plain_text"].startswith("Your cases")
    # a report that names a case is still a report
    again = (await said(tg, LI["id"], LI, "建国路90号门口的井盖也丢了，和C-1不是一处"))["plain_text"]
    assert "C-000003" in again, again
    # in the group: said to the bot, the public card; not said to it, nothing
    await tg.send(GROUP, LI, "C-1 怎么样了")
    public = (await said(tg, GROUP, LI, "@rider_sentinel_bot C-1 怎么样了"))["plain_text"]
    assert public.startswith("📋 C-000001"), public


async def test_mycases_tells_apart_two_cases_of_one_kind(bot, tg, db) -> None:
    """Before: /mycases listed "C-000002 · 路灯照明 · 待受理 · 12-04" and "C-000001 · 路灯照明 · 待受理 ·
    12-04": which was the light at the gate and which the one on the road, the rider could not tell.
    Now each line names its place (in the rider's own chat, as they gave it), or that it has none."""
    await two_branches(tg, LI, AMY)
    await report(tg, GROUP, LI, "幸福小区3号门路灯坏了")
    await report(tg, GROUP, LI, "光华路和东三环路口路灯不亮了")
    await report(tg, GROUP, LI, "路灯坏了")
    listed = (await said(tg, LI["id"], LI, "/mycases"))["plain_text"]
    assert "C-000001 · 路灯照明 · 幸福小区3号门 · 待受理" in listed, listed
    assert "C-000002 · 路灯照明 · 光华路和东三环路口 · 待受理" in listed, listed
    assert "C-000003 · 路灯照明 · 未填地点 · 待受理" in listed, listed
    await report(tg, GROUP_B, AMY, "The street light is out at 12 Keyuan Rd gate 2")
    mine = (await said(tg, AMY["id"], AMY, "/mycases"))["plain_text"]
    assert "C-000004 · Street lighting · 12 Keyuan Rd gate 2 · New" in mine, mine


async def test_an_anonymous_admin_hears_help_and_another_groups_case_reads_as_none(bot, tg, db) -> None:
    """Before: an anonymous admin's /help and /start got "🕶 你正以群组匿名管理员身份发言… 查看类的 /board、
    /case 可以匿名使用…" instead of the help; and their /case of another branch's case got that hint too,
    while a number nobody reported got "找不到工单": the answer told which numbers exist elsewhere."""
    await two_branches(tg, LI, AMY)
    await report(tg, GROUP_B, AMY, "Manhole cover missing at 12 Keyuan Rd gate 2")
    helped = (await said(tg, GROUP, SEC, "/help", anonymous=True))["plain_text"]
    assert "使用说明" in helped and "匿名" not in helped, helped
    assert "私聊我发 /help" in helped, helped  # only admins post anonymously: where the staff's commands are
    started = (await said(tg, GROUP, SEC, "/start", anonymous=True))["plain_text"]
    assert "我是骑手哨兵" in started, started
    elsewhere = (await said(tg, GROUP, SEC, "/case C-000001", anonymous=True))["plain_text"]
    nobody = (await said(tg, GROUP, SEC, "/case C-000099", anonymous=True))["plain_text"]
    assert elsewhere == nobody.replace("99", "01") and "找不到工单" in nobody, (elsewhere, nobody)
    assert "匿名" in (await said(tg, GROUP, SEC, "/accept C-000001", anonymous=True))["plain_text"]


@pytest.mark.parametrize("chat, who, first, second, place", [
    (GROUP, LI, "路灯坏了", "今天好累，光华路和东三环路口的红绿灯坏了", "就在幸福小区3号门，快来修吧"),
    (GROUP, LI, "/report 路灯坏了", "今天好累啊，幸福小区3号门的垃圾没人清", "就在幸福小区3号门，快来修吧"),
    (GROUP_B, AMY, "/report The street light is out",
     "so tired today lol. The manhole cover at Keyuan Rd gate 2 is missing", "at Keyuan Rd gate 3, please fix it"),
])
async def test_a_report_of_another_problem_with_chit_chat_is_not_the_last_reports_place(bot, tg, db, chat, who, first,
                                                                                         second, place) -> None:
    """Before: "路灯坏了" (no place asked), then "今天好累，光华路和东三环路口的红绿灯坏了" was answered
    "📍 已为 C-000001 补充地点：光华路和东三环路口": the traffic lights became the street light's place,
    because the chit-chat around them watered down what the message said besides the place. Now the
    place's own clause is read too."""
    await two_branches(tg, who)
    asked = (await report(tg, chat, who, first))["plain_text"]
    assert "还缺地点" in asked or "No place yet" in asked, asked
    answer = (await said(tg, chat, who, second))["plain_text"]
    assert "补充地点" not in answer and "Place added" not in answer, answer
    assert (await read_case(db, 1)).location is None
    # a place said with a word or two besides is still the answer
    filled = (await said(tg, chat, who, place))["plain_text"]
    assert "C-000001" in filled and ("补充地点" in filled or "Place added" in filled), filled
    assert (await read_cases_at_least(db, 1))[0].location is not None


async def test_a_slip_of_the_thumb_is_told_the_command_meant(bot, tg, db) -> None:
    """Before: a secretary's `/accpet C-000001` (and `/mycase`, `/boad`) got "🤔 没有这个命令：/accpet。发送
    /help 查看可用的命令。": the long manual to find the command they had just typed. Now the command
    meant, among those the sender may use (a rider is not pointed to a secretary's)."""
    await two_branches(tg, LI, AMY)
    await report(tg, GROUP, LI, "建国路88号门口井盖丢了")
    slip = (await said(tg, SEC["id"], SEC, "/accpet C-000001"))["plain_text"]
    assert "没有这个命令：/accpet。是不是想发 /accept？" in slip, slip
    addressed = (await said(tg, GROUP, SEC, "/acept@rider_sentinel_bot C-000001"))["plain_text"]
    assert "是不是想发 /accept？" in addressed and "rider_sentinel_bot" not in addressed, addressed
    assert "是不是想发 /mycases？" in (await said(tg, LI["id"], LI, "/mycase"))["plain_text"]
    assert "Did you mean /board?" in (await said(tg, AMY["id"], AMY, "/boad"))["plain_text"]
    rider = (await said(tg, LI["id"], LI, "/accpet C-000001"))["plain_text"]
    assert "没有这个命令：/accpet" in rider and "/accept" not in rider, rider
    assert "是不是" not in (await said(tg, LI["id"], LI, "/frob"))["plain_text"]


async def test_a_recategorisation_reads_in_words_on_the_timeline(bot, tg, db) -> None:
    """Before: after `/recat C-000001 路灯`, the case card's timeline read "· 12-04 12:37 更正分类 — lighting
    urgent": the codes, in a Chinese card (and the web dashboard's). Now the labels, in the reader's language."""
    await two_branches(tg, LI, AMY)
    await report(tg, GROUP, LI, "建国路88号门口井盖丢了")
    assert "已更正 C-000001：路灯照明" in (await said(tg, SEC["id"], SEC, "/recat C-000001 路灯"))["plain_text"]
    card = (await said(tg, SEC["id"], SEC, "/case C-000001"))["plain_text"]
    assert "更正分类 — 路灯照明 · 🔴 紧急" in card and "lighting" not in card, card
    mine = (await said(tg, LI["id"], LI, "C-000001"))["plain_text"]  # the reporter's own card too
    assert "更正分类 — 路灯照明 · 🔴 紧急" in mine, mine
    await report(tg, GROUP_B, AMY, "Manhole cover missing at 12 Keyuan Rd gate 2")
    await said(tg, SEC_B["id"], SEC_B, "/recat C-000002 waterlogging low")
    english = (await said(tg, SEC_B["id"], SEC_B, "/case C-000002"))["plain_text"]
    assert "category corrected — Waterlogging · low" in english, english


FORUM = {"id": -100300, "type": "supergroup", "title": "朝阳骑手论坛", "is_forum": True}


async def test_a_case_asked_about_in_another_forum_topic_is_answered_in_that_topic(bot, tg, db) -> None:
    """Before: in a forum, `/case C-000001` asked in topic 9 about a case reported in topic 7 was
    answered in topic 7 (the case's news' topic), where the asker was not reading; `/assign C-000001`
    put its department buttons there too, and `/accept C-000001` said nothing in topic 9."""
    await two_branches(tg, LI)
    await tg.chat(FORUM)
    await said(tg, FORUM, BOSS, "/bind cy", message_thread_id=7)
    registered = await said(tg, FORUM, LI, "幸福小区5号门路灯坏了", message_thread_id=7)
    assert "C-000001" in registered["plain_text"] and registered.get("message_thread_id") == 7
    for who, typed, expected in ((LI, "/case C-000001", "📋 C-000001"), (SEC, "/case C-000001", "📋 C-000001"),
                                 (SEC, "/assign C-000001", "请选择部门"), (SEC, "/accept C-000001", "已办理 C-000001：受理")):
        before = len(await tg.messages(FORUM["id"]))
        await tg.send(FORUM, who, typed, message_thread_id=9)
        answer = await new_message(tg, FORUM["id"], before, expected, field="plain_text")
        assert answer.get("message_thread_id") == 9, (typed, answer.get("message_thread_id"), answer["plain_text"])
    card = await said(tg, FORUM, SEC, "/case C-000001", anonymous=True, message_thread_id=9)
    assert card.get("message_thread_id") == 9 and card["plain_text"].startswith("📋 C-000001"), card
    # the case's own news stays in its topic
    news = [m for m in await tg.messages(FORUM["id"]) if str(m.get("plain_text")).startswith("工单 C-000001 已受理")]
    assert news and all(m.get("message_thread_id") == 7 for m in news), [m.get("message_thread_id") for m in news]


async def test_an_anonymous_admin_who_names_the_bot_is_answered(bot, tg, db) -> None:
    """Before: an anonymous admin's "@rider_sentinel_bot 你好" (or the bot's name alone, or "@bot C-1
    怎么样了") got silence, where anyone else's gets an answer."""
    await two_branches(tg, LI)
    await report(tg, GROUP, LI, "建国路88号门口井盖丢了")
    await tg.send(GROUP, SEC, "今天下午开会", anonymous=True)  # not said to the bot: nothing
    hello = (await said(tg, GROUP, SEC, "@rider_sentinel_bot 你好", anonymous=True))["plain_text"]
    assert hello.startswith("你好！"), hello
    alone = (await said(tg, GROUP, SEC, "@rider_sentinel_bot", anonymous=True))["plain_text"]
    assert "我是骑手哨兵" in alone, alone
    card = (await said(tg, GROUP, SEC, "@rider_sentinel_bot C-1 怎么样了", anonymous=True))["plain_text"]
    assert card.startswith("📋 C-000001"), card


async def test_an_export_word_it_cannot_read_is_named(bot, tg, db) -> None:
    """Before: `/export cases 上周` (last week) and `/export cases 2026-13-01` (no such date) got the
    export's usage, as if nothing had been typed: which word was wrong, the secretary had to guess.
    Now the word is named, with the forms it knows; last week and last month are read."""
    await two_branches(tg, LI, AMY)
    await report(tg, GROUP, LI, "建国路88号门口井盖丢了")
    bad = (await said(tg, SEC["id"], SEC, "/export cases 2026-13-01"))["plain_text"]
    assert bad.startswith("没看懂“2026-13-01”。") and "上周" in bad, bad
    assert (await said(tg, SEC["id"], SEC, "/export cases 昨天"))["plain_text"].startswith("没看懂“昨天”")
    english = (await said(tg, SEC_B["id"], SEC_B, "/export cases lastweek"))["plain_text"]
    assert english.startswith("I can't read “lastweek”.") and "last week" in english, english
    for typed in ("/export cases 上周", "/export cases 上个月 csv"):
        sent = await said(tg, SEC["id"], SEC, typed)
        assert sent.get("document") and "个人信息已按负面清单脱敏" in sent["plain_text"], (typed, sent["plain_text"])
