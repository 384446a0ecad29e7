"""The negative list, one row per kind of personal data.

Each kind is a pattern over the normalised view (bot.privacy.normalize), a check that
the pattern cannot express (an ID card's GB 11643 check digit, a bank card's Luhn
digit, a real birth date), and how to write the masked value. The row order is the
priority when two kinds claim the same characters (an e-mail address made of a mobile
number is masked as an e-mail). A group named `secret` marks the part to mask; the
rest of the match (a "+86 " prefix, "3号楼2单元", "Room ") is context and stays.

Masked values keep a little for context (138****5678): enough for the rider to
recognise their own number, not enough to call it.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from bot.numerals import ZH_DIGITS, ascii_digits
from bot.privacy.places import (
    ADDRESS_CHAR_ZH,
    COMPOUND_AFTER_ZH,
    EN_UNIT_WORD,
    HOME_CUE_EN,
    HOME_CUE_ZH,
    RECORD_ADDRESS,
    RECORD_NAME,
    RECORD_NAME_SAID,
)

STAR = "*"


def stars(n: int) -> str:
    return STAR * max(n, 3)


# Digits written as characters, read one by one (一二零三 = 1203; 壹叁捌 as surely): bot.numerals. Not 两,
# which counts (两室, 两个) more often than it spells a digit; the mobile number's pattern adds it.
_ZH_DIGIT = ZH_DIGITS.replace("两", "")
# Any digit, Arabic or written as a character: in numbers a cue names (身份证一一零一…, read out by a voice note).
_DIGIT = "[0-9" + _ZH_DIGIT + "]"


def digits(s: str) -> str:
    """The digits of `s` (and an ID number's X) as ASCII, however written: 一三八 and 壹叁捌 are 138."""
    return "".join(c for c in ascii_digits(s) if c.isdigit() or c in "Xx").upper()


# --- checks --------------------------------------------------------------------------
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def id_check_digit(first17: str) -> str:
    """GB 11643-1999: the 18th character of a resident ID number."""
    return _ID_CHECK[sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS)) % 11]


def is_id_card(s: str) -> bool:
    n = digits(s)
    if len(n) != 18 or not n[:17].isdigit() or n[0] == "0":
        return False
    try:
        born = date(int(n[6:10]), int(n[10:12]), int(n[12:14]))
    except ValueError:
        return False
    return 1880 <= born.year <= 2100 and id_check_digit(n[:17]) == n[17]


def luhn_ok(s: str) -> bool:
    n = digits(s)
    if not n.isdigit():
        return False
    total = 0
    for i, d in enumerate(reversed(n)):
        k = int(d) * (2 if i % 2 else 1)
        total += k - 9 if k > 9 else k
    return total % 10 == 0


def is_bank_card(s: str) -> bool:
    n = digits(s)
    return n.isdigit() and 16 <= len(n) <= 19 and len(set(n)) > 2 and luhn_ok(n)


def _always(_: str) -> bool:
    return True


def _has_digits(k: int) -> Callable[[str], bool]:
    return lambda s: sum(c.isdigit() for c in s) >= k


# --- how a masked value is written -----------------------------------------------------
def keep_last(k: int) -> Callable[[str], str]:
    def render(s: str) -> str:
        n = digits(s)
        return stars(len(n) - k) + n[-k:]
    return render


def keep_ends(head: int, tail: int) -> Callable[[str], str]:
    def render(s: str) -> str:
        n = digits(s)
        return n[:head] + STAR * (len(n) - head - tail) + n[-tail:]
    return render


def _email_local(s: str) -> str:
    return s[0] + stars(3)


def _handle(s: str) -> str:
    return s[:2] + stars(3)  # "zh***": the writer knows it again, nobody can add it


def _all(_: str) -> str:
    return stars(3)  # not one star per character: the length would tell


# A digit said in English, perhaps doubled or tripled ("double eight" is 88): the mobile_en row's pieces.
_EN_WORDS = {"zero": "0", "oh": "0", "o": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5",
             "six": "6", "seven": "7", "eight": "8", "nine": "9"}
_EN_DIGIT = r"(?:(?:double|triple)\s)?(?:zero|oh|o|one|two|three|four|five|six|seven|eight|nine|[0-9]{1,4})"


