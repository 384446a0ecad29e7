"""Voice reports: the scooter case (issue 13 §3).

A rider who cannot type sends a voice note, in the work group or privately. It becomes a
case at once, in status "triage" (nobody has classified it yet), with the audio kept by its
Telegram file id; the rider gets the case number and one button to add the place. The
branch's secretaries get the audio itself with one button per category and one to dismiss:
a press classifies and routes the case like any text report (its clock runs from the voice
note), or rejects it. With a speech-to-text engine (bot.voice.stt) the transcript is
classified like text: it becomes the case's text, its category is offered first, and its
place fills the case's place.

"triage" (bot.cases.lifecycle.TRIAGE) is deliberately outside the lifecycle table: no lifecycle
action applies to a case until the secretary has classified it here.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.buttons import VoicePlace, VoiceTriage, encode
from bot.cases.lifecycle import NEW, REJECTED
from bot.cases.lifecycle import TRIAGE as LIFECYCLE_TRIAGE
from bot.domain import PRIORITY_CONVERSATION, IncomingMessage, Notice
from bot.services import people
from bot.services.people import own_lang
from bot.intake import CATEGORIES, classify_async
from bot.outbox import enqueue
from bot.privacy import mask, shareable_place
from bot.services.cases import CaseService, number
from storage.models import Case, User
from storage.models.voice import VoiceReport
from storage.uow import UnitOfWork

TRIAGE = LIFECYCLE_TRIAGE  # bot.cases.lifecycle: before the lifecycle table
DISMISS = "x"


@dataclass(frozen=True, slots=True)
class VoiceNote:
    """The platform's voice message, as the domain needs it."""

    file_id: str
    file_unique_id: str | None = None
    duration: int = 0


