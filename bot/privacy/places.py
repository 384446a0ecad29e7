"""Places shown outside the reporter's own chat.

A case's place is meant to be where the problem is, but a rider often says where
they live in the same breath ("望京SOHO T3 楼下有人摔倒…我住望京花园5号楼1203室"), and a
place taken from that clause is their home. A home is on the negative list: on the
board, in /needs, in exports and in group announcements it is not shown at all (a
masked home would still name the building). When the report puts the problem at the
home ("我住幸福小区5号楼，楼下路灯坏了": the intake takes the home as the place), the home
is shared as its compound only ("幸福小区"), and its pin still not at all. Any other place passes
`mask` (a room number inside it goes). A pin follows its place (`shareable_point`).
"""
from __future__ import annotations

import re

from bot.privacy.normalize import plain

# What introduces where someone lives, one grammar for masking (bot.privacy.kinds) and for telling a
# home place (is_residence, at_home) apart: whose (我, 俺, 咱, 我们, 他 … or nobody at a clause's start)
# 家 + 在/住/住在/位于/地址是 ("家在…", "俺家在…", "家就在…", "我们家住在…"), someone 住/住在/住的是
# ("我住的是…", "本人住在…"), 住址/家庭地址. A 家 with nobody before it counts only where a clause starts:
# 大家在, 回家在, 商家在, 国家在 say nothing about a home (and 家乐福, 家具城 are places).
_WHO = r"(?:我们|我們|俺们|咱们|他们|她们|我|俺|咱|(?<!其)他|她|本人)"  # 其他家在… is other shops
_CLAUSE_START = r"(?:^|(?<=[\s，。,.;；：:！!？?、…（(“”\"'「」]))"
_STILL = r"(?:就|也|还|都|现在|目前|一直)?"
# An address ahead, for a cue followed by a comma ("我家，幸福小区3号楼…", "住址，3号楼2单元501"): a named compound
# or a numbered building, unit or room in the clause; "我家，楼下路灯坏了", "我家，这个小区…", "地址，我忘了" name none.
_ADDRESS_AHEAD = (r"(?=\s?(?:(?![这那该此楼门附旁对隔])[^，。,.;；！!？?\s…]{1,12}?(?:小区|花园|公寓|家园|苑|社区|新村|大厦)"
                  r"|[^，。,.;；！!？?\s…]{0,12}?[0-9零〇一二两三四五六七八九十百]\s?(?:号楼|号院|栋|幢|单元|室)))")
_SAYS = r"(?:是|为|在|:|," + _ADDRESS_AHEAD + r")"  # what may end a cue that names an address (地址是, 住址：)
HOME_CUE_ZH = (r"(?:(?:" + _CLAUSE_START + r"|" + _WHO + r"的?)家(?:里(?=住))?" + _STILL
               + r"(?:住在|住于|住|在|位于|的?(?:地址|门牌号?)" + _SAYS + r"?"
               r"|是(?=[^，。,.;；！!？?\s…]{0,12}?(?:小区|花园|公寓|家园|苑|社区|新村|大厦|号院|栋|幢|号楼|单元|室))"
               r"|\s?[,:]" + _ADDRESS_AHEAD  # 我家，幸福小区… / 家：3号楼…: a bare 家, a comma or colon, an address
               # 我家幸福小区5号楼…: a bare 家 right before a named compound ("我家后面的幸福小区", "我家小区门口" name none)
               + r"|(?=(?![这那该此楼门附旁对隔后前边左右里外])[^，。,.;；：:！!？?\s…的]{1,12}?(?:小区|花园|公寓|家园|苑|社区|新村|大厦)))"
               r"|" + _WHO + _STILL + r"(?:住在|住于|(?:住|租)的(?:地方|房子?|屋子?)?(?:是|在)|住)"
               r"|(?:家庭|家的?)?住址" + _SAYS + r"?|家庭地址" + _SAYS + r"?|现住址?|现住在|居住在|居住于|租住在"
               r"|" + _WHO + r"的?地址(?:是|为|在|:)?" + _ADDRESS_AHEAD  # 我的地址：幸福小区…, as "my address is"
               # a customer's address a rider passes on is someone's home too
               + r"|(?:收货|收件|送货|配送)地址" + _SAYS + r"?)")
