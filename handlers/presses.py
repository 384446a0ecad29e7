"""Button presses, for every platform: who pressed, in which language, the answer only they see,
and settling the pressed message (its buttons go, one line says what was decided and by whom).

The answer is an effect the adapter renders (`ButtonPress.answer_with`), run once the press's
unit of work has committed; settling is an edit queued in the outbox like any send.
"""
from __future__ import annotations

import contextlib
import logging

from bot.domain import PRIORITY_CONVERSATION, Notice
from bot.events import ButtonPress
from bot.i18n import t
from bot.outbox import EDIT, enqueue
from bot.services.people import register_person, reply_lang
from bot.wording import sentences
from handlers.render import TAGS
from storage.models import User
from storage.uow import UnitOfWork

log = logging.getLogger(__name__)


async def presser(uow: UnitOfWork, press: ButtonPress, default: str) -> tuple[User, str]:
    """The presser, recorded, and their language: a press says none of its own words (reply_lang)."""
    user = await register_person(uow, press.sender)
    return user, reply_lang(user, press.sender.language_code, "", default)


async def answer(press: ButtonPress, text: str, alert: bool = False) -> None:
    """Plain text (answers take no markup), once the update's unit of work has committed and its
    after-commit effects are done: "已取消" is said only when it is true, and a press whose
    transaction rolls back is not answered as if it had worked. A late or repeated answer may be
    refused by the platform and must not undo the action already committed."""
    answerer = press.answer_with
    if answerer is None:
        return
    plain = TAGS.sub("", text)

    async def now() -> None:
        with contextlib.suppress(Exception):
            await answerer(plain, alert)
    uow = UnitOfWork.current()
    if uow is None:
        await now()
    else:
        uow.after_commit(now)


def pressed_card(press: ButtonPress) -> tuple[int, int] | None:
    """(chat, message) of the pressed copy of a request card, which `settle` settles: the service
    settles every other copy (bot.services.case_dialogs.settle_copies)."""
    return (press.chat_id, press.message_id) if press.chat_id is not None and press.message_id is not None else None


def settle(uow: UnitOfWork, press: ButtonPress, lang: str, key: str, **args: object) -> None:
    """The pressed message's buttons are used up: queue an edit (through the outbox, like any
    send) that removes them and says, in one line under the text, what was decided and by whom."""
    if press.chat_id is None or press.message_id is None or not press.editable:  # too old for the platform to show
        return
    enqueue(uow, Notice(press.chat_id, "settled", lang, priority=PRIORITY_CONVERSATION,
                        payload={EDIT: press.message_id, "html": press.carrier_markup,
                                 "caption": press.carrier_is_caption, "key": key, "args": dict(args)}))


def already_decided(uow: UnitOfWork, press: ButtonPress, lang: str, text: str, params: dict[str, object],
                    key: str) -> str:
    """A press on something another secretary already decided: name them, and take the stale
    buttons off this copy. Other refusals pass through unchanged."""
    if not key.endswith("-decided"):
        return text
    who = str(params.get("who") or "")
    settle(uow, press, lang, "settled-stale-by", who=who or "—")
    return sentences(lang, text, t(lang, "decided-by", who=who)) if who else text
