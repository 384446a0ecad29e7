"""The negative list by kind: the variants riders really type (issue 12 §3), and properties
that hold for any number of each kind, written any way, inside any harmless text."""
from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.privacy import find, is_residence, mask, shareable_place, shareable_point
from bot.privacy.kinds import id_check_digit, is_bank_card, is_id_card, luhn_ok
from bot.privacy.normalize import normalise

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def fullwidth(s: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else ("\u3000" if c == " " else c) for c in s)


def compact(s: str) -> str:
    """Digits (and X) only, width folded: what a reader could dial or copy."""
    return "".join(c for c in unicodedata.normalize("NFKC", s) if c.isdigit() or c in "Xx").upper()


# --- the reproductions of the issue, and their neighbours --------------------------------
@pytest.mark.parametrize("text, kind, gone", [
    ("电话１３８１２３４５６７８", "mobile", "13812345678"),          # full-width digits
    ("手机138.1234.5678", "mobile", "1234"),                        # split by dots
    ("tel13812345678", "mobile", "1234"),                            # tel prefix, no space
    ("电话：138 1234 5678", "mobile", "1234"),
    ("Tel: +86 (0)10 6234 5678", "landline", "6234"),
    ("138\u200b1234\u200b5678", "mobile", "1234"),                   # zero-width spaces
    ("138－1234－5678", "mobile", "1234"),                          # full-width dashes
    ("0086 139 1234 5678", "mobile", "1234"),
    ("座机电话 62345678", "contact_number", "6234"),                  # local landline, labelled
    ("身份证 110101 19900307 4477", "id_card", "19900307"),          # spaces
    ("身份证110101-1990-0307-4477", "id_card", "19900307"),          # dashes
    ("身份证１１０１０５１９４９１２３１００２Ｘ", "id_card", "19491231"),  # full width, X
    ("邮箱 zhang.san＠example．com", "email", "zhang.san"),           # full-width ＠ and ．
    ("卡号 6222 0212 3456 7890 128", "bank_card", "0212345678"),           # grouped, Luhn-valid
    ("卡号6212-2640-1234-5677", "bank_card", "26401234"),
    ("京A12345 的车挡住消防通道", "plate", "12345"),
    ("新能源车 沪AD12345 违停", "plate", "D12345"),
    ("望京花园5号楼1203室", "zh_room", "1203"),
    ("有人摔倒…我住望京花园5号楼1203室", "home_address", "望京花园"),
    ("我家住在幸福小区3栋，井盖丢了", "home_address", "幸福小区"),
    ("I live at 12 Keyuan Rd, the gate is broken", "home_address_en", "Keyuan"),
    ("3单元502", "zh_room", "502"),
    ("五号楼一二零三室", "zh_room", "一二零三"),
    ("在一二零三室门口", "zh_room_bare", "一二零三"),
    ("Room 1203 leaks", "en_room", "1203"),
    ("Flat 5B, Keyuan Rd", "en_room", "5B"),
])
def test_each_variant_is_masked(text, kind, gone):
    hits = find(text)
    assert kind in {h.kind for h in hits}, hits
    out = mask(text)
    assert gone not in unicodedata.normalize("NFKC", out).replace("-", "").replace(" ", "")
    assert "*" in out


@pytest.mark.parametrize("text", [
    "订单号6222020000000000009，已送达",  # an order number shaped like a card, but not Luhn-valid
    "订单号110105194912310021已送达",     # 18 digits, wrong check digit, no ID cue: not an ID number
    "运单 110101199003077777",             # the same without a cue, spaced
    "3号楼12楼楼道堆满杂物",
    "1号院23号楼门口",
    "建国路1203号门口",
    "这栋楼有二十三户人家",
    "京藏高速G6出口",
    "城管局·市政照明 已受理",
    "C-000123 还没处理",
    "请拨打12345热线",
    "2024.05.12 15:30 发生",
    "我家楼下的路灯坏了",
    "我住的小区门口井盖丢了",
])
def test_places_and_numbers_that_are_not_personal_stay(text):
    assert mask(text) == text


# Issue 17 #1: an ID-shaped number after an ID cue is masked even when its check digit is wrong.
@pytest.mark.parametrize("text, gone", [
    ("身份证110101199003077777", "1199003077"),
    ("我身份证11010119900307777X", "1199003077"),
    ("身份证号：110101199003077777，请核实", "1199003077"),
    ("身份证写错了110105194912310021", "0519491231"),
    ("公民身份号码 110101-19900307-7777", "19900307"),
    ("证件号110101199003077777", "1199003077"),
    ("my ID card no. 110101199003077777", "1199003077"),
    ("ID: 11010119900307777x", "1199003077"),
    ("身份证１１０１０１１９９００３０７７７７７", "1199003077"),  # full width
])
def test_cued_id_numbers_are_masked_whatever_their_check_digit(text, gone):
    assert not is_id_card(compact(text)[-18:])  # the point: the check digit is wrong
    out = mask(text)
    assert gone not in compact(out)
    assert "id_card_cued" in {h.kind for h in find(text)}


