"""Who is talking, in which chat, and in what language we answer them."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta

from bot.commandtext import normalize_command
from bot.domain import PRIORITY_CONVERSATION, IncomingMessage, Notice, Person
from bot.i18n import normalize_lang
from bot.intake.lang import written_language
from bot.outbox import enqueue
from storage.models import Chat, User, utcnow
from storage.repositories.points import PointsRepository
from storage.uow import UnitOfWork

# What a chat missed while it had blocked or removed the bot, and gets once it is back: a case's
# news (the thread of a report in its group, the reporter's private chat; "every change of a case's
# status is announced in the conversation where it was reported"), of the last week.
CATCH_UP_KINDS = ("case-event",)
CATCH_UP = timedelta(days=7)


def reply_lang(user: User | None, language_code: str | None, text: str, default: str) -> str:
    """Explicit /lang choice, then the platform's language_code (Telegram's; registering the person
    has stored it as theirs), then the language the text is written in. A command (its name is
    Latin, its arguments are codes and numbers as often as words), an empty message, a text of no
    words (emoji, digits: bot.intake.lang.written_language) or a press (text "") says none: the person's stored language_code answers it (on WeCom, which tells no
    language, the one their last text was written in), else `default`."""
    if user is not None and user.lang:
        return user.lang
    lang = normalize_lang(language_code)
    if lang:
        return lang
    written = written_language(text) if normalize_command(text) is None else None
    if written:
        return written
    stored = normalize_lang(user.language_code) if user is not None else None
    return stored or default


def own_lang(user: User, default: str) -> str:
    """The language a person reads what the bot tells them unasked (a staff alert, a request to
    decide): their /lang choice, else their platform's language_code (on WeCom, which tells none,
    the one their last text was written in), else the deployment's `default`. Never the language
    of the case or message the notice is about: a Chinese secretary alerted about an English
    rider's report reads Chinese (on Telegram their language_code says so; on WeCom a secretary
    who only sent commands has none, and the case's language answered)."""
    return user.lang or normalize_lang(user.language_code) or default


async def chat_lang(uow: UnitOfWork, chat_id: int) -> str | None:
    """The language a group reads, for a sender who has none (an anonymous admin has no
    language_code; issue 13 B9): its last case's language, else its lesson plan's. None when the chat tells nothing."""
    lang = await uow.cases.latest_lang(chat_id)
    if lang:
        return lang
    schedule = await uow.lessons.schedule(chat_id)
    return schedule.lang if schedule is not None and schedule.lang else None


async def register_person(uow: UnitOfWork, p: Person) -> User:
    return await uow.users.upsert(p.id, p.first_name, p.username, p.language_code)


async def register(uow: UnitOfWork, msg: IncomingMessage) -> User:
    """Record the chat and the sender; a private message means we may write to them later.
    Whoever writes to us has not blocked us (any more): a message clears `blocked`."""
    chat = await uow.chats.ensure(msg.chat_id, msg.chat_type, msg.chat_title)
    await set_reachable(uow, chat, True)
    if msg.is_forum is not None and not msg.is_private and chat.is_forum != msg.is_forum:
        chat.is_forum = msg.is_forum  # topics switched on or off: where a proposal's thread goes
    user = await register_person(uow, msg.sender)
    if msg.is_private:
        user.started = True
    return user


async def joined(uow: UnitOfWork, chat: Chat, lang: str) -> None:
    """The bot just added to a group that belongs to no branch: it says what it does there and how the
    group is put under a branch (/bind), in the language of whoever added it. Adding the bot is a new
    secretary's first step, and silence left them guessing what comes next; a group added back that
    has its branch hears its news instead (set_reachable)."""
    if chat.type in ("group", "supergroup") and chat.branch_id is None:
        enqueue(uow, Notice(chat.id, "joined-unbound", lang, priority=PRIORITY_CONVERSATION))


async def set_reachable(uow: UnitOfWork, chat: Chat, reachable: bool, *, rejoined: bool = False) -> None:
    """Whether the bot may write to `chat` now (a rider blocked or unblocked it, a group removed
    it or added it back). Back in a chat, the case news it refused while away goes out again:
    a group re-adding the bot hears what became of its reports (CATCH_UP_KINDS). Back (or
    `rejoined`: the platform says the bot is a member again, even of a chat not known to have lost
    it), `reachable_at` is stamped: a refusal of a send made before then, recorded later, no longer
    marks the chat blocked (ChatRepository.refused_since)."""
    if reachable and (chat.blocked or rejoined):
        chat.reachable_at = utcnow()
    if bool(chat.blocked) == (not reachable):
        return
    chat.blocked = not reachable
    if reachable:
        await uow.outbox.requeue_refused(chat.id, CATCH_UP_KINDS, utcnow() - CATCH_UP)


