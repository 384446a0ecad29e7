"""Beijing places read whole (place4 kinds): a bare 在 + a well-known name with no place-like ending
(在国贸, 在四惠: jieba's dictionary tags them a place name or an abbreviation), and a name holding a
character that is also a function word (首都机场: 都, 对外经济贸易大学: 对) or ending in a terminal
building (航站楼, 候车厅). Chit-chat after 在 stays no place. Then the place5 kinds (below): a name
whose first word looks like another word (首都 "adverb"), a verb of arriving before a name, a bare 在 +
an area jieba calls a plain noun (西单, 劲松), and the parts riders add after a landmark. Lines written
for these kinds, with names of their own (not the evaluation set)."""
from __future__ import annotations

import pytest

from bot.cases.places import bare_place
from bot.intake import classify, span_crf
from bot.intake.location import extract_location
from bot.intake.places import locate
from tests.conftest import GROUP, LI, said, with_boss
from tests.factories import read_cases

pytestmark = pytest.mark.skipif(not span_crf.available(), reason="jieba / python-crfsuite not installed")


@pytest.mark.parametrize(("text", "want"), [
    ("在国贸", "国贸"),
    ("在四惠", "四惠"),
    ("我在望京这边", "望京"),
    ("就在上地呢", "上地"),
    ("人在中关村", "中关村"),
    ("在亚运村附近", "亚运村"),
    ("在大屯。", "大屯"),
])
def test_bare_at_a_dictionary_place(text: str, want: str) -> None:
    assert extract_location(text) == want
    assert locate(text) == want


@pytest.mark.parametrize("text", [
    "在吗", "在忙", "在路上了", "在等单", "在家休息", "在线", "在看海", "在上班", "在干嘛", "在摸鱼",
    "在开会", "在排队", "在师傅这", "在老王那", "在南门", "在北门", "在一起", "在休息", "在吃饭呢",
])
def test_chat_after_zai_is_still_no_place(text: str) -> None:
    assert extract_location(text) is None
    assert locate(text) is None
    assert classify(text).location is None


@pytest.mark.parametrize(("text", "want"), [
    # a function word's character inside a word of the name
    ("对外经济贸易大学东门路灯坏了", "对外经济贸易大学东门"),
    ("在对外经济贸易大学东门", "对外经济贸易大学东门"),
    ("首都机场门口有人摔倒了", "首都机场门口"),
    # a terminal building after its airport or station, with its code
    ("首都机场T3航站楼门口有人摔倒", "首都机场T3航站楼门口"),
    ("首都机场3号航站楼出口积水很深", "首都机场3号航站楼出口"),
    ("大兴机场航站楼出口有人晕倒了", "大兴机场航站楼出口"),
    ("北京南站候车厅有人晕倒了", "北京南站候车厅"),
    # a long name opening the message, made of a name's dictionary words
    ("奥林匹克森林公园南门积水很深", "奥林匹克森林公园南门"),
])
def test_names_holding_function_characters_whole(text: str, want: str) -> None:
    assert extract_location(text) == want
    assert locate(text) == want


@pytest.mark.parametrize(("text", "want"), [
    # a verb or time word glued before a name is not taken into it
    ("现在国贸大厦门口堵死了", "国贸大厦门口"),
    ("正在建国路上堵着", "建国路"),
    ("都在建国路口等着", "建国路口"),
    ("从建国门桥下来的时候摔了", "建国门桥"),
    ("把车停在幸福小区门口被罚了", "幸福小区门口"),
])
def test_chat_before_a_name_stays_out(text: str, want: str) -> None:
    assert extract_location(text) == want


@pytest.mark.parametrize("text", ["大家骑车看路注意安全", "@机器人工农市场北门燃气味很重"])
def test_a_verb_or_mention_is_not_read_into_a_name(text: str) -> None:
    """Only a grammar word's character (对, 都 …) is kept inside a dictionary word of the name, not a
    verb's (骑 of 骑车); and a mention (@机器人) does not open a clause a long name may fill."""
    loc = extract_location(text)
    assert loc is None or not loc.startswith(("骑车", "机器人"))