@pytest.mark.parametrize("text", [
    "身份证110101199003077",            # 15 digits after the cue: not ID-shaped
    "身份证办好了，订单1101011990030777771",  # 19 digits: not ID-shaped
])
def test_cue_alone_does_not_mask_other_shapes(text):
    assert mask(text) == text


# A card-length number after a card cue is masked whatever its Luhn digit (as a cued ID number is).
@pytest.mark.parametrize("text, gone", [
    ("卡号6222021234567890123", "0212345678"),
    ("银行卡 6212 2640 1234 5678 请转账", "26401234"),
    ("信用卡号：6225-8801-2345-6789", "88012345"),
    ("my card no. 6222021234567890123", "0212345678"),
    ("卡号６２２２０２１２３４５６７８９０１２３", "0212345678"),  # full width
])
def test_cued_bank_cards_are_masked_whatever_their_luhn_digit(text, gone):
    assert not luhn_ok(compact(text))  # the point: the Luhn digit is wrong
    assert gone not in compact(mask(text))
    assert "bank_card_cued" in {h.kind for h in find(text)}


@pytest.mark.parametrize("text, expected", [
    ("电话一三八一二三四五六七八", "电话138****5678"),
    ("幺三八 幺二三四 五六七八找我", "138****5678找我"),  # 幺 for one, grouped as it is read out
    ("联系一五九零零零零一一一一", "联系159****1111"),
    ("一二三四五六七八九零一", "一二三四五六七八九零一"),  # second digit 2: no mobile
    ("我电话是一三八一二三四五六七八九", "我电话是一三八一二三四五六七八九"),  # 12 digits: no mobile
    ("二零二四年十二月三日", "二零二四年十二月三日"),
])
def test_a_mobile_read_out_in_chinese_digits_is_masked(text, expected):
    """A voice note's transcript, or someone slipping past a filter, writes the digits in Chinese."""
    assert mask(text) == expected


def test_masks_map_back_onto_the_original_text():
    text = "ｶ 电话：１３８ １２３４ ５６７８，望京ＳＯＨＯ　Ｔ３楼下"
    out = mask(text)
    assert out == "ｶ 电话：138****5678，望京ＳＯＨＯ　Ｔ３楼下"  # only the number changed


# --- the checks -------------------------------------------------------------------------
def test_gb11643_check_digit():
    assert id_check_digit("11010519491231002") == "X"
    assert is_id_card("11010519491231002X") and not is_id_card("110105194912310021")
    assert not is_id_card("110105194913310028")  # month 13


def test_luhn():
    assert luhn_ok("4539578763621486") and not luhn_ok("4539578763621487")
    assert is_bank_card("6222021234567890128") and not is_bank_card("0000000000000000")


# --- properties -------------------------------------------------------------------------
SAFE = st.text(alphabet="骑手报路灯坏了望京花园门口积水，。 abcxyz", max_size=12)
SEPS = st.sampled_from(["", " ", "-", ".", "\u3000", "－", "\u200b"])


def spread(s: str, sep: str, groups: list[int]) -> str:
    out, i = [], 0
    for g in groups:
        out.append(s[i:i + g])
        i += g
    out.append(s[i:])
    return sep.join(p for p in out if p)


@st.composite
def mobiles(draw):
    n = "1" + draw(st.sampled_from("3456789")) + draw(st.text("0123456789", min_size=9, max_size=9))
    shown = spread(n, draw(SEPS), [3, 4])
    if draw(st.booleans()):
        shown = fullwidth(shown)
    prefix = draw(st.sampled_from(["", "+86 ", "+86-", "0086 ", "tel", "TEL:", "电话", "手机：", "call "]))
    return n, prefix + shown


@st.composite
def id_cards(draw):
    region = draw(st.sampled_from(["110101", "310104", "440305", "510107", "652801"]))
    born = draw(st.dates(min_value=__import__("datetime").date(1930, 1, 1),
                         max_value=__import__("datetime").date(2010, 12, 31))).strftime("%Y%m%d")
    first17 = region + born + draw(st.text("0123456789", min_size=3, max_size=3))
    n = first17 + id_check_digit(first17)
    groups = draw(st.sampled_from([[], [6, 8], [6, 4, 4], [3, 3, 4, 4]]))
    shown = spread(n, draw(st.sampled_from(["", " ", "-"])), groups)
    return n, fullwidth(shown) if draw(st.booleans()) else shown


