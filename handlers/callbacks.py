"""Button presses: who pressed, in which language, and the answer only they see."""
from __future__ import annotations

import contextlib

from aiogram.exceptions import TelegramAPIError
from aiogram.types import CallbackQuery, Message

from bot.domain import PRIORITY_CONVERSATION, Notice
from bot.wording import sentences
from bot.outbox import EDIT, enqueue
from bot.i18n import normalize_lang, t
from bot.services.people import register_person
from handlers.telegram_aiogram.convert import person
from handlers.render import TAGS
from storage.models import User
from storage.uow import UnitOfWork

MAX_ANSWER = 200  # Telegram shows at most 200 characters in a callback answer


async def presser(uow: UnitOfWork, query: CallbackQuery, default: str) -> tuple[User, str]:
    user = await register_person(uow, person(query.from_user))
    return user, user.lang or normalize_lang(query.from_user.language_code) or default


async def answer(query: CallbackQuery, text: str, alert: bool = False) -> None:
    """Plain text (answers take no markup), once the update's unit of work has committed and its
    after-commit effects are done: "已取消" is said only when it is true, and a press whose
    transaction rolls back is not answered as if it had worked. A late or repeated answer is
    refused by Telegram and must not undo the action already committed."""
    async def now() -> None:
        with contextlib.suppress(TelegramAPIError):
            await query.answer(TAGS.sub("", text)[:MAX_ANSWER], show_alert=alert)
    uow = UnitOfWork.current()
    if uow is None:
        await now()
    else:
        uow.after_commit(now)


def settle(uow: UnitOfWork, query: CallbackQuery, lang: str, key: str, **args: object) -> None:
    """The pressed message's buttons are used up: queue an edit (through the outbox, like any
    send) that removes them and says, in one line under the text, what was decided and by whom."""
    msg = query.message
    if not isinstance(msg, Message):  # too old for the Bot API to show: nothing to edit
        return
    body = msg.html_text if (msg.text or msg.caption) else ""
    enqueue(uow, Notice(msg.chat.id, "settled", lang, priority=PRIORITY_CONVERSATION,
                        payload={EDIT: msg.message_id, "html": body, "caption": msg.caption is not None,
                                 "key": key, "args": dict(args)}))


def already_decided(uow: UnitOfWork, query: CallbackQuery, lang: str, text: str, params: dict[str, object],
                    key: str) -> str:
    """A press on something another secretary already decided: name them, and take the stale
    buttons off this copy. Other refusals pass through unchanged."""
    if not key.endswith("-decided"):
        return text
    who = str(params.get("who") or "")
    settle(uow, query, lang, "settled-stale-by", who=who or "—")
    return sentences(lang, text, t(lang, "decided-by", who=who)) if who else text
