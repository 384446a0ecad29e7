"""One person across platforms (bot/services/identities.py): /link's code joins a WeCom identity to
a Telegram one; points, cases and roles follow; the merge is audited; codes are single use, expire,
and cannot link two identities of one platform. SQLite and PostgreSQL (the `uows` fixture)."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from sqlmodel import col, select

from bot.refusals import Refused
from bot.services.identities import CODE_TTL, LinkService, code_hash
from handlers.wecom.ids import IdBook, StoredIds, is_wecom_number, user_number
from storage.models import Branch, Case, CaseWatcher, DepartmentMember, User
from storage.models.audit import AuditEntry
from storage.models.identities import Identity, LinkCode
from storage.models.lessons import LessonCompletion
from storage.models.points import PointsAccount, PointsEntry
from storage.repositories.identities import PERSON_COLUMNS
from tests.service.conftest import Factory

TG = 5_000_001  # a Telegram user id (the core's id as it is)


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 30, 9, 0, tzinfo=timezone.utc)

    def __call__(self) -> datetime:
        return self.now


def _case(case_id: int, reporter: int, chat: int) -> Case:
    return Case(id=case_id, category="lighting", urgency="normal", text="路灯坏了", reporter_id=reporter,
                chat_id=chat)


async def _world(uows: Factory) -> tuple[int, int]:
    """A Telegram rider with points, a case and a lesson; the same rider on WeCom (seen by the
    adapter's id book) as a secretary with a department membership, points, a case and the same lesson."""
    book = IdBook(StoredIds(uows))
    wc = await book.user("li.wecom")
    async with uows() as uow:
        branch = Branch(code="cy", name="朝阳")
        uow.session.add(branch)
        await uow.session.flush()
        assert branch.id is not None
        uow.session.add_all([
            User(id=TG, first_name="小李", username="li_tg", started=True),
            User(id=wc, first_name="li.wecom", role="secretary", branch_id=branch.id, lang="en"),
            _case(1, TG, -100123), _case(2, wc, wc), _case(3, 77, -100123),
            CaseWatcher(case_id=3, user_id=TG, chat_id=-100123), CaseWatcher(case_id=3, user_id=wc, chat_id=wc),
            DepartmentMember(department="urban_lighting", user_id=wc, branch_id=branch.id, granted_by=9),
            PointsEntry(user_id=TG, rule="report", points=5, source_key="case:1:accepted"),
            PointsEntry(user_id=wc, rule="report", points=7, source_key="case:2:accepted"),
            PointsEntry(user_id=wc, rule="lesson", points=1, source_key="lesson:l1:" + str(wc)),
            PointsAccount(user_id=TG, balance=5, entries=1, tier="basic"),
            PointsAccount(user_id=wc, balance=8, entries=2, tier="advanced"),
            LessonCompletion(user_id=TG, lesson_id="l1", chat_id=TG),
            LessonCompletion(user_id=wc, lesson_id="l1", chat_id=wc),
            LessonCompletion(user_id=wc, lesson_id="l2", chat_id=wc)])
        await uow.commit()
    return wc, branch.id


async def _refused(uows: Factory, links: LinkService, platform: str, external: str, user_id: int,
                   code: str) -> str:
    with pytest.raises(Refused) as e:
        async with uows() as uow:
            await links.redeem(uow, platform, external, user_id, code)
    return e.value.key


async def test_a_code_from_wecom_joins_the_telegram_rider_and_everything_follows(uows: Factory) -> None:
    wc, branch = await _world(uows)
    assert is_wecom_number(wc) and wc == user_number("li.wecom") and not is_wecom_number(TG)
    clock = Clock()
    links = LinkService(clock)
    async with uows() as uow:
        code = await links.issue(uow, "wecom", "li.wecom", wc)
        await uow.commit()
    assert len(code) == 9 and code[4] == "-"
    async with uows() as uow:
        stored = (await uow.session.exec(select(LinkCode))).all()
        assert [c.code_hash for c in stored] == [code_hash(code)] and code not in str(stored[0])  # hashed only
    clock.now += CODE_TTL - timedelta(seconds=1)
    async with uows() as uow:  # typed in lower case with a space: the same code
        linked = await links.redeem(uow, "telegram", str(TG), TG, code.lower().replace("-", " "))
        await uow.commit()
    assert linked.person == TG and linked.other == "wecom"

    async with uows() as uow:
        s = uow.session
        # cases: the WeCom report is the person's; the case both watched is watched once
        assert sorted((c.id, c.reporter_id) for c in (await s.exec(select(Case))).all()) == [
            (1, TG), (2, TG), (3, 77)]
        assert [(w.case_id, w.user_id) for w in (await s.exec(select(CaseWatcher))).all()] == [(3, TG)]
        # points: every ledger line, one balance (the sum), the better tier
        assert sorted((e.user_id, e.points) for e in (await s.exec(select(PointsEntry))).all()) == [
            (TG, 1), (TG, 5), (TG, 7)]
        accounts = (await s.exec(select(PointsAccount))).all()
        assert [(a.user_id, a.balance, a.entries, a.tier) for a in accounts] == [(TG, 13, 3, "advanced")]
        # roles: the stronger role with its branch, and the department membership
        user = await uow.users.get(TG)
        assert user is not None and (user.role, user.branch_id) == ("secretary", branch)
        assert (user.first_name, user.username, user.lang, user.started) == ("小李", "li_tg", "en", True)
        assert await uow.users.get(wc) is None
        assert await uow.users.department_grants(TG) == [("urban_lighting", branch)]
        # a lesson done on both platforms is one completion
        assert sorted((c.user_id, c.lesson_id) for c in (await s.exec(select(LessonCompletion))).all()) == [
            (TG, "l1"), (TG, "l2")]
        # both identities name the person
        idents = (await s.exec(select(Identity).order_by(col(Identity.platform)))).all()
        assert [(i.platform, i.external_id, i.number, i.user_id) for i in idents] == [
            ("telegram", str(TG), TG, TG), ("wecom", "li.wecom", wc, TG)]
        # audited
        audit = (await s.exec(select(AuditEntry))).all()
        assert [(a.action, a.target, a.actor_id) for a in audit] == [("link", f"user:{TG}", TG)]
        assert audit[0].after["moved"]["cases.reporter_id"] == 1
        assert audit[0].after["moved"]["points_entry.user_id"] == 2
        assert (audit[0].before["role"], audit[0].before["merged"], audit[0].before["merged_role"]) == (
            "rider", wc, "secretary")
        assert audit[0].after["role"] == "secretary" and audit[0].after["rows"] == 5  # case, membership, 2 ledger lines, a lesson
        assert audit[0].after["identities"] == [f"telegram:{TG}", "wecom:li.wecom"]

    # the WeCom adapter now hands the core the Telegram id, also after a restart; the private chat resolves
    book = IdBook(StoredIds(uows))
    assert await book.user("li.wecom") == TG
    assert await book.target(TG) == ("user", "li.wecom") and await book.target(wc) == ("user", "li.wecom")

    # the same code again
    assert await _refused(uows, links, "telegram", str(TG), TG, code) == "link-code-used"


async def test_a_telegram_code_used_on_wecom_keeps_the_telegram_id(uows: Factory) -> None:
    wc, _ = await _world(uows)
    links = LinkService(Clock())
    async with uows() as uow:
        code = await links.issue(uow, "telegram", str(TG), TG)
        await uow.commit()
    async with uows() as uow:
        linked = await links.redeem(uow, "wecom", "li.wecom", wc, code)
        await uow.commit()
    assert linked.person == TG and linked.other == "telegram"
    async with uows() as uow:
        assert await uow.users.get(wc) is None
        reporters = (await uow.session.exec(select(Case.reporter_id).where(Case.id == 2))).all()
        assert list(reporters) == [TG]


async def test_refusals(uows: Factory) -> None:
    wc, _ = await _world(uows)
    clock = Clock()
    links = LinkService(clock)
    async with uows() as uow:
        from_wecom = await links.issue(uow, "wecom", "li.wecom", wc)
        from_tg = await links.issue(uow, "telegram", str(TG), TG)
        await uow.commit()
    # same platform: a Telegram code on Telegram (another account), a WeCom code on WeCom
    assert await _refused(uows, links, "telegram", "6000002", 6000002, from_tg) == "link-same-platform"
    assert await _refused(uows, links, "wecom", "wang", user_number("wang"), from_wecom) == "link-same-platform"
    assert await _refused(uows, links, "telegram", str(TG), TG, "ABCD-EFGH") == "link-code-unknown"
    assert await _refused(uows, links, "telegram", str(TG), TG, "") == "link-code-unknown"
    # expired: ten minutes
    clock.now += CODE_TTL
    assert await _refused(uows, links, "telegram", str(TG), TG, from_wecom) == "link-code-expired"
    # a new code replaces the old one; it links; then a second WeCom account cannot join the same person
    async with uows() as uow:
        again = await links.issue(uow, "wecom", "li.wecom", wc)
        await uow.commit()
    assert await _refused(uows, links, "telegram", str(TG), TG, from_wecom) == "link-code-unknown"  # replaced
    async with uows() as uow:
        await links.redeem(uow, "telegram", str(TG), TG, again)
        await uow.commit()
    async with uows() as uow:
        other = await links.issue(uow, "wecom", "wang", user_number("wang"))
        ours = await links.issue(uow, "wecom", "li.wecom", TG)
        await uow.commit()
    assert await _refused(uows, links, "telegram", str(TG), TG, other) == "link-already-linked"
    assert await _refused(uows, links, "telegram", str(TG), TG, ours) == "link-already-same"
    async with uows() as uow:  # a refusal changed nothing
        assert (await uow.session.exec(select(AuditEntry))).all().__len__() == 1
        assert await uow.users.get(TG) is not None


def test_every_person_column_is_merged_or_named_as_kept() -> None:
    """A new table naming a person must say what a link does to it (PERSON_COLUMNS), or fail here."""
    from sqlmodel import SQLModel

    import storage.models  # noqa: F401  (registers every table)

    person_like = {"user_id", "reporter_id", "actor_id", "author_id", "granted_by", "decided_by", "created_by",
                   "updated_by"}
    kept = {("audit_log", "actor_id"),  # append-only: the link is audited instead
            ("points_account", "user_id"),  # summed by the repository
            ("identity", "user_id"), ("link_code", "user_id")}  # the link's own tables
    found = {(t.name, c.name) for t in SQLModel.metadata.tables.values() for c in t.columns if c.name in person_like}
    listed = {(t, c) for t, c, _ in PERSON_COLUMNS}
    assert found - kept == listed
