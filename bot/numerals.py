"""Chinese numerals as people type them: the one reader of 一三八, 十二, 两, 一百零五 and 壹叁捌.

Two readings, because Chinese writes numbers two ways:

* digit by digit (一三八 = 138, 三零一 = 301): phone and room numbers, a house number read out;
* with the units 十, 百, 千 (十二 = 12, 二十三 = 23, 一百零五 = 105, 两千 = 2000): amounts, hours, clock times.

`chinese_int` reads either (a numeral with a unit in it is the second kind). The characters are the
everyday digits, 两 and 〇, 幺 for one as it is said aloud, and the financial forms of cheques and
receipts (壹贰叁…, traditional 貳參陸 too), which spell a number as surely as 一二三 do.
"""
from __future__ import annotations

# each digit character and its value, as a str.translate table (`digits`) and as ints (`chinese_int`)
DIGIT_VALUE = {"零": 0, "〇": 0, "○": 0, "一": 1, "幺": 1, "壹": 1, "二": 2, "贰": 2, "貳": 2, "两": 2, "三": 3,
               "叁": 3, "參": 3, "叄": 3, "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "陸": 6,
               "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9}
ZH_DIGITS = "".join(DIGIT_VALUE)  # for character classes: `[0-9" + ZH_DIGITS + "]`
UNIT_VALUE = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_TRANSLATE = str.maketrans({c: str(v) for c, v in DIGIT_VALUE.items()})


def ascii_digits(text: str) -> str:
    """`text` with each Chinese digit character written as its ASCII digit (一三八 -> 138); the rest,
    units included, as it was."""
    return text.translate(_TRANSLATE)


def chinese_int(text: str) -> int:
    """The number a numeral says: '8', '八', '十', '十二', '二十三', '一百零五', '两千', '三零一' -> int.

    Raises ValueError for what is no numeral (an empty string, other characters)."""
    if text.isascii() and text.isdigit():
        return int(text)
    if not text or any(c not in DIGIT_VALUE and c not in UNIT_VALUE for c in text):
        raise ValueError(f"not a Chinese numeral: {text!r}")
    if not any(c in UNIT_VALUE for c in text):
        return int(ascii_digits(text))
    total, digit = 0, 0
    for c in text:
        if c in DIGIT_VALUE:
            digit = DIGIT_VALUE[c]
        else:  # 十 alone or first is one ten (十二 = 12)
            total += (digit or 1) * UNIT_VALUE[c]
            digit = 0
    return total + digit
