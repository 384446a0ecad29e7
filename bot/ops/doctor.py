"""`sentinel doctor`: what an operator checks before (and while) the bot runs, one line each, ✓ or ✗
(the Redis line only when SENTINEL_REDIS_URL is set, the WeCom line only when WeCom is configured).
It only reads: it creates no file (no database, no scheduler lock) and changes nothing.

Each check is independent: a failing one says what to do and the others still run. Exit code 1 if any
check fails, so the command fits a deployment's health check.
"""
from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass

from bot.config import ConfigError, Settings, load_settings, validate_token
from bot.ops.errors import one_line

TELEGRAM_TIMEOUT = 10.0  # seconds for getMe / getWebhookInfo


@dataclass
class Check:
    name: str
    ok: bool
    detail: str

    def line(self) -> str:
        return f"{'✓' if self.ok else '✗'} {self.name}: {self.detail}"


def load_operator_files(settings: Settings) -> tuple[object, object]:
    """The routing and points files the bot would load; ConfigError naming the setting."""
    from bot.cases import load_routing
    from bot.points import load_points_config
    try:
        routing = load_routing(settings.routing_file)
    except ConfigError as e:
        raise ConfigError(f"invalid SENTINEL_ROUTING_FILE: {e}") from None
    try:
        points = load_points_config(settings.points_file)
    except ConfigError as e:
        raise ConfigError(f"invalid SENTINEL_POINTS_FILE: {e}") from None
    return routing, points


def _settings(state: dict[str, object]) -> Check:
    settings = load_settings()
    state["settings"] = settings
    state["routing"], _ = load_operator_files(settings)
    if settings.bot_token:  # the one setting checked for its form only when used: here it is
        try:
            validate_token(settings.bot_token)
        except ConfigError as e:
            return Check("settings", False, str(e))
    return Check("settings", True, f"valid (time zone {settings.timezone}, language {settings.default_lang}, "
                                   f"{len(settings.superadmin_ids)} superadmin(s))")


def _database(state: dict[str, object]) -> Check:
    from bot.ops import database
    settings = _need(state)
    at = database.current(settings.database_url)
    head = database.heads()
    where = database.describe(settings.database_url)
    if not at:
        return Check("database", False, f"{where} reachable but has no tables: run `sentinel db upgrade`")
    if set(at) != set(head):
        return Check("database", False, f"{where} at revision {', '.join(at)}, needs {', '.join(head)}: "
                                        "run `sentinel db upgrade`")
    state["database_ok"] = True
    return Check("database", True, f"{where} reachable, at revision {', '.join(at)} (head)")


async def _telegram(settings: Settings) -> tuple[str, object]:
    """getMe and getWebhookInfo with the Bot the bot itself runs with: the runtime's own factory and
    close (handlers.runtime.library, SENTINEL_RUNTIME: a python-telegram-bot deployment's doctor does
    not load aiogram either), its HTTP session closed whatever the answer."""
    from handlers.runtime import library
    lib = library(settings.runtime)
    bot = lib.make_bot(settings)
    try:
        me = await asyncio.wait_for(bot.get_me(), TELEGRAM_TIMEOUT)
        hook = await asyncio.wait_for(bot.get_webhook_info(), TELEGRAM_TIMEOUT)
        return f"@{me.username} (id {me.id})", hook
    finally:
        await lib.close(bot)


def _redis(state: dict[str, object]) -> Check | None:
    """Only when SENTINEL_REDIS_URL is set (the workers' shared send limit, bot/shared_pacing.py):
    whether Redis answers PING, as `sentinel run` checks before it starts (bot.ops.shared). The line
    never repeats the URL: it may hold a password."""
    settings = state.get("settings")
    if not isinstance(settings, Settings) or not settings.redis_url:
        return None
    from bot.ops.shared import redis_reachable
    redis_reachable(settings.redis_url)  # CommandError, one line without the URL: the ✗ line says it
    return Check("redis", True, "reachable (SENTINEL_REDIS_URL answered PING)")


def _token(state: dict[str, object]) -> Check:
    settings = _need(state)
    if not settings.bot_token:
        return Check("token", False, "SENTINEL_BOT_TOKEN is not set (ask @BotFather for one)")
    try:
        me, hook = asyncio.run(_telegram(settings))
    except asyncio.TimeoutError:
        state["webhook"] = "no answer"
        return Check("token", False, f"{settings.api_base} did not answer getMe within {TELEGRAM_TIMEOUT:.0f} s")
    state["webhook"] = hook
    return Check("token", True, f"getMe answered: {me}")


