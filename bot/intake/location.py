"""Location extraction: the shortest exact span of the message naming the place.

Works on the normalised text (same length as the original, see normalize.py) and
returns a slice of the *original* text, so the result is always an exact
substring of what the rider wrote, or None.

Chinese: a place is a proper name followed by a place-type suffix (路/街/大道,
小区/花园/苑, 广场/大厦/医院/驿站 …), optionally followed by sub-parts (3号门,
北门, 5栋, B座楼下, 地库入口, 辅路, 桥下, 路口 …). Adjacent pieces are merged, two
roads joined by 和/与 into a junction are merged, and "那个路口 / 那条路" style
tails are kept. Positional words that add nothing (上, 里, 附近, 那边, 这一片)
are left out.

English: a capitalised proper name ending in a street / place suffix (Rd, St,
Ave, Blvd, Plaza, Garden, Village …), widened to the left by a place head noun
("underpass on", "bus stop on", "back of the") and to the right by a landmark
("near Metro Exit B", "outside the mall", "pedestrian crossing", "junction").
"""
from __future__ import annotations

import re
from typing import Any

from bot.privacy.places import EN_UNIT_WORD, HOME_BEFORE_EN, HOME_MARK_ZH

from .normalize import normalize

# ---------------------------------------------------------------- Chinese ----
_HAN = "\u4e00-\u9fff"
_NUM = "0-9一二三四五六七八九十两"

# characters that never belong to a place name (particles, pronouns, verbs of
# motion that glue a place into a sentence)
_STOP = set("在到的了是说那这个从往去把被与跟就都也又还我你他她它们啊吧呢吗么给让对向离过呀哦哈嘛啦"
            "您咱谁啥要有没不很太好真刚已经正还想帮找送骑走跑停堵坏灭亮闪臭积淹漏掉倒摔着知道住问")
# stop characters that are grammar words (not verbs like 骑 of 骑车): inside a dictionary word of a
# name they are the name's (首都机场, 对外经济贸易大学: 经 of 已经; _held_stop)
_FUNCTION_CHARS = set("在到的是那这个从往与跟就都也又还给对向离于至已经")
# stop characters that also begin place names (亮马桥路, 太平街, 向阳路): kept when they open
# the message or follow a separator, where they cannot be a verb glued onto the name
_NAME_OPENERS = set("亮太好正向和知问")
_ARRIVED = {"到了", "去了", "来了", "过了"}  # 到了|亮马桥路: a verb of going and 了, then the name
# verbs said twice to ask someone to deal with a place ("有没有人管管玉兰花园", "谁来看看…门口"):
# the doubled verb is no part of the name (管庄, 看丹 keep theirs: not doubled)
_DOUBLED_VERBS = set("管看修查问瞧弄催扫治搞")
# words that, at the start of a candidate name, are chat rather than place
_LEAD_WORDS = ("兄弟们", "兄弟", "家人们", "师傅们", "师傅", "大家", "注意", "紧急", "求助", "快来",
               "今天", "昨天", "刚才", "刚刚", "现在", "晚上", "早上", "中午", "下午", "半夜",
               "路过", "附近", "前面", "后面", "旁边", "对面", "听说", "发现", "看到", "看见",
               "我们", "咱们", "这边", "那边", "一个", "有个", "有人", "那个", "这个", "那条",
               "这条", "每次", "每天", "天天", "又是", "还是", "然后", "结果", "请问", "麻烦",
               "报告", "反映", "举报", "投诉", "提醒", "哇", "哎", "唉", "嗯", "喂", "靠", "卧槽",
               "艾玛", "我去", "救命", "靠近", "听人说", "据说", "好家伙", "真是", "居然", "竟然", "快", "赶紧", "老是", "总是", "好像", "感觉", "应该",
               "可能", "据说", "楼下", "门口", "马上", "立刻", "出车祸了", "出事了", "着火了",
               "建议", "感谢", "谢谢", "希望", "情况", "各位师傅", "可以在", "能不能在", "吐槽", "过来",
               "出来", "回来", "方才", "刚才", "发现", "小心", "当心",
               # connectives that join a second report to the first ("另外建国路那边路灯也不亮")
               "另外", "此外", "而且", "并且", "以及", "还有")

# place-type suffixes; longest first inside each alternation
_ROAD_SUF = (r"(?:十字路口|交叉口|路口|街口|大道|步行街|商业街|美食街|小吃街|大街|公路|环路|高速|胡同|路|街|巷子|巷|弄|"
             # a numbered highway (107国道, G318国道, S203省道); a road named 道 (成都道, 睦南道: Tianjin's,
             # Hong Kong's 弥敦道), weak: 道 ends many everyday words too (_road_named_dao)
             r"国道|省道|县道|道)")
_AREA_SUF = (r"(?:小区|花园|家园|新村|新城|山庄|公寓|宿舍|社区|华府|公馆|大院|名苑|别墅|庄园|"
             r"广场|大厦|大楼|写字楼|商场|商厦|商城|购物中心|百货|中心|市场|菜场|超市|医院|卫生院|诊所|"
             r"幼儿园|小学|中学|大学城|大学|学校|学院|书店|公园|体育馆|体育场|图书馆|美术馆|博物馆|纪念馆|科技馆|展览馆|艺术馆|文化馆|游泳馆|电影院|影院|"
             r"酒店|宾馆|银行|网吧|饭店|码头|机场|航站楼|候机楼|候车楼|候车厅|天地|天街|驿站|服务站|加油站|充电站|"
             r"地铁站?[a-z][0-9]?(?:出|入)?口|地铁站?[0-9]{1,2}号?(?:出|入)?口|地铁站?(?:出|入)?口|地铁站|公交站台|公交站|火车站|高铁站|汽车站|客运站|车站|停车场|立交桥|立交|大桥|天桥|桥|"
             r"隧道|高架|工业园|产业园|科技园|园区|城|苑|湾|村|园|区|站|"
             # Beijing's compounds named by their side (团结湖北里, 水碓子东里, 安贞西里): the side and 里
             # are the suffix, so the name before them is short (团结湖), whole, with or without a number
             r"[东西南北中]里(?![面头边屋子外])|"
             r"里(?=[0-9一二三四五六七八九十]+(?:号|栋|幢|单元|期|区)|小区|社区))")
# chain stores and big malls riders use as landmarks without a place suffix; a mall's name is often
# its district's plus the brand (三里屯太古里, 朝阳大悦城, 侨福芳草地), and its parts follow (北区门口, B1层)
_BRANDS = re.compile(r"万达|万象城|万象汇|沃尔玛|家乐福|大润发|永辉|盒马|肯德基|麦当劳|星巴克|苏宁|银泰|吾悦|宝龙|"
                     r"华润|印象城|天虹|山姆|宜家|海底捞|7-?11|便利蜂|全家|罗森|太古里|大悦城|合生汇|颐堤港|"
                     r"芳草地|来福士|爱琴海|荟聚|凯德mall|凯德|奥特莱斯|奥莱|"
                     # office parks and malls named in Latin letters, whole words (望京SOHO, 国贸CBD, 北京SKP)
                     r"(?<![a-z])(?:soho|cbd|ifc|skp|apm|k11)(?![a-z])")
# characters before 路/街 that make a common word, not a road name (修路, 马路, 逛街)
_BAD_PREV = {"路": set("封修绕马走带让堵问近道一上过出开拦挡铺占迷找半引探赶认小大条段抄顺同赶"),
             "街": set("逛满上沿临大小条整扫摆"), "城": set("进全出满同县古京"),
             "区": set("小社城景园地郊市片分山灾"), "站": set("车驿")}
_STREET_KINDS = {"步行", "商业", "美食", "小吃"}  # 步行街, 商业街 …: _ROAD_SUF's, whole
_SUF = re.compile(rf"{_ROAD_SUF}|{_AREA_SUF}")
_SUF_END = re.compile(rf"(?:{_ROAD_SUF}|{_AREA_SUF}|{_BRANDS.pattern})(?:门口|[东西南北正后侧]门)?$")


def ends_as_place(name: str) -> bool:
    """Whether `name` (normalised) ends in a place type the rules know (路, 小区, 广场, 地铁站…, a brand),
    perhaps with its gate: a name that is a place by its form, not only by where it stands in a sentence."""
    return _SUF_END.search(name) is not None
