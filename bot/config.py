"""Settings, read once at start-up from SENTINEL_* environment variables and `.env`.

Per-concern groups keep each part of the app asking only for what it uses.
"""
from __future__ import annotations

import base64
import binascii
import json
import logging
import re
from functools import cached_property
from pathlib import Path
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, Field, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict, SettingsError

from bot.echo import echo

OFFICIAL_API = "https://api.telegram.org"


class ConfigError(ValueError):
    """A configuration problem (a setting or an operator file), explained in one line for the operator.

    The one class for all of them: `bot.tomlconfig`, the routing and the points files re-export it,
    so the command line's main() catches every configuration mistake in one place.
    """


def not_utf8(e: UnicodeDecodeError) -> str:
    """What a UnicodeDecodeError means to an operator, in words (the file's name is the caller's)."""
    return f"not UTF-8 text (byte {e.object[e.start]:#04x} at offset {e.start})"


def _unset_if_empty(v: Any) -> Any:
    """`SENTINEL_X=` means unset (the default), not the empty path, which is the current folder."""
    return None if isinstance(v, str) and not v.strip() else v


BAD_TOKEN = "invalid setting SENTINEL_BOT_TOKEN: not a bot token (it looks like 123456:ABC-DEF…)"
_TOKEN = re.compile(r"\d+:\S+")  # what aiogram's validate_token accepts: digits, a colon, no whitespace


def validate_token(token: str) -> None:
    """A malformed bot token as a configuration error (BAD_TOKEN), without loading a Telegram client library."""
    if not _TOKEN.fullmatch(token):
        raise ConfigError(BAD_TOKEN)


LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


class SenderSettings(BaseModel):
    """Outgoing pacing; defaults follow Telegram's published limits."""

    global_per_sec: float = Field(29.0, gt=0)
    group_per_min: int = Field(19, gt=0)
    group_window: float = Field(60.0, gt=0)  # seconds; tests scale Telegram's minute down
    private_per_sec: float = Field(1.0, gt=0)
    max_backoff: float = Field(60.0, gt=0)  # seconds between retries after 5xx or network errors
    batch: int = Field(50, ge=1)
    concurrency: int = Field(16, ge=1)  # chats sent to at once: hides the platform's latency
    # seconds between the sender's passes while the outbox has no backlog: many messages a pass under
    # a steady load instead of one each (bot/outbox.py, Sender._spaced); 0 for a pass at every wake
    gather: float = Field(0.02, ge=0)
    lease: float = Field(60.0, gt=0)  # seconds a worker's claim on outbox rows holds (a dead worker's: then taken over)
    # PostgreSQL: the sender on a loop and a pool of its own, in a thread, so the bot's update handling
    # does not delay recording what was sent (what a crash can double); SQLite keeps it on the bot's loop
    thread: bool = True


class WebSettings(BaseModel):
    """The web server (Open311 API, later the dashboard): `sentinel web`, or inside `sentinel run`
    when enabled (SENTINEL_WEB__ENABLED=true)."""

    enabled: bool = False
    host: str = "127.0.0.1"
    port: int = Field(8081, ge=0, le=65535)  # 0: a free port (tests)
    # The dashboard (handlers/web/dashboard.py): the address people open, as the login link writes it
    # (empty: http://HOST:PORT); https here makes the session cookie Secure.
    public_url: str = ""
    # Map tiles: an OSM-style template ({z}/{x}/{y}); empty: a plain background with a scale, no tiles.
    tiles_url: str = ""
    tiles_attribution: str = ""
    # The tiles' datum: wgs84 (OSM) or gcj02 (most Chinese providers); pins are WGS-84 and are
    # converted for gcj02 tiles.
    tiles_datum: str = Field("wgs84", pattern="^(wgs84|gcj02)$")

    def base_url(self) -> str:
        return self.public_url.rstrip("/") or f"http://{self.host}:{self.port}"


WECOM_API = "https://qyapi.weixin.qq.com"
_CORP_ID = re.compile(r"^w[wx][0-9A-Za-z]{16}$")  # ww… (wx… for older corps) and 16 characters
_CALLBACK_TOKEN = re.compile(r"^[0-9A-Za-z]{3,32}$")  # WeCom: letters and digits, 3 to 32
_AES_KEY = re.compile(r"^[0-9A-Za-z]{43}$")  # WeCom: 43 letters and digits, base64 of 32 bytes


