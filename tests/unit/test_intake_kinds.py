"""Issue 14: each kind of miss, with lines written for this test (none from the dev set).

The classifier must read riders it has never seen: past / hypothetical /
second-hand / false-alarm mentions are not reports; reports phrased as
questions, complaints, sarcasm or buried in a story are; typos, slang, no
punctuation, mixed zh/en and ESL English still land; two topics -> the urgent
one wins; danger stays urgent however casually said, inconvenience does not
become urgent however loudly said; the place is the incident's, whole.
"""
from __future__ import annotations

import pytest

from bot.intake import ASK_THRESHOLD, classify


@pytest.mark.parametrize("text", [
    # already over / resolved
    "说一下 上礼拜群里讲的松柏路那个大坑 今天去看已经填平了",
    "The broken lamp on Qinghe Rd I mentioned got replaced this morning, all good",
    # a memory
    "前年冬天我在桥下摔过一跤 那时候路面结冰 现在想想还疼",
    # hypothetical / asking whom to call
    "假如半夜碰到电线掉地上 我们是打110还是找供电局啊 先问清楚",
    "what number should we ring if we ever see a gas leak? asking so I know",
    # second-hand, elsewhere, news
    "刷到个新闻 外省有个小区地库被淹了 好惨 咱们这儿倒还好",
    # community notice
    "【通知】周四晚上八点到十点青松小区电梯维保 期间暂停使用 请各位师傅提前安排",
    # false alarm
    "刚才我说闻到燃气味 搞错了 是楼下饭馆在煮东西 没事了",
    # chit-chat with a lamp / water / fire / a place
    "谁有多的头灯电池 借我一个 晚上跑单要用",
    "今天热得像火炉 兄弟们多喝水",
])
def test_not_reports(text):
    r = classify(text)
    assert not r.is_report or r.confidence < ASK_THRESHOLD, (text, r)


@pytest.mark.parametrize("text,category", [
    # a question
    ("请问青松路那个路灯坏了一个月了 到底归谁管", "lighting"),
    # complaint / sarcasm / mock thanks
    ("真是谢谢物业了 垃圾堆在单元门口五天了 臭味都能熏死蚊子", "sanitation"),
    ("呵呵 枫叶路自行车道又成停车场了 我们只能跟公交车抢道", "bike_lane"),
    # buried in a long story
    ("今天早上六点就出门了 第一单送到三楼顾客还没起床 等了十分钟 后来路过梧桐街发现红绿灯全黑了 "
     "路口乱成一团 中午吃了碗面又继续跑", "traffic"),
    # typos / homophones / slang / no punctuation
    ("松柏路的路登又坏勒黑得啥都看不见", "lighting"),
    ("梧桐街几水好深电驴都过不去", "waterlogging"),
    # mixed zh/en and ESL English
    ("Qinghe Rd那边的bike lane全被车占了", "bike_lane"),
    ("many garbage not take away near Lotus Garden, smell very bad", "sanitation"),
])
def test_reports_in_many_styles(text, category):
    r = classify(text)
    assert r.is_report, (text, r)
    assert r.category == category, (text, r)


@pytest.mark.parametrize("text,category", [
    ("一个骑手被电动车撞了 腿上全是血 人躺着起不来", "traffic"),           # injuries in an accident
    ("枫叶路的大牌子被风刮倒了 横在人行道上", "public_facility"),           # a knocked-over sign
    ("路边有个路人突然倒地 抽搐 口吐白沫", "person_in_need"),               # a passer-by's medical emergency
    ("建议在菜市场门口划个骑手临时停车区 取餐几分钟就走", "suggestion"),    # a concrete idea
    ("驿站能不能多放几把椅子 中午想歇一会都没地方坐", "rider_service"),     # a wish for a rest point
])
def test_category_confusions_the_taxonomy_settles(text, category):
    r = classify(text)
    assert r.is_report and r.category == category, (text, r)


def test_lifted_drain_cover_on_a_busy_road_is_urgent():
    r = classify("梧桐街主路上的井盖被掀开了 一个大黑洞 车来车往的")
    assert r.is_report and r.category == "road" and r.urgency == "urgent", r


@pytest.mark.parametrize("text,category,place", [
    ("服了 松柏路今天单子少 对了青松小区门口有个老太太倒地上起不来了 快来人", "person_in_need", "青松小区门口"),
    ("The bins on Lotus St are overflowing again. Also the stairwell at Pine Garden is full of smoke, call 119",
     "fire_safety", "Pine Garden"),
    ("梧桐街的路灯坏了好几天了 另外青松路口刚刚有人被车撞了 腿在流血", "traffic", "青松路口"),
])
def test_two_topics_the_urgent_one_wins(text, category, place):
    r = classify(text)
    assert r.is_report and r.category == category and r.urgency == "urgent", (text, r)
    assert r.location == place, (text, r)


def test_one_incident_in_two_sentences_keeps_its_category():
    r = classify("团结路口出车祸了。有人受伤了 躺在地上")
    assert r.is_report and r.category == "traffic" and r.urgency == "urgent" and r.location == "团结路口", r


@pytest.mark.parametrize("text", [
    "哈哈 梧桐街那边电线掉地上了 还在冒火花 大家绕着点",
    "lol there's a live wire hanging down on Qinghe Rd, sparking a bit",
])
def test_danger_stays_urgent_when_said_casually(text):
    r = classify(text)
    assert r.is_report and r.urgency == "urgent", (text, r)


@pytest.mark.parametrize("text", [
    "紧急紧急！！！青松小区北门的长椅坏了！！！快来人修！！！",
    "URGENT!!! the street lamp on Lotus St is flickering!!!",
])
def test_inconvenience_is_not_urgent_when_shouted(text):
    r = classify(text)
    assert r.is_report and r.urgency != "urgent", (text, r)


@pytest.mark.parametrize("text,place", [
    ("松柏路66号门口的井盖松了 一压就响", "松柏路66号门口"),
    ("西四环路口的红绿灯不亮了", "西四环路口"),
    ("亮马桥路积水了 车都绕着走", "亮马桥路"),
    ("Big pothole at Qinghe Rd gate 3, careful", "Qinghe Rd gate 3"),
    ("我住青松小区6号楼802 楼下梧桐街的路灯坏了", "梧桐街"),
])
def test_place_is_the_incident_whole(text, place):
    r = classify(text)
    assert r.is_report and r.location == place, (text, r)
