"""`sentinel demo`: the real bot against the built-in emulator on a throwaway database.

Plays a short scripted conversation (two groups, Chinese and English, a report
without a place, chit-chat that must stay unanswered, a secretary closing the
loop, the board, a lesson plan, an activity, the points bank, then one proposal from
support to outcome) and prints the chat as it happens. With --keep, both keep running
for you to post to with curl.
"""
from __future__ import annotations

import asyncio
import re
import socket
import tempfile
from pathlib import Path
from typing import Any

from rich.cells import cell_len
from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from bot.config import WebSettings, load_settings
from emulator import DEFAULT_TOKEN, Emulator, EmulatorConfig
from emulator.client import EmulatorClient
from handlers import demo_deliberation
from handlers.runtime import run_bot

ZH_GROUP = {"id": -1001001, "type": "supergroup", "title": "朝阳骑手一群"}
EN_GROUP = {"id": -1001002, "type": "supergroup", "title": "Riders East"}
LI = {"id": 7001, "first_name": "李师傅", "language_code": "zh-hans"}
WANG = {"id": 7002, "first_name": "王哥", "language_code": "zh"}
ZHANG = {"id": 7003, "first_name": "张姐", "language_code": "zh"}
AMY = {"id": 7101, "first_name": "Amy", "language_code": "en"}
SECRETARY = {"id": 7900, "first_name": "赵书记", "language_code": "zh"}  # the demo's superadmin

# (chat, who, text, replies the bot should give, reply to the bot's Nth message in that chat)
SCRIPT: list[tuple[dict[str, Any], dict[str, Any], str, int, int | None]] = [
    (ZH_GROUP, LI, "兄弟们 幸福小区3号门下水道堵了 门口一大滩水 电动车过去溅一身", 1, None),
    (ZH_GROUP, WANG, "中午吃啥 有人一起不", 0, None),
    (ZH_GROUP, ZHANG, "路灯又坏了 晚上黑乎乎的 好吓人", 1, None),
    (ZH_GROUP, ZHANG, "建国路和光华路路口", 1, -1),
    (EN_GROUP, AMY, "Manhole cover missing on Keyuan Rd near the metro exit, someone will get hurt", 1, None),
    ({"id": AMY["id"], "type": "private"}, AMY, "/mycases", 1, None),
    (ZH_GROUP, SECRETARY, "/bind cy 朝阳街道党支部", 1, None),
    (ZH_GROUP, SECRETARY, "/accept C-000001", 1, None),
    (ZH_GROUP, SECRETARY, "/resolve C-000001 已疏通下水道，积水已排干", 1, None),
    (ZH_GROUP, WANG, "/board", 1, None),
    (ZH_GROUP, SECRETARY, "/lessons plan 一三五", 1, None),
    (ZH_GROUP, SECRETARY, '/activity new "周六社区清洁" 明天 09:00 2h', 1, None),
    ({"id": LI["id"], "type": "private"}, LI, "/me", 1, None),
    ({"id": LI["id"], "type": "private"}, LI, "/shop", 1, None),
    ({"id": SECRETARY["id"], "type": "private"}, SECRETARY, "/web", 1, None),  # the dashboard's login link
]


INDENT = 4  # the bot's messages sit under the speakers; wrapped lines keep their column


def speaker_line(label: Text, body: str) -> Table:
    """`label body`, the body wrapping in its own column: a continuation never starts at column 0,
    where it would look like a new speaker."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    grid.add_row(label, Text(body))
    return grid


def buttons_line(message: dict[str, Any]) -> str:
    """The message's inline keyboard as `[按钮] [按钮]`, a row per line ("" without buttons)."""
    rows = (message.get("reply_markup") or {}).get("inline_keyboard") or []
    return "\n".join(" ".join(f"[{b.get('text', '')}]" for b in row) for row in rows)


def _has_url(text: str) -> bool:
    return "://" in text


