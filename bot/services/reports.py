"""Report intake: a rider's message becomes a case, and the chat hears back at once."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
import dataclasses
from dataclasses import dataclass
from datetime import timedelta

from bot.buttons import UnsureReport, encode
from bot.domain import PRIORITY_CONVERSATION, IncomingMessage, Notice, Person
from bot.cases import is_open
from bot.cases.lifecycle import (AUTO_CLOSE_AFTER, CASE_FILTERS, DUPLICATE, HANDLED_STATUSES, PLACE_ADDED,
                                 PLACE_CORRECTED, RESOLVED, TRIAGE, UNFINISHED_STATUSES)
from bot.cases.duplicates import WINDOW as DUPLICATE_WINDOW
from bot.cases.duplicates import ReportRef, is_probable_duplicate, may_follow, may_have_duplicates
from bot.cases.gazetteer import place_key
from bot.cases.metoo import says_me_too
from bot.cases.numbers import SHOWN_CASE_NO
from bot.cases.verdicts import reporter_verdict
from bot.cases.places import (answer_place, bare_place, clean_place, is_place_answer, looks_like_place, place_clause,
                               remainder, says_another, says_correction)
from bot.i18n import t
from bot.intake import ASK_THRESHOLD, Intake, classify, classify_async
from bot.intake.location import extract_location
from bot.outbox import enqueue, reply
from bot.privacy import mask, shareable_place
from bot.services import people
from bot.services.cases import CaseService, number, pin_payload
from storage.models import Case, PendingReport, User, as_utc, utcnow
from storage.uow import UnitOfWork

LOCATION_WAIT = timedelta(minutes=30)  # how long a missing place may still be supplied
# What a broken client or a script sends when it had nothing to send: never a report.
_JUNK = re.compile(r"^[\s\W_]*(undefined|null|nil|none|nan|\[object object\]|\{\}|\[\])[\s\W_]*$", re.IGNORECASE)


def is_junk(text: str) -> bool:
    """True for `undefined`, `null`, `NaN`, `[object Object]` and the like, alone in a message."""
    return bool(_JUNK.match(unicodedata.normalize("NFKC", text)))


CLOSED_STATUSES = CASE_FILTERS["closed"]  # what /cases closed lists: a "+1" can follow none
QUOTE_WINDOW = timedelta(days=30)  # a WeCom "+1" quoting a report's words: a case reported since then
PLACE_FOLLOWUP = timedelta(minutes=10)  # the sender's next message naming a place, without Reply, is the answer


async def preload_senders(uow: UnitOfWork, sender_ids: set[int]) -> None:
    """Before a batch of messages from `sender_ids`: read which of them have a case awaiting
    its place (each message naming a place asks), in one query (CaseRepository.preload_awaiting)."""
    await uow.cases.preload_awaiting(sender_ids, utcnow() - LOCATION_WAIT)


@dataclass(frozen=True, slots=True)
class Heard:
    """What the report path made of a message: the case it opened or gave a place to, or whether
    it asked the sender "is this a report?" (then nothing else may answer the message too)."""

    case: Case | None = None
    asked: bool = False
    bare_place: str | None = None  # the message named a place and nothing else (nobody's case awaited it)
    told: bool = False  # answered about a case it took no part in (a "+1" to a closed case)
    replied: Case | None = None  # the case of the bot's message it replies to, when the sender follows it

    @property
    def answered(self) -> bool:
        return self.case is not None or self.asked or self.told


class ReportService:
    def __init__(self, cases: CaseService, default_lang: str = "zh") -> None:
        self.cases = cases
        self.default_lang = default_lang

    async def on_message(self, uow: UnitOfWork, msg: IncomingMessage, user: User, lang: str) -> Case | None:
        """Create a case for a report; answer a pending place question; stay silent otherwise
        (or ask whether it is a report: `hear` tells which)."""
        return (await self.hear(uow, msg, user, lang)).case

    async def hear(self, uow: UnitOfWork, msg: IncomingMessage, user: User, lang: str) -> Heard:
        """`on_message`, saying also whether the sender was asked "is this a report?": a private
        chat's other answers (the manual, a caption hint) must not follow that question."""
        followed = await self._me_too(uow, msg, user, lang)
        if followed is not None:
            return followed
        intake = await classify_async(msg.text) if msg.text.strip() and not is_junk(msg.text) else None
        found = (intake.location if intake is not None else None) or (
            extract_location(msg.text) if msg.text.strip() else None)
        placed = await self._place_message(uow, msg, user, lang, intake, found)
        if placed is not None:
            return Heard(placed)
        replied = None if msg.is_caption else await self.replied_case(uow, msg, user)
        if replied is None and (awaiting := await self._verdict_awaited(uow, msg, user)) is not None \
                and _said_about(msg, awaiting, found, intake) and not _another_kind(awaiting, intake, msg.text):
            return Heard(replied=awaiting)  # "fixed, thanks" / "还是不亮" said without Reply: the ✅ / ❌ in words
        if replied is not None and _said_about(msg, replied, found, intake):
            return Heard(replied=replied)  # the answer passes it on (bot.services.answers)
        heard = await self._report_or_not(uow, msg, user, lang, intake, found)
        return dataclasses.replace(heard, replied=replied) if replied is not None else heard

    async def _report_or_not(self, uow: UnitOfWork, msg: IncomingMessage, user: User, lang: str,
                             intake: Intake | None, found: str | None) -> Heard:
        """A message that is about no case of the sender's: a new case, the question "is this a
        report?", or nothing (chit-chat, a place named alone)."""
        if intake is None:
            return Heard()
        if (bare := bare_place(msg.text, found)) is not None:
            return Heard(bare_place=bare)
        if not intake.is_report and intake.confidence >= ASK_THRESHOLD:
            return Heard()
        if not intake.is_report and looks_like_place(msg.text):
            return Heard()  # a bare place ("在建国路") answers somebody's question: nothing to ask about
        if not intake.is_report and not msg.is_private:
            return Heard()  # leaning to chit-chat: a group hears nothing (the sender may still ask in private)
        if intake.confidence < ASK_THRESHOLD:
            await self._ask_if_report(uow, msg, user, lang, intake)
            return Heard(asked=True)
        return Heard(await self._open_case(uow, msg, user, lang, intake.category or "other",
                                           intake.urgency or "normal", intake.location))

    def follow(self, uow: UnitOfWork, case: Case, msg: IncomingMessage, user: User, lang: str, *,
               own: bool, me_too: bool = False) -> None:
        """`user` follows `case` from `msg` (they hear its news in that chat and forum topic, named in
        the group's announcements), and are told so in reply to `msg`: a duplicate report that it was
        reported already (`own`: by them), a "me too" (`me_too`) just which case they now follow."""
        uow.cases.watch(case, user.id, msg.chat_id, msg.message_id, lang, msg.thread_id)
        enqueue(uow, Notice(msg.chat_id, "case-followed", lang, case=case, reply_to=msg.message_id,
                            priority=PRIORITY_CONVERSATION,  # in the follower's topic, not the case's
                            payload={"status": case.status, "own": own, "me_too": me_too,
                                     "thread_id": msg.thread_id}))

    async def _me_too(self, uow: UnitOfWork, msg: IncomingMessage, user: User, lang: str) -> Heard | None:
        """"+1", "我也遇到了", "同上", "me too" in a group, in reply to a rider's report (one that opened
        a case, or one folded into a case as a duplicate) or to the bot's message about its case: the
        sender met the same problem, so they follow the case and are told once which one (no report's
        words, no reporter's name: nothing personal is repeated). A case marked a duplicate stands for
        the case it was folded into. Who already hears it (its reporter, a follower, a second "+1") is
        not answered again: a group is not spammed with acknowledgements. A closed case is nobody's
        to follow: the sender is told so, and that a new report opens a new case. None: no "+1" to a
        case, and the message is read as any other."""
        if (msg.is_private or (msg.reply_to_id is None and not msg.quoted) or msg.forwarded
                or not says_me_too(msg.text)):
            return None
        if msg.reply_to_id is None:
            case = await _quoted_case(uow, msg)
        else:
            case = (await uow.cases.of_bot_message(msg.chat_id, msg.reply_to_id) if msg.reply_to_bot
                    else await uow.cases.of_report(msg.chat_id, msg.reply_to_id))
        case = await _standing_for(uow, case)
        if case is None:
            return None
        if case.status in CLOSED_STATUSES:
            reply(uow, msg, "case-me-too-closed", lang, number=number(case),
                  status=t(lang, f"case-status-{case.status}"))
            return Heard(told=True)
        if not await uow.cases.follows(case, user.id):
            self.follow(uow, case, msg, user, lang, own=False, me_too=True)
        return Heard(case)

    async def _place_message(self, uow: UnitOfWork, msg: IncomingMessage, user: User, lang: str,
                             intake: Intake | None, found: str | None) -> Case | None:
        """A message that gives (or corrects) the place of the sender's own case: that case.

        Three ways: a reply to the bot's message about one of the sender's cases (only that case:
        a reply in another case's thread is about that case); a pin; or, without Reply, the
        sender's next message when it says little besides a place ("在光华路和东三环路口" right
        after "路灯坏了"), in the same forum topic. Everything else is left to the report path.
        A forwarded message (a pin too) is what somebody else said or saw, passed on: never the
        sender's answer nor correction; it is read as what it is.
        """
        if msg.forwarded:
            return None
        if msg.reply_to_bot and msg.reply_to_id is not None:
            replied = await uow.cases.of_bot_message(msg.chat_id, msg.reply_to_id)
            if replied is not None:
                if replied.reporter_id != user.id or not (is_open(replied.status) or replied.status == TRIAGE):
                    return None  # someone else's case, or a closed one: not a place answer
                # filling a missing place, a restatement of the same problem still counts; a
                # correction must say nothing else that reads as a report
                place = _place_in_reply(msg, found, await _reports_other_than(
                    replied.category if replied.awaiting_location else None, msg.text, found))
                if place is None and msg.lat is None:
                    return None
                if msg.lat is None and within_place(place, replied.location):
                    return None  # "就是3号门东边第二根" of 幸福小区3号门: a detail of its place, not another place
                if replied.awaiting_location:
                    return replied if await self._supply_location(uow, replied, msg, lang, place) else None
                await self._correct_location(uow, replied, msg, lang, place)
                return replied
        if msg.lat is None and not found:
            return None  # the hot path: most group messages name no place
        pending = await uow.cases.awaiting_location(user.id, msg.chat_id, utcnow() - LOCATION_WAIT)
        if pending is None and found and says_correction(msg.text):
            corrected = await self._corrected_without_reply(uow, msg, user, lang, found)
            if corrected is not None:
                return corrected
        if pending is None and msg.is_private:
            # a pin, or a place named alone, sent privately answers the sender's own case whose group was
            # asked for its place (a WeCom group takes no pins: its question says to send one in the
            # private chat; "光华路和东三环路口" sent there was asked "那里出了什么问题？")
            elsewhere = await uow.cases.awaiting_location(user.id, None, utcnow() - LOCATION_WAIT)
            if elsewhere is not None and msg.lat is not None:
                return elsewhere if await self._supply_location(uow, elsewhere, msg, lang, None) else None
            if (elsewhere is not None and found and utcnow() - as_utc(elsewhere.created_at) <= PLACE_FOLLOWUP
                    and is_place_answer(msg.text, found,
                                        await _reports_other_than(elsewhere.category, msg.text, found))):
                await self._supply_location(uow, elsewhere, msg, lang, answer_place(msg.text, found))
                return elsewhere
        if pending is None or pending.thread_id != msg.thread_id:
            return None  # none asked; or asked in another forum topic: this one is another conversation
        if msg.lat is not None:
            return pending if await self._supply_location(uow, pending, msg, lang, None) else None
        recent = utcnow() - as_utc(pending.created_at) <= PLACE_FOLLOWUP
        answers = (is_place_answer(msg.text, found, await _reports_other_than(pending.category, msg.text, found))
                   if recent
                   else intake is not None and not intake.is_report)
        if not answers:
            return None
        await self._supply_location(uow, pending, msg, lang, answer_place(msg.text, found))
        return pending

    async def _corrected_without_reply(self, uow: UnitOfWork, msg: IncomingMessage, user: User, lang: str,
                                       found: str) -> Case | None:
        """"地点不对，是幸福小区5号门" without Reply: the place of the sender's latest open case in this
        chat (and topic), reported within LOCATION_WAIT, is corrected when the message says nothing
        else that reads as a report. WeCom has no replies: its registration message asks for the
        right place this way ("把正确地点发给我即可")."""
        latest = next((c for c in await uow.cases.by_reporter(user.id, limit=3)
                       if c.chat_id == msg.chat_id and c.thread_id == msg.thread_id), None)
        if (latest is None or not is_open(latest.status) or latest.awaiting_location
                or utcnow() - as_utc(latest.created_at) > LOCATION_WAIT):
            return None
        place = _place_in_reply(msg, found, await _reports_other_than(None, msg.text, found))
        if place is None:
            return None
        await self._correct_location(uow, latest, msg, lang, place)
        return latest

    async def _ask_if_report(self, uow: UnitOfWork, msg: IncomingMessage, user: User, lang: str,
                             intake: Intake) -> None:
        """Unsure: ask the sender once, with two buttons, rather than guess either way."""
        pending = await uow.cases.add_pending(PendingReport(
            chat_id=msg.chat_id, message_id=msg.message_id, user_id=user.id, text=msg.text,
            category=intake.category or "other", urgency=intake.urgency or "normal",
            location=intake.location, lat=msg.lat, lon=msg.lon, photo_file_id=msg.photo_file_id,
            lang=lang, thread_id=msg.thread_id))
        buttons = [[("unsure-yes", encode(UnsureReport(pending.id or 0, True))),
                    ("unsure-no", encode(UnsureReport(pending.id or 0, False)))]]
        enqueue(uow, Notice(msg.chat_id, "unsure-ask", lang, reply_to=msg.message_id,
                            priority=PRIORITY_CONVERSATION, payload={"buttons": buttons, "thread_id": msg.thread_id}))

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
        if pending.case_id is not None:  # an edit put an open case in doubt: keep it, or withdraw it
            return await self.withdraw_if_not(uow, pending.case_id, user, yes)
        if not yes:
            return "unsure-dropped"
        msg = IncomingMessage(chat_id=pending.chat_id, chat_type="group", message_id=pending.message_id,
                              sender=Person(user.id, user.first_name), text=pending.text,
                              photo_file_id=pending.photo_file_id, lat=pending.lat, lon=pending.lon,
                              thread_id=pending.thread_id)
        await self._open_case(uow, msg, user, pending.lang, pending.category, pending.urgency,
                              pending.location)
        return "unsure-reported"

    async def withdraw_if_not(self, uow: UnitOfWork, case_id: int, user: User, yes: bool) -> str:
        """The rider's answer about a case their edit put in doubt: "yes" keeps it; "no" withdraws
        it (rejected, "withdrawn" in its timeline, announced) while nobody has accepted it."""
        case = await uow.cases.get(case_id)
        if yes or case is None:
            return "unsure-kept" if yes else "unsure-dropped"
        if case.status != "new":
            return "unsure-too-late"
        now = utcnow()
        case.status, case.closed_at, case.updated_at = "rejected", now, now
        uow.cases.log(case, "withdrawn", user.id, from_status="new")
        await self.cases.announce(uow, case, "case-ev-withdrawn", {})
        return "unsure-withdrawn"

    async def report_private(self, uow: UnitOfWork, msg: IncomingMessage, user: User, lang: str,
                             text: str) -> Case:
        """/report is an explicit report: always a case, even when the classifier doubts it."""
        intake = await classify_async(text)
        return await self._open_case(uow, msg, user, lang, intake.category or "other",
                                     intake.urgency or "normal", intake.location, text=text)

    async def report_external(self, uow: UnitOfWork, *, chat_id: int, reporter_id: int, text: str,
                              category: str, location: str | None, lat: float | None, lon: float | None,
                              lang: str, source: str) -> Case:
        """A report from another system (an Open311 client): the very path of a rider's report
        (duplicates, routing, clocks, urgent alerts, the announcement), told in group `chat_id`.
        The category is the caller's; the urgency is the classifier's when it agrees on it."""
        intake = classify(text) if text.strip() else None
        urgency = (intake.urgency if intake is not None and intake.category == category and intake.urgency
                   else self.cases.routing.default_urgency(category))
        # No chat message behind it: message_id None (the case replies to nothing). The domain type
        # says int because every other path has one; widening it would cost checks on all of them.
        msg = IncomingMessage(chat_id=chat_id, chat_type="group", sender=Person(reporter_id),
                              message_id=None, text=text, lat=lat, lon=lon)  # type: ignore[arg-type]
        return await self._open_case(uow, msg, User(id=reporter_id), lang, category, urgency, location,
                                     source=source, own_branch_only=True)

    async def _open_case(self, uow: UnitOfWork, msg: IncomingMessage, user: User, lang: str,
                         category: str, urgency: str, location: str | None,
                         text: str | None = None, source: str = "chat", own_branch_only: bool = False) -> Case:
        has_place = bool(location) or msg.lat is not None
        needs_place = self.cases.routing.needs_place(category)
        chat = await uow.chats.get(msg.chat_id)
        branch_id = chat.branch_id if chat is not None else None
        if branch_id is None and msg.is_private and source == "chat":  # a rider's own chat: their branch
            branch_id = await people.sole_branch(uow, user)
        text = text if text is not None else msg.text
        pin = await self._pin_for(uow, branch_id, location, msg)
        master = await self._probable_duplicate(uow, category, location, msg, text, pin, branch_id=branch_id)
        if master is not None and own_branch_only and master.branch_id != branch_id:
            master = None  # an integration scoped to a branch is never handed another branch's case
        if master is not None and may_follow(urgency, master.urgency):
            if source != "chat":  # another system's request: no rider to tell "you follow it" in the
                return master     # group (nobody there sent it); the caller answers that it was merged
            self.follow(uow, master, msg, user, lang, own=await uow.cases.follows(master, user.id))
            return master
        case = uow.cases.add(Case(
            category=category, urgency=urgency, text=text,
            location=location, lat=pin[0] if pin else None, lon=pin[1] if pin else None,
            photo_file_id=msg.photo_file_id,
            reporter_id=user.id, chat_id=msg.chat_id, message_id=msg.message_id, lang=lang,
            branch_id=branch_id, awaiting_location=needs_place and not has_place, thread_id=msg.thread_id,
            source=source), actor_id=user.id)
        self.cases.route_new(case)
        if master is not None:  # urgent, like a case that is not: its own case and clock, linked
            uow.cases.log(case, "linked", user.id, number(master))
            uow.cases.log(master, "linked", user.id, None)
        if urgency == "urgent":  # personal safety: the branch and the department hear at once
            await self.cases.alert(uow, case, "case-urgent", departments=True, staff=True)
        if source != "chat":  # from another system: the group is told what came in, from where
            enqueue(uow, Notice(msg.chat_id, "case-created-external", lang, case=case,
                                priority=PRIORITY_CONVERSATION,
                                payload={"category": category, "urgency": urgency, "source": source,
                                         "description": mask(case.text),
                                         "location": shown_place(msg, location, case.text),
                                         "place_hidden": bool(location),
                                         **pin_payload(msg.lat, msg.lon, location, case.text, own=msg.is_private),
                                         "linked": number(master) if master is not None else None,
                                         **self.cases.clocks(urgency)}))
            return case
        # one message: the registration, the place shown back, and the question when it is missing
        enqueue(uow, Notice(msg.chat_id, "case-created", lang, case=case,
                            reply_to=msg.message_id, priority=PRIORITY_CONVERSATION,
                            payload={"category": category, "urgency": urgency,
                                     "location": shown_place(msg, location, case.text),
                                     "place_hidden": bool(location),
                                     **pin_payload(msg.lat, msg.lon, location, case.text, own=msg.is_private),
                                     "ask_place": needs_place and not has_place,
                                     "private": msg.is_private,  # where the place is asked (WeCom words it so)
                                     "no_place": not needs_place and not has_place,
                                     "linked": number(master) if master is not None else None,
                                     **self.cases.clocks(urgency)}))
        return case

    async def _pin_for(self, uow: UnitOfWork, branch_id: int | None, location: str | None,
                       msg: IncomingMessage) -> tuple[float, float] | None:
        """The report's coordinates: its own pin (then the gazetteer learns its place text), or
        the pin a rider of the branch once gave the same place text."""
        key = place_key(location)
        if msg.lat is not None and msg.lon is not None:
            if key and location:
                await uow.places.learn(branch_id, key, location, msg.lat, msg.lon)
            return msg.lat, msg.lon
        return await uow.places.lookup(branch_id, key) if key else None

    async def _probable_duplicate(self, uow: UnitOfWork, category: str, location: str | None,
                                  msg: IncomingMessage, text: str,
                                  pin: tuple[float, float] | None = None, exclude: int | None = None, *,
                                  branch_id: int | None = None) -> Case | None:
        """An open case of the same kind, at the same spot, saying a similar thing, in the last 48 h
        (other than case `exclude`: an edited report is not its own duplicate). A report in a
        branch's group is the same spot as another branch's (or a branchless) case by pins only: a
        place's name is the branch's own ("幸福小区3号门" is in many districts, and the gazetteer
        keeps names per branch), so a name alone never hands a report to another branch."""
        if pin is None and msg.lat is not None and msg.lon is not None:
            pin = (msg.lat, msg.lon)
        now = utcnow()
        new = ReportRef(category, now, location, pin, text=text)
        if not may_have_duplicates(new):
            return None
        by_pin = new._replace(place=None)  # compared with a case of another branch
        for ref in await uow.cases.recent_open(category, now - DUPLICATE_WINDOW, UNFINISHED_STATUSES):
            if exclude is not None and ref.id == exclude:
                continue
            at = (ref.lat, ref.lon) if ref.lat is not None and ref.lon is not None else None
            other_branch = branch_id is not None and ref.branch_id != branch_id
            if other_branch and (at is None or pin is None):
                continue  # no pins: nothing can say it is the same spot
            mine, place = (by_pin, None) if other_branch else (new, ref.location)
            if is_probable_duplicate(mine, ReportRef(category, ref.created_at, place, at, ref.status, text=ref.text),
                                     now):
                return await ref.load(uow.cases)
        return None

    async def _correct_location(self, uow: UnitOfWork, case: Case, msg: IncomingMessage, lang: str,
                                place: str | None) -> None:
        """The reporter fixes the place we showed back, with one reply to our message (a case with
        no place before, one whose kind asks none, has it added, and its timeline says so)."""
        had_place = bool(case.location) or case.lat is not None
        if msg.lat is not None:
            await self._take_pin(uow, case, msg)
        else:
            case.location = place
        if had_place:
            self._placed(uow, case, msg, lang, "location-corrected", PLACE_CORRECTED)
        else:
            self._placed(uow, case, msg, lang, "location-attached")

    async def _take_pin(self, uow: UnitOfWork, case: Case, msg: IncomingMessage) -> None:
        """The case's place is the rider's pin (a venue: with its name), learnt for the branch."""
        case.lat, case.lon = msg.lat, msg.lon
        if msg.place_name:  # a venue: the pin and its name
            case.location = msg.place_name
        await self._learn(uow, case)

    async def _supply_location(self, uow: UnitOfWork, case: Case, msg: IncomingMessage, lang: str,
                               place: str | None) -> bool:
        """Take a pin (a venue: with its name) or the place found in the rider's answer."""
        if msg.lat is not None:
            await self._take_pin(uow, case, msg)
        else:
            if place is None:
                return False
            case.location = place
            if case.lat is not None:  # pinned first, named now: the pair is learnt either way
                await self._learn(uow, case)
            else:
                key = place_key(place)
                known = await uow.places.lookup(case.branch_id, key) if key else None
                if known is not None:
                    case.lat, case.lon = known
        case.awaiting_location = False
        self._placed(uow, case, msg, lang, "location-attached")
        return True

    def _placed(self, uow: UnitOfWork, case: Case, msg: IncomingMessage, lang: str, kind: str,
                event: str = PLACE_ADDED) -> None:
        """The case's place changed: timeline (`event`: added, or corrected), and the answer showing
        the place back (as any shared place is shown, outside the reporter's own chat)."""
        uow.cases.touch(case)
        uow.cases.log(case, event, msg.sender.id, case.location)
        enqueue(uow, Notice(msg.chat_id, kind, lang, case=case,
                            reply_to=msg.message_id, priority=PRIORITY_CONVERSATION,
                            payload={"location": shown_place(msg, case.location, case.text),
                                     "place_hidden": bool(case.location),
                                     **pin_payload(case.lat, case.lon, case.location, case.text, own=msg.is_private)}))

    async def _learn(self, uow: UnitOfWork, case: Case) -> None:
        """A pin for a case that names its place in words: the gazetteer learns the pair."""
        key = place_key(case.location)
        if key and case.location and case.lat is not None and case.lon is not None:
            await uow.places.learn(case.branch_id, key, case.location, case.lat, case.lon)

    async def replied_case(self, uow: UnitOfWork, msg: IncomingMessage, user: User) -> Case | None:
        """The case of the bot's message `msg` replies to, when the sender hears that case's news
        (its reporter or a follower): what a reply the report path did not take was about."""
        if not msg.reply_to_bot or msg.reply_to_id is None:
            return None
        case = await uow.cases.of_bot_message(msg.chat_id, msg.reply_to_id)
        return case if case is not None and await uow.cases.follows(case, user.id) else None

    async def _verdict_awaited(self, uow: UnitOfWork, msg: IncomingMessage, user: User) -> Case | None:
        """The resolved case whose confirmation the bot last asked its reporter for in this chat, when
        `msg` is a clear yes or no to it (bot.cases.verdicts) said without Reply: a client that dropped
        the reply, a rider who just typed under the question, and WeCom, which has no replies. Privately,
        or in a group said to the bot; only while that case's message is the bot's last word there."""
        if msg.reply_to_id is not None or msg.forwarded or msg.is_caption or msg.quoted \
                or not (msg.is_private or msg.addressed) or reporter_verdict(msg.text) is None:
            return None
        row = await uow.outbox.last_word(msg.chat_id, utcnow() - AUTO_CLOSE_AFTER)
        if row is None or row.case_id is None:
            return None
        case = await uow.cases.get(row.case_id)
        if case is None or case.status != RESOLVED or case.reporter_id != user.id:
            return None
        return case

    async def my_cases(self, uow: UnitOfWork, msg: IncomingMessage, user: User, lang: str) -> None:
        cases = await uow.cases.by_reporter(user.id)
        # always the reporter's own chat (handlers.commands.my_cases): the place as they gave it, so
        # that two cases of one kind ("路灯照明 · 待受理") can be told apart
        items = [{"number": number(c), "category": c.category, "status": c.status,
                  "location": c.location, "lat": c.lat, "lon": c.lon,
                  "date": c.created_at.astimezone(self.cases.tz).strftime("%m-%d")} for c in cases]
        reply(uow, msg, "mycases", lang, cases=items)


