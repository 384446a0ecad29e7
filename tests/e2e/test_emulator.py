"""End-to-end tests of the Telegram Bot API emulator with real clients (aiogram, PTB)."""

from __future__ import annotations

import asyncio
import time

import aiohttp
import pytest
from aiogram import Bot, Dispatcher
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramConflictError,
    TelegramForbiddenError,
    TelegramRetryAfter,
    TelegramServerError,
    TelegramUnauthorizedError,
)
from aiogram.filters import CommandStart
from aiogram.types import (
    BufferedInputFile,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    ReplyParameters,
)
from aiohttp import web

from emulator import DEFAULT_TOKEN, Emulator, EmulatorConfig
from tests.conftest import until

GROUP = {"id": -1001, "type": "supergroup", "title": "Riders North"}
RIDER = {"id": 501, "first_name": "Li", "username": "li_rider"}


async def _serve(app: web.Application) -> tuple[web.AppRunner, int]:
    """Serve `app` on a free loopback port (a webhook receiver for the emulator)."""
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    return runner, site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]  # started: has a server


@pytest.fixture
async def emu():
    e = Emulator(EmulatorConfig(limits=False))
    await e.start(host="127.0.0.1", port=0)
    yield e
    await e.stop()


def make_bot(emu: Emulator, token: str = DEFAULT_TOKEN) -> Bot:
    return Bot(token, session=AiohttpSession(api=TelegramAPIServer.from_base(emu.base_url)))


@pytest.fixture
async def bot(emu):
    b = make_bot(emu)
    yield b
    await b.session.close()


@pytest.fixture
async def http(emu):
    async with aiohttp.ClientSession(base_url=emu.base_url) as s:
        yield s


async def ctl(http: aiohttp.ClientSession, path: str, body: dict | None = None,
              method: str = "POST", status: int = 200, **params) -> dict:
    async with http.request(method, path, json=body, params=params or None) as r:
        data = await r.json()
        assert r.status == status, data
        return data


async def user_says(http, text: str, chat: dict = GROUP, frm: dict = RIDER, **extra) -> dict:
    return await ctl(http, "/_emu/send", {"chat": chat, "from": frm, "text": text, **extra})


async def bot_messages(http, chat_id: int, **params) -> list[dict]:
    return (await ctl(http, "/_emu/messages", method="GET", chat_id=chat_id, **params))["messages"]


# -- basics -------------------------------------------------------------------
async def test_get_me(bot):
    me = await bot.get_me()
    assert me.is_bot and me.id == 123456789
    assert me.username == "rider_sentinel_bot" and me.can_join_groups


async def test_unauthorized(emu, http):
    emu.config.tokens = [DEFAULT_TOKEN]
    other = make_bot(emu, "987654321:AAAAAAAAAAAAAAAAAAAAAAAAAAAA")
    try:
        with pytest.raises(TelegramUnauthorizedError):
            await other.get_me()
    finally:
        await other.session.close()
    async with http.get("/bot12:short/getMe") as r:
        assert r.status == 401
        assert await r.json() == {"ok": False, "error_code": 401, "description": "Unauthorized"}


async def test_unknown_method_and_case_insensitive(http):
    async with http.get(f"/bot{DEFAULT_TOKEN}/getme") as r:
        assert (await r.json())["ok"] is True
    async with http.post(f"/bot{DEFAULT_TOKEN}/noSuchMethod") as r:
        assert r.status == 404 and (await r.json())["description"] == "Not Found"


async def test_json_and_form_params(emu, http):
    await user_says(http, "hi")
    url = f"/bot{DEFAULT_TOKEN}/sendMessage"
    async with http.post(url, json={"chat_id": GROUP["id"], "text": "json"}) as r:
        assert (await r.json())["result"]["text"] == "json"
    async with http.post(url, data={"chat_id": str(GROUP["id"]), "text": "form"}) as r:
        assert (await r.json())["result"]["text"] == "form"
    async with http.get(url, params={"chat_id": GROUP["id"], "text": "query"}) as r:
        assert (await r.json())["result"]["message_id"] == 4


