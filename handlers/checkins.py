"""Check-in commands and buttons: activities, /checkin, report-ins (报到), volunteer hours, /stats checkins.

Thin: parse, call CheckinService, turn its refusals into answers. Every button is checked
on the server (the service decides who may approve what).
"""
from __future__ import annotations

import re

from bot.buttons import HoursVerdict, ReportInBranch, ReportInVerdict
from bot.ids import parse_id
from bot.checkins.parsing import code_and_amount, is_code, normalize_code
from bot.checkins.service import CheckinService
from bot.config import Settings
from bot.domain import IncomingMessage
from bot.events import ButtonPress, CommandCall
from bot.i18n import t
from bot.outbox import reply
from bot.services import points_corrections as corrections
from bot.services.points import PointsService
from bot.services.privately import to_private
from handlers.chat import ChatRoutes
from handlers.presses import answer, pressed_card, presser, settle
from storage.models import User
from storage.uow import UnitOfWork

NEW, LIST, CLOSE, PLACE = ("new", "新建", "创建"), ("list", "列表"), ("close", "关闭", "结束"), ("place", "地点")
APPROVE, REJECT = ("approve", "ok", "通过", "批准"), ("reject", "no", "驳回", "拒绝")
REVOKE = ("revoke", "撤回", "撤销")


def _replied_pin(incoming: IncomingMessage, same_sender: bool = False) -> tuple[float, float] | None:
    """The location pin this command replies to, if any."""
    if incoming.reply_location is None:
        return None
    if same_sender and (incoming.reply_sender is None or incoming.reply_sender.id != incoming.sender.id):
        return None
    return incoming.reply_location


async def activity(command: CommandCall, uow: UnitOfWork, incoming: IncomingMessage,
                   user: User, lang: str, checkins: CheckinService) -> None:
    """/activity new "title" 2026-12-05 09:00 2h [500m] | list | close CODE | place CODE [500m]"""
    _, _, rest = (command.args or "").strip().partition(" ")
    sub = command.word
    if sub in NEW:
        await checkins.create_activity(uow, incoming, user, lang, rest, _replied_pin(incoming))
    elif sub in LIST:
        await checkins.list_activities(uow, incoming, user, lang)
    elif sub in CLOSE and rest.strip():
        await checkins.close_activity(uow, incoming, user, lang, rest.split()[0])
    elif sub in PLACE and rest.strip():
        words = rest.split()
        await checkins.set_place(uow, incoming, user, lang, words[0], words[1] if len(words) > 1 else None,
                                 _replied_pin(incoming))
    else:
        reply(uow, incoming, "activity-usage", lang)


async def checkin(command: CommandCall, uow: UnitOfWork, incoming: IncomingMessage,
                  user: User, lang: str, checkins: CheckinService) -> None:
    """/checkin CODE (a reply to your own location pin brings the pin along)."""
    words = (command.args or "").split()
    if not words:
        reply(uow, incoming, "checkin-usage", lang)
        return
    await checkins.checkin(uow, incoming, user, lang, " ".join(words),  # the code among them: the service's
                           _replied_pin(incoming, same_sender=True))


async def location_answer(uow: UnitOfWork, incoming: IncomingMessage, user: User,
                          lang: str, checkins: CheckinService) -> None:
    """A pin we asked for (the filter checked that we did)."""
    if incoming.forwarded:
        reply(uow, incoming, "checkin-err-forwarded", lang)
        return
    await checkins.on_pin(uow, incoming, user, lang)


async def asked_for_pin(incoming: IncomingMessage, uow: UnitOfWork, checkins: CheckinService) -> bool:
    """Filter: did we ask this sender for a pin in this chat?"""
    if incoming.lat is None or incoming.as_group:
        return False
    return await checkins.awaiting_pin(uow, incoming.sender.id, incoming.chat_id)


async def report_in(command: CommandCall, uow: UnitOfWork, incoming: IncomingMessage,
                    user: User, lang: str, checkins: CheckinService) -> None:
    """/reportin <home organisation>"""
    await checkins.report_in(uow, incoming, user, lang, command.args or "")


async def report_ins(command: CommandCall, uow: UnitOfWork, incoming: IncomingMessage,
                     user: User, lang: str, checkins: CheckinService) -> None:
    """/reportins [BRANCH] | /reportins approve ID | /reportins reject ID [reason]"""
    words = (command.args or "").split(maxsplit=2)
    if command.word in APPROVE + REJECT:
        row_id = parse_id(words[1]) if len(words) > 1 else None
        if row_id is None:
            reply(uow, incoming, "reportins-usage", lang)
            return
        key, args = await checkins.decide_report_in(uow, user, row_id,
                                                    command.word in APPROVE,
                                                    words[2] if len(words) > 2 else None)
        reply(uow, incoming, key, lang, **args)
    else:
        await checkins.list_report_ins(uow, incoming, user, lang, words[0] if words else None)