def _said_about(msg: IncomingMessage, case: Case, found: str | None, intake: Intake | None) -> bool:
    """Words in reply to the bot's message about an open `case` the sender hears (its reporter, a
    follower), naming no place but the case's own and not saying it is another problem: what they
    say about that case ("是靠近垃圾桶那根" answering the department's "哪根灯杆？"), never a new report
    (it opened a sanitation case). A place of its own or "也/另外/another" still reports a problem
    of its own; so does a hazard of another kind, told surely ("旁边井盖没了，很危险" in reply to a
    street light's news): passed on, it reached the light's department only, where a hazard must
    reach its own within the hour (domain.md: urgent cases); a forwarded message is somebody else's
    words."""
    if msg.forwarded or case.status not in HANDLED_STATUSES or says_another(msg.text):
        return False
    if intake is not None and intake.urgent_report and intake.confidence >= ASK_THRESHOLD \
            and intake.category != case.category:
        return False
    return not found or within_place(found, case.location)


_AGAIN = re.compile(r"还|仍|依然|依旧|又|没修|\b(?:still|again|not fixed|same)\b", re.I)


def _another_kind(case: Case, intake: Intake | None, text: str) -> bool:
    """A sure report of another kind of problem ("traffic light broken at gate 5" after a pothole's
    fix), not saying the old one is still there: its own case, not a word on `case`'s fix."""
    return intake is not None and intake.is_report and intake.confidence >= ASK_THRESHOLD \
        and intake.category not in (None, case.category) and _AGAIN.search(text) is None


