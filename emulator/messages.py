"""Bot API methods that create, edit or delete messages."""

from __future__ import annotations

import json
import re
import secrets
from typing import Any

from .errors import ApiError, CHAT_NOT_FOUND, NOT_MODIFIED, bad_request, forbidden
from .html import EntityParseError, ParsedText, UnsupportedParseMode, parse_text, utf16_len
from .params import Params, Upload
from .registry import Ctx, method
from .state import BotState, ChatState, FileRecord, StoredMessage, now
from .telegram_events import migrated_error, thread_fields

MAX_TEXT = 4096
MAX_CAPTION = 1024
_URL_RE = re.compile(r"^(https?|tg)://\S+$", re.I)


# -- shared helpers ---------------------------------------------------------
def resolve_chat(ctx: Ctx, p: Params, key: str = "chat_id", write: bool = True) -> ChatState:
    """Find the target chat, applying "chat not found" and blocked/kicked rules."""
    raw = p.get(key)
    if raw is None:
        raise bad_request("chat_id is empty")
    chat: ChatState | None = None
    if isinstance(raw, str) and raw.startswith("@"):
        name = raw[1:].lower()
        chat = next((c for c in ctx.state.chats.values()
                     if c.username and c.username.lower() == name and c.type != "private"), None)
    else:
        try:
            chat = ctx.state.chat(int(raw))
        except (TypeError, ValueError):
            raise bad_request(CHAT_NOT_FOUND) from None
    if chat is None:
        raise bad_request(CHAT_NOT_FOUND)
    check_access(chat, write)
    return chat


def check_access(chat: ChatState, write: bool = True) -> None:
    migrated = migrated_error(chat)
    if migrated is not None:
        raise migrated
    if not chat.blocked:
        return
    if chat.type == "private":
        if write:
            raise forbidden("bot was blocked by the user")
        return
    kind = "supergroup" if chat.type == "supergroup" else "group"
    raise forbidden(f"bot was kicked from the {kind} chat")


def parse_body(text: str, mode: str | None, p: Params, entities_key: str) -> ParsedText:
    """Apply parse_mode (or explicit entities) and map errors to Telegram's wording."""
    try:
        parsed = parse_text(text, mode)
    except EntityParseError as exc:
        raise bad_request(f"can't parse entities: {exc}") from None
    except UnsupportedParseMode:
        raise bad_request("unsupported parse_mode") from None
    if not mode and entities_key in p:
        entities = p.json(entities_key, "entities")
        if isinstance(entities, list):
            parsed.entities = entities
    return parsed


def parse_message_text(p: Params, key: str = "text") -> tuple[str, ParsedText]:
    text = p.str(key) or ""
    parsed = parse_body(text, p.str("parse_mode"), p, "entities")
    if not parsed.text.strip():
        raise bad_request("message text is empty")
    if utf16_len(parsed.text) > MAX_TEXT:
        raise bad_request("message is too long")
    return text, parsed


def parse_caption(p: Params) -> tuple[str | None, ParsedText | None]:
    caption = p.str("caption")
    if caption is None:
        return None, None
    parsed = parse_body(caption, p.str("parse_mode"), p, "caption_entities")
    if utf16_len(parsed.text) > MAX_CAPTION:
        raise bad_request("message caption is too long")
    return caption, parsed


def parse_markup(p: Params) -> Any:
    """Decode and validate reply_markup like Telegram does."""
    if "reply_markup" not in p:
        return None
    markup = p.json("reply_markup", "reply keyboard markup")
    if not isinstance(markup, dict):
        raise bad_request("can't parse reply keyboard markup JSON object")
    if "inline_keyboard" in markup:
        rows = markup["inline_keyboard"]
        if not isinstance(rows, list) or not all(isinstance(r, list) for r in rows):
            raise bad_request("field \"inline_keyboard\" of the InlineKeyboardMarkup should be an Array of Arrays")
        for row in rows:
            for button in row:
                _check_inline_button(button)
    elif "keyboard" in markup:
        if not isinstance(markup["keyboard"], list):
            raise bad_request("field \"keyboard\" of the ReplyKeyboardMarkup should be an Array of Arrays")
    return markup


