"""What the web dashboard shows, within the viewer's scope, and the case actions it offers.

The scope is the chat's (CaseService.scope): a secretary sees their branch, a department member
their departments' cases (in the branches their grant covers), a superadmin everything. A case
outside it reads exactly like one that does not exist (CaseNotFound → 404). Actions go through
CaseService.act, the chat's own path, so the thread and the reporter hear the change via the outbox.

Free text leaves the reporter's chat here, so it passes the negative list (bot.privacy.mask) and
places pass `shareable_place`; no reporter is named.
"""
from __future__ import annotations

import math
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any

from cachetools import TTLCache

from bot.cases import format_case_no
from bot.cases.lifecycle import (OWED_STATUSES, SHOWN_STATUSES, SOLVED_STATUSES, STATUSES, InvalidInput,
                                 NotPermitted)
from bot.intake import CATEGORIES, URGENCIES
from bot.media_store import MediaStore
from bot.photos import MAX_PHOTO_BYTES, image_suffix, media_ref
from bot.privacy import mask, shareable_place, shareable_point
from bot.privacy.places import COARSE_DECIMALS
from bot.services.cases import CaseService, Scope, _overdue
from bot.timeparse import read_day
from storage.models import Case, User
from storage.repositories.dashboard import DashboardRepository, GroupFigures, Where
from storage.uow import UnitOfWork

PAGE = 50
# 'open' on the dashboard: still owed an answer or a fix (not 'resolved'), a report nobody has
# classified yet included ('1 reported, 0 open' while a voice report waited for the secretary);
# 'solved': fixed. In SHOWN_STATUSES' order (the filters name triage too).
OPEN = tuple(s for s in SHOWN_STATUSES if s in OWED_STATUSES)
SOLVED = tuple(s for s in STATUSES if s in SOLVED_STATUSES)
FRESH_FOR = 60  # seconds an aggregate is kept while no case changes (overdue counts may lag this much)
SORTS = ("id", "created_at", "status", "category", "urgency", "department", "due_at")
TREND_DAYS = (30, 90)
MARKERS = 500  # markers sent at most; past that the map says "zoom in" and the heat layer carries it
HEAT_CELLS = 4000
# The finest heat cell: zoom 13, 360° / 2^13 / 32 ≈ 0.0014° (about 150 m): demand by the block. A
# finer cell would put one case's pin back on the map to the metre, a home's too (bot.privacy
# hides those only case by case, on markers and case pages).
HEAT_MAX_ZOOM = 13
# Actions the web offers, with what the form's text field means for each (as in chat: handlers/cases.py).
WEB_ACTIONS: dict[str, str | None] = {
    "accept": None, "assign": "department", "start": None, "note": "note", "resolve": "note",
    "reject": "note", "transfer_request": "department", "transfer_accept": None,
    "transfer_decline": "note", "cannot_fix": "note",
}


class NotStaff(Exception):
    """The viewer holds no staff role (any more): the dashboard has nothing for them."""


@dataclass(frozen=True, slots=True)
class Filters:
    """A page's filters as typed in its query string (unknown values are dropped, not errors; a date
    is read as people type it, bot.timeparse.read_day, and one beyond the dates anyone may ask for
    is brought to the nearest one; a date that is no date is dropped here, and `unreadable_dates`
    names it for the page to say so)."""

    categories: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    urgencies: tuple[str, ...] = ()
    department: str | None = None
    since: date | None = None
    until: date | None = None

    @classmethod
    def parse(cls, query: Mapping[str, str] | Any, today: date | None = None) -> Filters:
        """`today` (the dashboard's local day): what a date typed without its year (Nov 1) means, as
        the chat's /export reads it (read_day)."""
        def many(name: str, allowed: tuple[str, ...] | frozenset[str]) -> tuple[str, ...]:
            values = query.getall(name, []) if hasattr(query, "getall") else [query.get(name, "")]
            words = [w.strip() for v in values for w in str(v).split(",") if w.strip()]
            return tuple(w for w in dict.fromkeys(words) if w in allowed)

        def day(name: str) -> date | None:
            return read_day(str(query.get(name, "")), today)

        status_words = many("status", (*SHOWN_STATUSES, "open"))
        statuses = tuple(dict.fromkeys(s for w in status_words for s in (OPEN if w == "open" else (w,))))
        dept = str(query.get("department", "")).strip()[:64] or None
        return cls(many("category", tuple(CATEGORIES)), statuses, many("urgency", tuple(URGENCIES)), dept,
                   day("since"), day("until"))

    @staticmethod
    def unreadable_dates(query: Mapping[str, str], today: date | None = None) -> list[tuple[str, str]]:
        """The date filters (`since`, `until`) typed but not a day (`2026-13-01`), with what was typed:
        dropping them silently showed every date's figures as if they were the ones asked for."""
        return [(name, text) for name in ("since", "until")
                if (text := str(query.get(name, "")).strip()) and read_day(text, today) is None]

    def query(self) -> dict[str, str]:
        """Back to a query string's fields (for links that keep the filters)."""
        out = {"category": ",".join(self.categories), "status": ",".join(self.statuses),
               "urgency": ",".join(self.urgencies), "department": self.department or "",
               "since": self.since.isoformat() if self.since else "", "until": self.until.isoformat() if self.until else ""}
        return {k: v for k, v in out.items() if v}