def emit(console: Console, label: Text, body: str, indent: int = 0, extra: str = "",
         extra_style: str = "bold yellow") -> None:
    """`label body` (+ `extra` rows under the body, e.g. buttons). On a terminal the body wraps at the
    terminal's width in its own column; on a pipe or file (and on a terminal for a message with a URL,
    which must stay whole to be copied) each logical line is written whole, with no padding, and the
    continuation lines are indented under the body's first column."""
    if console.is_terminal and not _has_url(body):
        grid = speaker_line(label, body)
        if extra:
            grid.add_row("", Text(extra, style=extra_style))
        console.print(Padding(grid, (0, 0, 0, indent)) if indent else grid)
        return
    column = " " * (indent + cell_len(label.plain) + 1)
    lines = body.split("\n") if body else [""]
    first = Text.assemble(" " * indent, label, " ", lines[0].rstrip())
    console.print(first, soft_wrap=True, highlight=False)
    for line in lines[1:]:
        console.print(Text((column + line).rstrip()), soft_wrap=True, highlight=False)
    for line in extra.split("\n") if extra else []:
        console.print(Text((column + line).rstrip(), style=extra_style), soft_wrap=True, highlight=False)


def narrate(console: Console, text: str, indent: int = INDENT) -> None:
    """A line of the narrator's (dim), never broken on a pipe."""
    console.print(Text(" " * indent + text, style="dim"), soft_wrap=not console.is_terminal, highlight=False)


def bot_label(message: dict[str, Any], notice: bool = False) -> Text:
    reply = " ↩" if message.get("reply_to_message_id") else ""
    return Text(f"🤖 Rider Sentinel{reply}{' (notice)' if notice else ''}:", style="green")


def bot_body(message: dict[str, Any]) -> str:
    return str(message.get("plain_text") or message.get("text") or message.get("caption") or "")


def print_bot_message(console: Console, message: dict[str, Any], notice: bool = False) -> None:
    """A bot message as the demo prints it: indented, wrapped under itself, buttons below (see `emit`)."""
    emit(console, bot_label(message, notice), bot_body(message), INDENT, buttons_line(message))


class Transcript:
    def __init__(self, console: Console) -> None:
        self.console = console
        self.seen: dict[int, set[int]] = {}  # chat id -> the bot's message ids already printed

    def said(self, chat: dict[str, Any], who: dict[str, Any], text: str) -> None:
        where = chat.get("title") or "私聊 private"
        label = Text.assemble((where, "bold cyan"), " · ", (f"{who['first_name']}:", "bold"))
        emit(self.console, label, text)

    def narrate(self, text: str) -> None:
        narrate(self.console, text)

    def _unseen(self, chat_id: int, msgs: list[dict[str, Any]]) -> list[dict[str, Any]]:
        seen = self.seen.setdefault(chat_id, set())
        return [m for m in msgs if m["message_id"] not in seen]

    def _show(self, chat_id: int, message: dict[str, Any], notice: bool = False) -> None:
        self.seen.setdefault(chat_id, set()).add(message["message_id"])
        print_bot_message(self.console, message, notice)

    async def notices(self, tg: EmulatorClient, chat_id: int) -> None:
        """The bot's messages in the chat not printed yet (sent unasked, e.g. a notice), as notices."""
        for m in self._unseen(chat_id, await tg.messages(chat_id)):
            self._show(chat_id, m, notice=True)

    async def bot_replies(self, tg: EmulatorClient, chat_id: int, expected: int, after: int = 0,
                          timeout: float = 15) -> bool:
        """Print the bot's new messages in the chat — with `after` (the id of the message they answer),
        the first `expected` sent after it, earlier unprinted ones shown as notices first; False if fewer
        than expected came."""
        if expected == 0:
            narrate(self.console, "(no reply: chit-chat stays unanswered)")
            return True
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            unseen = self._unseen(chat_id, await tg.messages(chat_id))
            answers = [m for m in unseen if m["message_id"] > after]
            if len(answers) >= expected or loop.time() > deadline:
                break
            await asyncio.sleep(0.05)
        for m in unseen:
            if m["message_id"] <= after:
                self._show(chat_id, m, notice=True)
        for m in answers[:expected]:
            self._show(chat_id, m)
        return len(answers) >= expected


