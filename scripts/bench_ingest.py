#!/usr/bin/env python3
"""Ingest throughput: updates handled per second by the full bot vs a bare echo bot, per runtime.

For each runtime (aiogram, python-telegram-bot: `--runtimes`), the full bot (`sentinel run
--runtime X`) and a bare echo bot on the same library run as separate processes against the same
emulator (its own process, limits off), on the same pre-queued mix of reports and chit-chat. The
full bot classifies, stores the case and queues a reply in one commit per update before confirming
it; the echo bot only answers. Prints the rates and their ratio per runtime; exits non-zero when a
ratio is below --min-ratio.

`--intake` measures the full bot with the whole intake cascade (`cascade`: the lexical stage, and
the semantic stage's encoder for the messages the lexical stage is unsure of, ~11 ms each on one
core here), with the lexical stage alone (`lexical`: SENTINEL_INTAKE_SEMANTIC=0, what the bot does
without the `semantic` extra), or both in one run (the default), so the encoder's share is seen.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from emulator import DEFAULT_TOKEN
from emulator.client import EmulatorClient
from emulator.process import emulator_process

REPORTS = ["幸福小区3号门的路灯坏了 晚上黑乎乎的", "建国路和光华路路口红绿灯一直闪黄灯",
           "光华路桥下积水很深 电动车过不去", "The street light on Keyuan Rd is out",
           "人民路地铁站B口井盖没了 很危险", "小区门口垃圾堆了三天没人收 臭死了"]
CHATTER = ["中午有人一起吃饭不", "哈哈哈 好的", "今天单子好多啊 累死", "Anyone up for lunch?"]


async def _fill(tg: EmulatorClient, n: int, chats: int) -> None:
    await tg.reset()
    for i in range(n):
        chat = {"id": -100500 - i % chats, "type": "supergroup", "title": f"bench {i % chats}"}
        user = {"id": 9000 + i % 50, "first_name": f"r{i % 50}", "language_code": "zh"}
        text = REPORTS[i % len(REPORTS)] if i % 5 < 3 else CHATTER[i % len(CHATTER)]
        await tg.send(chat, user, f"{text} #{i}")


async def _measure(tg: EmulatorClient, cmd: list[str], env: dict[str, str], n: int,
                   done: str) -> float:
    """Start the bot; time from its first getUpdates (start-up excluded) until the emulator
    has no unconfirmed update left (`confirmed`) or has received n messages (`sent`)."""
    proc = await asyncio.create_subprocess_exec(*cmd, env=env, cwd=tempfile.gettempdir(),
                                                stdout=asyncio.subprocess.DEVNULL,
                                                stderr=asyncio.subprocess.DEVNULL)
    start = None
    try:
        while True:
            stats = await tg.stats()
            if start is None:
                if not stats["calls"].get("getUpdates"):
                    await asyncio.sleep(0.002)
                    continue
                start = time.perf_counter()
            if done == "confirmed" and stats["pending_updates"] == 0 and stats["calls"].get("getUpdates", 0) > 1:
                break
            if done == "sent" and stats["sent"] >= n:
                break
            if proc.returncode is not None:
                raise RuntimeError(f"{cmd} exited {proc.returncode}")
            await asyncio.sleep(0.01)
        return time.perf_counter() - start
    finally:
        proc.terminate()
        await proc.wait()


def serve_echo_ptb(api: str) -> None:
    """python-telegram-bot's echo: run_polling, sequential updates (its concurrent_updates mode
    measured ~3x slower on this machine)."""
    from telegram import Update
    from telegram.ext import Application, ContextTypes, MessageHandler, filters

    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        if update.effective_chat is not None and update.effective_message is not None:
            await context.bot.send_message(update.effective_chat.id, update.effective_message.text or "")

    app = (Application.builder().token(DEFAULT_TOKEN).base_url(f"{api}/bot").base_file_url(f"{api}/file/bot")
           .build())
    app.add_handler(MessageHandler(filters.ALL, echo))
    app.run_polling(poll_interval=0, timeout=5)


def serve_echo(api: str) -> None:
    from aiogram import Bot, Dispatcher
    from aiogram.client.session.aiohttp import AiohttpSession
    from aiogram.client.telegram import TelegramAPIServer
    from aiogram.types import Message

    dp = Dispatcher()

    @dp.message()
    async def echo(message: Message) -> None:
        await message.answer(message.text or "")

    bot = Bot(DEFAULT_TOKEN, session=AiohttpSession(api=TelegramAPIServer.from_base(api)))
    asyncio.run(dp.start_polling(bot, polling_timeout=5))


ECHO = {"aiogram": "--serve-echo", "ptb": "--serve-echo-ptb"}
LIBRARY = {"aiogram": "aiogram", "ptb": "python-telegram-bot"}


INTAKES = {"cascade": "1", "lexical": "0"}  # SENTINEL_INTAKE_SEMANTIC


async def _pair(tg: EmulatorClient, url: str, env: dict[str, str], args: argparse.Namespace,
                runtime: str) -> dict[str, tuple[float, float]]:
    """intake → (echo seconds, full bot seconds) for one runtime."""
    await _fill(tg, args.n, args.chats)
    echo_s = await _measure(tg, [sys.executable, __file__, ECHO[runtime], url], env, args.n, "sent")
    intakes = list(INTAKES) if args.intake == "both" else [args.intake]
    return {intake: (echo_s, await _full(tg, url, {**env, "SENTINEL_INTAKE_SEMANTIC": INTAKES[intake]}, args,
                                         runtime)) for intake in intakes}


async def _full(tg: EmulatorClient, url: str, env: dict[str, str], args: argparse.Namespace, runtime: str) -> float:
    """Seconds the full bot takes for the queued updates, on a fresh database."""
    with tempfile.TemporaryDirectory() as tmp:
        db = args.database_url or f"sqlite+aiosqlite:///{Path(tmp) / 'bench.db'}"
        from storage.migrate import upgrade
        upgrade(db)  # not part of the timing
        await _fill(tg, args.n, args.chats)
        bot_env = {**env, "SENTINEL_BOT_TOKEN": DEFAULT_TOKEN, "SENTINEL_API_BASE": url,
                   "SENTINEL_DATABASE_URL": db, "SENTINEL_LOG_LEVEL": "WARNING", "SENTINEL_RUNTIME": runtime}
        return await _measure(tg, [sys.executable, "-m", "bot.cli", "run"], bot_env, args.n, "confirmed")


async def main(args: argparse.Namespace) -> int:
    runtimes = [r.strip() for r in args.runtimes.split(",") if r.strip()]
    results: dict[str, dict[str, tuple[float, float]]] = {}
    async with emulator_process("--no-limits") as url, EmulatorClient(url, token=DEFAULT_TOKEN) as tg:
        env = {**os.environ, "PYTHONPATH": str(REPO)}
        for runtime in runtimes:
            results[runtime] = await _pair(tg, url, env, args, runtime)
    print(f"updates: {args.n} in {args.chats} groups ({REPORTS and '60% reports'})")
    ok = True
    for runtime, by_intake in results.items():
        lib = LIBRARY[runtime]
        echo_s = next(iter(by_intake.values()))[0]
        print(f"{lib}: echo bot (answers each):                          {args.n / echo_s:8.0f} updates/s  "
              f"({echo_s:.2f} s)")
        for intake, (_echo, full_s) in by_intake.items():
            ratio = echo_s / full_s
            ok = ok and ratio >= args.min_ratio
            print(f"{lib}: full bot, {intake + ' intake':15} (classify, store, reply): {args.n / full_s:8.0f} "
                  f"updates/s  ({full_s:.2f} s)  ratio full/echo {ratio:.2f}  (target >= {args.min_ratio})")
    return 0 if ok else 1


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--serve-echo":
        serve_echo(sys.argv[2])
        sys.exit(0)
    if len(sys.argv) == 3 and sys.argv[1] == "--serve-echo-ptb":
        serve_echo_ptb(sys.argv[2])
        sys.exit(0)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=3000, help="updates to send")
    parser.add_argument("--chats", type=int, default=20)
    parser.add_argument("--min-ratio", type=float, default=0.75)
    parser.add_argument("--intake", choices=("both", *INTAKES), default="both",
                        help="the full bot's intake: the whole cascade, the lexical stage alone, or both")
    parser.add_argument("--database-url", default="", help="default: a temporary SQLite file")
    parser.add_argument("--runtimes", default="aiogram,ptb", help="comma-separated: aiogram, ptb")
    sys.exit(asyncio.run(main(parser.parse_args())))