# -- updates ------------------------------------------------------------------
async def test_send_then_get_updates_and_offset_confirms(bot, http):
    sent = await user_says(http, "/start@rider_sentinel_bot now")
    updates = await bot.get_updates()
    assert [u.update_id for u in updates] == [sent["update_id"]]
    msg = updates[0].message
    assert msg.text == "/start@rider_sentinel_bot now" and msg.chat.id == GROUP["id"]
    assert msg.from_user.id == RIDER["id"]
    assert msg.entities[0].type == "bot_command" and msg.entities[0].length == 25
    # not confirmed yet -> delivered again; offset confirms forever
    assert len(await bot.get_updates()) == 1
    assert await bot.get_updates(offset=sent["update_id"] + 1) == []
    assert await bot.get_updates() == []


async def test_long_poll_wakes_on_new_message(bot, http):
    task = asyncio.create_task(bot.get_updates(timeout=10))
    await asyncio.sleep(0.1)
    started = time.monotonic()
    await user_says(http, "wake up")
    updates = await asyncio.wait_for(task, 3)
    assert time.monotonic() - started < 1
    assert updates[0].message.text == "wake up"


async def _long_polls(http) -> int:
    """How many getUpdates calls reached the emulator (with no latency, each is waiting once counted)."""
    return int((await ctl(http, "/_emu/stats", method="GET"))["calls"].get("getUpdates", 0))


async def test_concurrent_get_updates_conflict(bot, http):
    first = asyncio.create_task(bot.get_updates(timeout=10))
    await until(lambda: _long_polls(http))  # the first waits before the second comes (0.1 s was not enough under load)
    second = asyncio.create_task(bot.get_updates(timeout=1))
    with pytest.raises(TelegramConflictError, match="terminated by other getUpdates"):
        await asyncio.wait_for(first, 3)
    assert await second == []


async def test_user_photo_location_and_reply(bot, http):
    first = await user_says(http, "first")
    photo = await ctl(http, "/_emu/send", {"chat": GROUP, "from": RIDER, "photo": "box.jpg",
                                           "caption": "broken box",
                                           "reply_to_message_id": first["message_id"]})
    loc = await ctl(http, "/_emu/send", {"chat": GROUP, "from": RIDER,
                                         "location": {"latitude": 31.2, "longitude": 121.5}})
    updates = await bot.get_updates()
    by_id = {u.message.message_id: u.message for u in updates}
    pmsg = by_id[photo["message_id"]]
    assert pmsg.caption == "broken box" and len(pmsg.photo) >= 1
    assert pmsg.reply_to_message.text == "first"
    file = await bot.get_file(pmsg.photo[-1].file_id)
    async with http.get(f"/file/bot{DEFAULT_TOKEN}/{file.file_path}") as r:
        assert r.status == 200 and (await r.read()).startswith(b"\xff\xd8")
    assert by_id[loc["message_id"]].location.latitude == pytest.approx(31.2)
    await ctl(http, "/_emu/send", {"chat": GROUP, "from": RIDER, "text": "x",
                                   "reply_to_message_id": 999}, status=400)


# -- sending ------------------------------------------------------------------
async def test_send_message_with_reply_parameters(bot, http):
    sent = await user_says(http, "my scooter broke")
    reply = await bot.send_message(GROUP["id"], "Case #1 opened",
                                   reply_parameters=ReplyParameters(message_id=sent["message_id"]))
    assert reply.reply_to_message.message_id == sent["message_id"]
    assert reply.message_id == sent["message_id"] + 1  # shared per-chat sequence
    assert reply.from_user.is_bot
    msgs = await bot_messages(http, GROUP["id"])
    assert len(msgs) == 1 and msgs[0]["reply_to_message_id"] == sent["message_id"]
    assert msgs[0]["text"] == "Case #1 opened" and msgs[0]["from_bot"] is True
    everything = await bot_messages(http, GROUP["id"], include_user=1)
    assert [m["from_bot"] for m in everything] == [False, True]


