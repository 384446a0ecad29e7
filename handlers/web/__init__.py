"""Web adapter: the Open311 GeoReport v2 API and the dashboard, on aiohttp.

`CORE`, `WebServer` and `build_app` are loaded when first asked for (PEP 562): the app imports the
whole bot, and the command line imports `handlers.web.cli` to build its parser, where those seconds
were paid by every `sentinel` command, `--help` too."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from handlers.web.app import CORE, WebServer, build_app

__all__ = ["CORE", "WebServer", "build_app"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from handlers.web import app
        return getattr(app, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
