"""Case commands and buttons for secretaries, department members and reporters.

Every command and every button press is checked on the server: the lifecycle
rules decide, with roles computed for this user and this case (branch scope).
"""
from __future__ import annotations

from dataclasses import replace

from bot.buttons import CaseAction, CaseConfirm, UnsureReport
from bot.cases import CaseError, format_case_no, parse_case_no
from bot.commandtext import typed_rest
from bot.cases.lifecycle import ACTIONS, REPORTER_ACTIONS, TRANSFERRED, case_filter
from bot.commands import ACTION_COMMANDS
from bot.config import Settings
from bot.domain import IncomingMessage
from bot.events import ButtonPress, CommandCall
from bot.i18n import t
from bot.services.albums import AlbumService
from bot.services.asked import Asked, asked as asked_about
from bot.services.board import post_board
from bot.services.case_labels import split_labels
from bot.checkins.service import CheckinService
from bot.services.cases import RECATEGORIZE, CaseService
from bot.services.points import PointsService
from bot.services.reports import ReportService
from bot.services import case_choices as choices
from bot.services import case_transfers as transfers
from bot.outbox import reply
from handlers.case_choices import answer_stale, offer_for_press, stale_or_refused
from handlers.chat import ChatRoutes
from handlers.commands import my_cases
from handlers.points import me
from handlers.presses import answer, presser, settle
from storage.models import User
from storage.uow import UnitOfWork

NEEDS_INPUT = {"assign", "note", "resolve", "reject", "mark_duplicate", "transfer_request",
               "transfer_decline", "cannot_fix"}


async def case_action(command: CommandCall, uow: UnitOfWork, incoming: IncomingMessage,
                      user: User, lang: str, cases: CaseService,
                      raw_text: str | None = None) -> None:
    action, arg = ACTION_COMMANDS[command.command.lower()]
    parts, skip = await _case_first(uow, incoming, cases, command.args)
    if not parts:
        reply(uow, incoming, "case-usage", lang, command=command.command)
        return
    # a note or reason as typed (full-width letters and digits kept), a department as normalised
    rest = (typed_rest(raw_text, skip) if raw_text and arg == "note" else parts[1].strip()) if len(parts) > 1 else None
    photo = incoming.photo_file_id if action == "resolve" else None
    await cases.require_staff(uow, user, action)  # a rider's /accept: what it is for, whatever the number
    case = await cases.find(uow, parts[0])
    if rest is None and action in NEEDS_INPUT:
        # `/assign C-1` alone: the departments as buttons; `/reject C-1` alone: a reply prompt
        await choices.offer(cases, uow, user, case, action, chat_id=incoming.chat_id, lang=lang,
                            reply_to=None if incoming.is_private else incoming.message_id, thread_id=incoming.thread_id,
                            asked_in=incoming.chat_id)
        return
    await cases.act(uow, user, case, action, photo=photo, asked_in=incoming.chat_id,
                    **({arg: rest} if arg and rest else {}))
    # the reporter's own confirm or reopen in their own chat: the case's news to them says it there
    # ("你已确认，工单 C-000001 已办结", then "✅ 已办理 C-000001：确认已解决" said it twice)
    own_word = incoming.is_private and action in REPORTER_ACTIONS and case.reporter_id == user.id
    if (incoming.chat_id, incoming.thread_id) != (case.chat_id, case.thread_id) and not own_word:
        # the case's thread (its chat, its forum topic) hears it there; tell the actor here which case and step
        reply(uow, incoming, "choice-prompt-done", lang, number=format_case_no(case.id or 0),
              action=t(lang, f"case-action-{action}"))


async def start_named_a_case(command: CommandCall, uow: UnitOfWork, incoming: IncomingMessage, user: User,
                             lang: str, cases: CaseService) -> bool:
    """/start said by staff of a case (`/start C-000001`, or in a group as a reply to a case's
    message): the lifecycle's "start", as /work (it was answered with the riders' welcome). Whether
    it was taken so; a rider's /start, or staff's naming no case, is the welcome."""
    parts = (command.args or "").split(maxsplit=1)
    named = parse_case_no(parts[0]) is not None if parts else await cases.replied_to(uow, incoming) is not None
    if not named or not await cases.is_staff(uow, user):
        return False
    await case_action(replace(command, command="work"), uow, incoming, user, lang, cases)
    return True