async def test_reply_to_missing_message(bot, http):
    await user_says(http, "hi")
    with pytest.raises(TelegramBadRequest, match="message to be replied not found"):
        await bot.send_message(GROUP["id"], "x", reply_to_message_id=77)
    with pytest.raises(TelegramBadRequest, match="message to be replied not found"):
        await bot.send_message(GROUP["id"], "x", reply_parameters=ReplyParameters(message_id=77))
    ok = await bot.send_message(GROUP["id"], "x", reply_parameters=ReplyParameters(
        message_id=77, allow_sending_without_reply=True))
    assert ok.reply_to_message is None


async def test_unknown_chat(bot):
    with pytest.raises(TelegramBadRequest, match="chat not found"):
        await bot.send_message(424242, "hello?")


@pytest.mark.parametrize("text, fragment", [
    ("<script>alert(1)</script>", 'Unsupported start tag "script" at byte offset 0'),
    ("Tom & Jerry", "byte offset 4"),
    ("<b>unclosed", 'Can\'t find end tag corresponding to start tag "b"'),
    ("<b>x</i>", "Unmatched end tag"),
    ("a < b", "Unsupported start tag"),
])
async def test_html_errors(bot, http, text, fragment):
    await user_says(http, "hi")
    with pytest.raises(TelegramBadRequest, match="can't parse entities") as info:
        await bot.send_message(GROUP["id"], text, parse_mode="HTML")
    assert fragment in info.value.message
    assert await bot_messages(http, GROUP["id"]) == []


async def test_html_escaped_text_passes(bot, http):
    import html
    await user_says(http, "hi")
    raw = "<script> & \"quotes\" AT&T"
    msg = await bot.send_message(GROUP["id"], f"<b>{html.escape(raw)}</b> &#128512;",
                                 parse_mode="HTML")
    assert msg.text == raw + " 😀"
    assert msg.entities[0].type == "bold" and msg.entities[0].length == len(raw)
    stored = (await bot_messages(http, GROUP["id"]))[0]
    assert stored["plain_text"] == raw + " 😀" and stored["text"].startswith("<b>&lt;script")


async def test_text_length_counted_after_parsing(bot, http):
    await user_says(http, "hi")
    await bot.send_message(GROUP["id"], "<b>" + "a" * 4096 + "</b>", parse_mode="HTML")
    await bot.send_message(GROUP["id"], "😀" * 2048)  # 4096 UTF-16 units
    with pytest.raises(TelegramBadRequest, match="message is too long"):
        await bot.send_message(GROUP["id"], "a" * 4097)
    with pytest.raises(TelegramBadRequest, match="message is too long"):
        await bot.send_message(GROUP["id"], "😀" * 2049)
    with pytest.raises(TelegramBadRequest, match="message text is empty"):
        await bot.send_message(GROUP["id"], "<b> </b>", parse_mode="HTML")
    with pytest.raises(TelegramBadRequest, match="message caption is too long"):
        await bot.send_photo(GROUP["id"], BufferedInputFile(b"img", "a.jpg"), caption="c" * 1025)


async def test_callback_data_limit(bot, http):
    await user_says(http, "hi")

    def kb(data: str) -> InlineKeyboardMarkup:
        return InlineKeyboardMarkup(inline_keyboard=[[InlineKeyboardButton(text="b", callback_data=data)]])

    await bot.send_message(GROUP["id"], "ok", reply_markup=kb("x" * 64))
    with pytest.raises(TelegramBadRequest, match="BUTTON_DATA_INVALID"):
        await bot.send_message(GROUP["id"], "bad", reply_markup=kb("x" * 65))
    with pytest.raises(TelegramBadRequest, match="BUTTON_DATA_INVALID"):
        await bot.send_message(GROUP["id"], "bad", reply_markup=kb("骑" * 22))  # 66 bytes