def en_digits(s: str) -> str:
    """The digits of a number said in English words and digits ("one three eight", "double eight 5")."""
    out, times = [], 1
    for word in re.findall(r"[a-z]+|[0-9]+", s.lower()):
        if word in ("double", "triple"):
            times = 2 if word == "double" else 3
            continue
        out.append((_EN_WORDS.get(word, word) if not word.isdigit() else word) * (times if not word.isdigit() else 1))
        times = 1
    return "".join(out)


def _mobile(s: str) -> str:
    n = digits(s)
    return f"{n[:3]}****{n[-4:]}"


# English words that may stand between a WeChat cue and a number without being an id ("wechat me at 8").
_NOT_HANDLE = frozenset({"me", "us", "at", "on", "in", "to", "is", "by", "or", "and", "the", "after", "before", "until",
                         "group", "groups", "call", "no", "number", "id"})


def _is_handle(s: str) -> bool:
    """A WeChat id (6 to 20 characters, with a digit, '_' or '-'), written whole or in pieces."""
    pieces = s.split()
    n = sum(len(p) for p in pieces)
    return (6 <= n <= 20 and any(c.isdigit() or c in "_-" for c in s)
            and not any(p.lower() in _NOT_HANDLE for p in pieces))


def is_mobile(n: str) -> bool:
    """Whether the digits `n` are a mainland mobile number (11 digits, 1 then 3 to 9): the mobile rows' check,
    and the order-number row's, which must not take a mobile for an order's number."""
    return len(n) == 11 and n.isdigit() and n[0] == "1" and n[1] in "3456789"


def _order_number(s: str) -> bool:
    """An order's number: 6 digits or more, neither a mobile number nor ending in one past a space
    ("单号 13812345678", "订单 138 1234 5678", "订单 123456 13812345678": a mobile given as the order's or
    beside it is masked whatever it is called; the rows below then mask it)."""
    if len(digits(s)) < 6:
        return False
    starts = [0, *(m.end() for m in re.finditer(r"\s+", s))]
    return not any(is_mobile(digits(s[i:])) for i in starts)


@dataclass(frozen=True, slots=True)
class Kind:
    """One row of the negative list."""

    name: str
    pattern: re.Pattern[str]
    valid: Callable[[str], bool]  # on the `secret` group's text
    render: Callable[[str], str]  # the masked value for the `secret` group's text
    # False for a number that only looks like one of the others (an order number that reads as a landline):
    # its row claims the characters so no kind below masks them, and it is not reported as a hit.
    personal: bool = True


# What may stand between the digits of a number, for every kind of number: a space, a dot, a dash, an
# underscore, a slash, a star, a tilde or a comma ("138_1234_5678", "110101.19900307.4477", "138 - 1234 - 5678",
# "138*1234*5678", "138～1234～5678", "138，1234，5678" and "138、1234、5678" are typed to get past filters, and
# were shown in full where a kind allowed fewer). The view is NFKC (＊ ～ ， are * ~ ,); 〜 and 、 are not.
# _GAP is one such character, in numbers grouped by position (ID and card numbers); _SEP up to three, in
# numbers read by their digits.
_SEP_CHAR = r"[ .\-_/*~〜,、]"
_GAP = _SEP_CHAR + "?"
_SEP = _SEP_CHAR + "{0,3}"
_ZH_NUM = _ZH_DIGIT + "十百千两"


# Between a plate's parts: a dot (· is one in the normalised view), a dash or a space.
_PLATE_SEP = r"(?:\s?[.\-]\s?|\s)?"
_PLATE_CHAR = r"[A-HJ-NP-Z0-9]"
_PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼使领"
# "加V", "+v", "v：" and 微x/威x/薇x say WeChat as surely as 微信 does (the letter alone is the slang for it).
_WECHAT_CUE = (r"(?:微信号?|威信|薇信|v信|[微威薇]x(?![a-z])|(?<![a-z])(?:vx|wx|wechat|weixin)(?![a-z])"
               r"|(?:加|\+)\s?v(?![a-z])|(?<![a-z0-9])v(?=\s?:))")
_CONTACT = (r"(?:(?<![A-Za-z])(?:tel|phone|mobile|mob|cell|call|fax|contact|whatsapp|telegram|signal)"
            r"|电话|手机|座机|联系方式|联系电话|联系|号码|手机号|拨打我|打我)")

