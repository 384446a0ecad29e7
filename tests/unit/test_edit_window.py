"""An edit counts only within EDIT_WINDOW of sending: a late edit changes nothing."""
from __future__ import annotations

from datetime import timedelta

from bot.domain import IncomingMessage, Person
from bot.services.edits import EDIT_WINDOW, EditService
from storage.models import User, utcnow


async def test_late_edit_is_ignored() -> None:
    msg = IncomingMessage(chat_id=-1, chat_type="supergroup", sender=Person(1), message_id=5,
                          text="幸福小区3号门的路灯坏了")
    late = utcnow() - EDIT_WINDOW - timedelta(seconds=1)
    assert await EditService(None).on_edit(None, msg, User(id=1), "zh", late) is None  # type: ignore[arg-type]  # refused before any use
