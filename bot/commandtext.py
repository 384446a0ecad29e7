"""Commands as Chinese input methods type them: `／mycases`, `/report，建国路井盖丢了`,
`/mycases` followed by a zero-width space, `/accept Ｃ－１`.

One normaliser for every command, applied where messages enter (before any command
filter): the command word is made ASCII and lower case, a punctuation mark right after
it becomes a space, invisible characters go, and full-width letters and digits become
ASCII in the leading *code-like* arguments only (case numbers, codes, amounts: words made
of nothing but ASCII and full-width ASCII forms, `Ｃ－１`, `２.５`). From the first word
that is anything else on, the arguments are free text (a note, a reason, a report) and
are kept exactly as typed, full-width letters, digits and punctuation included; a
handler that takes free text after a known number of code-like words (a case note
after its case number) reads it with `typed_rest`, so even a note that starts with a
full-width word (`ＯＫ，已修好`) stays as written.

A command whose first argument is a number (`/accept C-1 …`, `/fulfil R12 …`, `/grant 8003 …`,
`/proposal 3 …`: `<case>`, `<redemption>`, `<user>` or `<N>` first in bot/commands.py) may have
that number followed by the punctuation an input method types instead of a space
(`/accept C-000001，住建局`, `/note C-1：已派人`, `/case C-1。`): it separates them like a space.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from bot.commands import find
from bot.plaintext import INVISIBLE as INVISIBLE_CHARS
from bot.timeparse import normalize

# Zero-width and direction marks, soft hyphen, word joiner, BOM, Mongolian vowel separator (bot.plaintext).
INVISIBLE = re.compile(f"[{INVISIBLE_CHARS}]")
SLASHES = "/／⁄∕"
# What an input method may put between the command and its arguments.
SEPARATORS = " \t\n\u3000,，、:：;；.。!！?？"
# What opens a quotation or a bracket: it ends the command word but is the first argument's
# (`/case「C-000001」`, `/report【急】光华路井盖丢了`), so it is not stripped as a separator is.
OPENERS = "「『【〔《（(“‘"
_COMMAND = re.compile(rf"^[{SLASHES}]([^\s{re.escape(SEPARATORS + OPENERS)}]+)(.*)$", re.S)
# Full-width ASCII letters, digits and code punctuation (－＿＠＃) → ASCII; CJK punctuation stays.
_WIDE = {c: chr(c - 0xFEE0) for c in [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B),
                                        0xFF0D, 0xFF3F, 0xFF20, 0xFF03]}
_WIDE[0x3000] = " "


def normalize_command(text: str | None) -> str | None:
    """The command in `text` as the command parser expects it, or None if it is no command."""
    if not text:
        return None
    clean = _visible(text)
    match = _COMMAND.match(clean)
    if match is None:
        return None
    word = unicodedata.normalize("NFKC", match.group(1)).lower()
    if not word or not (word[0].isascii() and word[0].isalnum() or find(word.split("@", 1)[0]) is not None):
        return None  # "/ 你好", "/。" or a path-like "//": not a command (an alias, `／办结`, is one)
    args = _codes_ascii(_number_apart(word, _case_together(word, match.group(2).lstrip(SEPARATORS).rstrip())))
    return f"/{word} {args}" if args else f"/{word}"


# A case number typed with a space inside it: "C 1", "c- 000123", "# 12" (a phone keyboard's space bar).
_CASE_SPLIT = re.compile(r"^(?:[CcＣｃ][-_:.#－]?|[#＃])[ \t\u3000]+([0-9０-９]{1,12})(?=[\s，、：；。]|$)")


# A case number with an ASCII comma, colon or semicolon typed where a space was meant: "C-1,住建局",
# "#1:crew on the way" (a case number never has one; other numbers are left alone, `/lessons 1 plan
# mon,wed,fri` is one word); and one said in Chinese with a mark after it: "1号工单，已修好".
_CASE_COMMA = re.compile(r"^((?:[CcＣｃ][-_:.#－]?|[#＃])?[0-9０-９]{1,12})[,:;](?=\S)")
_CASE_SAID = re.compile(r"^((?:工单|工單)?第?[0-9０-９]{1,12}[号號](?:工单|工單|单|單)?)[，、：；。,:;]+[ \t\u3000]*(?=\S)")


def _case_together(word: str, args: str) -> str:
    """`args` with a leading case number typed apart (`C 1 住建局`) as one (`C-1 住建局`), and one glued
    to the next word by an ASCII comma (`C-1,住建局`) apart, for a command whose first argument is a
    case; else `args` as they are."""
    command = find(word.split("@", 1)[0])
    if command is None or not command.grammar.startswith("<case>"):
        return args
    args = _CASE_COMMA.sub(r"\1 ", _CASE_SPLIT.sub(lambda m: f"C-{m.group(1)}", args, count=1), count=1)
    return _CASE_SAID.sub(r"\1 ", args, count=1)


# What an input method puts after a number where a space was meant (not ASCII: `mon,wed,fri` is one word).
_AFTER_NUMBER = "，、：；。"
_NUMBER_THEN_MARK = re.compile(r"^([!-~\uff03\uff0d\uff10-\uff19\uff20-\uff3a\uff3f\uff41-\uff5a]*"
                               rf"[0-9\uff10-\uff19][!-~\uff03\uff0d\uff10-\uff19\uff20-\uff3a\uff3f\uff41-\uff5a]*)"
                               rf"(?:[{_AFTER_NUMBER}]+[ \t\n\u3000]*|(?=[{OPENERS}]))")
_NUMBER_FIRST = ("<case>", "<redemption>", "<user>", "<N>")


def _number_apart(word: str, args: str) -> str:
    """`args` with the mark typed right after a leading number (`C-1，住建局`) made a space, and a
    bracket or quote right after it (`C-1【住建局】`) put apart, for a command whose first argument
    is a number; else `args` as they are."""
    command = find(word.split("@", 1)[0])
    if command is None or not command.grammar.startswith(_NUMBER_FIRST):
        return args
    m = _NUMBER_THEN_MARK.match(args)
    return f"{m.group(1)} {args[m.end():]}".rstrip() if m else args


# A command word (with an optional @botname) right before an invisible character.
_WORD_BEFORE_INVISIBLE = re.compile(rf"^([{SLASHES}][^\s{re.escape(SEPARATORS)}{INVISIBLE_CHARS}]+)"
                                    rf"{INVISIBLE.pattern}+")
_LEADING = re.compile(rf"^(?:\s|{INVISIBLE.pattern})+")


def _visible(text: str) -> str:
    """`text` without invisible characters, left-stripped; an invisible character right after a
    known command word (`/report` U+200B `光华路…`, issue 13 B5) is the separator an input method
    typed, so it becomes a space instead of gluing the word to the text. Inside a word that is no
    command yet (`/my` U+200B `cases`) it is simply removed. Source of the word list: bot/commands.py."""
    stripped = _LEADING.sub("", text)
    match = _WORD_BEFORE_INVISIBLE.match(stripped)
    if match is not None:
        word = unicodedata.normalize("NFKC", match.group(1)[1:]).split("@", 1)[0]
        if find(word) is not None:
            stripped = match.group(1) + " " + stripped[match.end():]
    return INVISIBLE.sub("", stripped).lstrip()


_WORD = re.compile(r"[ \t\n\u3000]+|[^ \t\n\u3000]+")


def _code_like(word: str) -> bool:
    """ASCII and full-width ASCII forms only (U+FF01..U+FF5E): a code, number or case number."""
    return all(c.isascii() or "\uff01" <= c <= "\uff5e" for c in word)


# What ends a sentence as a Chinese input method types it (`/lang en。`, `/top week！`, `/case C-1。`).
CHINESE_SENTENCE_END = "，、：；。！？"
# The same after NFKC (，：；！？ become ASCII; 、 and 。 have no other form), and the ASCII full stop.
SENTENCE_END = unicodedata.normalize("NFKC", CHINESE_SENTENCE_END) + "."
# What may follow a one-word answer (a vote's 同意！, a survey's 午休点~, yes.), in either width, spaces too.
ANSWER_END = "!！。.,，~～、?？ "


# An option's number as a choice types it: `2`, `选2`, `选项 2`, `第2个`, `2号`, `#2`, `option 2`.
_OPTION_NO = re.compile(r"(?:选项?|第|option|no\.?|#)?\s*(\d{1,2})\s*(?:号|个|项)?")
# What parts a choice from the words said after it (`2 ok`, `2，离得近`, `赞成；大家加油`), after normalize.
CHOICE_APART = ANSWER_END + ",;:"
_OPTION_FIRST = re.compile(_OPTION_NO.pattern + rf"(?=$|[{re.escape(CHOICE_APART)}])")


def option_number(text: str, *, leading: bool = False) -> int | None:
    """The option number a choice types (`2`, `选2`, `第2个`), whether or not there is such an option;
    `leading`: the number first, any words after it apart being chatter (`2 ok`, `2，离得近`: /vote)."""
    said = normalize(text).strip(ANSWER_END)
    m = (_OPTION_FIRST.match if leading else _OPTION_NO.fullmatch)(said)
    return int(m[1]) if m else None


def leading_name(said: str, names: Iterable[str]) -> str | None:
    """The longest of `names` that `said` (normalized) begins with, apart from any words after it
    (`赞成，大家加油` → 赞成, `建国路口 那边近` → 建国路口): a choice with chatter after it. Chinese is
    typed without spaces, so a Chinese name of two characters or more needs no mark before Chinese
    words after it (`赞成大家加油` → 赞成); a Latin word does (`okay` is not `ok`), as does a
    one-character name (`好久没来` is no `好`)."""
    apart = [n for n in names if n and said.startswith(n)
             and (len(said) == len(n) or said[len(n)] in CHOICE_APART or _glued_chinese(n, said[len(n)]))]
    return max(apart, key=len) if apart else None


def _chinese(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


def _glued_chinese(name: str, after: str) -> bool:
    """Whether Chinese words run on from a Chinese `name` with no mark between (`赞成` + `大家加油`)."""
    return len(name) >= 2 and _chinese(name[-1]) and _chinese(after)


def without_sentence_end(text: str) -> str:
    """`text` in NFKC, without surrounding space and the marks that end a sentence after it
    (`住建局。` → `住建局`, `本周！` → `本周`, `C-1,` → `C-1`): what one typed word of a command
    names, however the sentence around it was typed. One rule for case numbers
    (bot.cases.numbers), departments (bot.cases.departments) and board periods (bot.services.top)."""
    return unicodedata.normalize("NFKC", text).strip().rstrip(SENTENCE_END + " \t\n").rstrip()


# Brackets and quotes typed around a word, after NFKC (（ and ＜ are ASCII by then): `【C-1】`, `「住建局」`.
OPENING = "([【「『〔《<\"“'‘"
CLOSING = ")]】」』〕》>\"”'’"


def typed_word(text: str) -> str:
    """What one typed word names: `without_sentence_end`, and the brackets or quotes around it gone
    (`【C-000001】` → `C-000001`, `「住建局」。` → `住建局`)."""
    return without_sentence_end(text).rstrip(CLOSING + " ").lstrip(OPENING + " ")


def _codes_ascii(args: str) -> str:
    """The leading code-like words made ASCII (a full-width space between them too); the rest,
    from the first word that is not code-like, as typed. When every word is a code, the
    Chinese punctuation typed after the last one goes: it ends the sentence, not the code."""
    out: list[str] = []
    for m in _WORD.finditer(args):
        part = m.group()
        if part.strip(" \t\n\u3000") and not args[m.end():].strip(" \t\n\u3000"):
            bare = part.rstrip(CHINESE_SENTENCE_END)  # an ASCII mark may be the code's own (`2.`, `a,b`)
            if bare and _code_like(bare):
                return "".join(out) + bare.translate(_WIDE)
        if part.strip(" \t\n\u3000") and not _code_like(part):
            return "".join(out) + args[m.start():]
        out.append(part.translate(_WIDE))
    return "".join(out)


def typed_rest(text: str | None, skip: int) -> str:
    """The arguments of the command in `text` after its first `skip` words, exactly as typed
    (invisible characters removed): the free text of `/note C-1 ＯＫ，已修好` with skip=1 is
    `ＯＫ，已修好`. Empty when there is no such text."""
    clean = _visible(text or "")
    match = _COMMAND.match(clean)
    args = match.group(2).lstrip(SEPARATORS).strip() if match else ""
    if match is not None:  # `/note C-1，已派人`, `/note C 1 已派人`: the number as normalize_command reads it
        word = unicodedata.normalize("NFKC", match.group(1)).lower()
        args = _number_apart(word, _case_together(word, args))
    parts = args.split(None, skip)
    return parts[skip].strip() if len(parts) > skip else ""


def command_args(text: str | None) -> str:
    """The arguments of a command as typed (invisible characters removed): a report's own words."""
    clean = _visible(text or "")
    match = _COMMAND.match(clean)
    return match.group(2).lstrip(SEPARATORS).strip() if match else ""


def without_mention(text: str, username: str | None) -> str:
    """`text` without the bot's own @mention ("@rider_sentinel_bot 路灯坏了" -> "路灯坏了"): a rider who
    addresses the bot in a group means the rest; the handle is no part of the report, its text
    on the case card, or the words the classifier reads. Commands keep theirs (`/cmd@bot`)."""
    if not username or text.startswith("/") or "@" not in text:
        return text
    pattern = re.compile(rf"(?<![\w@])@{re.escape(username)}(?!\w)", re.IGNORECASE)
    if not pattern.search(text):
        return text
    return re.sub(r"[ \t\u3000]{2,}", " ", pattern.sub(" ", text)).strip()