def _check_inline_button(button: Any) -> None:
    if not isinstance(button, dict) or not isinstance(button.get("text"), str):
        raise bad_request("can't parse inline keyboard button: Field \"text\" must be of type String")
    if not button["text"]:
        raise bad_request("BUTTON_TEXT_INVALID")  # not real wording-checked, but close
    if "callback_data" in button:
        data = button["callback_data"]
        if not isinstance(data, str) or not (1 <= len(data.encode("utf-8")) <= 64):
            raise bad_request("BUTTON_DATA_INVALID")
    elif "url" in button:
        if not isinstance(button["url"], str) or not _URL_RE.match(button["url"]):
            raise bad_request("BUTTON_URL_INVALID")
    elif not any(k in button for k in ("login_url", "switch_inline_query", "web_app", "pay",
                                       "switch_inline_query_current_chat", "copy_text",
                                       "callback_game", "switch_inline_query_chosen_chat")):
        raise bad_request("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard")


def inline_markup(markup: Any) -> Any:
    """Only inline keyboards are echoed back inside Message objects."""
    return markup if isinstance(markup, dict) and "inline_keyboard" in markup else None


def resolve_reply(ctx: Ctx, chat: ChatState, p: Params) -> StoredMessage | None:
    """Support both legacy reply_to_message_id and reply_parameters."""
    mid = p.int("reply_to_message_id")
    allow = p.bool("allow_sending_without_reply")
    if "reply_parameters" in p:
        rp = p.json("reply_parameters", "reply parameters")
        if isinstance(rp, dict):
            if rp.get("message_id") is not None:
                mid = int(rp["message_id"])
            allow = bool(rp.get("allow_sending_without_reply", allow))
    if not mid:
        return None
    target = chat.live(mid)
    if target is None and not allow:
        raise bad_request("message to be replied not found")
    return target


def rate_check(ctx: Ctx, chat: ChatState) -> None:
    retry = ctx.state.limiter.check(chat.id)
    if retry is not None:
        raise ApiError(429, f"Too Many Requests: retry after {retry}", retry_after=retry)


def deliver(ctx: Ctx, chat: ChatState, p: Params, fields: dict, markup: Any,
            **meta: Any) -> dict:
    """Common tail of every send*: reply lookup, flood limits, then the effect."""
    reply = resolve_reply(ctx, chat, p)
    if chat.type == "private" and p.int("message_thread_id"):  # a private chat has no topics (no topic mode)
        raise bad_request("message thread not found")
    rate_check(ctx, chat)
    thread_fields(chat, p.int("message_thread_id"), reply, fields)
    if inline_markup(markup) is not None:
        fields["reply_markup"] = markup
    ctx.state.limiter.record(chat.id)
    msg = ctx.state.add_message(chat, True, ctx.state.bot_user, fields, reply,
                                reply_markup=markup, **meta)
    return msg.obj


def _text_fields(parsed: ParsedText, key: str = "text") -> dict:
    fields: dict = {key: parsed.text}
    if parsed.entities:
        fields["entities" if key == "text" else "caption_entities"] = parsed.entities
    return fields


# -- send* ------------------------------------------------------------------
@method("sendMessage")
async def send_message(ctx: Ctx, p: Params) -> dict:
    chat = resolve_chat(ctx, p)
    text, parsed = parse_message_text(p)
    markup = parse_markup(p)
    return deliver(ctx, chat, p, _text_fields(parsed), markup, text=text,
                   plain_text=parsed.text, parse_mode=p.str("parse_mode"))


