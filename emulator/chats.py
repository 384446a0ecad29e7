"""Bot API methods about the bot, chats, members, commands, files and callbacks."""

from __future__ import annotations

import json
import re
from typing import Any

from .errors import bad_request
from .messages import resolve_chat
from .params import Params
from .registry import Ctx, method

_COMMAND_RE = re.compile(r"^[a-z0-9_]{1,32}$")
CHAT_ACTIONS = {"typing", "upload_photo", "record_video", "upload_video", "record_voice",
                "upload_voice", "upload_document", "choose_sticker", "find_location",
                "record_video_note", "upload_video_note"}
_ADMIN_RIGHTS = {
    "can_be_edited": False, "is_anonymous": False, "can_manage_chat": True,
    "can_delete_messages": True, "can_manage_video_chats": True, "can_restrict_members": True,
    "can_promote_members": False, "can_change_info": True, "can_invite_users": True,
    "can_post_stories": False, "can_edit_stories": False, "can_delete_stories": False,
    "can_pin_messages": True, "can_send_welcome_messages": False,
}
_RESTRICTED = {
    "is_member": True, "can_send_messages": False, "can_send_audios": False,
    "can_send_documents": False, "can_send_photos": False, "can_send_videos": False,
    "can_send_video_notes": False, "can_send_voice_notes": False, "can_send_polls": False,
    "can_send_other_messages": False, "can_add_web_page_previews": False,
    "can_react_to_messages": False, "can_edit_tag": False, "can_change_info": False,
    "can_invite_users": False, "can_pin_messages": False, "can_manage_topics": False,
    "until_date": 0,
}


def member_obj(user: dict, status: str) -> dict:
    """Telegram ChatMember of the right subtype for ``status``."""
    obj: dict[str, Any] = {"status": status, "user": user}
    if status == "creator":
        obj["is_anonymous"] = False
    elif status == "administrator":
        obj.update(_ADMIN_RIGHTS)
    elif status == "kicked":
        obj["until_date"] = 0
    elif status == "restricted":
        obj.update(_RESTRICTED)
    return obj


@method("getMe")
async def get_me(ctx: Ctx, p: Params) -> dict:
    return {**ctx.state.bot_user, "can_join_groups": True, "can_read_all_group_messages": False,
            "supports_inline_queries": False, "can_connect_to_business": False,
            "has_main_web_app": False}


@method("getChat")
async def get_chat(ctx: Ctx, p: Params) -> dict:
    chat = resolve_chat(ctx, p, write=False)
    return {**chat.obj(), "accent_color_id": 0, "max_reaction_count": 11,
            "accepted_gift_types": {"unlimited_gifts": False, "limited_gifts": False,
                                    "unique_gifts": False, "premium_subscription": False,
                                    "gifts_from_channels": False}}


@method("getChatMember")
async def get_chat_member(ctx: Ctx, p: Params) -> dict:
    chat = resolve_chat(ctx, p, write=False)
    uid = p.int("user_id", required=True)
    st = ctx.state
    if uid == st.bot_id:
        user = st.bot_user
    elif uid in st.users:
        user = st.users[uid]
    elif uid in chat.members:
        user = {"id": uid, "is_bot": False, "first_name": f"User {uid}"}
    else:
        raise bad_request("user not found")
    return member_obj(user, chat.members.get(uid, "member"))


@method("getChatAdministrators")
async def get_chat_administrators(ctx: Ctx, p: Params) -> list[dict]:
    chat = resolve_chat(ctx, p, write=False)
    if chat.type == "private":
        raise bad_request("there are no administrators in the private chat")
    st = ctx.state
    out = []
    for uid, status in chat.members.items():
        if status in ("creator", "administrator"):
            user = st.bot_user if uid == st.bot_id else st.users.get(
                uid, {"id": uid, "is_bot": False, "first_name": f"User {uid}"})
            out.append(member_obj(user, status))
    return out


@method("getChatMemberCount")
async def get_chat_member_count(ctx: Ctx, p: Params) -> int:
    chat = resolve_chat(ctx, p, write=False)
    senders = {m.obj["from"]["id"] for m in chat.messages.values() if not m.from_bot}
    active = {u for u, s in chat.members.items() if s not in ("left", "kicked")}
    return len(senders | active) + 1


