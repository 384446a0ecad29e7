"""Ctrl-C while `python -m bot.cli` starts: a trial pressed Ctrl-C in its first second and read a
traceback of whatever import it hit (the module's own imports load the config, the intake and the
emulator before its main() could catch anything), while the `sentinel` console script (bot.launch)
ended quietly. Now `python -m bot.cli` goes through the same guarded entry (bot.launch.main) before
loading anything: quiet, exit code 130, at any moment."""
from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.test_cli_errors import clean_env, quiet_or_before_us


@pytest.mark.parametrize("after", [0.1, 0.3, 0.6, 1.0, 2.0])
def test_ctrl_c_while_python_m_bot_cli_starts_is_quiet(tmp_path: Path, after: float) -> None:
    """`classify -` with standard input left open waits for input once loaded, so every delay interrupts it."""
    proc = subprocess.Popen([sys.executable, "-m", "bot.cli", "classify", "-"], cwd=tmp_path, env=clean_env(),
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        try:
            proc.wait(after)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    finally:
        proc.kill()
    assert quiet_or_before_us(proc.returncode, err.decode()), (proc.returncode, err.decode()[-800:])
