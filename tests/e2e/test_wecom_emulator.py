"""The WeCom side (issue 16 §3): the emulator's crypto against the SDK (wechatpy), the adapter's
client against the emulator over HTTP (token, sends, media, errcodes → outbox outcomes), and the
callback route (signature, decryption, neutral events, 200 only after the handler returned)."""
from __future__ import annotations

import asyncio
import base64
import json
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
from wechatpy.crypto import _get_signature
from wechatpy.enterprise.crypto import PrpCrypto, WeChatCrypto
from wechatpy.enterprise.exceptions import InvalidCorpIdException

from bot.domain import IncomingMessage
from bot.outbox import PermanentError, RetryLater, TransientError, Unreachable
from emulator.wecom import WeComConfig, WeComEmulator, crypto
from handlers.wecom.client import WeComClient, button_card, markdown, news, text
from handlers.wecom.errors import WeComError, outcomes
from bot.events import ButtonPress
from handlers.wecom.cards import CardPress
from handlers.wecom.ids import chat_number, user_number
from tests.e2e.wecom_bot import Bot, control, running_emulator, stored_bot

KEY = WeComConfig().encoding_aes_key
CORP = WeComConfig().corp_id


# -- crypto: the emulator's own implementation against wechatpy ---------------------------------
@pytest.mark.parametrize("receive_id", [CORP, ""])  # an app's callbacks, an AI bot's
@pytest.mark.parametrize("message", ["<xml><Content><![CDATA[路灯坏了]]></Content></xml>", '{"a": "骑手"}', "x" * 95])
def test_emulator_encrypts_what_wechatpy_decrypts_and_back(receive_id: str, message: str) -> None:
    key = crypto.aes_key(KEY)
    ours = crypto.encrypt(KEY, message, receive_id)
    assert PrpCrypto(key).decrypt(ours, receive_id) == message
    theirs = PrpCrypto(key).encrypt(message, receive_id).decode()
    assert crypto.decrypt(KEY, theirs, receive_id) == message
    # both pad to WeCom's 32 bytes (AES's own 16 would decrypt too, and a real server might refuse it)
    assert len(base64.b64decode(ours)) == len(base64.b64decode(theirs)) and len(base64.b64decode(ours)) % 32 == 0
    with pytest.raises(crypto.CryptoError):  # another receive id: refused on both sides
        crypto.decrypt(KEY, theirs, receive_id + "other")
    with pytest.raises(InvalidCorpIdException):
        PrpCrypto(key).decrypt(ours, receive_id + "other")


def test_signatures_and_envelope_match_wechatpy() -> None:
    encrypted = crypto.encrypt(KEY, "<xml><MsgType>text</MsgType></xml>", CORP)
    assert crypto.signature("tok", "1700000000", "n0nce", encrypted) == _get_signature(
        "tok", "1700000000", "n0nce", encrypted)
    envelope = f"<xml><ToUserName><![CDATA[{CORP}]]></ToUserName><Encrypt><![CDATA[{encrypted}]]></Encrypt></xml>"
    sig = crypto.signature("tok", "1700000000", "n0nce", encrypted)
    plain = WeChatCrypto("tok", KEY, CORP).decrypt_message(envelope, sig, "1700000000", "n0nce")
    assert plain == "<xml><MsgType>text</MsgType></xml>"


# -- fixtures ---------------------------------------------------------------------------------
@pytest.fixture
async def emu() -> AsyncIterator[WeComEmulator]:
    async with running_emulator() as e:
        yield e


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
async def client(emu: WeComEmulator, clock: Clock) -> AsyncIterator[WeComClient]:
    c = WeComClient(emu.config.corp_id, emu.config.corp_secret, emu.config.agent_id, base_url=emu.base_url,
                    clock=clock)
    yield c
    await c.close()


# -- the client against the emulator ----------------------------------------------------------
async def test_sends_are_recorded_and_the_token_is_cached(emu: WeComEmulator, client: WeComClient) -> None:
    await client.send_to_user("li", *text("你的上报已登记 C-000001"))
    await client.send_to_user("li", *markdown("**C-000001** 已受理"))
    await client.send_to_user("li", *news("周三微党课", "两分钟", "https://example.org/l/1"))
    card = await client.send_to_user("li", *button_card("task-1", "C-000001 已解决？", "请确认",
                                                        [("✅ 解决了", "cf:1:y"), ("❌ 没有", "cf:1:n")]))
    chatid = await client.create_group("骑手北区", "wang", ["wang", "li", "zhao"])
    await client.send_to_group(chatid, *text("📋 进展"))
    assert card.response_code
    assert client.token_fetches == 1 and emu.state.calls["gettoken"] == 1
    sent = (await control(emu, "sent", query={"chat": "li"}))["messages"]
    assert [m["msgtype"] for m in sent] == ["text", "markdown", "news", "template_card"]
    assert sent[0]["text"] == "你的上报已登记 C-000001"
    assert sent[3]["body"]["template_card"]["button_list"][1]["key"] == "cf:1:n"
    group = (await control(emu, "sent", query={"chat": chatid}))["messages"]
    assert [(m["via"], m["text"]) for m in group] == [("appchat/send", "📋 进展")]