_RING = re.compile(r"[东南西北内外中][一二三四五六七]?环(?:路)?(?![保境卫球境节])")
# what comes before 弄 when it is a lane: its number (Shanghai's lanes off a road: 长乐路325弄, 富民路八十八弄)
_LANE_NUMBER = set("0123456789一二三四五六七八九十百零〇两")
# what may not follow a suffix if it is really a suffix
_BAD_NEXT = {
    "路": set("灯面过人费线程由子牙边况段标障虎"), "街": set("道头边灯上"), "城": set("管市里"),
    "区": set("域别"), "站": set("长着在起队住岗"), "园": set("丁艺林"), "村": set("民长"),
    "中心": set("线点"), "市场": set("价部"), "高架": set("桥"),
    "巷": set("子"), "湾": set("区"), "道": set("歉理德具谢别贺喜牙"), "苑": set(), "弄": set("坏丢脏乱"), "桥": set("梁洞"),
}
# generic words: a "name" made only of these is not a proper name
_GENERIC_NAMES = {"马", "道", "大", "小", "公", "一", "这", "那", "立交", "天", "公交", "地铁", "过",
                  "高架", "小区", "主", "辅", "上", "下", "门", "路", "出", "进", "绕", "修", "封",
                  "半", "近", "带", "找", "问", "走", "迷", "让", "条", "段", "整", "这条", "那条",
                  "充电", "服务", "停车", "加油", "换电", "休息", "外卖", "快递", "骑手", "商", "菜",
                  "超", "医", "学", "公共", "校", "饭", "网", "厕", "公园", "大桥", "马路", "路口",
                  "城", "全", "同", "县", "本", "该", "老小", "社", "园", "景", "郊", "市",
                  "片", "分", "前", "后", "这个", "那个",
                  "那座", "这座", "座", "个", "隔壁", "对面", "附近", "旁边", "街道", "高速", "车",
                  "单车", "电动车", "停", "地下", "底下", "楼下", "桥", "人行", "非机动车", "机动车",
                  "自行车", "快", "慢", "车道", "拐", "转", "弯", "十字", "三岔", "丁字", "回家",
                  "到家", "大街", "小街", "街", "夜", "早", "新", "旧", "整条", "每条", "哪条",
                  "哪个", "一条", "两条", "好几", "几"}
# sub-parts that extend a place to the right
_SUB = re.compile(
    # a distance from the landmark (往东200米, 以北50米处, 东侧100米): where the spot is, not the landmark
    rf"(?:(?:往|向|朝|以)?[东南西北]{{1,2}}(?:侧|边|面|方向)?(?:约|大约|大概)?[0-9{_NUM}百]+(?:米|公里)(?:处|左右)?|"
    # a floor below ground (负一层, 地下二层, 负1楼)
    rf"(?:负|地下)[1-4一二三四](?:层|楼)|斜对面|正对面|"
    rf"[东南西北中]区|[{_NUM}]+号(?:门外(?!面)|门口|门前|门|楼下(?!水道)|楼|院|库)|[{_NUM}]+(?:栋|幢|单元|号|期|层|楼|区|座)|[a-z][0-9]{{1,2}}(?![0-9])(?:层|楼|(?:出|入)?口)?|[a-z]座|"
    r"(?:东南|东北|西南|西北|[东南西北正后侧大小])门(?:口|外)?|大门口|门口|门外|门前|出入口|"
    r"地库(?:入口|出口)?|地下车库(?:入口|出口)?|地下停车场|停车场(?:入口|出口)?|楼下(?!水道)|"
    r"(?:[东南西北]侧)|入口|出口|辅路|主路|主干道|绿化带|人行道|步道|桥洞|桥下面|桥下|桥底下|"
    r"天桥|地下通道|下穿隧道|下穿|隧道|高架(?:桥)?(?:下面|下|底下)?|十字路口|三岔路口|丁字路口|"
    r"路口|交叉口|环岛|公交站台?|地铁站?[a-z]?[0-9]{0,2}(?:号)?(?:出|入)?口|地铁站|地铁口|[a-z][0-9]?(?:出|入)?口|驿站|急转弯|转弯处|拐角处?|转角|"
    # a corner of a junction or bridge (东北角), an exit or end named by its side (东北口, 西出口, 北口),
    # outside an exit (D口外), a road's side (朝阳路|路北), a hospital's wing (急诊门口, 住院部)
    r"(?:东南|东北|西南|西北)角|(?:东南|东北|西南|西北|[东南西北])(?:出|入)?口|(?<=口)外(?![卖地国面边])|"
    r"(?<=路)路[东南西北](?:侧)?(?![路街道巷桥口门])|(?:急诊|门诊|住院)(?:大楼|楼|部|科)?|"
    r"喷泉边|花坛边?|广场|停车棚|车棚|充电棚|垃圾站|垃圾桶旁边|厕所旁边|工地门口|"
    r"旁边|边上|对面|下面|底下|后面|前面|后门|正门|侧门)")
# tails kept after a place: "那个路口", "后面那条路", "靠近菜市场那段"
_TAIL = re.compile(
    rf"(?:(?:后面|旁边|对面|前面|东边|西边|南边|北边)?(?:那个|那条|这个|这条|那|这)"
    rf"(?:小路|小巷|巷子|三岔路口|十字路口|丁字路口|路口|路段|坡|路|弯道|弯)(?![灯面])"
    rf"|靠近[{_HAN}]{{1,6}}?那段)")
_JOIN = set("和与跟/、&")
_NAME_MAX = 4
_NAME_LONG = 8  # a name right after 在/到/从 may be this long (_long_name)
_PLACE_INTRO = set("在到从往去于至")
_NOT_IN_LONG = re.compile(rf"[哪上下]|[{_NUM}][点时]")


_WEAK_SUF = {"城", "区", "园", "村", "湾", "站", "苑", "中心", "社区", "桥", "里", "道", "巷子", "东里", "西里", "南里", "北里", "中里"}
_SINGLE_OK = {"苑", "大道", "大街", "新村", "新城", "天地", "街", "湾", "广场", "大厦", "花园"}


def _name_start(n: str, end: int, lo: int) -> tuple[int, bool]:
    """Start of the proper name ending at `end` (exclusive), not before `lo`;
    and whether the name had to be cut (a run-on sentence, less reliable)."""
    i = end
    while i > lo and end - i < 10:
        ch = n[i - 1]
        if ch in _STOP or not ("\u4e00" <= ch <= "\u9fff" or ch.isalnum()):
            held = _held_stop(n, i - 1, lo, end) if ch in _FUNCTION_CHARS else None
            if held is not None:
                i = held  # 首都|机场, 对外|经济: the stop character is inside a word of the name
                continue
            if ch in _NAME_OPENERS and (i - 1 == 0 or not ("\u4e00" <= n[i - 2] <= "\u9fff")
                                        or n[i - 2] in "才在到从" or n[max(0, i - 3):i - 1] in _ARRIVED) \
                    and i - 1 >= lo:
                i -= 1
            break
        if ch in "和" and i - 1 == lo and lo > 0:
            break
        i -= 1
    if 0 < i < end and n[i - 1:i + 1] in ("刚才", "方才"):
        i += 1  # 才 belongs to 刚才, not to the name (育才路 keeps its 才)
    i = _past_verb(n, i, end, lo)
    line = n.rfind("号线", i, end)
    if line >= 0:
        i = line + 2  # 10号线|国贸站: the station's name follows its line (the line is put back: _LINE_BEFORE)
    if 0 < i < end - 2 and n[i - 1] in "说看问查" and n[i] == "下":
        i += 1  # 说下|惠新西街: 下 ends the verb (说一下), not part of the name
    for k in range(end - 4, i - 1, -1):
        if n[k] == n[k + 1] and n[k] in _DOUBLED_VERBS:
            i = k + 2  # (谁来)看看|玉兰花园: the name starts after a doubled verb
            break
    changed = True
    stripped = False
    while changed and i < end:
        changed = False
        for w in _LEAD_WORDS:
            if n.startswith(w, i) and end - i - len(w) >= 1:
                i += len(w)
                changed = stripped = True
                break
    cut = False
    if end - i > _NAME_MAX and not _long_name(n, i, end, stripped):
        i = end - _NAME_MAX
        cut = True
        for w in _LEAD_WORDS:  # a run-on cut may start on a chat word: 发现|西丽商场
            if len(w) > 1 and n.startswith(w, i) and end - i - len(w) >= 1:
                i += len(w)
                break
    return i, cut


def _held_stop(n: str, p: int, lo: int, end: int) -> int | None:
    """Where the word holding the stop character n[p] starts, when that word goes on into the name
    after it and is a word of a name (not a verb, pronoun or particle by jieba's dictionary): 首都机场
    (都 "all"), 对外经济贸易大学 (对 "to") are names, 到达|国贸 and 现在|国贸 are not. Failing that, jieba's
    full dictionary decides (_proper_across): 首都师范大学 is an organisation's name there, though the
    trimmed dictionary splits it 首都|师范大学 and tags 首都 an adverb. None otherwise, or without jieba."""
    if not ("\u4e00" <= n[p] <= "\u9fff") or p + 1 > end:
        return None
    from .span_crf import is_name_word, name_words
    a = max(lo, p - 3)
    words = name_words(n[a:end + 4])  # the word may run on into the suffix (首都机场)
    if not words:
        return None
    for s, e, tag in words:
        if s <= p - a < e:
            if e > p - a + 1 and e - s >= 2 and a + s >= lo and is_name_word(tag):
                return a + s
            return _proper_across(n, p, lo, (a + s, a + e))
    return None


