"""A category or an urgency named as a secretary types it in `/recat`: its code (`waterlogging`,
`urgent`), its label in either language as the bot shows it (`积水内涝`, `Waterlogging`, `紧急`,
`🔴 紧急`), or an unambiguous beginning of a label (`积水`, `路灯`, `Street`). The bot shows labels
everywhere, so a secretary correcting a case writes what they read, not a code they never saw.
"""
from __future__ import annotations

from collections.abc import Iterable

from bot.commandtext import typed_word
from bot.i18n import LANGS, t
from bot.intake import CATEGORIES, URGENCIES

# said for an urgency besides its labels (紧急 / 一般 / 较低): the short word people use
_URGENCY_WORDS = {"低": "low", "普通": "normal", "急": "urgent"}


def _key(text: str) -> str:
    """A name as compared: brackets, quotes and the sentence's end gone, the label's emoji too, any case."""
    return typed_word(text).lstrip("🔴🟠🟡🟢 ").casefold()


def _named(text: str, codes: Iterable[str], label: str) -> str | None:
    wanted = _key(text)
    if not wanted:
        return None
    names = {code: {code.casefold(), *(_key(t(lang, f"{label}-{code}")) for lang in LANGS)} for code in codes}
    exact = [code for code, said in names.items() if wanted in said]
    if len(exact) == 1:
        return exact[0]
    if len(wanted) < 2:  # one character (`路`) is too little to be a label's beginning
        return None
    starts = [code for code, said in names.items() if any(name.startswith(wanted) for name in said)]
    return starts[0] if len(starts) == 1 else None


def category_named(text: str) -> str | None:
    """The category code `text` names; None when it names none, or more than one."""
    return _named(text, CATEGORIES, "cat")


def urgency_named(text: str) -> str | None:
    """The urgency code `text` names; None when it names none, or more than one."""
    return _URGENCY_WORDS.get(_key(text)) or _named(text, URGENCIES, "urg")


def split_labels(words: list[str]) -> tuple[str, str | None]:
    """`/recat C-1`'s words after the number as (category, urgency): a label of several words
    (`Street lighting`, `Street lighting urgent`) stays whole, the last word is the urgency only
    when the whole does not name a category."""
    if len(words) == 1 or category_named(" ".join(words)) is not None:
        return " ".join(words), None
    return " ".join(words[:-1]), words[-1]


def labels_of(codes: str, lang: str) -> str:
    """A recategorisation's note as stored ("lighting urgent") in `lang`'s words ("路灯照明 · 紧急");
    a word that is no code is kept as it is."""
    words = codes.split()
    shown = [t(lang, f"cat-{w}") if i == 0 and w in CATEGORIES else t(lang, f"urg-{w}") if w in URGENCIES else w
             for i, w in enumerate(words)]
    return " · ".join(shown)
