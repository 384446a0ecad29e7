"""Report intake: a rider's message becomes a case, and the chat hears back at once."""
from __future__ import annotations

import re
import unicodedata
from datetime import timedelta

from bot.domain import PRIORITY_CONVERSATION, IncomingMessage, Notice, Person
from bot.cases.duplicates import WINDOW as DUPLICATE_WINDOW
from bot.cases.duplicates import ReportRef, is_probable_duplicate
from bot.intake import ASK_THRESHOLD, Intake, classify
from bot.intake.location import extract_location
from bot.outbox import enqueue
from bot.privacy import shareable_place
from bot.services.cases import CaseService, number
from storage.models import Case, PendingReport, User, utcnow
from storage.uow import UnitOfWork

LOCATION_WAIT = timedelta(minutes=30)  # how long a missing place may still be supplied
# What a broken client or a script sends when it had nothing to send: never a report.
_JUNK = re.compile(r"^[\s\W_]*(undefined|null|nil|none|nan|\[object object\]|\{\}|\[\])[\s\W_]*$", re.IGNORECASE)


def is_junk(text: str) -> bool:
    """True for `undefined`, `null`, `NaN`, `[object Object]` and the like, alone in a message."""
    return bool(_JUNK.match(unicodedata.normalize("NFKC", text)))