# ---- place5 kinds: a name's first word looks like a word of its own, a verb of arriving before a name,
# a bare 在 + an area jieba calls a plain noun, and the parts riders add (distance, floor, stop platform)

@pytest.mark.parametrize(("text", "want"), [
    # jieba's trimmed dictionary splits 首都|师范大学 and tags 首都 an adverb (都 "all"); its full
    # dictionary knows the organisation
    ("首都师范大学东门路灯坏了", "首都师范大学东门"),
    ("首都体育馆南门路灯不亮", "首都体育馆南门"),
    ("首都医科大学门口有人晕倒", "首都医科大学门口"),
    ("现在首都体育馆南门积水很深", "首都体育馆南门"),
    # in no dictionary: 首都 opens many proper names, so a name it opens is one
    ("首都经济贸易大学东门有人摔倒", "首都经济贸易大学东门"),
    # a dictionary name with no place suffix, before its gate; and museums, galleries (馆)
    ("人民日报社门口井盖没了", "人民日报社门口"),
    ("中央电视台东门路灯坏了", "中央电视台东门"),
    ("中国美术馆门口有人晕倒了", "中国美术馆门口"),
    ("军事博物馆北门积水很深", "军事博物馆北门"),
])
def test_a_name_whose_first_word_looks_like_another_word_reads_whole(text: str, want: str) -> None:
    assert extract_location(text) == want
    assert locate(text) == want
    assert classify(text).location == want


@pytest.mark.parametrize(("text", "want"), [
    ("我在首都师范大学东门等单", "首都师范大学东门"), ("都在中国美术馆门口排队", "中国美术馆门口"),
    ("刚才在首都体育馆南门看到他了", "首都体育馆南门"),
])
def test_such_a_name_after_a_function_word_reads_whole(text: str, want: str) -> None:
    assert extract_location(text) == want
    assert locate(text) == want


@pytest.mark.parametrize(("text", "want"), [
    ("到达国贸大厦时发现门口井盖没了", "国贸大厦"),  # read 达国贸大厦
    ("刚到达三里屯太古里就看见着火了", "三里屯太古里"),
    ("抵达望京SOHO发现路灯坏了", "望京SOHO"),  # read 抵达望京SOHO
    ("抵达幸福小区发现井盖没了", "幸福小区"),
    ("进入朝阳公园南门后发现路灯全灭", "朝阳公园南门"),
    ("到达首都师范大学东门发现路灯坏了", "首都师范大学东门"),
    ("一直到达国贸桥下都在堵", "国贸桥下"),
])
def test_a_verb_of_arriving_is_not_read_into_the_name(text: str, want: str) -> None:
    assert extract_location(text) == want
    assert classify(text).location == want


@pytest.mark.parametrize(("text", "want"), [
    # the scan stops at a stop character (这, 那, 来) whose word takes the name's first characters along
    ("去年这时候幸福小区3号门积水很深", "幸福小区3号门"),  # read 时候幸福小区3号门
    ("我老家那边建国路井盖丢了", "建国路"),  # read 边建国路
    ("一路骑过来光华路辅路有个大坑", "光华路辅路"),  # read 来光华路辅路
    ("刚干外卖那年团结湖公园北门也积过水", "团结湖公园北门"),  # read 年团结湖公园北门
])
def test_a_word_opened_before_the_name_is_not_read_into_it(text: str, want: str) -> None:
    assert extract_location(text) == want
    assert locate(text) == want


@pytest.mark.parametrize("text", ["建议社区搞个骑手通行码", "那边驿站的热饭机坏了", "能不能驿站放个微波炉"])
def test_chat_left_before_a_suffix_is_no_name(text: str) -> None:
    """建议 before 社区 is chat, not a name, once the word before it is left out; 驿 of 驿站 is no name."""
    loc = extract_location(text)
    assert loc not in ("建议社区", "驿站", "边驿站")


