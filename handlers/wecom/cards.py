"""Which template cards the bot sent for which message, and the code that may update each.

Why: the core settles a decided dialog by editing the message that carried its buttons (the outbox's
EDIT rows name our earlier message's platform id). WeCom cannot edit a message, but it can update a
template card once per response_code (message/update_template_card): the send answers one, valid 72
hours, and every press of the card brings a fresh one. The transport notes its cards here when it
sends them; the callback notes each press's code; an EDIT then greys the card's buttons out with the
decision as their label.
"""
from __future__ import annotations

from dataclasses import dataclass


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


class CardBook:
    def __init__(self) -> None:
        self._by_message: dict[int, list[CardRef]] = {}
        self._by_task: dict[str, CardRef] = {}
        self._message_of: dict[str, int] = {}
        self._html_of: dict[str, str] = {}

    def sent(self, message_number: int, userid: str, task_id: str, response_code: str | None,
             html: str = "") -> None:
        """`html`: the message's text as the renderer gave it (a settling edit keeps it above the decision)."""
        ref = CardRef(userid, task_id, response_code)
        self._by_message.setdefault(message_number, []).append(ref)
        self._by_task[task_id] = ref
        self._message_of[task_id] = message_number
        self._html_of[task_id] = html

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
