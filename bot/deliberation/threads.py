"""Where a proposal's messages go in each of its groups, and the messages posted there.

A proposal's thread in a group is (issue 19):
- a forum topic of its own where the group has topics (Chat.is_forum): made when the proposal goes
  onto the agenda, named `#<id> <title>`, through the outbox like every send (a row with
  bot.outbox.CREATE_TOPIC, dedupe key `dl-topic:<id>:<chat>`: enqueued once, its thread id stored
  once with the row); the agenda post, comments' answers, the vote, its results and the
  commitment's news name that row (bot.outbox.TOPIC_OF) and go into the topic;
- the topic it was proposed in, for the group it was proposed in from inside a topic (no new one);
- otherwise replies to its agenda post in the group itself (also where making the topic failed).
Made once: the row's dedupe key keeps it to one per proposal and group, a failed try that Telegram
answered with an error (5xx, 429) made nothing and is retried, and the thread id is written once, with
the row's outcome. Telegram's createForumTopic takes no idempotency key, so (as for any send,
bot/outbox.py) only a process killed between Telegram's answer and that commit can make a second topic.
Every message carries a dedupe key `dl-<what>:<id>:<chat>…`, so a reply to any of them (or a message
in the proposal's topic) is a comment on that proposal, and nothing is announced twice.
"""
from __future__ import annotations

from typing import Any

from bot.buttons import SupportPress, encode
from bot.deliberation.limits import MAX_TOPIC_NAME, clip
from bot.domain import PRIORITY_BROADCAST, PRIORITY_CONVERSATION, Notice
from bot.services.people import chat_lang
from bot.outbox import CLOSE_TOPIC, CREATE_TOPIC, EDIT, EDIT_OF, TOPIC_OF, enqueue
from storage.models.deliberation import Proposal
from storage.uow import UnitOfWork


def topic_key(proposal_id: int, chat_id: int) -> str:
    """The dedupe key of the outbox row that makes the proposal's topic in a forum group."""
    return f"dl-topic:{proposal_id}:{chat_id}"


def topic_name(p: Proposal) -> str:
    return clip(f"#{p.id} {p.title}", MAX_TOPIC_NAME)


def in_own_topic(p: Proposal, chat_id: int) -> bool:
    """Proposed inside a forum topic of this group: everything stays there (like a case's news)."""
    return bool(p.thread_id) and chat_id == p.origin_chat_id


async def forums(uow: UnitOfWork, p: Proposal) -> set[int]:
    """Those of the proposal's groups that have topics, as last seen on a message there."""
    await uow.chats.preload_many(set(p.chat_ids))
    out = set()
    for chat_id in p.chat_ids:
        chat = await uow.chats.get(chat_id)
        if chat is not None and chat.is_forum:
            out.add(chat_id)
    return out


def where(p: Proposal, chat_id: int, forum: bool) -> dict[str, Any]:
    """The payload keys that put a message of the proposal in its thread's topic, if any: its own
    topic (from the agenda on, in a forum) or the one it was proposed in."""
    if in_own_topic(p, chat_id):
        return {"thread_id": p.thread_id}
    if forum and p.agenda_at is not None:
        return {TOPIC_OF: topic_key(p.id or 0, chat_id)}
    return {}


def open_topics(uow: UnitOfWork, p: Proposal, forum_chats: set[int]) -> None:
    """One topic per forum group (not the one whose topic it was proposed in). Conversation
    priority and an earlier id than the agenda post: a chat's rows go out in (priority, id) order,
    so the topic exists (or has failed for good) before anything is sent into it."""
    for chat_id in p.chat_ids:
        if chat_id in forum_chats and not in_own_topic(p, chat_id):
            enqueue(uow, Notice(chat_id, "dl-topic", p.lang, priority=PRIORITY_CONVERSATION,
                                dedupe_key=topic_key(p.id or 0, chat_id),
                                payload={CREATE_TOPIC: topic_name(p), "id": p.id}))


async def close_topics(uow: UnitOfWork, p: Proposal) -> None:
    """The proposal ended (done, rejected, declined): each topic made for it is closed, after the
    news queued before (a later row at the lowest priority: a chat's rows go in (priority, id)
    order). A topic it was merely proposed in belongs to others and stays open."""
    made = await uow.outbox.keys_under(f"dl-topic:{p.id}:")
    for chat_id in p.chat_ids:
        if topic_key(p.id or 0, chat_id) in made:
            enqueue(uow, Notice(chat_id, "dl-topic-close", p.lang, priority=PRIORITY_BROADCAST,
                                dedupe_key=f"dl-topic-end:{p.id}:{chat_id}",
                                payload={CLOSE_TOPIC: True, TOPIC_OF: topic_key(p.id or 0, chat_id), "id": p.id}))


