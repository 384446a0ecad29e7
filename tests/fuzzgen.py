"""A seeded generator of hostile and clumsy Telegram updates (issue 12 §6).

Shared by the fuzz test (tests/e2e/test_fuzz.py) and scripts/bench_fuzz.py: odd texts, every
command the dispatcher registers with wrong arity and huge or negative numbers, forged callback
data for every prefix, and every update kind of the Bot API, including those the bot ignores.
Each step is an `Action`: `send` (a user posts), `press` (a button with forged data on one of the
bot's messages) or `raw` (an update injected as given through `/_emu/update`).
"""
from __future__ import annotations

import asyncio
import random
import re
from dataclasses import dataclass, field
from typing import Any

from aiogram.types import Update
from pydantic import ValidationError

from bot.i18n import LANGS, message_keys, t

HUGE = ["99999999999999999999", "99999999999", "2147483648", "9223372036854775808", "-1", "-99999999999",
        "0", "-0", "00000000000000000001", "1e309", "NaN", "Infinity", "１２３", "²", "٣", "9" * 300]
WORDS = ["C-1", "C-000001", "C-99999999999", "c99999999999999999999", "R1", "R-99999999999", "#1", "#",
         "@nobody", "@", "<b>", "</i>", "<x>", "&", "&amp;", "a&b<c>d", "{ $number }", "{$x}", "%s", "{0}",
         "'; DROP TABLE cases; --", "\" OR 1=1", "secretary", "superadmin", "dept", "road", "urgent", "cy", "hd",
         "lighting", "all", "now", "明天", "08:30", "2026-13-45", "25:99", "每周八", "open", "overdue", "mine",
         "approve", "reject", "pending", "grant", "plan", "shifts", "off", "default", "new", "list", "close",
         "results", "cancel", "lessons", "checkins", "zh", "en", "fr", "data_pack", "2.5", "-2.5", "1e9",
         "K7MPQ", "ZZZZZ", "\u200b", "\u202e", "🚧", "𝟙𝟚𝟛", "ｃ－１２３"]
CHITCHAT = ["哈哈哈", "早上好", "今天单子好多", "👍", "🙏🙏", "ok", "收到", "吃了吗", "undefined", "null", "NaN",
            "[object Object]", "None", "lol", "😂😂😂", "。。。", "?", "!!!", "\u200b", "   ", "好的好的",
            "<b>hi</b>", "&amp;", "a & b", "<script>alert(1)</script>", "{ $name }", "%s%s%s", "'; DROP TABLE users; --",
            "/", "//", "/ report", "/ ", "/foo", "/foo bar", "/weather@other_bot", "/123", "/_", "/start@other_bot"]
