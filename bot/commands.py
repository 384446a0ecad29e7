"""Every chat command in one table: its name, what follows it, who may use it, and where.

Why a table: a second chat platform (issue 16: python-telegram-bot, WeCom) must offer the same
commands without re-typing their grammar, usage texts, menu and place rules. An adapter parses
its platform's events and looks commands up here; the services still decide permissions on the
server (`who` here is what the help and the menu promise, not a check: bot/services/* and the
lifecycle table refuse, and tests/e2e/test_permission_matrix.py proves it per command).

Fields of `Command`:
- `name`: the ASCII command word (`/accept`); Telegram allows [a-z0-9_], 1-32 characters.
- `aliases`: other words typed for it after the slash: the case commands' 12345 words (`/签收`,
  `/办结`, `/退回` …), as a department member types them; the name stays canonical (handlers and
  logs see the name).
- `grammar`: the arguments, for people (`<case> [department]`); `usage`: the Fluent message that
  explains them (bot/locales/*/), answered when the arguments do not parse. None when the
  command takes nothing or answers a usage of a sub-feature itself.
- `who`: ANYONE (riders), STAFF (secretaries, department members, superadmins), SUPERADMIN.
- `where`: ANYWHERE, PRIVATE or GROUP; `wrong_place` is the message that answers a command sent
  in the other kind of chat (None: the handler decides, e.g. /mycases points to the private chat).
- `menu`: offered in the platform's command menu, described by the message `cmd-<name>`.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass
from enum import Enum


class Who(str, Enum):
    """Who may use a command: anyone; staff (a superadmin, a secretary or a department member); a
    branch's secretary or a superadmin (the branch-wide commands); a superadmin."""
    ANYONE = "anyone"
    STAFF = "staff"
    SECRETARY = "secretary"
    SUPERADMIN = "superadmin"


class Where(str, Enum):
    ANYWHERE = "anywhere"
    PRIVATE = "private"
    GROUP = "group"


@dataclass(frozen=True, slots=True)
class Command:
    name: str
    grammar: str = ""
    usage: str | None = None
    who: Who = Who.ANYONE
    where: Where = Where.ANYWHERE
    wrong_place: str | None = None
    menu: bool = False
    aliases: tuple[str, ...] = ()


A, S, SEC, SA = Who.ANYONE, Who.STAFF, Who.SECRETARY, Who.SUPERADMIN
PRIVATE, GROUP = Where.PRIVATE, Where.GROUP

COMMANDS: tuple[Command, ...] = (
    # everyone (the rider's menu, in menu order)
    Command("start", menu=True),
    Command("report", "<what and where>", "report-usage", menu=True),
    Command("mycases", menu=True),
    Command("board", menu=True),
    Command("lesson", where=PRIVATE, wrong_place="lesson-private-only", menu=True),
    Command("checkin", "<code>", "checkin-usage", menu=True),
    Command("hours", "[<code> <hours> | pending [branch] | approve <id> | reject <id> [reason] | revoke <id> <reason>]", "hours-usage",
            menu=True),
    Command("reportin", "<home organisation>", "reportin-usage", menu=True),
    Command("me", menu=True),
    Command("shop", menu=True),
    Command("top", "[week|month|year|last week|last month|last year]", "top-usage", menu=True),
    Command("lang", "zh|en", "lang-usage", menu=True),
    Command("help", menu=True),
    # one person on Telegram and WeCom: a one-time code from one, used on the other (bot/services/identities.py)
    Command("link", "[<code>]", "link-usage", where=PRIVATE, wrong_place="link-private-only", menu=True),
    # a redemption's receipt and refusals tell the rider's balance: not for the work group to read
    Command("redeem", "<item>", "points-redeem-usage", where=PRIVATE, wrong_place="points-redeem-private-only"),
    # the choice to be hidden on the boards is the rider's own: toggled in the group, it told the group
    Command("privacy", where=PRIVATE, wrong_place="points-privacy-private-only"),
    Command("points", "[grant <user> <n> <reason> | ledger <user> | revoke #<line> <reason>]"),
    Command("stats", "lessons [days] | checkins [branch]", "stats-usage", S),
    # case work (secretaries and departments; the reporter confirms or reopens)
    Command("case", "<case>", "case-usage", S, aliases=("工单", "查看工单")),
    Command("cases", "[open|closed|overdue|mine]", "cases-usage", S, aliases=("工单列表", "待办")),
    Command("accept", "<case> [department]", "case-usage", S, aliases=("签收", "受理", "接单")),
    Command("assign", "<case> <department>", "case-usage", S, aliases=("指派", "派单", "分派")),
    Command("work", "<case>", "case-usage", S, aliases=("开始处理",)),
    Command("note", "<case> <note>", "case-usage", S, aliases=("进展", "回复")),
    Command("resolve", "<case> <note>", "case-usage", S, aliases=("办结", "处理完毕")),
    Command("reject", "<case> <reason>", "case-usage", S, aliases=("驳回", "不予受理")),
    Command("dup", "<case> <master case>", "case-usage", S, aliases=("重复",)),
    Command("transfer", "<case> <department>", "case-usage", S, aliases=("转办", "转派")),
    Command("take", "<case>", "case-usage", S, aliases=("接收",)),
    Command("decline", "<case> <reason>", "case-usage", S, aliases=("退回",)),
    Command("cannotfix", "<case> <reason>", "case-usage", S, aliases=("无法解决",)),
    Command("confirm", "<case>", "case-usage", aliases=("确认", "已解决")),
    Command("reopen", "<case>", "case-usage", aliases=("重新处理", "未解决")),
    Command("recat", "<case> <category> [urgency]", "recat-usage", S),
    Command("routing", who=S),
    # points
    Command("redemptions", who=S),
    Command("fulfil", "<redemption> [code or message]", "points-decide-usage", S),
    Command("refuse", "<redemption> [reason]", "points-decide-usage", S),
    # activities and report-ins
    Command("activity", "new|list|close|place …", "activity-usage", S),
    Command("reportins", "[branch | approve <id> | reject <id> [reason] | revoke <id> <reason>]", "reportins-usage", S),
    # broadcasts, surveys, needs, lessons, exports (private: they show a whole branch)
    Command("broadcast", "[cancel]", "bc-usage", SEC, PRIVATE, "bc-err-private-only"),
    Command("broadcasts", "[cancel <id>]", "bc-list-usage", SEC, PRIVATE, "bc-err-private-only"),
    Command("survey", "new|results <id>|close <id>|list", "sv-usage", SEC, PRIVATE, "bc-err-private-only"),
    Command("needs", "[days] [branch]", "needs-usage", SEC, PRIVATE, "bc-err-private-only"),
    Command("lessons", "[N] [show | plan DAYS | shifts PROFILE | off]", "lessons-usage", S),
    Command("export", "cases [from] [csv]", "export-usage", S),
    # branches and roles
    Command("bind", "<branch code> [name]", "admin-bind-usage", SEC, GROUP),
    Command("unbind", "", "admin-unbind-usage", SEC, GROUP),
    Command("grant", "<user> secretary <branch> | superadmin | dept <code> [branch]", "admin-grant-usage", SA),
    Command("revoke", "<user> secretary <branch> | superadmin | dept <code> [branch]", "admin-grant-usage", SA),
    Command("audit", "[n]", "admin-audit-usage", SA),
    # the web dashboard: a one-time login link, in private, for staff
    Command("web", "", None, S, PRIVATE),
    # riders' deliberation (小哥议事会): anyone proposes, supports and votes; secretaries run the steps
    Command("propose", "<title> | <details>  or  C-<case>", "dl-propose-usage", menu=True),
    Command("proposals", "[open|adopted|done|closed|all | rule <supporters> <days>]", "dl-proposals-usage",
            menu=True),
    Command("proposal", "<N> [agenda | decline <reason> | vote … | close | commit <owner> due=… | note … | done]",
            "dl-proposal-usage"),
    Command("vote", "<N> <option>", "dl-vote-cmd-usage", menu=True),
)
BY_NAME: dict[str, Command] = {c.name: c for c in COMMANDS}
_BY_WORD: dict[str, Command] = {**{a: c for c in COMMANDS for a in c.aliases}, **BY_NAME}
assert len(BY_NAME) == len(COMMANDS), "a command is in the table twice"


