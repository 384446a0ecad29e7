"""Secretaries' pushes, surveys and the needs overview, in a private chat with the bot.

/broadcast [all|riders|groups=…] [now|<when>] [text]   compose (preview, then ✅ or ❌)
/broadcast cancel                                       drop the draft
/broadcasts [cancel ID]                                 scheduled ones, each with a cancel button
/survey new …, /survey results ID, /survey close ID, /survey list
/needs [days] [branch]                                  top categories, places, open urgent cases

Thin: parse, call the service (which checks every permission on the server), answer.
"""
from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from bot.ids import parse_id
from bot.buttons import BroadcastPress, SurveyOption
from bot.config import Settings
from bot.domain import IncomingMessage
from bot.events import ButtonPress, CommandCall
from bot.i18n import t
from bot.services import people
from bot.services.broadcasts import BroadcastService
from bot.services.needs import NeedsService
from bot.services.surveys import NO_OPTION, UNNAMED, SurveyService
from bot.timeparse import WhenError
from bot.outbox import reply
from bot.wording import numbered
from handlers.chat import ChatPort, ChatRoutes
from handlers.presses import answer, presser
from storage.models import User
from storage.uow import UnitOfWork


async def _refusals(incoming: IncomingMessage, uow: UnitOfWork, lang: str,
                    step: Callable[[], Awaitable[Any]]) -> None:
    """Run `step`; a time we cannot read becomes the answer (other refusals, bad input or no
    permission, are answered by the one catch, handlers/chat.py)."""
    try:
        await step()
    except WhenError as e:
        reply(uow, incoming, "when-error", lang, key=e.key, params=e.params)


async def broadcast(command: CommandCall, uow: UnitOfWork, incoming: IncomingMessage, user: User, lang: str,
                    broadcasts: BroadcastService, port: ChatPort) -> None:
    args = command.args or ""

    async def step() -> None:
        broadcasts.scope(user)  # riders are told they may not, before anything they typed is read
        c = broadcasts.parse(args)
        if c.action == "cancel":
            reply(uow, incoming, await broadcasts.drop_draft(uow, user), lang)
            return
        if c.action == "help":
            reply(uow, incoming, "bc-usage", lang)
            return
        if c.action == "list":  # the scheduled ones, as /broadcasts lists them
            await broadcasts.send_list(uow, user, incoming.chat_id, lang)
            return
        body = None
        if c.body_at is not None:
            # the body as the adapter reads the message: the formatting is the platform's
            body = port.body(incoming, len(incoming.text) - len(args) + c.body_at)
        await broadcasts.compose(uow, user, incoming.chat_id, lang, c, body)

    await _refusals(incoming, uow, lang, step)


async def draft_body(uow: UnitOfWork, incoming: IncomingMessage, user: User, lang: str,
                     broadcasts: BroadcastService, port: ChatPort) -> None:
    """The next private message after `/broadcast …` without a text: the body (forwarded ones too)."""
    body = port.body(incoming)
    if body is None:
        reply(uow, incoming, "bc-err-content", lang)
        return
    await _refusals(incoming, uow, lang, lambda: broadcasts.take_body(uow, user, incoming.chat_id, body))


async def list_broadcasts(command: CommandCall, uow: UnitOfWork, incoming: IncomingMessage,
                          user: User, lang: str, broadcasts: BroadcastService) -> None:
    """/broadcasts, or /broadcasts cancel ID."""
    words = (command.args or "").split()

    async def step() -> None:
        if command.word in ("cancel", "取消"):
            bid = parse_id(words[1]) if len(words) > 1 else None
            if bid is None:
                reply(uow, incoming, "bc-list-usage", lang)
                return
            key, args = await broadcasts.cancel(uow, user, bid)
            reply(uow, incoming, key, lang, **args)
            return
        await broadcasts.send_list(uow, user, incoming.chat_id, lang)

    await _refusals(incoming, uow, lang, step)


async def press_broadcast(query: ButtonPress, uow: UnitOfWork, broadcasts: BroadcastService,
                          settings: Settings, button: BroadcastPress) -> None:
    """Send or drop on a preview; cancel on the /broadcasts list."""
    user, lang = await presser(uow, query, settings.default_lang)
    action, bid = button.action, button.broadcast_id
    args: dict[str, object] = {}
    if action == "go":
        key = await broadcasts.confirm(uow, user, bid)
    elif action == "x":
        key = await broadcasts.drop_draft(uow, user, bid)
    else:
        # the presser's own list (their private chat) is redrawn below, the others by cancel
        pressed = (query.chat_id, query.message_id) if query.chat_id == user.id and query.message_id is not None \
            else None
        key, args = await broadcasts.cancel(uow, user, bid, pressed)
        if key in ("bc-cancelled", "bc-cancel-already", "bc-cancel-gone") and query.chat_id == user.id \
                and query.message_id is not None:
            # the presser's own list (their private chat), shown again as it stands
            await broadcasts.send_list(uow, user, user.id, lang, edit=query.message_id)
    await answer(query, t(lang, key, **args), alert=key not in ("bc-ok", "bc-dropped", "bc-cancelled"))