# The English words for a flat's or block's number ("Block 5", "Flat 12", "No. 3"), wherever an address's unit is read.
EN_UNIT_WORD = r"(?:block|building|bldg|tower|unit|flat|apt|apartment|room|no\.?)"
# What an English address looks like, wherever one must be told from other words ("Home: 12 Xingfu Rd", not
# "Home: Back by 5"; a customer's record): a numbered flat or block ("Flat 5B", "Block 3", "No. 12"), a number
# and its street ("12 Keyuan Rd"), a named street or compound ("Keyuan Road", "Xili Garden"; capitalised: "on
# my way" is no street).
EN_STREET_WORD = r"(?:road|rd|street|st|avenue|ave|lane|ln|boulevard|blvd|drive|dr|hutong|lu|jie|dajie)"
EN_COMPOUND_WORD = (r"(?:garden|gardens|estate|court|mansion|mansions|residence|residences|apartments|village"
                    r"|compound|community)")
EN_ADDRESS = (r"(?:(?:" + EN_UNIT_WORD + r"|#)\s*\d[0-9a-z]{0,4}\b"
              r"|\d{1,5}[a-z]?\s+(?:[a-z][a-z'-]*\s+){0,3}" + EN_STREET_WORD + r"\b\.?"
              r"|(?:(?-i:[A-Z])[a-z'-]*\s+){1,3}(?:" + EN_STREET_WORD + r"|" + EN_COMPOUND_WORD + r")\b\.?)")
# The English ones: "I live/stay/reside (at)", "I'm living/staying", "my (home) address is", "my home is/'s",
# "home address:"; a house, flat or place only when an address follows ("my flat is in Xili Garden", not
# "my flat is flooded").
HOME_CUE_EN = (r"(?:\bi\s+(?:live|stay|reside)|\bi'?m\s+(?:living|staying)|\bi\s+am\s+(?:living|staying)"
               r"|\bmy\s+(?:home\s+)?address\s*(?:is|:)|\bmy\s+home(?:\s+is|'s)|\bhome\s+address\s*(?:is|:)"
               # "Home: 12 Xingfu Rd, Flat 501": a label (a line's or sentence's first word, or "my home:") and an
               # address after it (EN_ADDRESS, or a Chinese one); "Home: back by 5", "Home: Back by 5" name none
               r"|(?:^|(?<=[\n.;!?])|(?<=[\n.;!?]\s)|\bmy\s+)home(?=\s*:\s*(?=(?-i:[A-Z0-9\u3400-\u9fff]))"
               r"(?:[^.;!?\n]{0,40}?(?<![a-z])" + EN_ADDRESS + r"|" + _ADDRESS_AHEAD + r"))"
               r"|\bmy\s+(?:house|flat|apartment|place)(?:\s+is|'s)(?=\s+(?:in|at|on)\s+(?-i:[A-Z0-9]))"
               # "my flat is 1203, Block 5 Xili Garden": its number first, then its block or compound
               r"|\bmy\s+(?:house|flat|apartment)(?:\s+is|'s)(?=\s+(?:no\.?\s*|#\s*)?\d{1,5}[a-z]?\s*,?\s+(?-i:[A-Z])))")
# What marks a home before a place, for telling the place apart (here and in bot.intake): the cues, a
# bare 我家 ("我家楼下"), and 住在/现住/租住 anywhere.
HOME_MARK_ZH = (r"(?:" + HOME_CUE_ZH + r"|" + _WHO + r"的?家|住在|现住|居住于|租住)")
HOME_MARK_EN = r"(?:" + HOME_CUE_EN + r"|\bmy\s+(?:home|flat|apartment|house|place|address)(?:\s+is)?)"
# An English home mark and the word before its address ("I live at", "my flat is in", "I'm staying at"): where
# the intake (bot.intake.places, bot.intake.location) tells the rider's home from the incident's place, with
# the same words that mask it here.
HOME_BEFORE_EN = HOME_MARK_EN + r"\s+(?:in|at|on)"
_START = re.compile(r"^\s*(?:" + HOME_MARK_ZH + r"|住(?![宅建房院户])|" + HOME_MARK_EN + r")\s*(?:in|at|on)?\s*",
                    re.IGNORECASE)