@pytest.mark.parametrize("text", ["解放路路灯坏了", "振兴路井盖没了", "安定门外大街积水", "至诚路有个大坑",
                                  "通达花园门口井盖没了", "经贸大厦门口堵车", "达官营地铁站A口积水"])
def test_a_name_made_of_a_verb_keeps_it(text: str) -> None:
    """Names that are verbs (解放, 振兴, 安定) or hold an arriving verb's character (至, 达, 经) stay whole."""
    loc = extract_location(text)
    assert loc is not None and text.startswith(loc)


@pytest.mark.parametrize(("text", "want"), [
    ("在西单", "西单"), ("在劲松", "劲松"), ("在鼓楼", "鼓楼"), ("我在东单", "东单"), ("在安贞", "安贞"),
    ("在大红门这边", "大红门"), ("人在西单呢", "西单"),
])
def test_bare_zai_and_an_area_jieba_calls_a_plain_noun(text: str, want: str) -> None:
    """The answer to "where?": jieba tags these areas plain nouns (西单, 劲松) or a person's name (安贞)."""
    assert extract_location(text) == want
    assert locate(text) == want
    assert bare_place(text, want) == want


@pytest.mark.parametrize("text", ["在公司", "在学校", "在工地", "在老家", "在厨房", "在电梯", "在单位",
                                  "在摸鱼", "在挂机", "在排队", "在老王", "在小李", "在店里", "在床上"])
def test_bare_zai_and_an_everyday_noun_or_activity_is_no_place(text: str) -> None:
    assert extract_location(text) is None
    assert locate(text) is None


@pytest.mark.parametrize(("text", "want"), [
    ("金台路往东200米有个大坑", "金台路往东200米"),
    ("国贸大厦往北50米井盖松了", "国贸大厦往北50米"),
    ("幸福小区东门以北50米处路灯坏了", "幸福小区东门以北50米处"),
    ("朝阳大悦城负一层漏水了", "朝阳大悦城负一层"),
    ("国贸商城地下二层漏水", "国贸商城地下二层"),
    ("万达广场负2层着火", "万达广场负2层"),
    ("双井公交站台顶棚掉下来了", "双井公交站台"),
    ("团结湖公园斜对面有人晕倒", "团结湖公园斜对面"),
    ("光华路与东三环交叉口东北角井盖没了", "光华路与东三环交叉口东北角"),
    ("国贸桥东南角积水很深", "国贸桥东南角"),
    ("金台路地铁站东北口电动车堵住了", "金台路地铁站东北口"),
    ("地铁10号线国贸站A口积水", "地铁10号线国贸站A口"),
    ("地铁十号线劲松站东北口积水", "地铁十号线劲松站东北口"),
    ("pothole on Jianguo Rd near exit A of Guomao station", "Jianguo Rd near exit A of Guomao station"),
    ("outside No. 12 Keyuan Rd the manhole cover is missing", "No. 12 Keyuan Rd"),
    ("a tree fell outside No.8 Guanghua Rd", "No.8 Guanghua Rd"),
    ("pothole in front of #5 Jianguo Rd", "#5 Jianguo Rd"),
])
def test_the_part_after_a_landmark_is_kept(text: str, want: str) -> None:
    """A distance from the landmark, a floor below ground, the stop's platform, a corner, an exit named
    by its side, the metro line before its station, whose exit it is, a house number."""
    assert extract_location(text) == want
    assert classify(text).location == want


@pytest.mark.parametrize(("text", "want"), [
    ("朝阳路路北有人摔倒", "朝阳路路北"),  # read 朝阳路路 (a second 路 glued on as a piece of its own)
    ("建国路路东侧人行道井盖没了", "建国路路东侧人行道"),
    ("高碑店村口垃圾堆满了", "高碑店村口"),
    ("国贸地铁站D口外有人打架", "国贸地铁站D口外"),
    ("朝阳医院急诊门口电动车乱停", "朝阳医院急诊门口"),
    ("朝阳医院门诊楼门口积水很深", "朝阳医院门诊楼门口"),
])
def test_a_side_an_entrance_or_a_wing_is_kept(text: str, want: str) -> None:
    assert extract_location(text) == want