_PROPER_MAX = 12  # the longest dictionary name looked for before a gate (中国人民解放军总医院 is 10)


def _proper_across(n: str, p: int, lo: int, word: tuple[int, int]) -> int | None:
    """Where a proper name of jieba's full dictionary holding n[p] starts (首都师范大学, 首都体育馆,
    中国美术馆 …), when it goes on past n[p]; or, when `word` (the trimmed dictionary's word holding n[p])
    ends at n[p] and opens many of the dictionary's proper names (首都: 首都经济贸易大学 is in no
    dictionary), that word's start. The earliest start wins (the longest name). None otherwise."""
    from .span_crf import name_head, proper_names_from
    for k in range(max(lo, p - 3), p + 1):
        if proper_names_from(n, k, p + 1) is not None:
            return k
    s, e = word
    if e == p + 1 and e - s >= 2 and s >= lo and name_head(n[s:e]):
        return s
    return None


# characters of the verbs that bring a rider to a place or past it (到达, 抵达, 进入, 驶入, 穿过, 途经 …)
_ARRIVE = set("到达至抵入过经")


_PASSING_NOUNS = {"途经", "路经", "途径"}
"""Words of passing by that jieba's dictionaries tag nouns (途经官营地铁站, 路经: by way of), and 途径
("way, means" to jieba), the common misspelling of 途经 (the same sound, tújīng/tújìng): before a place
("途径官营地铁站B口时看到…") it is the verb of passing. It holds none of _ARRIVE's characters, so these
words are looked for whole (_arrives)."""


def _arrives(piece: str) -> bool:
    """Whether `piece` may hold a verb of arriving or passing (a character of _ARRIVE, or one of
    _PASSING_NOUNS), so that a jieba cut across it is worth its cost."""
    return any(c in _ARRIVE for c in piece) or any(w in piece for w in _PASSING_NOUNS)


def _past_verb(n: str, i: int, end: int, lo: int) -> int:
    """Where the name n[i:end] starts once a verb before it is left out, by jieba's words: the
    scan stops at a stop character and the word it opens takes the name's first characters along
    (到|达国贸大厦: 到达 is a verb); or the name opens with a verb of arriving or passing (抵达望京SOHO,
    进入朝阳公园). Verbs that name places (解放路, 振兴路, 安定门) hold none of _ARRIVE's characters, and
    a name a verb would leave nothing of is kept. `i` unchanged without jieba."""
    if end - i < 2 or not ("\u4e00" <= n[i] <= "\u9fff"):
        return i
    from .span_crf import is_name_word, name_words, starts_a_word
    glued = i > lo and n[i - 1] in _STOP and starts_a_word(n[i - 1:i + 1])
    if not glued and not _arrives(n[i:i + 2]):
        return i  # the common case: no jieba cut
    a = i - 1 if glued else i
    words = name_words(n[a:end])
    if not words:
        return i
    s, e, tag = words[0]
    if glued and e > 1 and not is_name_word(tag) and a + e < end - 1:
        return a + e  # 到达|国贸: the verb opened at the stop character ends inside the name (not 那边|驿站)
    if glued:
        words = words[1:] if e == 1 else []
    if words:
        s, e, tag = words[0]
        word = n[a + s:a + e]
        verb = _verb_of(word, tag)
        if a + s == i and verb and len(word) >= 2 and _arrives(word) and a + e < end:
            return a + e
    return i


def _passing_before(n: str, k: int) -> bool:
    """Whether the two characters before n[k] are a verb of arriving or passing (路过, 经过, 途经, 到达)."""
    if k < 2 or not _arrives(n[k - 2:k]):
        return False
    from .span_crf import name_words
    words = name_words(n[k - 2:k]) or []
    return len(words) == 1 and _verb_of(n[k - 2:k], words[0][2])


def _verb_of(word: str, tag: str) -> bool:
    """Whether jieba's `word` (tagged `tag`) can be a verb of passing: a verb, a preposition (经过,
    经由 are prepositions to jieba) or one of _PASSING_NOUNS (途经, 途径, nouns to jieba)."""
    return tag.startswith(("v", "p")) or word in _PASSING_NOUNS


_CLAUSE_END = set("，。！？；：,.!?;: \n")
"""What ends a clause before a name (not "@", which opens a mention: @机器人|工农市场)."""


def _dict_run(run: str) -> bool:
    """Whether `run` is made of dictionary words of a name only (two characters or more each, none a
    verb, numeral or particle unless it opens many proper names, as 首都 does): 对外经济贸易 and
    首都经济贸易 are, 下周一起富民 is not. Without jieba: False."""
    from .span_crf import is_name_word, name_head, name_words
    words = name_words(run)
    return bool(words) and all(e - s >= 2 and (is_name_word(t) or name_head(run[s:e])) for s, e, t in words or ())


def _long_name(n: str, i: int, end: int, stripped: bool) -> bool:
    """Whether the run n[i:end], longer than _NAME_MAX, is one name rather than a run-on sentence
    ending in one: Han characters only (no 12点, 3月15日), at most _NAME_LONG of them, right after a
    word that introduces a place (在, 到, 从 …; nothing stripped between), with no chat word, time
    (八点到|十点) or position (在小区楼栋号牌上|弄) inside. Long names are common (潘家园旧货市场,
    奥林匹克森林公园) and their last 4 characters start mid-word (家园旧货市场); where no 在 introduces
    one, its head is the CRF's to give back (bot.intake.places), as a run-on ("下周一起富民名苑",
    "@机器人工农市场") holds chat before the name."""
    if stripped or end - i > _NAME_LONG:
        return False
    run = n[i:end]
    if i == 0 or n[i - 1] in _CLAUSE_END:
        # opening the message or a clause: a name when its words are a name's (对外经济贸易大学)
        return all("\u4e00" <= c <= "\u9fff" for c in run) and _dict_run(run)
    if n[i - 1] not in _PLACE_INTRO:
        return False
    if _NOT_IN_LONG.search(run) or not all("\u4e00" <= c <= "\u9fff" for c in run):
        return False
    return not any(len(w) > 1 and w in run for w in _LEAD_WORDS)


# what before 家 makes it a measure word (一家店, 这家医院), not a village's name (潘家园, 宋家庄, 王家湾)
_COUNTING = set(f"{_NUM}这那哪每某几各本该别整全好多")
_BAD_SINGLE = set("大小上这那一满逛沿整扫条半全")
_BARE = {"火车站", "高铁站", "汽车站", "客运站", "机场", "大学城", "市中心"}


def _accept(name: str, suf: str, cut: bool, anchored: bool = False) -> bool:
    """Whether `name` + `suf` is a proper place. `anchored`: a landmark part follows the suffix
    (桥下, 桥底下): then a 4-character name before a weak suffix is kept (东四十条桥下)."""
    if name in _LEAD_WORDS:
        return False  # 建议|社区: chat, even once the word before it is left out (这时候|建议社区)
    bad_prev = _BAD_PREV.get(suf)
    if suf == "街" and name[-2:] in _STREET_KINDS:
        return False  # (这条)步行|街: the kind of street is the suffix (步行街), tried on its own
    if bad_prev and name[-1:] in bad_prev:
        return False  # 驿|站, 车|站: a kind of station alone, before a one-character name is let through
    if suf == "道" and not _road_named_dao(name):
        return False
    if suf == "巷子" and (name[-1] in _POSITION_END or name[0] in _COUNTING or name[-1] in "条个进出过穿到"):
        return False  # 后面|巷子, 那条|巷子, 钻进|巷子: an alley, not one named (宽窄巷子)
    if suf in ("小区", "社区") and _going_into(name):
        return False
    if len(name) == 1 and suf in _SINGLE_OK and name not in _BAD_SINGLE:
        return True
    if not name or name in _GENERIC_NAMES:
        return False
    numbered = len(name) >= 3 and name[-1] == "条" and name[-2] in _NUM and name[0] not in _NUM
    if len(name) >= 2 and name[-1] in "条个座段家" and not numbered \
            and not (name[-1] == "家" and name[-2] not in _COUNTING):  # 那条路, 一家医院; but 东四十条, 潘家园
        return False
    if len(name) == 1:
        if suf in ("站", "区"):
            return name in "东南西北"
        return suf in _SINGLE_OK and name not in _BAD_SINGLE
    if suf in _WEAK_SUF and (cut or len(name) >= 4) and not (anchored and not cut and len(name) <= 4):
        return False
    return True


