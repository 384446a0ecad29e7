"""Roles and branches: who is a secretary of which branch, who acts for which department,
which group belongs to which branch. Superadmins come from config first.

The rules (issue 12 §2): only a superadmin makes secretaries and superadmins, creates branches
and moves a group that already belongs to a branch (the old branch's secretaries are told). A
secretary binds an unbound group to their own branch only, and grants or revokes department
memberships only in their own branch and never for themselves. A department membership holds
in the branch it was granted for (a superadmin's may hold in every branch). Every change is
written to the audit (actor, time, target, before and after) in the same transaction.
"""
from __future__ import annotations

import re
from typing import Any

from bot.cases.departments import NoSuchDepartment, find_department
from bot.domain import PRIORITY_CONVERSATION, Notice
from bot.commandtext import typed_word
from bot.ids import bounded_int
from bot.outbox import enqueue
from bot.refusals import Refused
from bot.services.cases import CaseService
from bot.services.people import own_lang, person_typed, shown_name
from bot.wording import listed
from bot.typed import typed_key
from storage.models import Branch, User
from storage.uow import UnitOfWork

ROLES = ("secretary", "superadmin", "dept")
# The roles as a secretary says them ("/grant 501 书记 cy", "/grant @wang 部门 水务局"): only the English codes
# were read, and "/grant 501 书记" got the usage.
ROLE_WORDS = {"secretary": "secretary", "书记": "secretary", "支部书记": "secretary", "党支部书记": "secretary",
              "superadmin": "superadmin", "super": "superadmin", "超管": "superadmin", "超级管理员": "superadmin",
              "dept": "dept", "department": "dept", "部门": "dept", "部门成员": "dept"}
AUDIT_DEFAULT, AUDIT_MAX, AUDIT_PER_MESSAGE = 20, 100, 15
BRANCH_CODE = re.compile(r"[^\W_][\w-]{0,31}")  # a new branch's code: letters, digits, - and _, at most 32