@method("sendChatAction")
async def send_chat_action(ctx: Ctx, p: Params) -> bool:
    chat = resolve_chat(ctx, p)
    if (p.str("action") or "") not in CHAT_ACTIONS:
        raise bad_request("wrong parameter action in request")
    del chat
    return True


@method("pinChatMessage", "unpinChatMessage")
async def pin_chat_message(ctx: Ctx, p: Params) -> bool:
    chat = resolve_chat(ctx, p)
    mid = p.int("message_id")
    if mid is not None and chat.live(mid) is None:
        raise bad_request("message to pin not found")
    return True


@method("unpinAllChatMessages", "leaveChat", "setChatMenuButton",
        "setMyDefaultAdministratorRights", "setMessageReaction")
async def ok_true(ctx: Ctx, p: Params) -> bool:
    return True


@method("getChatMenuButton")
async def get_chat_menu_button(ctx: Ctx, p: Params) -> dict:
    return {"type": "default"}


def _commands_key(p: Params) -> str:
    scope = p.json("scope", "bot command scope") or {"type": "default"}
    return json.dumps(scope, sort_keys=True) + "|" + (p.str("language_code") or "")


@method("setMyCommands")
async def set_my_commands(ctx: Ctx, p: Params) -> bool:
    commands = p.json("commands", "bot commands")
    if not isinstance(commands, list):
        raise bad_request("can't parse commands JSON object")
    if len(commands) > 100:
        raise bad_request("too many commands")
    clean = []
    for cmd in commands:
        if not isinstance(cmd, dict) or not _COMMAND_RE.match(str(cmd.get("command", ""))):
            raise bad_request("BOT_COMMAND_INVALID")
        desc = str(cmd.get("description", ""))
        if not 1 <= len(desc) <= 256:
            raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
        clean.append({"command": cmd["command"], "description": desc})
    ctx.state.commands[_commands_key(p)] = clean
    return True


@method("getMyCommands")
async def get_my_commands(ctx: Ctx, p: Params) -> list[dict]:
    return ctx.state.commands.get(_commands_key(p), [])


@method("deleteMyCommands")
async def delete_my_commands(ctx: Ctx, p: Params) -> bool:
    ctx.state.commands.pop(_commands_key(p), None)
    return True


def _setting(name: str, field: str, limit: int):
    async def setter(ctx: Ctx, p: Params) -> bool:
        value = p.str(field) or ""
        if len(value) > limit:
            raise bad_request(f"{field} is too long")
        ctx.state.settings[f"{field}|{p.str('language_code') or ''}"] = value
        return True

    async def getter(ctx: Ctx, p: Params) -> dict:
        key = f"{field}|{p.str('language_code') or ''}"
        default = ctx.state.bot_user["first_name"] if field == "name" else ""
        return {field: ctx.state.settings.get(key, default)}

    method(f"setMy{name}")(setter)
    method(f"getMy{name}")(getter)


_setting("Name", "name", 64)
_setting("Description", "description", 512)
_setting("ShortDescription", "short_description", 120)


@method("getFile")
async def get_file(ctx: Ctx, p: Params) -> dict:
    rec = ctx.state.files.get(p.str("file_id") or "")
    if rec is None:
        raise bad_request("invalid file_id")
    return rec.api()


@method("answerCallbackQuery")
async def answer_callback_query(ctx: Ctx, p: Params) -> bool:
    qid = p.str("callback_query_id") or ""
    query = ctx.state.callback_queries.get(qid)
    if query is None or query.get("answered"):
        raise bad_request("query is too old and response timeout expired or query ID is invalid")
    text = p.str("text")
    if text is not None and len(text) > 200:
        raise bad_request("MESSAGE_TOO_LONG")
    query["answered"] = True
    ctx.state.answers.append({"callback_query_id": qid, "text": text,
                              "show_alert": p.bool("show_alert"), "url": p.str("url"),
                              "cache_time": p.int("cache_time", 0)})
    return True
