"""How the closing-the-loop notices are written: a settled button message, a department
choice, a reply prompt (registered with handlers.render by kind)."""
from __future__ import annotations

from typing import Any

from bot.i18n import t
from bot.wording import one_mark
from handlers.render import MAX_TEXT, TAGS, composer, esc


@composer("settled")
def _settled(lang: str, p: dict[str, Any]) -> str:
    """The message as it was, and one line: what was decided, by whom. Empty when it would not
    fit (the transport then removes only the buttons)."""
    args = {k: v if isinstance(v, int) and not isinstance(v, bool) else esc(TAGS.sub("", str(v)), 80)
            for k, v in (p.get("args") or {}).items()}
    if "status_key" in args:  # a status named by its message key: its label in this language
        args["status"] = t(lang, str(args.pop("status_key")))
    if "action_key" in args:  # a lifecycle action named by its code: its label in this language
        args["action"] = t(lang, f"case-action-{args.pop('action_key')}")
    if "what_key" in args:  # what was decided, named by its message key (a button's label): in this language
        args["what"] = t(lang, str(args.pop("what_key")))
    body = str(p.get("html") or "") or _was(p.get("was"), lang)
    line = one_mark(body, t(lang, str(p["key"]), **args))
    text = f"{body}\n\n{line}" if body else line
    return text if body and len(text) <= MAX_TEXT else ""


def _was(was: Any, lang: str) -> str:
    """The settled message's text re-rendered from its own outbox row (kind, payload, case): for a
    copy settled by a decision made elsewhere, whose text the deciding press never saw."""
    if not isinstance(was, dict) or not was.get("kind"):
        return ""
    from bot.outbox import Outgoing
    from handlers.render import render  # here: render imports this module's composers
    case_id = was.get("case_id")
    return render(Outgoing(0, 0, str(was["kind"]), lang, dict(was.get("payload") or {}), None,
                           int(case_id) if case_id else None)).text


def _action(lang: str, action: str) -> str:
    return t(lang, f"case-action-{action}")


@composer("case-choose-department")
def _choose(lang: str, p: dict[str, Any]) -> str:
    return t(lang, "case-choose-department", case=f"<b>{esc(p['number'])}</b>", action=_action(lang, p["action"]))


@composer("case-prompt")
def _prompt(lang: str, p: dict[str, Any]) -> str:
    return t(lang, f"case-prompt-{p['action']}", case=f"<b>{esc(p['number'])}</b>")


@composer("recat-done")
def _recat_done(lang: str, p: dict[str, Any]) -> str:
    """Codes in words: the category and urgency as everywhere else."""
    return t(lang, "recat-done", number=esc(p["number"]), category=t(lang, f"cat-{p['category']}"),
             urgency=t(lang, f"urg-{p['urgency']}"))


def _role(lang: str, key: str, p: dict[str, Any]) -> str:
    """A role's receipt (/grant, /revoke, or "has no such role"): the person by name, or "user 502" when
    the sender may not know their name (people.shown_name keeps the id as typed); the department and
    the branch by their names (a department role held in every branch says so)."""
    role = str(p.get("role") or "")
    who = str(p.get("who") or "")
    department, branch = str(p.get("department") or ""), str(p.get("branch") or "")
    if department:
        scope = (t(lang, "admin-scope-dept", department=esc(department, 60), branch=esc(branch, 60)) if branch
                 else t(lang, "admin-scope-dept-every", department=esc(department, 60)))
    else:
        scope = t(lang, "admin-scope-branch", branch=esc(branch, 60)) if branch else ""
    # (zh: a name runs into the Chinese after it, "王哥已经是"; an id keeps the space digits take,
    # "用户 502 已经是", where it used to read "用户 502已经是")
    return t(lang, key, who=t(lang, "admin-person-id", id=who) if who.isdigit() else esc(who),
             gap=" " if who.isdigit() else "", role=t(lang, f"role-{role}") if role else "", scope=scope)


@composer("admin-granted")
def _granted(lang: str, p: dict[str, Any]) -> str:
    return _role(lang, "admin-granted-role", p)


@composer("admin-already-granted")
def _already_granted(lang: str, p: dict[str, Any]) -> str:
    return _role(lang, "admin-already-role", p)


@composer("admin-revoked")
def _revoked(lang: str, p: dict[str, Any]) -> str:
    return _role(lang, "admin-revoked-role", p)


@composer("admin-revoke-none")
def _revoke_none(lang: str, p: dict[str, Any]) -> str:
    return _role(lang, "admin-revoke-none", p)


@composer("export-document")
def _export_document(lang: str, p: dict[str, Any]) -> str:
    return t(lang, "export-caption", rows=int(p.get("rows") or 0), since=esc(p.get("since") or ""),
             part=str(p.get("part") or "cases"))
