"""Catalogue parity (issue 13 §2, language): every message exists in zh and in en, with the same
variables, nothing fails to parse, and English counts use plural selectors, never "(s)"."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from fluent.syntax import ast, parse
from fluent.syntax.visitor import Visitor

LOCALES = Path(__file__).resolve().parents[2] / "bot" / "locales"
# Variables that name the same thing in each language's own words (a list of names in zh or en).
LANGUAGE_SPECIFIC = {key: {"candidates", "candidates_en"} for key in ("case-err-ambiguous-department", "admin-dept-ambiguous")}
# a list that goes on: English counts those left out ("and 3 more"), Chinese everyone ("等 33 人")
LANGUAGE_SPECIFIC["sv-more"] = {"more", "total"}
# Chinese spaces a user id from the Chinese after it ("用户 502 已经是"), a name not ("王哥已经是")
LANGUAGE_SPECIFIC.update({key: {"gap"} for key in ("admin-revoke-none", "admin-revoked-role", "admin-already-role")})


class _Vars(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()

    def visit_VariableReference(self, node: ast.VariableReference) -> None:  # visitor API
        self.names.add(node.id.name)


def _catalogue(lang: str) -> tuple[dict[str, set[str]], list[str]]:
    messages: dict[str, set[str]] = {}
    junk: list[str] = []
    for path in sorted((LOCALES / lang).glob("*.ftl")):
        for entry in parse(path.read_text(encoding="utf-8")).body:
            if isinstance(entry, ast.Junk):
                junk.append(f"{path.name}: {entry.content[:60]!r}")
            elif isinstance(entry, ast.Message):
                assert entry.id.name not in messages, f"{lang}: {entry.id.name} defined twice"
                found = _Vars()
                found.visit(entry)
                messages[entry.id.name] = found.names
    return messages, junk


def test_catalogues_parse_cleanly() -> None:
    for lang in ("zh", "en"):
        assert _catalogue(lang)[1] == [], lang


def test_every_key_in_both_languages_with_the_same_variables() -> None:
    zh, _ = _catalogue("zh")
    en, _ = _catalogue("en")
    assert sorted(set(zh) - set(en)) == [], "only in zh"
    assert sorted(set(en) - set(zh)) == [], "only in en"
    differ = {k: (sorted(zh[k] ^ en[k])) for k in zh
              if (zh[k] ^ en[k]) - LANGUAGE_SPECIFIC.get(k, set())}
    assert differ == {}


@pytest.mark.parametrize("pattern", [r"\(s\)", r"\(es\)"])
def test_english_plurals_use_selectors(pattern: str) -> None:
    hits = [f"{p.name}: {line.strip()[:70]}" for p in sorted((LOCALES / "en").glob("*.ftl"))
            for line in p.read_text(encoding="utf-8").splitlines() if re.search(pattern, line)]
    assert hits == []


# English count nouns in their plural; "1 h" (an abbreviation) is right as it is.
_PLURALS = ("points", "days", "weeks", "minutes", "hours", "times", "riders", "answers", "votes", "lessons",
            "chats", "cases", "departments", "members", "entries", "items", "people", "completions", "check-ins")
_ONE_PLURAL = re.compile(r"(?<![\d.,])1 (%s)\b" % "|".join(map(re.escape, _PLURALS)))


def test_english_counts_of_one_are_singular() -> None:
    """Every English message formatted with each of its numbers set to 1 in turn (the others 5): never
    "+1 points", "per 1 days", "1 departments" — a count that can be 1 has a [one] variant."""
    from bot.i18n import t
    en, _ = _catalogue("en")
    hits = []
    for key, names in sorted(en.items()):
        for name in sorted(names):
            text = t("en", key, **{n: 1 if n == name else 5 for n in names})
            if _ONE_PLURAL.search(text):
                hits.append(f"{key} (${name}=1): {text[:90]!r}")
    assert hits == []


def test_a_platforms_variant_varies_a_message_with_the_same_variables() -> None:
    """`<key>--<platform>` (bot/i18n.py) is another wording of `key`: the message exists, and the
    variant takes what it takes (a renderer passes the same arguments to either)."""
    from bot.i18n import VARIANT
    for lang in ("zh", "en"):
        messages, _ = _catalogue(lang)
        variants = {k: k.split(VARIANT)[0] for k in messages if VARIANT in k}
        assert variants, lang
        assert {k: base for k, base in variants.items() if messages.get(base) != messages[k]} == {}, lang


def test_nothing_said_on_wecom_asks_for_a_reply_to_a_message() -> None:
    """WeCom has no replies to a message: every message that asks for one has a WeCom variant
    (bot/locales/*/wecom.ftl) that says what to do there instead."""
    from bot.i18n import VARIANT, message_keys, t, wording
    asks = re.compile(r"回复(?:这|本|此)条|reply to this message", re.IGNORECASE)
    for lang in ("zh", "en"):
        with wording("wecom"):
            said = {k: t(lang, k) for k in message_keys(lang) if VARIANT not in k}
        assert {k: v[:60] for k, v in said.items() if asks.search(v)} == {}, lang
