"""Buttons that ask instead of telling people to type commands.

A case action that needs a department (assign, transfer, accept into another department)
opens a choice: one button per department, by its display name. An action that needs a
note or reason (progress note, resolve, reject, decline, cannot fix, duplicate of) asks for
it with a reply prompt; the reply to that prompt is the note.

Nothing is held in memory: a department button carries the case, the action and the
department; a prompt is an outbox row (kind `case-prompt`) whose payload names the case,
the action and who was asked, found again from the replied-to message id, so a restart
between the question and the answer loses nothing.
"""
from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any

from bot.buttons import DEPARTMENT_CODES, DepartmentChoice, encode
from bot.cases.departments import department_from_token, department_token
from bot.cases.lifecycle import (DEPARTMENT_MEMBER, SECRETARY, SUPERADMIN, TARGET_DEPARTMENT_MEMBER,
                                  NotPermitted, check)
from bot.domain import PRIORITY_CONVERSATION, Notice
from bot.outbox import enqueue
from bot.services.case_dialogs import CHOICE_KIND, state_stamp
from bot.services.cases import CaseService, snapshot
from storage.models import utcnow

if TYPE_CHECKING:
    from storage.models import Case, User
    from storage.uow import UnitOfWork

DEPARTMENT_ACTIONS = DEPARTMENT_CODES  # the actions that ask for a department (-> their code on a button)
PROMPT_ACTIONS = ("note", "resolve", "reject", "transfer_decline", "cannot_fix", "mark_duplicate")
PROMPT_KIND = "case-prompt"
PROMPT_TTL = timedelta(days=2)  # an older prompt's reply is an ordinary message


async def offer(cases: CaseService, uow: UnitOfWork, user: User, case: Case, action: str, *, chat_id: int,
                lang: str, reply_to: int | None = None, thread_id: int | None = None,
                asked_in: int | None = None) -> None:
    """Ask `user` for what `action` needs: department buttons or a reply prompt. Refused (as the
    action itself would be) when the user may not take it now, so nobody is asked in vain; a case
    out of their scope reads as one nobody reported (scope before state, as in CaseService.act).
    Asked in a forum topic (`thread_id`), the question is put there, not in the case's topic. Asked in
    a group (`asked_in`: the chat of the command or button) that does not hold the case (another
    branch's), it reads as none there (CaseService.acting)."""
    here = {"thread_id": thread_id} if thread_id is not None else {}
    actor = await cases.acting(uow, user, case, action, asked_in)
    check(snapshot(case), action, actor)  # "already resolved" is not "you may not"
    if action in DEPARTMENT_ACTIONS:
        skip = {case.department} if action == "transfer_request" else set()
        names = [(cases.department_name(code, lang),
                  encode(DepartmentChoice(case.id or 0, action, department_token(cases.routing, code),
                                          state_stamp(case))))
                 for code in cases.routing.departments if code not in skip]
        rows: list[list[tuple[str, str]]] = [names[i:i + 2] for i in range(0, len(names), 2)]
        rows.append([("choice-cancel", encode(DepartmentChoice(case.id or 0, None)))])
        enqueue(uow, Notice(chat_id, CHOICE_KIND, lang, payload={"action": action, "buttons": rows, **here},
                            reply_to=reply_to, priority=PRIORITY_CONVERSATION, case=case))
        return
    enqueue(uow, Notice(chat_id, PROMPT_KIND, lang, reply_to=reply_to, priority=PRIORITY_CONVERSATION, case=case,
                        payload={"action": action, "force_reply": True, **here,
                                 "prompt": {"case_id": case.id, "action": action, "user_id": user.id}}))


STAFF_ROLES = frozenset({DEPARTMENT_MEMBER, TARGET_DEPARTMENT_MEMBER, SECRETARY, SUPERADMIN})


async def check_cancel(cases: CaseService, uow: UnitOfWork, user: User, case_id: int,
                       at: tuple[int, int] | None) -> None:
    """A department choice's ✖ takes it away for everyone who sees it: only the case's staff
    (its branch's secretary, a superadmin, its department's members) may press it. Anyone else is
    refused as a department button would refuse them: a case out of their scope reads as one
    nobody reported; the reporter or a rider who sees it may not. `at`: (chat id, message id) of
    the dialog, whose action names the refusal."""
    case = await cases.find_in_scope(uow, user, str(case_id), at[0] if at else None)
    if (await cases.actor(uow, user, case)).roles & STAFF_ROLES:
        return
    row = await uow.outbox.prompt_for(at[0], at[1], CHOICE_KIND, utcnow() - PROMPT_TTL) if at else None
    raise NotPermitted(status=case.status, action=str((row.payload or {}).get("action") or "") if row else "")


def is_stale(case: Case, button: DepartmentChoice) -> bool:
    """True when `button` was offered for another state of `case` than its present one."""
    return bool(button.state) and button.state != state_stamp(case)


def parse_choice(cases: CaseService, button: DepartmentChoice) -> tuple[int, str | None, str | None]:
    """A pressed department → (case id, action or None for cancel, department code or None when the
    routing changed since the buttons were made)."""
    if button.action is None:
        return button.case_id, None, None
    return button.case_id, button.action, department_from_token(cases.routing, button.token)


async def prompt_answered(uow: UnitOfWork, user_id: int, chat_id: int, replied_to: int) -> dict[str, Any] | None:
    """The prompt `replied_to` was, if it was one of ours put to this user: {case_id, action}."""
    row = await uow.outbox.prompt_for(chat_id, replied_to, PROMPT_KIND, utcnow() - PROMPT_TTL)
    prompt = (row.payload or {}).get("prompt") if row is not None else None
    if not prompt or prompt.get("user_id") != user_id:
        return None
    return {"case_id": int(prompt["case_id"]), "action": str(prompt["action"])}


def input_for(action: str, text: str) -> dict[str, str]:
    """What the reply means for the action: the master case's number, or the note (nothing for a
    reply without words: a photo alone, a sticker; the action then asks for what is missing)."""
    if not text.split():
        return {}
    return {"master": text.split()[0]} if action == "mark_duplicate" else {"note": text}


async def last_decision(cases: CaseService, uow: UnitOfWork, case_id: int) -> dict[str, Any] | None:
    """Who last moved the case, and to what: for a press on a button that is out of date."""
    events = [e for e in await uow.cases.events(case_id)
              if e.to_status != e.from_status or e.kind not in ("noted", "recategorized")]
    if not events:
        return None
    last = events[-1]
    actor = await uow.users.get(last.actor_id) if last.actor_id else None
    return {"kind": last.kind, "status": last.to_status or "", "at": cases.local(last.created_at),
            "who": (actor.first_name or str(actor.id)) if actor else ""}