# The address after the mark, to the end of its clause; an English one that opens with its flat or block
# goes on past the comma to its name ("I live in Block 5, Xili Garden": the home is Xili Garden too).
# Past a comma, its building, unit or room belongs to it too ("I live at Xili Garden, Block 5", "我住幸福小区，5号楼").
_EN_UNIT_FIRST = r"(?:" + EN_UNIT_WORD + r"\s*[0-9a-z]{1,5}\s*,\s*(?=(?-i:[A-Z0-9])))?"
_UNIT_AFTER = (r"(?:\s*[，,、]\s*(?:(?:" + EN_UNIT_WORD + r"|#)\s*[0-9a-z]{1,5}\b"
               r"|(?:[0-9零〇一二两三四五六七八九十百a-z]{1,6}\s*(?:号楼|号院|栋|幢|座|单元|室|层|号|楼|户)\s*)+[0-9a-z]*))*")
# A Chinese address that opens with its building goes on past the comma to its compound, as an English
# one does ("家在3号楼2单元501，幸福小区": the home is 幸福小区 too).
COMPOUND_AFTER_ZH = (r"[，,、]\s?[^，。,.;；！!？?\s…0-9]{1,10}?(?:小区|花园|公寓|家园|苑|社区|新村|村|大厦|公馆|里|院)"
                     r"(?=[，。,.;；！!？?\s…]|$)")
_CLAUSE = re.compile(r"(?:" + HOME_MARK_ZH + r"|" + HOME_MARK_EN + r")\s*(?:in|at|on)?\s*(?P<clause>"
                     r"(?=[0-9零〇一二两三四五六七八九十百])[^，。,;；！!？?\n]{1,60}" + _UNIT_AFTER + COMPOUND_AFTER_ZH
                     + r"|" + _EN_UNIT_FIRST + r"[^，。,;；！!？?\n]{1,60}" + _UNIT_AFTER + ")",
                     re.IGNORECASE)


# --- a customer's or recipient's record --------------------------------------------------------------
# A rider passes on whom an order is for ("收货人：张三 13812345678 北京市朝阳区幸福路12号院3号楼501", "顾客王小明，电话
# 138…，地址朝阳区幸福路12号院3号楼2单元501室，说门口的路灯坏了", "Customer: John Smith, 138 1234 5678, Flat 5B, 12 Keyuan
# Rd"): a name and a home, someone else's. The record's name and address are masked (bot.privacy.kinds), its
# address is a home (is_residence), and the rest of the message stays. A label that only names a record
# (收货人, 收件人, 姓名, recipient, consignee, customer name …) is one with a colon; one that is also a word of
# ordinary speech (顾客, 客户, 联系人, customer, contact …: "顾客说门口路灯坏了", "the customer said the gate is
# locked", "联系人在群里说") only before a name (a Chinese surname and a given name or 先生/女士, or a capitalised
# English name) that a phone number or an address follows.
_RECORD_STRONG = (r"(?:收货人|收件人|取件人|寄件人|订餐人|下单人|订货人|姓名"
                  r"|(?i:(?<![a-z])(?:recipient|consignee|addressee|receiver|sender|full\s+name"
                  r"|(?:customer|client|recipient|contact)(?:'s)?\s+name|(?<![a-z]\s)name)(?![a-z])))")
_RECORD_WEAK = (r"(?:联系人|顾客|客户|买家|客人|(?i:(?<![a-z])(?:customer|client|buyer|contact(?:\s+person)?)"
                r"(?![a-z])))")
_RECORD_LABEL = r"(?:" + _RECORD_STRONG + r"|" + _RECORD_WEAK + r")"
_COLON = r"\s?[:：]\s?"
# The commonest surnames (about nine in ten people bear one of them), and the double ones.
_SURNAME = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
            "姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔"
            "向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕"
            "单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚")
# As delivery apps write a name: "张(先生)" (the view reads （ as "(").
_TITLE = r"(?:\((?:先生|女士|小姐)\))?"
_NAME_ZH = (r"(?:欧阳|司马|上官|诸葛|东方|皇甫|慕容|司徒|令狐|夏侯|尉迟|长孙|宇文|公孙|端木|南宫|[" + _SURNAME + r"])"
            r"(?:[\u4e00-\u9fff]{1,2}|(?=\())" + _TITLE + r"(?![\u4e00-\u9fff])")
# After a label that only names a record and its colon, any name ("收件人：买买提·艾力"), not a field's label.
# (the view reads a name's · as a dot: bot.privacy.normalize)
_NAME_ZH_ANY = (r"(?!电话|手机|号码|地址|住址|联系)(?:[\u4e00-\u9fff]{1,5}\.[\u4e00-\u9fff]{1,5}|[\u4e00-\u9fff]{2,5}"
                r"|[\u4e00-\u9fff](?=\())" + _TITLE + r"(?![\u4e00-\u9fff.])")