@dataclass(frozen=True, slots=True)
class BranchChoice:
    """Which branch a rider acts for by the one rule (`rider_branch`), and every branch the bot knows
    them in, by id. `branch_id` None with several `known`: the rule cannot tell, so ask (the buttons
    of `known`) or refuse naming them; with none known: they have no branch yet."""

    branch_id: int | None
    known: tuple[int, ...]

    @property
    def several(self) -> bool:
        return self.branch_id is None and len(self.known) > 1


async def known_branches(uow: UnitOfWork, user: User) -> tuple[int, ...]:
    """Every branch the bot knows the rider in (it gets no member list from the platform): a
    secretary's own, the branches they reported in to (approved), those whose groups know them (a
    case, a proposal, a support, a comment or a vote there: DeliberationRepository.known_branches),
    the activities they checked in to and where their points ledger names a branch. By id."""
    known = set(await uow.deliberation.known_branches(user.id))
    known |= {b.id for b in await uow.checkins.branches_seen(user.id) if b.id is not None}
    known |= {r.branch_id for r in await uow.checkins.report_ins_of(user.id)
              if r.status == "approved" and r.branch_id is not None}
    known |= set(await PointsRepository(uow.session, uow.deferred).branches_of(user.id))
    if user.branch_id is not None:
        known.add(user.branch_id)
    return tuple(sorted(known))


async def rider_branch(uow: UnitOfWork, user: User, group_branch: int | None = None) -> BranchChoice:
    """THE rule for which branch a rider acts for, used by every feature that needs one (a private
    report, deliberation, points, report-in): acting in a branch's group (`group_branch`), that
    branch — being there is being known there; else a secretary's own branch (their role's); else
    the one branch the bot knows them in; else none: several known (ask, or refuse naming them), or
    none at all. Never the first or the latest of several: which one would be a guess."""
    known = await known_branches(uow, user)
    if group_branch is not None:
        return BranchChoice(group_branch, tuple(sorted(set(known) | {group_branch})))
    if user.role == "secretary" and user.branch_id is not None:
        return BranchChoice(user.branch_id, known)
    return BranchChoice(known[0] if len(known) == 1 else None, known)


async def branch_names(uow: UnitOfWork, ids: tuple[int, ...]) -> str:
    """The branches by name, for an answer that asks the rider to choose ("朝阳支部 / 海淀支部")."""
    names = []
    for branch_id in ids:
        branch = await uow.branches.get(branch_id)
        names.append((branch.name or branch.code) if branch is not None else str(branch_id))
    return " / ".join(names)


async def sole_branch(uow: UnitOfWork, user: User) -> int | None:
    """The branch a rider's private report belongs to (`rider_branch` outside a group): None when the
    bot knows them in none, or in several — then the report stays with the superadmins."""
    return (await rider_branch(uow, user)).branch_id


def named(user: User) -> str:
    """The person by name: their first name, else their id."""
    return user.first_name.strip() or str(user.id)


_ID_OR_USERNAME = re.compile(r"@?[A-Za-z0-9_]+|-?\d+")


async def person_typed(uow: UnitOfWork, who: str, branch_id: int | None, everyone: bool) -> tuple[User | None, int]:
    """THE reading of a person staff type (`/points grant 李师傅 10 …`, `/grant 李师傅 部门 …`): an id
    or an @username (UserRepository.find); else a display name (`李师傅`, or `Amy` when no username
    is Amy) that members of `branch_id` go by (known_branches; `everyone`: a superadmin's scope).
    (the person, 1) when exactly one is; (None, n) when n of them go by it (ask for the @username
    or a reply); (None, 0) for nobody. Whoever of another branch goes by the name counts as
    nobody: the answer tells nothing of other branches' members."""
    typed = who.strip()
    if _ID_OR_USERNAME.fullmatch(typed):
        found = await uow.users.find(typed)
        if found is not None or typed.startswith("@") or typed.lstrip("-").isdigit():
            return found, int(found is not None)
    if not typed.lstrip("@") or (branch_id is None and not everyone):
        return None, 0
    members = [u for u in await uow.users.named(typed.lstrip("@"))
               if everyone or branch_id in await known_branches(uow, u)]
    return (members[0] if len(members) == 1 else None), len(members)


async def shown_name(uow: UnitOfWork, user: User, typed: str, *, superadmin: bool, branch_id: int | None,
                     known: bool = False) -> str:
    """How an answer to staff who typed a person (`/grant 8003 …`, `/points ledger 8003`) names them:
    by name when the sender may know it (a superadmin always; a secretary of `branch_id` when the
    person is one of their branch's riders, reported in to it or known from its groups, as
    deliberation asks, or `known` otherwise, e.g. their points lines there), else as typed. Naming
    another branch's rider is a disclosure (the permission matrix)."""
    if superadmin or known:
        return named(user)
    if branch_id is not None and (user.branch_id == branch_id or await uow.deliberation.known_in(branch_id, user.id)):
        return named(user)
    return typed[:64]