class VoiceService:
    def __init__(self, cases: CaseService, *, transcribing: bool = False, default_lang: str = "zh") -> None:
        self.cases = cases
        self.transcribing = transcribing  # an engine is configured: the handler passes transcripts
        self.default_lang = default_lang

    async def on_voice(self, uow: UnitOfWork, msg: IncomingMessage, user: User, lang: str, note: VoiceNote,
                       transcript: str | None = None) -> Case:
        """A voice note: a case awaiting triage, the rider told, the secretaries asked."""
        chat = await uow.chats.get(msg.chat_id)
        branch_id = chat.branch_id if chat is not None else None
        if branch_id is None and msg.is_private:  # a rider's own chat: their branch
            branch_id = await people.sole_branch(uow, user)
        intake = await classify_async(transcript) if transcript else None
        suggested = intake.category if intake is not None and intake.is_report else None
        location = intake.location if intake is not None else None
        urgency = (intake.urgency if suggested and intake is not None else None) or "normal"
        case = Case(category=suggested or "other", urgency=urgency,
                    text=transcript or "", location=location, reporter_id=user.id, chat_id=msg.chat_id,
                    message_id=msg.message_id, lang=lang, branch_id=branch_id,
                    awaiting_location=not location, status=TRIAGE, thread_id=msg.thread_id)
        uow.cases.add(case, actor_id=user.id)
        report = await uow.voice.add(case, VoiceReport(
            case_id=0, file_id=note.file_id, file_unique_id=note.file_unique_id, duration=note.duration,
            transcript=transcript, suggested=suggested))
        private = msg.is_private
        enqueue(uow, Notice(msg.chat_id, "voice-received", lang, case=case, reply_to=msg.message_id,
                            priority=PRIORITY_CONVERSATION, payload={
                                "transcript": (transcript if private else mask(transcript)) if transcript else "",
                                "location": location if private else shareable_place(location, case.text),
                                "buttons": [[("voice-add-place", encode(VoicePlace(case.id or 0)))]] if not location else None}))
        await self._ask_staff(uow, case, user, report)
        return case

    async def _ask_staff(self, uow: UnitOfWork, case: Case, reporter: User, report: VoiceReport) -> None:
        """The audio to each reachable secretary of the branch (superadmins when it has none),
        with a button per category (the suggestion first) and one to dismiss."""
        suggested, transcript = report.suggested, report.transcript
        staff = await uow.users.reachable(set(self.cases.superadmins)
                                          | set(await uow.users.staff_ids(case.branch_id)))
        secretaries = [u for u in staff if u.role == "secretary" and u.branch_id == case.branch_id]
        people = secretaries or staff  # a branch without a reachable secretary: the superadmins
        order = ([suggested] if suggested else []) + [c for c in CATEGORIES if c != suggested]
        cats = [(f"cat-{c}", encode(VoiceTriage(case.id or 0, c))) for c in order]
        buttons = [cats[i:i + 3] for i in range(0, len(cats), 3)]
        buttons.append([("voice-dismiss", encode(VoiceTriage(case.id or 0, DISMISS)))])
        for person in people:
            lang = own_lang(person, self.default_lang)  # the secretary's language, not the case's
            enqueue(uow, Notice(person.id, "voice-triage", lang, case=case, priority=PRIORITY_CONVERSATION,
                                dedupe_key=f"voice:{case.id}:{person.id}" if case.id else None,
                                payload={"voice": report.file_id,
                                         "name": reporter.first_name or str(reporter.id),
                                         "duration": report.duration,
                                         "transcript": mask(transcript) if transcript else "",
                                         "suggested": suggested or "",
                                         "location": shareable_place(case.location, case.text),
                                         "buttons": buttons}))

    async def ask_place(self, uow: UnitOfWork, user: User, case_id: int, pressed_in: int | None = None) -> str:
        """The rider's "add a place" button: a prompt they can answer (a reply, or a pin).
        Returns the key of the press's answer. Pressed in a group that does not hold the case
        (`pressed_in`; GroupView), as for a case nobody reported."""
        case = await uow.cases.get(case_id)
        if case is None or case.reporter_id != user.id or not await self.cases.held_where_asked(uow, user, case, pressed_in):
            return "voice-err-not-yours"
        if not case.awaiting_location:
            return "voice-place-known"
        enqueue(uow, Notice(case.chat_id, "voice-place-prompt", case.lang, case=case, reply_to=case.message_id,
                            priority=PRIORITY_CONVERSATION))
        return "voice-place-asked"

    async def triage(self, uow: UnitOfWork, user: User, case_id: int, choice: str,
                     pressed_in: int | None = None) -> tuple[str, dict[str, Any]]:
        """A secretary's press on a voice report: a category (classify and route) or dismiss.
        Returns (key, args) for the press's answer; a case outside the presser's scope, or pressed in
        a group that does not hold it (`pressed_in`; GroupView: another branch's), reads as not found."""
        case = await uow.cases.get(case_id)
        scope = await self.cases.scope(uow, user) if case is not None else None
        if case is None or scope is None or not (
                scope.superadmin or (scope.branch_id is not None and scope.branch_id == case.branch_id)) \
                or not await self.cases.held_where_asked(uow, user, case, pressed_in):
            return "voice-err-not-found", {}
        if case.status != TRIAGE:
            return "voice-err-decided", {"number": number(case)}
        if choice != DISMISS and choice not in CATEGORIES:
            return "voice-err-not-found", {}
        report = await uow.voice.get(case.id or 0)
        if report is not None:
            report.decided_by = user.id
        now = self.cases.clock()
        case.updated_at = now
        if choice == DISMISS:
            case.status, case.closed_at = REJECTED, now
            uow.cases.log(case, "dismissed", user.id, from_status=TRIAGE)
            await self.cases.announce(uow, case, "case-ev-dismissed", {})
            return "voice-dismissed", {"number": number(case)}
        if report is None or choice != report.suggested:
            case.urgency = "normal"  # the suggestion's urgency went with its category
        case.category, case.status = choice, NEW
        self.cases.route_new(case)
        uow.cases.log(case, "triaged", user.id, f"{choice} {case.urgency}", from_status=TRIAGE)
        await self.cases.announce(uow, case, "case-ev-triaged", {})
        if case.urgency == "urgent":
            await self.cases.alert(uow, case, "case-urgent", staff=True)
        return "voice-triaged", {"number": number(case), "category": choice}
