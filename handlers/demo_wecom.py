"""`sentinel demo --platform wecom`: the demo conversation (handlers/demo.py) played on the WeCom
emulator (emulator/wecom/), offline, through the real WeCom runtime (handlers/wecom/runtime.py):
encrypted callbacks in, the outbox's WeCom transport out.

What differs from Telegram's, by WeCom's design (docs/wecom.md): a group member reaches the bot by
@-mentioning its AI bot, and the bot answers that message once through the callback's response_url
(no reply arrow: WeCom has no native replies), further group messages go through the app's
appchat/send (the demo's groups are made by the app, so both work); buttons are template cards in
private chats (a group's markdown carries none); the secretary is a WeCom userid.
"""
from __future__ import annotations

import asyncio
import re
import socket
import tempfile
from pathlib import Path
from typing import Any

import aiohttp
from rich.console import Console
from rich.text import Text

from bot.config import WeComSettings, load_settings
from emulator.wecom import WeComConfig, WeComEmulator
from handlers.demo import INDENT, emit, narrate
from handlers.runtime import run_bot
from handlers.wecom.ids import user_number
from handlers.wecom.markup import to_plain

ZH_GROUP = ("wrChaoyang01", "朝阳骑手一群")
EN_GROUP = ("wrRidersEast", "Riders East")
LI, WANG, ZHANG, AMY, SECRETARY = "lishifu", "wangge", "zhangjie", "amy", "zhaoshuji"
NAMES = {LI: "李师傅", WANG: "王哥", ZHANG: "张姐", AMY: "Amy", SECRETARY: "赵书记"}
# (group or None for the speaker's private chat with the app, who, text, messages the bot should send there)
SCRIPT: list[tuple[tuple[str, str] | None, str, str, int]] = [
    (ZH_GROUP, LI, "兄弟们 幸福小区3号门下水道堵了 门口一大滩水 电动车过去溅一身", 1),
    # every group line here @-mentions the bot (only those reach it), so chit-chat is said to the bot and answered
    (ZH_GROUP, WANG, "你好", 1),
    (ZH_GROUP, ZHANG, "路灯又坏了 建国路和光华路路口 晚上黑乎乎的 好吓人", 1),
    (EN_GROUP, AMY, "Manhole cover missing on Keyuan Rd near the metro exit, someone will get hurt", 1),
    (None, AMY, "/mycases", 1),
    (ZH_GROUP, SECRETARY, "/bind cy 朝阳街道党支部", 1),
    (ZH_GROUP, SECRETARY, "/accept C-000001", 1),
    (ZH_GROUP, SECRETARY, "/resolve C-000001 已疏通下水道，积水已排干", 1),
    (ZH_GROUP, WANG, "/board", 1),
    (ZH_GROUP, SECRETARY, "/lessons plan 一三五", 1),
    (None, LI, "/me", 1),
    (None, LI, "/shop", 1),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Driver:
    """The emulator's control API and the app's own group creation, for the demo."""

    def __init__(self, emu: WeComEmulator, http: aiohttp.ClientSession) -> None:
        self.emu, self.http = emu, http

    async def control(self, path: str, body: dict[str, Any] | None = None, **query: str) -> Any:
        url = f"{self.emu.base_url}/_emu/{path}"
        request = self.http.post(url, json=body) if body is not None else self.http.get(url, params=query)
        async with request as r:
            return await r.json()

    async def create_group(self, chatid: str, name: str, members: list[str]) -> None:
        """A group the app makes (appchat/create): its AI bot answers there, the app may post unasked."""
        c = self.emu.config
        async with self.http.get(f"{self.emu.base_url}/cgi-bin/gettoken",
                                 params={"corpid": c.corp_id, "corpsecret": c.corp_secret}) as r:
            token = (await r.json())["access_token"]
        async with self.http.post(f"{self.emu.base_url}/cgi-bin/appchat/create", params={"access_token": token},
                                  json={"name": name, "owner": members[0], "userlist": members,
                                        "chatid": chatid}) as r:
            assert (await r.json())["errcode"] == 0

    async def wait(self, chat: str, count: int, timeout: float = 20) -> list[dict[str, Any]]:
        got = await self.control("wait", chat=chat, count=str(count), timeout=str(timeout))
        return list(got["messages"])


def wecom_settings(emu: WeComEmulator, **extra: Any) -> WeComSettings:
    c = emu.config
    return WeComSettings(corp_id=c.corp_id, agent_id=c.agent_id, app_secret=c.corp_secret, app_token=c.token,
                         app_aes_key=c.encoding_aes_key, aibot_token=c.token, aibot_aes_key=c.encoding_aes_key,
                         api_base=emu.base_url, **extra)


_LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]*)\)")
_FONT = re.compile(r"</?font[^>]*>")