_NAME_EN = r"(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s)?[A-Z][a-z'-]+(?:\s[A-Z][a-z'-]*\.?){0,2}(?![A-Za-z])"
_NAME_END = r"(?=\s|$|[,，、;；。.!！?？(（\d+*:：])"
_PHONE_LABEL = r"(?:联系电话|联系方式|电话|手机号?|号码|(?i:tel|phone|mobile|mob)\.?)"
_ADDRESS_LABEL = r"(?:(?:收货|送货|配送|家庭|详细)?地址|住址|(?i:address|addr\.?))"
# A phone, a name's address or its label, ahead: what makes a speech word's name a record's.
_RECORD_AHEAD = (r"(?=\s?[，,、;；:：]?\s?(?:(?:" + _PHONE_LABEL + r"\s?[:：]?\s?)?[+\d]"
                 r"|" + _ADDRESS_LABEL + r"\s?[:：]?\s?[^，。,;；！!？?\s]))")
# The name of a record: after a record-only label and its colon any name; after any label a surname's or an
# English name that a phone or an address follows ("顾客：马上到" is speech: a name alone after 顾客 stays).
RECORD_NAME = (_RECORD_STRONG + _COLON + r"(?P<secret>" + _NAME_ZH_ANY + r"|" + _NAME_EN + r")" + _NAME_END)
RECORD_NAME_SAID = (_RECORD_LABEL + r"(?:" + _COLON + r"|\s?)(?P<secret>" + _NAME_ZH + r"|" + _NAME_EN + r")"
                    + _RECORD_AHEAD)
# Its fields before the address: a phone (labelled or not, masked already or not). Fields and what parts them are
# taken whole (atomic groups): a run of digits and spaces read as phones and gaps every possible way took
# exponential time when no address followed ("收件人：张三 1 1 1 …").
_FIELD_SEP = r"(?>\s*[，,、;；]?\s*)"
# A phone has a phone's shape (138 1234 5678, 13812345678, 010-62345678, +86 …): a house number after it
# ("13812345678 12号院…", "… 12 Keyuan Rd") is the address's.
_PHONE_FIELD = (r"(?>(?:" + _PHONE_LABEL + r"\s?[:：]?\s?)?(?:\+?86[\s\-]?)?(?:[\d*]{2,4}[\s\-]?)?[\d*]{3,4}[\s\-]?[\d*]{4}"
                r"(?![\d*]))")
# An address by its shape: a place word (区, 路, 小区 …) and a numbered building, unit or room, or those alone
# ("3号楼2单元501"), in Chinese; an English one (EN_ADDRESS: "Flat 5B", "12 Keyuan Rd").
# One character of an address within a clause; a space only before a number or a unit word ("幸福小区 5 号楼 1203室"),
# not before where something is from the building ("…1203室 楼下井盖没了": the problem, said after a space).
ADDRESS_CHAR_ZH = r"(?:[^，。,.;；！!？?\s…]|\s(?=[0-9号栋幢座单元室户]|[楼层](?![下上道梯顶前后里边口外门])))"
_ZH_UNIT = r"[0-9零〇一二两三四五六七八九十百a-zA-Z]{1,6}\s?(?:号楼|号院|栋|幢|座|单元|室|层|号|楼|户)"
_ZH_UNITS = _ZH_UNIT + r"(?:\s?" + _ZH_UNIT + r")*[0-9a-zA-Z]*"
_ZH_ADDRESS = (r"(?:" + ADDRESS_CHAR_ZH + r"{0,20}?(?:省|市|区|县|镇|乡|村|路|街|道|巷|胡同|里|小区|花园|苑|公寓|大厦|家园|社区)"
               + ADDRESS_CHAR_ZH + r"{0,20}?" + _ZH_UNITS + r"|" + _ZH_UNITS + r")")