class AdminService:
    def __init__(self, cases: CaseService) -> None:
        self.cases = cases

    # --- roles ------------------------------------------------------------------------------
    async def grant(self, uow: UnitOfWork, actor: User, target: str, role: str, arg: str | None,
                    revoke: bool = False, branch_code: str | None = None, seen: bool = False) -> tuple[str, dict[str, object]]:
        """Returns (message key, arguments) for the reply. `branch_code`: a superadmin's
        department grant for one branch (without it: every branch). `seen`: `target` is the person
        whose message the command replies to, so named as the actor saw them."""
        is_super = self.cases.is_superadmin(actor)
        role = ROLE_WORDS.get(typed_key(typed_word(role)), role)
        if not revoke and bounded_int(typed_key(role).lstrip("+"), 1, 10**6) is not None:
            # `/grant 李师傅 10 理由`: points where the role goes, as /points grant takes them
            return "admin-grant-points", {"who": target[:32], "points": typed_key(role).lstrip("+")}
        if role not in ROLES or (not arg and (role == "dept" or (role == "secretary" and not revoke))):
            return "admin-grant-usage", {}  # `/grant 8003 dept`: what is missing, not a department “”
        secretary_branch = actor.branch_id if actor.role == "secretary" else None
        if not is_super and not (role == "dept" and secretary_branch is not None):
            return "admin-grant-who", {}  # whose command it is: a rider, or a secretary naming a role
        user, count = await person_typed(uow, target, secretary_branch, is_super)  # 李师傅: one of hers by name
        if count > 1:
            return "admin-who-several", {"who": target[:32], "count": count}
        if user is None and revoke and not is_super:  # a secretary's revoke: somebody nobody knows has
            return await self._revoke_from_nobody(uow, target, arg, branch_code, secretary_branch)  # no role
        if user is None:  # in her branch, as another branch's rider has none: the same answer
            return "admin-user-unknown", {"who": target[:64]}
        if user.id == actor.id and not is_super:
            return "admin-not-self", {}
        who = await shown_name(uow, user, target, superadmin=is_super, branch_id=secretary_branch, known=seen)
        if role == "dept":
            if not is_super and branch_code is not None and branch_code != await self._branch_code(uow, secretary_branch):
                return "admin-not-permitted", {}  # a secretary names no branch but their own
            return await self._department(uow, actor, user, who, arg, revoke, branch_code if is_super else None,
                                          None if is_super else secretary_branch)
        before = await self._role_state(uow, user)
        if role == "secretary":
            branch = await uow.branches.by_code(arg) if arg else None
            if not revoke and branch is None:
                return "admin-branch-unknown", {"branch": (arg or "")[:64]}
            shown_branch = (branch.name or branch.code) if branch else (arg or "")[:64]
            if revoke and user.role != "secretary":
                return "admin-revoke-none", {"who": who, "role": role, "branch": shown_branch}
            user.role, user.branch_id = ("rider", None) if revoke else ("secretary", branch.id if branch else None)
        else:
            shown_branch = ""
            if revoke and user.role != "superadmin":
                return "admin-revoke-none", {"who": who, "role": role}
            user.role = "rider" if revoke else "superadmin"
        after = await self._role_state(uow, user)
        said: dict[str, object] = {"who": who, "role": role, "branch": shown_branch}
        if after == before:  # granted again: it already was so, and nothing changes (nor is audited)
            return "admin-already-granted", said
        uow.audit.record(actor.id, "revoke" if revoke else "grant", f"user:{user.id}",
                         branch_id=user.branch_id if not revoke else before.get("branch_id"),
                         before=before, after=after)
        return ("admin-revoked" if revoke else "admin-granted"), said

    async def _department(self, uow: UnitOfWork, actor: User, user: User, who: str, dept: str | None, revoke: bool,
                          branch_code: str | None, secretary_branch: int | None) -> tuple[str, dict[str, object]]:
        """A department membership: a secretary's in their own branch; a superadmin's in the
        branch named, or in every branch. The department is named as people name it (住建局,
        Road maintenance, a prefix) or by its code, as in the case commands."""
        found = self._resolve_department(dept)
        if not isinstance(found, str):
            return found
        dept = found
        branch_id = secretary_branch
        if secretary_branch is None and branch_code:
            branch = await uow.branches.by_code(branch_code)
            if branch is None:
                return "admin-branch-unknown", {"branch": branch_code[:64]}
            branch_id = branch.id
        said: dict[str, object] = {"who": who, "role": "dept", "department": dept,
                                   "branch": await self._branch_shown(uow, branch_id)}
        before = await self._dept_state(uow, user, dept)
        if revoke:
            every = secretary_branch is None and not branch_code
            if not await uow.users.revoke_department(user.id, dept, branch_id, every=every):
                # a secretary learns nothing of memberships in other branches: "none here"
                return "admin-revoke-none", said
        elif not await uow.users.grant_department(user.id, dept, branch_id, actor.id):
            return "admin-already-granted", said  # it already was so: nothing written, nothing audited
        await uow.session.flush()
        uow.audit.record(actor.id, "revoke" if revoke else "grant", f"user:{user.id}", branch_id=branch_id,
                         before=before, after=await self._dept_state(uow, user, dept))
        return ("admin-revoked" if revoke else "admin-granted"), said

    def _resolve_department(self, dept: str | None) -> str | tuple[str, dict[str, object]]:
        """The code of a department as people name it (住建局, Road maintenance, a prefix) or its
        code; else the refusal: no such department, or the several the words fit."""
        routing = self.cases.routing
        try:
            return find_department(routing, dept or "")
        except NoSuchDepartment as e:
            if not e.candidates:
                return "admin-dept-unknown", {"dept": (dept or "")[:64]}
            return "admin-dept-ambiguous", {
                "dept": (dept or "")[:64], "candidates": listed((routing.departments[c].name_zh for c in e.candidates), "zh"),
                "candidates_en": listed((routing.departments[c].name_en for c in e.candidates), "en")}

    async def _revoke_from_nobody(self, uow: UnitOfWork, typed: str, dept: str | None, branch_code: str | None,
                                  secretary_branch: int | None) -> tuple[str, dict[str, object]]:
        """A secretary's `/revoke … dept` naming somebody the bot does not know, answered step by step
        as one naming another branch's rider is (`grant` and `_department`): that rider has no role in
        her branch either, so "none here" tells nobody's existence."""
        if branch_code is not None and branch_code != await self._branch_code(uow, secretary_branch):
            return "admin-not-permitted", {}
        found = self._resolve_department(dept)
        if not isinstance(found, str):
            return found
        dept = found
        return "admin-revoke-none", {"who": typed[:64], "role": "dept", "department": dept,
                                     "branch": await self._branch_shown(uow, secretary_branch)}

    async def _role_state(self, uow: UnitOfWork, user: User) -> dict[str, Any]:
        code = await self._branch_code(uow, user.branch_id) if user.branch_id is not None else None
        return {"user": user.id, "name": user.first_name, "role": user.role, "branch": code,
                "branch_id": user.branch_id}

    async def _dept_state(self, uow: UnitOfWork, user: User, dept: str) -> dict[str, Any]:
        branches = sorted([await self._branch_code(uow, b) or "?" if b is not None else "*"
                           for d, b in await uow.users.department_grants(user.id) if d == dept])
        return {"user": user.id, "name": user.first_name, "department": dept, "branches": branches}

    async def _branch_shown(self, uow: UnitOfWork, branch_id: int | None) -> str:
        """A branch as a receipt names it: its name (its code when it has none); "" for every branch."""
        branch = await uow.branches.get(branch_id) if branch_id is not None else None
        return (branch.name or branch.code) if branch else ""

    async def _branch_code(self, uow: UnitOfWork, branch_id: int | None) -> str | None:
        branch = await uow.branches.get(branch_id) if branch_id is not None else None
        return branch.code if branch else None

    # --- groups -----------------------------------------------------------------------------
    async def bind(self, uow: UnitOfWork, actor: User, chat_id: int, code: str,
                   name: str | None) -> tuple[str, dict[str, object]]:
        """Put a group under a branch; a superadmin may create the branch on the way (naming it:
        `/bind CODE name`, so that a mistyped code creates nothing), and is the only one who may move
        a group that belongs to a branch already. A secretary binds to their own branch's code only;
        any other code, unknown or another branch's, gets the same answer."""
        branch = await uow.branches.by_code(code)
        chat = await uow.chats.get(chat_id)
        assert chat is not None  # registered by the middleware
        is_super = self.cases.is_superadmin(actor)
        if is_super:
            if branch is None:  # a new branch: only on purpose (a name given) and with a code people can type
                if not BRANCH_CODE.fullmatch(code):
                    return "admin-bind-bad-code", {"branch": code[:64]}
                if not name:
                    return "admin-bind-new-needs-name", {"branch": code}
                branch = uow.branches.add(Branch(code=code, name=name[:200]))
                await uow.session.flush()
        elif actor.role != "secretary" or actor.branch_id is None:
            raise Refused("admin-bind-who")  # who may bind, and where: a secretary, in the group itself
        elif branch is None or branch.id != actor.branch_id:
            # unknown, or another branch's: the same answer, which tells nothing of the other branches
            return "admin-bind-unknown", {"branch": code[:64], "own": await self._branch_code(uow, actor.branch_id) or ""}
        elif chat.branch_id is not None and chat.branch_id != actor.branch_id:
            return "admin-bind-taken", {}
        renamed = self._rename(uow, actor, branch, name)
        old = chat.branch_id
        if old == branch.id:  # bound again: it already was so, and nothing changes (nor is audited)
            return ("admin-branch-renamed", {"branch": branch.name, "old": renamed}) if renamed is not None else (
                "admin-already-bound", {"branch": branch.name})
        old_code = await self._branch_code(uow, old)
        chat.branch_id = branch.id
        await uow.cases.adopt(chat_id, branch.id or 0)  # what the group reported before is the branch's too
        uow.audit.record(actor.id, "move" if old is not None else "bind", f"chat:{chat_id}", branch_id=branch.id,
                         before={"chat": chat_id, "title": chat.title, "branch": old_code},
                         after={"chat": chat_id, "title": chat.title, "branch": branch.code})
        if old is not None:
            await self._tell_old_branch(uow, actor, old, "admin-group-moved", group=chat.title or str(chat_id),
                                        branch=branch.name)
        if renamed is not None:
            return "admin-bound-renamed", {"branch": branch.name, "old": renamed}
        return "admin-bound", {"branch": branch.name}

    @staticmethod
    def _rename(uow: UnitOfWork, actor: User, branch: Branch, name: str | None) -> str | None:
        """`/bind CODE name` naming a branch that exists by another name renames it (the usage says
        the name is the branch's; a mistyped name is mended the same way): its old name, or None when
        no name was given or it is the same. Only its own secretary or a superadmin gets here."""
        name = name.strip()[:200] if name else ""
        if not name or name == branch.name:
            return None
        old = branch.name
        branch.name = name
        uow.audit.record(actor.id, "rename", f"branch:{branch.code}", branch_id=branch.id,
                         before={"branch_name": old}, after={"branch_name": name})
        return old

    async def unbind(self, uow: UnitOfWork, actor: User, chat_id: int) -> tuple[str, dict[str, object]]:
        """Take a group out of its branch: a superadmin, or a secretary of that branch."""
        chat = await uow.chats.get(chat_id)
        assert chat is not None
        is_super = self.cases.is_superadmin(actor)
        mine = actor.branch_id if actor.role == "secretary" else None
        if not is_super and (mine is None or chat.branch_id != mine):
            return "admin-unbind-who", {}  # said in the group: whose group it is, nothing of other branches
        if chat.branch_id is None:
            return "admin-unbind-none", {}
        old = chat.branch_id
        old_code = await self._branch_code(uow, old)
        chat.branch_id = None
        uow.audit.record(actor.id, "unbind", f"chat:{chat_id}", branch_id=old,
                         before={"chat": chat_id, "title": chat.title, "branch": old_code},
                         after={"chat": chat_id, "title": chat.title, "branch": None})
        await self._tell_old_branch(uow, actor, old, "admin-group-unbound", group=chat.title or str(chat_id))
        return "admin-unbound", {}

    async def _tell_old_branch(self, uow: UnitOfWork, actor: User, branch_id: int, key: str,
                               **payload: object) -> None:
        """The secretaries of the branch that lost a group hear it (once per change)."""
        ids = set(await uow.users.secretaries_of(branch_id)) - {actor.id}
        for sec in await uow.users.reachable(ids):
            lang = own_lang(sec, self.cases.default_lang)
            enqueue(uow, Notice(sec.id, key, lang, payload=dict(payload), priority=PRIORITY_CONVERSATION))

    # --- the audit ----------------------------------------------------------------------------
    def _dept_names(self, *states: dict[str, Any]) -> dict[str, dict[str, str]]:
        """code -> {"zh": name, "en": name} for the departments the states name."""
        codes = {str(st["department"]) for st in states if st.get("department")}
        return {c: {"zh": self.cases.department_name(c, "zh"), "en": self.cases.department_name(c, "en")}
                for c in codes}

    async def audit(self, uow: UnitOfWork, actor: User, count: int | None) -> list[dict[str, Any]] | None:
        """The newest `count` audit entries for a superadmin, as message payloads of at most
        AUDIT_PER_MESSAGE entries each (each line is clipped, so a message stays far under
        Telegram's 4,096 characters). None: not a superadmin."""
        if not self.cases.is_superadmin(actor):
            return None
        n = max(1, min(count or AUDIT_DEFAULT, AUDIT_MAX))
        total = await uow.audit.count()
        entries = await uow.audit.latest(n)
        names: dict[int, str] = {}
        for e in entries:
            if e.actor_id is not None and e.actor_id not in names:
                u = await uow.users.get(e.actor_id)
                names[e.actor_id] = (u.first_name if u else "") or str(e.actor_id)
        items = [{"id": e.id, "at": self.cases.local(e.at), "actor": names.get(e.actor_id or 0, "system"),
                  "actor_id": e.actor_id or 0, "action": e.action, "target": e.target,
                  "label": str(e.after.get("title") or e.after.get("name") or e.before.get("name") or ""),
                  "before": _fields(e.before), "after": _fields(e.after),
                  "departments": self._dept_names(e.before, e.after)} for e in entries]
        pages = [items[i:i + AUDIT_PER_MESSAGE] for i in range(0, len(items), AUDIT_PER_MESSAGE)] or [[]]
        return [{"items": page, "page": i + 1, "pages": len(pages), "shown": len(items), "total": total}
                for i, page in enumerate(pages)]


def _fields(state: dict[str, Any]) -> dict[str, Any]:
    """The fields a reader compares (ids and names left out): role, branch, department,
    branches, as codes; the renderer writes them as labels in the reader's language."""
    skip = {"user", "chat", "name", "title", "branch_id"}
    return {k: v for k, v in state.items() if k not in skip}