class ReportService:
    def __init__(self, cases: CaseService, default_lang: str = "zh") -> None:
        self.cases = cases
        self.default_lang = default_lang

    async def on_message(self, uow: UnitOfWork, msg: IncomingMessage, user: User, lang: str) -> Case | None:
        """Create a case for a report; answer a pending place question; stay silent otherwise."""
        intake = classify(msg.text) if msg.text.strip() and not is_junk(msg.text) else None
        if _may_answer_place(msg, intake):
            pending = await uow.cases.awaiting_location(user.id, msg.chat_id, utcnow() - LOCATION_WAIT)
            if pending is not None and await self._supply_location(uow, pending, msg, lang):
                return pending
        if intake is None or (not intake.is_report and intake.confidence >= ASK_THRESHOLD):
            return None
        if intake.confidence < ASK_THRESHOLD:
            await self._ask_if_report(uow, msg, user, lang, intake)
            return None
        return await self._open_case(uow, msg, user, lang, intake.category or "other",
                                     intake.urgency or "normal", intake.location)

    async def _ask_if_report(self, uow: UnitOfWork, msg: IncomingMessage, user: User, lang: str,
                             intake: Intake) -> None:
        """Unsure: ask the sender once, with two buttons, rather than guess either way."""
        pending = await uow.cases.add_pending(PendingReport(
            chat_id=msg.chat_id, message_id=msg.message_id, user_id=user.id, text=msg.text,
            category=intake.category or "other", urgency=intake.urgency or "normal",
            location=intake.location, lat=msg.lat, lon=msg.lon, photo_file_id=msg.photo_file_id,
            lang=lang))
        buttons = [[("unsure-yes", f"rp:{pending.id}:y"), ("unsure-no", f"rp:{pending.id}:n")]]
        enqueue(uow, Notice(msg.chat_id, "unsure-ask", lang, reply_to=msg.message_id,
                            priority=PRIORITY_CONVERSATION, payload={"buttons": buttons}))

    async def answer_unsure(self, uow: UnitOfWork, pending_id: int, user: User, yes: bool) -> str:
        """The sender's answer: 'yes' opens the case. Returns a message key for the presser."""
        pending = await uow.cases.get_pending(pending_id)
        if pending is None:
            return "unsure-gone"
        if pending.user_id != user.id:
            return "unsure-not-yours"
        if pending.answer is not None:
            return "unsure-done"
        pending.answer = "yes" if yes else "no"
        if not yes:
            return "unsure-dropped"
        msg = IncomingMessage(chat_id=pending.chat_id, chat_type="group", message_id=pending.message_id,
                              sender=Person(user.id, user.first_name), text=pending.text,
                              photo_file_id=pending.photo_file_id, lat=pending.lat, lon=pending.lon)
        await self._open_case(uow, msg, user, pending.lang, pending.category, pending.urgency,
                              pending.location)
        return "unsure-reported"

    async def report_private(self, uow: UnitOfWork, msg: IncomingMessage, user: User, lang: str,
                             text: str) -> Case:
        """/report is an explicit report: always a case, even when the classifier doubts it."""
        intake = classify(text)
        return await self._open_case(uow, msg, user, lang, intake.category or "other",
                                     intake.urgency or "normal", intake.location, text=text)

    async def _open_case(self, uow: UnitOfWork, msg: IncomingMessage, user: User, lang: str,
                         category: str, urgency: str, location: str | None,
                         text: str | None = None) -> Case:
        has_place = bool(location) or msg.lat is not None
        chat = await uow.chats.get(msg.chat_id)
        branch_id = chat.branch_id if chat is not None else None
        master = await self._probable_duplicate(uow, category, location, msg)
        if master is not None:
            uow.cases.watch(master, user.id, msg.chat_id, msg.message_id, lang)
            enqueue(uow, Notice(msg.chat_id, "case-followed", lang, case=master, reply_to=msg.message_id,
                                priority=PRIORITY_CONVERSATION, payload={"status": master.status}))
            return master
        case = uow.cases.add(Case(
            category=category, urgency=urgency, text=text if text is not None else msg.text,
            location=location, lat=msg.lat, lon=msg.lon, photo_file_id=msg.photo_file_id,
            reporter_id=user.id, chat_id=msg.chat_id, message_id=msg.message_id, lang=lang,
            branch_id=branch_id, awaiting_location=not has_place, thread_id=msg.thread_id), actor_id=user.id)
        self.cases.route_new(case)
        if urgency == "urgent":  # personal safety: the branch hears at once, not at the deadline
            await self.cases.alert(uow, case, "case-urgent", staff=True)
        enqueue(uow, Notice(msg.chat_id, "case-created", lang, case=case,
                            reply_to=msg.message_id, priority=PRIORITY_CONVERSATION,
                            payload={"category": category, "urgency": urgency,
                                     "location": _shown_place(msg, location, case.text),
                                     "place_hidden": bool(location), "lat": msg.lat, "lon": msg.lon}))
        if not has_place:
            enqueue(uow, Notice(msg.chat_id, "ask-location", lang, case=case,
                                reply_to=msg.message_id, priority=PRIORITY_CONVERSATION))
        return case

    async def _probable_duplicate(self, uow: UnitOfWork, category: str, location: str | None,
                                  msg: IncomingMessage) -> Case | None:
        """An open case of the same kind and place in the last 48 h, reported by someone."""
        if not location and msg.lat is None:
            return None
        now = utcnow()
        new = ReportRef(category, now, location, (msg.lat, msg.lon) if msg.lat is not None else None)
        for ref in await uow.cases.recent_open(category, now - DUPLICATE_WINDOW):
            pin = (ref.lat, ref.lon) if ref.lat is not None and ref.lon is not None else None
            if is_probable_duplicate(new, ReportRef(category, ref.created_at, ref.location, pin, ref.status), now):
                return await ref.load(uow.cases)
        return None

    async def _supply_location(self, uow: UnitOfWork, case: Case, msg: IncomingMessage, lang: str) -> bool:
        """Take a pin, a reply to our question, or a short text naming a place."""
        if msg.lat is not None:
            case.lat, case.lon = msg.lat, msg.lon
        else:
            place = _place_answer(msg)
            if place is None:
                return False
            case.location = place
        case.awaiting_location = False
        uow.cases.touch(case)
        uow.cases.log(case, "location", msg.sender.id, case.location)
        enqueue(uow, Notice(msg.chat_id, "location-attached", lang, case=case,
                            reply_to=msg.message_id, priority=PRIORITY_CONVERSATION,
                            payload={"location": _shown_place(msg, case.location, case.text),
                                     "place_hidden": bool(case.location), "lat": case.lat, "lon": case.lon}))
        return True

    def reply(self, uow: UnitOfWork, msg: IncomingMessage, kind: str, lang: str, **payload: object) -> None:
        """A direct answer to what the user just said."""
        enqueue(uow, Notice(msg.chat_id, kind, lang, payload=dict(payload),
                            reply_to=None if msg.is_private else msg.message_id,
                            priority=PRIORITY_CONVERSATION))

    async def my_cases(self, uow: UnitOfWork, msg: IncomingMessage, user: User, lang: str) -> None:
        cases = await uow.cases.by_reporter(user.id)
        items = [{"number": number(c), "category": c.category, "status": c.status,
                  "date": c.created_at.strftime("%m-%d")} for c in cases]
        self.reply(uow, msg, "mycases", lang, cases=items)


def _shown_place(msg: IncomingMessage, place: str | None, text: str) -> str | None:
    """The place as the answer shows it: as given in the rider's private chat; in a group, as
    any shared place is (a home is not repeated to the group, a room number is masked)."""
    if msg.is_private or not place:
        return place
    return shareable_place(place, text) or None


def _may_answer_place(msg: IncomingMessage, intake: Intake | None) -> bool:
    """Only a pin, a reply to us, or a non-report naming a place can answer our question:
    everything else skips the look-up (it is on the hot path of every group message)."""
    if msg.lat is not None or msg.reply_to_bot:
        return True
    return intake is not None and not intake.is_report and extract_location(msg.text) is not None


def _place_answer(msg: IncomingMessage) -> str | None:
    text = msg.text.strip()
    if not text or text.startswith("/"):
        return None
    found = extract_location(text)
    if found:
        return found
    if msg.reply_to_bot and len(text) <= 100:
        return text  # they answered our question directly
    return None