# What people call an ID number before writing it: 身份证(号码), 证件号, 公民身份号码, ID (card/no./number).
_ID_CUE = (r"(?:身份证|身份号码|证件号|身份证件|(?<![A-Za-z])(?:ID|identity)(?:\s?(?:card|no\.?|number|#))*"
           r"(?![A-Za-z]))")

# What people call a bank card's number before writing it: 卡号, 银行卡(号), 信用卡, card no. …
_CARD_CUE = (r"(?:银行卡号?|银行账号|银行帐号|储蓄卡号?|信用卡号?|借记卡号?|卡号"
             r"|(?<![A-Za-z])(?:bank\s?card|card|account|acct)\s?(?:no\.?|number|#)(?![A-Za-z]))")

# Where someone says they live, in running text. Stricter than a place's own prefix
# (bot.privacy.places): "我家楼下" and "我住的小区门口" locate a problem, not a home.
# An address goes on past a comma with its building, unit or room ("我住幸福小区，5号楼1203", "I live at Xili
# Garden, Block 5"), and an English one may open with them ("I live in Block 5, Xili Garden"): all of it
# is the home (the building alone still says where the rider sleeps).
_UNIT_ZH = r"[0-9零〇一二两三四五六七八九十百a-zA-Z]{1,6}\s?(?:号楼|号院|栋|幢|座|单元|室|层|号|楼|户)"
# Past a comma: its building, unit or room, or its bare room number as the last part ("…，3号楼，2单元，501").
_MORE_ZH = (r"(?:[，,、]\s?(?:(?:" + _UNIT_ZH + r"\s?)+[0-9a-zA-Z]*"
            r"|[0-9]{2,5}[a-zA-Z]?(?=[，。,.;；！!？?\s…]|$)))*")
_UNIT_EN = r"(?:" + EN_UNIT_WORD + r"|#)\s*[0-9a-z]{1,5}\b"
_CHUNK = ADDRESS_CHAR_ZH
# "家在3号楼2单元501，幸福小区": the building first, the compound after its comma is the home too.
_UNITS_FIRST_ZH = r"(?:" + _UNIT_ZH + r"\s?)+[0-9a-zA-Z]*" + _MORE_ZH + COMPOUND_AFTER_ZH
# The cue is the one grammar of bot.privacy.places (家在, 俺家在, 家就在, 我住的是, 住址 …): a home cue
# that masked here and not there (or the other way round) left a home visible in one of the two.
_HOME_ZH = (HOME_CUE_ZH + r"\s?:?\s?(?P<secret>(?![的了着过院哪])(?:" + _UNITS_FIRST_ZH + r"|"
            + _CHUNK + r"{2,30}" + _MORE_ZH + "))")
_HOME_EN = (HOME_CUE_EN + r"\s*:?\s*(?:(?:in|at|on)\s+)?"
            r"(?P<secret>(?:" + _UNIT_EN + r"\s*,\s*(?=(?-i:[A-Z0-9])))?[^,.;!?\n]{2,40}(?:\s*,\s*" + _UNIT_EN + r")*)")

# A bare 住 ("…，住幸福小区5号楼1203室", "他住在3栋2单元501") is a home cue only where a clause
# starts (the text's start, after punctuation or a person) and when what follows names a residence
# (a compound, a building, a unit, a room): never 挡住/堵住/记住, 住院/住宅/住房/住户/住建局.
_RESIDENCE = r"(?:小区|花园|公寓|家园|苑|村|社区|大厦|宿舍|号院|栋|幢|座|号楼|单元|室|户)"
_HOME_BARE_ZH = (r"(?:^|(?<=[\s，。,.;；：:！!？?、…（(“”\"'我他她们人]))住(?:在|于)?\s?:?\s?"
                 r"(?P<secret>(?![的了着过院宅房户建手不进])" + _CHUNK + r"{0,30}?" + _RESIDENCE + _CHUNK + r"{0,30}"
                 # a building, unit and room written with dashes ("住3-2-501", "住5-1203"), not days ("住3-5天")
                 r"|[0-9]{1,3}-[0-9]{1,4}(?:-[0-9]{2,4})?(?![0-9\-天日晚号个月年周小点]))")
