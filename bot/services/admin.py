"""Roles and branches: who is a secretary of which branch, who acts for which department,
which group belongs to which branch. Superadmins come from config first."""
from __future__ import annotations

from bot.services.cases import CaseService
from storage.models import Branch, User
from storage.uow import UnitOfWork

ROLES = ("secretary", "superadmin", "dept")


class AdminService:
    def __init__(self, cases: CaseService) -> None:
        self.cases = cases

    async def grant(self, uow: UnitOfWork, actor: User, target: str, role: str, arg: str | None,
                    revoke: bool = False) -> tuple[str, dict[str, object]]:
        """Returns (message key, arguments) for the reply."""
        is_super = self.cases.is_superadmin(actor)
        if role not in ROLES:
            return "admin-grant-usage", {}
        if not is_super and not (role == "dept" and actor.role == "secretary"):
            return "admin-not-permitted", {}
        user = await uow.users.find(target)
        if user is None:
            return "admin-user-unknown", {"who": target}
        if role == "dept":
            if not arg or arg not in self.cases.routing.departments:
                return "admin-dept-unknown", {"dept": arg or ""}
            await uow.users.set_department(user.id, arg, member=not revoke)
        elif role == "secretary":
            branch = await uow.branches.by_code(arg or "") if arg else None
            if not revoke and branch is None:
                return "admin-branch-unknown", {"branch": arg or ""}
            user.role, user.branch_id = ("rider", None) if revoke else ("secretary", branch.id if branch else None)
        else:
            user.role = "rider" if revoke else "superadmin"
        return ("admin-revoked" if revoke else "admin-granted"), {"who": user.first_name or str(user.id),
                                                                  "role": role, "arg": arg or ""}

    async def bind(self, uow: UnitOfWork, actor: User, chat_id: int, code: str,
                   name: str | None) -> tuple[str, dict[str, object]]:
        """Put a group under a branch; a superadmin may create the branch on the way."""
        branch = await uow.branches.by_code(code)
        if self.cases.is_superadmin(actor):
            if branch is None:
                branch = uow.branches.add(Branch(code=code, name=name or code))
                await uow.session.flush()
        elif actor.role != "secretary" or branch is None or branch.id != actor.branch_id:
            return "admin-not-permitted", {}
        chat = await uow.chats.get(chat_id)
        assert chat is not None  # registered by the middleware
        chat.branch_id = branch.id
        await uow.cases.adopt(chat_id, branch.id or 0)  # what the group reported before is the branch's too
        return "admin-bound", {"branch": branch.name}