async def _quoted_case(uow: UnitOfWork, msg: IncomingMessage) -> Case | None:
    """The case a WeCom "+1" quoting a message is about. A quote carries the message's words only
    (no message id, no sender), so: the case number the words name (every message the bot sends about
    a case names it), when that case is this group's or its branch's; else the case this group
    reported in exactly those words, lately."""
    quoted = msg.quoted or ""
    named = SHOWN_CASE_NO.search(quoted)
    if named is None:
        return await uow.cases.of_words(msg.chat_id, quoted, utcnow() - QUOTE_WINDOW)
    case = await uow.cases.get(int(named.group(1)))
    if case is None or case.chat_id == msg.chat_id:
        return case
    chat = await uow.chats.get(msg.chat_id)
    same_branch = chat is not None and chat.branch_id is not None and case.branch_id == chat.branch_id
    return case if same_branch else None  # another branch's case is nobody's to follow from here


async def _standing_for(uow: UnitOfWork, case: Case | None) -> Case | None:
    """The case that carries `case`'s problem: itself, or, for one marked a duplicate, the case it
    was folded into (and so on, a few steps at most)."""
    for _ in range(5):
        if case is None or case.status != DUPLICATE or case.master_id is None:
            return case
        case = await uow.cases.get(case.master_id)
    return case