async def hours(command: CommandCall, uow: UnitOfWork, incoming: IncomingMessage,
                user: User, lang: str, checkins: CheckinService, points: PointsService) -> None:
    """/hours CODE 2.5 | /hours | /hours pending [BRANCH] | /hours approve ID | /hours reject ID [reason]
    | /hours revoke ID reason"""
    words = (command.args or "").split(maxsplit=2)
    head = command.word  # `待審` too
    if not words:
        await checkins.my_hours(uow, incoming, user, lang)
    elif head in ("pending", "待审"):
        await checkins.list_hours(uow, incoming, user, lang, words[1] if len(words) > 1 else None)
    elif head in APPROVE + REJECT:
        entry_id = parse_id(words[1]) if len(words) > 1 else None
        if entry_id is None:
            reply(uow, incoming, "hours-usage", lang)
            return
        key, args = await checkins.decide_hours(uow, user, entry_id, head in APPROVE,
                                                words[2] if len(words) > 2 else None)
        reply(uow, incoming, key, lang, **args)
    elif head in REVOKE:  # `/hours revoke 7 原因`: an approval taken back, whatever it paid
        entry_id = parse_id(words[1]) if len(words) > 1 else None
        if entry_id is None or len(words) < 3:
            reply(uow, incoming, "hours-revoke-usage", lang)
            return
        key, args = await corrections.revoke_hours(points, uow, user, entry_id, words[2])
        target = await to_private(uow, incoming, user, lang)  # what the rider had left: as /points revoke tells it
        if target is not None:
            reply(uow, target, key, lang, **args)
    elif (logged := code_and_amount(command.args or ""))[1]:  # `CODE 2.5`, `CODE，2.5`, `2.5 CODE`
        await checkins.log_hours(uow, incoming, user, lang, *logged)
    elif is_code(logged[0]):  # the code alone: the hours are asked for, a reply prompt
        await checkins.ask_hours(uow, incoming, user, lang, normalize_code(logged[0]))
    else:
        reply(uow, incoming, "hours-usage", lang)


async def answering_hours(incoming: IncomingMessage, uow: UnitOfWork, checkins: CheckinService) -> dict[str, str] | bool:
    """Filter: the answer to our "how many hours?" put to this sender; gives the handler its `code`."""
    code = await checkins.hours_prompt_answered(uow, incoming)
    return {"code": code} if code else False


async def hours_answer(uow: UnitOfWork, incoming: IncomingMessage, user: User, lang: str,
                       checkins: CheckinService, code: str) -> None:
    """`1.5` answering the hours prompt: logged as `/hours CODE 1.5`."""
    await checkins.log_hours(uow, incoming, user, lang, code, incoming.text.strip())


async def stats_checkins(command: CommandCall, uow: UnitOfWork, incoming: IncomingMessage,
                         user: User, lang: str, checkins: CheckinService) -> None:
    """/stats checkins [BRANCH]"""
    words = (command.args or "").split()
    await checkins.stats(uow, incoming, user, lang, words[1] if len(words) > 1 else None)


# --- buttons ----------------------------------------------------------------------------------
async def press_report_in(query: ButtonPress, uow: UnitOfWork, checkins: CheckinService,
                          settings: Settings, button: ReportInVerdict) -> None:
    """Approve or reject on a report-in card (the branch's secretary)."""
    user, lang = await presser(uow, query, settings.default_lang)
    key, args = await checkins.decide_report_in(uow, user, button.report_in_id, button.approve,
                                                pressed=pressed_card(query))
    settle(uow, query, lang, "settled-by", who=user.first_name or str(user.id), what=t(lang, key, **args))
    await answer(query, t(lang, key, **args))


async def press_branch(query: ButtonPress, uow: UnitOfWork, checkins: CheckinService,
                       settings: Settings, button: ReportInBranch) -> None:
    """The rider picks the branch they work in."""
    user, lang = await presser(uow, query, settings.default_lang)
    key = await checkins.choose_branch(uow, user, lang, button.report_in_id, button.branch_id)
    await answer(query, t(lang, key, id=str(button.report_in_id)), alert=key != "reportin-chosen")


async def press_hours(query: ButtonPress, uow: UnitOfWork, checkins: CheckinService,
                      settings: Settings, button: HoursVerdict) -> None:
    """Approve or reject volunteer hours, as they stood on the card (the branch's secretary)."""
    user, lang = await presser(uow, query, settings.default_lang)
    key, args = await checkins.decide_hours(uow, user, button.entry_id, button.approve, halves=button.halves,
                                            pressed=pressed_card(query))
    settle(uow, query, lang, "settled-by", who=user.first_name or str(user.id), what=t(lang, key, **args))
    await answer(query, t(lang, key, **args))


def register_pins(routes: ChatRoutes) -> None:
    """Pins we asked for, and the hours we asked for: before the report routes, which would take a
    pin as a report's place, a bare number as chit-chat."""
    routes.message(location_answer, asked_for_pin)
    routes.message(hours_answer, answering_hours)


STATS_CHECKINS = re.compile(r"(?i)^\s*checkins\b")


def about_checkins(command: CommandCall) -> bool:
    """/stats checkins …"""
    return bool(STATS_CHECKINS.match(command.args or ""))


def register(routes: ChatRoutes) -> None:
    routes.command(activity, "activity")
    routes.command(checkin, "checkin")
    routes.command(report_in, "reportin")
    routes.command(report_ins, "reportins")
    routes.command(hours, "hours")
    routes.command(stats_checkins, "stats", when=about_checkins)
    routes.button(press_report_in, ReportInVerdict)
    routes.button(press_branch, ReportInBranch)
    routes.button(press_hours, HoursVerdict)