_ADDRESS_CHUNK = r"(?:" + _ZH_ADDRESS + r"|(?i:" + EN_ADDRESS + r"))"
# The record's address: after its head (a label with a name, or with a colon, or with a field right after it) and
# any phones, an address by its shape, or anything after an address label, with the parts of it that follow.
RECORD_ADDRESS = (r"(?:" + _RECORD_STRONG + _COLON + r"(?:" + _NAME_ZH_ANY + r"|" + _NAME_EN + r")?"
                  r"|" + _RECORD_LABEL + r"(?:" + _COLON + r"|\s?)(?:" + _NAME_ZH + r"|" + _NAME_EN + r"|\*{3,}"
                  r"|(?=\s?(?:" + _PHONE_LABEL + r"|" + _ADDRESS_LABEL + r"|[+\d]))))"
                  r"(?:" + _FIELD_SEP + _PHONE_FIELD + r")*" + _FIELD_SEP +
                  r"(?:(?P<label>" + _ADDRESS_LABEL + r")\s?[:：]?\s?)?(?P<secret>(?(label)(?:" + _ADDRESS_CHUNK +
                  r"|(?:[^，。,;；！!？?\n.]|\.(?!\s)){2,40})|" + _ADDRESS_CHUNK + r")(?:" + _FIELD_SEP + _ADDRESS_CHUNK + r")*)")
_RECORD_ADDRESS = re.compile(RECORD_ADDRESS)
_LABELLED = re.compile(r"^" + _ADDRESS_LABEL + r"[:：]?")


def _squash(s: str) -> str:
    return re.sub(r"\s+", "", plain(s)).lower()


def is_residence(place: str | None, text: str = "") -> bool:
    """Whether `place` names where the reporter lives (by itself, or by the report `text`), or the home of
    a customer's record in `text` (RECORD_ADDRESS)."""
    if not place or not place.strip():
        return False
    if _START.match(plain(place)):
        return True
    core = _squash(place)
    if len(core) < 2:
        return False
    homes = [m.group("clause") for m in _CLAUSE.finditer(plain(text or ""))]
    records = [m.group("secret") for m in _RECORD_ADDRESS.finditer(plain(text or ""))]  # a customer's home too
    if records:  # the place may keep the record's address label ("地址朝阳区…")
        core = _LABELLED.sub("", core) or core
    for home in homes + records:
        clause = _squash(home)
        if core in clause or (len(clause) >= 4 and clause in core):
            return True
    return False


# The problem placed at the home, in the words right after saying where one lives: "我住幸福小区5号楼，
# 楼下路灯坏了", "我住在阳光花园，小区门口有个大坑", "I live at Sunny Garden block 5, the light downstairs is
# out". Then the home is the incident's place (bot.intake.places takes it), shared as its compound only.


def _at_home_words(whose: str) -> str:
    """The words that put a problem at the home's building or compound, Chinese and English; `whose` is who
    an English building, gate or yard may belong to ("outside my building", and in the clause right after the
    address also "outside the building"). One grammar for the next clause and the ones after it."""
    return (r"楼下|楼上|楼道|楼梯|楼前|楼后|单元门|院里|院子|院内"
            r"|\b(?:downstairs|upstairs|stairwell|(?:outside|in\s+front\s+of|near|next\s+to|by)\s+" + whose + r"\s+"
            r"(?:building|block|gate|door|entrance|home|house|flat|compound)|in\s+" + whose + r"\s+"
            r"(?:compound|estate|building|block|yard|courtyard)|(?:my|our)\s+(?:building|block|compound|estate|"
            r"stairwell|lobby|entrance|gate|door))\b")


# In the clause right after the address, also the gate and what is near it (门口, 附近: the address's).
_AT_HOME = re.compile(_at_home_words(r"(?:my|our|the)") + r"|门口|门前|小区|附近|旁边|对面|隔壁", re.IGNORECASE)
_CJK_GAP = re.compile(r"(?<=[\u3400-\u9fff0-9])\s+(?=[\u3400-\u9fff])")
# Where a home's compound ends: its building, unit, room or house number and all after it.
_UNIT = re.compile(r"\s*(?:[0-9零〇一二两三四五六七八九十百]+\s*(?:号楼|号院|号门|栋|幢|座|单元|楼|号|室|层|期|排|户|门)"
                   r"|[a-z]\s*(?:座|栋|幢)|[a-z][0-9]{1,2}(?![0-9])|(?:" + EN_UNIT_WORD + r"|#)\s*[0-9a-z]"
                   r"|[0-9]).*$", re.IGNORECASE | re.DOTALL)


# After the address, the problem may come a few clauses on ("我住幸福小区5号楼，今天下班回来，楼下路灯坏
# 了"): up to _HOME_REACH clauses after the address's own, while none takes the rider somewhere else
# first (去…, 到了…, 路过…, 在建国路…, "went to …"). Past the first clause only words that can only mean
# the home's building or compound count (楼下, 楼道, 小区 …, not 附近, 对面, 门口: near what?).
_HOME_REACH = 3
_CLAUSE_SEP = re.compile(r"[，。,;；！!？?\n…]+|(?<=[\u3400-\u9fff0-9])\s+(?=[\u3400-\u9fff])")
_AT_HOME_FAR = re.compile(_at_home_words(r"(?:my|our)") + r"|(?<!隔壁)(?<!对面)(?<!旁边)(?<!别的)(?<!那个)小区",
                          re.IGNORECASE)