_NOT_A_DAO_ROAD = set("辅横便慢快步车机盲行跑匝坡栈通隧轨渠频报知难味街主干国省县乡一两几这那每哪")
"""Before 道, a kind of way (辅道, 人行横道, 便道, 车道, 非机道, 盲道, 匝道) or a word that counts it (一道, 那道),
when jieba's dictionary does not know the word whole."""


def _road_named_dao(name: str) -> bool:
    """Whether `name` + 道 is a road's name (成都道, 睦南道, 大理道: most of central Tianjin's roads; 弥敦道
    in Hong Kong) rather than an everyday word ending in 道 (知道, 人行道, 下水道, 楼道, 国道, 味道): two
    characters or more, a place's or a person's name to jieba (卫国道, 常德道: 国 is a kind of road's), or else
    ending in none of _NOT_A_DAO_ROAD with no end of it making a word of jieba's full dictionary with
    道 (马场道 is lost: 场道 is a word). Without jieba's dictionary: no 道 road."""
    from .span_crf import PLACE_TAGS, dictionary_entry
    if len(name) < 2 or not all("\u4e00" <= c <= "\u9fff" for c in name):
        return False
    if dictionary_entry("道") is None:
        return False  # jieba is not installed: nothing to tell 成都道 from 楼道 by
    whole = dictionary_entry(name)
    if whole is not None and (whole[1] in PLACE_TAGS or whole[1] in _PERSONAL_TAGS):
        return True
    return name[-1] not in _NOT_A_DAO_ROAD and all(dictionary_entry(name[i:] + "道") is None for i in range(len(name)))


def _going_into(name: str) -> bool:
    """Whether `name` before 小区/社区 ends in a verb of going in or out (骑车进|小区, 进出|小区, 回|社区)
    rather than in a word of a compound's name (前进小区, 回龙观社区: 前进 and 回龙观 are jieba's words)."""
    if name[-2:] in ("进出", "出入"):
        return True
    if name[-1:] not in ("进", "出", "回", "入"):
        return False
    from .span_crf import dictionary_entry
    return len(name) == 1 or dictionary_entry(name[-2:]) is None


def _station_kind(before: str) -> int:
    """How many of the last characters of `before` (what precedes 站) are the station's kind rather than
    a name: a verb of the work done there, one jieba word tagged a verb (中转站, 配送站, 转运站, 集散站,
    快递站: where parcels are transferred, delivered …). Alone it names the rider's work spot, which is
    no place to send a department to ("我在中转站"); after a proper name it is that name's station
    (望京|中转站, 马驹桥|配送站). 0 without jieba or when the name ends otherwise (将台站, 育新站)."""
    from .span_crf import name_words
    if not before or not all("\u4e00" <= c <= "\u9fff" for c in before[-2:]):
        return 0
    words = name_words(before) or []
    if not words:
        return 0
    s, e, tag = words[-1]
    return e - s if e - s >= 2 and tag in ("v", "vn") else 0


_ANCHOR_AFTER = re.compile(r"下面|底下|下(?![雨班午来去])|洞")
"""What after 桥 makes it a landmark part, not a word's tail: 东四十条桥下, 桥洞."""


_LINE_BEFORE = re.compile(rf"(?:地铁)?[0-9{_NUM}]{{1,2}}号线$")
"""A metro line right before a station's name (地铁10号线|国贸站): part of the place."""
_GATE = re.compile(r"(?:东南|东北|西南|西北|[东南西北正后侧])门(?:口|外)?|大门口?|门口|门前")
_GATE_NAME_MIN = 3  # a two-character name before a gate is mostly a word (南门, 北京) rather than a landmark


def _proper_before(n: str, g: int) -> int | None:
    """Where a proper name of jieba's full dictionary (an organisation, a place: 人民日报社, 中央电视台,
    国家大剧院) that ends right before the gate at n[g] starts, when it opens its clause (no word it
    would be the tail of); None otherwise, or without jieba. Such a name has no place suffix."""
    if g < _GATE_NAME_MIN or not ("\u4e00" <= n[g - 1] <= "\u9fff"):
        return None
    from .span_crf import proper_name
    for k in range(max(0, g - _PROPER_MAX), g - _GATE_NAME_MIN + 1):
        if proper_name(n[k:g]) and (k == 0 or not ("\u4e00" <= n[k - 1] <= "\u9fff") or n[k - 1] in _STOP):
            return k
    return None


def _zh_candidates(n: str) -> list[tuple[int, int, bool]]:
    """(start, end, named) spans of place pieces in normalised text n."""
    pieces: list[tuple[int, int, bool, bool]] = []  # start, end, named, road
    lo = 0
    pos = 0
    m: re.Match[str] | None
    for m in _BRANDS.finditer(n):
        ns, cut = _name_start(n, m.start(), 0)
        prefix = n[ns:m.start()]
        if cut or not 2 <= len(prefix) <= 4 or prefix in _GENERIC_NAMES or prefix in _LEAD_WORDS \
                or _SUF.search(prefix):
            ns = m.start()  # no district name before the brand (or a place of its own, merged below)
        pieces.append((ns, m.end(), True, False))
    for m in _RING.finditer(n):
        pieces.append((m.start(), m.end(), True, True))
    for m in _GATE.finditer(n):
        named = _proper_before(n, m.start())
        if named is not None:
            pieces.append((named, m.end(), True, False))  # 人民日报社门口: a dictionary name, no suffix
    for m in _FACING.finditer(n):
        named = _landmark_before(n, m.start())
        if named is not None:
            pieces.append((named, m.start(), True, False))  # 世贸天阶|斜对面: _SUB adds the side
    for m in _LATIN_BLDG.finditer(n):
        if not (m.group(2) or m.group(3)):
            continue  # a bare Latin word ("app", "ok") is no place: it needs a tower code or a part
        ns, _cut = _name_start(n, m.start(1), 0)
        pieces.append((ns, m.end(), True, False))
    while True:
        m = _SUF.search(n, pos)
        if not m:
            break
        s, e = m.span()
        suf = m.group(0)
        pos = s + 1
        if suf == "弄" and not (s > 0 and n[s - 1] in _LANE_NUMBER):
            continue  # a lane is numbered (长乐路325弄); 来弄, 弄好 is the verb "to fix, to do"
        bad = _BAD_NEXT.get(suf) or _BAD_NEXT.get(suf[-1])
        if suf == "道" and n[e:e + 1] == "路" and n[e + 1:e + 2] not in ("灯", "口"):
            continue  # 团结路|道路施工: the word 道路 ("road"); 成都道|路灯, 常德道|路口 keep their road
        if bad and e < len(n) and n[e] in bad:
            # 亮马桥|路|边: the road named for a bridge or village, its roadside after it (not
            # 幸福大街|路边, 海滨公寓|路面, 长虹北路天桥|路边)
            glued = suf in ("路", "街") and n[e] in "边面牙" and s == lo and lo > 0 and pieces \
                and pieces[-1][1] == s and pieces[-1][2] and not pieces[-1][3] and n[s - 1] in "桥村庄屯营"
            # 十里堡|路|边: a 3+ character name opening the message or a clause, its road's roadside
            ns0 = _name_start(n, s, lo)[0]
            roadside = suf == "路" and n[e] == "边" and s - ns0 >= 3 and n[s - 1] not in "口门边头面上下里外前后旁" \
                and (ns0 == 0 or not ("\u4e00" <= n[ns0 - 1] <= "\u9fff") or n[ns0 - 1] in "在到从")
            if not glued and not roadside:
                continue
        kind = _station_kind(n[max(lo, s - 4):s]) if suf == "站" else 0
        ns, cut = _name_start(n, s - kind, lo)
        name = n[ns:s - kind]
        if kind and not name:
            if s - kind == lo and lo > 0 and pieces and pieces[-1][1] == lo:  # 马驹桥|配送站: the place's station
                pieces.append((lo, e, False, False))
                lo = pos = e
            continue  # 中转|站, 配送|站: the rider's work spot, a kind of station without a name
        if not name and suf in _BARE:
            pieces.append((s, e, True, False))
            lo = pos = e
            continue
        if not name:
            side = suf == "路" and n[e:e + 1] in "东南西北" and n[e + 1:e + 2] not in ("口", "门")
            if s == lo and lo > 0 and pieces and pieces[-1][1] == s and not side:  # "翡翠城小区", "老街路口"
                pieces.append((s, e, False, suf[-1] in "路街道口"))
                lo = pos = e
            continue
        anchored = suf[-1] == "桥" and _ANCHOR_AFTER.match(n, e) is not None
        if not _accept(name, suf, cut, anchored):
            continue
        pieces.append((ns, e, True, suf[-1] in "路街道巷弄口"))
        lo = pos = e
    if not pieces:
        return []
    pieces.sort()
    merged: list[list[Any]] = []  # [start, end, named, road]
    for s, e, named, road in pieces:
        if merged:
            ps, pe, pn, proad = merged[-1]
            if s <= pe:
                merged[-1] = [ps, max(pe, e), pn or named, road or proad]
                continue
            if s == pe + 1 and n[pe] in _JOIN and proad and road and named:
                merged[-1] = [ps, e, True, True]
                continue
        merged.append([s, e, named, road])
    out = []
    for s, e, named, _road in merged:
        while True:
            m = _SUB.match(n, e) or _TAIL.match(n, e)
            if not m or m.end() == e:
                if e < len(n) and n[e - 1] in "桥架":
                    m3 = re.compile(r"下面|底下|下(?![雨班午来去])").match(n, e)
                    if m3:
                        e = m3.end()
                break
            e = m.end()
            m2 = _SUF.match(n, e)
            if m2 and m2.group(0) not in _WEAK_SUF:
                bad = _BAD_NEXT.get(m2.group(0)) or _BAD_NEXT.get(m2.group(0)[-1])
                if not (bad and m2.end() < len(n) and n[m2.end()] in bad):
                    e = m2.end()
        if e < len(n) and n[e] == "口" and n[e - 1] in "路街村巷":
            e += 1  # 东三环路口: the junction, whole; 高碑店村口: the village's entrance
        if _HOME.search(n, max(0, s - 4), s) or (_LIVE_IN.search(n, max(0, s - 3), s) and _RESIDENTS.match(n, e)):
            continue  # the rider's home (我住… / 我家在…), or whom they speak to (住X的兄弟): not the incident's place
        ml = _LINE_BEFORE.search(n, max(0, s - 8), s)
        if ml:
            s = ml.start()  # 地铁10号线国贸站A口: the station with its line
        out.append((s, e, named))
    return out