async def test_media_poll_and_commands(bot, http):
    await user_says(http, "hi")
    photo = await bot.send_photo(GROUP["id"], BufferedInputFile(b"PNGDATA", "p.png"),
                                 caption="<i>evidence</i>", parse_mode="HTML")
    again = await bot.send_photo(GROUP["id"], photo.photo[-1].file_id)
    assert again.photo[-1].file_id == photo.photo[-1].file_id
    with pytest.raises(TelegramBadRequest, match="wrong file identifier"):
        await bot.send_photo(GROUP["id"], "not-a-file-id")
    doc = await bot.send_document(GROUP["id"], BufferedInputFile(b"a,b\n", "report.csv"))
    assert doc.document.file_name == "report.csv"
    voice = await bot.send_voice(GROUP["id"], BufferedInputFile(b"OggS", "v.ogg"), duration=3)
    assert voice.voice.duration == 3
    poll = await bot.send_poll(GROUP["id"], "Resolved?", ["yes", "no"], is_anonymous=False)
    stopped = await bot.stop_poll(GROUP["id"], poll.message_id)
    assert stopped.is_closed
    msgs = await bot_messages(http, GROUP["id"])
    assert msgs[0]["photo"] == photo.photo[-1].file_id and msgs[0]["plain_text"] == "evidence"
    assert msgs[-1]["poll"]["question"] == "Resolved?"
    from aiogram.types import BotCommand
    await bot.set_my_commands([BotCommand(command="start", description="Start")])
    assert [c.command for c in await bot.get_my_commands()] == ["start"]
    await bot.delete_my_commands()
    assert await bot.get_my_commands() == []
    assert await bot.send_chat_action(GROUP["id"], "typing") is True


# -- faults & limits ----------------------------------------------------------
async def test_injected_faults(bot, http):
    await user_says(http, "hi")
    await ctl(http, "/_emu/faults", {"method": "sendMessage", "status": 429, "count": 1,
                                     "retry_after": 7})
    with pytest.raises(TelegramRetryAfter) as info:
        await bot.send_message(GROUP["id"], "x")
    assert info.value.retry_after == 7
    await ctl(http, "/_emu/faults", {"method": "sendMessage", "status": 500, "count": 2})
    for _ in range(2):
        with pytest.raises(TelegramServerError):
            await bot.send_message(GROUP["id"], "x")
    assert (await bot.send_message(GROUP["id"], "finally")).text == "finally"
    assert [m["text"] for m in await bot_messages(http, GROUP["id"])] == ["finally"]
    stats = await ctl(http, "/_emu/stats", method="GET")
    assert stats["errors"] == {"429": 1, "500": 2} and stats["calls"]["sendMessage"] == 4
    await ctl(http, "/_emu/faults", {"method": "sendMessage", "status": 503, "count": 5})
    await ctl(http, "/_emu/faults", method="DELETE")
    await bot.send_message(GROUP["id"], "cleared")


async def test_group_rate_limit(bot, http):
    await user_says(http, "hi")
    await ctl(http, "/_emu/config", {"limits": True, "group_per_min": 3, "global_per_sec": 100})
    for i in range(3):
        await bot.send_message(GROUP["id"], f"m{i}")
    with pytest.raises(TelegramRetryAfter) as info:
        await bot.send_message(GROUP["id"], "too many")
    assert 50 <= info.value.retry_after <= 60
    assert "Too Many Requests: retry after" in info.value.message
    assert len(await bot_messages(http, GROUP["id"])) == 3
    cfg = await ctl(http, "/_emu/config", {"limits": False})
    assert cfg["limits"] is False
    await bot.send_message(GROUP["id"], "limits off")


async def test_global_and_private_rate_limit(bot, http):
    for uid in (601, 602, 603):
        await user_says(http, "hi", chat={"id": uid, "type": "private"},
                        frm={"id": uid, "first_name": f"U{uid}"})
    await ctl(http, "/_emu/config", {"limits": True, "global_per_sec": 2, "private_per_sec": 1})
    await bot.send_message(601, "a")
    with pytest.raises(TelegramRetryAfter) as info:  # private: 1/s per chat
        await bot.send_message(601, "b")
    assert info.value.retry_after == 1
    await bot.send_message(602, "c")
    with pytest.raises(TelegramRetryAfter):  # global: 2/s across chats
        await bot.send_message(603, "d")
    await asyncio.sleep(1.05)
    await bot.send_message(603, "d")


