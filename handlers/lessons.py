"""Micro lessons: /lesson (riders, private), /lessons (secretaries), /stats lessons, and the
lesson's buttons (✅ and the quiz options), answered to the presser alone."""
from __future__ import annotations

import re

from bot.buttons import LessonPress
from bot.periods import split_days
from bot.refusals import Refused
from bot.config import Settings
from bot.domain import IncomingMessage
from bot.events import ButtonPress, CommandCall
from bot.services.lessons import STATS_DAYS, LessonService
from bot.outbox import reply
from bot.typed import typed_key
from handlers.chat import ChatRoutes
from handlers.presses import answer, presser
from handlers.render_lessons import feedback
from storage.models import User
from storage.uow import UnitOfWork

SELECTOR = re.compile(r"^#?-?\d+$")  # in private: the group's number in the list, or its chat id
SUBCOMMANDS = {"show": "show", "plan": "plan", "shifts": "shifts", "shift": "shifts", "off": "off", "stop": "off",
               "查看": "show", "计划": "plan", "推送": "plan", "班次": "shifts", "停止": "off", "关闭": "off"}


async def lesson(uow: UnitOfWork, incoming: IncomingMessage, user: User, lang: str,
                 lessons: LessonService) -> None:
    """/lesson: the current lesson, in private (in a group the command table's pointer there,
    bot/commands.py, answered by the chat layer)."""
    await lessons.current(uow, user, incoming.chat_id, lang)


async def lessons_command(command: CommandCall, uow: UnitOfWork, incoming: IncomingMessage,
                          user: User, lang: str, lessons: LessonService) -> None:
    """/lessons [N] [show | plan DAYS | shifts PROFILE | off]  (N: the group, in private)"""
    words = (command.args or "").split(maxsplit=1)
    selector = None
    if incoming.is_private and words and SELECTOR.match(words[0]):
        selector, words = words[0], (words[1] if len(words) > 1 else "").split(maxsplit=1)
    sub = SUBCOMMANDS.get(typed_key(words[0])) if words else "show"
    rest = words[1].strip() if len(words) > 1 else ""
    if sub is None or (sub == "plan" and not rest):
        reply(uow, incoming, "lessons-usage", lang)
        return
    reply_to = None if incoming.is_private else incoming.message_id
    try:
        chat = await lessons.target(uow, user, incoming.chat_id, incoming.is_private, selector)
        if sub == "plan":
            await lessons.set_plan(uow, user, chat, rest, lang)
        elif sub == "shifts" and rest:
            await lessons.set_shifts(uow, user, chat, rest)
        elif sub == "off":
            await lessons.stop(uow, user, chat)
    except Refused as e:
        if e.key != "lessons-choose-group":
            raise  # answered by the one catch, handlers/chat.py
        await lessons.list_groups(uow, user, incoming.chat_id, lang)
        return
    await lessons.describe(uow, chat, incoming.chat_id, lang, reply_to)


async def stats_lessons(command: CommandCall, uow: UnitOfWork, incoming: IncomingMessage,
                        user: User, lang: str, lessons: LessonService) -> None:
    """/stats lessons [days]"""
    after = (command.args or "").split(maxsplit=1)[1:]  # what follows `lessons`: 7, 7天, 近7天, 2周
    said, others = split_days(after[0]) if after else (STATS_DAYS, [])
    days = said if said is not None and 1 <= said <= 366 else None
    if others or days is None:
        reply(uow, incoming, "lessons-stats-usage", lang)
        return
    await lessons.stats(uow, user, incoming.chat_id, lang, days,
                        reply_to=None if incoming.is_private else incoming.message_id)


async def press_lesson(query: ButtonPress, uow: UnitOfWork, lessons: LessonService, settings: Settings,
                       button: LessonPress) -> None:
    """✅ (done) or a quiz answer under a lesson push, in the group or in private."""
    user, lang = await presser(uow, query, settings.default_lang)
    chat_id = query.chat_id if query.chat_id is not None else user.id
    if button.option is None:
        key, args = await lessons.complete(uow, user, button.push_id, chat_id)
    else:
        key, args = await lessons.answer(uow, user, button.push_id, button.option, chat_id)
    await answer(query, feedback(lang, key, args), alert=key.startswith("lesson-quiz"))


STATS_LESSONS = re.compile(r"(?i)^\s*lessons?\b")


def about_lessons(command: CommandCall) -> bool:
    """/stats lessons …"""
    return bool(STATS_LESSONS.match(command.args or ""))


def register(routes: ChatRoutes) -> None:
    routes.command(lesson, "lesson")
    routes.command(lessons_command, "lessons")
    routes.command(stats_lessons, "stats", when=about_lessons)
    routes.button(press_lesson, LessonPress)