async def test_token_is_refreshed_before_it_expires(emu: WeComEmulator, client: WeComClient,
                                                    clock: Clock) -> None:
    await client.send_to_user("li", *text("a"))
    clock.now += 7200 - client.refresh_margin - 1  # still inside the margin's safe side
    await client.send_to_user("li", *text("b"))
    assert client.token_fetches == 1
    clock.now += 2  # within refresh_margin of the expiry: fetched again before WeCom would refuse it
    await client.send_to_user("li", *text("c"))
    assert client.token_fetches == 2
    assert "42001" not in emu.state.errors


async def test_token_expired_errcode_refreshes_and_the_call_is_made_again(emu: WeComEmulator,
                                                                          client: WeComClient) -> None:
    await client.send_to_user("li", *text("a"))
    await control(emu, "expire_token", {})
    await client.send_to_user("li", *text("b"))
    assert emu.state.errors.get("42001") == 1
    assert client.token_fetches == 2
    assert [m["text"] for m in (await control(emu, "sent", query={"chat": "li"}))["messages"]] == ["a", "b"]


@pytest.mark.parametrize(("errcode", "outcome"), [(45009, RetryLater), (45033, RetryLater), (-1, TransientError),
                                                   (60111, Unreachable), (40008, PermanentError)])
async def test_errcodes_become_the_outbox_outcomes(emu: WeComEmulator, client: WeComClient, errcode: int,
                                                   outcome: type[Exception]) -> None:
    await control(emu, "fault", {"api": "message/send", "errcode": errcode, "times": 1})
    with pytest.raises(outcome) as caught, outcomes(user_number("li")):
        await client.send_to_user("li", *text("a"))
    if isinstance(caught.value, RetryLater):
        assert caught.value.seconds >= 1 and caught.value.chat_id is None  # the app's quota: every chat waits
    await client.send_to_user("li", *text("b"))  # the fault was one call: the next goes through
    assert [m["text"] for m in (await control(emu, "sent", query={"chat": "li"}))["messages"]] == ["b"]


async def test_a_group_the_app_did_not_make_is_unreachable_by_appchat(client: WeComClient) -> None:
    with pytest.raises(Unreachable), outcomes(chat_number("wrNotOurs")):
        await client.send_to_group("wrNotOurs", *text("a"))


async def test_network_trouble_is_transient(clock: Clock) -> None:
    c = WeComClient("corp", "secret", 1, base_url="http://127.0.0.1:9", clock=clock)  # nothing listens there
    try:
        with pytest.raises(TransientError), outcomes(1):
            await c.send_to_user("li", *text("a"))
    finally:
        await c.close()


async def test_media_upload_and_download(emu: WeComEmulator, client: WeComClient) -> None:
    media_id = await client.upload_media("image", "board.png", b"\x89PNG-board", "image/png")
    assert await client.download_media(media_id) == b"\x89PNG-board"
    with pytest.raises(WeComError) as e:
        await client.download_media("no-such-media")
    assert e.value.errcode == 40007
    await control(emu, "expire_token", {})
    assert await client.download_media(media_id) == b"\x89PNG-board"  # refreshed on 42001 here too
    assert client.token_fetches == 2


# -- the callback route -----------------------------------------------------------------------
@pytest.fixture
async def bot(emu: WeComEmulator, database_url: str) -> AsyncIterator[Bot]:
    async with stored_bot(emu, database_url) as b:
        yield b


async def test_url_check_answers_the_echostr(emu: WeComEmulator, bot: Bot) -> None:
    assert (await control(emu, "verify", {"kind": "app"}))["ok"]
    assert (await control(emu, "verify", {"kind": "aibot"}))["ok"]


async def test_private_text_becomes_an_incoming_message(emu: WeComEmulator, bot: Bot) -> None:
    result = await control(emu, "send", {"from": "li", "text": "幸福小区3号门路灯坏了"})
    assert result["status"] == 200
    [event] = bot.events
    assert isinstance(event, IncomingMessage)
    assert event.chat_type == "private" and event.chat_id == user_number("li") == event.sender.id
    assert event.text == "幸福小区3号门路灯坏了" and event.sender.username == "li"
    assert event.message_id == int(result["msgid"])
    assert await bot.ids.target(event.chat_id) == ("user", "li")