# -- callbacks & edits ---------------------------------------------------------
async def test_press_and_answer_callback(bot, http):
    await user_says(http, "hi")
    kb = InlineKeyboardMarkup(inline_keyboard=[[InlineKeyboardButton(text="Take", callback_data="take:1")]])
    msg = await bot.send_message(GROUP["id"], "Case #1", reply_markup=kb)
    pressed = await ctl(http, "/_emu/press", {"chat_id": GROUP["id"], "message_id": msg.message_id,
                                              "from": RIDER, "data": "take:1"})
    updates = await bot.get_updates()
    cq = updates[-1].callback_query
    assert cq.id == pressed["callback_query_id"] and cq.data == "take:1"
    assert cq.message.message_id == msg.message_id and cq.message.text == "Case #1"
    assert cq.from_user.id == RIDER["id"]
    assert await bot.answer_callback_query(cq.id, text="Taken", show_alert=True)
    with pytest.raises(TelegramBadRequest, match="query is too old"):
        await bot.answer_callback_query(cq.id)
    answers = await ctl(http, "/_emu/answers", method="GET", callback_query_id=cq.id)
    assert answers["answers"] == [{"callback_query_id": cq.id, "text": "Taken",
                                   "show_alert": True, "url": None, "cache_time": 0}]
    await ctl(http, "/_emu/press", {"chat_id": GROUP["id"], "message_id": 999, "from": RIDER,
                                    "data": "x"}, status=400)


async def test_edit_history_and_delete(bot, http):
    await user_says(http, "hi")
    kb = InlineKeyboardMarkup(inline_keyboard=[[InlineKeyboardButton(text="Take", callback_data="t")]])
    msg = await bot.send_message(GROUP["id"], "Case #1: open", reply_markup=kb)
    edited = await bot.edit_message_text("Case #1: <b>taken</b>", chat_id=GROUP["id"],
                                         message_id=msg.message_id, parse_mode="HTML")
    assert edited.text == "Case #1: taken" and edited.reply_markup is None
    with pytest.raises(TelegramBadRequest, match="message is not modified"):
        await bot.edit_message_text("Case #1: <b>taken</b>", chat_id=GROUP["id"],
                                    message_id=msg.message_id, parse_mode="HTML")
    await bot.edit_message_reply_markup(chat_id=GROUP["id"], message_id=msg.message_id,
                                        reply_markup=kb)
    with pytest.raises(TelegramBadRequest, match="message to edit not found"):
        await bot.edit_message_text("x", chat_id=GROUP["id"], message_id=1)  # the user's
    with pytest.raises(TelegramBadRequest, match="message to edit not found"):
        await bot.edit_message_text("x", chat_id=GROUP["id"], message_id=99)
    # the callback sees the current state after edits
    await ctl(http, "/_emu/press", {"chat_id": GROUP["id"], "message_id": msg.message_id,
                                    "from": RIDER, "data": "t"})
    cq = (await bot.get_updates())[-1].callback_query
    assert cq.message.text == "Case #1: taken" and cq.message.reply_markup is not None
    stored = (await bot_messages(http, GROUP["id"]))[0]
    assert stored["plain_text"] == "Case #1: taken"
    assert [e["text"] for e in stored["edits"]] == ["Case #1: <b>taken</b>"] * 2
    assert stored["edits"][0]["reply_markup"] is None and stored["edits"][1]["reply_markup"]
    assert await bot.delete_message(GROUP["id"], msg.message_id)
    with pytest.raises(TelegramBadRequest, match="message to delete not found"):
        await bot.delete_message(GROUP["id"], msg.message_id)
    assert (await bot_messages(http, GROUP["id"]))[0]["deleted"] is True


