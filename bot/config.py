"""Settings, read once at start-up from SENTINEL_* environment variables and `.env`.

Per-concern groups keep each part of the app asking only for what it uses.
"""
from __future__ import annotations

from functools import cached_property
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

OFFICIAL_API = "https://api.telegram.org"


class ConfigError(Exception):
    """A configuration problem, explained in one line for the operator."""


class SenderSettings(BaseModel):
    """Outgoing pacing; defaults follow Telegram's published limits."""

    global_per_sec: float = Field(29.0, gt=0)
    group_per_min: int = Field(19, gt=0)
    group_window: float = Field(60.0, gt=0)  # seconds; tests scale Telegram's minute down
    private_per_sec: float = Field(1.0, gt=0)
    max_backoff: float = Field(60.0, gt=0)  # seconds between retries after 5xx or network errors
    batch: int = Field(50, ge=1)
    concurrency: int = Field(16, ge=1)  # chats sent to at once: hides the platform's latency


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="SENTINEL_", env_file=".env", env_nested_delimiter="__", extra="ignore"
    )

    bot_token: str = ""
    api_base: str = OFFICIAL_API
    webhook_url: str = ""
    webhook_secret: str = ""
    webhook_host: str = "127.0.0.1"
    webhook_port: int = Field(8080, ge=1, le=65535)
    poll_timeout: int = Field(25, ge=0, le=50)
    sender: SenderSettings = SenderSettings()
    database_url: str = "sqlite+aiosqlite:///sentinel.db"
    default_lang: str = "zh"
    timezone: str = "Asia/Shanghai"
    superadmin_ids: list[int] = []
    routing_file: Path | None = None  # operator overrides of departments and deadlines (TOML)
    points_file: Path | None = None  # operator overrides of points rules, tiers, catalogue (TOML)
    # seconds between a waiting process's tries to take the scheduler lock (and a leader's checks)
    scheduler_lease: float = Field(10.0, gt=0, le=600)
    stt: str = ""  # speech-to-text for voice reports: vosk:/path/to/model | whisper:<model>; off when empty

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
        return v

    @cached_property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


def load_settings(**overrides: object) -> Settings:
    """Build settings or raise ConfigError with a one-line reason."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as e:
        err = e.errors()[0]
        where = "SENTINEL_" + "__".join(str(p) for p in err["loc"]).upper()
        raise ConfigError(f"invalid setting {where}: {err['msg']}") from None