async def group_lang(uow: UnitOfWork, chat_id: int, default: str) -> str:
    """The language a group's posts are written in: the group's own (bot.services.people.chat_lang,
    as for an anonymous admin's message: its cases' language, else its lesson plan's), else the
    bot's default — never the proposer's, who may write in another language than the group reads."""
    return await chat_lang(uow, chat_id) or default


async def announce(uow: UnitOfWork, p: Proposal, default: str, kind: str, what: str, *,
                   priority: int = PRIORITY_CONVERSATION, **payload: Any) -> None:
    """One message in each of the proposal's threads (a reply to its agenda post where that
    was sent), at conversation priority like a case's news (a busy group may get it in a
    digest); `what` names it in the dedupe key. PRIORITY_BROADCAST keeps a post its own
    message, never merged: the vote's result, like a survey's summary."""
    roots = await uow.deliberation.thread_roots(p.id or 0)
    forum_chats = await forums(uow, p)
    for chat_id in p.chat_ids:
        enqueue(uow, Notice(chat_id, kind, await group_lang(uow, chat_id, default),
                            payload={"id": p.id, "title": p.title, **payload,
                                     **where(p, chat_id, chat_id in forum_chats)},
                            reply_to=roots.get(chat_id), priority=priority,
                            dedupe_key=f"dl-{what}:{p.id}:{chat_id}"))


async def unbutton(uow: UnitOfWork, p: Proposal, default: str, what: str, key: str, *,
                   changes: dict[str, object] | None = None, **args: object) -> None:
    """Takes the buttons off the proposal's `what` posts (cards, vote posts): used up. Each post is
    re-rendered from its own row with `closed` set (a vote post then drops "you can change your
    vote before the deadline") and `changes` applied (a vote closed early: when it ended), and gets
    the `key` line."""
    for chat_id, message_id, kind, payload in await uow.broadcasts.sent_rows(f"dl-{what}:{p.id}:"):
        was = {"kind": kind, "payload": {**payload, **(changes or {}), "closed": True}}
        enqueue(uow, Notice(chat_id, "settled", await group_lang(uow, chat_id, default), priority=PRIORITY_CONVERSATION,
                            dedupe_key=f"dl-{what}-end:{p.id}:{chat_id}",
                            payload={EDIT: message_id, "html": "", "was": was, "key": key, "args": dict(args)}))


def card_key(proposal_id: int, chat_id: int) -> str:
    """The dedupe key of the outbox row that posts the proposal's card in a group."""
    return f"dl-card:{proposal_id}:{chat_id}"


def card(p: Proposal, supporters: int, threshold: int, days: int) -> dict[str, Any]:
    """The proposal's card (before the agenda: in the group itself, or the topic it came from)."""
    return {"id": p.id, "title": p.title, "body": p.body, "supporters": supporters, "threshold": threshold,
            "days": days, "buttons": [[("dl-btn-support", encode(SupportPress(p.id or 0)))]]}


async def recount_cards(uow: UnitOfWork, p: Proposal, default: str, supporters: int, threshold: int, days: int,
                        *, settled: str | None = None) -> None:
    """The cards show the live support count: an edit of each (through the outbox, paced like any
    send, naming the card's row by EDIT_OF so a card not yet sent is edited once it is). Supports
    arriving faster than the group's pace coalesce: an edit still waiting for the sender takes
    the newest count instead of queueing another. `settled` (a catalogue key): the last edit, the
    card's final count without its button and with that line (on the agenda, declined)."""
    pid = p.id or 0
    payload = card(p, supporters, threshold, days)
    if settled:
        payload = {k: v for k, v in payload.items() if k != "buttons"} | {"settled": settled}
    for chat_id in p.chat_ids:
        prefix = f"dl-card-n:{pid}:{chat_id}:"
        key = prefix + ("end" if settled else str(supporters))
        row = {**payload, EDIT_OF: card_key(pid, chat_id)}
        if not await uow.outbox.replace_pending(chat_id, prefix, key, row):
            enqueue(uow, Notice(chat_id, "dl-card", await group_lang(uow, chat_id, default), payload=row, priority=PRIORITY_CONVERSATION,
                                dedupe_key=key))