_FACING = re.compile(r"斜对面|正对面|对面|旁边")
"""Where a spot is given by the landmark across from it or beside it (世贸天阶斜对面, 金源时代对面)."""
_LANDMARK_MIN, _LANDMARK_MAX = 3, 6


def _landmark_before(n: str, g: int) -> int | None:
    """Where a landmark's name with no place suffix (世贸天阶, 金源时代, 颐和园) that ends right before the
    side word at n[g] (对面, 旁边) starts, when it opens its clause (or follows 在/到/从); None otherwise,
    or without jieba. A name, not a thing (垃圾桶旁边, 共享单车旁边, 快递柜对面): a proper name of jieba's
    full dictionary, or no word of it at all whose jieba words leave at least two characters unknown
    (世|贸|天|阶, 金|源|时代: a name jieba has not heard of) and hold no verb or other function word."""
    k = g
    while k > 0 and "\u4e00" <= n[k - 1] <= "\u9fff" and n[k - 1] not in _STOP and g - k < _LANDMARK_MAX:
        k -= 1
    if g - k < _LANDMARK_MIN:
        return None
    if _passing_before(n, k):
        pass  # 路过|世贸天阶 (not 过世|贸: the whole verb ends before the run)
    elif k == 0 or n[k - 1] in _CLAUSE_END or n[k - 1] in "在到从":
        k = _past_verb(n, k, g, 0)  # 到|达世贸天阶: the verb opened before the run takes its first character
    else:
        return None
    if g - k < _LANDMARK_MIN:
        return None
    name = n[k:g]
    if _SUF.search(name) or name in _GENERIC_NAMES or name[-1] in _KIND_HEAD or _HOME.search(n, max(0, k - 4), k) \
            or any(name.startswith(w) for w in _LEAD_WORDS):
        return None  # a suffix is the rules' (学校对面, 幸福小区旁边); chat; the rider's home
    from .span_crf import dictionary_entry, is_name_word, name_words, proper_name
    if proper_name(name):
        return k  # 颐和园
    words = name_words(name) or []
    singles = sum(1 for s, e, _t in words if e - s == 1)
    if singles < 2 or any(e - s >= 2 and not is_name_word(t) for s, e, t in words):
        return None  # 垃圾|桶, 共享|单车
    # a word of the full dictionary that is no proper name is a thing (红绿灯: jieba calls it a person's
    # name); looked up last, as it costs a scan (~2 ms)
    return k if dictionary_entry(name) is None else None


# a building named in Latin letters, with its tower code and/or a part: 望京SOHO T3 楼下, 银河SOHO C座,
# 国贸CBD门口, KFC门口 (normalised text, so lower case); the CJK name before it is joined by _name_start
_LATIN_BLDG = re.compile(
    r"(?<![a-z0-9])([a-z]{2,}[0-9]{0,2})(?![a-z])"
    r"(?: ?([a-z][0-9]{1,2}(?![0-9])(?:座|栋|塔)?|[a-z]座|[0-9]{1,2}(?:号楼|栋|座|幢|期)|[a-z]塔))?"
    r"( ?(?:楼下|门口|大门口?|大堂|楼前|楼后|[东南西北]门口?|底商|地库(?:入口|出口)?|停车场|入口|出口|"
    r"广场|一楼|大厅|地下车库(?:入口|出口)?|地下停车场|地铁站?(?:[a-z]?[0-9]{0,2}号?(?:出|入)?口)?|公交站))?")
_HOME = re.compile(r"(?:" + HOME_MARK_ZH + r")(?:在)?\s*$")  # bot.privacy.places' cues
# "住金田新村3单元的兄弟说一下，通达小区8号楼的路牌…": the people who live there, spoken to; the place
# they live in is nobody's incident (nor shown: it is a home)
_LIVE_IN = re.compile(r"住(?:在)?\s*$")
_RESIDENTS = re.compile(r"\s*的\s*(?:兄弟|师傅|朋友|家人|邻居|各位|同事|骑手|哥们|姐妹|大家|小伙伴|老铁|业主|家长|老乡|人)")


# ---------------------------------------------------------------- English ----
_EN_SUF = (r"(?:Rd|Road|St|Street|Ave|Avenue|Blvd|Boulevard|Lu|Xilu|Donglu|Nanlu|Beilu|Dadao|Hwy|"
           r"Highway|Lane|Ln|Dr|Drive|Way|Expressway|Bridge|Tunnel|Plaza|Square|Garden|Gardens|"
           r"Village|Park|Mall|Building|Tower|Towers|Center|Centre|Station|Market|Hospital|School|"
           r"University|College|Estate|Community|Court|Residence|Apartments|City|Town|Complex|"
           r"Stadium|Library|Hotel|Terminal|Airport|Pier|Metro|Hub|Campus|Compound|Heights|Bay|"
           r"Gate|Food Court|Exit [A-Z0-9]+|"
           # Beijing's compounds named by their side in pinyin (Tuanjiehu Beili, Anzhen Xili: 北里, 西里)
           r"Beili|Dongli|Xili|Nanli|Zhongli|"
           # office parks and malls named by a Latin brand, as _BRANDS reads them in Chinese (Jianwai SOHO)
           r"SOHO|Soho|CBD|IFC|SKP|APM|"
           # Beijing's ring roads go without "Road": "East 3rd Ring", "Dongsanhuan"
           r"(?:[2-6](?:nd|rd|th)|Second|Third|Fourth|Fifth|Sixth) Ring|(?:Dong|Xi|Nan|Bei)?(?:[Ee]r|[Ss]an|[Ss]i|[Ww]u|[Ll]iu)huan)")
_CAPW = r"(?:[0-9]+-[A-Z][A-Za-z]*|[A-Z][A-Za-z'\-]*|[0-9]+(?:st|nd|rd|th)?|[A-Z])"
_PROPER = rf"(?:{_CAPW}(?: {_CAPW}){{0,4}})"
_EN_PLACE = re.compile(rf"\b{_PROPER}\b")
_HEAD = (r"(?:underpass|tunnel|bus stop|bus shelter|metro exit|metro station|subway station|rider station|"
         r"rider hub|station|parking shed|bike shed|parking lot|car park|garage|footbridge|overpass|bridge|"
         r"entrance|exit|gate|back|front|side|rear|corner|junction|intersection|crossing|roundabout|"
         r"food court|plaza|square|(?:wet |night |farmers'? |vegetable |fish |flower |food )?market|alley|park|"
         r"stairs|stairway|ramp|east gate|"
         r"west gate|north gate|south gate|main gate|back gate|basement|lobby)")
