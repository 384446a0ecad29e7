"""Riders' deliberation (小哥议事会), for every chat platform: thin — parse, call bot.deliberation.service
(which checks every permission on the server), answer.

/propose 标题 | 说明 · /proposal N [agenda|decline|vote|close|commit|note|done …]
/proposals [open|adopted|done|closed|all|rule]
/vote N OPTION · buttons dp:<id>:s (support), dv:<id>:<option> (vote), dc:<case id> (a suggestion case on the
secretary's card becomes a proposal; also `/propose C-000123`) · replies in a proposal's thread
(comments). The button data is built and read by bot/buttons.py.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Awaitable, Callable
from typing import Any

from bot.cases.metoo import says_me_too
from bot.cases.numbers import format_case_no, parse_case_no
from bot.commandtext import option_number
from bot.config import Settings
from bot.deliberation.lifecycle import LISTS
from bot.deliberation.limits import read_rule
from bot.deliberation.service import DeliberationError, DeliberationService
from bot.domain import IncomingMessage
from bot.events import ButtonPress, CommandCall
from bot.i18n import t
from bot.ids import parse_id
from bot.typed import typed_key
from bot.timeparse import WhenError, normalize
from bot.buttons import ProposeFromCase, SupportPress, VotePress
from bot.outbox import reply
from bot.services import people
from bot.wording import numbered
from handlers.chat import ChatRoutes
from handlers.presses import answer, presser
from handlers.render_deliberation import option_label, status_name
from storage.models import User
from storage.models.deliberation import Proposal
from storage.uow import UnitOfWork

STAFF_WORDS: dict[str, str] = {
    "agenda": "agenda", "上议程": "agenda", "议程": "agenda",
    "decline": "decline", "不采纳": "decline", "驳回": "decline",
    "vote": "vote", "表决": "vote", "投票": "vote",
    "close": "close", "结束": "close", "关闭": "close",
    "commit": "commit", "落实": "commit",
    "note": "note", "进展": "note",
    "done": "done", "办结": "done", "完成": "done",
}
LIST_WORDS = {"open": "open", "进行中": "open", "adopted": "adopted", "通过": "adopted", "已通过": "adopted",
              "done": "done", "办结": "done", "已办结": "done",
              "closed": "closed", "已关闭": "closed", "未通过": "closed", "未采纳": "closed",
              "all": "all", "全部": "all", "所有": "all", "采纳": "adopted", "已采纳": "adopted",
              "落实中": "adopted", "进行": "open"}
async def _refusals(uow: UnitOfWork, incoming: IncomingMessage, lang: str,
                    step: Callable[[], Awaitable[Any]]) -> None:
    """Run `step`; a refusal becomes the answer (a status code in words)."""
    try:
        await step()
    except DeliberationError as e:
        params = dict(e.params)
        if "status" in params:
            params["status"] = status_name(lang, str(params["status"]))
        reply(uow, incoming, e.key, lang, **params)
    except WhenError as e:
        reply(uow, incoming, "when-error", lang, key=e.key, params=e.params)


_NUMBERED = re.compile(r"^\s*(?:议题|提案|proposal)\s*#?\s*(?=\d)", re.IGNORECASE)


def _numbered(args: str) -> str:
    """`议题1 …`, `议题 #1 …`, `proposal 1 …` as `1 …`: the number as the bot's posts name it."""
    return _NUMBERED.sub("", unicodedata.normalize("NFKC", args), count=1)


def _list_word(word: str) -> str | None:
    """The list a word after /proposals names: LIST_WORDS, also as said with a trailing 的
    (`通过的`, `进行中的`, `已办结的`)."""
    word = typed_key(word)  # `進行中的`, `已採納` too
    return LIST_WORDS.get(word) or (LIST_WORDS.get(word[:-1]) if word.endswith("的") else None)


def _rest(args: str, words: int) -> str:
    """`args` after its first `words` words, with its own spacing and newlines kept."""
    rest = args.strip()
    for _ in range(words):
        parts = rest.split(maxsplit=1)
        rest = parts[1] if len(parts) > 1 else ""
    return rest


async def propose(command: CommandCall, uow: UnitOfWork, incoming: IncomingMessage,
                  user: User, lang: str, deliberation: DeliberationService) -> None:
    text = command.args or ""
    if not text.strip():
        reply(uow, incoming, "dl-propose-usage", lang)
        return
    case_id = parse_case_no(text.strip()) if text.strip()[:1] in ("C", "c") else None
    if case_id is not None:  # `/propose C-000123`: a suggestion case becomes a proposal
        key, args = await deliberation.from_case(uow, user, case_id, lang, incoming.chat_id)
        reply(uow, incoming, key, lang, **(args | {"case": format_case_no(case_id)}))
        return
    await _refusals(uow, incoming, lang, lambda: deliberation.propose(
        uow, user, incoming.chat_id, incoming.message_id, incoming.is_private, lang, text,
        thread_id=incoming.thread_id))


