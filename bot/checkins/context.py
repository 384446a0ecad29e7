"""What every part of the check-in service shares: settings and clock, local time, who may act,
and how answers are sent (outbox notices in the caller's transaction)."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, tzinfo
from typing import TYPE_CHECKING, Any

from bot.checkins.errors import CheckinError
from bot.domain import PRIORITY_CONVERSATION, Awarder, IncomingMessage, Notice
from bot.i18n import normalize_lang
from bot.outbox import enqueue
from bot.services.case_dialogs import card_key, settle_copies
from bot.services.privately import answered_privately
from storage.models import User, utcnow
from storage.models.checkins import Activity

if TYPE_CHECKING:
    from storage.uow import UnitOfWork

SECRETARY, SUPERADMIN = "secretary", "superadmin"


class CheckinContext:
    def __init__(self, tz: tzinfo, superadmins: frozenset[int] = frozenset(), *,
                 awarder: Awarder | None = None,
                 clock: Callable[[], datetime] = utcnow, default_lang: str = "zh") -> None:
        self.tz = tz
        self.superadmins = superadmins
        self.awarder = awarder  # the points bank; None: no points (until it is wired)
        self.clock = clock
        self.default_lang = default_lang

    # --- time -------------------------------------------------------------------------------
    def today(self) -> date:
        return self.clock().astimezone(self.tz).date()

    def local(self, when: datetime, fmt: str = "%m-%d %H:%M") -> str:
        return when.astimezone(self.tz).strftime(fmt)

    def window(self, a: Activity) -> str:
        start, end = a.starts_at.astimezone(self.tz), a.ends_at.astimezone(self.tz)
        return f"{start:%m-%d %H:%M}–{end:%H:%M}" if start.date() == end.date() \
            else f"{start:%m-%d %H:%M}–{end:%m-%d %H:%M}"

    # --- who ------------------------------------------------------------------------------
    def is_superadmin(self, user: User) -> bool:
        return user.id in self.superadmins or user.role == SUPERADMIN

    def may_manage(self, user: User, branch_id: int | None) -> bool:
        return self.is_superadmin(user) or (
            user.role == SECRETARY and branch_id is not None and user.branch_id == branch_id)

    def is_staff(self, user: User) -> bool:
        """Who runs activities and decides requests: a branch's secretary, or a superadmin."""
        return self.is_superadmin(user) or (user.role == SECRETARY and user.branch_id is not None)

    def require_staff(self, user: User) -> None:
        """Refuses riders before any lookup, so what they are told never depends on what exists."""
        if not self.is_staff(user):
            raise CheckinError("checkin-err-staff-only")

    async def managed_activity(self, uow: UnitOfWork, user: User, code: str) -> Activity:
        """The activity `code` if `user` manages it; another branch's reads as an unknown code."""
        from bot.checkins.activities import find_activity  # activities imports this module

        self.require_staff(user)
        activity = await find_activity(uow, code)
        if not self.may_manage(user, activity.branch_id):
            raise CheckinError("checkin-err-unknown-code", code=(code or "").strip()[:16])
        return activity

    async def staff_branch(self, uow: UnitOfWork, user: User, msg: IncomingMessage,
                           code: str | None = None) -> int:
        """The branch a secretary (their own) or a superadmin (named, or this group's) acts for."""
        if user.role == SECRETARY and user.branch_id is not None and not self.is_superadmin(user):
            return user.branch_id
        if not self.is_superadmin(user):
            raise CheckinError("checkin-err-staff-only")
        if code:
            branch = await uow.branches.by_code(code)
            if branch is None or branch.id is None:
                raise CheckinError("checkin-err-branch-unknown", branch=code)
            return branch.id
        chat = await uow.chats.get(msg.chat_id)
        if chat is not None and chat.branch_id is not None:
            return chat.branch_id
        if user.branch_id is not None:
            return user.branch_id
        raise CheckinError("checkin-err-which-branch")

    def lang_of(self, user: User | None, fallback: str) -> str:
        if user is None:
            return fallback
        return user.lang or normalize_lang(user.language_code) or fallback

    # --- telling ----------------------------------------------------------------------------
    def tell(self, uow: UnitOfWork, chat_id: int, kind: str, lang: str, *, reply_to: int | None = None,
             dedupe_key: str | None = None, **payload: Any) -> None:
        enqueue(uow, Notice(chat_id, kind, lang, payload=payload, reply_to=reply_to,
                            priority=PRIORITY_CONVERSATION, dedupe_key=dedupe_key))

    def tell_card(self, uow: UnitOfWork, chat_id: int, kind: str, lang: str, request: str, **payload: Any) -> None:
        """A request's card with its buttons (`request`: `hours:<id>`, `reportin:<id>`), one copy of those
        `settle_card_copies` settles once it is decided."""
        self.tell(uow, chat_id, kind, lang, dedupe_key=card_key(f"{request}:card:", chat_id), **payload)

    @staticmethod
    async def settle_card_copies(uow: UnitOfWork, request: str, pressed: tuple[int, int] | None,
                                 key: str = "settled-by", **args: object) -> None:
        """A request settled (volunteer hours, a report-in): every copy of its card (`tell_card`'s: each
        secretary's, a list's) loses its buttons, with the line `key` (`args`; "settled-by": `who` and
        the deciding button's label `what_key`) under it (bot.services.case_dialogs.settle_copies, as a
        redemption's); `pressed`: the copy whose press settles it itself."""
        await settle_copies(uow, f"{request}:card:", f"{request}:settled:", pressed, key, args)

    async def tell_person(self, uow: UnitOfWork, user_id: int, chat_id: int, reply_to: int | None,
                          lang: str, kind: str, *, group_kind: str | None = None,
                          in_group: dict[str, Any] | None = None, **payload: Any) -> bool:
        """What they asked in `chat_id`, answered as every such answer is (`answered_privately`:
        privately, in their stored language, when asked there or the bot may write to them), else
        in the group, a reply to them there, as `group_kind` when given and with `in_group` over
        the payload (what is theirs alone, a balance, a reason, is not for the group to read).
        Returns whether it went privately (if not, the secretary's reason is theirs to tell)."""
        if await answered_privately(uow, user_id, chat_id):
            self.tell(uow, user_id, kind, self.lang_of(await uow.users.get(user_id), lang), **payload)
            return True
        self.tell(uow, chat_id, group_kind or kind, lang, reply_to=reply_to, **{**payload, **(in_group or {})})
        return False

    async def staff_to_tell(self, uow: UnitOfWork, branch_id: int, requester: int | None = None) -> list[User]:
        """Who decides a request of `requester`: the branch's secretaries, the requester aside (nobody
        decides their own); the superadmins when none of them is left reachable."""
        people = [p for p in await uow.checkins.secretaries(branch_id) if p.id != requester]
        if not people:
            ids = set(self.superadmins) | set(await uow.users.staff_ids(None))
            people = [p for p in await uow.users.reachable(ids) if p.id != requester]
        return people

    @staticmethod
    def refuse_own(actor: User, owner_id: int, key: str, row_id: int) -> None:
        """Nobody approves or rejects their own request (volunteer hours, a report-in): another
        secretary of the branch or a superadmin does. Checked after scope, before state."""
        if actor.id == owner_id:
            raise CheckinError(key, id=row_id)