async def test_blocked_kicked_and_members(bot, http):
    await user_says(http, "hi")
    private = {"id": RIDER["id"], "type": "private"}
    await user_says(http, "/start", chat=private)
    await ctl(http, "/_emu/block", {"chat_id": RIDER["id"], "blocked": True})
    with pytest.raises(TelegramForbiddenError, match="bot was blocked by the user"):
        await bot.send_message(RIDER["id"], "x")
    await ctl(http, "/_emu/block", {"chat_id": RIDER["id"], "blocked": False})
    await bot.send_message(RIDER["id"], "x")
    await ctl(http, "/_emu/member", {"chat_id": GROUP["id"], "user_id": RIDER["id"],
                                     "status": "administrator"})
    member = await bot.get_chat_member(GROUP["id"], RIDER["id"])
    assert member.status == "administrator"
    admins = await bot.get_chat_administrators(GROUP["id"])
    assert [a.user.id for a in admins] == [RIDER["id"]]
    chat = await bot.get_chat(GROUP["id"])
    assert chat.title == "Riders North"
    await ctl(http, "/_emu/block", {"chat_id": GROUP["id"], "blocked": True})
    with pytest.raises(TelegramForbiddenError, match="bot was kicked from the supergroup chat"):
        await bot.send_message(GROUP["id"], "x")


# -- webhook ------------------------------------------------------------------
async def test_webhook_delivery_with_secret_and_retry(bot, http):
    received: list[dict] = []
    secrets_seen: list[str | None] = []
    calls = 0
    got_two = asyncio.Event()

    async def hook(request: web.Request) -> web.Response:
        nonlocal calls
        calls += 1
        secrets_seen.append(request.headers.get("X-Telegram-Bot-Api-Secret-Token"))
        if calls == 1:
            return web.Response(status=500)
        received.append(await request.json())
        if len(received) == 2:
            got_two.set()
        return web.Response(status=200)

    app = web.Application()
    app.router.add_post("/hook", hook)
    runner, port = await _serve(app)
    try:
        assert await bot.set_webhook(f"http://127.0.0.1:{port}/hook", secret_token="s3cret")
        with pytest.raises(TelegramConflictError, match="webhook is active"):
            await bot.get_updates()
        a = await user_says(http, "one")
        b = await user_says(http, "two")
        await asyncio.wait_for(got_two.wait(), 5)
        assert [u["update_id"] for u in received] == [a["update_id"], b["update_id"]]
        assert received[0]["message"]["text"] == "one"
        assert set(secrets_seen) == {"s3cret"} and calls == 3
        info = await bot.get_webhook_info()
        assert info.pending_update_count == 0 and "500" in info.last_error_message
        assert await bot.delete_webhook()
        assert await bot.get_updates() == []
    finally:
        await runner.cleanup()


# -- latency & disconnect --------------------------------------------------------
async def test_latency_and_client_disconnect_has_no_effect(emu, bot, http):
    await user_says(http, "hi")
    await ctl(http, "/_emu/config", {"latency_ms": 300})
    url = f"{emu.base_url}/bot{DEFAULT_TOKEN}/sendMessage"
    async with aiohttp.ClientSession() as s:
        with pytest.raises(asyncio.TimeoutError):
            async with s.post(url, json={"chat_id": GROUP["id"], "text": "ghost"},
                              timeout=aiohttp.ClientTimeout(total=0.1)):
                pass
    await asyncio.sleep(0.4)
    assert await bot_messages(http, GROUP["id"]) == []
    started = time.monotonic()
    await bot.send_message(GROUP["id"], "slow but sure")
    assert time.monotonic() - started >= 0.29
    assert len(await bot_messages(http, GROUP["id"])) == 1


# -- control helpers & clients -----------------------------------------------------
async def test_wait_and_reset(bot, http):
    await user_says(http, "hi")
    timed = await ctl(http, "/_emu/wait", method="GET", chat_id=GROUP["id"], count=1, timeout=0.2)
    assert timed["timed_out"] is True and timed["messages"] == []

    async def later() -> None:
        await asyncio.sleep(0.1)
        await bot.send_message(GROUP["id"], "done")

    task = asyncio.create_task(later())
    res = await ctl(http, "/_emu/wait", method="GET", chat_id=GROUP["id"], count=1, timeout=5)
    await task
    assert res["timed_out"] is False and res["messages"][0]["text"] == "done"
    stats = await ctl(http, "/_emu/stats", method="GET")
    assert stats["sent"] == 1 and stats["pending_updates"] == 1
    await ctl(http, "/_emu/reset", {})
    stats = await ctl(http, "/_emu/stats", method="GET")
    assert stats["sent"] == 0 and stats["calls"] == {}
    with pytest.raises(TelegramBadRequest, match="chat not found"):
        await bot.send_message(GROUP["id"], "gone")