def _input_file(ctx: Ctx, p: Params, key: str, kind: str, mime: str) -> FileRecord:
    """Resolve an upload, a known file_id, or an HTTP URL into a FileRecord."""
    value = p.file(key)
    if value is None:
        raise bad_request(f"there is no {key} in the request")
    if isinstance(value, Upload):
        return ctx.state.store_file(value.content, kind, value.filename,
                                    value.content_type if value.content_type != "application/octet-stream" else mime)
    if not isinstance(value, str):
        raise bad_request("wrong file identifier/HTTP URL specified")
    known = ctx.state.files.get(value)
    if known is not None:
        return known
    if value.startswith(("http://", "https://")):
        name = value.rsplit("/", 1)[-1] or None
        return ctx.state.store_file(b"", kind, name, mime)
    raise bad_request("wrong file identifier/HTTP URL specified")


def photo_sizes(state: BotState, rec: FileRecord) -> list[dict]:
    """Three PhotoSize entries like Telegram generates; the largest is ``rec``."""
    sizes = []
    for (w, h), r in zip(((90, 67), (320, 240), (800, 600)),
                         (state.alias_file(rec), state.alias_file(rec), rec)):
        sizes.append({"file_id": r.file_id, "file_unique_id": r.file_unique_id,
                      "file_size": len(r.content), "width": w, "height": h})
    return sizes


def _media_message(ctx: Ctx, p: Params, chat: ChatState, media: dict, **meta: Any) -> dict:
    caption, parsed = parse_caption(p)
    markup = parse_markup(p)
    fields = dict(media)
    if parsed is not None and parsed.text:
        fields.update(_text_fields(parsed, "caption"))
    return deliver(ctx, chat, p, fields, markup, caption=caption,
                   plain_text=parsed.text if parsed else None,
                   parse_mode=p.str("parse_mode"), **meta)


@method("sendPhoto")
async def send_photo(ctx: Ctx, p: Params) -> dict:
    chat = resolve_chat(ctx, p)
    rec = _input_file(ctx, p, "photo", "photo", "image/jpeg")
    return _media_message(ctx, p, chat, {"photo": photo_sizes(ctx.state, rec)}, photo=rec.file_id)


def _file_obj(rec: FileRecord, **extra: Any) -> dict:
    obj = {"file_id": rec.file_id, "file_unique_id": rec.file_unique_id,
           "file_size": len(rec.content)}
    obj.update({k: v for k, v in extra.items() if v is not None})
    return obj


@method("sendDocument")
async def send_document(ctx: Ctx, p: Params) -> dict:
    chat = resolve_chat(ctx, p)
    rec = _input_file(ctx, p, "document", "document", "application/octet-stream")
    doc = _file_obj(rec, file_name=rec.file_name, mime_type=rec.mime_type)
    return _media_message(ctx, p, chat, {"document": doc}, document=doc)


@method("sendAudio")
async def send_audio(ctx: Ctx, p: Params) -> dict:
    chat = resolve_chat(ctx, p)
    rec = _input_file(ctx, p, "audio", "audio", "audio/mpeg")
    audio = _file_obj(rec, duration=p.int("duration", 0), file_name=rec.file_name,
                      mime_type=rec.mime_type, performer=p.str("performer"), title=p.str("title"))
    return _media_message(ctx, p, chat, {"audio": audio}, document=audio)


@method("sendVoice")
async def send_voice(ctx: Ctx, p: Params) -> dict:
    chat = resolve_chat(ctx, p)
    rec = _input_file(ctx, p, "voice", "voice", "audio/ogg")
    voice = _file_obj(rec, duration=p.int("duration", 0), mime_type="audio/ogg")
    return _media_message(ctx, p, chat, {"voice": voice}, document=voice)


@method("sendLocation")
async def send_location(ctx: Ctx, p: Params) -> dict:
    chat = resolve_chat(ctx, p)
    try:
        loc = {"latitude": float(p.get("latitude")), "longitude": float(p.get("longitude"))}
    except (TypeError, ValueError):
        raise bad_request("wrong latitude or longitude specified") from None
    return deliver(ctx, chat, p, {"location": loc}, parse_markup(p))