async def test_group_message_through_the_ai_bot(emu: WeComEmulator, bot: Bot, client: WeComClient) -> None:
    result = await control(emu, "send", {"from": "li", "chat": "wrRidersNorth", "text": "科苑路地下通道积水"})
    assert result["status"] == 200
    [event] = bot.events
    assert isinstance(event, IncomingMessage)
    assert event.chat_type == "group" and event.chat_id == chat_number("wrRidersNorth") < 0
    assert event.text == "科苑路地下通道积水"  # the @-mention of the bot is not part of the report
    assert await bot.ids.target(event.chat_id) == ("group", "wrRidersNorth")
    url = bot.replies.take(event.chat_id, event.message_id)
    assert url is not None and bot.replies.take(event.chat_id, event.message_id) is None
    await client.respond(url, *markdown("已登记 **C-000001**"))
    [answer] = (await control(emu, "sent", query={"chat": "wrRidersNorth"}))["messages"]
    assert (answer["via"], answer["text"]) == ("aibot/response", "已登记 **C-000001**")
    with pytest.raises(WeComError):  # a response_url serves once
        await client.respond(url, *markdown("again"))


async def test_bad_signature_is_refused_and_nothing_reaches_the_handler(emu: WeComEmulator, bot: Bot) -> None:
    private = await control(emu, "send", {"from": "li", "text": "x", "signature": "0" * 40})
    group = await control(emu, "send", {"from": "li", "chat": "wrG", "text": "x", "signature": "f" * 40})
    assert private["status"] == group["status"] == 403
    assert bot.events == []


async def test_garbage_is_a_bad_request(emu: WeComEmulator, bot: Bot) -> None:
    url = emu.config.app_callback_url
    assert url is not None
    bogus = "bm90IGEgcmVhbCBjaXBoZXJ0ZXh0"
    sig = crypto.signature(emu.config.token, "1", "n", bogus)
    async with aiohttp.ClientSession() as s:
        async with s.post(url, params={"msg_signature": sig, "timestamp": "1", "nonce": "n"},
                          data=f"<xml><Encrypt><![CDATA[{bogus}]]></Encrypt></xml>") as r:
            assert r.status == 400
        async with s.post(str(emu.config.aibot_callback_url), data=json.dumps({"nothing": 1})) as r:
            assert r.status == 400
    assert bot.events == []


async def test_photo_voice_and_location_in_private(emu: WeComEmulator, bot: Bot, client: WeComClient) -> None:
    await control(emu, "send", {"from": "li", "image": {"content": "JPEG-bytes"}})
    await control(emu, "send", {"from": "li", "voice": {"content": "AMR-bytes"}})
    await control(emu, "send", {"from": "li", "location": {"latitude": 39.9, "longitude": 116.4, "label": "光华路"}})
    photo, voice, pin = bot.events
    assert isinstance(photo, IncomingMessage) and photo.photo_file_id
    assert await client.download_media(photo.photo_file_id) == b"JPEG-bytes"
    # a voice note is the neutral message's voice clip, its audio fetched by media id
    assert isinstance(voice, IncomingMessage) and voice.voice is not None and voice.source == "amr"
    assert await client.download_media(voice.voice.file_id) == b"AMR-bytes"
    assert isinstance(pin, IncomingMessage) and (pin.lat, pin.lon, pin.text) == (39.9, 116.4, "")
    assert pin.place_name == "光华路"  # the place's name, as a Telegram venue's: no words of the rider's


async def test_card_buttons_come_back_as_button_presses(emu: WeComEmulator, bot: Bot, client: WeComClient) -> None:
    sent = await client.send_to_user("li", *button_card("task-7", "C-000007 已解决？", "", [("✅", "cf:7:y")]))
    result = await control(emu, "press", {"task_id": "task-7", "key": "cf:7:y", "from": "li"})
    assert result["status"] == 200
    # in a group: a card the AI bot answered with through a response_url
    await control(emu, "send", {"from": "wang", "chat": "wrG", "text": "/case C-000007"})
    ask = bot.events[-1]
    assert isinstance(ask, IncomingMessage)
    url = bot.replies.take(ask.chat_id, ask.message_id)
    assert url is not None
    await client.respond(url, *button_card("task-8", "C-000007", "", [("受理", "acc:7")]))
    await control(emu, "press", {"task_id": "task-8", "key": "acc:7", "from": "wang"})
    private_press, group_press = (e for e in bot.events if isinstance(e, ButtonPress))
    card = private_press.source
    assert isinstance(card, CardPress) and isinstance(group_press.source, CardPress)
    assert (private_press.chat_type, private_press.raw_data, card.task_id) == ("private", "cf:7:y", "task-7")
    assert private_press.data is not None  # decoded by bot/buttons.py: our confirm button
    # a press brings a fresh code to update the card with (the send's is another)
    assert card.response_code and card.response_code != sent.response_code
    assert private_press.sender.id == user_number("li")
    assert (group_press.chat_id, group_press.raw_data, group_press.source.task_id) == (chat_number("wrG"), "acc:7",
                                                                                      "task-8")
    assert group_press.data is None  # not a button of ours: the chat layer answers it as stale


