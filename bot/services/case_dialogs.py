"""Open department dialogs of a case, and when they go out of date.

A department choice (bot.services.case_choices) is offered for one state of its case: its
status, department, department asked to take it over, and master (`state_stamp`). Once any
path (another dialog, a card button, a typed command) moves the case to another state, every
other copy of the dialog is out of date (issue 13 B3): its buttons are taken away with a line
saying who decided and what the case is now, and a press that still arrives is answered the
same way (handlers.case_choices).
"""
from __future__ import annotations

import hashlib
import secrets

from bot.domain import PRIORITY_CONVERSATION, Notice
from bot.outbox import EDIT, EDIT_OF, enqueue
from storage.models import Case, OutboxMessage
from storage.uow import UnitOfWork

CHOICE_KIND = "case-choose-department"


STAMP_FIELDS = frozenset({"status", "department", "pending_department", "master_id"})  # what state_stamp reads


def state_stamp(case: Case) -> str:
    """4 hex digits naming what a department choice decides on. 16 bits: two states colliding
    lets a stale press through as before (1 in 65 536); nothing worse."""
    key = f"{case.status}|{case.department or ''}|{case.pending_department or ''}|{case.master_id or ''}"
    return hashlib.blake2s(key.encode(), digest_size=2).hexdigest()


async def settle_dialogs(uow: UnitOfWork, case: Case, who: str, status_key: str,
                         skip: tuple[int, int] | None = None, any_sent: bool | None = None) -> None:
    """Every sent department dialog of `case` loses its buttons: `who` decided, and the case is now
    `status_key` (a Fluent message key, shown in each dialog's language). `skip`: (chat id,
    message id) of the pressed copy, which its own press settles naming the choice. `any_sent`:
    False when this transaction already found that none was sent (CaseRepository.update's
    `sent_kind`): nothing to read then."""
    if any_sent is False:
        return
    rows = [row for row in await uow.outbox.sent_of_kind(CHOICE_KIND, case.id or 0)
            if skip is None or (row.chat_id, row.sent_message_id) != skip]
    await settle_sent(uow, rows, f"case:{case.id}:dialog-end:", "settled-stale",
                      {"who": who, "status_key": status_key})


async def settle_sent(uow: UnitOfWork, rows: list[OutboxMessage], prefix: str, key: str,
                      args: dict[str, object]) -> None:
    """Each sent message in `rows` loses its buttons, once: an edit re-rendering it from its row
    (`was`, so its text stays) with the line `key` (`args`) under it. `prefix`: the edits' dedupe
    key prefix; a row whose edit is already queued or sent is skipped. A row not sent yet is edited
    once it is (EDIT_OF its dedupe key: a chat's rows go in order)."""
    if not rows:  # the common case (no dialog was sent): no read of the keys either
        return
    done = await uow.outbox.keys_under(prefix)
    for row in rows:
        if f"{prefix}{row.id}" in done:
            continue
        enqueue(uow, Notice(row.chat_id, "settled", row.lang, priority=PRIORITY_CONVERSATION,
                            dedupe_key=f"{prefix}{row.id}",
                            payload={**({EDIT: row.sent_message_id} if row.sent_message_id is not None
                                        else {EDIT_OF: row.dedupe_key}), "html": "",
                                     "was": {"kind": row.kind, "payload": row.payload, "case_id": row.case_id},
                                     "key": key, "args": args}))


def card_key(prefix: str, chat_id: int) -> str:
    """A dedupe key under `prefix` for one copy of a request card sent to `chat_id`: unique, so a card
    sent again (a claim changed, a list asked for twice) is another copy, settled with the rest."""
    return f"{prefix}{chat_id}:{secrets.token_hex(4)}"


async def settle_copies(uow: UnitOfWork, card_prefix: str, done_prefix: str, pressed: tuple[int, int] | None,
                        key: str, args: dict[str, object]) -> None:
    """A request settled: every copy of its card, sent or still queued (dedupe keys under `card_prefix`, one per
    secretary and superadmin told, and any listed again) loses its buttons, with the line `key`
    (`args`) under it: who decided what ("settled-by": `who`, and `what_key`, the message key of the
    deciding button's label, shown in each reader's language), or how else it ended. `pressed`
    (chat, message): the copy whose button decided it, which the press itself settles. `done_prefix`:
    the settling edits' dedupe keys. Decided by command or on one copy, the others kept live buttons
    that only answered "already handled"."""
    rows = [r for r in await uow.outbox.sent_under(card_prefix, queued=True)
            if (r.chat_id, r.sent_message_id) != pressed]
    await settle_sent(uow, rows, done_prefix, key, args)