@method("sendPoll")
async def send_poll(ctx: Ctx, p: Params) -> dict:
    chat = resolve_chat(ctx, p)
    question = parse_body(p.str("question") or "", p.str("question_parse_mode"), p,
                          "question_entities").text
    if not question.strip():
        raise bad_request("poll question must be non-empty")
    if utf16_len(question) > 300:
        raise bad_request("poll question length must not exceed 300")
    raw = p.json("options", "poll options")
    if not isinstance(raw, list) or len(raw) < 2:
        raise bad_request("poll must have at least 2 option")
    if len(raw) > 12:
        raise bad_request("poll can't have more than 12 options")
    options = []
    for i, opt in enumerate(raw):
        text = opt.get("text") if isinstance(opt, dict) else str(opt)
        if not text or not str(text).strip() or utf16_len(str(text)) > 100:
            raise bad_request("poll options length must not exceed 100")
        options.append({"persistent_id": str(i), "text": str(text), "voter_count": 0})
    kind = p.str("type") or "regular"
    poll = {"id": str(secrets.randbits(60)), "question": question, "options": options,
            "total_voter_count": 0, "is_closed": p.bool("is_closed"),
            "is_anonymous": p.bool("is_anonymous", True), "type": kind,
            "allows_multiple_answers": p.bool("allows_multiple_answers"),
            "allows_revoting": False, "members_only": False}
    if kind == "quiz":
        correct = p.int("correct_option_id")
        if correct is None or not 0 <= correct < len(options):
            raise bad_request("wrong correct option ID specified")
        poll["correct_option_id"] = correct
    return deliver(ctx, chat, p, {"poll": poll}, parse_markup(p), poll=poll)


@method("stopPoll")
async def stop_poll(ctx: Ctx, p: Params) -> dict:
    chat = resolve_chat(ctx, p)
    msg = chat.live(p.int("message_id"))
    if msg is None or not msg.from_bot or "poll" not in msg.obj:
        raise bad_request("message with poll to stop not found")
    poll = msg.obj["poll"]
    if poll["is_closed"]:
        raise bad_request("poll has already been closed")
    poll["is_closed"] = True
    markup = parse_markup(p)
    if markup is not None:
        _set_markup(msg, markup)
    ctx.state.message_signal.notify()
    return poll


# -- edits ------------------------------------------------------------------
def _editable(ctx: Ctx, p: Params) -> StoredMessage:
    if p.get("inline_message_id") is not None:
        raise bad_request("MESSAGE_ID_INVALID")
    chat = resolve_chat(ctx, p)
    msg = chat.live(p.int("message_id"))
    if msg is None or not msg.from_bot:
        raise bad_request("message to edit not found")
    return msg


def _set_markup(msg: StoredMessage, markup: Any) -> None:
    msg.reply_markup = markup
    if inline_markup(markup) is not None:
        msg.obj["reply_markup"] = markup
    else:
        msg.obj.pop("reply_markup", None)


def _record_edit(ctx: Ctx, msg: StoredMessage) -> dict:
    stamp = now()
    msg.obj["edit_date"] = stamp
    msg.edits.append({"text": msg.text, "plain_text": msg.plain_text, "caption": msg.caption,
                      "reply_markup": msg.reply_markup, "date": stamp})
    ctx.state.message_signal.notify()
    return msg.obj


def _same_markup(a: Any, b: Any) -> bool:
    return json.dumps(inline_markup(a), sort_keys=True) == json.dumps(inline_markup(b), sort_keys=True)