class WeComSettings(BaseModel):
    """The WeCom (企业微信) adapter (docs/wecom.md): SENTINEL_WECOM__*. Off while `corp_id` is empty.

    The self-built app (private chats, sends): `corp_id`, `agent_id`, `app_secret`, and its callback's
    `app_token` + `app_aes_key`; the AI bot in groups: its callback's `aibot_token` + `aibot_aes_key`.
    `api_base`: WeCom's server API, or the emulator's (`python -m emulator.wecom` prints the values)."""

    corp_id: str = ""
    agent_id: int | None = Field(None, gt=0)
    app_secret: str = ""
    app_token: str = ""
    app_aes_key: str = ""
    aibot_token: str = ""
    aibot_aes_key: str = ""
    api_base: str = WECOM_API

    @field_validator("corp_id")
    @classmethod
    def _corp(cls, v: str) -> str:
        v = v.strip()
        if v and not _CORP_ID.match(v):
            raise ValueError(f"expected a corp id like ww0123456789abcdef (ww and 16 letters or digits), got {v!r}")
        return v

    @field_validator("app_secret")
    @classmethod
    def _secret(cls, v: str) -> str:
        v = v.strip()
        if v and not (v.isascii() and v.isprintable() and " " not in v and len(v) <= 128):
            raise ValueError("expected the app's Secret as the admin console shows it (no spaces)")
        return v

    @field_validator("app_token", "aibot_token")
    @classmethod
    def _token(cls, v: str) -> str:
        v = v.strip()
        if v and not _CALLBACK_TOKEN.match(v):
            raise ValueError("expected the callback Token: 3 to 32 letters or digits")
        return v

    @field_validator("app_aes_key", "aibot_aes_key")
    @classmethod
    def _aes(cls, v: str) -> str:
        v = v.strip()
        if not v:
            return v
        if not _AES_KEY.match(v):
            raise ValueError(f"expected the EncodingAESKey: 43 letters or digits, got {len(v)} characters")
        try:
            if len(base64.b64decode(v + "=", validate=True)) != 32:
                raise ValueError
        except (binascii.Error, ValueError):
            raise ValueError("the EncodingAESKey does not decode to 32 bytes: copy it again") from None
        return v

    @field_validator("api_base")
    @classmethod
    def _base(cls, v: str) -> str:
        v = v.strip().rstrip("/")
        if not (v.startswith("https://") or v.startswith("http://")) or " " in v:
            raise ValueError(f"expected an http(s) URL like {WECOM_API}, got {v!r}")
        return v

    @model_validator(mode="after")
    def _complete(self) -> WeComSettings:
        """All of a part or none: a half-configured adapter would fail later, at a rider's message."""
        given = {k for k in ("agent_id", "app_secret", "app_token", "app_aes_key", "aibot_token", "aibot_aes_key")
                 if getattr(self, k)}
        if not self.corp_id:
            if given:
                raise ValueError(f"SENTINEL_WECOM__CORP_ID is not set, but SENTINEL_WECOM__{sorted(given)[0].upper()}"
                                 " is: set the corp id too, or unset the WeCom settings")
            return self
        missing = [k for k in ("agent_id", "app_secret") if k not in given]
        for pair in (("app_token", "app_aes_key"), ("aibot_token", "aibot_aes_key")):
            if len(given & set(pair)) == 1:
                missing += [k for k in pair if k not in given]
        if not given & {"app_token", "aibot_token"}:
            missing.append("app_token")  # nothing would ever reach the bot
        if missing:
            names = ", ".join(f"SENTINEL_WECOM__{k.upper()}" for k in missing)
            raise ValueError(f"WeCom is half configured: {names} not set")
        return self

    @property
    def configured(self) -> bool:
        return bool(self.corp_id)


class LogSettings(BaseSettings):
    """Only the log level: read before any command runs (also from `.env`), so a bad value is one line."""

    model_config = SettingsConfigDict(
        env_prefix="SENTINEL_", env_file=".env", env_nested_delimiter="__", extra="ignore"
    )

    log_level: str = ""  # empty: the command's default (INFO for run and emulator, else WARNING)

    @field_validator("log_level")
    @classmethod
    def _level(cls, v: str) -> str:
        v = v.strip().upper()
        if v and v not in LOG_LEVELS:
            raise ValueError(f"expected one of {', '.join(LOG_LEVELS)}, got {v!r}")
        return v


