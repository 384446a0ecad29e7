"""Telegram behaviours beyond plain messages: group → supergroup migration, albums,
forum topics, anonymous group admins, stickers, deleted messages and the
``my_chat_member`` updates a bot gets when it is blocked, removed or added back.

Kept apart from ``control.py`` so the core routes stay small; ``control.py`` calls
the hooks here and ``setup_events`` adds the routes.
"""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING, Awaitable, Callable

from .errors import ApiError
from .state import BotState, ChatState, StoredMessage, now

if TYPE_CHECKING:
    from .control import Control

# Telegram's stand-in sender for a group admin who posts "anonymously" (as the group).
GROUP_ANONYMOUS_BOT = {"id": 1087968824, "is_bot": True, "first_name": "Group",
                       "username": "GroupAnonymousBot"}
MIGRATED = "Bad Request: group chat was upgraded to a supergroup chat"


def _error(message: str) -> Exception:
    from .control import ControlError  # control imports this module
    return ControlError(message)


def migrated_error(chat: ChatState) -> ApiError | None:
    """The 400 Telegram answers for a group that became a supergroup (with the new id)."""
    if chat.migrated_to is None:
        return None
    return ApiError(400, MIGRATED, parameters={"migrate_to_chat_id": chat.migrated_to})


def send_extras(st: BotState, chat: ChatState, body: dict, fields: dict) -> None:
    """Optional ``/_emu/send`` fields: ``media_group_id``, ``message_thread_id``, ``anonymous``
    (a group admin posting as the group), ``sticker`` (an emoji or ``true``), ``fields`` (any
    other Message fields, merged as given: ``forward_origin``, ``via_bot``, ``venue``, ``contact``…)."""
    if chat.migrated_to is not None:
        raise _error(f"the group was upgraded to supergroup {chat.migrated_to}: post there")
    if body.get("media_group_id") is not None:
        fields["media_group_id"] = str(body["media_group_id"])
    if body.get("message_thread_id") is not None:
        fields["message_thread_id"] = int(body["message_thread_id"])
        fields["is_topic_message"] = True
    if body.get("anonymous"):
        if chat.type == "private":
            raise _error("anonymous admins post in groups only")
        fields["from"] = dict(GROUP_ANONYMOUS_BOT)
        fields["sender_chat"] = chat.obj()
    if isinstance(body.get("fields"), dict):  # any other Message field, as Telegram sends it
        fields.update(body["fields"])          # (forward_origin, via_bot, venue, contact, dice, …)
    if body.get("sticker"):
        emoji = body["sticker"] if isinstance(body["sticker"], str) else "👍"
        rec = st.store_file(b"RIFF\x00fake-webp", "sticker", "sticker.webp", "image/webp")
        fields["sticker"] = {"file_id": rec.file_id, "file_unique_id": rec.file_unique_id,
                             "type": "regular", "width": 512, "height": 512, "is_animated": False,
                             "is_video": False, "emoji": emoji, "file_size": len(rec.content)}


def thread_fields(chat: ChatState, thread_id: int | None, reply: StoredMessage | None,
                  fields: dict) -> None:
    """A bot's message goes to the topic it names, or to the topic of the message it replies to."""
    if thread_id is None and reply is not None:
        thread_id = reply.obj.get("message_thread_id")
    if thread_id:
        fields["message_thread_id"] = int(thread_id)
        fields["is_topic_message"] = True


def member_update(st: BotState, chat: ChatState, actor: dict, old: str, new: str) -> int:
    """A ``my_chat_member`` update: the bot's own status in ``chat`` changed."""
    from .chats import member_obj
    payload = {"chat": chat.obj(), "from": actor, "date": now(),
               "old_chat_member": member_obj(st.bot_user, old),
               "new_chat_member": member_obj(st.bot_user, new)}
    return st.add_update("my_chat_member", payload)