def _webhook(state: dict[str, object]) -> Check:
    settings = _need(state)
    hook = state.get("webhook")
    if hook is None or isinstance(hook, str):
        return Check("webhook", False, "unknown: the token check failed")
    url = getattr(hook, "url", "") or ""
    pending = getattr(hook, "pending_update_count", 0)
    error = getattr(hook, "last_error_message", None)
    if error:
        return Check("webhook", False, f"{url or 'none'}: Telegram's last delivery failed: {error}")
    if settings.webhook_url and url != settings.webhook_url:
        return Check("webhook", False, f"Telegram has {url or 'no webhook'}, SENTINEL_WEBHOOK_URL is "
                                       f"{settings.webhook_url}: start `sentinel run --webhook`")
    if not url:
        return Check("webhook", True, f"none set: long polling ({pending} update(s) waiting)")
    return Check("webhook", True, f"{url} ({pending} update(s) waiting)")


def _departments(state: dict[str, object]) -> Check:
    if "routing" not in state:
        raise ConfigError("unknown: the settings check failed")
    from bot.cases import RoutingTable
    routing = state["routing"]
    assert isinstance(routing, RoutingTable)  # the settings check put it there
    empty = sorted(code for code, d in routing.departments.items() if not d.members)
    if empty:
        return Check("departments", False, f"{len(empty)} with no members: {', '.join(empty)} (add Telegram ids "
                                           "to `members` in SENTINEL_ROUTING_FILE; until then their cases wait "
                                           "on the branch secretary)")
    return Check("departments", True, f"all {len(routing.departments)} staffed")


def _scheduler(state: dict[str, object]) -> Check:
    from bot.scheduling import SchedulerLock
    settings = _need(state)
    if not state.get("database_ok"):  # the lock lives with the database (a file beside SQLite's)
        return Check("scheduler", False, "unknown: the database check failed")
    if not SchedulerLock(settings.database_url).held_elsewhere():  # asked, not taken: no lock file left behind
        return Check("scheduler", False, "no process holds the scheduler lock: no bot is running jobs "
                                         "(start `sentinel run`)")
    return Check("scheduler", True, "a running bot holds the scheduler lock and runs the jobs")


def _model(state: dict[str, object]) -> Check:
    from bot.ops.model import ensure_model
    model = ensure_model()
    meta = getattr(model, "meta", {}) or {}
    rows = meta.get("n_rows") if isinstance(meta, dict) else None
    return Check("intake model", True, "loaded" + (f" (trained on {rows} lines)" if rows else ""))


async def _wecom_token(base: str, corp_id: str, secret: str) -> tuple[int, str, int]:
    """(errcode, errmsg, expires_in) of WeCom's gettoken (the token itself is not kept)."""
    import aiohttp
    timeout = aiohttp.ClientTimeout(total=TELEGRAM_TIMEOUT)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        async with session.get(f"{base}/cgi-bin/gettoken", params={"corpid": corp_id, "corpsecret": secret}) as r:
            body = await r.json(content_type=None)
    return int(body.get("errcode", -1)), str(body.get("errmsg", "")), int(body.get("expires_in", 0) or 0)


def _wecom(state: dict[str, object]) -> Check | None:
    """Only when WeCom is configured (SENTINEL_WECOM__CORP_ID): the app's secret against gettoken."""
    settings = state.get("settings")
    if not isinstance(settings, Settings) or not settings.wecom.configured:
        return None
    w = settings.wecom
    parts = [f"corp {w.corp_id}, app {w.agent_id}" + (" (callback)" if w.app_token else ""),
             *(["AI bot (callback)"] if w.aibot_token else [])]
    try:
        errcode, errmsg, ttl = asyncio.run(_wecom_token(w.api_base, w.corp_id, w.app_secret))
    except asyncio.TimeoutError:
        return Check("wecom", False, f"{w.api_base} did not answer gettoken within {TELEGRAM_TIMEOUT:.0f} s")
    if errcode != 0:
        return Check("wecom", False, f"{', '.join(parts)}: gettoken refused: errcode {errcode} {errmsg} "
                                     "(check SENTINEL_WECOM__CORP_ID and SENTINEL_WECOM__APP_SECRET)")
    return Check("wecom", True, f"{', '.join(parts)}; gettoken answered (token valid {ttl} s)")


def _need(state: dict[str, object]) -> Settings:
    settings = state.get("settings")
    if not isinstance(settings, Settings):
        raise ConfigError("unknown: the settings check failed")
    return settings


CHECKS: tuple[tuple[str, Callable[[dict[str, object]], Check | None]], ...] = (
    ("settings", _settings), ("database", _database), ("redis", _redis), ("token", _token), ("webhook", _webhook),
    ("wecom", _wecom), ("departments", _departments), ("scheduler", _scheduler), ("intake model", _model))


def run_checks(print_line: Callable[[str], None] = print) -> int:
    """Runs every check, prints one line each; 0 if all pass, else 1."""
    from bot.ops.errors import explain
    state: dict[str, object] = {}
    failed = 0
    for name, check in CHECKS:
        try:
            result = check(state)
        except Exception as e:  # every failure is one ✗ line, the next check still runs
            result = Check(name, False, explain(e)[1])
        if result is None:  # not configured: nothing to say (the WeCom adapter)
            continue
        failed += not result.ok
        print_line(one_line(result.line()))
    return 1 if failed else 0
