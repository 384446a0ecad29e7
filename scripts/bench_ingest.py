#!/usr/bin/env python3
"""Ingest throughput: updates handled per second by the full bot vs a bare echo bot, per runtime.

For each runtime (aiogram, python-telegram-bot: `--runtimes`), the full bot (`sentinel run
--runtime X`) and a bare echo bot on the same library run as separate processes against the same
emulator (its own process, limits off), on the same pre-queued mix of reports and chit-chat. The
full bot classifies, stores the case and queues a reply (each getUpdates batch in one commit) before
confirming the batch; the echo bot only answers. The full bot is timed until every update is
confirmed (its replies are then committed to the outbox, which the sender drains at the platform's
pace), the echo bot until it has sent every answer (it has nothing else to show it is done): so
python-telegram-bot's full bot can beat its echo bot, whose answers are sent one by one in line.
Prints the rates and their ratio per runtime; exits non-zero when a ratio is below --min-ratio.

`--intake` measures the full bot with the whole intake cascade (`cascade`: the lexical stage, and
the semantic stage's encoder for the messages the lexical stage is unsure of, 11–40 ms each on one
core here), with the lexical stage alone (`lexical`: SENTINEL_INTAKE_SEMANTIC=0, what the bot does
without the `semantic` extra), or both in one run (the default), so the encoder's share is seen.

One run is noisy (the echo bot's rate moves by a third from run to run on a shared machine):
`--rounds K` measures K rounds (echo, then each full bot) and prints the median ratio with its
range; `--compare REF` also measures the full bot of git REF in the same rounds (its ratio is
printed, not held to --min-ratio), so a before/after holds while the machine's load drifts.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from emulator import DEFAULT_TOKEN
from emulator.client import EmulatorClient
from emulator.process import emulator_process
from gittree import export  # scripts/ (this script's directory)

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


async def _round(tg: EmulatorClient, url: str, env: dict[str, str], args: argparse.Namespace, runtime: str,
                 trees: list[tuple[str, Path]], flip: bool) -> dict[str, float]:
    """One round for one runtime: the echo bot, then the full bot of each tree and intake (in the
    reverse order when `flip`, so a drift of the machine's speed favours no tree); label → seconds."""
    await _fill(tg, args.n, args.chats)
    took = {"echo": await _measure(tg, [sys.executable, __file__, ECHO[runtime], url], env, args.n, "sent")}
    intakes = list(INTAKES) if args.intake == "both" else [args.intake]
    runs = [(label, tree, intake) for label, tree in trees for intake in intakes]
    for label, tree, intake in (runs[::-1] if flip else runs):
        took[f"{intake}{label}"] = await _full(tg, url, {**env, "PYTHONPATH": str(tree),
                                                         "SENTINEL_INTAKE_SEMANTIC": INTAKES[intake]},
                                               args, runtime)
    return took


async def _full(tg: EmulatorClient, url: str, env: dict[str, str], args: argparse.Namespace, runtime: str) -> float:
    """Seconds the full bot (of the tree on env's PYTHONPATH) takes for the queued updates, on a
    fresh database (a temporary SQLite file unless --database-url)."""
    with tempfile.TemporaryDirectory() as tmp:
        db = args.database_url or f"sqlite+aiosqlite:///{Path(tmp) / 'bench.db'}"
        subprocess.run([sys.executable, "-c", "import sys; from storage.migrate import upgrade; upgrade(sys.argv[1])",
                        db], env=env, cwd=tmp, check=True, capture_output=True)  # not part of the timing
        await _fill(tg, args.n, args.chats)
        bot_env = {**env, "SENTINEL_BOT_TOKEN": DEFAULT_TOKEN, "SENTINEL_API_BASE": url,
                   "SENTINEL_DATABASE_URL": db, "SENTINEL_LOG_LEVEL": "WARNING", "SENTINEL_RUNTIME": runtime}
        return await _measure(tg, [sys.executable, "-m", "bot.cli", "run"], bot_env, args.n, "confirmed")


async def main(args: argparse.Namespace) -> int:
    runtimes = [r.strip() for r in args.runtimes.split(",") if r.strip()]
    rounds: dict[str, list[dict[str, float]]] = {r: [] for r in runtimes}
    with tempfile.TemporaryDirectory() as tmp:
        trees = [("", REPO)] + ([(f" @{args.compare}", export(args.compare, Path(tmp)))] if args.compare else [])
        async with emulator_process("--no-limits") as url, EmulatorClient(url, token=DEFAULT_TOKEN) as tg:
            env = {**os.environ}
            for k in range(args.rounds):
                for runtime in runtimes:
                    rounds[runtime].append(await _round(tg, url, env, args, runtime, trees, flip=k % 2 == 1))
    print(f"updates: {args.n} in {args.chats} groups (60% reports); {args.rounds} round(s): the median, "
          f"and the lowest and highest ratio, each round's full bot measured against that round's echo")
    ok = True
    for runtime, measured in rounds.items():
        lib = LIBRARY[runtime]
        echo = statistics.median(r["echo"] for r in measured)
        print(f"{lib}: echo bot (answers each): {args.n / echo:,.0f} updates/s")
        for label in [k for k in measured[0] if k != "echo"]:
            ratios = sorted(r["echo"] / r[label] for r in measured)
            ratio = statistics.median(ratios)
            full = statistics.median(r[label] for r in measured)
            ok = ok and (ratio >= args.min_ratio or bool(args.compare and "@" in label))
            spread = f" ({ratios[0]:.2f}–{ratios[-1]:.2f})" if len(ratios) > 1 else ""
            print(f"{lib}: full bot, {label + ' intake':28} (classify, store, reply): {args.n / full:6,.0f} updates/s"
                  f"  ratio full/echo {ratio:.2f}{spread}  (target >= {args.min_ratio})")
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
    parser.add_argument("--rounds", type=int, default=1, help="rounds (echo, then each full bot), alternating order")
    parser.add_argument("--compare", metavar="REF", help="also measure the full bot of git REF, in the same rounds")
    sys.exit(asyncio.run(main(parser.parse_args())))
