"""Report-ins (报到): a party member records their home organisation and the branch where they work.

The branch's secretaries approve or reject it. Approving a new one marks an older approved one
`moved`. Which branch: the one rule (bot/services/people.rider_branch) — in the work group the
group's; in private the one branch the bot knows the rider in, or, known in several, the rider
picks one of them.

The home organisation is free text and can hold a home address or a phone number: it is shown
as written only in the rider's own private chat, masked (bot.privacy) in the group and on the
secretary's card.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bot.buttons import ReportInBranch, ReportInVerdict, encode
from bot.checkins.context import CheckinContext
from bot.checkins.errors import CheckinError
from bot.checkins.parsing import norm_text
from bot.domain import IncomingMessage
from bot.privacy import mask
from bot.services.people import rider_branch
from bot.services.privately import reachable, to_private
from bot.wording import listed
from bot.outbox import reply
from storage.models import User
from storage.models.checkins import ReportIn

if TYPE_CHECKING:
    from storage.uow import UnitOfWork


def _request(row: ReportIn) -> str:
    """The report-in as a request whose cards the secretaries get (CheckinContext.tell_card)."""
    return f"reportin:{row.id}"


class ReportIns:
    """/reportin, the branch choice, and the secretaries' list and verdicts."""

    def __init__(self, ctx: CheckinContext) -> None:
        self.ctx = ctx

    async def report_in(self, uow: UnitOfWork, msg: IncomingMessage, user: User, lang: str,
                        home_org: str) -> None:
        """/reportin <home organisation>: in the work group its branch; in private the rider's one
        branch, or (known in several) one is asked."""
        home = " ".join(norm_text(home_org).split())[:200]
        if not home:
            raise CheckinError("reportin-usage")
        if not msg.is_private:
            chat = await uow.chats.get(msg.chat_id)
            if chat is None or chat.branch_id is None:
                raise CheckinError("reportin-err-unbound")
            await self._submit(uow, user, lang, home, chat.branch_id, msg.chat_id, msg.message_id, None)
            return
        choice = await rider_branch(uow, user)  # the one rule: known in one branch, that one; several, ask
        if choice.branch_id is not None:
            await self._submit(uow, user, lang, home, choice.branch_id, msg.chat_id, msg.message_id, None)
            return
        if not choice.known:
            raise CheckinError("reportin-err-which-branch")
        row = next((r for r in await uow.checkins.report_ins_of(user.id)
                    if r.branch_id is None and r.status == "pending"), None)
        if row is None:
            row = await uow.checkins.add_report_in(ReportIn(
                user_id=user.id, home_org=home, chat_id=msg.chat_id, message_id=msg.message_id, lang=lang,
                created_at=self.ctx.clock()))
        else:
            row.home_org, row.lang = home, lang
        seen = [b for b in await uow.branches.all() if b.id in choice.known]
        buttons = [[(b.name, encode(ReportInBranch(row.id or 0, b.id or 0)))] for b in seen[:8]]
        reply(uow, msg, "reportin-choose-branch", lang, home=home, buttons=buttons)

    async def choose_branch(self, uow: UnitOfWork, user: User, lang: str, row_id: int, branch_id: int) -> str:
        """A button under "which branch?": returns the key for the press's answer."""
        row = await uow.checkins.report_in(row_id)
        if row is None or row.user_id != user.id:
            return "reportin-err-not-yours"
        if row.branch_id is not None or row.status != "pending":
            return "reportin-err-chosen"
        if branch_id not in (await rider_branch(uow, user)).known:
            return "reportin-err-not-found"  # only a branch the card offered (a forged one reads as none)
        await self._submit(uow, user, row.lang, row.home_org, branch_id, row.chat_id, row.message_id, row)
        return "reportin-chosen"

    async def _submit(self, uow: UnitOfWork, user: User, lang: str, home: str, branch_id: int,
                      chat_id: int, message_id: int | None, row: ReportIn | None) -> None:
        branch = await uow.checkins.branch(branch_id)
        name = branch.name if branch else ""
        reply_to = None if chat_id == user.id else message_id
        shown = home if chat_id == user.id else mask(home)  # a group reads it masked
        for r in await uow.checkins.report_ins_of(user.id):
            if r.branch_id != branch_id or r.status not in ("approved", "pending") or r is row:
                continue
            if row is not None:
                row.status = "dropped"  # the choice duplicated an existing report-in
            if r.status == "approved":
                self.ctx.tell(uow, chat_id, "reportin-already", lang, reply_to=reply_to, branch=name,
                           since=self.ctx.local(r.decided_at or r.created_at, "%Y-%m-%d"))
            else:
                changed, r.home_org = r.home_org != home, home
                self.ctx.tell(uow, chat_id, "reportin-updated", lang, reply_to=reply_to, branch=name, home=shown)
                if changed:  # the secretaries' card showed the old organisation: the one they decide on now
                    await self.ctx.settle_card_copies(uow, _request(r), None, "settled-superseded",
                                                      who=user.first_name or str(user.id))
                    await self._tell_staff(uow, user, r, name)
            return
        withdrawn = await self._withdraw_elsewhere(uow, user, branch_id)
        if row is None:
            row = await uow.checkins.add_report_in(ReportIn(
                user_id=user.id, home_org=home, branch_id=branch_id, chat_id=chat_id, message_id=message_id,
                lang=lang, created_at=self.ctx.clock()))
        else:
            row.branch_id = branch_id
        told = "no"
        if withdrawn:
            told = await self._tell_withdrawn(uow, user, lang, chat_id, withdrawn)
        self.ctx.tell(uow, chat_id, "reportin-submitted", lang, reply_to=reply_to, branch=name, home=shown,
                      withdrawn=listed(withdrawn, lang), has_withdrawn=told)
        await self._tell_staff(uow, user, row, name)

    async def _tell_withdrawn(self, uow: UnitOfWork, user: User, lang: str, chat_id: int,
                              withdrawn: list[str]) -> str:
        """How the receipt in `chat_id` speaks of the report-ins `withdrawn` elsewhere (its
        `has_withdrawn`): naming their branches in the rider's private chat ("yes"); a group reads
        nothing of another branch, so asked there the rider hears it privately ("no": a note of its
        own) or, the bot unable to write to them, the group's receipt says it unnamed ("unnamed")."""
        if chat_id == user.id:
            return "yes"
        if not await reachable(uow, user):
            return "unnamed"
        own = self.ctx.lang_of(user, lang)
        self.ctx.tell(uow, user.id, "reportin-withdrawn-elsewhere", own, withdrawn=listed(withdrawn, own))
        return "no"

    async def _withdraw_elsewhere(self, uow: UnitOfWork, user: User, branch_id: int) -> list[str]:
        """A party member reports in to the one branch where they work: a report-in to `branch_id`
        withdraws the one still waiting in another branch (its secretaries' cards lose their buttons
        and say so; a press that still arrives is told it was withdrawn), rather than leaving two
        branches to approve one rider, the later approval marking the first `moved`. The rider's
        receipt names it (returned: the branches' names, none when nothing waited). An approved report-in
        elsewhere stays until this one is approved, as before."""
        names = []
        for r in await uow.checkins.report_ins_of(user.id):
            if r.status != "pending" or r.branch_id is None or r.branch_id == branch_id:
                continue
            r.status, r.decided_at = "withdrawn", self.ctx.clock()
            await self.ctx.settle_card_copies(uow, _request(r), None, "reportin-withdrawn-card",
                                              who=user.first_name or str(user.id))
            branch = await uow.checkins.branch(r.branch_id)
            names.append(branch.name if branch else "")
        return [n for n in names if n]

    async def _tell_staff(self, uow: UnitOfWork, user: User, row: ReportIn, branch: str) -> None:
        """The branch's secretaries get the report-in's card, with its buttons."""
        for staff in await self.ctx.staff_to_tell(uow, row.branch_id or 0, requester=user.id):
            self.ctx.tell_card(uow, staff.id, "reportin-request", self.ctx.lang_of(staff, self.ctx.default_lang),
                               _request(row), **self._report_in_card(user, row, branch))

    def _report_in_card(self, user: User | None, row: ReportIn, branch: str) -> dict[str, Any]:
        return {"id": row.id, "name": (user.first_name if user else "") or str(row.user_id),
                "username": f" @{user.username}" if user and user.username else "",  # after the name
                "home": mask(row.home_org), "branch": branch, "at": self.ctx.local(row.created_at),
                "buttons": [[("reportin-approve", encode(ReportInVerdict(row.id or 0, True))),
                             ("reportin-reject", encode(ReportInVerdict(row.id or 0, False)))]]}

    async def list_report_ins(self, uow: UnitOfWork, msg: IncomingMessage, user: User, lang: str,
                              branch_code: str | None = None) -> None:
        """/reportins: the header here, then each pending one with its buttons (oldest first)."""
        branch_id = await self.ctx.staff_branch(uow, user, msg, branch_code)
        target = await to_private(uow, msg, user, lang)  # party members and their home organisations
        if target is None:
            return
        rows, total = await uow.checkins.pending_report_ins(branch_id)
        branch = await uow.checkins.branch(branch_id)
        reply(uow, target, "reportins-header", lang, count=total, shown=len(rows),
                   branch=branch.name if branch else "")
        for row in rows:
            self.ctx.tell_card(uow, target.chat_id, "reportin-request", lang, _request(row),
                               **self._report_in_card(await uow.users.get(row.user_id), row, branch.name if branch else ""))

    async def decide_report_in(self, uow: UnitOfWork, actor: User, row_id: int, approve: bool,
                               reason: str | None = None,
                               pressed: tuple[int, int] | None = None) -> tuple[str, dict[str, Any]]:
        """Approve or reject; returns (key, args) for the secretary. Raises CheckinError if refused.
        Every copy of its card but the one `pressed` (chat, message; the press settles it) loses its
        buttons, naming who decided."""
        self.ctx.require_staff(actor)
        row = await uow.checkins.report_in(row_id)
        if row is None or row.branch_id is None or not self.ctx.may_manage(actor, row.branch_id):
            raise CheckinError("reportin-err-not-found", id=row_id)  # another branch's reads as none
        self.ctx.refuse_own(actor, row.user_id, "reportin-err-own", row_id)
        if row.status != "pending":
            decider = await uow.users.get(row.decided_by) if row.decided_by else None
            raise CheckinError("reportin-err-decided", id=row_id, status=row.status,
                               who=decider.first_name if decider else "")
        now = self.ctx.clock()
        row.status, row.decided_by, row.decided_at = ("approved" if approve else "rejected"), actor.id, now
        row.reason = (reason or "").strip()[:300] or None
        if approve:
            for other in await uow.checkins.report_ins_of(row.user_id):
                if other.id != row.id and other.status == "approved":
                    other.status = "moved"
        await self.ctx.settle_card_copies(uow, _request(row), pressed, who=actor.first_name or str(actor.id),
                                          what_key="reportin-approve" if approve else "reportin-reject")
        branch = await uow.checkins.branch(row.branch_id)
        name = branch.name if branch else ""
        person = await uow.users.get(row.user_id)
        who = (person.first_name if person else "") or str(row.user_id)
        # in a group, the home organisation masked; a rejection names them and keeps the reason
        # for the secretary to give
        private = await self.ctx.tell_person(uow, row.user_id, row.chat_id, row.message_id, row.lang,
                                             "reportin-approved" if approve else "reportin-rejected",
                                             group_kind=None if approve else "reportin-rejected-group",
                                             in_group={"home": mask(row.home_org), "reason": "", "has_reason": "no"},
                                             name=who, branch=name, home=row.home_org,
                                             reason=row.reason or "", has_reason="yes" if row.reason else "no")
        return ("reportin-decided-approved" if approve else "reportin-decided-rejected",
                {"name": who, "branch": name,
                 "undelivered": "no" if private or not row.reason else "yes"})  # the reason: theirs to tell