async def show_case(command: CommandCall, uow: UnitOfWork, incoming: IncomingMessage,
                    user: User, lang: str, cases: CaseService) -> None:
    parts, _ = await _case_first(uow, incoming, cases, command.args)
    if not parts:
        reply(uow, incoming, "case-usage", lang, command="case")
        return
    await _card(uow, incoming, user, lang, cases, parts[0].split()[0])


async def _case_first(uow: UnitOfWork, incoming: IncomingMessage, cases: CaseService,
                      args: str | None) -> tuple[list[str], int]:
    """A case command's words, its case number first, and how many words of what was typed that
    number took (`typed_rest`'s skip): as typed (`/assign C-1 住建局`); or, sent in a group as a reply
    to a case's message (the rider's report, the bot's news of it) without a number, that case's
    number before the words typed (`/accept`, `/assign 住建局`, `/note 已派人查看` replying to it).
    No words (the command's usage) when the first word, with no digit in it, is plainly no number:
    `/note 已派人查看` replying to nothing was refused '找不到工单“已派人查看”'."""
    parts = (args or "").split(maxsplit=1)
    if parts and parse_case_no(parts[0]) is not None:
        return parts, 1
    case = await cases.replied_to(uow, incoming)
    if case is None:
        return (parts if parts and any(ch.isdigit() for ch in parts[0]) else []), 1
    return [format_case_no(case.id or 0), *([(args or "").strip()] if parts else [])], 0


async def _card(uow: UnitOfWork, incoming: IncomingMessage, user: User, lang: str, cases: CaseService,
                number: str) -> None:
    # in scope, or reported in this group (its public card); any other reads as none
    case = await cases.find_to_show(uow, user, number, incoming.chat_id, incoming.is_private)
    actor = await cases.actor(uow, user, case)
    await cases.card(uow, case, incoming.chat_id, lang, actor,
                     reply_to=None if incoming.is_private else incoming.message_id, thread_id=incoming.thread_id)


def said_to_the_bot(incoming: IncomingMessage) -> bool:
    """Words the bot is asked: a private chat's, or a group's that name the bot; typed by the
    sender (not forwarded, not a caption, not a bot's)."""
    return ((incoming.is_private or incoming.addressed) and bool(incoming.text) and not incoming.is_caption
            and not incoming.forwarded and not incoming.bots_words and not incoming.as_group)


async def case_asked(incoming: IncomingMessage) -> dict[str, Asked] | None:
    """"C-1 怎么样了", "我的工单" said to the bot: a question (bot/services/asked.py)."""
    if not said_to_the_bot(incoming):
        return None
    found = await asked_about(incoming.text, progress=incoming.reply_to_id is None)
    return {"asked": found} if found is not None else None


async def case_question(uow: UnitOfWork, incoming: IncomingMessage, user: User, lang: str, asked: Asked,
                        cases: CaseService, reports: ReportService, points: PointsService,
                        checkins: CheckinService) -> None:
    """A case asked about by its number: its card, as /case shows it there; one's cases: /mycases;
    one's points ("我的积分", "my balance"): /me."""
    if asked.points:
        await me(uow, incoming, user, lang, points, checkins)
    elif asked.number is None:
        await my_cases(uow, incoming, user, lang, reports)
    else:
        await _card(uow, incoming, user, lang, cases, asked.number)


async def recat(command: CommandCall, uow: UnitOfWork, incoming: IncomingMessage,
                user: User, lang: str, cases: CaseService) -> None:
    """/recat C-000123 road [urgent]"""
    await cases.require_staff(uow, user, RECATEGORIZE)  # a rider's /recat: whose it is, whatever the number
    words = (command.args or "").split()
    if len(words) < 2:
        reply(uow, incoming, "recat-usage", lang)
        return
    case = await cases.find(uow, words[0])
    await cases.recategorize(uow, user, case, *split_labels(words[1:]), asked_in=incoming.chat_id)
    reply(uow, incoming, "recat-done", lang, number=format_case_no(case.id or 0),
          category=case.category, urgency=case.urgency)


async def list_cases(command: CommandCall, uow: UnitOfWork, incoming: IncomingMessage,
                     user: User, lang: str, reports: ReportService, cases: CaseService) -> None:
    if not await cases.is_staff(uow, user):  # a rider's list is their own cases: privately, as /mycases
        await my_cases(uow, incoming, user, lang, reports)
        return
    which = case_filter(command.args)
    if which is None:  # a word we do not know: say so and list the ones we do, never an empty list
        reply(uow, incoming, "cases-filter-unknown", lang, word=(command.args or "").strip()[:40])
        return
    await cases.send_list(uow, user, which, incoming.chat_id, lang,
                          reply_to=None if incoming.is_private else incoming.message_id,
                          group=None if incoming.is_private else incoming.chat_id)