@st.composite
def bank_cards(draw):
    length = draw(st.integers(16, 19))
    body = draw(st.sampled_from(["62", "4", "51", "9558"]))
    body += draw(st.text("0123456789", min_size=length - 1 - len(body), max_size=length - 1 - len(body)))
    check = next(d for d in "0123456789" if luhn_ok(body + d))
    n = body + check
    if len(set(n)) <= 2:
        n = "6222021234567890128"
    sep = draw(st.sampled_from(["", " ", "-"]))
    shown = spread(n, sep, [4, 4, 4, 4]) if sep else n
    return n, shown


@given(mobiles(), SAFE, SAFE)
@SETTINGS
def test_any_mobile_anywhere_is_masked(number, before, after):
    n, shown = number
    out = mask(f"{before}{shown}{after}")
    assert "****" in out
    dialable = "".join(c for c in compact(out) if c.isdigit())
    assert dialable.endswith(n[:3] + n[-4:]) and n not in dialable


@given(id_cards(), SAFE, SAFE)
@SETTINGS
def test_any_id_card_anywhere_is_masked(card, before, after):
    n, shown = card
    out = mask(f"{before}身份证{shown}{after}")
    assert n not in compact(out) and n[6:14] not in compact(out)


@given(bank_cards(), SAFE, SAFE)
@SETTINGS
def test_any_bank_card_anywhere_is_masked(card, before, after):
    n, shown = card
    out = mask(f"{before}卡号 {shown} {after}")
    assert n not in compact(out) and n[4:-4] not in compact(out)


@given(st.from_regex(r"[a-z][a-z0-9._]{1,10}", fullmatch=True), st.sampled_from(["@", "＠"]),
       st.sampled_from([".", "．"]), SAFE)
@SETTINGS
def test_any_email_is_masked(local, at, dot, before):
    out = mask(f"{before}邮箱{local}{at}example{dot}com")
    assert f"{local[0]}***" in out and f"{local}{at}" not in out and f"{local}@" not in out


@given(st.sampled_from(["5", "12", "五", "十二"]), st.sampled_from(["号楼", "栋", "幢"]),
       st.sampled_from(["", "2单元", "二单元"]),
       st.sampled_from(["1203", "501", "一二零三", "五零一", "一千二百零三"]),
       st.sampled_from(["室", "", "号", "房"]), SAFE)
@SETTINGS
def test_any_flat_number_is_masked_and_the_building_kept(building, kind, unit, room, suffix, before):
    text = f"{before}望京花园{building}{kind}{unit}{room}{suffix}"
    out = mask(text)
    assert room not in out and f"{building}{kind}{unit}" in out


@given(st.sampled_from(["我住", "我家住在", "家住", "住址：", "I live at ", "my address is "]),
       st.sampled_from(["望京花园5号楼1203室", "幸福小区3栋2单元501", "Keyuan Garden 5-1203"]), SAFE)
@SETTINGS
def test_a_home_said_in_passing_is_masked_whole(marker, home, after):
    out = mask(f"路灯坏了，{marker}{home}，{after}")
    assert home not in out and "花园" not in out.split("，")[1] and "小区" not in out and marker.strip() in out


@given(st.sampled_from(["住", "，住", "。住", "，他住在", "，她住", "，家人住在", " 住于"]),
       st.sampled_from(["幸福小区", "望京花园", "朝阳新村", ""]),
       st.sampled_from(["5号楼", "3栋", "十二幢", "7座"]), st.sampled_from(["", "2单元", "二单元", " 2单元 "]),
       st.sampled_from(["1203室", "501", "一二零三", "五零一号"]), SAFE)
@SETTINGS
def test_a_home_after_any_home_cue_is_masked_whole(cue, compound, building, unit, room, after):
    """A bare 住 where a clause starts (issue 19 fixes2: "住幸福小区5号楼1203室" kept all but the room)."""
    home = f"{compound}{building}{unit}{room}"
    out = mask(f"{cue}{home}；{after}" if cue == "住" else f"路灯坏了{cue}{home}；{after}")
    told = out.split("；")[0]
    assert home not in out and building not in told and room not in told, out
    assert compound == "" or compound not in told, out


@given(st.sampled_from([". We live at ", ", she lives at ", "; my parents live at ", ". He still lives at "]),
       st.integers(1, 99), st.sampled_from(["Keyuan Rd", "Jianguo Road", "Wangjing Garden"]),
       st.sampled_from(["", ", Flat 3", " Block 5 Room 1203"]))
@SETTINGS
def test_a_home_after_someone_lives_at_is_masked_whole(cue, n, road, flat):
    home = f"{n} {road}{flat}"
    out = mask(f"The light is out{cue}{home}. Please fix")
    assert road not in out and out.endswith("***. Please fix"), out


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60))
@settings(max_examples=300, deadline=None)
def test_mask_never_fails_and_is_idempotent(text):
    once = mask(text)
    assert mask(once) == once


