"""Places, the place9 kinds (lines written for these kinds, not the evaluation set): a road named 道, as most
of central Tianjin's are (成都道, 睦南道, 大理道, 重庆道) and Hong Kong's (彌敦道), and a numbered highway
(107国道, G107国道, S203省道): the rules knew neither, so the rider was asked where; while the everyday words
ending in 道 (知道, 人行道, 车道, 非机道, 盲道, 楼道, 下水道, 道路, 道牙子) stay words; and going into a
compound (骑车进小区, 进出小区) is no compound's name."""
from __future__ import annotations

import pytest

from bot.intake import classify, span_crf
from bot.intake.location import extract_location
from bot.intake.places import locate

pytestmark = pytest.mark.skipif(not span_crf.available(), reason="jieba / python-crfsuite not installed")


@pytest.mark.parametrize(("text", "want"), [
    ("成都道的路灯坏了一排", "成都道"),
    ("睦南道有个井盖没了", "睦南道"),
    ("在大理道，路灯不亮", "大理道"),
    ("重庆道上有辆车着火了", "重庆道"),
    ("卫国道红绿灯坏了", "卫国道"),  # 国道 is a word, 卫国 a place's name
    ("常德道路口的井盖没了", "常德道路口"),
    ("成都道路灯坏了", "成都道"),
    ("黑牛城道有人晕倒了", "黑牛城道"),
    ("彌敦道的路燈壞了一排", "彌敦道"),
    ("107国道上有个大坑", "107国道"),
    ("G107国道积水很深", "G107国道"),
    ("S203省道路灯不亮", "S203省道"),
])
def test_a_road_named_dao_or_a_numbered_highway(text: str, want: str) -> None:
    assert extract_location(text) == want
    assert locate(text) == want
    assert classify(text).location == want


@pytest.mark.parametrize("text", [
    "知道路灯坏了吗",
    "人行道上井盖没了",
    "车道中间有个坑",
    "辅道上有个大坑",
    "非机道又被汽车霸占了",
    "小区楼道的灯坏了",
    "下水道堵了",
    "难道路灯没人管吗",
    "国道上有个坑",
    "这道坎太高了摔了",
    "团结路道路施工 半幅封闭",
])
def test_everyday_words_ending_in_dao_are_no_road(text: str) -> None:
    place = extract_location(text)
    assert place is None or not place.endswith(("道", "道路")), place


def test_a_road_before_the_word_road_or_curb_keeps_its_own_name() -> None:
    assert extract_location("复兴路道牙子碎了一地") == "复兴路"
    assert extract_location("友谊路主路盲道上停满了电动车") == "友谊路主路"


@pytest.mark.parametrize("text", [
    "保安不让我们骑车进小区 让走两公里送上楼",
    "骑车进小区被拦",
    "骑车回社区的路上井盖没了",
    "建议给骑手发个社区通行卡 进出小区不用每次登记",
])
def test_going_into_a_compound_names_none(text: str) -> None:
    """"骑车进小区" had the place "车进小区", "进出小区" "进出小区": a verb of going in before 小区/社区."""
    assert extract_location(text) is None


@pytest.mark.parametrize(("text", "want"), [
    ("前进小区门口的路灯坏了", "前进小区门口"),
    ("回龙观社区门口积水", "回龙观社区门口"),
])
def test_a_compound_whose_name_holds_such_a_verb_keeps_it(text: str, want: str) -> None:
    assert extract_location(text) == want


@pytest.mark.parametrize(("text", "want"), [
    ("宽窄巷子那边有人晕倒了", "宽窄巷子"),  # Chengdu's lanes: no place, the rider was asked where
    ("宽窄巷子里井盖没了", "宽窄巷子"),
])
def test_a_lane_named_xiangzi(text: str, want: str) -> None:
    assert extract_location(text) == want


@pytest.mark.parametrize("text", ["后面巷子里有人摔倒了", "那条巷子的路灯坏了", "小巷子里积水", "钻进巷子就迷路",
                                  "穿过巷子有个坑"])
def test_an_alley_unnamed_is_no_place(text: str) -> None:
    assert extract_location(text) is None


@pytest.mark.parametrize(("text", "want"), [
    ("Garbage everywhere behind the wet market on Xinyuan St", "wet market on Xinyuan St"),  # was "market on …"
    ("rats all over the night market on Guijie", "night market on Guijie"),
    ("the market on Xinyuan St stinks", "market on Xinyuan St"),
])
def test_a_kind_of_market_keeps_its_kind(text: str, want: str) -> None:
    assert extract_location(text) == want


@pytest.mark.parametrize(("text", "want"), [
    ("Drain blocked in Tuanjiehu Beili, building 5", "Tuanjiehu Beili, building 5"),  # was without its building
    ("Tuanjiehu Beili building 5 drain blocked", "Tuanjiehu Beili building 5"),  # was none
    ("someone collapsed in Anzhen Xili", "Anzhen Xili"),
])
def test_a_compound_named_by_its_side_in_pinyin(text: str, want: str) -> None:
    assert extract_location(text) == want


@pytest.mark.parametrize(("text", "want"), [
    ("big hole in front of the Wanda Plaza north gate", "Wanda Plaza north gate"),  # was "Wanda Plaza"
    ("light out at Wanda Plaza main entrance", "Wanda Plaza main entrance"),
    ("pothole at Guomao exit B", "Guomao exit B"),
])
def test_a_gate_named_by_its_side_after_the_place(text: str, want: str) -> None:
    assert extract_location(text) == want