_LEFT = re.compile(rf"(?:\bthe )?\b({_HEAD}) (?:on|at|of|in|outside|near|by|below|under|beneath) (?:the )?$", re.I)
# a spot given from the landmark: a distance and a side ("200m east of"), a floor ("2nd floor of", "B1 of")
_LEFT_PART = re.compile(r"\b(?:the )?((?:about |around )?[0-9]+ ?(?:m|metres|meters|km)\b (?:to the )?(?:north|south)?"
                        r"(?:east|west)? ?of|(?:[0-9]+(?:st|nd|rd|th)|ground|top) floor of|(?:level|floor) [0-9]+ of|"
                        r"B[1-4] of|basement of) (?:the )?$", re.I)
_LEFT_BEHIND = re.compile(r"\b(behind|outside|opposite|across from|in front of) (?:the )?$", re.I)
# An exit's or gate's code: a letter with at most two digits (B, A2, c) or a number with at most one
# letter (3, 12B); never a word ("near the metro exit is out", "the entrance to …"), nor the article
# or pronoun before one ("gate a man is lying there").
_CODE = r"(?:(?!(?:a|i) (?!the\b|and\b|of\b|is\b|was\b|has\b|had\b)[a-z])[A-Za-z][0-9]{0,2}|[0-9]{1,2}[A-Za-z]?)(?![\w\-'])"
_RIGHT_LM = re.compile(
    rf"^ (?:near|outside|next to|opposite|by|behind|across from|in front of|beside|at) (?:the )?"
    rf"(?:(?:metro |subway |station )?(?:exit|gate|entrance)(?: {_CODE})?\b|{_PROPER}|(?:[a-z]+ )?{_HEAD}\b"
    rf"|[a-z0-9][\w\-]*(?: [a-z][\w\-]*)?(?= *[,.!?;]| is| are| has| have| was|$))")
_RIGHT_HEAD = re.compile(
    r"^ (?:pedestrian crossing|crossing|junction|intersection|crossroads|roundabout|metro footbridge|"
    r"footbridge|overpass|underpass|bus stop|metro station|metro exit|station|exit " + _CODE + r"|exit|entrance|"
    r"(?:(?:north|south|east|west|main|back|side|front|rear) )?(?:gate|entrance|exit)(?: " + _CODE + r")?|t[0-9]{1,2}\b|tower [a-z]\b|food court|community park|park|market|plaza|square|underground garage|garage|car park|"
    r"parking lot|side road|service road|main road|tunnel)\b", re.I)
# the place's kind written in lower case after a name that has none ("Sanlitun mall", "Shuangjing bridge");
# not the thing that is broken there ("… street light", "… road works")
_RIGHT_KIND = re.compile(
    r"^ (?:shopping mall|shopping cent(?:re|er)|mall|hospital|school|bridge|road|rd|street|lane|gardens?|village|"
    r"compound|estate|community|hotel|building|cent(?:re|er))\b(?! ?(?:lights?|lamps?|works?|surface|signs?))")
_EN_OF = re.compile(rf" of (?:the )?({_PROPER}(?: (?:station|park|mall|plaza|market|hospital|school|garden|village|"
                   rf"tower|building|center|centre)\b)?)")
# a gate, exit or block whose code the proper name is ("gate 3 of Chaoyang Park", "exit B of … station")
_LEFT_CODE = re.compile(r"\b((?:metro |subway )?(?:gate|exit|entrance|block|building|tower|unit|door)) $", re.I)
# a second road joined to the first: "X Rd and (the) East 3rd Ring", "X Rd / Y Rd", "… junction with Y Rd"
_EN_JOIN = re.compile(rf"^ ?(and|&|/|x|with) ?(?:the )?({_PROPER})")
_JUNCTION_END = re.compile(r"\b(?:junction|intersection|crossing|crossroads|corner)$", re.I)
_EN_STOPCAP = {"I", "I'm", "I've", "I'll", "The", "A", "An", "Bot", "Anyone", "Someone", "Is", "Are",
               "Can", "Could", "Would", "Please", "Guys", "Hey", "Hi", "Hello", "Morning", "Thanks",
               "Thank", "Urgent", "Help", "Watch", "Careful", "Heads", "FYI", "PSA", "Just", "There",
               "It", "It's", "This", "That", "Why", "What", "How", "When", "Who", "Where", "Lol", "OMG",
               "Omg", "Wow", "Yo", "Bro", "Bros", "Dude", "Also", "And", "But", "So", "Any", "Has",
               "Have", "Does", "Do", "Our", "My", "We", "They", "He", "She", "You", "Again", "Still",
               "Seriously", "Note", "Warning", "Emergency", "Suggestion", "Idea", "Maybe", "Big",
               "Huge", "Some", "Another", "Two", "Three", "Cars", "Car", "Smoke", "Fire", "Gas",
               "Water", "Street", "Traffic", "Manhole", "Shared", "Bins", "Delivery", "Platform",
               "Customer", "Security", "Old", "Accident", "Team", "Station", "Rider", "Riders",
               "Everyone", "All", "Man", "Woman", "Kid", "Lady", "Guy", "Elevator", "Lift", "Lights",
               "Light", "Broken", "Massive", "Deep", "Sewage", "Garbage", "Trash", "Dead",
               "Pothole", "Potholes", "E-bike", "E-bikes", "Construction", "Vendors", "Stalls", "Tree",
               "App", "Ok", "OK", "Okay", "Yes", "No", "Sorry", "Good", "Great", "Nice", "Not", "Never", "Every", "Each", "Today", "Yesterday", "Tonight", "Now", "Right",
               "Left", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
               # months are times, not places ("my pay from March still hasn't come")
               "January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December",
               "WeChat", "Meituan", "Eleme", "Didi", "Telegram",
               # a preposition opening the sentence ("Near Sanlitun the manhole…", "Outside Hujialou station
               # someone fell"): the place's cue, as in lower case, not part of its name
               "On", "At", "Near", "Around", "Outside", "Behind", "By", "In", "Opposite", "Along", "Beside",
               "Under", "Below", "Inside", "Across", "Next"}
# a building, block, gate or exit of the place, by its code, on either side of it and its comma:
# "Building 3, Jianwai SOHO", "Jianwai SOHO, Tower B", "Xili Garden Block 5"
_EN_PART = r"(?:Building|Bldg|Block|Tower|Unit|Gate|Exit|Entrance|Door|Wing|Hall)"
_EN_PART_LEFT = re.compile(rf"\b({_EN_PART} {_CODE}), ?$", re.I)
_EN_PART_RIGHT = re.compile(rf"^,? ({_EN_PART} {_CODE})", re.I)
_EN_PART_NAME = re.compile(rf"^, ?({_PROPER})")
_EN_PART_END = re.compile(rf"(?<=\S) {_EN_PART} [0-9A-Z]{{1,3}}$")
_EN_PART_ONLY = re.compile(rf"^{_EN_PART} {_CODE}, ?|,? {_EN_PART} {_CODE}$", re.I)


def without_part(place: str) -> str:
    """An English place without the building, block, gate or exit it was read with ("Block 5, Xili
    Garden" -> "Xili Garden"): for a rider's home, whose compound alone is the incident's place."""
    return _EN_PART_ONLY.sub("", place) or place


_HOUSE_NO = re.compile(r"\b(?:No|Nos|Number|Num)\.? ?$|# ?$", re.I)
_EN_AREA = re.compile(r"\b(?:in|around|near|across) the ((?:[a-z]+ ){0,2}(?:area|district|zone|neighbourhood|neighborhood))\b")


# where the rider says they live, right before a name (possibly after their flat or block): their home,
# not the incident's place ("I live in Block 5, Xili Garden, but …"), as _HOME is for Chinese
EN_HOME_BEFORE = (r"(?:" + HOME_BEFORE_EN + r"|\bmy\s+(?:home|flat|apartment|house|place|address)\s+is"
                  r"|\bat\s+home\s*\()")
"""The words right before an English home's address: bot.privacy's ("I live in", "my flat is at"), and
"my place is …", "(not) at home (…)", where no in/at/on comes before it."""
_EN_HOME = re.compile(EN_HOME_BEFORE + r"\s*(?:the\s+)?(?:" + EN_UNIT_WORD + r"\s*[0-9a-z]{1,5}\s*,?\s*)?$", re.I)