_ELSEWHERE = re.compile(
    r"(?<![过失除回上下进出])去|(?<![看听遇感收见找想得做达回直])到(?!家)|路过|经过"
    r"|在\s*(?:[a-z]|[^，。,;；！!？?\s]{0,8}?(?:路|街|道|广场|大厦|商场|公司|单位|站|店|园|城|村|桥|门))"
    r"|(?:隔壁|对面|旁边|别的|其他|另一个)(?:小区|楼|单元|院)|那边|那里|那儿|\b(?:went|go\s+to|going\s+to|passing|passed|drove|rode|at\s+work|over\s+at|on\s+my\s+way)\b"
    r"|\b(?:at|on|near|along|outside|opposite)\s+(?:the\s+)?(?-i:[A-Z0-9])",
    re.IGNORECASE)


def _first(pattern: re.Pattern[str], clause: str) -> int:
    m = pattern.search(clause)
    return m.start() if m is not None else len(clause) + 1


def at_home(text: str) -> bool:
    """Whether the report `text` puts its problem at the reporter's home: the words after where
    they live say downstairs, the gate, the compound ("我住…，楼下路灯坏了"), in the next clause or
    a few on ("我住…，今天下班回来，楼下路灯坏了") before the rider says they were somewhere else."""
    s = plain(text or "")
    for m in _CLAUSE.finditer(s):
        # "我住望京花园5号楼 楼下那个坑…": a space ends the address, and the problem follows (not "我住…T3 楼下")
        gap = _CJK_GAP.search(m.group("clause"))
        rest = m.group("clause")[gap.end():] if gap is not None else ""
        near = _AT_HOME.match(rest)
        if near is not None and len(rest) - near.end() >= 2 and not _ELSEWHERE.match(rest):
            return True
        clauses = [c for c in _CLAUSE_SEP.split(s[m.end():]) if c.strip()][:_HOME_REACH + 1]
        for k, clause in enumerate(clauses):
            home = _first(_AT_HOME if k == 0 else _AT_HOME_FAR, clause)
            away = _first(_ELSEWHERE, clause)
            if home < away:
                return True
            if away <= len(clause):
                break  # the rider went on somewhere else: what follows is about there
    return False


def home_area(place: str) -> str:
    """A home's place without its building, unit or room: the compound ("幸福小区5号楼" -> "幸福小区",
    "光明里3单元502" -> "光明里", "Sunny Garden block 5" -> "Sunny Garden"); "" when nothing
    coarser than the building is left."""
    core = _START.sub("", plain(place)).strip()
    core = _UNIT.sub("", core).strip(" ,，、-·")
    return core if len(core) >= 2 else ""


def shareable_place(place: str | None, text: str = "") -> str:
    """The place as it may be shown outside the reporter's own chat: masked; a reporter's home
    not at all, or, when the report puts the problem there (`at_home`), its compound only."""
    from bot.privacy import mask  # the package imports this module

    if not place:
        return ""
    if is_residence(place, text):
        return mask(home_area(place)) if at_home(text) else ""
    return mask(place)


# Three decimals of a degree: about 110 m north-south, 85 m east-west at Beijing's latitude
# (cos 40° × 111 km / 1,000): a block, not a building.
COARSE_DECIMALS = 3


def says_home(text: str) -> bool:
    """Whether the report `text` says where the reporter lives ("我住…", "I live at …")."""
    return bool(text) and _CLAUSE.search(plain(text)) is not None


def shareable_point(lat: float | None, lon: float | None, place: str | None,
                    text: str = "") -> tuple[float, float] | None:
    """The pin (WGS-84 degrees) as it may be shown outside the reporter's own chat: none when
    the place is the reporter's home; rounded to COARSE_DECIMALS when the report says where
    they live and the pin is its only place ("我住光明里3单元502，楼下路灯坏了" answered with a
    pin: the pin is that home, give or take a street light); else as given."""
    if lat is None or lon is None or is_residence(place, text):
        return None
    if not (place and place.strip()) and says_home(text):
        return round(lat, COARSE_DECIMALS), round(lon, COARSE_DECIMALS)
    return lat, lon
