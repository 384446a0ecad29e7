"""The points bank's rules: what each event earns, the tiers, the catalogue. Pure; no I/O
beyond reading the TOML files.

`rules_default.toml` holds the defaults; an operator file (settings.points_file) overrides
any part of it key by key, and the result is validated as a whole, so a typo fails at
start-up with one line rather than at the first award.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

from bot.tomlconfig import ConfigError as ConfigError  # re-exported: one class for every config file
from bot.tomlconfig import check_keys, deep_merge, read_toml

DEFAULT_PATH = Path(__file__).with_name("rules_default.toml")

# Rule codes other services award by; `redeem`, `refund` are the bank's own entries.
EARNING_RULES = ("report_accepted", "report_resolved", "urgent_confirmed", "fix_confirmed",
                 "lesson_completed", "quiz_correct", "survey_answered", "volunteer_hour", "manual",
                 "proposal_adopted", "vote_cast")
REDEEM, REFUND = "redeem", "refund"

BASIC, ADVANCED, SPARK = "basic", "advanced", "spark"
TIERS = (BASIC, ADVANCED, SPARK)  # lowest first

_CODE = re.compile(r"^[a-z][a-z0-9_]{0,31}$")
_RULE_KEYS = {"points", "daily_cap", "self_award", "max_units"}
_ITEM_KEYS = {"name_zh", "name_en", "cost", "stock", "per_user", "per_days", "active"}


@dataclass(frozen=True)
class Rule:
    code: str
    points: int          # per unit
    daily_cap: int = 0   # points per rider per local day by this rule; 0 = none
    self_award: bool = True
    max_units: int = 0   # 0 = no limit


@dataclass(frozen=True)
class Tier:
    code: str
    min_points: int
    min_reports: int


@dataclass(frozen=True)
class ItemSpec:
    code: str
    name_zh: str
    name_en: str
    cost: int
    stock: int
    per_user: int = 0
    per_days: int = 0
    active: bool = True


@dataclass(frozen=True)
class PointsConfig:
    rules: Mapping[str, Rule]
    tiers: tuple[Tier, ...]          # highest first
    window_days: int
    items: Mapping[str, ItemSpec]
    leaderboard_size: int
    leaderboard_min_points: int

    def rule(self, code: str) -> Rule | None:
        return self.rules.get(code)

    def tier_for(self, earned: int, reports: int) -> str:
        """The highest tier whose thresholds are both met."""
        for tier in self.tiers:
            if earned >= tier.min_points and reports >= tier.min_reports:
                return tier.code
        return BASIC


def tier_rank(code: str) -> int:
    return TIERS.index(code) if code in TIERS else 0


def load_points_config(path: Path | None = None) -> PointsConfig:
    config = read_toml(DEFAULT_PATH)
    where = str(DEFAULT_PATH)
    if path is not None:
        override = read_toml(Path(path))
        where = str(path)
        check_keys(override, {"rules", "tiers", "leaderboard", "items"}, where)
        config = deep_merge(config, override)
    return _build(config, where)








def _int(table: dict[str, Any], key: str, where: str, default: int | None = None, minimum: int = 0) -> int:
    value = table.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
        raise ConfigError(f"{where}.{key}: expected an integer ≥ {minimum}, got {value!r}")
    return value


def _text(table: dict[str, Any], key: str, where: str) -> str:
    value = table.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{where}.{key}: expected a non-empty string")
    return value.strip()


def _bool(table: dict[str, Any], key: str, where: str, default: bool) -> bool:
    value = table.get(key, default)
    if not isinstance(value, bool):
        raise ConfigError(f"{where}.{key}: expected true or false, got {value!r}")
    return value


def _build(config: dict[str, Any], where: str) -> PointsConfig:
    rules: dict[str, Rule] = {}
    rules_cfg = config.get("rules", {})
    check_keys(rules_cfg, set(EARNING_RULES), f"{where}: rules")
    for code in EARNING_RULES:
        at = f"{where}: rules.{code}"
        r = rules_cfg.get(code)
        if r is None:
            raise ConfigError(f"{at}: missing")
        check_keys(r, _RULE_KEYS, at)
        rules[code] = Rule(code, _int(r, "points", at), _int(r, "daily_cap", at, 0),
                           _bool(r, "self_award", at, True), _int(r, "max_units", at, 0))

    tiers_cfg = config.get("tiers", {})
    check_keys(tiers_cfg, {"window_days", ADVANCED, SPARK}, f"{where}: tiers")
    window = _int(tiers_cfg, "window_days", f"{where}: tiers", 365, minimum=1)
    tiers = []
    for code in (SPARK, ADVANCED):
        at = f"{where}: tiers.{code}"
        t = tiers_cfg.get(code)
        if t is None:
            raise ConfigError(f"{at}: missing")
        check_keys(t, {"min_points", "min_reports"}, at)
        tiers.append(Tier(code, _int(t, "min_points", at), _int(t, "min_reports", at, 0)))
    if tiers[0].min_points < tiers[1].min_points or tiers[0].min_reports < tiers[1].min_reports:
        raise ConfigError(f"{where}: tiers.spark: its thresholds must not be below tiers.advanced")

    board = config.get("leaderboard", {})
    check_keys(board, {"size", "min_points"}, f"{where}: leaderboard")
    size = _int(board, "size", f"{where}: leaderboard", 10, minimum=1)
    min_points = _int(board, "min_points", f"{where}: leaderboard", 1)

    items: dict[str, ItemSpec] = {}
    items_cfg = config.get("items", {})
    check_keys(items_cfg, set(items_cfg), f"{where}: items")
    for code, it in items_cfg.items():
        at = f"{where}: items.{code}"
        if not _CODE.match(code):
            raise ConfigError(f"{at}: item codes are lower_snake_case, up to 32 characters")
        check_keys(it, _ITEM_KEYS, at)
        items[code] = ItemSpec(code, _text(it, "name_zh", at), _text(it, "name_en", at),
                               _int(it, "cost", at, minimum=1), _int(it, "stock", at, 0),
                               _int(it, "per_user", at, 0), _int(it, "per_days", at, 0),
                               _bool(it, "active", at, True))
    return PointsConfig(MappingProxyType(rules), tuple(tiers), window, MappingProxyType(items), size, min_points)