def read_markdown(markdown: str) -> str:
    """WeCom markdown as the member's client shows it, for the transcript: bold and code without their
    marks, a link as its text (and its address when that differs), a font colour dropped."""
    lines = [line for line in markdown.split("\n") if line.strip() != "```"]
    out = "\n".join(lines).replace("**", "").replace("`", "")
    out = _LINK.sub(lambda m: m[1] if m[1] in (m[2], "") else f"{m[1]} ({m[2]})", out)
    return _FONT.sub("", out)


def shown(message: dict[str, Any]) -> tuple[str, str]:
    """A message the bot sent, as a member reads it: markdown as text, a card's title; and its buttons."""
    body = message["body"]
    if message["msgtype"] == "template_card":
        card = body["template_card"]
        title = card.get("main_title") or {}
        keys = " ".join(f"[{b.get('text', '')}]" for b in card.get("button_list") or [])
        return "\n".join(x for x in (title.get("title", ""), title.get("desc", "")) if x), keys
    if message["msgtype"] == "markdown":
        return read_markdown(str((body.get("markdown") or {}).get("content") or message.get("text") or "")), ""
    return to_plain(str(message.get("text") or "")), ""


async def run_wecom_demo(keep: bool = False) -> int:
    console = Console()
    emu = WeComEmulator(WeComConfig(limits=True))
    await emu.start()
    port = _free_port()
    ok = False
    with tempfile.TemporaryDirectory(prefix="sentinel-wecom-demo-") as tmp:
        settings = load_settings(_env_file=None, platform="wecom", wecom=wecom_settings(emu),
                                 database_url=f"sqlite+aiosqlite:///{Path(tmp) / 'demo.db'}",
                                 webhook_port=port, superadmin_ids=[user_number(SECRETARY)])
        stop = asyncio.Event()
        bot_task = asyncio.create_task(run_bot(settings, stop=stop, handle_signals=not keep))
        try:
            async with aiohttp.ClientSession() as http:
                drive = Driver(emu, http)
                await drive.control("config", {"app_callback_url": f"http://127.0.0.1:{port}/wecom/app",
                                               "aibot_callback_url": f"http://127.0.0.1:{port}/wecom/aibot"})
                await drive.create_group(*ZH_GROUP, [LI, WANG, ZHANG, SECRETARY])
                await drive.create_group(*EN_GROUP, [AMY, LI, WANG, SECRETARY])
                console.rule(f"Rider Sentinel demo on WeCom (企业微信) · emulator at {emu.base_url}")
                ok = await _play(drive, console, bot_task, port)
                if keep:
                    console.print(f"the bot keeps running: post as a member with POST {emu.base_url}/_emu/send "
                                  '{"from": "lishifu", "chat": "wrChaoyang01", "text": "…"}; Ctrl-C to stop',
                                  highlight=False, markup=False, soft_wrap=True)
                    await stop.wait()
        finally:
            stop.set()
            await bot_task
            await emu.stop()
    console.rule("done" if ok else "[red]demo failed[/]")
    return 0 if ok else 1


async def listening(port: int, bot_task: asyncio.Task[None], tries: int = 1200) -> bool:
    """Wait for the bot's callback server (on a fresh checkout it builds the intake model first)."""
    for _ in range(tries):
        if bot_task.done():
            bot_task.result()
            return False
        try:
            _, writer = await asyncio.open_connection("127.0.0.1", port)
        except OSError:
            await asyncio.sleep(0.1)
            continue
        writer.close()
        return True
    return False


async def _play(drive: Driver, console: Console, bot_task: asyncio.Task[None], port: int) -> bool:
    if not await listening(port, bot_task) or not (await drive.control("verify", {"kind": "app"})).get("ok"):
        return False
    seen: dict[str, int] = {}
    for group, who, words, expected in SCRIPT:
        chat = group[0] if group else who
        where = group[1] if group else "私聊 private"
        emit(console, Text.assemble((where, "bold cyan"), " · ", (f"{NAMES[who]}:", "bold")), words)
        await drive.control("send", {"from": who, "text": words, **({"chat": group[0]} if group else {})})
        if expected == 0:
            narrate(console, "(no reply: chit-chat stays unanswered)")
            continue
        before = seen.get(chat, 0)
        messages = await drive.wait(chat, before + expected)
        for m in messages[before:]:
            body, keys = shown(m)
            emit(console, Text(f"🤖 Rider Sentinel ({m['via']}):", style="green"), body, INDENT, keys)
        seen[chat] = len(messages)
        if len(messages) < before + expected:
            return False
    return True