async def proposal(command: CommandCall, uow: UnitOfWork, incoming: IncomingMessage,
                   user: User, lang: str, deliberation: DeliberationService) -> None:
    """`/proposal N` (everyone: the summary) or `/proposal N <step> …` (the branch's secretary)."""
    args = _numbered(command.args or "")
    words = args.split()
    pid = parse_id(words[0]) if words else None
    if pid is None:
        reply(uow, incoming, "dl-proposal-usage", lang)
        return
    step_word = normalize(words[1]) if len(words) > 1 else ""
    action = STAFF_WORDS.get(step_word)
    rest = _rest(args, 2)
    where = (incoming.chat_id, incoming.is_private)
    d = deliberation

    async def step() -> None:
        if not step_word:
            summary = await d.summary(uow, user, pid, *where)
            reply(uow, incoming, "dl-summary", lang, **summary)
            return
        if action is None:
            reply(uow, incoming, "dl-proposal-usage", lang)
            return
        of, done_key = STEPS[action]
        p = await of(d)(uow, user, pid, *where, rest)
        extra = {"deadline": d.broadcasts.local(p.vote_deadline)} if action == "vote" else {}
        reply(uow, incoming, done_key, lang, id=pid, **extra)

    await _refusals(uow, incoming, lang, step)


Step = Callable[[UnitOfWork, User, int, int, bool, str], Awaitable[Proposal]]


def _no_text(step: Callable[[UnitOfWork, User, int, int, bool], Awaitable[Proposal]]) -> Step:
    """A step that takes nothing after its word (`agenda`, `close`), in the table's shape."""
    async def run(uow: UnitOfWork, user: User, pid: int, chat_id: int, is_private: bool, _text: str) -> Proposal:
        return await step(uow, user, pid, chat_id, is_private)
    return run


# `/proposal N <step> …`: the secretary's steps, each (the service's step, the answer when done). Every
# step checks scope, then role, then the proposal's status (bot.deliberation.access, lifecycle.decide).
STEPS: dict[str, tuple[Callable[[DeliberationService], Step], str]] = {
    "agenda": (lambda d: _no_text(d.put_on_agenda), "dl-ok-agenda"),
    "decline": (lambda d: d.decline, "dl-ok-declined"),
    "vote": (lambda d: d.open_vote, "dl-ok-vote"),
    "close": (lambda d: _no_text(d.close_vote), "dl-ok-closed"),
    "commit": (lambda d: d.commit, "dl-ok-commit"),
    "note": (lambda d: d.note, "dl-ok-note"),
    "done": (lambda d: d.finish, "dl-ok-done"),
}


async def proposals(command: CommandCall, uow: UnitOfWork, incoming: IncomingMessage,
                    user: User, lang: str, deliberation: DeliberationService) -> None:
    """`/proposals` (the open ones, and how many the other lists hold), `/proposals
    open|adopted|done|closed|all`, or `/proposals rule N D` (a secretary)."""
    words = (command.args or "").split()
    first = normalize(words[0]) if words else ""

    async def step() -> None:
        if first in ("rule", "规则"):
            rule = read_rule(" ".join(words[1:]))
            if rule is None:
                reply(uow, incoming, "dl-rule-usage", lang)
                return
            supporters, days = await deliberation.set_rule(uow, user, incoming.chat_id, incoming.is_private, *rule)
            reply(uow, incoming, "dl-rule-set", lang, supporters=supporters, days=days)
            return
        which = _list_word(first) if first else None
        if first and (which is None or which not in LISTS) or len(words) > 1:
            reply(uow, incoming, "dl-proposals-usage", lang)
            return
        listing = await deliberation.listing(uow, user, incoming.chat_id, incoming.is_private, which)
        reply(uow, incoming, "dl-list", lang, **listing)

    await _refusals(uow, incoming, lang, step)


async def vote(command: CommandCall, uow: UnitOfWork, incoming: IncomingMessage,
               user: User, lang: str, deliberation: DeliberationService) -> None:
    """`/vote N OPTION`: the option's number (1-based), or a word — 赞成/反对/弃权 on a for/against
    vote, or an option's text. A number or word that names no option is answered with the options."""
    args = _numbered(command.args or "")
    words = args.split()
    pid = parse_id(words[0]) if words else None
    choice = _rest(args, 1).strip()
    if pid is None or not choice:
        reply(uow, incoming, "dl-vote-cmd-usage", lang)
        return
    number = option_number(choice, leading=True)  # `/vote 1 2 ok`: the option's number, chatter after it apart
    option: int | str = number - 1 if number is not None else choice
    key, out = await deliberation.vote(uow, user, pid, option, incoming.chat_id, incoming.is_private, pressed=False)
    reply(uow, incoming, key, lang, **_answer_args(lang, out))


