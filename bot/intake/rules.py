"""Explicit life-safety cues that force urgency, and cues that lower it.

Applied after the model on the normalised (simplified, lower-cased) text.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from .location import ends_as_place
from .normalize import normalize

# immediate danger to someone's safety or life -> urgent
URGENT_ZH = re.compile(
    r"倒地|倒在地上|躺着不动|晕倒|昏倒|栽倒|昏迷|不省人事|叫不醒|没反应|躺(在)?(地上)?不动|起不来|动不了|站不起来|"
    r"摔倒.{0,8}(起不来|不动|流血|出血)|抽搐|喘不过气|心脏(病|不舒服)|"
    r"漏电|电线.{0,4}(掉|断|落|垂|耷拉)|高压线|冒火花|打火花|火花|"
    r"(井盖|窨井盖|盖板|篦子|下水道盖).{0,3}(没了|丢了|被偷|不见|没有了|掀了|被掀|撬|翘起)|没有井盖|"
    r"起火|着火|失火|着伙|起伙|火灾|冒烟|浓烟|冒黑烟|烧起来|火(很|挺|好|特别|太)大|"
    r"[煤燃][气汽]味|液化气|漏气|天然[气汽]味|"
    r"楼道.{0,10}(电动车|电瓶车|电驴|电瓶).{0,6}[充冲]电|"
    r"水(很|太|特别|非常)深|淹到|没过|齐腰|到腰|漫到|膝盖|(水|积水).{0,6}(小腿|大腿)|熄火在|(积水|水里|水中|涉水|蹚水).{0,10}熄火|陷在水|泡在(水)?里面|被困|困在|困人|困着人|关着人|卡在车里|(人|车里|里面|电梯里?|水里).{0,3}出不来|"
    r"车祸|撞翻|撞倒了?.{0,3}(人|老|小孩|孩子|骑手|行人|大爷|阿姨)|(人|老人|小孩|孩子|骑手|小哥|行人|大爷|阿姨).{0,4}被撞|压在下面|压着|见血|流血|出血|全是血|一地血|受伤|骨折|出人命|"
    r"砸到人|砸下来|要掉下来|快掉下来|随时(都)?(可能)?(会)?(倒|掉|塌|砸)|(?<!牙子)(?<!路牙)塌了|塌陷|倒下来|横在路中间|"
    r"(要掉|晃得厉害|摇摇晃晃|耷拉).{0,12}下面(全是|都是|有|站着)人|(耷拉|要掉|松了).{0,12}下面(就)?是人行道|"
    r"(电瓶|电池).{0,4}(拿|带|扛)(回家|上楼).{0,2}充|"
    r"打120|叫120|打了120|拨120|叫救护车|打119|报警|"
    r"走丢|走散|找不到(妈妈|爸爸|家长|家人)|小孩.{0,6}(丢|哭)|"
    r"围着.{0,6}打|打骑手|动刀|[拿持举提抡]着?.{0,2}刀.{0,6}(追|砍|捅|伤|吓|威胁|逼|抢|打)|砍人|捅人|砍伤|捅伤|追着.{0,4}砍|"
    r"落水|溺水|掉(进|到|在)?(河|湖|江|水塘|水池|池塘|水)里|"
    r"(锁|关|困)在车(里|内)|"
    r"卷到车底|卷进去|差点被(卷|撞|刮)")
URGENT_EN = re.compile(
    r"can'?t (get up|stand)|collapsed|unconscious|not responding|unresponsive|not moving|fainted|passed out|seizure|"
    r"live wire|wires? (down|on the ground)|sparking|sparks|"
    r"(manhole|man hole|drain) cover (is )?(missing|gone|stolen|lifted)|"
    r"(missing|no|took the) (manhole|drain cover)|open hole|"
    r"\bfire\b(?! extinguisher)|\bsmoke\b|smoking out|burning|gas smell|smell(s)? of gas|smell(ing)? gas|gas leak|"
    r"knee[- ]deep|waist[- ]deep|up to the (seat|knee|waist)|stalled|trapped|stuck (inside|in the)|"
    r"bleeding|blood|(?<!work )injur(ed|ies|y)|hurt badly|ambulance|call 120|called 120|call 119|call the police|"
    r"lost (kid|child|boy|girl)|crying for (his|her) (mum|mom|dad|parents)|"
    r"beating|fell across|falling down|hanging loose|caved in|collapse|"
    r"someone('s| is) (gonna|going to) (get hurt|die)|nearly hit|almost hit|"
    r"can'?t find (his|her|their) (parents|mum|mom|dad)|(kid|child|boy|girl) (is )?lost|"
    r"leaning.{0,30}over the (footpath|pavement|sidewalk)|"
    r"\b(knife|machete|stabb(ed|ing)|drowning)\b|fell (into|in) the (river|lake|canal|water)|"
    r"(locked|trapped|left) in (a|the|his|her) (hot )?car|"
    r"\b(old|elderly|lady|man|woman|grandma|grandpa|kid|child|rider|guy)\b.{0,20}\b(fell|fallen|fall down)\b")
# explicit de-escalation -> not urgent
CALM_ZH = re.compile(r"不算(太|特别)?急|不(是很|太)?急|不着急|暂时没(啥|什么)?(危险|事)|有空(再)?(来|修)|不影响")
CALM_EN = re.compile(r"not urgent|no rush|no hurry|whenever|not an emergency|not dangerous")
# hypothetical danger words used only as a warning ("万一着火") don't count on their own
_HYPOTHETICAL = re.compile(r"(万一|如果|要是|怕|以防|防止|小心)(.{0,4})(着火|起火|火灾)")


# the event is not happening now: hypothetical, a false alarm, a notice, already over.
# A life-safety word in such a message does not make it a report.
NOT_NOW_ZH = re.compile(r"假如|假设|万一|如果|要是(?!再)|虚惊|误报|误会|搞错了|看错了|弄错了|是假的|没事了|"
                        r"【?通知】|温馨提示|演练|已经(灭|修好|处理|解决|恢复|清|好)|早就?(修好|好了|解决)|"
                        r"去年|前年|那年|以前|新闻|视频里|外地|外省|别的城市|老家|"
                        r"[好还幸]在(人)?没事|还好没事|不是着火|没着火|别紧张|别慌|朋友圈|隔壁(市|区|城)|别的(站|区)")
NOT_NOW_EN = re.compile(r"\b(if|ever|hypothetical(ly)?|in case|false alarm|turned out|was just|"
                        r"fixed|sorted|last year|on the news|another city|another district|notice:|drill|"
                        r"no fire|relax)\b")


def not_now(n: str) -> bool:
    """Cues that the danger mentioned is not a present one (see NOT_NOW_*)."""
    return bool(NOT_NOW_ZH.search(n) or NOT_NOW_EN.search(n))


def urgent_cue(n: str) -> bool:
    m = URGENT_ZH.search(n) or URGENT_EN.search(n)
    if not m:
        return False
    if _HYPOTHETICAL.search(n) and not URGENT_ZH.search(_HYPOTHETICAL.sub("", n)):
        return False
    return True


def calm_cue(n: str) -> bool:
    return bool(CALM_ZH.search(n) or CALM_EN.search(n))


# where one topic ends and another starts ("……另外……", "… Also …"): the urgent topic wins
TOPIC_SPLIT = re.compile(r"另外|还有(?!人)|哦对了|对了|更要紧的是|更重要的是|顺便说一下|顺便|[。！!？?；;\n]+|"
                         r"\b(?:also|oh and|and also|btw|by the way)\b", re.I)


def topics(text: str) -> list[tuple[int, int]]:
    """Spans of the topics of a message (one span when it has one topic)."""
    spans, start = [], 0
    for m in TOPIC_SPLIT.finditer(text):
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return [(a, b) for a, b in spans if any(ch.isalnum() for ch in text[a:b])]


def adjust_urgency(n: str, category: str, urgency: str) -> str:
    """Rules on top of the model's urgency."""
    if urgency == "low" and category not in LOW_CATEGORIES:
        urgency = "normal"  # `low` is for suggestions and service wishes only
    if calm_cue(n):
        return "normal" if urgency == "urgent" else urgency
    if urgent_cue(n):
        return "urgent"
    return urgency


