"""`/routing`: the departments cases go to, who acts for each, and which have nobody.

The shipped routing file lists no members, so until an operator fills it in (or
grants members with `/grant … dept CODE`) every department is unstaffed: its
reminders go to the branch secretary (`CaseService.alert`). This view makes that
visible instead of silent.
"""
from __future__ import annotations

from typing import Any

from bot.cases.routing import unstaffed_departments
from bot.services.cases import SECRETARY, CaseService
from storage.models import User
from storage.uow import UnitOfWork


async def overview(uow: UnitOfWork, cases: CaseService, user: User) -> dict[str, Any] | None:
    """The payload of the `routing` notice, or None when `user` is not staff."""
    if not (cases.is_superadmin(user) or user.role == SECRETARY):
        return None
    routing = cases.routing
    everywhere = cases.is_superadmin(user)  # a secretary sees who acts for their own branch
    granted = {code: await uow.cases.members_of(code, user.branch_id, any_branch=everywhere)
               for code in routing.departments}
    ids = {i for code, d in routing.departments.items() for i in (*d.members, *granted[code])}
    if not everywhere:
        # Names for the staff everyone shares (the routing file, a superadmin's grant for every
        # branch); a member a secretary granted by id shows as that id, as the grant's answer did:
        # a name would tell them who another branch's rider is.
        shared = {i for code, d in routing.departments.items()
                  for i in (*d.members, *await uow.cases.members_of(code, None))}
        ids &= shared
    names = {u.id: u.first_name or str(u.id) for u in await uow.users.many(ids)}
    departments = [{"code": code, "name_zh": d.name_zh, "name_en": d.name_en,
                    "members": [names.get(i, str(i)) for i in sorted({*d.members, *granted[code]})]}
                   for code, d in routing.departments.items()]
    unstaffed = [d.code for d in unstaffed_departments(routing, granted)]
    return {"departments": departments, "unstaffed": unstaffed}
