"""Joining catalogue sentences into one message, as each language writes them.

Chinese sentences follow each other with no space (a space after "。" reads as "。 处理人",
a stray gap); English ones with one. Each part is a whole, already translated sentence.
"""
from __future__ import annotations

from collections.abc import Iterable

from babel import Locale
from babel.lists import format_list

CJK_STOPS = "。！？；：，、）」』”"


def sentences(lang: str, *parts: str) -> str:
    """`parts` (empty ones skipped) as one run of text in `lang` ("zh" or "en")."""
    kept = [p.strip() for p in parts if p and p.strip()]
    if lang != "zh":
        return " ".join(kept)
    out = ""
    for part in kept:
        out += part if not out or out[-1] in CJK_STOPS or part[0] in CJK_STOPS else "。" + part
    return out


# What ends what somebody typed: dropped where a message quotes their words mid-sentence or in brackets
# and supplies its own stop ("理由：不归我们管。。", "（不归我们管。）").
TYPED_ENDS = "。．.，,；;、：:！!？?~～…"


def unended(text: str) -> str:
    """`text` as a message quotes it before its own punctuation: without the marks that end it
    (a reason that is nothing but marks is kept as typed)."""
    return text.rstrip().rstrip(TYPED_ENDS + " \t\n") or text


MARKS = "✅❌"


def one_mark(body: str, line: str, mark: str = "✅") -> str:
    """`line` without its leading `mark` when the message already shows a mark: the `body` it
    goes under has one, or the rest of the line brings its own ("✅ 张书记：✅ 已通过…" reads
    "张书记：✅ 已通过…"). A message says ✅ once."""
    if line.startswith(mark):
        rest = line[len(mark):].lstrip()
        if mark in body or any(m in rest for m in MARKS):
            return rest
    return line


def listed(items: Iterable[str], lang: str, *, more: bool = False) -> str:
    """`items` as a sentence lists them in `lang` ("周一、周三和周五", "Mon, Wed, and Fri"; one item
    alone; "" for none): the CLDR's list patterns, through Babel (babel.lists.format_list).
    `more`: the list goes on ("…等 3 人" follows), so no "和"/"and" before its last item."""
    locale = "zh" if lang.startswith("zh") else "en"
    if more:
        middle: str = Locale.parse(locale).list_patterns["standard"]["middle"]
        return middle.format("", "").join(items)
    return format_list(list(items), locale=locale)


def numbered(options: Iterable[str], lang: str) -> str:
    """Options as a refusal lists what may be chosen, each after its number: "1 驿站；2 公园" (a
    Chinese semicolon between them), "1 Yes; 2 No". What `/vote N` and a survey's number name."""
    return ("；" if lang.startswith("zh") else "; ").join(f"{n} {o}" for n, o in enumerate(options, 1))
