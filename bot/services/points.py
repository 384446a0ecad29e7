"""The participation points bank (积分银行): awards by rule, once per source key, on an
append-only ledger; a catalogue riders redeem points for; tiers; monthly leaderboards.

Money-like invariants, each held by the database rather than by luck:

* **Once per cause.** Every ledger line has a unique `source_key`; lines go in with
  INSERT … ON CONFLICT DO NOTHING, so a retried update, a double press or two
  concurrent units of work credit once.
* **Append-only.** A balance is the sum of the ledger, cached on `points_account`
  (with the count of lines, so `check` can prove the cache right). Mistakes are
  corrected by reversal lines, never by editing or deleting one.
* **Never below zero.** Every write to a rider's points first takes their account row
  (`SELECT … FOR UPDATE` on PostgreSQL; SQLite serialises writers), so checks and
  writes do not interleave; debits are conditional UPDATEs (`balance + delta >= 0`)
  and a CHECK constraint backs them. Stock is taken by `UPDATE … WHERE stock > 0`.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime, timedelta, tzinfo
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from sqlmodel import select

from bot.buttons import RedemptionVerdict, ShopRedeem, encode
from bot.ids import parse_id
from bot.refusals import Refused
from bot.domain import PRIORITY_CONVERSATION, Notice
from bot.i18n import normalize_lang
from bot.outbox import enqueue
from bot.points import (ADVANCED, BASIC, REDEEM, REFUND, SPARK, PointsConfig, Rule, load_points_config,
                        tier_rank)
from bot.points.catalogue import match_item
from bot.privacy import mask
from bot.wording import listed, unended
from bot.services.case_dialogs import settle_copies
from bot.services.people import BranchChoice, branch_names, rider_branch
from bot.services.privately import answered_privately
from storage.models import OutboxMessage, User, utcnow
from storage.models.points import PointsItem, Redemption
from storage.repositories.points import Account, PointsRepository

if TYPE_CHECKING:
    from storage.uow import UnitOfWork

log = logging.getLogger(__name__)

REVERSE_PREFIX = "reverse:"
SUPERADMIN, SECRETARY = "superadmin", "secretary"


PointsError = Refused  # the one refusal type (bot/refusals.py); this name is kept for one step


def redemption_no(redemption_id: int) -> str:
    return f"R{redemption_id}"


def parse_redemption_no(text: str | None) -> int | None:
    return parse_id((text or "").strip().lstrip("#"), prefix="R")


class PointsService:
    """Implements `bot.domain.Awarder`, and everything riders and secretaries do with points."""

    def __init__(self, config: PointsConfig | None = None, tz: tzinfo | None = None, *,
                 superadmins: frozenset[int] = frozenset(), default_lang: str = "zh",
                 clock: Callable[[], datetime] = utcnow) -> None:
        self.config = config or load_points_config()
        self.tz = tz or ZoneInfo("Asia/Shanghai")
        self.superadmins = superadmins
        self.default_lang = default_lang
        self.clock = clock

    @staticmethod
    def repo(uow: UnitOfWork) -> PointsRepository:
        return PointsRepository(uow.session, uow.deferred)

    # --- the Awarder port --------------------------------------------------------------
    async def award(self, uow: UnitOfWork, user_id: int, rule: str, source_key: str, *,
                    units: int = 1, branch_id: int | None = None, actor_id: int | None = None,
                    held: dict[int, Account] | None = None) -> int:
        """Points credited (0 when the key was already used, a cap is reached or the rule gives none).
        `held`: accounts this transaction has locked already (see `award_each`)."""
        spec = self._awardable(user_id, rule, source_key, units, actor_id)
        if spec is None:
            return 0
        return await self._credit(uow, user_id, rule, spec.points * units, spec.daily_cap, source_key,
                                  branch_id=branch_id, actor_id=actor_id, held=held)

    def _awardable(self, user_id: int, rule: str, source_key: str, units: int, actor_id: int | None) -> Rule | None:
        """The rule's spec when `award` may credit by it (a known rule, units within its limit, not
        a self-award it forbids); else None."""
        spec = self.config.rule(rule)
        if spec is None:
            log.warning("award by unknown rule %r (%s) ignored", rule, source_key)
            return None
        if units < 1 or (spec.max_units and units > spec.max_units):
            return None
        if actor_id is not None and actor_id == user_id and not spec.self_award:
            return None  # a secretary's own report, a grant to oneself
        return spec if spec.points > 0 else None

    async def award_each(self, uow: UnitOfWork, user_id: int, awards: Sequence[tuple[str, str, int | None]], *,
                         branch_id: int | None = None) -> int:
        """`award` of each (rule, source key, actor id) to `user_id` in turn; the points credited in
        all. The same lines, caps, balance and tier as one `award` after another; the rider's
        account is locked once, by the first that gets that far (locking it again in the same
        transaction changed nothing: it returned the row as the first credit left it).

        Capped awards of different rules (a case accepted and urgent, fixed and confirmed: each
        transition that earns anything) are credited together: their lines in one INSERT (each
        capped by its rule's lines before it, which the others are not), then one move of the
        balance counting them all, and the tier once after them (a promotion they make together
        is announced once, as the final tier). Three statements instead of five: a transition's
        cost is mostly per statement (issue 18). A repeated source key credits once (the first)."""
        batch: list[tuple[str, str, int | None, Rule]] = []
        keys: set[str] = set()
        for rule, source_key, actor_id in awards:
            spec = self._awardable(user_id, rule, source_key, 1, actor_id)
            if spec is not None and source_key not in keys:
                keys.add(source_key)
                batch.append((rule, source_key, actor_id, spec))
        if len(batch) > 1 and all(spec.daily_cap for *_x, spec in batch) and len({b[0] for b in batch}) == len(batch):
            return await self._credit_together(uow, user_id, batch, branch_id=branch_id)
        held: dict[int, Account] = {}
        total = 0
        for rule, source_key, actor_id in awards:
            total += await self.award(uow, user_id, rule, source_key, branch_id=branch_id, actor_id=actor_id,
                                      held=held)
        return total

    async def _credit(self, uow: UnitOfWork, user_id: int, rule: str, points: int, daily_cap: int,
                      source_key: str, *, branch_id: int | None, actor_id: int | None,
                      note: str | None = None, held: dict[int, Account] | None = None) -> int:
        """One credit under the rider's lock: once per key, within the day's cap. `held`: accounts
        locked earlier in this transaction, as they stand (this credit's tier is kept there)."""
        if points <= 0:
            return 0
        repo = self.repo(uow)
        account = held.get(user_id) if held is not None else None
        if account is None:
            account = await repo.lock_account(user_id)
        if held is not None:
            held[user_id] = account
        now = self.clock()
        # Three statements under the lock (nothing else credits this rider meanwhile): the line, its
        # points cut to what the day's cap leaves by the insert itself (none written when nothing is
        # left; a key already in the ledger is refused by it too: ON CONFLICT DO NOTHING); then the
        # balance, whose UPDATE returns what the tier needs, this line counted.
        if daily_cap:
            points = await repo.add_capped_entry(user_id=user_id, rule=rule, points=points, cap=daily_cap,
                                                 day_since=self._day_start(), source_key=source_key,
                                                 branch_id=branch_id, actor_id=actor_id, note=note, at=now)
            if points <= 0:
                return 0
        elif await repo.add_entry(user_id=user_id, rule=rule, points=points, source_key=source_key,
                                  branch_id=branch_id, actor_id=actor_id, note=note, at=now) is None:
            return 0
        window = now - timedelta(days=self.config.window_days)
        view = await repo.credit_move(user_id, points, window)
        earned, reports = view if view is not None else await repo.earned(user_id, window)
        tier = await self._set_tier(uow, repo, account, earned, reports)
        if held is not None:  # the row as stored now, for what `_credit` reads of it (the tier)
            held[user_id] = replace(account, tier=tier)
        return points

    async def _credit_together(self, uow: UnitOfWork, user_id: int, batch: Sequence[tuple[str, str, int | None, Rule]],
                               *, branch_id: int | None) -> int:
        """`_credit` of capped lines of different rules at once, under one lock (see `award_each`)."""
        repo = self.repo(uow)
        account = await repo.lock_account(user_id)
        now = self.clock()
        written = await repo.add_capped_entries(
            [{"user_id": user_id, "rule": rule, "points": spec.points, "cap": spec.daily_cap, "source_key": key,
              "branch_id": branch_id, "actor_id": actor_id} for rule, key, actor_id, spec in batch],
            day_since=self._day_start(), at=now)
        points = sum(written.values())
        if not written:
            return 0
        window = now - timedelta(days=self.config.window_days)
        view = await repo.credit_move(user_id, points, window, lines=len(written))
        earned, reports = view if view is not None else await repo.earned(user_id, window)
        await self._set_tier(uow, repo, account, earned, reports)
        return points

    async def reverse(self, uow: UnitOfWork, source_key: str, reason: str) -> int:
        """Cancels what `source_key` awarded with a reversal entry; the points taken back.

        What was already spent cannot be taken back (a balance never goes below zero):
        the reversal takes what is there and is recorded even when that is nothing, so
        the cause no longer counts toward tiers."""
        repo = self.repo(uow)
        original = await repo.entry(source_key)
        if original is None or original.points <= 0 or original.reverses_id is not None:
            return 0
        account = await repo.lock_account(original.user_id)
        take = min(original.points, account.balance)
        if await repo.add_entry(user_id=original.user_id, rule=original.rule, points=-take,
                                source_key=REVERSE_PREFIX + source_key, branch_id=original.branch_id,
                                note=reason[:500] if reason else None, reverses_id=original.id,
                                at=self.clock()) is None:
            return 0
        await repo.move(original.user_id, -take)
        await self._retier(uow, repo, account)
        return take

    # --- balances, tiers ---------------------------------------------------------------
    async def balance(self, uow: UnitOfWork, user_id: int) -> int:
        account = await self.repo(uow).account(user_id)
        return account.balance if account else 0

    async def standing(self, uow: UnitOfWork, user_id: int) -> dict[str, Any]:
        """Balance, tier, what was earned in the tier window, and what the next tier needs."""
        repo = self.repo(uow)
        account = await repo.account(user_id)
        earned, reports = await repo.earned(user_id, self.clock() - timedelta(days=self.config.window_days))
        tier = self.config.tier_for(earned, reports)
        nxt = {ADVANCED: SPARK, BASIC: ADVANCED}.get(tier)
        need: dict[str, Any] = {}
        if nxt:
            spec = next(t for t in self.config.tiers if t.code == nxt)
            need = {"tier": nxt, "points": max(0, spec.min_points - earned),
                    "reports": max(0, spec.min_reports - reports)}
        return {"balance": account.balance if account else 0, "tier": tier, "earned": earned,
                "reports": reports, "next": need, "hidden": bool(account and account.hide_name)}

    async def _retier(self, uow: UnitOfWork, repo: PointsRepository, account: Account) -> None:
        """Store the rider's tier after a change; a promotion is announced to them privately."""
        earned, reports = await repo.earned(account.user_id,
                                            self.clock() - timedelta(days=self.config.window_days))
        await self._set_tier(uow, repo, account, earned, reports)

    async def _set_tier(self, uow: UnitOfWork, repo: PointsRepository, account: Account, earned: int,
                        reports: int) -> str:
        """The tier for (points earned, reports accepted) in the window, stored and announced; returns it."""
        tier = self.config.tier_for(earned, reports)
        if tier == account.tier:
            return tier
        await repo.set_account(account.user_id, tier=tier)
        if tier_rank(tier) > tier_rank(account.tier):
            user = await uow.users.get(account.user_id)
            if user is not None and user.started:
                await self._notify_once(uow, Notice(
                    user.id, "points-promoted", self._lang(user), payload={"tier": tier, "points": earned},
                    priority=PRIORITY_CONVERSATION,
                    dedupe_key=f"points:tier:{user.id}:{tier}:{self._local(self.clock()):%Y%m%d}"))
        return tier

    async def check(self, uow: UnitOfWork, fix: bool = False) -> list[tuple[int, int, int]]:
        """The consistency check: (user, cached, ledger sum) for every cached balance that
        disagrees with its ledger; with `fix`, the cache is rebuilt from the ledger."""
        repo = self.repo(uow)
        found = await repo.mismatches()
        if fix:
            for user_id, _, _ in found:
                await repo.rebuild(user_id)
        return found

    # --- riders ---------------------------------------------------------------------
    async def me(self, uow: UnitOfWork, user: User, *, extra: list[Any] | None = None) -> dict[str, Any]:
        """What /me shows: standing, the latest lines, and other features' summary lines."""
        standing = await self.standing(uow, user.id)
        standing["recent"] = await self._lines(uow, user.id, 5)
        standing["extra"] = list(extra or [])
        return standing

    async def history(self, uow: UnitOfWork, user: User, limit: int = 20) -> dict[str, Any]:
        return {"balance": await self.balance(uow, user.id), "entries": await self._lines(uow, user.id, limit)}

    async def _lines(self, uow: UnitOfWork, user_id: int, limit: int) -> list[dict[str, Any]]:
        return [{"rule": e.rule, "points": e.points, "reversal": e.reverses_id is not None,
                 "date": self._local(e.created_at).strftime("%m-%d"), "note": mask(e.note) if e.note else ""}
                for e in await self.repo(uow).history(user_id, limit)
                if e.points != 0]  # a correction of points already spent took none: no line of theirs moved

    async def toggle_privacy(self, uow: UnitOfWork, user: User) -> bool:
        """Hide (or show again) the rider's name on leaderboards and in exports; the new state."""
        repo = self.repo(uow)
        account = await repo.lock_account(user.id)
        await repo.set_account(user.id, hide_name=not account.hide_name)
        return not account.hide_name

    # --- the catalogue --------------------------------------------------------------
    async def seed_catalogue(self, uow: UnitOfWork) -> None:
        """Items from config: new ones with their stock, known ones keep the stock they have."""
        repo = self.repo(uow)
        for spec in self.config.items.values():
            await repo.seed_item(spec.code, {"name_zh": spec.name_zh, "name_en": spec.name_en, "cost": spec.cost,
                                             "per_user": spec.per_user, "per_days": spec.per_days,
                                             "active": spec.active}, spec.stock)

    async def shop(self, uow: UnitOfWork, lang: str) -> dict[str, Any]:
        items = await self.repo(uow).items()
        return {"items": [{"code": i.code, "name": item_name(i, lang), "cost": i.cost, "stock": i.stock,
                           "per_user": i.per_user, "per_days": i.per_days} for i in items],
                # a label that is no catalogue key is shown as it is: the item's own name
                "buttons": [[(f"🎁 {item_name(i, lang)} · {i.cost}", encode(ShopRedeem(i.id or 0)))]
                            for i in items if i.stock > 0]}

    async def redeem(self, uow: UnitOfWork, user: User, item_ref: str | int, *, chat_id: int,
                     lang: str) -> Redemption:
        """Take one of the item and its cost at once (pending), or raise PointsError.

        The rider's account is locked first, so their balance and per-user limit are read
        and written without interleaving; stock is taken by a conditional UPDATE."""
        repo = self.repo(uow)
        chat = await uow.chats.get(chat_id)
        branch = await self.branch_of(uow, user, chat.branch_id if chat is not None else None)
        if branch.several:  # whose secretaries would hand it over is a guess: the rider says, in the group
            raise PointsError("points-which-branch", branches=await branch_names(uow, branch.known))
        item = await self._item(repo, item_ref, lang)
        assert item.id is not None  # _item gives only stored items
        account = await repo.lock_account(user.id)
        if account.balance < item.cost:
            raise PointsError("points-too-few", cost=item.cost, balance=account.balance, item=item_name(item, lang))
        if item.per_user:
            since = self.clock() - timedelta(days=item.per_days) if item.per_days else None
            if await repo.redemptions_of(user.id, item.id, since) >= item.per_user:
                raise PointsError("points-limit", item=item_name(item, lang), limit=item.per_user,
                                  days=item.per_days)
        if not await repo.take_stock(item.id):
            raise PointsError("points-out-of-stock", item=item_name(item, lang))
        redemption = await repo.add_redemption(Redemption(
            item_id=item.id, user_id=user.id, cost=item.cost, branch_id=branch.branch_id,
            chat_id=chat_id, lang=lang, created_at=self.clock()))
        assert redemption.id is not None
        await repo.add_entry(user_id=user.id, rule=REDEEM, points=-item.cost, source_key=f"redeem:{redemption.id}",
                             branch_id=redemption.branch_id, actor_id=user.id, note=item.code, at=self.clock())
        if not await repo.move(user.id, -item.cost):  # cannot happen under the lock: roll everything back
            raise RuntimeError(f"balance of {user.id} changed under its lock")
        await self._tell_staff(uow, redemption, item)
        return redemption

    async def _item(self, repo: PointsRepository, ref: str | int, lang: str) -> PointsItem:
        """The active item a /shop button (its id) or the words after /redeem name: a code, a name in
        either language, or a part of one name (bot.points.catalogue); the whole text first, then
        its first word (`/redeem meal 2`). Raises PointsError naming what it could not read, or
        the items a part of a name fits."""
        if not isinstance(ref, str):
            found = await repo.item(ref)
            if found is None or not found.active or found.id is None:
                raise PointsError("points-item-unknown", item=str(ref))
            return found
        items = [i for i in await repo.items() if i.id is not None]
        typed = ref.strip()
        tries = [typed] + ([typed.split()[0]] if len(typed.split()) > 1 else [])
        matches = [match_item(items, text) for text in tries]
        for m in matches:
            if isinstance(m.item, PointsItem):
                return m.item
        if several := matches[0].several:
            raise PointsError("points-item-several", item=typed[:32],
                              items=listed((f"{i.code}（{item_name(i, lang)}）" if lang == "zh" else f"{i.code} ({item_name(i, lang)})"
                                           for i in several if isinstance(i, PointsItem)), lang))
        raise PointsError("points-item-unknown", item=typed[:32])

    async def _tell_staff(self, uow: UnitOfWork, redemption: Redemption, item: PointsItem) -> None:
        """The branch's secretaries (and superadmins) get the request with two buttons."""
        ids = (set(self.superadmins) | set(await uow.users.staff_ids(redemption.branch_id))) - {redemption.user_id}
        rider = await uow.users.get(redemption.user_id)
        for staff in await uow.users.reachable(ids):
            lang = self._lang(staff)
            enqueue(uow, Notice(staff.id, "points-redeem-request", lang, priority=PRIORITY_CONVERSATION,
                                dedupe_key=f"points:redeem:{redemption.id}:{staff.id}",
                                payload={"number": redemption_no(redemption.id or 0),
                                         "who": rider.first_name if rider else str(redemption.user_id),
                                         "item": item_name(item, lang), "cost": redemption.cost,
                                         "buttons": [[("points-fulfil-button", encode(RedemptionVerdict(redemption.id or 0, True))),
                                                      ("points-refuse-button", encode(RedemptionVerdict(redemption.id or 0, False)))]]}))

    async def decide(self, uow: UnitOfWork, actor: User, number: str | int, fulfil: bool,
                     note: str | None, *, chat_id: int | None = None,
                     pressed: tuple[int, int] | None = None) -> Redemption:
        """A secretary fulfils a pending redemption (the rider hears the code or message) or
        refuses it (the points come back by a refund entry, the item back into stock).
        `chat_id`: where the secretary acted (None: their private chat). Every other copy of the
        request card loses its buttons, naming who decided what; `pressed` (chat, message): the
        copy whose button decided it, which the press itself settles."""
        if not (self.is_superadmin(actor) or self._secretary_branch(actor) is not None):
            raise PointsError("points-not-permitted")  # riders: before any lookup
        repo = self.repo(uow)
        rid = number if isinstance(number, int) else parse_redemption_no(number)
        redemption = await repo.redemption(rid) if rid is not None else None
        if redemption is None or redemption.id is None or not self.may_manage(actor, redemption.branch_id):
            shown = redemption_no(number) if isinstance(number, int) else str(number)[:32]  # a button's: R1
            raise PointsError("points-redemption-unknown", number=shown)  # another's reads as none
        if redemption.user_id == actor.id:  # nobody fulfils (or refunds) their own: another secretary does
            raise PointsError("points-redemption-own", number=redemption_no(redemption.id))
        note = (note or "").strip()[:500] or None
        if not await repo.decide(redemption.id, "fulfilled" if fulfil else "rejected", actor.id, note):
            await uow.session.refresh(redemption)
            decider = await uow.users.get(redemption.decided_by) if redemption.decided_by else None
            raise PointsError("points-redemption-decided", number=redemption_no(redemption.id),
                              who=decider.first_name if decider else "")
        item = await repo.item(redemption.item_id)
        if not fulfil:
            await repo.lock_account(redemption.user_id)
            if await repo.add_entry(user_id=redemption.user_id, rule=REFUND, points=redemption.cost,
                                    source_key=f"refund:{redemption.id}", branch_id=redemption.branch_id,
                                    actor_id=actor.id, note=note, at=self.clock()) is not None:
                await repo.move(redemption.user_id, redemption.cost)
                await repo.put_back(redemption.item_id)
        await settle_copies(uow, f"points:redeem:{redemption.id}:", f"points:redeemed:{redemption.id}:", pressed,
                            "settled-by", {"who": actor.first_name or str(actor.id),
                                           "what_key": "points-fulfil-button" if fulfil else "points-refuse-button"})
        rider = await uow.users.get(redemption.user_id)
        lang = self._lang(rider) if rider is not None else redemption.lang
        # privately when the bot can write to them; else where they asked, and in a group without the
        # note (a voucher code is the rider's alone), by name, pointing them to the secretary
        private = await answered_privately(uow, redemption.user_id, redemption.chat_id)
        kind = "points-fulfilled" if fulfil else "points-refused"
        enqueue(uow, Notice(redemption.user_id if private else redemption.chat_id,
                            kind if private else f"{kind}-group", lang,
                            priority=PRIORITY_CONVERSATION, dedupe_key=f"points:decided:{redemption.id}",
                            payload={"number": redemption_no(redemption.id),
                                     "item": item_name(item, lang) if item else "", "cost": redemption.cost,
                                     "note": (note or "") if private else "",
                                     "name": (rider.first_name if rider else "") or str(redemption.user_id)}))
        if note and not private:
            await self._tell_note_undelivered(uow, actor, redemption, item, fulfil,
                                              actor.id if chat_id is None else chat_id)
        return redemption

    async def _tell_note_undelivered(self, uow: UnitOfWork, actor: User, redemption: Redemption,
                                     item: PointsItem | None, fulfil: bool, chat_id: int) -> None:
        """The group heard the verdict without the secretary's note (a voucher code, a reason): the
        secretary learns that the rider has not got it and must hand it over themselves; privately
        when the bot may write to them, else where they acted. Nothing of the note is repeated."""
        lang = self._lang(actor)
        where = actor.id if await answered_privately(uow, actor.id, chat_id) else chat_id
        rider = await uow.users.get(redemption.user_id)
        enqueue(uow, Notice(where, "points-note-undelivered", lang, priority=PRIORITY_CONVERSATION,
                            dedupe_key=f"points:undelivered:{redemption.id}",
                            payload={"number": redemption_no(redemption.id or 0),
                                     "item": item_name(item, lang) if item else "",
                                     "name": (rider.first_name if rider else "") or str(redemption.user_id),
                                     "fulfilled": "yes" if fulfil else "no"}))

    async def pending(self, uow: UnitOfWork, actor: User, lang: str) -> dict[str, Any]:
        if not (self.is_superadmin(actor) or self._secretary_branch(actor) is not None):
            raise PointsError("points-not-permitted")
        repo = self.repo(uow)
        rows = await repo.pending(self._secretary_branch(actor), self.is_superadmin(actor))
        items = {i.id: i for i in await repo.items(active_only=False)}
        out = []
        for r in rows:
            rider = await uow.users.get(r.user_id)
            out.append({"number": redemption_no(r.id or 0), "who": rider.first_name if rider else str(r.user_id),
                        "item": item_name(items[r.item_id], lang) if r.item_id in items else "",
                        "cost": r.cost, "date": self._local(r.created_at).strftime("%m-%d %H:%M")})
        return {"items": out}

    # --- grants ---------------------------------------------------------------------
    async def grant(self, uow: UnitOfWork, actor: User, target: User, amount: int, reason: str, *,
                    source_key: str, group_id: int | None = None) -> int:
        """A secretary's manual grant to a rider of their branch; audited in the ledger
        (actor, reason, time) and told to the rider. Raises PointsError when refused.

        `group_id`: the group where the secretary answered the rider's message; its branch places
        the rider in that branch even before they earned anything there."""
        if not (self.is_superadmin(actor) or self._secretary_branch(actor) is not None):
            raise PointsError("points-not-permitted")
        chat = await uow.chats.get(group_id) if group_id is not None else None
        choice = await self.branch_of(uow, target, chat.branch_id if chat is not None else None)
        branch = choice.branch_id
        if not self.is_superadmin(actor):  # scope before state: another branch's rider is refused as
            mine = self._secretary_branch(actor)  # somebody nobody knows is, whatever the amount
            if mine not in choice.known:  # one of the secretary's riders, even if known elsewhere too
                raise PointsError("points-grant-other-branch")
            branch = mine
        spec = self.config.rules["manual"]
        reason = reason.strip()
        if not reason:
            raise PointsError("points-grant-usage")
        if amount < 1 or (spec.max_units and amount > spec.max_units):
            raise PointsError("points-grant-amount", max=spec.max_units)
        if target.id == actor.id:
            raise PointsError("points-grant-self")
        from bot.services.points_corrections import check_grant_cap  # the cap counts revoked grants out
        await check_grant_cap(self, uow, target.id, amount * spec.points)
        points = await self._credit(uow, target.id, "manual", amount * spec.points, 0, source_key,
                                    branch_id=branch, actor_id=actor.id, note=reason[:500])
        if not points:
            raise PointsError("points-grant-done")
        if target.started:
            enqueue(uow, Notice(target.id, "points-granted", self._lang(target), priority=PRIORITY_CONVERSATION,
                                payload={"points": points, "reason": unended(mask(reason)),
                                         "balance": await self.balance(uow, target.id)}))
        return points

    # --- leaderboards ---------------------------------------------------------------
    async def leaderboard(self, uow: UnitOfWork, now: datetime | None = None) -> int:
        """The monthly "best riders" post: last month's board in each branch's groups.

        Idempotent per branch, month and group (outbox dedupe keys), so a pass run twice,
        or late after downtime, posts each board once. Hidden riders are never named."""
        local = self._local(now or self.clock())
        first = local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
        start = (first - timedelta(days=1)).replace(day=1)
        month = f"{start:%Y-%m}"
        repo = self.repo(uow)
        for user_id, cached, ledger in await repo.mismatches():  # the monthly consistency check
            log.error("points balance of %s is %s but its ledger sums to %s", user_id, cached, ledger)
        posted = 0
        for branch_id, chats in (await repo.branch_groups()).items():
            rows = await repo.board(branch_id, start, first, self.config.leaderboard_size,
                                    self.config.leaderboard_min_points)
            if not rows:
                continue
            payload = {"month": month, "rows": [{"rank": i, "name": r.name, "points": r.points}
                                                 for i, r in enumerate(rows, 1)]}
            for chat_id in chats:
                if await self._notify_once(uow, Notice(chat_id, "points-leaderboard", self.default_lang,
                                                       payload=payload,
                                                       dedupe_key=f"leaderboard:{branch_id}:{month}:{chat_id}")):
                    posted += 1
        return posted

    # --- who ------------------------------------------------------------------------
    def is_superadmin(self, user: User) -> bool:
        return user.id in self.superadmins or user.role == SUPERADMIN

    def keeps_the_bank(self, user: User) -> bool:
        """Whether `user` grants, corrects and reads riders' ledgers (a superadmin or a secretary):
        who hears the usage of /points grant and ledger rather than their own history."""
        return self.is_superadmin(user) or user.role == "secretary"

    @staticmethod
    def _secretary_branch(user: User) -> int | None:
        return user.branch_id if user.role == SECRETARY else None

    def may_manage(self, actor: User, branch_id: int | None) -> bool:
        if self.is_superadmin(actor):
            return True
        mine = self._secretary_branch(actor)
        return mine is not None and mine == branch_id

    async def branch_of(self, uow: UnitOfWork, user: User, group_branch: int | None = None) -> BranchChoice:
        """The rider's branch by the one rule (bot/services/people.rider_branch): the branch of the
        group they act in, else a secretary's own, else the one branch the bot knows them in."""
        return await rider_branch(uow, user, group_branch)

    # --- helpers ---------------------------------------------------------------------
    def _local(self, when: datetime) -> datetime:
        return when.astimezone(self.tz)

    def _day_start(self) -> datetime:
        return self._local(self.clock()).replace(hour=0, minute=0, second=0, microsecond=0)

    def _lang(self, user: User) -> str:
        return user.lang or normalize_lang(user.language_code) or self.default_lang

    async def _notify_once(self, uow: UnitOfWork, notice: Notice) -> bool:
        """Queue `notice` unless its dedupe key is already in the outbox."""
        assert notice.dedupe_key is not None
        stmt = select(OutboxMessage.id).where(OutboxMessage.dedupe_key == notice.dedupe_key)
        if (await uow.session.exec(stmt)).first() is not None:
            return False
        enqueue(uow, notice)
        return True


def item_name(item: PointsItem | None, lang: str) -> str:
    if item is None:
        return ""
    return item.name_zh if lang == "zh" else item.name_en
