"""Routing: which department owns a category, and by when it must respond.

The default table (routing_default.toml) is the one in
docs/taxonomy.md. An operator file may override any part of it,
globally or per branch (``[branch.<code>.categories.road]``), because cities
organise departments differently; category and urgency codes never change.
Overrides merge key by key (lists are replaced), then the result is validated
as a whole, so a typo fails at start-up with one line, not at the first report.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

from bot.intake import CATEGORIES, URGENCIES   # the stable codes of the labelling contract
from bot.tomlconfig import ConfigError as ConfigError  # re-exported: one class for every config file
from bot.tomlconfig import check_keys, deep_merge, read_toml

DEFAULT_PATH = Path(__file__).with_name("routing_default.toml")
_KNOWN_CATEGORIES = frozenset(CATEGORIES)

_SECTIONS = ("deadlines", "resolution", "departments", "categories")
_DEPARTMENT_KEYS = {"name_zh", "name_en", "members"}
_CATEGORY_KEYS = {"department", "urgency", "place"}
_CODE = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
_DURATION = re.compile(r"^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$")


@dataclass(frozen=True)
class Department:
    code: str
    name_zh: str
    name_en: str
    members: tuple[int, ...] = ()


@dataclass(frozen=True)
class Route:
    """Where a report goes and how long the department has to respond."""

    department: str
    name_zh: str
    name_en: str
    deadline: timedelta
    urgency: str

    def name(self, lang: str) -> str:
        return self.name_zh if lang.startswith("zh") else self.name_en


@dataclass(frozen=True)
class RoutingTable:
    departments: Mapping[str, Department]
    categories: Mapping[str, tuple[str, str]]   # category -> (department, default urgency)
    deadlines: Mapping[str, timedelta]
    branch: str | None = None
    # the second clock (12345 style): by when the case must be fixed, per urgency; `deadlines`
    # is the first one, by when someone must accept it
    resolution: Mapping[str, timedelta] = field(default_factory=lambda: MappingProxyType({}))
    # categories with no place to ask for (an unfair platform fine, a suggestion)
    placeless: frozenset[str] = frozenset()

    def needs_place(self, category: str) -> bool:
        """Whether a report of `category` is about a place, so a missing one is asked for."""
        return category not in self.placeless

    def resolve_deadline(self, urgency: str) -> timedelta:
        """How long the owner has to fix a case of `urgency` (the response deadline if unset)."""
        return self.resolution.get(urgency) or self.deadline(urgency)

    def default_urgency(self, category: str) -> str:
        return self._category(category)[1]

    def deadline(self, urgency: str) -> timedelta:
        if urgency not in self.deadlines:
            raise ValueError(f"unknown urgency {urgency!r}")
        return self.deadlines[urgency]

    def route(self, category: str, urgency: str | None = None) -> Route:
        """The route for a report; `urgency` None means the category's default."""
        dept_code, default = self._category(category)
        urgency = urgency or default
        dept = self.departments[dept_code]
        return Route(dept.code, dept.name_zh, dept.name_en, self.deadline(urgency), urgency)

    def due_at(self, reported_at: datetime, urgency: str) -> datetime:
        """Response deadline. The clock starts when the rider reports, not at triage."""
        return reported_at + self.deadline(urgency)

    def departments_of(self, user_id: int) -> list[str]:
        """Department codes listing `user_id` as a member (for lifecycle.actor_for)."""
        return [code for code, d in self.departments.items() if user_id in d.members]

    def staffed(self, code: str, extra: Mapping[str, Any] | None = None) -> bool:
        """Whether department `code` has anyone to act for it (config members, or `extra[code]`)."""
        dept = self.departments.get(code)
        return bool((dept.members if dept else ()) or (extra or {}).get(code))

    def _category(self, category: str) -> tuple[str, str]:
        try:
            return self.categories[category]
        except KeyError:
            raise ValueError(f"unknown category {category!r}") from None


def parse_duration(value: Any, where: str = "duration") -> timedelta:
    """ "1h", "72h", "7d", "1h30m", "90s" -> timedelta (> 0)."""
    text = value.strip().lower().replace(" ", "") if isinstance(value, str) else ""
    m = _DURATION.match(text) if text else None
    if not m or not any(m.groups()):
        raise ConfigError(f"{where}: expected a duration like \"1h\", \"72h\" or \"7d\", got {value!r}")
    d, h, mi, s = (int(g or 0) for g in m.groups())
    result = timedelta(days=d, hours=h, minutes=mi, seconds=s)
    if result <= timedelta(0):
        raise ConfigError(f"{where}: duration must be positive, got {value!r}")
    return result