@pytest.mark.parametrize(("text", "want"), [
    ("建国路南口积水", "建国路南口"), ("朝阳路路口堵车", "朝阳路路口"), ("老街路口堵车", "老街路口"),
    ("国贸地铁站D口外卖小哥摔倒了", "国贸地铁站D口"),
])
def test_a_side_word_does_not_take_the_next_word(text: str, want: str) -> None:
    assert extract_location(text) == want


@pytest.mark.parametrize(("text", "want"), [
    # forms that already read whole, kept so
    ("国贸地铁站C口有人晕倒了", "国贸地铁站C口"), ("三元桥桥下积水很深", "三元桥桥下"),
    ("四惠桥桥洞里有人晕倒", "四惠桥桥洞"), ("光华路与东三环交叉口红绿灯坏了", "光华路与东三环交叉口"),
    ("华贸中心对面路灯不亮", "华贸中心对面"), ("幸福小区3号门有人晕倒", "幸福小区3号门"),
    ("京藏高速辅路有个大坑", "京藏高速辅路"), ("合生汇B1层着火了", "合生汇B1层"),
    ("near exit B of Xidan station a man collapsed", "exit B of Xidan station"),
    ("on the overpass at Sanyuan Bridge a car broke down", "overpass at Sanyuan Bridge"),
])
def test_common_place_forms_read_whole(text: str, want: str) -> None:
    assert classify(text).location == want


@pytest.fixture
def settings(settings):  # type: ignore[no-untyped-def]
    return with_boss(settings)


@pytest.mark.parametrize("answer, place", [("在劲松", "劲松"), ("在西单", "西单")])
async def test_bare_zai_and_an_area_answers_the_place_question(bot, tg, db, answer, place) -> None:  # type: ignore[no-untyped-def]
    """In the group, "在劲松" after the bot asked for the place (no Reply) fills the case's place."""
    await tg.send(GROUP, LI, "路灯坏了")
    [asked] = await tg.wait(GROUP["id"], 1)
    assert "还缺地点" in asked["text"]
    reply = await said(tg, GROUP, LI, answer)
    assert place in reply["text"] and "C-000002" not in reply["text"]
    [case] = await read_cases(db)
    assert case.location == place and not case.awaiting_location


@pytest.mark.parametrize(("text", "want"), [
    ("manhole open 200m east of Guomao Bridge", "200m east of Guomao Bridge"),  # read Guomao Bridge
    ("a truck overturned 200 metres north of Sihui Bridge, the driver is trapped", "200 metres north of Sihui Bridge"),
    ("fire on the 2nd floor of Joy City Chaoyang", "2nd floor of Joy City Chaoyang"),
    ("someone fainted at B1 of Taikoo Li", "B1 of Taikoo Li"),
    ("flooding in the underpass below the East 3rd Ring", "underpass below the East 3rd Ring"),
    ("water main burst on Jianguo Rd near the Dawang Rd exit", "Jianguo Rd near the Dawang Rd exit"),
])
def test_english_spot_given_from_a_landmark_is_kept(text: str, want: str) -> None:
    """As in Chinese (往东200米, 负一层, 桥下): the distance, the floor, the underpass, the exit."""
    assert extract_location(text) == want
    assert classify(text).location == want


@pytest.mark.parametrize(("text", "want"), [
    ("exit B of Xidan station is flooded", "exit B of Xidan station"),
    ("Water under the Sihui Bridge", "Sihui Bridge"),
    ("the exit is blocked at Guomao station", "Guomao station"),
])
def test_english_landmarks_read_as_before(text: str, want: str) -> None:
    assert extract_location(text) == want