def _en_extract(text: str) -> str | None:
    best: tuple[int, int, int] | None = None  # (start, end, score)
    m: re.Match[str] | None
    for m in _EN_PLACE.finditer(text):
        s, e = m.span()
        words = text[s:e].split(" ")
        # trim stop-capitalised words from the left ("Urgent Keyuan Rd" -> "Keyuan Rd")
        while words and (words[0] in _EN_STOPCAP or words[0].rstrip("'s") in _EN_STOPCAP):
            s += len(words[0]) + 1
            words = words[1:]
        if not words:
            continue
        s = min(s, e)
        if _EN_HOME.search(text[max(0, s - 48):s]):
            continue  # the rider's home (bot.intake.places takes it when the problem is there)
        phrase = text[s:e]
        has_suffix = re.search(rf"\b{_EN_SUF}$", phrase) is not None
        mpe = None if has_suffix else _EN_PART_END.search(phrase)
        if mpe and re.search(rf"\b{_EN_SUF}$", phrase[:mpe.start()]):
            has_suffix = True  # "Xili Garden Block 5": the place and its block
        mo = _EN_OF.match(text, e)
        if mo and re.search(rf"\b{_EN_SUF}$", mo.group(1), re.I):
            e = mo.end()
            has_suffix = True
        before = text[:s]
        prep = re.search(r"\b(?:on|at|near|around|in|outside|behind|by|of|along|from|opposite|to|beside|under|below)"
                         r"(?: the)? $", before, re.I)
        if not has_suffix and not prep:
            continue
        if not has_suffix and (len(phrase) < 3 or re.fullmatch(r"[0-9]+(?:st|nd|rd|th)?", phrase)):
            continue
        # right extensions; a bare suffix word ("Building by the gate makes…") is no name to extend
        bare = " " not in text[s:e] and re.fullmatch(_EN_SUF, phrase) is not None
        while not bare:
            rest = text[e:]
            mj = _EN_JOIN.match(rest)
            if mj and re.search(rf"\b{_EN_SUF}$", mj.group(2)) \
                    and (mj.group(1) != "with" or _JUNCTION_END.search(text[s:e])):
                e += mj.end()
                has_suffix = True  # "junction of Guanghua and East 3rd Ring": a junction with a road
                continue
            mpn = _EN_PART_NAME.match(rest) if re.fullmatch(rf"{_EN_PART} {_CODE}", text[s:e], re.I) else None
            if mpn and re.search(rf"\b{_EN_SUF}$", mpn.group(1)):
                e += mpn.end()  # "Exit A, Guomao Station": the exit of the named place
                continue
            mpr = _EN_PART_RIGHT.match(rest) if has_suffix else None
            if mpr:
                e += mpr.end()
                continue
            mh = _RIGHT_HEAD.match(rest) or (None if has_suffix else _RIGHT_KIND.match(rest))
            if mh:
                e += mh.end()
                continue
            ml = _RIGHT_LM.match(rest)
            if ml and (has_suffix or prep):
                e += ml.end()
                mo = _EN_OF.match(text, e)  # "near exit A of Guomao station": whose exit
                if mo and re.search(rf"\b{_EN_SUF}$", mo.group(1), re.I):
                    e = mo.end()
                continue
            break
        mn = _HOUSE_NO.search(text, 0, s) if text[s:s + 1].isdigit() else None
        if mn:
            s = mn.start()  # the house number's "No." ("outside No. 12 Keyuan Rd")
        # left extension: head noun ("in front of X" is X, as "outside X" is)
        ml = _LEFT.search(text[:s])
        mc = _LEFT_CODE.search(text[:s]) if re.fullmatch(_CODE, phrase) else None
        mp = _LEFT_PART.search(text[:s])
        mu = _EN_PART_LEFT.search(text[:s]) if has_suffix else None
        if mu:
            s = mu.start(1)  # "Building 3, Jianwai SOHO"
        elif mp:
            s = mp.start(1)  # "200m east of Guomao Bridge", "2nd floor of Joy City"
        elif mc:
            s = mc.start(1)
        elif ml and not (ml.group(1).lower() == "front" and text[:ml.start(1)].lower().endswith("in ")):
            s = ml.start(1)
        else:
            mb = _LEFT_BEHIND.search(text[:s])
            if mb and mb.group(1).lower() == "behind":
                s = mb.start(1)
        score = 0 if bare else 2 if has_suffix else 1  # a bare suffix word yields to any name after it
        if best is None or score > best[2]:
            best = (s, e, score)
        if score == 2:
            break
    if best is not None:
        s, e = best[0], best[1]
        return text[s:e].strip(" ,.") or None
    m = _EN_AREA.search(text)
    if m:
        return m.group(1)
    m = _EN_LOWER.search(text)  # riders often type all lower case: "on honghua road"
    if m and m.group(1).split(" ")[0] not in _EN_LOWER_STOP:
        return m.group(1)
    return None


_EN_LOWER_NAME = (r"(?:(?:[0-9]+ )?[a-z][a-z0-9]*(?: [a-z0-9]+)? (?:rd|road|st|street|ave|avenue|blvd|boulevard|lu|"
                  r"plaza|square|garden|gardens|village|park|mall|market|station|(?:tower|building)(?: [0-9]{1,3}[a-z]?\b)?|center|centre|"
                  r"hospital|school|estate|[2-6](?:nd|rd|th) ring(?: road| rd)?)|[2-6](?:nd|rd|th) ring(?: road| rd)?)")
# the second road of a junction ("guanghua rd and east 3rd ring"): a road, not any place
_EN_LOWER_ROAD = (r"(?:[a-z][a-z0-9]*(?: [a-z0-9]+)? (?:rd|road|st|street|ave|avenue|blvd|boulevard|lu)"
                  r"|(?:[a-z]+ )?[2-6](?:nd|rd|th) ring(?: road| rd)?|(?:dong|xi|nan|bei)?(?:er|san|si|wu|liu)huan(?: rd| road| lu)?)")
_EN_LOWER = re.compile(
    r"\b(?:on|at|near|along|outside|behind|by|in|opposite|of)(?: the)? "
    r"(" + _EN_LOWER_NAME + r"(?: (?:and|&|/) (?:the )?" + _EN_LOWER_ROAD + r")?"
    r"(?: (?:(?:near|by|at) (?:the )?)?(?:metro )?(?:gate|exit) " + _CODE + r")?)\b")
_EN_LOWER_STOP = {"the", "a", "my", "our", "this", "that", "every", "each", "bus", "main", "side", "car", "parking",
                  "train", "metro", "rider", "police", "fire", "gas", "charging", "power", "no"}


# ------------------------------------------------------------------- API ----
def extract_location(text: str, lang: str | None = None, norm: str | None = None) -> str | None:
    """Shortest exact substring of `text` naming the place, or None."""
    if not text:
        return None
    n = norm if norm is not None else normalize(text)
    if len(n) != len(text):  # cannot map back safely
        n = text
    has_han = any("\u4e00" <= c <= "\u9fff" for c in n)
    if has_han:
        cands = [c for c in _zh_candidates(n) if c[2]]
        if cands:
            s, e, _ = cands[0]
            loc: str | None = text[s:e].strip()
            # the same place said again more exactly ("光华路路灯也坏了，在光华路8号"): the fuller one
            loc = next((text[s2:e2].strip() for s2, e2, _ in cands[1:]
                        if loc and loc in text[s2:e2] and len(text[s2:e2].strip()) > len(loc)), loc)
            if loc:
                return loc
    loc = _en_extract(text)
    if loc and loc in text:
        return loc
    if has_han:
        bare = _bare_at(n) or _near_name(n)
        if bare:
            return text[bare[0]:bare[1]]
        m = _ACRONYM.search(text)
        if m:
            return m.group(1)
    return None


# "where is it?" answered with 在 and a name alone ("在十里堡", "我在双井这边"): a name that has no place
# suffix (堡, 井, 屯, 旗 …) is still a place when it is all the message says after 在, if it ends as
# place names do; chat after 在 ("在吗", "在忙", "在路上了", "在等单", "在家休息", "在出门") does not
_BARE_AT = re.compile(r"^\s*(?:(?:我们|我|人|就|现在|目前|正|还|刚|已经|已|是)\s*)*在\s*"
                      r"([\u4e00-\u9fff]{2,6}?)\s*(?:这边|那边|这儿|那儿|这里|那里|附近|一带|旁边|周边|这块|那块|"
                      r"这一片|那一片)?(?:呢|啊|呀|哈|哦|了|的)*(?:[\s\W_]*$|\s*[，,。！!；;]\s*(?=\S))")
