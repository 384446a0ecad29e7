"""The answer to a message the report path did not take (no case, no "is this a report?"), in a
group and in a private chat: one place for which of the short answers a rider hears, or none.
Words in reply to the bot's message about an open case the sender hears are passed on to whoever
handles it (and kept in its timeline); the rider is told so.

Privately every message gets an answer: a rider who writes to the bot alone expects one. In a
group only what is said to the bot is answered (domain.md: never a reply to chit-chat): the
reporter's (or a follower's) words in reply to the bot's message about their case are told,
as privately, that they were passed on (a closed case's: that nobody reads them); a message that names the bot ("@bot 你好", "@bot"
alone) gets a courtesy's answer, the question what is wrong at a place named alone, or else
what the bot does in a group.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from bot.cases import CaseError, format_case_no
from bot.cases.verdicts import reporter_verdict
from bot.cases.lifecycle import HANDLED_STATUSES, RESOLVED
from bot.i18n import t
from bot.smalltalk import smalltalk
from bot.outbox import reply

if TYPE_CHECKING:
    from bot.domain import IncomingMessage
    from bot.services.reports import Heard, ReportService
    from storage.models import Case, User
    from storage.uow import UnitOfWork


def _about(heard: Heard, kind: str | None, text: str) -> Case | None:
    """The case whose bot message the message replies to, when its sender hears that case's news
    (ReportService.replied_case, found once by the report path); a courtesy ("谢谢") is about no case,
    unless it comes with a clear word on a resolved case's fix ("fixed, thanks", "修好了，谢谢")."""
    case = heard.replied
    if kind and not (case is not None and case.status == RESOLVED and reporter_verdict(text) is not None):
        return None
    return case


async def _said_about(reports: ReportService, uow: UnitOfWork, msg: IncomingMessage, user: User, lang: str,
                     case: Case) -> None:
    """Words in reply to the bot's message about `case`: the reporter's clear yes or no to a resolved
    one confirms or reopens it (bot.cases.verdicts); other words about an open case its department
    hears (CaseService.hear_from), and the rider is told so; a closed one's nobody reads."""
    verdict = reporter_verdict(msg.text) if case.status == RESOLVED and user.id == case.reporter_id else None
    if verdict is not None:  # "修好了" / "还是不亮" to "已处理完毕…请确认": the ✅ / ❌ said in words
        try:
            await reports.cases.act(uow, user, case, verdict)
            return
        except CaseError:
            pass  # decided meanwhile: words about the case, as any others
    relayed = case.status in HANDLED_STATUSES
    if relayed:
        await reports.cases.hear_from(uow, case, user, msg.text, dedupe=f"-{msg.chat_id}-{msg.message_id}")
    reply(uow, msg, "case-reply-unread", lang, number=format_case_no(case.id or 0),
          status=t(lang, f"case-status-{case.status}"), resolved="yes" if case.status == RESOLVED else "no",
          relayed="yes" if relayed else "no")


async def in_group(reports: ReportService, uow: UnitOfWork, msg: IncomingMessage, user: User, lang: str,
                   heard: Heard) -> None:
    """Answer a group message no case took, when it was said to the bot; else stay silent."""
    if heard.answered:
        return
    if not msg.text:
        if msg.addressed and msg.lat is None:  # "@bot" alone
            reply(uow, msg, "start-group", lang)
        return
    kind = smalltalk(msg.text)
    about = _about(heard, kind, msg.text)
    if about is not None:
        await _said_about(reports, uow, msg, user, lang, about)
    elif not msg.addressed:
        return
    elif kind:
        reply(uow, msg, f"smalltalk-{kind}", lang)
    elif heard.bare_place:
        reply(uow, msg, "place-alone", lang, place=heard.bare_place)
    else:
        reply(uow, msg, "start-group", lang)


async def in_private(reports: ReportService, uow: UnitOfWork, msg: IncomingMessage, user: User, lang: str,
                     heard: Heard, *, staff: bool) -> None:
    """Answer a private message no case took: a place alone the question what is wrong there; a pin
    what a pin is for (`staff`: an activity's place too); a courtesy its own; words in reply to a
    case's message that nobody reads them; a caption what to add (a photo's) or what the bot can
    read (a video's, a file's); anything else the manual."""
    if heard.answered:
        return
    if heard.bare_place:  # "在角门": where, but not what
        reply(uow, msg, "place-alone", lang, place=heard.bare_place)
    elif msg.lat is not None:
        reply(uow, msg, "pin-unused", lang, staff="yes" if staff else "no")
    elif msg.text:
        kind = smalltalk(msg.text)
        about = _about(heard, kind, msg.text)
        if about is not None:  # "还是没修好", "什么时候修？" in reply to a case's message: passed on
            await _said_about(reports, uow, msg, user, lang, about)
        elif kind:
            reply(uow, msg, f"smalltalk-{kind}", lang)
        elif msg.is_caption:
            reply(uow, msg, "photo-needs-caption" if msg.photo_file_id else "media-unsupported", lang)
        else:
            reply(uow, msg, "help", lang)
