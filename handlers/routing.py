"""`/routing` (staff): departments, their members, and a warning about unstaffed ones."""
from __future__ import annotations

from typing import Any

from bot.domain import IncomingMessage
from bot.i18n import t
from bot.services import routing_view
from bot.services.cases import CaseService
from bot.outbox import reply
from bot.wording import listed
from handlers.render import composer, esc
from handlers.chat import ChatRoutes
from storage.models import User
from storage.uow import UnitOfWork


async def show_routing(uow: UnitOfWork, incoming: IncomingMessage, user: User, lang: str,
                       cases: CaseService) -> None:
    payload = await routing_view.overview(uow, cases, user)
    if payload is None:
        reply(uow, incoming, "routing-not-staff", lang)
        return
    reply(uow, incoming, "routing", lang, **payload)


@composer("routing")
def _routing(lang: str, p: dict[str, Any]) -> str:
    depts = p.get("departments") or []
    names = {d["code"]: d["name_zh"] if lang == "zh" else d["name_en"] for d in depts}
    lines = [t(lang, "routing-title", count=len(depts))]
    for d in depts:
        members = listed((esc(m, 40) for m in d["members"]), lang)
        lines.append("· " + t(lang, "routing-dept", name=esc(names[d["code"]]), code=esc(d["code"]),
                              members=members or t(lang, "routing-members-none")))
    unstaffed = p.get("unstaffed") or []
    lines.append(t(lang, "routing-unstaffed", count=len(unstaffed),
                   names=listed((esc(names.get(c, c)) for c in unstaffed), lang)) if unstaffed
                 else t(lang, "routing-all-staffed"))
    return "\n".join(lines)


def register(routes: ChatRoutes) -> None:
    routes.command(show_routing, "routing")