REPORTS = ["幸福小区3号门的路灯坏了", "建国路口井盖松了", "光华路积水很深 电动车过不去", "streetlight out at Gate 3 of Xingfu"]
MESSAGE_EXTRAS = [
    {"sticker": {"file_id": "CAAC", "file_unique_id": "u1", "type": "regular", "width": 512, "height": 512,
                 "is_animated": False, "is_video": False}},
    {"dice": {"emoji": "🎲", "value": 6}},
    {"contact": {"phone_number": "+8613800000000", "first_name": "X"}},
    {"venue": {"location": {"latitude": 39.9, "longitude": 116.4}, "title": "t", "address": "a"},
     "location": {"latitude": 39.9, "longitude": 116.4}},
    {"location": {"latitude": 91.0, "longitude": 181.0}},
    {"location": {"latitude": -0.0, "longitude": 0.0}},
    {"poll": {"id": "p1", "question": "q?", "options": [{"text": "a", "voter_count": 0, "persistent_id": "o1"}],
              "total_voter_count": 0, "is_closed": False, "is_anonymous": True, "type": "regular",
              "allows_multiple_answers": False, "allows_revoting": False, "members_only": False}},
    {"photo": [{"file_id": "AgAC", "file_unique_id": "p", "width": 1, "height": 1}]},
    {"photo": [{"file_id": "AgAC", "file_unique_id": "p", "width": 1, "height": 1}], "caption": "/case C-99999999999"},
    {"document": {"file_id": "BQAC", "file_unique_id": "d"}, "caption": "undefined"},
    {"voice": {"file_id": "AwAC", "file_unique_id": "v", "duration": 1}},
    {"text": "x", "entities": [{"type": "bold", "offset": 0, "length": 999}]},
    {"text": "/case", "entities": [{"type": "bot_command", "offset": 0, "length": 5}], "via_bot": None},
    {"new_chat_members": [{"id": 123456789, "is_bot": True, "first_name": "Rider Sentinel"}]},
    {"new_chat_members": [{"id": 7777, "is_bot": False, "first_name": "新人"}]},
    {"left_chat_member": {"id": 7777, "is_bot": False, "first_name": "新人"}},
    {"new_chat_title": "改名了"}, {"group_chat_created": True}, {"delete_chat_photo": True},
    {"pinned_message": {"message_id": 1, "date": 0, "chat": {"id": 1, "type": "private"}}},
    {"forum_topic_created": {"name": "topic", "icon_color": 7322096}},
    {"video_chat_started": {}}, {"message_auto_delete_timer_changed": {"message_auto_delete_time": 60}},
    {"text": "forwarded 路灯坏了", "forward_origin": {"type": "hidden_user", "sender_user_name": "x", "date": 0}},
    {"text": "reply to nothing", "reply_to_message": {"message_id": 999999, "date": 0,
                                                      "chat": {"id": 1, "type": "private"}}},
]


@dataclass
class Action:
    kind: str                     # send | press | raw
    chat: dict[str, Any] = field(default_factory=dict)
    user: dict[str, Any] = field(default_factory=dict)
    text: str | None = None
    data: str | None = None       # press: callback data
    update: dict[str, Any] | None = None  # raw: the update without update_id
    chitchat: bool = False        # group chit-chat: the bot must stay silent


