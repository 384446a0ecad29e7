"""Forum topics: ``createForumTopic``, ``closeForumTopic``, ``reopenForumTopic`` (Bot API 6.3+).

Semantics kept from Telegram:
- ``chat_id`` must be a supergroup with topics enabled (``is_forum``), else 400
  ``Bad Request: the chat is not a forum``;
- ``name`` is 1–128 characters, else 400 ``Bad Request: TOPIC_NAME_INVALID``
  (what Telegram answers for an empty or over-long name);
- ``icon_color`` is one of Telegram's six colours (default the first, 0x6FB9F0),
  else 400 ``Bad Request: TOPIC_ICON_COLOR_INVALID``;
- the topic starts with a service message (``forum_topic_created`` {name, icon_color})
  whose ``message_id`` is the topic's ``message_thread_id``; the answer is a
  ``ForumTopic`` {message_thread_id, name, icon_color[, icon_custom_emoji_id]}.
A message the bot sends with that ``message_thread_id`` lands in the topic (see
``telegram_events.thread_fields``). Faults injected for ``createForumTopic`` through
``/_emu/faults`` apply as for any other method. ``/_emu/topics?chat_id=…`` lists a chat's topics.

``closeForumTopic`` / ``reopenForumTopic`` {chat_id, message_thread_id}: ``true``, and a service
message ``forum_topic_closed`` / ``forum_topic_reopened`` ({}) in the topic; 400
``Bad Request: TOPIC_ID_INVALID`` for a topic the chat does not have, ``Bad Request: TOPIC_NOT_MODIFIED``
when it is already closed (open). A listed topic carries ``is_closed`` (false until closed): an added
key. Sending into a closed topic is not refused: the bot is the group's admin, which Telegram lets post
there.
"""

from __future__ import annotations

from .errors import bad_request
from .messages import rate_check, resolve_chat
from .params import Params
from .registry import Ctx, method

TOPIC_COLORS = (0x6FB9F0, 0xFFD67E, 0xCB86DB, 0x8EEE98, 0xFF93B2, 0xFB6F5F)  # Bot API: icon_color
MAX_TOPIC_NAME = 128  # characters (Bot API: "Topic name, 1-128 characters")
NOT_A_FORUM = "the chat is not a forum"


@method("createForumTopic")
async def create_forum_topic(ctx: Ctx, p: Params) -> dict:
    chat = resolve_chat(ctx, p)
    if not chat.is_forum:
        raise bad_request(NOT_A_FORUM)
    name = p.str("name") or ""
    if not 1 <= len(name) <= MAX_TOPIC_NAME:
        raise bad_request("TOPIC_NAME_INVALID")
    color = p.int("icon_color", TOPIC_COLORS[0])
    if color not in TOPIC_COLORS:
        raise bad_request("TOPIC_ICON_COLOR_INVALID")
    rate_check(ctx, chat)
    topic: dict = {"name": name, "icon_color": color}
    emoji = p.str("icon_custom_emoji_id")
    if emoji:
        topic["icon_custom_emoji_id"] = emoji
    created = {"name": name, "icon_color": color, **({"icon_custom_emoji_id": emoji} if emoji else {})}
    ctx.state.limiter.record(chat.id)
    # a service message (from the bot, but not one of its sent messages: /_emu/messages lists none)
    service = ctx.state.add_message(chat, False, ctx.state.bot_user, {"forum_topic_created": created})
    service.obj["message_thread_id"] = service.message_id  # the topic's id is its first message's
    service.obj["is_topic_message"] = True
    topic = {"message_thread_id": service.message_id, **topic}
    chat.topics[service.message_id] = {**topic, "is_closed": False}
    return topic


async def _open_or_close(ctx: Ctx, p: Params, closed: bool) -> bool:
    chat = resolve_chat(ctx, p)
    if not chat.is_forum:
        raise bad_request(NOT_A_FORUM)
    thread = p.int("message_thread_id", required=True)
    topic = chat.topics.get(thread or 0)
    if topic is None:
        raise bad_request("TOPIC_ID_INVALID")
    if bool(topic.get("is_closed")) == closed:
        raise bad_request("TOPIC_NOT_MODIFIED")
    rate_check(ctx, chat)
    ctx.state.limiter.record(chat.id)
    topic["is_closed"] = closed
    service = ctx.state.add_message(chat, False, ctx.state.bot_user,
                                    {"forum_topic_closed" if closed else "forum_topic_reopened": {}})
    service.obj["message_thread_id"] = thread
    service.obj["is_topic_message"] = True
    return True


@method("closeForumTopic")
async def close_forum_topic(ctx: Ctx, p: Params) -> bool:
    return await _open_or_close(ctx, p, closed=True)


@method("reopenForumTopic")
async def reopen_forum_topic(ctx: Ctx, p: Params) -> bool:
    return await _open_or_close(ctx, p, closed=False)