def find(word: str) -> Command | None:
    """The command typed as `word` (its name or an alias, any case, without the slash), or None."""
    return _BY_WORD.get(word.lower().lstrip("/"))


def close_to(word: str, *, staff: bool) -> str | None:
    """The command `word` (not one of ours) was most likely meant to be, a slip of the thumb away
    (`accpet`, `acept`, `mycase`, `boad`: difflib's ratio), among those the sender may use (a
    rider is never pointed to a staff command), or None."""
    typed = word.lower().lstrip("/")
    if find(typed) is not None or len(typed) < 3:
        return None
    words = [w for w, c in _BY_WORD.items() if staff or c.who is Who.ANYONE]
    near = difflib.get_close_matches(typed, words, n=1, cutoff=0.75)
    return _BY_WORD[near[0]].name if near else None


def menu() -> tuple[str, ...]:
    """The names offered in the platform's command menu, in order."""
    return tuple(c.name for c in COMMANDS if c.menu)


# What a rider hears for a staff command sent in the wrong kind of chat (`/survey results 1` in the
# group): whose command it is, not where to send it (there it would only be refused).
NOT_STAFF = "bc-err-not-staff"


def wrong_place(name: str, is_private: bool, *, staff: bool = True) -> str | None:
    """The message that answers command `name` sent in the wrong kind of chat, or None when it
    may be used here (or its handler decides itself). `staff`: whether the sender may use the
    command at all (CaseService.may_use); one who may not is told it is not theirs (NOT_STAFF)
    rather than where to send it, to be refused there."""
    command = BY_NAME.get(name.lower())
    if command is None or command.wrong_place is None:
        return None
    wanted_private = command.where is Where.PRIVATE
    if command.where is Where.ANYWHERE or is_private == wanted_private:
        return None
    return NOT_STAFF if command.who is not Who.ANYONE and not staff else command.wrong_place


# A case command -> (the lifecycle action it takes, what the words after the case number mean).
ACTION_COMMANDS: dict[str, tuple[str, str | None]] = {
    "accept": ("accept", "department"), "assign": ("assign", "department"), "work": ("start", None),
    "note": ("note", "note"), "resolve": ("resolve", "note"), "reject": ("reject", "note"),
    "dup": ("mark_duplicate", "master"), "transfer": ("transfer_request", "department"),
    "take": ("transfer_accept", None), "decline": ("transfer_decline", "note"),
    "cannotfix": ("cannot_fix", "note"), "confirm": ("confirm", None), "reopen": ("reopen", None),
}


def command_for(action: str) -> str | None:
    """The command a person types for lifecycle `action` (`transfer_request` -> `transfer`)."""
    return next((name for name, (act, _arg) in ACTION_COMMANDS.items() if act == action), None)