async def run_demo(keep: bool = False, port: int = 0, runtime: str | None = None) -> int:
    console = Console()
    emu = Emulator(EmulatorConfig(limits=True))
    await emu.start(host="127.0.0.1", port=port)
    with tempfile.TemporaryDirectory(prefix="sentinel-demo-") as tmp:
        settings = load_settings(_env_file=None, bot_token=DEFAULT_TOKEN, api_base=emu.base_url,
                                 database_url=f"sqlite+aiosqlite:///{Path(tmp) / 'demo.db'}", poll_timeout=2,
                                 superadmin_ids=[SECRETARY["id"]])
        web_port = _free_port()  # the dashboard beside the bot: /web's link opens it while it runs
        settings = settings.model_copy(update={"web": WebSettings(
            enabled=True, port=web_port, public_url=f"http://127.0.0.1:{web_port}")})
        stop = asyncio.Event()
        bot_task = asyncio.create_task(run_bot(settings, stop=stop, runtime=runtime))
        try:
            async with EmulatorClient(emu.base_url, token=DEFAULT_TOKEN) as tg:
                console.rule(f"Rider Sentinel demo · emulator at {emu.base_url}")
                ok = await _play(tg, Transcript(console), bot_task)
                link = next((m for msg in await tg.messages(SECRETARY["id"])
                             for m in re.findall(r"http://\S+/dash/login\?t=[\w-]+", str(msg.get("text")))), "")
                console.print(f"dashboard login link ({'open it now' if keep else 'works with --keep'}; "
                              f"one use, 10 minutes): {link}", highlight=False, markup=False, soft_wrap=True)
                if keep:
                    _print_keep_help(console, emu.base_url)
                    await stop.wait()
        finally:
            stop.set()
            await bot_task
            await emu.stop()
    console.rule("done" if ok else "[red]demo failed[/]")
    return 0 if ok else 1


async def _play(tg: EmulatorClient, out: Transcript, bot_task: asyncio.Task[None]) -> bool:
    for _ in range(1200):  # start-up; on a fresh checkout it builds the intake model first
        if (await tg.stats())["calls"].get("getUpdates"):
            break
        if bot_task.done():
            bot_task.result()
        await asyncio.sleep(0.05)
    async def say(chat: dict[str, Any], who: dict[str, Any], text: str, expected: int, reply_to: int | None) -> bool:
        extra: dict[str, Any] = {}
        if reply_to is not None:
            extra["reply_to_message_id"] = (await tg.messages(chat["id"]))[reply_to]["message_id"]
        await out.notices(tg, chat["id"])  # what the bot sent unasked shows before the next line
        out.said(chat, who, text)
        sent = await tg.send(chat, who, text, **extra)
        return await out.bot_replies(tg, chat["id"], expected, after=int(sent["message_id"]))

    for chat, who, text, expected, reply_to in SCRIPT:
        if not await say(chat, who, text, expected, reply_to):
            return False
    out.console.rule("小哥议事会 · riders' deliberation: one proposal from support to outcome")
    if not await demo_deliberation.play(tg, out, say, EN_GROUP, SECRETARY, [AMY, LI, WANG]):
        return False
    return (await tg.stats())["errors"].get("400", 0) == 0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def keep_help(url: str) -> list[str]:
    """Commands to post as a rider and read the chat: one line each, to copy as printed."""
    return [
        f"curl -s -X POST {url}/_emu/send -H 'content-type: application/json' "
        "-d '{\"chat\":{\"id\":-1001001,\"type\":\"supergroup\",\"title\":\"朝阳骑手一群\"},"
        "\"from\":{\"id\":7009,\"first_name\":\"小刘\",\"language_code\":\"zh\"},"
        "\"text\":\"人民路地铁站B口井盖没了\"}'",
        f"curl -s '{url}/_emu/messages?chat_id=-1001001'",
    ]


def _print_keep_help(console: Console, url: str) -> None:
    console.rule("still running — post as a rider with curl (Ctrl+C to stop)")
    for line in keep_help(url):  # soft_wrap: the terminal may wrap it, but it stays one line to copy
        console.print(line, highlight=False, markup=False, soft_wrap=True)
