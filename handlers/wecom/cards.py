"""Which template cards the bot sent for which message, and the code that may update each.

Why: the core settles a decided dialog by editing the message that carried its buttons (the outbox's
EDIT rows name our earlier message's platform id). WeCom cannot edit a message, but it can update a
template card once per response_code (message/update_template_card): the send answers one, valid 72
hours, and every press of the card brings a fresh one. The transport notes its cards here when it
sends them; the callback notes each press's code; an EDIT then greys the card's buttons out with the
decision as their label.

A group's card (the AI bot's answer to a message) has no response_code: the AI bot updates a card
only in its reply to the press's own callback (智能机器人 · 被动回复消息, `update_template_card`,
within 5 s). So the press's commit leaves the decision here (`decide`: the runtime renders the EDIT
the press queued, handlers/wecom/runtime.py), and the callback, once the press is handled, answers
with the card, its buttons replaced by it. The sender's delivery of that EDIT decides it too, later:
a busy group's pacing may hold it past the 5 s.
"""
from __future__ import annotations

import asyncio
import contextlib
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class CardPress:
    """What a press tells of its card (the neutral ButtonPress's `source` on WeCom)."""

    task_id: str
    response_code: str | None  # a fresh code that may update the card once


@dataclass
class CardRef:
    userid: str
    task_id: str
    response_code: str | None  # the latest unused one; None once used
    card: dict[str, Any] | None = None  # a group's card as sent: the AI bot's update restates it whole


class CardBook:
    def __init__(self) -> None:
        self._by_message: dict[int, list[CardRef]] = {}
        self._by_task: dict[str, CardRef] = {}
        self._message_of: dict[str, int] = {}
        self._html_of: dict[str, str] = {}
        self._decisions: dict[str, str] = {}  # a group card's task_id → the decision its buttons become
        self._decided: dict[str, asyncio.Event] = {}

    def sent(self, message_number: int, userid: str, task_id: str, response_code: str | None,
             html: str = "") -> None:
        """`html`: the message's text as the renderer gave it (a settling edit keeps it above the decision)."""
        ref = CardRef(userid, task_id, response_code)
        self._by_message.setdefault(message_number, []).append(ref)
        self._by_task[task_id] = ref
        self._message_of[task_id] = message_number
        self._html_of[task_id] = html

    def sent_in_group(self, message_number: int, task_id: str, card: dict[str, Any], html: str = "") -> None:
        """A card the AI bot answered a group's message with (no userid, no response_code)."""
        self.sent(message_number, "", task_id, None, html)
        self._by_task[task_id].card = card

    def settling(self, task_id: str) -> None:
        """The press of this group card queued the edit that settles it: its reply waits for it."""
        self._decided.setdefault(task_id, asyncio.Event())

    def decide(self, task_id: str, label: str) -> None:
        """A group card is settled: `label` is what its buttons become, told in the press's reply."""
        self._decisions[task_id] = label
        self._decided.setdefault(task_id, asyncio.Event()).set()

    async def decision(self, task_id: str, timeout: float) -> str | None:
        """The group card's decision once the press that settles it has committed (or its EDIT has been
        delivered), waiting at most `timeout` seconds; None at once
        for a card no press has settled (`settling`), None if it does not come in time."""
        event = self._decided.get(task_id)
        if event is not None and task_id not in self._decisions and timeout > 0:
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(event.wait(), timeout)
        return self._decisions.get(task_id)

    def card_of(self, task_id: str) -> dict[str, Any] | None:
        """A group card's body as sent (None: a private card, or one we do not know)."""
        ref = self._by_task.get(task_id)
        return ref.card if ref is not None else None

    def pressed(self, task_id: str, response_code: str | None) -> None:
        ref = self._by_task.get(task_id)
        if ref is not None and response_code:
            ref.response_code = response_code

    def for_message(self, message_number: int) -> list[CardRef]:
        return self._by_message.get(message_number, [])

    def message_of(self, task_id: str) -> int | None:
        """The message (our send's number) that carried the card; None for a card we do not know."""
        return self._message_of.get(task_id)

    def html_of(self, task_id: str) -> str:
        return self._html_of.get(task_id, "")