def load_routing(path: Path | None = None, branch: str | int | None = None) -> RoutingTable:
    """Default table, overlaid with the operator file at `path`, then its `branch` section.

    A branch without a section in the file simply gets the (overridden) defaults.
    """
    config = read_toml(DEFAULT_PATH)
    branch_code = None if branch is None else str(branch)
    if path is not None:
        override = read_toml(Path(path))
        where = str(path)
        check_keys(override, set(_SECTIONS) | {"branch"}, where)
        branches = override.get("branch", {})
        if not isinstance(branches, dict):
            raise ConfigError(f"{where}: branch: expected a table")
        for code, section in branches.items():
            check_keys(section, set(_SECTIONS), f"{where}: branch.{code}")
        config = deep_merge(config, {k: v for k, v in override.items() if k != "branch"})
        table = _build(config, branch_code, where)
        # validate every branch now, so a typo in any of them fails at start-up
        tables = {code: _build(deep_merge(config, section), code,
                               f"{where}: branch.{code}")
                  for code, section in branches.items()}
        return tables.get(branch_code, table) if branch_code is not None else table
    return _build(config, branch_code, str(DEFAULT_PATH))


def unstaffed_departments(routing: RoutingTable,
                          extra_members: Mapping[str, Any] | None = None) -> list[Department]:
    """Departments that own at least one category yet have no member (in the routing file, or in
    `extra_members`: code -> ids granted with /grant dept). Their reminders would reach nobody,
    so they fall back to the branch secretary; `/routing` and `sentinel doctor` warn about them."""
    owning = {dept for dept, _ in routing.categories.values()}
    return [d for code, d in routing.departments.items()
            if code in owning and not routing.staffed(code, extra_members)]


# --- internals ------------------------------------------------------------------
def _text(table: dict[str, Any], key: str, where: str) -> str:
    value = table.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{where}.{key}: expected a non-empty string")
    return value.strip()


def _build(config: dict[str, Any], branch: str | None, where: str) -> RoutingTable:
    deadlines_cfg = config.get("deadlines", {})
    check_keys(deadlines_cfg, set(URGENCIES), f"{where}: deadlines")
    deadlines = {}
    for urgency in URGENCIES:
        if urgency not in deadlines_cfg:
            raise ConfigError(f"{where}: deadlines.{urgency}: missing")
        deadlines[urgency] = parse_duration(deadlines_cfg[urgency], f"{where}: deadlines.{urgency}")

    resolution_cfg = config.get("resolution", {})
    check_keys(resolution_cfg, set(URGENCIES), f"{where}: resolution")
    resolution = {u: parse_duration(v, f"{where}: resolution.{u}") for u, v in resolution_cfg.items()}
    for urgency, fix in resolution.items():
        if fix < deadlines[urgency]:
            raise ConfigError(f"{where}: resolution.{urgency}: shorter than deadlines.{urgency}; "
                              "a case cannot have to be fixed before it must be accepted")

    departments: dict[str, Department] = {}
    for code, d in config.get("departments", {}).items():
        at = f"{where}: departments.{code}"
        if not _CODE.match(code):
            raise ConfigError(f"{at}: department codes are lower_snake_case, up to 64 characters")
        check_keys(d, _DEPARTMENT_KEYS, at)
        members = d.get("members", [])
        if not isinstance(members, list) or not all(
                isinstance(m, int) and not isinstance(m, bool) for m in members):
            raise ConfigError(f"{at}.members: expected a list of Telegram user ids (integers)")
        departments[code] = Department(code, _text(d, "name_zh", at), _text(d, "name_en", at),
                                       tuple(members))

    categories: dict[str, tuple[str, str]] = {}
    placeless: set[str] = set()
    for code, c in config.get("categories", {}).items():
        at = f"{where}: categories.{code}"
        if code not in _KNOWN_CATEGORIES:
            raise ConfigError(f"{at}: unknown category (known: {', '.join(sorted(_KNOWN_CATEGORIES))})")
        check_keys(c, _CATEGORY_KEYS, at)
        dept = _text(c, "department", at)
        if dept not in departments:
            raise ConfigError(f"{at}.department: no department {dept!r} is defined")
        urgency = c.get("urgency")
        if urgency not in URGENCIES:
            raise ConfigError(f"{at}.urgency: expected one of {', '.join(URGENCIES)}, got {urgency!r}")
        categories[code] = (dept, urgency)
        place = c.get("place", True)
        if not isinstance(place, bool):
            raise ConfigError(f"{at}.place: expected true or false, got {place!r}")
        if not place:
            placeless.add(code)

    missing = sorted(_KNOWN_CATEGORIES - categories.keys())
    if missing:
        raise ConfigError(f"{where}: categories.{missing[0]}: missing")
    return RoutingTable(
        departments=MappingProxyType(departments),
        categories=MappingProxyType(categories),
        deadlines=MappingProxyType(deadlines),
        branch=branch,
        resolution=MappingProxyType(resolution),
        placeless=frozenset(placeless),
    )