def within_place(place: str | None, location: str | None) -> bool:
    """Whether `place` is (a part of) the case's `location`: "3号门" of "幸福小区3号门"."""
    key, whole = place_key(place), place_key(location)
    return bool(key and whole and key in whole)


def shown_place(msg: IncomingMessage, place: str | None, text: str) -> str | None:
    """The place as the answer shows it: as given in the rider's private chat; in a group, as
    any shared place is (a home is not repeated to the group, a room number is masked)."""
    if msg.is_private or not place:
        return place
    return shareable_place(place, text) or None


async def _reports_other_than(category: str | None, text: str = "",
                               place: str | None = None) -> Callable[[str], bool]:
    """Whether a text reports something other than the case of `category` (then it is a new
    report, not the place of this one): a confident report of another kind ("建国路井盖丢了" after
    "路灯坏了"; `category` None: of any kind), or a report of any kind that says it is another one
    ("光华路路灯也坏了", "another light is out": `says_another`). What `text` says besides `place`
    is read whole and, when the message has several clauses, in the place's own clause too: chit-chat
    around it ("今天好累，光华路和东三环路口的红绿灯坏了" after "路灯坏了") must not water down a
    report of another problem there into an answer.

    The texts the check will be asked about (what `text` says besides `place`) are classified
    here, off the event loop; any other text falls back to the synchronous classifier."""
    known: dict[str, Intake] = {}
    rests: set[str] = set()
    in_clause = ""
    if place:
        rests = {remainder(text, place), remainder(text.strip(), place)}
        clause = place_clause(text, place)
        in_clause = remainder(clause, place) if clause is not None else ""
        for rest in rests | {in_clause}:
            if rest.strip():
                known[rest] = await classify_async(rest)

    def reports(text: str) -> bool:
        if not text.strip():
            return False
        found = known.get(text) or classify(text)
        # one that says it is another (also, 也) need not be sure: the rider said so
        return found.is_report and (says_another(text)
                                    or found.confidence >= ASK_THRESHOLD and found.category != category)

    def check(text: str) -> bool:
        return reports(text) or (text in rests and reports(in_clause))
    return check


def _place_in_reply(msg: IncomingMessage, found: str | None, is_report: Callable[[str], bool]) -> str | None:
    """The place in a reply to the bot's message about the sender's case, or None when the reply
    says something else ("still there, not fixed!", or a new report of its own)."""
    text = msg.text.strip()
    if not text or text.startswith("/"):
        return None
    if found:
        return answer_place(text, found) if is_place_answer(text, found, is_report) else None
    if looks_like_place(text):
        return clean_place(text)
    return None

