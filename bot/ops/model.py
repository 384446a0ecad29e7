"""The intake model's load (or first build), made visible: a progress bar on stderr instead of a silent pause.

The build itself belongs to bot.intake (trained from the training data and cached on first use); this
only runs the public `get_model()` in a thread and, if it is not back at once, shows a bar with the time
elapsed. Once the cache exists, loading is quick and nothing is shown. Only a terminal gets the bar:
when stderr is a log file or a pipe (CI, systemd, a test reading a command's output) a bar is noise and
"ready" would read as an error, so the load is silent there whatever it takes.
"""
from __future__ import annotations

import threading
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

SHOW_AFTER = 0.4  # seconds: a cached model loads faster than this, and then no bar flickers by
LABEL = "loading the intake model"


def ensure_model(console: Console | None = None) -> Any:
    """Load (on first use: build) the intake model; returns it. Exceptions of the build propagate."""
    from bot.intake import get_model

    result: dict[str, Any] = {}

    def work() -> None:
        try:
            result["model"] = get_model()
        except BaseException as e:  # handed to the caller's thread below
            result["error"] = e

    worker = threading.Thread(target=work, name="intake-model", daemon=True)
    worker.start()
    worker.join(SHOW_AFTER)
    console = console or Console(stderr=True)
    if worker.is_alive() and not console.is_terminal:
        worker.join()
    if worker.is_alive():
        columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn())
        with Progress(*columns, console=console, transient=True) as bar:
            bar.add_task(LABEL, total=None)
            while worker.is_alive():
                worker.join(0.1)
        console.print("intake model ready", style="dim", highlight=False)
    if "error" in result:
        raise result["error"]
    return result.get("model")