async def test_answered_only_after_the_handler_returned(emu: WeComEmulator, bot: Bot) -> None:
    bot.gate = asyncio.Event()
    delivery = asyncio.create_task(control(emu, "send", {"from": "li", "text": "a"}))
    await asyncio.wait_for(bot.entered.wait(), 30)
    # While the handler holds, WeCom must not have its answer. Waiting to see that nothing happens
    # cannot fail a correct route, however loaded the machine; 2 s let a wrong one show itself.
    await asyncio.wait({delivery}, timeout=2)
    assert not delivery.done() and emu.state.callbacks == [] and bot.events == []
    bot.gate.set()
    assert (await asyncio.wait_for(delivery, 30))["status"] == 200
    assert len(bot.events) == 1


async def test_a_failing_handler_answers_500_so_wecom_delivers_again(emu: WeComEmulator, bot: Bot) -> None:
    bot.fail = True
    assert (await control(emu, "send", {"from": "li", "text": "a"}))["status"] == 500
    bot.fail = False
    assert (await control(emu, "send", {"from": "li", "text": "a"}))["status"] == 200


async def test_with_limits_a_members_31st_message_in_a_minute_is_dropped_silently(clock: Clock) -> None:
    """As WeCom does (ok answered, nothing delivered): why the pacer keeps 30/min per person on WeCom."""
    e = WeComEmulator(WeComConfig(limits=True))
    await e.start()
    c = WeComClient(e.config.corp_id, e.config.corp_secret, e.config.agent_id, base_url=e.base_url, clock=clock)
    try:
        for n in range(31):
            await c.send_to_user("li", *text(str(n)))
        await c.send_to_user("zhao", *text("other member"))
        assert len((await control(e, "sent", query={"chat": "li"}))["messages"]) == 30
        assert len((await control(e, "sent", query={"chat": "zhao"}))["messages"]) == 1
        assert (await control(e, "stats"))["dropped"] == 1
    finally:
        await c.close()
        await e.stop()


@pytest.mark.parametrize("chat", [None, "wrG"])  # the app's XML, the AI bot's JSON
async def test_a_retried_delivery_runs_the_handler_once(emu: WeComEmulator, bot: Bot, chat: str | None) -> None:
    """WeCom retries a callback it got no answer to within 5 s: the retries arrive while the first
    delivery is still being handled. They wait for it and are all answered 200; the handler ran once."""
    bot.gate = asyncio.Event()
    body: dict[str, Any] = {"from": "li", "text": "路灯坏了", "deliveries": 3, **({"chat": chat} if chat else {})}
    delivery = asyncio.create_task(control(emu, "send", body))
    await asyncio.wait_for(bot.entered.wait(), 30)
    bot.gate.set()
    result = await asyncio.wait_for(delivery, 30)
    assert result["statuses"] == [200, 200, 200]
    assert len(bot.events) == 1
    again = await control(emu, "send", {"from": "li", "text": "路灯坏了", **({"chat": chat} if chat else {})})
    assert again["status"] == 200 and len(bot.events) == 2  # a new message (its own msgid) is not a retry


async def test_an_id_store_that_fails_answers_500_so_wecom_delivers_again(emu: WeComEmulator) -> None:
    """The identity table unreadable is not a bad callback (400, never retried) but a failure (500)."""
    from sqlalchemy.exc import OperationalError

    from handlers.wecom.ids import IdBook, Known, MemoryIds

    class Flaky(MemoryIds):
        down = True

        async def record(self, kind: str, external_id: str, numbers: Any) -> Known:
            if self.down:
                raise OperationalError("insert", {}, Exception("database is locked"))
            return await super().record(kind, external_id, numbers)

    store = Flaky()
    b = Bot(emu, IdBook(store))
    await b.start(emu)
    try:
        assert (await control(emu, "send", {"from": "li", "text": "a"}))["status"] == 500
        assert (await control(emu, "send", {"from": "li", "chat": "wrG", "text": "@bot a"}))["status"] == 500
        assert b.events == []
        store.down = False
        assert (await control(emu, "send", {"from": "li", "text": "a"}))["status"] == 200
        assert len(b.events) == 1
    finally:
        await b.runner.cleanup()