class Settings(LogSettings):
    bot_token: str = ""
    api_base: str = OFFICIAL_API
    # Redis for what N workers share (bot/shared_pacing.py: one rate limit for the token); empty: each
    # process paces itself (one worker). SENTINEL_REDIS_PREFIX keeps two bots' (or test runs') keys apart.
    redis_url: str = ""
    redis_prefix: str = "sentinel"
    metrics_port: int = Field(0, ge=0, le=65535)  # > 0: a Prometheus endpoint there (bot/metrics.py); 0: off
    metrics_host: str = "127.0.0.1"
    webhook_url: str = ""
    webhook_secret: str = ""
    webhook_host: str = "127.0.0.1"
    webhook_port: int = Field(8080, ge=1, le=65535)
    webhook_path: str = "/webhook"  # the local path the webhook server answers on (behind a proxy)
    poll_timeout: int = Field(25, ge=0, le=50)
    # The library that receives Telegram's updates (handlers/runtime.py): both run the same chat
    # layer and share the outbox's sender. SENTINEL_RUNTIME or `sentinel run --runtime`.
    runtime: Literal["aiogram", "ptb"] = "aiogram"
    # The chat platform the bot serves (SENTINEL_PLATFORM or `sentinel run --platform`): Telegram
    # (through `runtime`), or WeCom (handlers/wecom/runtime.py; SENTINEL_WECOM__*, docs/wecom.md).
    platform: Literal["telegram", "wecom"] = "telegram"
    sender: SenderSettings = SenderSettings()
    web: WebSettings = WebSettings()
    wecom: WeComSettings = WeComSettings()  # the WeCom adapter; off unless SENTINEL_WECOM__CORP_ID is set
    database_url: str = "sqlite+aiosqlite:///sentinel.db"
    default_lang: str = "zh"
    timezone: str = "Asia/Shanghai"
    # `1,2` or `[1, 2]` (NoDecode: pydantic-settings would insist on JSON and fail on a plain list)
    superadmin_ids: Annotated[list[int], NoDecode] = []
    routing_file: Path | None = None  # operator overrides of departments and deadlines (TOML)
    points_file: Path | None = None  # operator overrides of points rules, tiers, catalogue (TOML)
    # seconds between a waiting process's tries to take the scheduler lock (and a leader's checks)
    scheduler_lease: float = Field(10.0, gt=0, le=600)
    stt: str = ""  # speech-to-text for voice reports: vosk:/path/to/model | whisper:<model>; off when empty
    # the media store: a copy of each voice report's audio, named by content (bot.media_store); none when unset
    media_dir: Path | None = None

    @field_validator("superadmin_ids", mode="before")
    @classmethod
    def _ids(cls, v: Any) -> Any:
        if not isinstance(v, str):
            return v
        text = v.strip()
        if text.startswith("["):
            try:
                return json.loads(text)
            except json.JSONDecodeError:
                raise ValueError("expected Telegram user ids like 1,2 or [1, 2]") from None
        parts = [p.strip() for p in text.replace(";", ",").split(",") if p.strip()]
        if not all(p.lstrip("-").isdigit() for p in parts):
            raise ValueError(f"expected Telegram user ids like 1,2 or [1, 2], got {echo(text)}")
        return [int(p) for p in parts]

    _empty_paths = field_validator("routing_file", "points_file", "media_dir", mode="before")(
        classmethod(lambda cls, v: _unset_if_empty(v)))

    @field_validator("webhook_path")
    @classmethod
    def _path(cls, v: str) -> str:
        if not v.startswith("/") or " " in v:
            raise ValueError(f"expected a path starting with /, got {v!r}")
        return v

    @field_validator("default_lang")
    @classmethod
    def _lang(cls, v: str) -> str:
        if v not in ("zh", "en"):
            raise ValueError("must be zh or en")
        return v

    @field_validator("timezone")
    @classmethod
    def _tz(cls, v: str) -> str:
        try:
            ZoneInfo(v)
        except (ZoneInfoNotFoundError, ValueError) as e:
            raise ValueError(f"unknown time zone {v!r}") from e
        return v

    @field_validator("database_url")
    @classmethod
    def _db(cls, v: str) -> str:
        if v.startswith("postgresql://") or v.startswith("postgres://"):
            v = "postgresql+asyncpg://" + v.split("://", 1)[1]
        if v.startswith("sqlite://") and not v.startswith("sqlite+aiosqlite://"):
            v = "sqlite+aiosqlite://" + v.split("://", 1)[1]
        if not (v.startswith("sqlite+aiosqlite://") or v.startswith("postgresql+asyncpg://")):
            raise ValueError("use sqlite:///path.db or postgresql://user@host/db")
        check_database_url(v)
        return v

    @field_validator("redis_url")
    @classmethod
    def _redis(cls, v: str) -> str:
        v = v.strip()
        if v:
            check_redis_url(v)
        return v

    @cached_property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


REDIS_URL_FORMS = "redis://[:password@]host[:port][/db], rediss://… (TLS) or unix:///path/to/redis.sock"


