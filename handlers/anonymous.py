"""An admin posting as the group itself (Telegram's anonymous admins): there is no person to
register, so read-only views are answered (/start and /help as anyone in the group hears them,
/board, /case of a case reported here), actions get a hint to act as themselves, words that name
the bot a short answer, and anything else that is not a command stays unanswered (it is not a
rider's report)."""
from __future__ import annotations

import re
from typing import Any

from bot.cases import CaseError
from bot.cases.numbers import shown_case_no
from bot.cases.lifecycle import Actor
from bot.commands import find
from bot.domain import IncomingMessage
from bot.services import people
from bot.services.asked import asked
from bot.services.board import post_board
from bot.services.cases import CaseNotFound, CaseService
from bot.outbox import reply
from bot.smalltalk import smalltalk
from storage.uow import UnitOfWork

CASE_NO = re.compile(r"^[Cc]-?\d+$")


def _keywords(command: str) -> set[str]:
    """The literal words of a command's grammar (bot/commands.py): `new`, `all`, `pending`…"""
    found = find(command.lower())
    return set(re.findall(r"(?<![<\w])[a-z]+(?![\w>])", found.grammar)) if found is not None else set()


async def anonymous_admin(msg: IncomingMessage, data: dict[str, Any], default_lang: str) -> None:
    text = msg.text
    if not text.startswith("/"):
        if msg.addressed:  # "@bot 你好", "@bot" alone: said to the bot, answered as anyone's is
            await _said_to_the_bot(msg, data, default_lang)
        return
    word, _, mention = text.split(maxsplit=1)[0][1:].partition("@")
    me = await data["port"].username()
    if mention and me and mention.lower() != me.lower():
        return  # a command for another bot
    uow: UnitOfWork = data["uow"]
    cases: CaseService = data["cases"]
    # An anonymous admin has no language_code. Their own words tell the language: words outside
    # ASCII (Chinese, say), or a phrase of Latin words (`roads team please`); else the group's.
    # Sub-commands and codes (`/survey new`, `/broadcast all now`, C-000123, road_maintenance, x)
    # are the same in every language and say none (the grammar's words, short words, codes).
    args = text.split()[1:]
    own = " ".join(w for w in args if not w.isascii())
    grammar = _keywords(word)
    phrase = [w for w in args if w.isalpha() and len(w) > 1 and w.lower() not in grammar]
    group = await people.chat_lang(uow, msg.chat_id)
    phrased = len(phrase) >= 2 and any(len(w) >= 4 for w in phrase)  # a phrase, not `all now`
    words = own or (" ".join(phrase) if phrased or not group else "")
    lang = people.reply_lang(None, None, words, group or default_lang)
    if word in ("start", "help"):  # what the bot does here: nobody's to act as; only a group's
        # admins post anonymously, so their /help says, as a secretary's does, where the staff's are
        reply(uow, msg, "start-group" if word == "start" else "help-group-staff", lang, name="")
        return
    if word == "board":
        await post_board(uow, cases, None, msg.chat_id, False, lang, msg.message_id)  # type: ignore[arg-type]  # no user: a group board
        return
    if word == "case":
        await _group_case(uow, cases, msg, text, lang)
        return
    reply(uow, msg, "anon-admin-hint", lang)


async def _said_to_the_bot(msg: IncomingMessage, data: dict[str, Any], default_lang: str) -> None:
    """Words (no command) that name the bot: a courtesy its own answer, anything else what the bot
    does in a group, in the words' language (else the group's). A case asked about gets its card,
    as /case would show it here."""
    uow: UnitOfWork = data["uow"]
    lang = people.reply_lang(None, None, msg.text, await people.chat_lang(uow, msg.chat_id) or default_lang)
    found = await asked(msg.text)
    if found is not None and found.number is not None:
        await _group_case(uow, data["cases"], msg, f"/case {found.number}", lang)
        return
    kind = smalltalk(msg.text) if msg.text else None
    reply(uow, msg, f"smalltalk-{kind}" if kind else "start-group", lang)


async def _group_case(uow: UnitOfWork, cases: CaseService, msg: IncomingMessage,
                      text: str, lang: str) -> None:
    """/case C-… of a case reported in this group: its card, with no buttons. Another group's (or
    branch's) case reads exactly as a number nobody reported: its existence is not this group's."""
    words = text.split()
    if len(words) < 2:
        reply(uow, msg, "case-usage", lang, command="case")
        return
    try:
        case = await cases.find(uow, words[1])
        if not cases.told_in(case, msg.chat_id, msg.is_private):
            raise CaseNotFound(number=shown_case_no(words[1]))
    except CaseError as e:
        reply(uow, msg, "case-error", lang, key=e.key, params=e.params)
        return
    await cases.card(uow, case, msg.chat_id, lang, Actor(user_id=None, roles=frozenset()), reply_to=msg.message_id,
                     thread_id=msg.thread_id)
