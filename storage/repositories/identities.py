"""Platform identities and /link codes: find or record an external id's number, resolve numbers
back to ids, and move one person's rows onto another when two identities become one person
(bot/services/identities.py says which way and why)."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime

from sqlalchemy import and_, delete, exists, func, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import SQLModel, col, select

from storage.models import User, utcnow
from storage.models.identities import Identity, LinkCode
from storage.models.points import PointsAccount
from storage.repositories.base import Repository

# Every column that names a person, and the columns that make a row unique together with it: a
# row of the person merged away that would duplicate one of the survivor's (the same lesson done
# on both platforms, the same case watched twice) is the same fact known twice and goes; the rest
# are re-pointed. Actor columns (who granted, who decided) move too: history then names the person.
# The role audit (audit_log) is append-only and stays as written; the link itself is audited.
# points_account (one row per person, a balance) is summed separately; users is merged by the service.
PERSON_COLUMNS: tuple[tuple[str, str, tuple[str, ...] | None], ...] = (
    ("cases", "reporter_id", None),
    ("case_event", "actor_id", None),
    ("case_watcher", "user_id", ("case_id",)),
    ("pending_report", "user_id", None),
    ("correction", "actor_id", None),
    ("department_member", "user_id", ("department", "branch_id")),
    ("department_member", "granted_by", None),
    ("points_entry", "user_id", None),
    ("points_entry", "actor_id", None),
    ("points_redemption", "user_id", None),
    ("points_redemption", "decided_by", None),
    ("activity", "created_by", None),
    ("activity_checkin", "user_id", ("activity_id",)),
    ("checkin_pending", "user_id", ("chat_id",)),
    ("report_in", "user_id", None),
    ("report_in", "decided_by", None),
    ("volunteer_hours", "user_id", ("activity_id",)),
    ("volunteer_hours", "decided_by", None),
    ("lesson_schedule", "updated_by", None),
    ("lesson_completion", "user_id", ("lesson_id",)),
    ("lesson_quiz_answer", "user_id", ("lesson_id",)),
    ("broadcast", "author_id", None),
    ("survey", "author_id", None),
    ("survey_answer", "user_id", ("survey_id",)),
    ("proposal", "author_id", None),
    ("proposal_support", "user_id", ("proposal_id",)),
    ("proposal_comment", "user_id", None),
    ("proposal_vote", "user_id", ("proposal_id",)),
    ("voice_report", "decided_by", None),
    ("web_token", "user_id", None),
)


class IdentityRepository(Repository):
    async def find(self, platform: str, kind: str, external_id: str) -> Identity | None:
        stmt = select(Identity).where(Identity.platform == platform, Identity.kind == kind,
                                      Identity.external_id == external_id)
        return (await self.session.exec(stmt)).first()

    async def by_number(self, platform: str, number: int) -> Identity | None:
        """The identity a number was given to; for a positive number not given to any, the user
        identity on `platform` linked to that person (their private chat, addressed by person id)."""
        row = (await self.session.exec(select(Identity).where(Identity.number == number))).first()
        if row is not None:
            return row if row.platform == platform else None
        stmt = select(Identity).where(Identity.platform == platform, Identity.kind == "user",
                                      Identity.user_id == number)
        return (await self.session.exec(stmt)).first()

    async def of_person(self, user_id: int) -> list[Identity]:
        return list((await self.session.exec(select(Identity).where(Identity.user_id == user_id))).all())

    async def record(self, platform: str, kind: str, external_id: str, candidates: Iterable[int]) -> Identity:
        """The identity of `external_id`, recorded with the first of `candidates` no other identity
        holds. Another process recording the same id at the same moment wins harmlessly: its row
        is read back. `candidates` must not run out (a salted hash sequence does not)."""
        found = await self.find(platform, kind, external_id)
        if found is not None:
            return found
        for number in candidates:
            if (await self.session.exec(select(Identity.id).where(Identity.number == number))).first():
                continue  # a collision: the next candidate
            row = Identity(platform=platform, kind=kind, external_id=external_id, number=number,
                           user_id=number if kind == "user" else None)
            try:
                async with self.session.begin_nested():
                    self.session.add(row)
            except IntegrityError:
                again = await self.find(platform, kind, external_id)
                if again is not None:
                    return again
                continue  # the number went to another id meanwhile
            return row
        raise LookupError("no number left")  # pragma: no cover - candidates are unbounded

    # -- link codes ----------------------------------------------------------
    async def add_code(self, code_hash: str, platform: str, external_id: str, user_id: int,
                       now: datetime, expires_at: datetime) -> None:
        """A new code; the identity's earlier unused codes stop working (only the newest holds)."""
        await self.rows(delete(LinkCode).where(col(LinkCode.platform) == platform,
                                               col(LinkCode.external_id) == external_id,
                                               col(LinkCode.used_at).is_(None)))
        self.session.add(LinkCode(code_hash=code_hash, platform=platform, external_id=external_id,
                                  user_id=user_id, created_at=now, expires_at=expires_at))

    async def code(self, code_hash: str) -> LinkCode | None:
        return (await self.session.exec(select(LinkCode).where(LinkCode.code_hash == code_hash))).first()

    async def use_code(self, code_hash: str, now: datetime) -> bool:
        """Marks the code used; False when another use got there first (single use under races)."""
        stmt = (update(LinkCode).where(col(LinkCode.code_hash) == code_hash, col(LinkCode.used_at).is_(None))
                .values(used_at=now))
        result = await self.rows(stmt)
        return int(getattr(result, "rowcount", 0) or 0) == 1

    # -- one person ----------------------------------------------------------
    async def move_person(self, source: int, target: int, *,
                          better_tier: Callable[[str, str], str] | None = None) -> dict[str, int]:
        """Every row naming `source` now names `target` (duplicates of the target's rows dropped);
        the points balances are added up, the tier is `better_tier` of the two. Returns the rows
        moved per table.column (for the audit)."""
        tables = SQLModel.metadata.tables
        moved: dict[str, int] = {}
        await self.session.flush()
        for name, column, unique_with in PERSON_COLUMNS:
            table = tables[name]
            person = table.c[column]
            if unique_with:
                other = table.alias("survivor")
                same: list[ColumnElement[bool]] = [other.c[column] == target]
                for key in unique_with:
                    same.append(or_null_equal(other.c[key], table.c[key]))
                await self.rows(delete(table).where(person == source, exists().where(and_(*same))))
            result = await self.rows(update(table).where(person == source).values({column: target}))
            count = int(getattr(result, "rowcount", 0) or 0)
            if count:
                moved[f"{name}.{column}"] = count
        await self._merge_account(source, target, better_tier)
        return moved

    async def _merge_account(self, source: int, target: int,
                             better_tier: Callable[[str, str], str] | None) -> None:
        gone = await self.session.get(PointsAccount, source)
        if gone is None:
            return
        kept = await self.session.get(PointsAccount, target)
        if kept is None:
            kept = PointsAccount(user_id=target, tier=gone.tier)
            self.session.add(kept)
        if better_tier is not None:
            kept.tier = better_tier(kept.tier, gone.tier)
        kept.balance += gone.balance
        kept.entries += gone.entries
        kept.hide_name = kept.hide_name or gone.hide_name
        kept.updated_at = utcnow()
        await self.session.delete(gone)
        await self.session.flush()

    async def user(self, user_id: int) -> User | None:
        return await self.session.get(User, user_id)

    async def count(self) -> int:
        return int((await self.session.exec(select(func.count()).select_from(Identity))).one())


def or_null_equal(a: ColumnElement[object], b: ColumnElement[object]) -> ColumnElement[bool]:
    """a = b, NULL equal to NULL (a membership in every branch has branch_id NULL)."""
    return a.is_not_distinct_from(b)