LOW_CATEGORIES = frozenset({"rider_service", "suggestion"})


# A rider saying only where they are ("在驿站", "我在配送站等单", "在路上", "在建国路等单呢", "on my way", "at the
# hub waiting for orders"): order logistics, which the taxonomy counts as no report (taxonomy.md, is_report),
# but the heads, reading a work spot or a road and little else, leaned to a report just under the threshold
# ("在驿站" 0.57, "在路上" 0.52), so the bot asked 是，上报 / 不是 in the group: a reply to chit-chat. Only the
# whole message: where (a work spot, the road, home, or a place the rules read whole) and perhaps the errand
# (等单, 取餐 …). 在 before a verb is the progressive ("在漏水", "在冒烟"): no spot or place, so no match.
WHEREABOUTS_ZH = re.compile(
    r"^(?:我们?|人)?(?:还|已经|正|刚|刚刚|现在|目前|正在|都)?在(?P<where>[^\s\W_]{1,12}?)"
    r"(?:等单|等餐|取餐|取货|拿餐|送餐|送单|排队|等着|等人|待命|休息|歇会儿?|歇着|躲雨|吃饭|蹲单)?"
    r"(?:呢|了|啊|哈|呀|中|哦|咯|啦|着)?[\s\W_]*$")
WORK_SPOT_ZH = re.compile(r"^(?:(?:驿站|配送站|中转站|快递站|站点|商家|店|商场|餐厅|取餐点|等餐区|小区)(?:门口|楼下|里|外面?|附近|旁边)?|"
                          r"站里|路上|半路|家|家里|楼下|门口|外面|这边|那边|这儿|那儿|这里|那里)$")
WHEREABOUTS_EN = re.compile(
    r"^(?:i'?m|i am|im|we'?re|we are)?\s*(?:still\s+|already\s+|now\s+|just\s+)?"
    r"(?:on (?:my|the|our) way|(?:at|in) (?:the )?(?:hub|station|depot|restaurant|shop|store|merchant|mall|"
    r"pickup point|pick-up point)(?:\s+waiting(?: for (?:an? |the )?orders?)?)?)[\s\W_]*$")


def whereabouts(n: str, place_of: Callable[[], str | None]) -> bool:
    """Whether the normalised message `n` says only where the rider is (WHEREABOUTS_*): a work spot, or a
    place `place_of()` (the place the rules read in it) gives whole and whose form is a place's
    (location.ends_as_place: 建国路, 望京SOHO; not 漏水, which 在 makes a verb). Never with a life-safety cue."""
    if WHEREABOUTS_EN.match(n):
        return True
    m = WHEREABOUTS_ZH.match(n)
    if m is None or urgent_cue(n):
        return False
    where = m.group("where")
    return WORK_SPOT_ZH.match(where) is not None or (ends_as_place(where) and normalize(place_of() or "") == where)