class FuzzGen:
    """`actions(n)`: n seeded steps. `commands` and `prefixes` come from the running code (the
    dispatcher's Command filters, the callback regexps), so a command added later is fuzzed too."""

    def __init__(self, seed: int, commands: list[str], prefixes: list[str], users: list[dict[str, Any]],
                 groups: list[dict[str, Any]], quiet_group: dict[str, Any], bot_user: dict[str, Any]) -> None:
        self.rng = random.Random(seed)
        self.commands, self.prefixes = commands, prefixes
        self.users = [{"is_bot": False, **u} for u in users]  # as Telegram sends a User
        self.groups, self.quiet, self.bot_user = groups, quiet_group, bot_user
        self._msg = 10_000

    # --- pieces -----------------------------------------------------------------------------
    def _word(self) -> str:
        r = self.rng.random()
        if r < 0.35:
            return self.rng.choice(HUGE)
        if r < 0.9:
            return self.rng.choice(WORDS)
        return "".join(self.rng.choice("abc中文🚧<>&;:#@/-_ \t\n\u200b") for _ in range(self.rng.randint(1, 12)))

    def _odd_text(self) -> str:
        r = self.rng.random()
        if r < 0.15:
            return self.rng.choice(REPORTS)
        if r < 0.25:
            return "啊" * self.rng.randint(3000, 6000)
        if r < 0.6:
            return self.rng.choice(CHITCHAT)
        return " ".join(self._word() for _ in range(self.rng.randint(1, 6)))

    def _command(self) -> str:
        cmd = self.rng.choice(self.commands)
        at = self.rng.choice(["", "", "", "@rider_sentinel_bot", "@other_bot", "@"])
        case = self.rng.choice([str.lower, str.lower, str.upper])
        args = " ".join(self._word() for _ in range(self.rng.choice([0, 0, 1, 1, 2, 3, 4, 8])))
        return f"/{case(cmd)}{at}" + (f" {args}" if args else "")

    def _callback_data(self) -> str:
        prefix = self.rng.choice(self.prefixes)
        parts = [prefix] + [self.rng.choice(HUGE + ["1", "2", "a", "y", "n", "r", "d", "go", "x", "accept", ""])
                            for _ in range(self.rng.randint(0, 4))]
        data = ":".join(parts)
        if self.rng.random() < 0.1:
            data = self.rng.choice(["", ":", "::::", "x" * 64, "中" * 21, "ca:1:" + "a" * 59])
        return data.encode()[:64].decode(errors="ignore") or ":"

    def _message(self, chat: dict[str, Any], user: dict[str, Any], **fields: Any) -> dict[str, Any]:
        self._msg += 1
        return {"message_id": self._msg, "date": 1764460800, "chat": chat, "from": user, **fields}

    def _raw(self) -> dict[str, Any]:
        rng = self.rng
        user, group = rng.choice(self.users), rng.choice(self.groups)
        chat = rng.choice([group, {"id": user["id"], "type": "private", "first_name": user["first_name"]}])
        channel = {"id": -1009999, "type": "channel", "title": "频道"}
        member = {"status": "member", "user": user}
        left = {"status": "left", "user": self.bot_user}
        kind = rng.choice(["message_extra", "message_extra", "edited_message", "channel_post", "edited_channel_post",
                           "my_chat_member", "chat_member", "chat_join_request", "inline_query",
                           "chosen_inline_result", "shipping_query", "pre_checkout_query", "poll", "poll_answer",
                           "message_reaction", "message_reaction_count", "chat_boost", "removed_chat_boost",
                           "business_connection", "business_message", "edited_business_message",
                           "deleted_business_messages", "purchased_paid_media", "callback_no_message",
                           "subscription", "managed_bot", "guest_message", "stopped_message_generation",
                           "unparseable"])
        if kind == "subscription":
            return {kind: {"user": user, "invoice_payload": "p", "state": "active"}}
        if kind == "managed_bot":
            return {kind: {"user": user, "bot_user": self.bot_user}}
        if kind == "guest_message":
            return {kind: self._message(chat, user, text=self._odd_text()[:100])}
        if kind == "stopped_message_generation":
            return {kind: {"chat": chat, "draft_id": 1}}
        if kind == "unparseable":  # what an older or newer Bot API may send: aiogram cannot read it
            return rng.choice([{"message": {"message_id": 1, "chat": chat, "from": user, "text": "no date"}},
                               {"poll": {"id": "p1", "question": "q?", "options": [{"text": "a", "voter_count": 0}],
                                         "total_voter_count": 0, "is_closed": False, "is_anonymous": True,
                                         "type": "regular", "allows_multiple_answers": False}},
                               {"callback_query": {"id": "1", "from": user}},
                               {"message": {"message_id": "x", "date": "y", "chat": {"id": "z"}}}])
        if kind == "message_extra":
            extra = dict(rng.choice(MESSAGE_EXTRAS))
            extra = {k: v for k, v in extra.items() if v is not None}
            return {"message": self._message(chat, user, **extra)}
        if kind == "edited_message":
            return {"edited_message": self._message(chat, user, text=self._odd_text()[:200], edit_date=1764460900)}
        if kind in ("channel_post", "edited_channel_post"):
            post = {"message_id": 5, "date": 1764460800, "chat": channel, "text": self._odd_text()[:100]}
            return {kind: post}
        if kind in ("my_chat_member", "chat_member"):
            old, new = (member, left) if kind == "my_chat_member" else (left, member)
            return {kind: {"chat": group, "from": user, "date": 1764460800, "old_chat_member": old,
                           "new_chat_member": new}}
        if kind == "chat_join_request":
            return {kind: {"chat": group, "from": user, "user_chat_id": user["id"], "date": 1764460800}}
        if kind == "inline_query":
            return {kind: {"id": str(rng.randint(1, 10**9)), "from": user, "query": self._word(), "offset": ""}}
        if kind == "chosen_inline_result":
            return {kind: {"result_id": "1", "from": user, "query": "q"}}
        if kind == "shipping_query":
            return {kind: {"id": "s1", "from": user, "invoice_payload": "p", "shipping_address": {
                "country_code": "CN", "state": "", "city": "北京", "street_line1": "x", "street_line2": "",
                "post_code": "100000"}}}
        if kind == "pre_checkout_query":
            return {kind: {"id": "c1", "from": user, "currency": "CNY", "total_amount": 1, "invoice_payload": "p"}}
        if kind == "poll":
            return {kind: MESSAGE_EXTRAS[6]["poll"]}
        if kind == "poll_answer":
            return {kind: {"poll_id": "p1", "user": user, "option_ids": [0], "option_persistent_ids": ["o1"]}}
        if kind == "message_reaction":
            return {kind: {"chat": group, "message_id": 1, "user": user, "date": 1764460800, "old_reaction": [],
                           "new_reaction": [{"type": "emoji", "emoji": "👍"}]}}
        if kind == "message_reaction_count":
            return {kind: {"chat": group, "message_id": 1, "date": 1764460800,
                           "reactions": [{"type": {"type": "emoji", "emoji": "👍"}, "total_count": 3}]}}
        if kind in ("chat_boost", "removed_chat_boost"):
            source = {"source": "premium", "user": user}
            body = ({"boost_id": "b", "add_date": 1, "expiration_date": 2, "source": source} if kind == "chat_boost"
                    else None)
            return {kind: {"chat": channel, "boost": body} if body else
                    {"chat": channel, "boost_id": "b", "remove_date": 3, "source": source}}
        if kind == "business_connection":
            return {kind: {"id": "bc1", "user": user, "user_chat_id": user["id"], "date": 1, "is_enabled": True}}
        if kind in ("business_message", "edited_business_message"):
            return {kind: self._message(chat, user, text=self._odd_text()[:100], business_connection_id="bc1")}
        if kind == "deleted_business_messages":
            return {kind: {"business_connection_id": "bc1", "chat": chat, "message_ids": [1, 2]}}
        if kind == "purchased_paid_media":
            return {kind: {"from": user, "paid_media_payload": "x"}}
        # a button press on an inline message: no message at all, just inline_message_id
        return {"callback_query": {"id": str(rng.randint(1, 10**12)), "from": user, "chat_instance": "1",
                                   "inline_message_id": "AAA", "data": self._callback_data()}}

    # --- steps ------------------------------------------------------------------------------
    def actions(self, n: int) -> list[Action]:
        out: list[Action] = []
        rng = self.rng
        while len(out) < n:
            r = rng.random()
            user = rng.choice(self.users)
            private = {"id": user["id"], "type": "private"}
            if r < 0.12:
                out.append(Action("send", self.quiet, user, rng.choice(CHITCHAT), chitchat=True))
            elif r < 0.45:
                out.append(Action("send", rng.choice(self.groups + [private]), user, self._command()))
            elif r < 0.62:
                out.append(Action("send", rng.choice(self.groups + [private, private]), user, self._odd_text()))
            elif r < 0.80:
                out.append(Action("press", private, user, data=self._callback_data()))
            else:
                out.append(Action("raw", update=self._raw()))
        return out