# "she lives at 12 Keyuan Rd, Flat 3": after someone "live(s) at", an address with a number in it
# ("I live …" is _HOME_EN's; "broadcast live at 8pm" names nobody), or a place and its building or flat past
# a comma ("we live at Xingfu Garden, Bldg 3"); a colon may follow the cue ("we live at: …").
_HOME_BARE_EN = (r"\b(?:we|he|she|they|who|family|parents)\s+(?:still\s+|now\s+|also\s+)?(?:lives?|are\s+living|is\s+living)"
                 r"\s+at\s*:?\s*(?P<secret>[^,.;!?\n]{0,40}?\d[^;!?\n]{0,40}?(?=[.;!?\n]|$)"
                 r"|[^,.;!?\n]{2,40}(?:\s*,\s*" + _UNIT_EN + r")+)")
# "We're at 幸福小区3号楼2单元501", "I'm at Xili Garden, Flat 12": where someone is is a home when it names a
# flat (a unit or room number, ROOM_LEVEL); "we're at the Block 3 gate" is a place.
_AT_EN = (r"\b(?:we're|we\s+are|i'm|i\s+am)\s+(?:at|in)\s*:?\s*(?P<secret>[^,.;!?\n]{2,40}"
          r"(?:\s*,\s*(?:" + _UNIT_EN + r"|(?:" + _UNIT_ZH + r"\s?)+[0-9a-zA-Z]*))*)")
_ROOM_LEVEL = re.compile(r"[0-9零〇一二两三四五六七八九十]\s?(?:单元|室|户)|\b(?:flat|apt|apartment|room|rm|unit|suite)\s*#?\s*\d"
                         r"|#\s*\d", re.IGNORECASE)

# A room of a public place is where the problem is, not where anyone lives ("I'm in Room 501 of the library, the
# lift is broken", "图书馆501室的灯坏了", "医院住院部3楼305病房"): its number stays. Only where the place names it
# right before the room or right after it ("Room 501, City Library", "the library's room 12"); a hotel's room is
# its guest's, and a room said after a home cue is masked by the home rows above it whatever it names.
_PUBLIC_EN = (r"(?:library|hospital|clinic|school|university|college|campus|office|station|mall|museum|gym|bank"
              r"|city\s+hall|centre|center|airport|terminal|restaurant|cafe|canteen|laboratory|lab|church|theatre"
              r"|theater|cinema|stadium)")
_PUBLIC_ZH = (r"(?:图书馆|医院|卫生院|门诊楼|门诊部|住院部|学校|教学楼|实验楼|办公楼|政府|街道办|居委会|派出所|服务中心|"
              r"活动中心|商场|银行|法院|体育馆|博物馆|车站|机场|航站楼)")
_PUBLIC_ROOM_EN = re.compile(
    r"(?:\b(?P<pub>" + _PUBLIC_EN + r")(?:'s)?\s*,?\s+(?:room|rm\.?|ward|classroom|suite|unit)"
    r"|\b(?:room|rm\.?|ward|classroom))\s?(?:no\.?\s?)?#?\s?(?P<secret>[a-z]?\d{1,5}[a-z]?)\b"
    r"(?(pub)|(?=\s*(?:,\s*|\s(?:of|in|at|on)\s+)(?:the\s+)?(?:[a-z'-]+\s+){0,2}" + _PUBLIC_EN + r"\b))",
    re.IGNORECASE)
_PUBLIC_ROOM_ZH = re.compile(
    _PUBLIC_ZH + r"(?:\s?[0-9一二三四五六七八九十]{1,3}\s?(?:号楼|楼|层|栋|座|区))?\s?"
    r"(?P<secret>\d{3,5}|[零〇一二三四五六七八九]{3,5})(?![0-9])")


def _not_public_room(s: str) -> bool:
    """Whether `s` names no room of a public place (where someone is, "I'm in Room 501 of the library", is then
    no home)."""
    return _PUBLIC_ROOM_EN.search(s) is None and _PUBLIC_ROOM_ZH.search(s) is None