async def test_aiogram_dispatcher_polling_end_to_end(bot, http):
    dp = Dispatcher()

    @dp.message(CommandStart())
    async def start(message: Message) -> None:
        await message.reply(f"Hello, <b>{message.from_user.first_name}</b>!", parse_mode="HTML")

    polling = asyncio.create_task(dp.start_polling(bot, handle_signals=False, polling_timeout=1))
    try:
        sent = await user_says(http, "/start")
        res = await ctl(http, "/_emu/wait", method="GET", chat_id=GROUP["id"], count=1, timeout=5)
        assert res["timed_out"] is False
        assert res["messages"][0]["plain_text"] == "Hello, Li!"
        assert res["messages"][0]["reply_to_message_id"] == sent["message_id"]
    finally:
        await dp.stop_polling()
        await asyncio.wait_for(polling, 5)


async def test_python_telegram_bot_client(emu, http):
    telegram = pytest.importorskip("telegram")
    await user_says(http, "hi")
    async with telegram.Bot(DEFAULT_TOKEN, base_url=emu.base_url + "/bot") as ptb:
        me = await ptb.get_me()
        assert me.username == "rider_sentinel_bot"
        msg = await ptb.send_message(GROUP["id"], "<i>from PTB</i>", parse_mode="HTML")
        assert msg.text == "from PTB"
        with pytest.raises(telegram.error.BadRequest, match="(?i)chat not found"):
            await ptb.send_message(1234, "nobody")
    assert (await bot_messages(http, GROUP["id"]))[0]["plain_text"] == "from PTB"


async def test_throughput_without_limits(bot, http):
    await user_says(http, "hi")
    started = time.monotonic()
    await asyncio.gather(*(bot.send_message(GROUP["id"], f"m{i}") for i in range(300)))
    elapsed = time.monotonic() - started
    assert len(await bot_messages(http, GROUP["id"])) == 300
    assert elapsed < 5


def test_cli_runs_and_stops_on_sigint():
    import signal
    import subprocess
    import sys
    import urllib.request

    proc = subprocess.Popen([sys.executable, "-m", "emulator", "--port", "0", "--no-limits"],
                            stdout=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        assert DEFAULT_TOKEN in line
        url = line.split()[line.split().index("on") + 1]
        with urllib.request.urlopen(f"{url}/bot{DEFAULT_TOKEN}/getMe", timeout=5) as r:
            assert b'"ok":true' in r.read()
        with urllib.request.urlopen(f"{url}/_emu/config", timeout=5) as r:
            assert b'"limits": false' in r.read()
    finally:
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=10) == 0
        proc.stdout.close()


async def test_aiogram_webhook_mode_reply_in_response(bot, http):
    from aiogram.webhook.aiohttp_server import SimpleRequestHandler

    dp = Dispatcher()

    @dp.message(CommandStart())
    async def start(message: Message):
        return message.answer("via webhook response")  # returned, not awaited

    app = web.Application()
    SimpleRequestHandler(dp, bot, handle_in_background=False, secret_token="tok").register(
        app, path="/wh")
    runner, port = await _serve(app)
    try:
        await bot.set_webhook(f"http://127.0.0.1:{port}/wh", secret_token="tok")
        await user_says(http, "/start")
        res = await ctl(http, "/_emu/wait", method="GET", chat_id=GROUP["id"], count=1, timeout=5)
        assert res["messages"][0]["text"] == "via webhook response"
    finally:
        await bot.delete_webhook()
        await runner.cleanup()