def registered_commands() -> list[str]:
    """Every command a Command filter of the dispatcher answers: a command added later is fuzzed too."""
    from handlers.chat import build_routes
    return sorted(build_routes().commands)


def callback_prefixes() -> list[str]:
    """Every button kind's prefix (`ca`, `cf`, `pt` ...), from the one registry bot.buttons."""
    from bot.buttons import PREFIXES
    return sorted(PREFIXES)


# --- judging what the bot said ------------------------------------------------------------
LEAKS = re.compile(r"Traceback|Exception|Error\b|sqlalchemy|asyncpg|aiogram|File \"|\{ ?\$|pydantic")
KEY_PREFIXES = {k.split("-")[0] for lang in LANGS for k in message_keys(lang) if "-" in k}
KEBAB = re.compile(r"(?<![\w/@.&#-])([a-z]+(?:-[a-z0-9_]+)+)(?![\w-])")
# words with a dash the catalogues themselves use ("report-in"): not keys
PROSE = {w for lang in LANGS for k in message_keys(lang) for w in KEBAB.findall(t(lang, k))}


def leaks(text: str, said: str = "") -> list[str]:
    """What in a text the bot sent must never be shown: tracebacks, exception text, raw keys
    (unless the users themselves wrote it, in `said`, and the bot quoted it back)."""
    found = LEAKS.findall(text)
    found += [k for k in KEBAB.findall(text) if k.split("-")[0] in KEY_PREFIXES and k not in PROSE]
    return [f for f in found if f not in said]




