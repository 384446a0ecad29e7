"""Department buttons and reply prompts for case actions (bot.services.case_choices): thin."""
from __future__ import annotations

from typing import Any

from bot.buttons import DepartmentChoice
from bot.cases import CaseError, format_case_no
from bot.cases.lifecycle import ERR_ILLEGAL, ERR_ILLEGAL_NEXT
from bot.config import Settings
from bot.domain import IncomingMessage
from bot.events import ButtonPress
from bot.i18n import t
from bot.services import case_choices as choices
from bot.services.cases import CaseService
from bot.outbox import reply
from handlers.chat import ChatRoutes
from handlers.presses import answer, pressed_card, presser, settle
from handlers.render import error_text
from storage.models import User
from storage.uow import UnitOfWork


async def offer_for_press(query: ButtonPress, uow: UnitOfWork, cases: CaseService, user: User, lang: str,
                          case_id: int, action: str) -> None:
    """A card's button whose action needs input: ask for it (in the presser's private chat when
    they have one with the bot, else where they pressed)."""
    chat_id = user.id if user.started or query.chat_id is None else query.chat_id
    reply_to = None if chat_id == user.id or query.chat_id is None else query.message_id
    case = await cases.find_in_scope(uow, user, str(case_id), query.chat_id)  # pressed in a group: its cases only
    await choices.offer(cases, uow, user, case, action, chat_id=chat_id, lang=lang, reply_to=reply_to)
    key = "choice-sent-departments" if action in choices.DEPARTMENT_ACTIONS else "choice-sent-prompt"
    await answer(query, t(lang, key))


async def press_choice(query: ButtonPress, uow: UnitOfWork, cases: CaseService, settings: Settings,
                       button: DepartmentChoice) -> None:
    """A department from a department choice (or its cancel button)."""
    user, lang = await presser(uow, query, settings.default_lang)
    case_id, action, department = choices.parse_choice(cases, button)
    at = pressed_card(query)
    if action is None:
        await choices.check_cancel(cases, uow, user, case_id, at)  # not a rider's to take away
        settle(uow, query, lang, "choice-cancelled", who=user.first_name or str(user.id))
        await answer(query, t(lang, "choice-cancelled", who=user.first_name or ""))
        return
    if department is None:  # the routing changed since the buttons were made
        await answer(query, t(lang, "choice-stale"), alert=True)
        return
    case = await cases.find_in_scope(uow, user, str(case_id), query.chat_id)
    if choices.is_stale(case, button):  # another dialog, card or command decided since it was offered
        await answer_stale(query, uow, cases, lang, case_id)
        return
    await cases.act(uow, user, case, action, department=department, pressed=at, asked_in=query.chat_id)
    name = cases.department_name(department, lang)
    settle(uow, query, lang, "choice-settled-department", who=user.first_name or str(user.id),
           action=t(lang, f"case-action-{action}"), department=name)
    await answer(query, t(lang, "case-done"))


async def answer_stale(query: ButtonPress, uow: UnitOfWork, cases: CaseService, lang: str, case_id: int) -> None:
    """Nothing changes: say who decided and what the case is now, and take this copy's buttons away."""
    last = await choices.last_decision(cases, uow, case_id)
    if last is None:
        await answer(query, t(lang, "choice-stale"), alert=True)
        return
    status = t(lang, f"case-status-{last['status']}")
    settle(uow, query, lang, "settled-stale", who=last["who"] or "—", status=status)
    await answer(query, t(lang, "case-stale", who=last["who"] or "—", at=last["at"], status=status), alert=True)


async def _prompt_reply(incoming: IncomingMessage, uow: UnitOfWork) -> dict[str, Any] | bool:
    """Filter: a reply to one of our case prompts put to this user; gives the handler `prompt`."""
    if not incoming.reply_to_bot or incoming.reply_to_id is None:
        return False
    if incoming.text.strip().startswith("/"):
        return False
    # a photo alone, a sticker or a voice note in reply to the prompt is an answer without words:
    # asked for them, not taken for a rider's report (a photo "to register a case", a voice case)
    prompt = await choices.prompt_answered(uow, incoming.sender.id, incoming.chat_id, incoming.reply_to_id)
    return {"prompt": prompt} if prompt else False


async def answer_prompt(uow: UnitOfWork, incoming: IncomingMessage, user: User, lang: str,
                        cases: CaseService, prompt: dict[str, Any]) -> None:
    action = prompt["action"]
    text = incoming.text.strip()
    case = await cases.find_in_scope(uow, user, str(prompt["case_id"]), incoming.chat_id)
    await cases.act(uow, user, case, action, photo=incoming.photo_file_id if action == "resolve" else None,
                    asked_in=incoming.chat_id, **choices.input_for(action, text))
    if incoming.chat_id != case.chat_id:  # the thread hears it there; tell the actor here
        reply(uow, incoming, "choice-prompt-done", lang, number=format_case_no(case.id or 0),
                      action=t(lang, f"case-action-{action}"))


def register(routes: ChatRoutes) -> None:
    """Goes before the report routes: a reply to a prompt is the answer, not a new report."""
    routes.message(answer_prompt, _prompt_reply)
    routes.button(press_choice, DepartmentChoice)


async def stale_or_refused(query: ButtonPress, uow: UnitOfWork, cases: CaseService, lang: str, case_id: str,
                           error: CaseError) -> None:
    """A refused press. When the case has moved on since the buttons were made (the action no
    longer fits its status), say who moved it and take the stale buttons away."""
    if error.key not in (ERR_ILLEGAL, ERR_ILLEGAL_NEXT) or not case_id.isdigit():
        await answer(query, error_text(lang, error.key, error.params), alert=True)
        return
    last = await choices.last_decision(cases, uow, int(case_id))
    if last is None:
        await answer(query, error_text(lang, error.key, error.params), alert=True)
        return
    status = t(lang, f"case-status-{last['status']}")
    settle(uow, query, lang, "settled-stale", who=last["who"] or "—", status=status)
    await answer(query, t(lang, "case-stale", who=last["who"] or "—", at=last["at"], status=status), alert=True)
