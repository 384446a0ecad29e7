"""What the WeCom emulator remembers: tokens, groups, media, what the bot sent, injected faults."""
from __future__ import annotations

import asyncio
import itertools
import secrets
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any

# errcode → errmsg for what the emulator answers (the texts are shortened from WeCom's global code table)
ERRMSG = {
    -1: "system busy",
    0: "ok",
    40001: "invalid credential",
    40007: "invalid media_id",
    40008: "invalid message type",
    40014: "invalid access_token",
    40058: "invalid parameter",
    41001: "access_token missing",
    42001: "access_token expired",
    45009: "reach max api daily quota limit",
    45033: "api concurrent out of limit",
    60111: "invalid userid",
    86003: "chat not exist",
}


@dataclass
class Fault:
    api: str  # "message/send", "appchat/send", ... or "*"
    errcode: int
    times: int


@dataclass
class Sent:
    """One message the bot sent, as the control API shows it."""

    seq: int
    via: str  # message/send | appchat/send | aibot/response
    chat: str  # the userid (private), the chatid (group)
    msgtype: str
    body: dict[str, Any]
    msgid: str
    response_code: str | None = None  # a template card's, for its button presses
    replaced: str | None = None  # the label its buttons became (update_template_card)
    answers: str | None = None  # through a response_url: the msgid of the member's message it answers
    at: float = field(default_factory=time.time)

    def view(self) -> dict[str, Any]:
        content = self.body.get(self.msgtype)
        text = content.get("content") if isinstance(content, dict) else None
        return {"seq": self.seq, "via": self.via, "chat": self.chat, "msgtype": self.msgtype,
                "text": text, "body": self.body, "msgid": self.msgid, "response_code": self.response_code,
                "replaced": self.replaced, "answers": self.answers}


@dataclass
class ResponseUrl:
    """An AI bot callback's response_url: one use, valid for an hour (智能机器人 · 主动回复消息)."""

    chat: str
    chattype: str
    expires: float
    used: bool = False
    msgid: str | None = None  # the callback it came with: what an answer through it answers


class WeComState:
    def __init__(self, token_ttl: float) -> None:
        self.token_ttl = token_ttl
        self.tokens: dict[str, float] = {}  # access_token → expiry (time.monotonic)
        self.current: str | None = None
        self.groups: dict[str, dict[str, Any]] = {}
        self.names: dict[str, str] = {}  # userid → the member's name (user/get), as a member's post gave it
        self.media: dict[str, tuple[bytes, str, str, str]] = {}  # media_id → (bytes, type, filename, mime)
        self.sent: list[Sent] = []
        self.cards: dict[str, Sent] = {}  # task_id → the card's message
        self.responses: dict[str, ResponseUrl] = {}
        self.aibot_images: dict[str, str] = {}  # a mixed message's image (its media_id) → its aeskey
        self.codes: dict[str, str] = {}  # unused response_code → its card's task_id
        self.faults: list[Fault] = []
        self.calls: dict[str, int] = {}
        self.errors: dict[str, int] = {}
        self.callbacks: list[dict[str, Any]] = []  # each delivery: kind, status, body
        self.signal = asyncio.Event()
        self._seq = itertools.count(1)
        self.member_sends: dict[str, deque[float]] = {}  # userid → times of the last minute's messages
        self.dropped = 0  # messages dropped by the per-member limit

    def member_slot(self, userid: str, per_minute: int) -> bool:
        """Whether one more message to `userid` fits the last minute (counted when it does)."""
        now = time.monotonic()
        window = self.member_sends.setdefault(userid, deque())
        while window and window[0] <= now - 60:
            window.popleft()
        if len(window) >= per_minute:
            self.dropped += 1
            return False
        window.append(now)
        return True

    # -- tokens --------------------------------------------------------------
    def issue_token(self) -> tuple[str, int]:
        """The same token while it is valid (as WeCom does), a new one once it has expired."""
        now = time.monotonic()
        if self.current and self.tokens.get(self.current, 0) > now:
            return self.current, int(self.tokens[self.current] - now)
        token = secrets.token_urlsafe(24)
        self.tokens[token] = now + self.token_ttl
        self.current = token
        return token, int(self.token_ttl)

    def token_error(self, token: str | None) -> int:
        if not token:
            return 41001
        expiry = self.tokens.get(token)
        if expiry is None:
            return 40014
        return 42001 if expiry <= time.monotonic() else 0

    def expire_tokens(self) -> None:
        for token in self.tokens:
            self.tokens[token] = 0.0

    # -- faults --------------------------------------------------------------
    def take_fault(self, api: str) -> int:
        for fault in self.faults:
            if fault.api in (api, "*") and fault.times > 0:
                fault.times -= 1
                if fault.times == 0:
                    self.faults.remove(fault)
                return fault.errcode
        return 0

    # -- messages ------------------------------------------------------------
    def record(self, via: str, chat: str, body: dict[str, Any], response_code: str | None = None) -> Sent:
        seq = next(self._seq)
        sent = Sent(seq, via, chat, str(body.get("msgtype", "")), body, f"emu-msg-{seq}", response_code)
        self.sent.append(sent)
        card = body.get("template_card")
        if isinstance(card, dict) and card.get("task_id"):
            self.cards[str(card["task_id"])] = sent
        self.signal.set()
        self.signal = asyncio.Event()
        return sent

    def new_id(self, prefix: str) -> str:
        return f"{prefix}{next(self._seq)}"
