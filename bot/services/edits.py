"""A rider edits what they posted: the case follows the edit, or the edit becomes a report.

Riders often send first and fix after: add the place, correct a word. Within
EDIT_WINDOW of sending, an edit of a message that opened a case updates the case's
text and place (and, while nobody has accepted it, its classification), noted in
the timeline; an edit of a message that opened nothing is read as a new message.
"""
from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta

from bot.cases.lifecycle import NEW, OPEN_STATUSES
from bot.commandtext import command_args, normalize_command
from bot.domain import PRIORITY_CONVERSATION, IncomingMessage, Notice
from bot.intake import classify_async
from bot.outbox import enqueue
from bot.services.reports import ReportService
from storage.models import Case, User, utcnow
from storage.repositories.telegram import TelegramRepository
from storage.uow import UnitOfWork

EDIT_WINDOW = timedelta(minutes=15)


class EditService:
    def __init__(self, reports: ReportService) -> None:
        self.reports = reports

    async def on_edit(self, uow: UnitOfWork, msg: IncomingMessage, user: User, lang: str,
                      sent_at: datetime) -> Case | None:
        """The case the edit changed or opened; None when the edit changes nothing (too late,
        a closed case, still chit-chat, a command other than /report)."""
        if utcnow() - sent_at > EDIT_WINDOW:
            return None
        text = msg.text
        command = normalize_command(text)
        if command is not None:  # an edited command: only a /report's words are a report
            if command.split(maxsplit=1)[0].split("@")[0] != "/report":
                return None
            text = command_args(text)
            if not text:
                return None
        case = await TelegramRepository(uow.session, uow.deferred).case_for_message(
            msg.chat_id, msg.message_id, user.id)
        if case is None:
            if command is not None:
                return await self.reports.report_private(uow, msg, user, lang, text)
            return await self.reports.on_message(uow, msg, user, lang)
        if case.status not in OPEN_STATUSES or text.strip() == case.text.strip():
            return None
        await self._update(uow, case, dataclasses.replace(msg, text=text), user, lang)
        return case

    async def _update(self, uow: UnitOfWork, case: Case, msg: IncomingMessage, user: User, lang: str) -> None:
        intake = await classify_async(msg.text)
        case.text = msg.text
        if intake.location and intake.location != case.location:
            case.location = intake.location
            case.awaiting_location = False
        was_urgent = case.urgency == "urgent"
        if case.status == NEW and intake.is_report and intake.category:  # nobody has taken it on yet
            if (intake.category, intake.urgency or case.urgency) != (case.category, case.urgency):
                case.category, case.urgency = intake.category, intake.urgency or case.urgency
                self.reports.cases.route_new(case)
        uow.cases.touch(case)
        uow.cases.log(case, "edited", user.id, msg.text[:200])
        if case.urgency == "urgent" and not was_urgent:
            await self.reports.cases.alert(uow, case, "case-urgent", staff=True)
        enqueue(uow, Notice(msg.chat_id, "case-edited", lang, case=case, reply_to=msg.message_id,
                            priority=PRIORITY_CONVERSATION,
                            payload={"category": case.category, "location": case.location,
                                     "lat": case.lat, "lon": case.lon}))