"""Also the first clause of a report ("我在西四，路口红绿灯坏了"): 在 + the name, then a comma and a rest
that names a problem (the lexicon's words: 坏了, 井盖, 摔倒; not "在十里堡，等单中", where the rider is); the
name must end at the clause's end there too, so chat running on after a noun ("我在后台看到订单了") is
never read as one."""
_BARE_END = set("堡营屯庄口门井旗湖河海山坊寺庙府关坡沟峪岭塘甸窑坟洼坝滩岛镇乡京居观宫坛")
_BARE_CHAT = set("吗呢吧啊了的我你他她它们谁啥么没不很太要想去过着在把被给让也都就还又每这那哪")
_BARE_VERB = set("看守等找送取吃喝做爬逛游玩打开关跑骑修排充堵干睡接拿买卖摸挂")  # 在看海, 在守门: doing, not where
# what before the last character makes a common word, not a place's name (门口, 出门, 经营, 参观, 论坛)
_BARE_COMMON = {"口": set("门路出入窗餐街巷村区同洞港渡关岔梯站楼开改借胃人住家井伤缺胸袖"),
                "门": set("出进关开敲串上专家校楼车店后前正侧大小单院厂铁房柜东南西北"),
                "营": set("经运露宿扎阵野军"), "观": set("围参旁外美乐悲客主"), "坛": set("论文体讲花"),
                "海": set("大出下航"), "河": set("大小过"), "山": set("下上爬登大小江"), "关": set("海公相机开有"),
                "井": set("水天矿油"), "京": set("进上赴来离回"), "居": set("邻同新家"), "府": set("政官")}


def _bare_at(n: str) -> tuple[int, int] | None:
    """The span of the name in a message that is only 在 + a place name (see _BARE_AT), or None."""
    m = _BARE_AT.match(n)
    if not m:
        return None
    if m.end() < len(n) and not _names_a_problem(n[m.end():]):
        return None
    return m.span(1) if _area_name(m.group(1)) else None


def _area_name(name: str) -> bool:
    """Whether `name`, said with no place suffix (after a bare 在, or with "around there"), is an area's:
    one of _SPOT_LIKE_AREAS (在金台, 在草房: ending as a kind of spot's does), or ending as place names do
    or a place by jieba's dictionary, with no chat word, verb or everyday noun in it."""
    if name in _SPOT_LIKE_AREAS:
        return True
    if (name[-1] not in _BARE_END and not _dictionary_place(name)) or name[0] in _BARE_VERB or any(c in _BARE_CHAT for c in name):
        return False
    return name[-2] not in _BARE_COMMON.get(name[-1], ()) and name not in _GENERIC_NAMES


_NEAR = re.compile(r"(?:^|(?<=[，。！？；：,.!?;:\s在到从往去]))(?![在到从往去])([\u4e00-\u9fff]{2,4}?)(?=这边|那边|附近|一带|周边|这块|那块|"
                   r"这一片|那一片)")
"""A name and the words for "around there" ("国贸这边", "石佛营那边", "三里屯附近"), opening a clause or
after 在/到/从: how riders name an area that has no place suffix."""


_PARTY_END = set("家管方人们手员主户长警")
"""The last characters of the parties riders speak of "over there" (商家那边, 城管那边, 对方那边, 骑手那边,
业主, 站长, 交警): someone's side, not a place."""
_PARTIES = frozenset({"平台", "美团", "饿了么", "顺丰", "京东", "滴滴", "闪送", "蜂鸟", "达达", "快递", "外卖", "客服",
                      "物业", "公司", "领导", "政府", "老家", "老板", "师傅", "兄弟", "朋友", "同事", "站点", "后台"})
"""Parties and everyday nouns of riders' talk that jieba's dictionary alone does not rule out as an area."""


def _near_name(n: str) -> tuple[int, int] | None:
    """The span of an area's name said with "around there" (_NEAR) in a clause that then names a
    problem ("国贸这边井盖丢了", "早上…石佛营那边路灯全黑"), by the test a name after a bare 在 passes
    (_area_name), and no party ("平台那边罚款", "老家那边", "站长那边" name no place), or None."""
    for m in _NEAR.finditer(n):
        name = m.group(1)
        end = n.find("，", m.end())
        if not _names_a_problem(n[m.end():end if end > 0 else len(n)]):
            continue
        if _area_name(name) and name not in _LEAD_WORDS and name[-1] not in _PARTY_END and name not in _PARTIES:
            return m.span(1)
    return None


def _names_a_problem(rest: str) -> bool:
    """Whether the clauses after "在 + name，" name a problem by the intake lexicon's words."""
    from .lexicon import lexicon_features
    return any(f.startswith("kw:") and f not in _NOT_A_PROBLEM for f in lexicon_features(rest))


_NOT_A_PROBLEM = {"kw:suggestion", "kw:rider_service", "kw:rider_rights", "kw:neg", "kw:past", "kw:ask"}
"""Lexicon hits that say what the rider does or wants, not what is wrong there (在西单，吃饭呢; 在国贸，休息一下)."""


_PERSONAL_TAGS = {"nr", "nrt", "nz", "nt"}
"""jieba's tags of other proper names: it tags many Beijing areas a person's name (安贞, 宋家庄, 崇文门)."""
_EVERYDAY = 500
"""A plain noun this frequent in jieba's corpus is an everyday word (公司 45604, 学校, 工地 704, 老家 686,
电梯 524), not an area's name: those are rare there (大红门 270, 西单 200, 鼓楼 141, 劲松 9). What is
left between (车库, 楼道, 前台) is a spot that does answer "where?"."""
_POSITION_END = set("里上下边面头外内前后旁中间")


def _dictionary_place(name: str) -> bool:
    """Whether jieba's full dictionary makes `name`, all a message says after a bare 在, a place: a
    place name or an abbreviation (国贸, 四惠, 望京), another proper name (安贞), or a plain noun that is
    neither an everyday word, a place-type word the rules know (学校, 小区), nor a position (店里, 床上).
    Why plain nouns: jieba tags many areas as such (西单, 劲松, 鼓楼, 东单), as it does everyday
    nouns; the message answers "where?", so a noun there is more likely a place than not, and chat
    after 在 (吗, 忙, 上班, 摸鱼, 排队) is a verb, or an activity _bare_at refuses by its verb."""
    from .span_crf import PLACE_TAGS, dictionary_entry
    entry = dictionary_entry(name)
    if entry is None:
        return False
    freq, tag = entry
    if tag in ("nz", "nt") and name[-1] in _KIND_HEAD:
        return False  # an office of a kind, not an area (休息室, 交警队: jieba calls them names)
    if tag in PLACE_TAGS or (tag in _PERSONAL_TAGS and name[0] not in "老小阿"):
        return True  # not 老王, 小李: a person called by a familiar name
    if tag == "t":
        return _AREA_BY_NUMBER.fullmatch(name) is not None  # 西四, 东四; not 今天, 东汉, 北宋
    return (tag == "n" and freq < _EVERYDAY and _SUF.fullmatch(name) is None
            and name[-1] not in _POSITION_END and name[-1] not in _KIND_HEAD
            and not (name[0] in _NUM and name[-1] in "楼层"))  # 一楼, 二层: a floor, not an area


_AREA_BY_NUMBER = re.compile(r"[东西南北][一二三四五六七八九十]")
"""An area named by a direction and a number (西四, 东四: the fourth archway west and east). jieba's
dictionary tags them time words, as it does 今天 and the dynasties (东汉, 北宋): a time word of this
form is none of those."""
_KIND_HEAD = set("库台道院堂房室厅间舍屋梯廊棚顶柜岗层窗位点处所站部队卫服业主员")
"""The last characters of plain nouns that name a kind of spot or person, not one place: a part of a
building or compound (车库, 楼道, 前台, 后台, 机房, 楼顶, 车位, 站点, 中转站), or a person or office there
(门卫, 客服, 物业, 群主, 交警队). "在车库" says where the rider is but not which garage; an area's name (西单,
劲松, 鼓楼, 官园) ends otherwise; the few that end so (金台, 草房) are _SPOT_LIKE_AREAS."""


_SPOT_LIKE_AREAS = frozenset({"金台", "将台", "草房", "南磨房", "北磨房", "天宫院", "观音堂"})
"""The city's areas (Beijing's, where the bot runs) whose names end as a kind of spot's (_KIND_HEAD: 台,
房, 院, 堂) or that jieba does not know, said after 在 without a place word. No tag or frequency of jieba's
tells them from the spots: it tags 金台 (546) and 草房 (76) plain nouns, as it does 后台 (331), 前台 and
车库 (32), and 将台 and 南磨房 it does not know at all; so they are named here, a gazetteer of the few
areas the kind-of-spot rule would otherwise refuse. An area jieba tags a place name (丰台, 钓鱼台: ns) or
another proper name (紫竹院: nr) needs no entry (_dictionary_place)."""


_ACRONYM = re.compile(r"(?<![A-Za-z])(CBD|[A-Z]{2,6})(?=这块|那块|这边|那边|这一片|那一片|一带|附近|片区|商圈|园区)")