class DashboardService:
    def __init__(self, cases: CaseService, media: MediaStore | None = None) -> None:
        self.cases = cases
        self.media = media  # where photos uploaded on the web are kept (SENTINEL_MEDIA_DIR); none: no uploads
        # Aggregates by (what, scope and filters, the cases' version): a hit is exactly what the
        # database would answer now, save the overdue counts, which may lag the clock by FRESH_FOR.
        self._cache: TTLCache[tuple[Any, ...], Any] = TTLCache(maxsize=512, ttl=FRESH_FOR)

    async def _cached(self, repo: DashboardRepository, key: tuple[Any, ...],
                      compute: Callable[[], Awaitable[Any]]) -> Any:
        full = (*key, await repo.version())
        hit = self._cache.get(full)
        if hit is None:
            hit = await compute()
            self._cache[full] = hit
        return hit

    # --- scope --------------------------------------------------------------------------
    async def scope(self, uow: UnitOfWork, user: User) -> Scope:
        scope = await self.cases.scope(uow, user)
        if not scope.staff:
            raise NotStaff()
        return scope

    def where(self, scope: Scope, filters: Filters = Filters()) -> Where:
        tz = self.cases.tz

        def start(d: date | None) -> datetime | None:
            return datetime.combine(d, datetime.min.time(), tz) if d else None
        return Where(everything=scope.superadmin, branch_id=scope.branch_id, departments=scope.departments,
                     branch_departments=scope.branch_departments,
                     categories=filters.categories, statuses=filters.statuses, urgencies=filters.urgencies,
                     department=filters.department, since=start(filters.since),
                     until=start(filters.until + timedelta(days=1)) if filters.until else None)

    @staticmethod
    def repo(uow: UnitOfWork) -> DashboardRepository:
        return DashboardRepository(uow.session, uow.deferred)

    # --- overview -----------------------------------------------------------------------
    async def overview(self, uow: UnitOfWork, user: User, lang: str, days: int, filters: Filters = Filters(),
                       ) -> dict[str, Any]:
        """Counts and medians (hours) overall, per department and per category; the daily trend of
        the last `days` days (30 or 90) as parallel lists for the chart."""
        scope = await self.scope(uow, user)
        where = self.where(scope, filters)
        repo, now = self.repo(uow), self.cases.clock()
        days = days if days in TREND_DAYS else TREND_DAYS[0]
        offset = int((now.astimezone(self.cases.tz).utcoffset() or timedelta()).total_seconds() // 60)
        today = now.astimezone(self.cases.tz).date()
        first = today - timedelta(days=days - 1)
        since = datetime.combine(first, datetime.min.time(), self.cases.tz)

        async def compute() -> tuple[dict[str, list[GroupFigures]], dict[str, tuple[int, int]]]:
            return await repo.figures(where, now, OPEN, SOLVED), await repo.trend(where, since, offset)
        figures, per_day = await self._cached(repo, ("overview", where, first), compute)
        total, depts, cats = figures[""], figures["department"], figures["category"]
        labels = [(first + timedelta(days=i)).isoformat() for i in range(days)]
        from bot.i18n import t
        return {
            "total": _figures(total[0] if total else GroupFigures("", 0, 0, 0, 0, None, None)),
            "departments": [{"name": self.cases.department_name(g.key, lang) or "—", **_figures(g)} for g in depts],
            "categories": [{"name": t(lang, f"cat-{g.key}"), "code": g.key, **_figures(g)} for g in cats],
            "trend": {"days": days, "labels": labels, "reported": [per_day.get(d, (0, 0))[0] for d in labels],
                      "resolved": [per_day.get(d, (0, 0))[1] for d in labels]},
        }

    # --- map ----------------------------------------------------------------------------
    async def map_data(self, uow: UnitOfWork, user: User, filters: Filters,
                       bbox: tuple[float, float, float, float] | None, zoom: int | None,
                       to_tiles: Any = None) -> dict[str, Any]:
        """Heat buckets (grid cells of about 8 px at `zoom`: 360° / 2^zoom / 32) and at most MARKERS
        markers (urgent open first, then newest). `to_tiles(lat, lon)` converts each point for the
        map's tiles (GCJ-02), else WGS-84 as stored. The view box asked for and the first view's
        box (`extent`) are whole blocks (`_blocks`): no box, however small, finds a pin closer than
        bot.privacy lets it be shown."""
        bbox = _blocks(bbox) if bbox is not None else None
        scope = await self.scope(uow, user)
        where = self.where(scope, filters)
        repo, now = self.repo(uow), self.cases.clock()

        async def compute() -> tuple[Any, ...]:
            found = await repo.extent(where) if bbox is None else None
            extent = _blocks(found) if found is not None else None
            z = max(1, min(18, _fit_zoom(bbox or extent) if zoom is None else zoom))
            cell = 360.0 / (2 ** min(z, HEAT_MAX_ZOOM)) / 32
            buckets, located = await repo.heat(where, cell, bbox, HEAT_CELLS)
            return extent, z, cell, buckets, located, await repo.markers(where, bbox, MARKERS, OPEN)
        extent, zoom, cell, buckets, located, rows = await self._cached(repo, ("map", where, bbox, zoom), compute)
        conv = to_tiles or (lambda la, lo: (la, lo))
        if extent is not None:  # the first view's box, in the tiles' datum like every point (issue 17)
            south, west = conv(extent[0], extent[1])
            north, east = conv(extent[2], extent[3])
            extent = (*_round((south, west)), *_round((north, east)))
        peak = max((b.count for b in buckets), default=1)
        heat = [[*_round(conv(b.lat, b.lon)), round(b.count / peak, 4), b.count] for b in buckets]
        markers = []
        for cid, status, urgency, category, lat, lon, _created, location, text in rows:
            point = shareable_point(lat, lon, location, text)
            if point is None:  # the reporter's home: no pin (its case still counts in the heat)
                continue
            la, lo = _round(conv(*point))
            markers.append({"number": format_case_no(cid), "status": status, "urgency": urgency,
                            "category": category, "lat": la, "lon": lo,
                            "highlight": urgency == "urgent" and status in OPEN})
        # truncated: MARKERS held fewer than the view has. Not "fewer markers than located": a home
        # has no marker at any zoom, and the map told the secretary to zoom in for it.
        return {"heat": heat, "markers": markers, "located": located, "truncated": located > len(rows),
                "cell": cell, "zoom": zoom, "extent": extent, "now": now.isoformat()}

    # --- cases --------------------------------------------------------------------------
    async def case_page(self, uow: UnitOfWork, user: User, lang: str, filters: Filters, order: str,
                        descending: bool, page: int) -> dict[str, Any]:
        scope = await self.scope(uow, user)
        order = order if order in SORTS else "id"
        page = max(1, page)
        where = self.where(scope, filters)
        found, total = await self.repo(uow).page(where, order, descending, (page - 1) * PAGE, PAGE)
        pages = max(1, math.ceil(total / PAGE))
        if page > pages:  # past the end ("第 99999/1 页"): the last page there is
            page = pages
            found, total = await self.repo(uow).page(where, order, descending, (page - 1) * PAGE, PAGE)
        now = self.cases.clock()
        rows = [{"number": format_case_no(c.id or 0), "created": self.cases.local(c.created_at),
                 "category": c.category, "urgency": c.urgency, "status": c.status,
                 "department": self.cases.department_name(c.department, lang),
                 "place": shareable_place(c.location, c.text), "overdue": _overdue(c, now),
                 "about": _about(mask(c.text))} for c in found]
        return {"rows": rows, "total": total, "page": page, "pages": max(1, math.ceil(total / PAGE)),
                "order": order, "desc": descending}

    async def case_detail(self, uow: UnitOfWork, user: User, lang: str, number: str) -> dict[str, Any]:
        """One case as staff outside the reporter's chat see it; CaseNotFound when out of scope."""
        await self.scope(uow, user)
        case = await self.cases.find_in_scope(uow, user, number)
        actor = await self.cases.actor(uow, user, case)
        from bot.cases import allowed_actions
        from bot.services.cases import snapshot
        allowed = [a for a in allowed_actions(snapshot(case), actor) if a in WEB_ACTIONS]
        events = [{"kind": e.kind, "at": self.cases.local(e.created_at), "from": e.from_status or "",
                   "to": e.to_status or "",
                   "note": self.cases.event_note(case, e.kind, e.note, lang)}
                  for e in await self.repo(uow).events(case.id or 0)]
        photos = self.photo_refs(case)
        lat, lon = shareable_point(case.lat, case.lon, case.location, case.text) or (None, None)
        return {"number": format_case_no(case.id or 0), "status": case.status, "category": case.category,
                "urgency": case.urgency, "text": mask(case.text),
                "place": shareable_place(case.location, case.text),
                "lat": lat, "lon": lon,
                "department": self.cases.department_name(case.department, lang),
                "pending": self.cases.department_name(case.pending_department, lang) if case.pending_department else "",
                "created": self.cases.local(case.created_at), "due": self.cases.local(case.due_at),
                "fix_due": self.cases.local(case.fix_due_at), "overdue": _overdue(case, self.cases.clock()),
                "source": case.source, "events": events, "photos": len(photos),
                "uploads": self.media is not None,
                "actions": [{"action": a, "input": WEB_ACTIONS[a]} for a in allowed],
                "departments": [(code, self.cases.department_name(code, lang))
                                for code in self.cases.routing.departments]}

    async def act(self, uow: UnitOfWork, user: User, number: str, action: str, text: str | None,
                  photo: bytes | None = None) -> Case:
        """A case action from the web: the chat's own CaseService.act (scope, rules, announcements).

        `photo`: an image uploaded with a resolve, as a chat resolution's photo caption is. It is
        checked by its bytes (JPEG, PNG or WebP, at most MAX_PHOTO_BYTES), and written to the media
        store only once the service has accepted the resolve, before the caller commits (the sender
        may run in another process: the file is there before its message is visible). A refused
        action stores nothing; a commit that fails after the write leaves an unreferenced file,
        named by its content, which a later identical upload reuses."""
        await self.scope(uow, user)
        if action not in WEB_ACTIONS:
            raise NotPermitted("case-err-not-permitted", action=action[:32])
        case = await self.cases.find_in_scope(uow, user, number)
        arg = WEB_ACTIONS[action]
        text = (text or "").strip() or None
        given: dict[str, Any] = {arg: text} if arg and text else {}
        suffix = None
        if photo is not None:
            suffix = self._photo_suffix(action, photo)
            given["photo"] = media_ref(MediaStore.name_for(photo, suffix))
        await self.cases.act(uow, user, case, action, **given)
        if photo is not None and self.media is not None:
            await self.media.put_async(photo, suffix or "")
        return case

    def _photo_suffix(self, action: str, photo: bytes) -> str:
        """The stored suffix of an uploaded resolution photo, or the refusal that explains it."""
        if action != "resolve":
            raise InvalidInput("web-photo-resolve-only", action=action)
        if self.media is None:
            raise InvalidInput("web-photo-no-store", action=action)
        if len(photo) > MAX_PHOTO_BYTES:
            raise InvalidInput("web-photo-too-big", action=action, mb=MAX_PHOTO_BYTES // (1024 * 1024))
        suffix = image_suffix(photo)
        if suffix is None:
            raise InvalidInput("web-photo-not-image", action=action)
        return suffix

    @staticmethod
    def photo_refs(case: Case) -> list[str]:
        """The case's photos in order: the report's (and its album's), then the resolution's; each a
        Telegram file_id or a media-store reference (bot/photos.py)."""
        return [p for p in [case.photo_file_id, *(case.photos or []), case.resolution_photo] if p]

    async def photo(self, uow: UnitOfWork, user: User, number: str, index: int) -> str | None:
        """The reference of the case's `index`-th photo (CaseNotFound when out of scope)."""
        await self.scope(uow, user)
        case = await self.cases.find_in_scope(uow, user, number)
        refs = self.photo_refs(case)
        return refs[index] if 0 <= index < len(refs) else None

    # --- needs & participation --------------------------------------------------------------
    async def needs(self, uow: UnitOfWork, user: User, lang: str, days: int) -> dict[str, Any]:
        """Top categories and places, open urgent cases (the `/needs` figures) in the viewer's branch
        scope; department members see their cases' categories only."""
        from bot.i18n import t
        scope = await self.scope(uow, user)
        now = self.cases.clock()
        where = replace(self.where(scope), since=now - timedelta(days=days))
        repo = self.repo(uow)
        cats = (await repo.figures(where, now, OPEN, SOLVED, medians=False))["category"]
        urgent, _ = await repo.page(replace(self.where(scope), urgencies=("urgent",), statuses=OPEN),
                                    "id", True, 0, 20)
        places: dict[str, int] = {}
        for place, text in await repo.places(where, 2000):
            if shown := shareable_place(place, text):
                places[shown] = places.get(shown, 0) + 1
        return {"days": days, "participation": await self._participation(uow, scope, now - timedelta(days=days)),
                "categories": [{"name": t(lang, f"cat-{g.key}"), "count": g.total} for g in cats[:8]],
                "places": sorted(places.items(), key=lambda kv: (-kv[1], kv[0]))[:8],
                "urgent": [{"number": format_case_no(c.id or 0), "category": c.category,
                            "place": shareable_place(c.location, c.text), "since": self.cases.local(c.created_at),
                            "overdue": _overdue(c, now)} for c in urgent]}


    async def _participation(self, uow: UnitOfWork, scope: Scope, since: datetime) -> dict[str, Any]:
        """Lessons per group (pushed, completed, riders who completed, quiz answers and correct ones,
        since `since`) and the branch's latest activities (check-ins, approved hours): the figures the
        chat's /lessons stats and /activity stats give, for a secretary's branch or, for a superadmin,
        every branch. A department member's scope is cases, so they get none."""
        if not scope.superadmin and scope.branch_id is None:
            return {"groups": [], "activities": []}
        groups = await uow.lessons.groups(None if scope.superadmin else scope.branch_id)
        stats = await uow.lessons.group_stats([g.id for g in groups], since)
        branches = [scope.branch_id] if scope.branch_id is not None else \
            [b.id for b in await uow.branches.all() if b.id is not None]
        activities = [a for branch in branches for a in await uow.checkins.activity_stats(branch, limit=10)]
        return {"groups": [{"title": g.title or str(g.id), **vars_of(stats.get(g.id))} for g in groups],
                "activities": [{"title": a.activity.title, "code": a.activity.code,
                                "starts": self.cases.local(a.activity.starts_at), "checkins": a.checkins,
                                "hours": a.approved_halves / 2} for a in activities]}


def vars_of(stats: Any) -> dict[str, int]:
    names = ("sent", "completions", "completers", "quiz_answers", "quiz_correct")
    return {n: int(getattr(stats, n, 0) or 0) for n in names}


def _figures(g: GroupFigures) -> dict[str, Any]:
    return {"total": g.total, "open": g.open, "overdue": g.overdue, "solved": g.solved,
            "accept_h": _hours(g.median_accept), "fix_h": _hours(g.median_fix)}


def _hours(seconds: float | None) -> float | None:
    return None if seconds is None else round(seconds / 3600, 1)


def _blocks(box: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    """(south, west, north, east) widened to the grid of bot.privacy's coarse pins (COARSE_DECIMALS:
    about 100 m). A box of one case, or one narrowed around a pin, said where it is to the metre."""
    k = 10 ** COARSE_DECIMALS
    south, west, north, east = box
    return (math.floor(south * k) / k, math.floor(west * k) / k,
            (math.floor(north * k) + 1) / k, (math.floor(east * k) + 1) / k)


def _round(point: tuple[float, float]) -> tuple[float, float]:
    return round(point[0], 6), round(point[1], 6)


def _about(text: str, chars: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= chars else text[:chars - 1] + "…"


def _fit_zoom(box: tuple[float, float, float, float] | None) -> int:
    """The zoom at which `box` (south, west, north, east) fits about 1000 px wide."""
    if box is None:
        return 11
    span = max(box[2] - box[0], box[3] - box[1], 1e-4)
    return int(max(1, min(16, math.floor(math.log2(360 * 1000 / 256 / span)))))