async def board(uow: UnitOfWork, incoming: IncomingMessage, user: User, lang: str,
                cases: CaseService) -> None:
    if not await post_board(uow, cases, user, incoming.chat_id, incoming.is_private, lang,
                            None if incoming.is_private else incoming.message_id):
        reply(uow, incoming, "board-in-group", lang)


async def press_case_button(query: ButtonPress, uow: UnitOfWork, cases: CaseService, settings: Settings,
                            button: CaseAction | CaseConfirm) -> None:
    """An action on a case card; confirm or reopen on a resolution (reporter only)."""
    user, lang = await presser(uow, query, settings.default_lang)
    case_id, action = button.case_id, button.action
    if action not in ACTIONS:  # forged: no such action (the card's buttons only carry real ones)
        await answer(query, t(lang, "button-stale"))
        return
    if action in transfers.DECIDING and await _request_used_up(uow, cases, case_id, user, query.chat_id):
        await answer_stale(query, uow, cases, lang, case_id)  # who decided, not "not found" (issue 13 B3a)
        return
    if action in NEEDS_INPUT:  # ask for it: department buttons or a reply prompt
        await offer_for_press(query, uow, cases, user, lang, case_id, action)
        return
    try:
        case = await cases.find(uow, format_case_no(case_id))  # refusals name it as /case would
        await cases.act(uow, user, case, action, asked_in=query.chat_id)
    except CaseError as e:
        await stale_or_refused(query, uow, cases, lang, str(case_id), e)
        return
    # the rider's own ✅/❌ in their own chat reads "you", not their name
    mine = isinstance(button, CaseConfirm)  # the reporter's confirm/reopen, not a staff action
    own = mine and query.chat_id == user.id
    settle(uow, query, lang, "settled-case-self" if own else "settled-case", who=user.first_name or str(user.id),
           action=t(lang, f"case-action-{action}"))
    # the rider's own answer is thanked in their words, not a clerk's "done"
    await answer(query, t(lang, f"case-{action}-you" if mine else "case-done"))


async def _request_used_up(uow: UnitOfWork, cases: CaseService, case_id: int, user: User,
                           pressed_in: int | None) -> bool:
    """A transfer request this user was sent, pressed after it was decided (the case is no longer
    waiting to be taken over): the request message's buttons are out of date. Pressed in a group
    that does not hold the case (another branch's), never: it reads as none there."""
    try:
        case = await cases.find(uow, format_case_no(case_id))
        await cases.require_in_group(uow, user, case, pressed_in)
    except CaseError:
        return False
    return case.status != TRANSFERRED and await transfers.was_offered(uow, case_id, user.id or 0)


# The answers to "is this a report?" that decide it (not a refusal: another's press, a gone question).
UNSURE_DECIDED = frozenset({"unsure-reported", "unsure-dropped", "unsure-kept", "unsure-withdrawn"})


async def press_unsure(query: ButtonPress, uow: UnitOfWork, reports: ReportService, settings: Settings,
                       button: UnsureReport, albums: AlbumService) -> None:
    user, lang = await presser(uow, query, settings.default_lang)
    key = await reports.answer_unsure(uow, button.pending_id, user, button.yes)
    if key == "unsure-reported":  # the photos the rider sent alone just before are its photos
        await albums.claim_confirmed(uow, button.pending_id, user)
    if key in UNSURE_DECIDED:  # the question is answered: its buttons go, everyone sees the answer
        settle(uow, query, lang, "settled-by", who=user.first_name or str(user.id),
               what=t(lang, "unsure-yes" if button.yes else "unsure-no"))
    await answer(query, t(lang, key))


def register_questions(routes: ChatRoutes) -> None:
    """Before the report routes: a case asked about in words is a question, not a report."""
    routes.message(case_question, case_asked)


def register(routes: ChatRoutes) -> None:
    routes.command(case_action, *ACTION_COMMANDS)
    routes.command(show_case, "case")
    routes.command(list_cases, "cases")
    routes.command(recat, "recat")
    routes.command(board, "board")
    routes.button(press_case_button, CaseAction, CaseConfirm)
    routes.button(press_unsure, UnsureReport)
