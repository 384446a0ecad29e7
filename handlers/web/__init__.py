"""Web adapter: the Open311 GeoReport v2 API (and, later, the dashboard) on aiohttp."""
from handlers.web.app import CORE, WebServer, build_app

__all__ = ["CORE", "WebServer", "build_app"]
