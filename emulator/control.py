"""The ``/_emu/`` JSON control API that tests and the demo use to play users."""

from __future__ import annotations

import asyncio
import json
import time
from typing import TYPE_CHECKING, Any, Awaitable, Callable

from aiohttp import web

from .html import utf16_len
from .messages import photo_sizes
from .state import BotState, ChatState
from .telegram_events import member_update, send_extras, setup_events

if TYPE_CHECKING:
    from .server import Emulator

_MEMBER_STATUSES = {"creator", "administrator", "member", "restricted", "left", "kicked"}


class ControlError(Exception):
    """Becomes ``{"ok": false, "error": ...}`` with HTTP 400 (or ``status``)."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


def _need(body: dict, key: str) -> Any:
    if body.get(key) is None:
        raise ControlError(f"{key} is required")
    return body[key]


def _int(value: Any, key: str) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise ControlError(f"{key} must be an integer") from None


def _command_entities(text: str) -> list[dict]:
    """Telegram marks a leading /command (incl. @botname) as a bot_command entity."""
    if not text.startswith("/") or len(text) < 2 or text[1].isspace():
        return []
    word = text.split(maxsplit=1)[0]
    return [{"type": "bot_command", "offset": 0, "length": utf16_len(word)}]


def _fake_jpeg(name: str) -> bytes:
    return b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + name.encode() + b"\xff\xd9"


class Control:
    """Route handlers bound to one Emulator."""

    def __init__(self, emu: "Emulator") -> None:
        self.emu = emu

    def _state(self, token: str | None) -> BotState:
        return self.emu.state(self.emu.resolve_token(token))

    def _chat(self, st: BotState, chat_id: Any) -> ChatState:
        chat = st.chat(_int(chat_id, "chat_id"))
        if chat is None:
            raise ControlError("chat not found")
        return chat

    # -- users acting ----------------------------------------------------------
    async def send(self, body: dict, query: dict) -> dict:
        st = self._state(body.get("token"))
        frm = _need(body, "from")
        if not isinstance(frm, dict) or frm.get("id") is None:
            raise ControlError("from.id is required")
        user = st.remember_user(frm)
        chat_data = dict(body.get("chat") or {"id": user["id"], "type": "private"})
        if chat_data.get("id") is None:
            raise ControlError("chat.id is required")
        if (chat_data.get("type") or "private") == "private":
            for key in ("first_name", "last_name", "username"):
                chat_data.setdefault(key, user.get(key))
        chat = st.ensure_chat(chat_data)

        reply_to = None
        if body.get("reply_to_message_id") is not None:
            reply_to = chat.live(_int(body["reply_to_message_id"], "reply_to_message_id"))
            if reply_to is None:
                raise ControlError("message to be replied not found")

        fields: dict[str, Any] = {}
        meta: dict[str, Any] = {}
        text = body.get("text")
        if text is not None:
            fields["text"] = str(text)
            meta.update(text=str(text), plain_text=str(text))
            entities = _command_entities(str(text))
            if entities:
                fields["entities"] = entities
        if body.get("photo"):
            name = body["photo"] if isinstance(body["photo"], str) else "photo.jpg"
            rec = st.store_file(_fake_jpeg(name), "photo", name, "image/jpeg")
            fields["photo"] = photo_sizes(st, rec)
            meta["photo"] = rec.file_id
        if body.get("document"):
            doc = body["document"] if isinstance(body["document"], dict) else {"file_name": str(body["document"])}
            name = doc.get("file_name", "file.bin")
            rec = st.store_file(str(doc.get("content", name)).encode(), "document", name,
                                doc.get("mime_type", "application/octet-stream"))
            fields["document"] = {"file_id": rec.file_id, "file_unique_id": rec.file_unique_id,
                                  "file_name": name, "mime_type": rec.mime_type,
                                  "file_size": len(rec.content)}
            meta["document"] = fields["document"]
        if body.get("voice"):
            voice = body["voice"] if isinstance(body["voice"], dict) else {}
            content = voice.get("content")  # the audio's bytes (text, utf-8), else a stand-in OGG
            rec = st.store_file(str(content).encode() if content is not None else b"OggS\x00fake-voice",
                                "voice", "voice.oga", "audio/ogg")
            fields["voice"] = {"file_id": rec.file_id, "file_unique_id": rec.file_unique_id,
                               "duration": int(voice.get("duration", 1)), "mime_type": "audio/ogg",
                               "file_size": len(rec.content)}
        if body.get("location"):
            loc = body["location"]
            fields["location"] = {"latitude": float(loc["latitude"]),
                                  "longitude": float(loc["longitude"])}
        if body.get("caption") is not None and text is None:
            caption = str(body["caption"])
            fields["caption"] = caption
            meta.update(caption=caption, plain_text=caption)
            entities = _command_entities(caption)
            if entities:
                fields["caption_entities"] = entities
        send_extras(st, chat, body, fields)
        if not fields:
            raise ControlError("one of text, caption, photo, document, voice, location is required")

        msg = st.add_message(chat, False, user, fields, reply_to, **meta)
        update_id = None
        if not (chat.blocked and chat.type != "private"):  # a kicked bot sees nothing
            update_id = st.add_update("message", msg.obj)
        return {"message_id": msg.message_id, "update_id": update_id, "message": msg.obj}

    async def edit(self, body: dict, query: dict) -> dict:
        """A user edits their own message -> ``edited_message`` update."""
        st = self._state(body.get("token"))
        chat = self._chat(st, _need(body, "chat_id"))
        msg = chat.live(_int(_need(body, "message_id"), "message_id"))
        if msg is None or msg.from_bot:
            raise ControlError("message to edit not found")
        text = str(_need(body, "text"))
        msg.obj["edit_date"] = int(time.time())
        if "text" not in msg.obj and ("caption" in msg.obj or "photo" in msg.obj):  # a photo's caption
            msg.obj["caption"] = text
            msg.obj.pop("caption_entities", None)
            if _command_entities(text):
                msg.obj["caption_entities"] = _command_entities(text)
        else:
            msg.obj["text"] = text
            msg.obj.pop("entities", None)
            if _command_entities(text):
                msg.obj["entities"] = _command_entities(text)
        msg.text = msg.plain_text = text
        msg.edits.append({"text": text, "plain_text": text, "caption": None,
                          "reply_markup": None, "date": msg.obj["edit_date"]})
        st.message_signal.notify()
        return {"update_id": st.add_update("edited_message", msg.obj)}

    async def press(self, body: dict, query: dict) -> dict:
        st = self._state(body.get("token"))
        chat = self._chat(st, _need(body, "chat_id"))
        msg = chat.live(_int(_need(body, "message_id"), "message_id"))
        if msg is None or not msg.from_bot:
            raise ControlError("message not found")
        frm = body.get("from") or {"id": chat.id, "first_name": chat.first_name or "User"}
        user = st.remember_user(frm)
        qid = st.new_callback_id()
        st.callback_queries[qid] = {"chat_id": chat.id, "message_id": msg.message_id,
                                    "answered": False}
        payload = {"id": qid, "from": user, "message": msg.obj,
                   "chat_instance": st.chat_instance(chat.id)}
        if body.get("data") is not None:
            payload["data"] = str(body["data"])
        update_id = st.add_update("callback_query", payload)
        return {"callback_query_id": qid, "update_id": update_id}

    async def raw_update(self, body: dict, query: dict) -> dict:
        """Queue a raw update, delivered as given: any update kind (``poll``, ``chat_member``,
        ``message_reaction`` ...), forged callback data, or one a client library cannot parse."""
        st = self._state(body.get("token"))
        update = _need(body, "update")
        if not isinstance(update, dict) or not update:
            raise ControlError("update must be a non-empty JSON object")
        return {"update_id": st.add_raw_update(update)}

    async def chat(self, body: dict, query: dict) -> dict:
        st = self._state(body.get("token"))
        data = body.get("chat") or body
        if data.get("id") is None:
            raise ControlError("chat.id is required")
        return {"chat": st.ensure_chat(data).obj()}

    # -- observing -------------------------------------------------------------
    def _messages(self, query: dict) -> tuple[BotState, int, list[dict]]:
        st = self._state(query.get("token"))
        chat_id = _int(query.get("chat_id"), "chat_id")
        include_user = str(query.get("include_user", "")).lower() in ("1", "true", "yes")
        views = [m.view() for m in st.bot_messages(chat_id, include_user)]
        return st, chat_id, views

    async def messages(self, body: dict, query: dict) -> dict:
        return {"messages": self._messages(query)[2]}

    async def wait(self, body: dict, query: dict) -> dict:
        """Long-poll until the bot has sent ``count`` messages to the chat."""
        st = self._state(query.get("token"))
        chat_id = _int(query.get("chat_id"), "chat_id")
        count = _int(query.get("count", 1), "count")
        deadline = asyncio.get_running_loop().time() + float(query.get("timeout", 5))
        timed_out = False
        while True:
            wake = st.message_signal.event()
            if len(st.bot_messages(chat_id)) >= count or self.emu.closing:
                break
            remaining = deadline - asyncio.get_running_loop().time()
            if remaining <= 0:
                timed_out = True
                break
            try:
                await asyncio.wait_for(wake.wait(), remaining)
            except TimeoutError:
                pass
            st = self._state(query.get("token"))  # survive a concurrent reset
        return {"messages": self._messages(query)[2], "timed_out": timed_out}

    async def answers(self, body: dict, query: dict) -> dict:
        st = self._state(query.get("token"))
        qid = query.get("callback_query_id")
        return {"answers": [a for a in st.answers if not qid or a["callback_query_id"] == qid]}

    async def updates(self, body: dict, query: dict) -> dict:
        return {"updates": self._state(query.get("token")).updates}

    async def stats(self, body: dict, query: dict) -> dict:
        emu = self.emu
        return {"calls": dict(emu.stats.calls), "errors": dict(emu.stats.errors),
                "sent": sum(s.sent for s in emu.states.values()),
                "pending_updates": sum(len(s.updates) for s in emu.states.values()),
                "limits": emu.config.public(), "bots": list(emu.states)}

    # -- configuring -----------------------------------------------------------
    async def reset(self, body: dict, query: dict) -> dict:
        self.emu.reset()
        return {"ok": True}

    async def config(self, body: dict, query: dict) -> dict:
        try:
            self.emu.config.update(body)
        except (TypeError, ValueError) as exc:
            raise ControlError(f"bad config: {exc}") from None
        return self.emu.config.public()

    async def get_config(self, body: dict, query: dict) -> dict:
        return self.emu.config.public()

    async def add_fault(self, body: dict, query: dict) -> dict:
        if not body.get("method"):
            raise ControlError("method is required")
        try:
            fault = self.emu.faults.add(body)
        except (TypeError, ValueError) as exc:
            raise ControlError(f"bad fault: {exc}") from None
        return {"fault": fault, "faults": self.emu.faults.items}

    async def list_faults(self, body: dict, query: dict) -> dict:
        return {"faults": self.emu.faults.items}

    async def clear_faults(self, body: dict, query: dict) -> dict:
        self.emu.faults.clear()
        return {"faults": []}

    async def block(self, body: dict, query: dict) -> dict:
        st = self._state(body.get("token"))
        chat = self._chat(st, _need(body, "chat_id"))
        was = chat.blocked
        chat.blocked = bool(body.get("blocked", True))
        update_id = None
        # Telegram tells the bot (my_chat_member); opt-in here, so older scripts see no new update.
        if body.get("notify") and chat.type == "private" and was != chat.blocked:
            user = st.users.get(chat.id) or st.remember_user({"id": chat.id, "first_name": chat.first_name})
            update_id = member_update(st, chat, user, "kicked" if was else "member",
                                      "kicked" if chat.blocked else "member")
        return {"chat_id": chat.id, "blocked": chat.blocked, "update_id": update_id}

    async def member(self, body: dict, query: dict) -> dict:
        st = self._state(body.get("token"))
        chat = self._chat(st, _need(body, "chat_id"))
        uid = _int(_need(body, "user_id"), "user_id")
        status = str(body.get("status", "member"))
        if status not in _MEMBER_STATUSES:
            raise ControlError(f"status must be one of {sorted(_MEMBER_STATUSES)}")
        old = chat.members.get(uid, "left" if uid == st.bot_id and chat.blocked else "member")
        chat.members[uid] = status
        if isinstance(body.get("user"), dict):
            st.remember_user({**body["user"], "id": uid})
        update_id = None
        if uid == st.bot_id and chat.type != "private":
            chat.blocked = status in ("left", "kicked")
            if body.get("notify") and old != status:  # the bot hears of its membership (my_chat_member)
                frm = body.get("from")
                actor = st.remember_user(frm) if isinstance(frm, dict) and frm.get("id") else st.bot_user
                update_id = member_update(st, chat, actor, old, status)
        return {"chat_id": chat.id, "user_id": uid, "status": status, "update_id": update_id}


Route = Callable[[dict, dict], Awaitable[dict]]


def _readable(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False)


def _wrap(fn: Route) -> Callable[[web.Request], Awaitable[web.Response]]:
    async def handler(request: web.Request) -> web.Response:
        body: dict = {}
        if request.can_read_body:
            try:
                data = await request.json()
            except ValueError:
                return web.json_response({"ok": False, "error": "body must be JSON"}, status=400)
            if not isinstance(data, dict):
                return web.json_response({"ok": False, "error": "body must be a JSON object"},
                                         status=400)
            body = data
        try:
            # Chinese stays Chinese in what people read with curl (ensure_ascii=False; still valid JSON)
            return web.json_response(await fn(body, dict(request.query)), dumps=_readable)
        except ControlError as exc:
            return web.json_response({"ok": False, "error": str(exc)}, status=exc.status)
        except (KeyError, TypeError, ValueError) as exc:
            return web.json_response({"ok": False, "error": f"bad request: {exc!r}"}, status=400)

    return handler


def setup_control(app: web.Application, emu: "Emulator") -> None:
    c = Control(emu)
    routes = [
        ("POST", "/_emu/send", c.send), ("POST", "/_emu/edit", c.edit),
        ("POST", "/_emu/press", c.press), ("POST", "/_emu/chat", c.chat),
        ("GET", "/_emu/messages", c.messages), ("GET", "/_emu/wait", c.wait),
        ("GET", "/_emu/answers", c.answers), ("GET", "/_emu/updates", c.updates),
        ("GET", "/_emu/stats", c.stats), ("POST", "/_emu/reset", c.reset),
        ("POST", "/_emu/config", c.config), ("GET", "/_emu/config", c.get_config),
        ("POST", "/_emu/faults", c.add_fault), ("GET", "/_emu/faults", c.list_faults),
        ("DELETE", "/_emu/faults", c.clear_faults), ("POST", "/_emu/block", c.block),
        ("POST", "/_emu/member", c.member), ("POST", "/_emu/update", c.raw_update),
    ]
    for verb, path, fn in routes:
        app.router.add_route(verb, path, _wrap(fn))
    setup_events(c, lambda verb, path, fn: app.router.add_route(verb, path, _wrap(fn)))