class Events:
    """Routes for the behaviours above."""

    def __init__(self, control: "Control") -> None:
        self.c = control

    async def migrate(self, body: dict, query: dict) -> dict:
        """The group becomes a supergroup: a new id, service messages in both, and sends to the
        old id fail with 400 ``migrate_to_chat_id``."""
        st = self.c._state(body.get("token"))
        old = self.c._chat(st, body.get("chat_id"))
        if old.type != "group":
            raise _error("only a basic group (type \"group\") can be upgraded")
        if old.migrated_to is not None:
            raise _error(f"already upgraded to {old.migrated_to}")
        new_id = int(body.get("new_chat_id") or int(f"-100{abs(old.id)}"))
        if st.chat(new_id) is not None:
            raise _error("new_chat_id is already a chat")
        frm = body.get("from")
        actor = st.remember_user(frm) if isinstance(frm, dict) and frm.get("id") else dict(GROUP_ANONYMOUS_BOT)
        new = st.ensure_chat({"id": new_id, "type": "supergroup", "title": old.title})
        new.members = dict(old.members)
        new.blocked = old.blocked
        old.migrated_to = new_id
        to_msg = st.add_message(old, False, actor, {"migrate_to_chat_id": new_id})
        from_msg = st.add_message(new, False, dict(GROUP_ANONYMOUS_BOT),
                                  {"migrate_from_chat_id": old.id, "sender_chat": new.obj()})
        update_ids = []
        if not old.blocked and body.get("notify", True):  # notify=false: the bot misses them
            update_ids = [st.add_update("message", to_msg.obj), st.add_update("message", from_msg.obj)]
        return {"chat_id": old.id, "new_chat_id": new_id, "update_ids": update_ids}

    async def delete(self, body: dict, query: dict) -> dict:
        """A user (or an admin) deletes a message; the bot is not told (as in Telegram)."""
        st = self.c._state(body.get("token"))
        chat = self.c._chat(st, body.get("chat_id"))
        msg = chat.live(int(body.get("message_id") or 0))
        if msg is None:
            raise _error("message to delete not found")
        msg.deleted = True
        st.message_signal.notify()
        return {"chat_id": chat.id, "message_id": msg.message_id, "deleted": True}

    async def album(self, body: dict, query: dict) -> dict:
        """Several photos sent together: one message each, sharing a ``media_group_id``; the
        caption sits on one of them (``caption_index``, default the first)."""
        photos = body.get("photos") or 2
        names = [f"photo{i}.jpg" for i in range(photos)] if isinstance(photos, int) else list(photos)
        if not 2 <= len(names) <= 10:
            raise _error("an album has 2 to 10 photos")
        group_id = str(body.get("media_group_id") or secrets.randbits(60))
        caption_at = int(body.get("caption_index", 0))
        base = {k: v for k, v in body.items() if k not in ("photos", "caption", "caption_index", "text")}
        out = []
        for i, name in enumerate(names):
            one = {**base, "photo": name, "media_group_id": group_id}
            if i == caption_at and body.get("caption") is not None:
                one["caption"] = body["caption"]
            out.append(await self.c.send(one, query))
        return {"media_group_id": group_id, "message_ids": [m["message_id"] for m in out],
                "update_ids": [m["update_id"] for m in out]}


    async def topics(self, body: dict, query: dict) -> dict:
        """A chat's forum topics (createForumTopic), oldest first: [{message_thread_id, name, icon_color}]."""
        st = self.c._state(query.get("token"))
        chat = self.c._chat(st, query.get("chat_id"))
        return {"chat_id": chat.id, "is_forum": chat.is_forum, "topics": list(chat.topics.values())}


Route = Callable[[dict, dict], Awaitable[dict]]


def setup_events(control: "Control", add: Callable[[str, str, Route], None]) -> None:
    ev = Events(control)
    add("POST", "/_emu/migrate", ev.migrate)
    add("POST", "/_emu/delete", ev.delete)
    add("POST", "/_emu/album", ev.album)
    add("GET", "/_emu/topics", ev.topics)