def check_redis_url(url: str) -> None:
    """ValueError, in words, unless redis-py can read `url`: checked when settings load, as the
    database's is, so a typo is one line at once, not an unexpected ValueError when `run` first paces
    a send. The message never repeats the URL: it may hold a password."""
    from urllib.parse import urlsplit
    try:
        parts = urlsplit(url)
        port = parts.port  # ValueError: not a number, or out of range
    except ValueError:
        raise ValueError(f"not a Redis URL (a port is a number from 1 to 65535): expected {REDIS_URL_FORMS}") from None
    if parts.scheme not in ("redis", "rediss", "unix") or (parts.scheme != "unix" and not parts.hostname) \
            or (parts.scheme == "unix" and not parts.path) or port == 0:
        raise ValueError(f"not a Redis URL: expected {REDIS_URL_FORMS}")


DATABASE_URL_FORMS = "sqlite:///path.db or postgresql://user[:password]@host[:port]/db"


def check_database_url(url: str) -> None:
    """ValueError, in words, unless SQLAlchemy can read `url` and the bot can keep its data there.

    Checked once, when settings are loaded, so no command meets the raw ValueError of make_url
    (`invalid literal for int()` for a port like 5432:99 or an unclosed [IPv6) later, at its first
    query. An SQLite database with no file (sqlite:///, :memory:) is refused: it would vanish when
    the process exits, and SQLAlchemy gives it a pool that takes none of our engine's arguments.
    The message never repeats the URL: it may hold a password."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        raise ValueError(f"not a database URL (a port is a number, an IPv6 host is in [brackets]): expected "
                         f"{DATABASE_URL_FORMS}") from None
    if parsed.port is not None and not 1 <= parsed.port <= 65535:
        raise ValueError(f"port {parsed.port} is out of range (1-65535)")
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if not database or database == ":memory:" or parsed.query.get("mode") == "memory":
            raise ValueError("an SQLite database needs a file, e.g. sqlite:///sentinel.db (an in-memory one "
                             "would lose everything when the bot stops)")


_ALTERNATIVES = re.compile(r"^\^\(([\w|-]+)\)\$$")  # a pattern that is a list of words: ^(a|b)$
_QUOTED = re.compile(r"'([^']*)'")  # pydantic's "'a' or 'b'"
_KINDS = {"int_parsing": "a whole number", "int_type": "a whole number", "int_from_float": "a whole number",
          "float_parsing": "a number", "float_type": "a number", "bool_parsing": "true or false",
          "bool_type": "true or false"}
_BOUNDS = {"greater_than_equal": ("ge", "at least"), "greater_than": ("gt", "more than"),
           "less_than_equal": ("le", "at most"), "less_than": ("lt", "less than")}


def plain(err: Any) -> str:
    """A pydantic error (one of `ValidationError.errors()`) in an operator's words: what is allowed and
    what was given, not pydantic's wording (`String should match pattern …`)."""
    kind, ctx, given = err["type"], err.get("ctx") or {}, err.get("input")
    got = f", got {echo(given)}" if isinstance(given, str) else \
        f", got {given!r}" if isinstance(given, (int, float)) else ""
    if kind == "literal_error":
        return f"expected one of {', '.join(_QUOTED.findall(str(ctx.get('expected', ''))))}{got}"
    if kind == "string_pattern_mismatch":
        words = _ALTERNATIVES.match(str(ctx.get("pattern", "")))
        allowed = ", ".join(words.group(1).split("|")) if words else f"text matching {ctx.get('pattern')}"
        return f"expected {'one of ' if words else ''}{allowed}{got}"
    if kind in _KINDS:
        return f"expected {_KINDS[kind]}{got}"
    if kind in _BOUNDS:
        key, words_ = _BOUNDS[kind]
        return f"expected a number {words_} {ctx.get(key)}{got}"
    return str(err["msg"]).removeprefix("Value error, ")


def _build(cls: type[LogSettings], overrides: dict[str, Any]) -> LogSettings:
    try:
        return cls(**overrides)
    except ValidationError as e:
        err = e.errors()[0]
        where = "SENTINEL_" + "__".join(str(p) for p in err["loc"]).upper()
        raise ConfigError(f"invalid setting {where}: {plain(err)}") from None
    except UnicodeDecodeError as e:  # the only file settings are read from
        raise ConfigError(f"{Path('.env').resolve()}: {not_utf8(e)}: save it as UTF-8 (SENTINEL_* settings are "
                          "read from it)") from None
    except SettingsError as e:  # a value pydantic-settings could not even decode (e.g. not JSON)
        raise ConfigError(f"invalid setting: {e}".replace("\n", " ")) from None


def load_settings(**overrides: object) -> Settings:
    """Build settings or raise ConfigError with a one-line reason."""
    settings = _build(Settings, overrides)
    assert isinstance(settings, Settings)
    return settings


def log_level(default: str) -> int:
    """The level SENTINEL_LOG_LEVEL (environment or `.env`) asks for, else `default`; ConfigError if unknown."""
    name = _build(LogSettings, {}).log_level or default
    return int(logging.getLevelName(name))