KINDS: tuple[Kind, ...] = (
    # A home address said in passing ("…我住望京花园5号楼1203室"): the whole clause, not
    # just the room, since the building alone still says where the rider sleeps.
    Kind("home_address", re.compile(_HOME_ZH), _always, _all),
    Kind("home_address_en", re.compile(_HOME_EN, re.IGNORECASE), _always, _all),
    Kind("home_address_bare", re.compile(_HOME_BARE_ZH), _always, _all),
    Kind("home_address_bare_en", re.compile(_HOME_BARE_EN, re.IGNORECASE), _always, _all),
    Kind("home_address_at_en", re.compile(_AT_EN, re.IGNORECASE),
         lambda s: _ROOM_LEVEL.search(s) is not None and _not_public_room(s), _all),
    # A customer's or recipient's record a rider passes on (bot.privacy.places: "收货人：张三 138… 北京市朝阳区
    # 幸福路12号院3号楼501"): the name and the home go, the phone is masked by its own row, the rest stays.
    Kind("record_name", re.compile(RECORD_NAME), _always, _all),
    Kind("record_name_said", re.compile(RECORD_NAME_SAID), _always, _all),
    Kind("record_address", re.compile(RECORD_ADDRESS), _always, _all),
    Kind("email", re.compile(
        r"(?<![A-Za-z0-9._%+\-])(?P<secret>[A-Za-z0-9._%+\-]+)\s?@\s?[A-Za-z0-9\-]+(?:\s?\.\s?[A-Za-z0-9\-]+)+"),
        _always, _email_local),
    # An address spelled to get past filters: 艾特, (at), [at] or # for @, 点, (dot) or [dot] for the dot
    # ("zhangsan艾特qq点com", "zhangsan#qq.com", "zhangsan at qq dot com"). Only before a mail domain's last
    # part (com, cn …): "waiting at gate. Then" names nobody.
    Kind("email_spelled", re.compile(
        r"(?<![A-Za-z0-9._%+\-])(?P<secret>[A-Za-z0-9._%+\-]+)(?:\s?(?:@|艾特|\(at\)|\[at\]|#)\s?|\s+at\s+)"
        r"[A-Za-z0-9\-]+(?:(?:\s?(?:\.|点|\(dot\)|\[dot\])\s?|\s+dot\s+)[A-Za-z0-9\-]+)*?"
        r"(?:\s?(?:\.|点|\(dot\)|\[dot\])\s?|\s+dot\s+)(?:com|cn|net|org|edu|gov|io|me|co|info|hk|tw)(?![A-Za-z0-9])",
        re.IGNORECASE), _always, _email_local),
    Kind("id_card", re.compile(
        r"(?<![0-9])(?P<secret>[1-9](?:" + _GAP + r"\d){16}" + _GAP + r"[0-9Xx])(?![0-9])"),
        is_id_card, keep_ends(3, 4)),
    # An ID-shaped number its writer calls an ID ("身份证11010119900307777X", "ID no. …"): masked
    # whatever its check digit (issue 17: a mistyped or invented one is still someone's ID to the
    # reader). Without the cue the check digit decides, so order numbers stay readable.
    Kind("id_card_cued", re.compile(_ID_CUE + r"[^0-9\n]{0,8}?(?P<secret>" + _DIGIT + r"(?:" + _GAP + _DIGIT + r"){16}" + _GAP
                                    + r"(?:" + _DIGIT + r"|[Xx]))(?![0-9" + _ZH_DIGIT + r"])",
                                    re.IGNORECASE),
         _always, keep_ends(3, 4)),
    Kind("bank_card", re.compile(
        r"(?<![0-9])(?P<secret>[1-9]\d{3}(?:" + _GAP + r"\d{4}){3}(?:" + _GAP + r"\d{1,3})?"
        r"|[1-9]\d{5}" + _GAP + r"\d{10,13})(?![0-9])"),
        is_bank_card, keep_ends(4, 4)),
    # A card-length number its writer calls a card ("卡号6222021234567890123", "银行卡 6212 …", "card no.
    # …"): masked whatever its Luhn digit, as a cued ID number is (a mistyped card number is still
    # someone's card to the reader; it was shown in full on the dashboard, in exports and on Open311).
    # Without the cue Luhn decides, so order numbers stay readable.
    Kind("bank_card_cued", re.compile(_CARD_CUE + r"[^0-9\n]{0,8}?(?P<secret>(?![0零〇○])" + _DIGIT + r"(?:" + _GAP + _DIGIT
                                      + r"){11,18})(?![0-9" + _ZH_DIGIT + r"])",
                                      re.IGNORECASE), _always, keep_ends(4, 4)),
    # An order or waybill number its writer calls one ("订单 2024-0512-1530-0001", "运单号：0512 6523 1234",
    # "order #…"): read as it is, not as the landline its 0512 looks like (it was masked, and the hotline
    # could not find the order). Below the ID and card rows, which their own checks or cues decide; a phone
    # given for the order ("订单电话 0512-…") has its own cue and is not an order's number.
    Kind("order_number", re.compile(
        r"(?:订单|运单|单号|(?<![a-z])(?:order|waybill|tracking)(?![a-z]))\s?(?:号|编号)?\s?(?:no\.?|number|#|id)?\s?"
        r"(?:是|为|:|#)?\s?(?P<secret>[0-9a-z]*\d[0-9a-z]*(?:(?:[.\-_/]|\s(?=\d))[0-9a-z]+)*)(?![0-9a-z])",
        re.IGNORECASE), _order_number, lambda s: s, personal=False),
    Kind("mobile", re.compile(
        r"(?<![0-9])(?:(?:\+|00)?\s?86" + _SEP + r"|\(\s?\+?86\s?\)\s?)?"  # "8613812345678": 86 without its +
        r"(?P<secret>1(?:" + _SEP + r"\d){10})(?![0-9])"),
        lambda s: is_mobile(digits(s)), _mobile),
    # A mobile number read out in Chinese digits ("一三八一二三四五六七八", 幺 for one), whole or in part
    # ("138一二三四5678", "一3八1二3四5六7八"): how a voice note's transcript writes it, and how people write
    # it to slip past filters. One written in Arabic digits alone is the row above's.
    Kind("mobile_zh", re.compile(
        r"(?<![0-9" + _ZH_DIGIT + r"两])(?P<secret>[1一幺壹](?:" + _SEP + r"[0-9" + _ZH_DIGIT + r"两]){10})"
        r"(?![0-9" + _ZH_DIGIT + r"两])"),
        lambda s: is_mobile(digits(s)), _mobile),
    # One read out in English words ("one three eight one two three four five six seven eight", "1 3 8,
    # double one, …"), whole or mixed with digits: how a voice note's English transcript writes it.
    Kind("mobile_en", re.compile(
        r"(?<![a-z0-9])(?P<secret>" + _EN_DIGIT + r"(?:[\s,\-]{1,3}" + _EN_DIGIT + r"){3,10})(?![a-z0-9])",
        re.IGNORECASE), lambda s: any(c.isalpha() for c in s) and is_mobile(en_digits(s)),
        lambda s: _mobile(en_digits(s))),
    Kind("landline", re.compile(
        r"(?<![0-9])(?:(?:\+|00)\s?86" + _SEP + r"(?:\(0\)\s?|\(?0?)|\(0|0)(?:10|2\d|[3-9]\d\d)\)?" + _SEP +
        r"(?P<secret>\d{3,4}" + _SEP + r"\d{4}(?:\s?(?:转|ext\.?|x|-)\s?\d{1,5})?)(?![0-9])", re.IGNORECASE),
        _always, keep_last(4)),
    # A number in international form ("+44 7700 900123", "+1 (415) 555-0132"): E.164 gives every phone
    # number so, a + and its country code, at most 15 digits; nothing else riders write looks like it
    # ("+1" agreeing is one digit). The country code stays, the rest but its last 4 digits is masked.
    Kind("international", re.compile(
        r"(?<![0-9a-z+])\+\s?[1-9]\d{0,2}[\s.\-]?(?P<secret>\(?\d(?:[ .\-()]{0,2}\d){6,12})(?![0-9])",
        re.IGNORECASE), _always, keep_last(4)),
    # A number anyone labels as a way to reach them, whatever its shape (a local landline
    # without area code, a number abroad): at least 7 digits after 电话/tel/手机….
    Kind("contact_number", re.compile(
        _CONTACT + r"\s?(?:我|me\b)?\s?(?:号码?)?\s?(?:是|为|:|#)?\s?"
        r"(?P<secret>\+?\d(?:[ .\-()]{0,2}\d){6,15})(?![0-9])", re.IGNORECASE),
        _always, keep_last(4)),
    # A WeChat or QQ handle given to be reached by ("微信号 zhang_wei88", "vx: lw-2024", "QQ 12345678",
    # a bare "wxid_…"): to a reader the same as a phone number. Only after its cue (a WeChat id also
    # has a digit, "_" or "-": "wechat groups" is words), or in WeChat's own wxid_ form. Also written in
    # pieces ("vx zhangwei 88", "微信号 zhang wei88"): words, then a piece ending in up to 4 digits (a phone
    # number after the id is not part of it), of a handle's length (_is_handle); "wechat group at 8pm" is not.
    Kind("wechat", re.compile(
        _WECHAT_CUE + r"\s?(?:号|id)?\s?(?:是|为|:|#|is(?=\s))?\s?(?P<secret>[a-z][-_a-z0-9]*(?:\s[a-z][-_a-z0-9]*){0,2}"
        r"\s(?:[a-z][-_a-z0-9]*)?\d{1,4}(?![-_a-z0-9])|[a-z][-_a-z0-9]{5,19})(?![-_a-z0-9])",
        re.IGNORECASE), _is_handle, _handle),
    Kind("wechat_wxid", re.compile(r"(?<![a-z0-9_])(?P<secret>wxid_[a-z0-9]{6,20})(?![-_a-z0-9])", re.IGNORECASE),
         _always, _handle),
    # QQ as riders call it too: "Q Q", 扣扣, 企鹅(号).
    Kind("qq", re.compile(r"(?:(?<![a-z])q\s?q|扣扣|企鹅号?)\s?(?:号码?)?\s?(?:是|为|:|#)?\s?(?P<secret>[1-9](?:" + _SEP + r"\d){4,11})(?![0-9])",
                          re.IGNORECASE), _always, keep_last(3)),
    # A plate as riders write it: a dot, a dash or a space after the province, after the letter or inside
    # the number (京·A12345, 京A·12345, 京 A 12345, 京A-123-45), 5 characters or a new-energy 6 (京AD12345).
    # A space inside the number only when no shorter reading ends at a word ("京A12345 3号门": the 3 is
    # the gate's).
    Kind("plate", re.compile(
        r"[" + _PROVINCES + r"]" + _PLATE_SEP + r"[A-HJ-NP-Z]" + _PLATE_SEP +
        r"(?P<secret>" + _PLATE_CHAR + r"(?:[.\-]?" + _PLATE_CHAR + r"){4,5}(?![A-Za-z0-9])"
        r"|" + _PLATE_CHAR + r"(?:[\s.\-]?" + _PLATE_CHAR + r"){4,5}(?![A-Za-z0-9]))", re.IGNORECASE),
        _has_digits(3), _all),
    # A room of a public place (above): its characters claimed, so the room rows below leave its number.
    Kind("public_room", _PUBLIC_ROOM_EN, _always, lambda s: s, personal=False),
    Kind("public_room_zh", _PUBLIC_ROOM_ZH, _always, lambda s: s, personal=False),
    # Flat/room: "5号楼1203室", "3栋2单元501", "3单元502", "五号楼一二零三室"; the building stays
    # (it locates a problem: "3号楼门口"), the room goes; "3号楼12楼" is a floor and stays.
    Kind("zh_room", re.compile(
        r"(?:(?:\d{1,3}|[" + _ZH_NUM + r"]{1,4})\s?(?:栋|幢|号楼|座|号院)\s?"
        r"(?:(?:\d{1,2}|[" + _ZH_NUM + r"]{1,3})\s?单元\s?)?"
        r"|(?:\d{1,2}|[" + _ZH_NUM + r"]{1,3})\s?单元\s?)"
        r"(?P<secret>\d{2,5}|[" + _ZH_NUM + r"]{2,7})(?:\s?(?:室|号|房间?|户))?(?![0-9号楼层" + _ZH_NUM + r"])"),
        _always, _all),
    Kind("zh_room_bare", re.compile(
        r"(?<![0-9" + _ZH_NUM + r"])(?P<secret>\d{3,5}|[" + _ZH_DIGIT + r"]{3,5})\s?(?=室|房间|房|户)"),
        _always, _all),
    Kind("dash_room", re.compile(r"(?<![\w\-])\d{1,3}-\d{1,2}-(?P<secret>\d{3,4})(?![\w\-])"),
         _always, _all),
    Kind("en_room", re.compile(
        r"\b(?:room|rm\.?|apt\.?|apartment|flat|suite|unit)\s?(?:no\.?\s?)?#?\s?"
        r"(?P<secret>[A-Za-z]?\d{1,5}[A-Za-z]?(?:-\d{1,5})?)\b", re.IGNORECASE),
        _always, _all),
)