@given(st.text(alphabet="骑手报路灯坏了望京花园门口积水建国路号门楼栋出口，。!? abcXYZ\u3000", max_size=80))
@SETTINGS
def test_text_without_numbers_or_addresses_is_untouched(text):
    assert mask(text) == text


@given(st.sampled_from(["建国路", "光华路", "Keyuan Rd "]), st.integers(1, 99),
       st.sampled_from(["号门口", "号楼下", "号出口", " gate", "栋门口", "号院门口"]))
@SETTINGS
def test_incident_places_stay(road, n, tail):
    place = f"{road}{n}{tail}"
    assert mask(place) == place and shareable_place(place, f"{place}积水") == place


@given(st.text(alphabet="0123456789０１２３\u200b-. 电话", max_size=40))
@settings(max_examples=200, deadline=None)
def test_spans_map_back_inside_the_original(text):
    view = normalise(text)
    assert len(view.origin) == len(view.text)
    for hit in find(text):
        assert 0 <= hit.start < hit.end <= len(text)


# --- places -----------------------------------------------------------------------------
@pytest.mark.parametrize("place, text, home", [
    ("住望京花园5号楼", "望京SOHO T3 楼下有人摔倒…我住望京花园5号楼1203室", True),
    ("望京花园5号楼", "望京SOHO T3 楼下有人摔倒…我住望京花园5号楼1203室", True),
    ("望京SOHO T3", "望京SOHO T3 楼下有人摔倒…我住望京花园5号楼1203室", False),
    ("幸福小区3号门", "我家在幸福小区3号门旁边，路灯坏了", True),
    ("Keyuan Rd 12", "I live at Keyuan Rd 12, the gate is broken", True),
    ("Keyuan Rd gate 2", "Keyuan Rd gate 2 flooded; I live in Wangjing", False),
    ("住建局门口", "住建局门口积水", False),
    ("住宅小区门口", "住宅小区门口路灯坏了", False),
    ("建国路88号", "建国路88号门口井盖丢了", False),
])
def test_residence(place, text, home):
    assert is_residence(place, text) is home
    assert (shareable_place(place, text) == "") is home


def test_a_shared_place_loses_its_room_number():
    assert shareable_place("望京SOHO T3 1203室", "望京SOHO T3 1203室门口漏水") == "望京SOHO T3 ***室"
    assert shareable_place(None) == "" and shareable_place("") == ""


def test_regexes_compile_once():
    from bot.privacy.kinds import KINDS
    assert all(isinstance(k.pattern, re.Pattern) for k in KINDS)
    assert len({k.name for k in KINDS}) == len(KINDS)


# --- pins ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(("place", "text", "shown"), [
    (None, "我住光明里3单元502，楼下路灯坏了好几天", (39.921, 116.461)),  # the pin is that home, near enough
    ("", "I live at 12 Keyuan Rd, the lamp outside is out", (39.921, 116.461)),
    ("光明里3单元502", "我住光明里3单元502，楼下路灯坏了", None),  # the place is the home: no pin either
    ("朝阳路口", "我住光明里，朝阳路口红绿灯坏了", (39.92123, 116.46145)),  # the place is elsewhere
    (None, "朝阳路路灯坏了", (39.92123, 116.46145)),
])
def test_a_pin_follows_its_place(place: str | None, text: str, shown: tuple[float, float] | None) -> None:
    assert shareable_point(39.92123, 116.46145, place, text) == shown


def test_no_pin_is_no_pin() -> None:
    assert shareable_point(None, None, "朝阳路", "朝阳路路灯坏了") is None


def test_mask_of_chosen_kinds_keeps_the_others() -> None:
    text = "李师傅 13912345678 身份证110101199003077777"
    kept = mask(text, kinds={"id_card", "id_card_cued"})
    assert "13912345678" in kept and "110101199003077777" not in kept


@pytest.mark.parametrize(("text", "leak"), [
    ("有事加我微信号 zhang_wei88", "zhang_wei88"), ("vx: lw-2024 谢谢", "lw-2024"), ("微信：abc12345", "abc12345"),
    ("my wechat is zhangwei2024", "zhangwei2024"), ("my WeChat ID: lw_2024", "lw_2024"),
    ("加我wxid_abc123def", "wxid_abc123def"), ("QQ 12345678", "12345678"), ("qq号：987654321", "987654321"),
])
def test_wechat_and_qq_handles_are_masked(text: str, leak: str) -> None:
    assert leak not in mask(text)


@pytest.mark.parametrize("text", ["微信群里说路灯坏了", "wechat groups are busy", "wechat is great", "QQ群 很热闹",
                                  "幸福小区3号门 wx不通"])
def test_words_near_wechat_and_qq_are_kept(text: str) -> None:
    assert mask(text) == text
