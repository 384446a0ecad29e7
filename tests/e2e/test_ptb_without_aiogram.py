"""`sentinel run --runtime ptb` never imports aiogram: a python-telegram-bot worker is spared
aiogram's import (~166 MB RSS: pydantic builds some 300 model schemas), receiving, sending, starting
and stopping on python-telegram-bot alone (handlers/runtime.py, handlers/telegram_ptb/).

The real command in its own process against the emulator: it starts (getMe, setMyCommands,
deleteWebhook), answers a report and a button press (the outbox through PTB's Bot, an inline
keyboard, a callback answer) and stops on SIGTERM; at exit it writes every module it loaded."""
from __future__ import annotations

import asyncio
import signal
import subprocess
from pathlib import Path

from emulator import Emulator
from emulator.client import EmulatorClient
from tests.conftest import GROUP, LI, TOKEN, until
from tests.e2e.test_cli_errors import CLI, clean_env

WRAPPER = """
import atexit, sys
from pathlib import Path
out = Path(sys.argv.pop(1))
atexit.register(lambda: out.write_text("\\n".join(sorted(sys.modules))))
from bot.cli import main
sys.exit(main(sys.argv[1:]))
"""


async def _loaded(tmp_path: Path, emu: Emulator, runtime: str) -> set[str]:
    """The modules `sentinel run --runtime <runtime>` loaded, having answered a report and a press."""
    wrapper, modules = tmp_path / "wrapper.py", tmp_path / f"modules-{runtime}.txt"
    wrapper.write_text(WRAPPER)
    proc = await asyncio.create_subprocess_exec(
        CLI[0], str(wrapper), str(modules), "run", "--runtime", runtime, cwd=tmp_path,
        env=clean_env(SENTINEL_BOT_TOKEN=TOKEN, SENTINEL_API_BASE=emu.base_url, SENTINEL_POLL_TIMEOUT="1"),
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE)
    try:
        async with EmulatorClient(emu.base_url, token=TOKEN) as tg:
            async def polling() -> bool:
                return bool((await tg.stats())["calls"].get("getUpdates"))
            await until(polling, timeout=120)
            await tg.send(GROUP, LI, "幸福小区3号门的路灯坏了 晚上黑乎乎的")
            [reply] = await tg.wait(GROUP["id"], 1, timeout=60)
            assert "已登记工单" in reply["plain_text"], reply
            case = reply["plain_text"].split("C-")[1][:6]
            await tg.press(GROUP["id"], reply["message_id"], LI, f"ca:{int(case)}:accept")  # not LI's to take

            async def answered() -> bool:
                return bool(await tg.answers())
            await until(answered, timeout=60)
            calls = (await tg.stats())["calls"]
            assert calls.get("getMe") and calls.get("setMyCommands") and calls.get("answerCallbackQuery"), calls
    finally:
        proc.send_signal(signal.SIGTERM)
        _out, err = await asyncio.wait_for(proc.communicate(), 60)
    assert proc.returncode == 0, err.decode()[-3000:]
    return set(modules.read_text().split())


async def test_the_ptb_runtime_runs_without_aiogram(tmp_path: Path, emu: Emulator) -> None:
    loaded = await _loaded(tmp_path, emu, "ptb")
    assert "telegram" in loaded and "handlers.telegram_ptb.transport" in loaded
    assert not {m for m in loaded if m.split(".")[0] == "aiogram"}, "aiogram was imported by --runtime ptb"


def test_every_module_of_the_ptb_paths_imports_without_aiogram() -> None:
    """What the run above may not reach: the webhook, dead letters, the web app, metrics, the doctor,
    the demo — imported in a fresh interpreter with the ptb runtime's library."""
    code = ("import sys, bot.cli, handlers.runtime; handlers.runtime.library('ptb'); "
            "import handlers.telegram_webhook, handlers.deadletter, handlers.chat_isolation, handlers.web.dashboard, "
            "bot.metrics, bot.ops.doctor, bot.ops.errors, handlers.demo; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'aiogram'))")
    done = subprocess.run([CLI[0], "-c", code], env=clean_env(), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and done.stdout.strip() == "[]", done.stdout + done.stderr