def _answer_args(lang: str, args: dict[str, Any]) -> dict[str, Any]:
    out = {k: v for k, v in args.items() if k != "yes_no"}
    if "option" in out:
        out["option"] = option_label(lang, str(out["option"]), bool(args.get("yes_no")))
    if "options" in out:  # every option, numbered: what `/vote N` may name
        out["options"] = numbered((option_label(lang, str(o), bool(args.get("yes_no"))) for o in out["options"]), lang)
    if "status" in out:
        out["status"] = status_name(lang, str(out["status"]))
    return out


async def press(query: ButtonPress, uow: UnitOfWork, deliberation: DeliberationService,
                settings: Settings, button: SupportPress | VotePress | ProposeFromCase) -> None:
    """👍 附议 and the vote buttons, pressed by anyone in a chat the proposal went to."""
    user, lang = await presser(uow, query, settings.default_lang)
    chat_id = query.chat_id if query.chat_id is not None else 0
    if isinstance(button, ProposeFromCase):
        key, args = await deliberation.from_case(uow, user, button.case_id, lang, query.chat_id)
        await answer(query, t(lang, key, **(args | {"case": format_case_no(button.case_id)})),
                     alert=key != "dl-case-proposed")
        return
    pid = button.proposal_id
    if isinstance(button, SupportPress):
        key, args = await deliberation.support(uow, user, pid, chat_id)
    else:
        key, args = await deliberation.vote(uow, user, pid, button.option, chat_id, chat_id == user.id, pressed=True)
    alert = key in ("dl-err-gone", "dl-vote-closed", "dl-vote-not-open", "dl-sup-closed", "dl-sup-expired",
                    "dl-vote-no-option")
    await answer(query, t(lang, key, **_answer_args(lang, {"id": pid, **args})), alert=alert)


async def comment(uow: UnitOfWork, incoming: IncomingMessage, user: User, lang: str,
                  deliberation: DeliberationService, proposal_id: int) -> None:
    """A reply in a proposal's thread: a comment, never a report. The thread hears nothing back.
    "附议", "+1", "支持" and nothing more, said to a proposal gathering support, is the 👍 button typed:
    a support, answered in a short reply as the press is (it used to be a silent comment, counted nowhere)."""
    if says_me_too(incoming.text or "", support=True):
        key, args = await deliberation.support(uow, user, proposal_id, incoming.chat_id)
        if key not in ("dl-sup-closed", "dl-err-gone"):  # on the agenda, voting …: a comment, as before
            reply(uow, incoming, key, lang, **_answer_args(lang, {"id": proposal_id, **args}))
            return
    await deliberation.comment(uow, user, proposal_id, incoming.chat_id, incoming.message_id, incoming.text)


async def _in_thread(incoming: IncomingMessage, uow: UnitOfWork,
                     deliberation: DeliberationService) -> dict[str, Any] | bool:
    """Only a group message with text replying to one of a proposal's posts, or posted in a
    proposal's forum topic (one or two indexed look-ups)."""
    if incoming.is_private or not incoming.text or incoming.text.startswith("/"):
        return False
    to_bot = incoming.reply_to_bot and incoming.reply_to_id is not None
    if not to_bot and incoming.thread_id is None:
        return False
    pid = await deliberation.thread_of(uow, incoming.chat_id, incoming.reply_to_id if to_bot else None,
                                       incoming.thread_id, text=incoming.text)
    return {"proposal_id": pid} if pid is not None else False


async def comment_edited(message: IncomingMessage, uow: UnitOfWork, deliberation: DeliberationService,
                         settings: Settings, proposal_id: int) -> None:
    """A reply in a proposal's thread, edited: the comment's new words, never a report (the edit
    route of any other message reads it as a new message: handlers/reports.edited)."""
    user = await people.register(uow, message)
    await deliberation.comment_edited(uow, user, proposal_id, message.chat_id, message.message_id, message.text)


async def _edit_in_thread(message: IncomingMessage, uow: UnitOfWork,
                          deliberation: DeliberationService) -> dict[str, Any] | bool:
    return await _in_thread(message, uow, deliberation)


def register_threads(routes: ChatRoutes) -> None:
    """Goes before the report routes: a comment in a proposal's thread, or its edit, must not become
    a case."""
    routes.message(comment, _in_thread)
    routes.edit(comment_edited, _edit_in_thread)


def register(routes: ChatRoutes) -> None:
    routes.command(propose, "propose")
    routes.command(proposal, "proposal")
    routes.command(proposals, "proposals")
    routes.command(vote, "vote")
    routes.button(press, SupportPress, VotePress, ProposeFromCase)