@method("editMessageText")
async def edit_message_text(ctx: Ctx, p: Params) -> dict:
    msg = _editable(ctx, p)
    if "text" not in msg.obj:
        raise bad_request("there is no text in the message to edit")
    text, parsed = parse_message_text(p)
    markup = parse_markup(p)
    if (parsed.text == msg.obj["text"] and parsed.entities == msg.obj.get("entities", [])
            and _same_markup(markup, msg.reply_markup)):
        raise bad_request(NOT_MODIFIED)
    msg.obj["text"] = parsed.text
    msg.obj.pop("entities", None)
    if parsed.entities:
        msg.obj["entities"] = parsed.entities
    msg.text, msg.plain_text, msg.parse_mode = text, parsed.text, p.str("parse_mode")
    _set_markup(msg, markup)
    return _record_edit(ctx, msg)


@method("editMessageCaption")
async def edit_message_caption(ctx: Ctx, p: Params) -> dict:
    msg = _editable(ctx, p)
    if not any(k in msg.obj for k in ("photo", "document", "audio", "voice", "video")):
        raise bad_request("there is no caption in the message to edit")
    caption, parsed = parse_caption(p)
    markup = parse_markup(p)
    new_text = parsed.text if parsed else ""
    new_entities = parsed.entities if parsed else []
    if (new_text == msg.obj.get("caption", "") and new_entities == msg.obj.get("caption_entities", [])
            and _same_markup(markup, msg.reply_markup)):
        raise bad_request(NOT_MODIFIED)
    msg.obj.pop("caption", None)
    msg.obj.pop("caption_entities", None)
    if new_text:
        msg.obj["caption"] = new_text
    if new_entities:
        msg.obj["caption_entities"] = new_entities
    msg.caption, msg.plain_text, msg.parse_mode = caption, new_text or None, p.str("parse_mode")
    _set_markup(msg, markup)
    return _record_edit(ctx, msg)


@method("editMessageReplyMarkup")
async def edit_message_reply_markup(ctx: Ctx, p: Params) -> dict:
    msg = _editable(ctx, p)
    markup = parse_markup(p)
    if _same_markup(markup, msg.reply_markup):
        raise bad_request(NOT_MODIFIED)
    _set_markup(msg, markup)
    return _record_edit(ctx, msg)


@method("deleteMessage")
async def delete_message(ctx: Ctx, p: Params) -> bool:
    chat = resolve_chat(ctx, p)
    msg = chat.live(p.int("message_id"))
    if msg is None:
        raise bad_request("message to delete not found")
    msg.deleted = True
    ctx.state.message_signal.notify()
    return True


@method("deleteMessages")
async def delete_messages(ctx: Ctx, p: Params) -> bool:
    chat = resolve_chat(ctx, p)
    ids = p.json("message_ids") or []
    for mid in ids:
        msg = chat.live(int(mid))
        if msg is not None:
            msg.deleted = True
    ctx.state.message_signal.notify()
    return True


@method("copyMessage", "forwardMessage")
async def copy_message(ctx: Ctx, p: Params) -> dict:
    chat = resolve_chat(ctx, p)
    source_chat = resolve_chat(ctx, p, "from_chat_id", write=False)
    src = source_chat.live(p.int("message_id"))
    if src is None:
        raise bad_request("message to copy not found")
    keys = ("text", "entities", "caption", "caption_entities", "photo", "document", "audio",
            "voice", "poll", "location")
    fields = {k: src.obj[k] for k in keys if k in src.obj}
    forwarding = ctx.method.lower() == "forwardmessage"
    if forwarding:
        fields["forward_origin"] = {"type": "user", "date": src.date, "sender_user": src.obj["from"]} \
            if source_chat.type == "private" else {"type": "chat", "date": src.date,
                                                   "sender_chat": source_chat.obj()}
    obj = deliver(ctx, chat, p, fields, parse_markup(p), text=src.text, plain_text=src.plain_text,
                  caption=src.caption, photo=src.photo, document=src.document, poll=src.poll)
    return obj if forwarding else {"message_id": obj["message_id"]}
