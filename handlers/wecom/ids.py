"""WeCom's string ids as the core's integer ids, and back.

Why: the core (bot/domain.py, the outbox) keys chats and people by integers, Telegram-style; WeCom
names users by userid strings and groups by chatid strings. A number is derived from the string
(BLAKE2b, 52 bits, so it fits a float and a BIGINT alike): a group's is negative and a user's
positive, so `is_group` reads the sign as on Telegram, and a private chat's id is its user's, as on
Telegram. The reverse (number → string, for sending) is remembered as ids are seen; after a restart
it must come from storage (a table of seen ids is left to the integration: docs/wecom.md).
"""
from __future__ import annotations

import hashlib

_BITS = 52


def _number(kind: str, value: str) -> int:
    digest = hashlib.blake2b(f"{kind}:{value}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") >> (64 - _BITS) or 1


def user_number(userid: str) -> int:
    return _number("user", userid)


def chat_number(chatid: str) -> int:
    return -_number("chat", chatid)


def message_number(msgid: str) -> int:
    """A message's id as an integer (an app's MsgId is numeric; an AI bot's msgid is not)."""
    return int(msgid) if msgid.isdigit() and int(msgid) < 2**63 else _number("msg", msgid)


def is_group(chat_id: int) -> bool:
    return chat_id < 0


class IdBook:
    """The strings behind the numbers this process has seen."""

    def __init__(self) -> None:
        self._users: dict[int, str] = {}
        self._chats: dict[int, str] = {}

    def user(self, userid: str) -> int:
        number = user_number(userid)
        self._users[number] = userid
        return number

    def chat(self, chatid: str) -> int:
        number = chat_number(chatid)
        self._chats[number] = chatid
        return number

    def target(self, chat_id: int) -> tuple[str, str]:
        """("group", chatid) or ("user", userid) for a core chat id; KeyError when never seen."""
        if is_group(chat_id):
            return "group", self._chats[chat_id]
        return "user", self._users[chat_id]