# --- playing ---------------------------------------------------------------------------------
async def play(tg: Any, actions: list[Action], start_msgs: dict[int, int], chunk: int = 25) -> list[int]:
    """Play the actions, `chunk` at a time (presses on the bot's message `start_msgs[user]` in
    their private chat); the update ids created."""
    async def one(a: Action) -> int | None:
        if a.kind == "send":
            return (await tg.send(a.chat, a.user, a.text))["update_id"]
        if a.kind == "press":
            return await _press(tg, a.user["id"], start_msgs[a.user["id"]], a.user, a.data or "")
        return await tg.inject(a.update or {})
    ids: list[int] = []
    for i in range(0, len(actions), chunk):
        ids += [u for u in await asyncio.gather(*(one(a) for a in actions[i:i + chunk])) if u is not None]
    return ids


async def _press(tg: Any, chat_id: int, message_id: int, user: dict[str, Any], data: str) -> int:
    body = {"chat_id": chat_id, "message_id": message_id, "from": user, "data": data}
    return (await tg._call("POST", "press", json=tg._tok(body)))["update_id"]


def unparseable(action: Action) -> bool:
    """A raw update the installed aiogram cannot read (only these may be dead-lettered)."""
    if action.kind != "raw":
        return False
    try:
        Update.model_validate({"update_id": 1, **(action.update or {})})
    except ValidationError:
        return True
    return False


# --- the verdict -----------------------------------------------------------------------------
async def judge(tg: Any, sessions: Any, ids: list[int], actions: list[Action], chats: list[int], quiet_id: int,
                records: list[Any]) -> dict[str, list[str]]:
    """Each kind of failure, with examples (empty lists: none). `records`: the log records seen."""
    import logging

    from sqlmodel import col, select

    from storage.models import ProcessedUpdate
    from storage.models.deadletter import DeadLetter

    failures: dict[str, list[str]] = {}
    stats = await tg.stats()
    failures["unconfirmed updates"] = [str(stats["pending_updates"])] if stats["pending_updates"] else []
    async with sessions() as s:
        done = set()
        for i in range(0, len(ids), 1000):
            chunk = ids[i:i + 1000]
            done |= set((await s.exec(select(ProcessedUpdate.update_id)
                                      .where(col(ProcessedUpdate.update_id).in_(chunk)))).all())
        letters = list((await s.exec(select(DeadLetter))).all())
    failures["updates not marked processed"] = [str(u) for u in ids if u not in done]
    expected = sum(unparseable(a) for a in actions)
    failures["dead letters beyond the unparseable"] = ([d.error.splitlines()[0][:200] for d in letters]
                                                      if len(letters) != expected else [])
    failures["ERROR log records"] = [r.getMessage()[:200] for r in records if r.levelno >= logging.ERROR]
    shown = [(c, m) for c in chats for m in await tg.messages(c)]
    failures["replies to group chit-chat"] = [m["plain_text"][:120] for c, m in shown if c == quiet_id]
    said = "\n".join(a.text or a.data or "" for a in actions)
    failures["leaks in messages"] = [f"{leaks(m['plain_text'] or '', said)}: {m['plain_text'][:120]}"
                                     for _, m in shown if leaks(m["plain_text"] or "", said)]
    answers = [a.get("text") or "" for a in await tg.answers()]
    failures["leaks in button answers"] = [f"{leaks(a, said)}: {a[:120]}" for a in answers if leaks(a, said)]
    failures["resent as plain text (bad HTML)"] = [m["plain_text"][:120] for _, m in shown
                                                   if m.get("parse_mode") is None]
    failures["messages over 4096"] = [m["plain_text"][:60] for _, m in shown if len(m["plain_text"] or "") > 4096]
    failures["_sent"] = [str(len(shown))]
    return failures
