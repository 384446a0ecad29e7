"""A rider edits what they posted: the case follows the edit, or the edit becomes a report.

Riders often send first and fix after: add the place, correct a word. Within
EDIT_WINDOW of sending, an edit of a message that opened a case updates the case's
text and place (and, while nobody has accepted it, its classification), noted in
the timeline; an edit of a message that opened nothing is read as a new message (an
album's photo as a photo of its album: the album's one case, with all its photos).
"""
from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta

from bot.cases.duplicates import may_follow
from bot.cases.lifecycle import DUPLICATE, NEW, OPEN_STATUSES
from bot.commandtext import command_args, normalize_command
from bot.domain import PRIORITY_CONVERSATION, IncomingMessage, Notice
from bot.intake import ASK_THRESHOLD, Intake, classify_async
from bot.outbox import enqueue
from bot.privacy import clip
from bot.services.albums import AlbumService
from bot.services.cases import number, pin_payload
from bot.services.reports import ReportService, shown_place
from storage.models import Case, PendingReport, User, utcnow
from storage.repositories.telegram import TelegramRepository
from storage.uow import UnitOfWork

EDIT_WINDOW = timedelta(minutes=15)


class EditService:
    def __init__(self, reports: ReportService) -> None:
        self.reports = reports
        self.albums = AlbumService(reports)

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
            if msg.media_group_id is not None and msg.photo_file_id is not None:
                return await self.albums.on_photo(uow, msg, user, lang)
            return await self.reports.on_message(uow, msg, user, lang)
        if case.status not in OPEN_STATUSES or text.strip() == case.text.strip():
            return None
        await self._update(uow, case, dataclasses.replace(msg, text=text), user, lang)
        return case

    async def _update(self, uow: UnitOfWork, case: Case, msg: IncomingMessage, user: User, lang: str) -> None:
        """The case follows the edit; while nobody has accepted it, the edit is also checked as a
        new message would be: the unsure question (asked again when the new words may not be a
        report at all) and the duplicate check (the new words or place may be an open case's)."""
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
        uow.cases.log(case, "edited", user.id, clip(msg.text, 200))  # shown masked: cut whole
        if case.status == NEW and not (intake.is_report and intake.confidence >= ASK_THRESHOLD):
            await self._ask_again(uow, case, msg, user, lang, intake)
            return
        if case.status == NEW and await self._fold_into_duplicate(uow, case, msg, user, lang):
            return
        if case.urgency == "urgent" and not was_urgent:
            await self.reports.cases.alert(uow, case, "case-urgent", staff=True)
        enqueue(uow, Notice(msg.chat_id, "case-edited", lang, case=case, reply_to=msg.message_id,
                            priority=PRIORITY_CONVERSATION,
                            payload={"category": case.category,
                                     "location": shown_place(msg, case.location, case.text),
                                     "place_hidden": bool(case.location),
                                     **pin_payload(case.lat, case.lon, case.location, case.text, own=msg.is_private),
                                     "now_urgent": case.urgency == "urgent" and not was_urgent,
                                     **self.reports.cases.clocks(case.urgency)}))

    async def _ask_again(self, uow: UnitOfWork, case: Case, msg: IncomingMessage, user: User, lang: str,
                         intake: Intake) -> None:
        """The edited words may not be a report: ask the rider once, as for a new message
        ("是，上报 / 不是"); "no" withdraws the case (ReportService.withdraw_if_not)."""
        pending = await uow.cases.add_pending(PendingReport(
            chat_id=msg.chat_id, message_id=msg.message_id, user_id=user.id, text=msg.text,
            category=case.category, urgency=case.urgency, location=case.location, lang=lang,
            thread_id=msg.thread_id, case_id=case.id))
        buttons = [[("unsure-yes", f"rp:{pending.id}:y"), ("unsure-no", f"rp:{pending.id}:n")]]
        enqueue(uow, Notice(msg.chat_id, "unsure-ask-edited", lang, case=case, reply_to=msg.message_id,
                            priority=PRIORITY_CONVERSATION, payload={"buttons": buttons, "thread_id": msg.thread_id}))

    async def _fold_into_duplicate(self, uow: UnitOfWork, case: Case, msg: IncomingMessage, user: User,
                                   lang: str) -> bool:
        """The edited report is an open case's problem (same rule as a new report's: kind, place,
        similar words, 48 h; an urgent one is never folded into a case that is not): this case
        becomes a duplicate of it and the rider follows it, told as for a new message."""
        pin = (case.lat, case.lon) if case.lat is not None and case.lon is not None else None
        master = await self.reports._probable_duplicate(uow, case.category, case.location, msg, case.text,
                                                        pin, exclude=case.id, branch_id=case.branch_id)
        if master is None or not may_follow(case.urgency, master.urgency):
            return False
        own = await uow.cases.follows(master, user.id)
        case.status, case.closed_at = DUPLICATE, utcnow()
        uow.cases.log(case, "marked_duplicate", user.id, number(master), from_status=NEW)
        uow.cases.watch(master, user.id, msg.chat_id, msg.message_id, lang, msg.thread_id)
        enqueue(uow, Notice(msg.chat_id, "case-followed", lang, case=master, reply_to=msg.message_id,
                            priority=PRIORITY_CONVERSATION,
                            payload={"status": master.status, "own": own, "thread_id": msg.thread_id}))
        return True