async def survey(command: CommandCall, uow: UnitOfWork, incoming: IncomingMessage,
                 user: User, lang: str, surveys: SurveyService) -> None:
    args = command.args or ""
    word = args.split(maxsplit=1)[0] if args.strip() else ""
    sub = command.word  # `結果`, `關閉` too
    rest = args[len(word):].lstrip(" \t")  # a newline after "new" stays: the question is on its own line

    sid = parse_id(rest)

    async def step() -> None:
        surveys.broadcasts.scope(user)  # riders are told they may not, rather than how
        if sub in ("new", "新建", "发起"):
            await surveys.create(uow, user, incoming.chat_id, lang, surveys.parse_new(rest))
        elif sub in ("results", "result", "结果") and sid is not None:
            await surveys.results(uow, user, sid, incoming.chat_id, lang)
        elif sub in ("close", "关闭", "结束") and sid is not None:
            await surveys.close(uow, user, sid)
            reply(uow, incoming, "sv-closing", lang, id=sid)
        elif sub in ("list", "列表"):
            await surveys.send_list(uow, user, incoming.chat_id, lang)
        else:
            reply(uow, incoming, "sv-usage", lang)

    await _refusals(incoming, uow, lang, step)


async def press_survey(query: ButtonPress, uow: UnitOfWork, surveys: SurveyService, settings: Settings,
                       button: SurveyOption) -> None:
    """A survey's option, pressed by anyone in a chat the survey went to."""
    user, lang = await presser(uow, query, settings.default_lang)
    chat_id = query.chat_id if query.chat_id is not None else 0
    key, args = await surveys.answer(uow, user, button.survey_id, button.option, chat_id)
    await answer(query, t(lang, key, **args), alert=key in ("sv-ans-gone", "sv-ans-closed"))


async def survey_reply(uow: UnitOfWork, incoming: IncomingMessage, user: User, lang: str,
                       surveys: SurveyService, survey_answer: tuple[int, int], *, edited: bool = False) -> None:
    """A reply to a survey's question naming an option (`2`, `午休点`, `我觉得午休点好`): answered as its
    button is, the answer in reply to the rider's message (they typed it where everyone reads it).
    Words naming none are an answer to the survey all the same, never a report: left alone. An edit
    leaving the vote as it was says nothing (SurveyService.edited_answer)."""
    survey_id, option = survey_answer
    if option == UNNAMED:
        return
    if option == NO_OPTION:  # `选4` of three: which there are, as /vote answers a number naming none
        options = await surveys.options_of(uow, survey_id)
        reply(uow, incoming, "sv-ans-no-option", lang, id=survey_id, count=len(options), options=numbered(options, lang))
        return
    said = (await surveys.edited_answer(uow, user, survey_id, option, incoming.chat_id) if edited
            else await surveys.answer(uow, user, survey_id, option, incoming.chat_id))
    if said is not None:
        reply(uow, incoming, said[0], lang, **said[1])


async def survey_reply_edited(message: IncomingMessage, uow: UnitOfWork, surveys: SurveyService, settings: Settings,
                              survey_answer: tuple[int, int]) -> None:
    """A reply to a survey's question, edited: still an answer to the survey, read as the reply is
    (an edit to another option changes the vote), never a report (the edit route of a message
    that is no survey's answer reads it as a new message: handlers/reports.edited)."""
    user = await people.register(uow, message)
    lang = people.reply_lang(user, message.sender.language_code, message.text, settings.default_lang)
    await survey_reply(uow, message, user, lang, surveys, survey_answer, edited=True)


async def _edit_answers_survey(message: IncomingMessage, uow: UnitOfWork,
                               surveys: SurveyService) -> dict[str, Any] | bool:
    return await _answers_survey(message, uow, surveys)


async def _answers_survey(incoming: IncomingMessage, uow: UnitOfWork,
                          surveys: SurveyService) -> dict[str, Any] | bool:
    """Only text replying to the bot's question of a survey, whatever it says (one indexed look-up)."""
    if (incoming.as_group or not incoming.text or incoming.text.startswith("/") or not incoming.reply_to_bot
            or incoming.reply_to_id is None or incoming.forwarded):
        return False
    found = await surveys.replied_answer(uow, incoming.chat_id, incoming.reply_to_id, incoming.text)
    return {"survey_answer": found} if found is not None else False


async def needs(command: CommandCall, uow: UnitOfWork, incoming: IncomingMessage,
                user: User, lang: str, needs: NeedsService) -> None:
    await _refusals(incoming, uow, lang,
                    lambda: needs.overview(uow, user, incoming.chat_id, lang, command.args or ""))


async def _awaiting_body(incoming: IncomingMessage, uow: UnitOfWork, broadcasts: BroadcastService) -> bool:
    """Only a secretary with a draft waiting for its body, in private: everyone else's private
    messages go on to the report handlers untouched."""
    if not incoming.is_private or incoming.as_group or incoming.text.startswith("/"):
        return False
    return await broadcasts.waiting_draft(uow, incoming.sender.id) is not None


def register_capture(routes: ChatRoutes) -> None:
    """Goes before the report routes: a draft's body must not become a case, nor a survey's answer
    typed as a reply to its question ('2', '午休点', an opinion), or edited, go unanswered or be read
    as a report."""
    routes.message(draft_body, _awaiting_body)
    routes.message(survey_reply, _answers_survey)
    routes.edit(survey_reply_edited, _edit_answers_survey)


def register(routes: ChatRoutes) -> None:
    routes.command(broadcast, "broadcast")
    routes.command(list_broadcasts, "broadcasts")
    routes.command(survey, "survey")
    routes.command(needs, "needs")
    routes.button(press_broadcast, BroadcastPress)
    routes.button(press_survey, SurveyOption)
