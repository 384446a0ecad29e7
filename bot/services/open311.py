"""Open311 GeoReport v2: our cases as service requests, for a 12345 hotline or a city portal.

The mapping (category catalogue ↔ services, case ↔ service request) is pure; `Open311Service`
adds the integration's key, its scope and the intake path, and knows nothing of HTTP: the web
adapter (handlers/web/open311.py) turns its answers and `Open311Error`s into JSON or XML.

What leaves here passes the negative list: descriptions through `mask`, places through
`shareable_place` (a reporter's home is not shown, nor its pin), no photos (Telegram files are
not public), and nothing of the reporter. Personal fields a client sends (name, phone, e-mail,
device) are not stored at all.
"""
from __future__ import annotations

import hashlib
import math
import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from typing import TYPE_CHECKING, Any

from bot.cases import RoutingTable
from bot.cases.lifecycle import OWED_STATUSES
from bot.cases.numbers import format_case_no, parse_case_no
from bot.i18n import t
from bot.plaintext import without_controls
from bot.privacy import clip, mask, shareable_place, shareable_point
from bot.services.people import chat_lang
from bot.timeparse import clamp_when
from storage.models import Branch, Case, as_utc, utcnow
from storage.models.open311 import ApiKey
from storage.repositories.open311 import ApiKeyRepository, ServiceRequestRepository
from storage.uow import UnitOfWork

if TYPE_CHECKING:
    from bot.services.reports import ReportService

SOURCE = "open311"
MAX_SPAN = timedelta(days=90)  # the longest start_date..end_date window, and the default one
MAX_TEXT = 4000
# Open311 knows two states: a fixed case (resolved, awaiting the reporter's ✅) is closed for
# the hotline; the fine-grained state goes to status_notes. A voice report nobody has classified
# yet (triage, before the lifecycle) is open: it was read as "closed" by the hotline, a request
# taken for done before anyone had listened to it.
OPEN = tuple(sorted(OWED_STATUSES))
_PLAIN_WORD = re.compile(r"^[\w\u4e00-\u9fff][\w\u4e00-\u9fff ]*$")
_CJK = re.compile(r"[\u4e00-\u9fff]")
KEYWORDS_PER_SERVICE = 12
ADDRESS_ID_CHARS = 200  # a client's address_id, kept as an event of its case (ADDRESS_ID_EVENT)
ADDRESS_ID_EVENT = "address_id"


class Open311Error(Exception):
    """A refusal in the spec's terms: an HTTP status and a description (one error). The description
    is a catalogue key (`open311-error-*`) and its arguments, rendered in the client's language by
    the web adapter (`describe`); the parameter names in it (service_code, lat …) are the spec's and
    stay as they are in every language."""

    def __init__(self, status: int, key: str, **args: Any) -> None:
        super().__init__(t("en", key, **args))  # the logs' form
        self.status = status
        self.key = key
        self.params = args

    def describe(self, lang: str) -> str:
        """The description in `lang`."""
        return t(lang, self.key, **self.params)


# --- keys ---------------------------------------------------------------------------------
def new_key() -> str:
    """A fresh API key (shown once; only its hash is stored)."""
    return secrets.token_urlsafe(32)


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


# --- the catalogue ------------------------------------------------------------------------
def keywords(category: str, lang: str = "zh") -> list[str]:
    """Plain words of the intake lexicon for `category` (its regex alternatives that are words),
    those of `lang` first, so both a Chinese and an English client find it."""
    from bot.intake.lexicon import _LEX  # the hand-written vocabulary riders use
    words = [w.strip() for w in _LEX.get(category, "").split("|")]
    plain = [w for w in words if w and _PLAIN_WORD.match(w)]
    chinese = [w for w in plain if _CJK.search(w)]
    latin = [w for w in plain if not _CJK.search(w)]
    first, second = (chinese, latin) if lang == "zh" else (latin, chinese)
    return first[:KEYWORDS_PER_SERVICE] + second[:KEYWORDS_PER_SERVICE // 2]


def catalogue(routing: RoutingTable, lang: str) -> list[dict[str, Any]]:
    """GET services: one service per category, grouped by the department that owns it."""
    out = []
    for code, (dept, urgency) in routing.categories.items():
        group = _department_name(routing, dept, lang)
        out.append({"service_code": code, "service_name": t(lang, f"cat-{code}"),
                    "description": t(lang, "open311-service-description", department=group,
                                     urgency=t(lang, f"open311-urgency-{urgency}")),
                    "metadata": bool(attributes(code)), "type": "realtime",
                    "keywords": ",".join(keywords(code, lang)), "group": group})
    return out


def attributes(category: str) -> list[dict[str, Any]]:
    """Extra questions a category asks (service definition attributes). None of ours has any yet:
    a category's place and description are the standard fields."""
    return []


def definition(routing: RoutingTable, code: str) -> dict[str, Any]:
    """GET services/{code}: the service definition; 404 for a code we do not have."""
    if code not in routing.categories:
        raise Open311Error(404, "open311-error-service-unknown", code=code[:64])
    return {"service_code": code, "attributes": attributes(code)}


def _department_name(routing: RoutingTable, code: str | None, lang: str) -> str:
    dept = routing.departments.get(code or "")
    if dept is None:
        return code or ""
    return dept.name_zh if lang == "zh" else dept.name_en


# --- a case as a service request ----------------------------------------------------------
def iso(when: datetime | None, tz: tzinfo) -> str:
    """ISO-8601 with the offset, in the operator's time zone ("2026-11-30T09:15:00+08:00")."""
    if when is None:
        return ""
    return as_utc(when).astimezone(tz).isoformat(timespec="seconds")


def request_view(case: Case, routing: RoutingTable, tz: tzinfo, lang: str,
                 address_id: str = "") -> dict[str, Any]:
    """GET requests: the case as the spec's service request, with nothing on the negative list."""
    point = shareable_point(case.lat, case.lon, case.location, case.text)
    status_label = t(lang, f"case-status-{case.status}")
    return {
        "service_request_id": format_case_no(case.id or 0),
        "status": "open" if case.status in OPEN else "closed",
        "status_notes": f"{case.status}: {status_label}",
        "service_name": t(lang, f"cat-{case.category}"),
        "service_code": case.category,
        "description": mask(case.text),
        "agency_responsible": _department_name(routing, case.department, lang),
        "service_notice": "",
        "requested_datetime": iso(case.created_at, tz),
        "updated_datetime": iso(case.updated_at, tz),
        "expected_datetime": iso(case.fix_due_at, tz),
        "address": shareable_place(case.location, case.text),
        "address_id": mask(address_id),  # the client's free text: masked like every other
        "zipcode": "",
        "lat": point[0] if point else None,
        "long": point[1] if point else None,
        "media_url": "",  # the photos are Telegram files, not public URLs
    }


# --- parameters ---------------------------------------------------------------------------
# A "+08:00" written into a URL without encoding arrives as " 08:00" (a query's "+" is a space):
# every client in China that forgot to encode it got a 400 for a date-time that says what it means.
_OFFSET_SPACE = re.compile(r"(T\d\d(?::?\d\d){0,2}(?:[.,]\d+)?) (\d\d(?::?\d\d)?)$")


def parse_when(text: str, name: str) -> datetime:
    """An ISO-8601 date-time (a date alone is midnight UTC); without an offset it is UTC. A date
    beyond the dates anyone may ask for is brought to the nearest one (bot.timeparse.clamp_when, as
    the dashboard's filters are): year 1 or 9999 asks for everything before or after, not a 500.
    An offset whose "+" a URL turned into a space is read as the "+" it was."""
    text = _OFFSET_SPACE.sub(r"\1+\2", text.strip())
    try:
        when = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        raise Open311Error(400, "open311-error-date", name=name, value=text[:40]) from None
    return as_utc(clamp_when(when))  # without an offset it is UTC


def window(start: str | None, end: str | None, now: datetime) -> tuple[datetime, datetime]:
    """The start_date..end_date window, at most 90 days (GeoReport v2: the range "may not be greater
    than 90 days"). A missing end_date is now and a missing start_date 90 days before the end, and
    the 90-day rule holds for the window so completed: an old start_date alone is a 400 that says
    to give an end_date, never a silent empty list of an unasked-for window (issue 17)."""
    until = parse_when(end, "end_date") if end else None
    since = parse_when(start, "start_date") if start else None
    if until is None:
        until = now
        if since is not None and until - since > MAX_SPAN:
            raise Open311Error(400, "open311-error-span-from-start", days=MAX_SPAN.days)
    if since is None:
        since = until - MAX_SPAN
    if until < since:
        raise Open311Error(400, "open311-error-end-before-start")
    if until - since > MAX_SPAN:
        raise Open311Error(400, "open311-error-span", days=MAX_SPAN.days)
    return since, until


def parse_ids(text: str) -> list[int]:
    ids = []
    for part in text.split(","):
        if not part.strip():
            continue
        n = parse_case_no(part)
        if n is None:
            raise Open311Error(400, "open311-error-request-id", value=part.strip()[:32])
        ids.append(n)
    return ids


def _coordinate(text: str | None, name: str, limit: float) -> float | None:
    if text is None or not text.strip():
        return None
    try:
        value = float(text)
    except ValueError:
        raise Open311Error(400, "open311-error-number", name=name, value=text[:32]) from None
    if not math.isfinite(value) or abs(value) > limit:
        raise Open311Error(400, "open311-error-range", name=name, value=text[:32])
    return value


@dataclass(frozen=True, slots=True)
class NewRequest:
    """A POSTed service request, checked: what becomes a case."""

    category: str
    text: str
    address: str | None
    lat: float | None
    lon: float | None
    jurisdiction_id: str | None
    address_id: str | None = None  # the client's own place id: kept apart from the address text


def parse_new_request(form: Mapping[str, str], routing: RoutingTable, lang: str) -> NewRequest:
    """POST requests' fields. Required: service_code, and a place (lat and long, or address_string,
    or address_id). Personal fields (email, names, phone, device_id, account_id) are dropped. Every
    field loses its control characters before anything is checked or stored (one vertical tab in a description
    broke every XML answer and XLSX export that carried it)."""
    def field(name: str) -> str:
        return without_controls(form.get(name) or "").strip()

    code = field("service_code")
    if not code:
        raise Open311Error(400, "open311-error-service-required")
    if code not in routing.categories:  # GeoReport v2: "404 - service_code or jurisdiction_id was not found"
        raise Open311Error(404, "open311-error-service-unknown", code=code[:64])
    lat = _coordinate(field("lat"), "lat", 90)
    lon = _coordinate(field("long"), "long", 180)
    if (lat is None) != (lon is None):
        raise Open311Error(400, "open311-error-lat-long")
    address = clip(field("address_string"), 500) or None  # cut whole: shown through the negative list
    address_id = clip(field("address_id"), ADDRESS_ID_CHARS) or None
    if lat is None and address is None and address_id is None:
        raise Open311Error(400, "open311-error-location")
    text = field("description")
    if len(text) > MAX_TEXT:
        raise Open311Error(400, "open311-error-too-long", most=MAX_TEXT)
    if not text:  # the spec makes it optional; the chat shows the case by its category
        text = t(lang, f"cat-{code}") + (f" · {address}" if address else "")
    return NewRequest(code, text, address, lat, lon, field("jurisdiction_id") or None, address_id)


# --- the service --------------------------------------------------------------------------
class Open311Service:
    """Open311 calls on a unit of work: keys, scope (a key of a branch sees only that branch's
    requests), and new requests through the rider's intake path (ReportService)."""

    def __init__(self, reports: ReportService, routing: RoutingTable, tz: tzinfo, lang: str) -> None:
        self.reports = reports
        self.routing = routing
        self.tz = tz
        self.lang = lang

    def services(self, lang: str | None = None) -> list[dict[str, Any]]:
        """The catalogue in `lang` (the client's; else the operator's default)."""
        return catalogue(self.routing, lang or self.lang)

    def service(self, code: str) -> dict[str, Any]:
        return definition(self.routing, code)

    async def authenticate(self, uow: UnitOfWork, api_key: str | None) -> ApiKey:
        """The key's row; 400 when missing, 403 when unknown or revoked (the same words for both)."""
        if not api_key or not api_key.strip():
            raise Open311Error(400, "open311-error-key-required")
        key = await ApiKeyRepository(uow.session, uow.deferred).by_hash(hash_key(api_key.strip()))
        if key is None or key.revoked_at is not None:
            raise Open311Error(403, "open311-error-key-refused")
        return key

    async def create(self, uow: UnitOfWork, key: ApiKey, form: Mapping[str, str],
                     lang: str | None = None) -> dict[str, Any]:
        """POST requests: a case, announced in the branch's group (in the group's language); its id
        and a notice in `lang` (the client's; else the operator's default)."""
        said = lang or self.lang
        new = parse_new_request(form, self.routing, self.lang)
        branch = await self._branch(uow, key, new.jurisdiction_id)
        group = await ServiceRequestRepository(uow.session, uow.deferred).group_of(branch.id or 0)
        if group is None:
            raise Open311Error(400, "open311-error-no-group", code=branch.code)
        # the group hears it in the language it reads (its cases', its lessons'), not the operator's default
        lang = await chat_lang(uow, group.id) or self.lang
        before = utcnow()
        case = await self.reports.report_external(
            uow, chat_id=group.id, reporter_id=-(key.id or 0), text=new.text, category=new.category,
            location=new.address, lat=new.lat, lon=new.lon, lang=lang, source=SOURCE)
        # an open case of the same kind and place, followed rather than opened: made before this call
        made = as_utc(case.created_at)
        merged = made < before
        if new.address_id and not merged:  # the client's place id, as it sent it (issue 17: not the address)
            uow.cases.log(case, ADDRESS_ID_EVENT, None, new.address_id)
        await uow.session.flush()
        agency = _department_name(self.routing, case.department, said)
        notice = (t(said, "open311-notice-merged", number=format_case_no(case.id or 0), agency=agency)
                  if merged else t(said, "open311-notice", agency=agency))
        return {"service_request_id": format_case_no(case.id or 0), "service_notice": notice, "account_id": ""}

    async def jurisdiction(self, uow: UnitOfWork, jurisdiction_id: str | None,
                           key: ApiKey | None = None) -> Branch | None:
        """The branch a `jurisdiction_id` names, one rule for every call that takes one (GET services,
        POST and GET requests): the key's mapping (`12345-cy=cy`) or a branch code; without a key (GET
        services needs none) any live key's mapping counts. None when none is given; 404 when nothing
        has that name, or when `key` is scoped to another branch (which reads like one that does not
        exist)."""
        jid = (jurisdiction_id or "").strip()
        if not jid:
            return None
        mapped = (key.jurisdictions or {}).get(jid) if key is not None else None
        branch = await uow.branches.by_code(str(mapped or jid))
        if branch is None and key is None:
            keys = await ApiKeyRepository(uow.session, uow.deferred).all()
            code = next((str((k.jurisdictions or {})[jid]) for k in keys
                         if k.revoked_at is None and jid in (k.jurisdictions or {})), None)
            branch = await uow.branches.by_code(code) if code else None
        if branch is None or (key is not None and key.branch_id is not None and branch.id != key.branch_id):
            raise Open311Error(404, "open311-error-jurisdiction-unknown", value=jid[:64])
        return branch

    async def _branch(self, uow: UnitOfWork, key: ApiKey, jurisdiction_id: str | None) -> Branch:
        """The branch a new request goes to: its `jurisdiction_id`'s (`jurisdiction`), else the key's
        own branch, else the only branch there is."""
        branch = await self.jurisdiction(uow, jurisdiction_id, key)
        if branch is not None:
            return branch
        mapping = key.jurisdictions or {}
        if key.branch_id is not None:
            branch = await uow.branches.get(key.branch_id)
        elif len(set(mapping.values())) == 1:
            branch = await uow.branches.by_code(str(next(iter(mapping.values()))))
        else:
            every = await uow.branches.all()
            branch = every[0] if len(every) == 1 else None
        if branch is None:
            raise Open311Error(400, "open311-error-jurisdiction-required")
        return branch

    async def _read_scope(self, uow: UnitOfWork, key: ApiKey, jurisdiction_id: str | None) -> int | None:
        """The branch a GET reads: its `jurisdiction_id`'s (`jurisdiction`), else the key's (None: all)."""
        branch = await self.jurisdiction(uow, jurisdiction_id, key)
        return branch.id if branch is not None else key.branch_id

    async def requests(self, uow: UnitOfWork, key: ApiKey, query: Mapping[str, str],
                       now: datetime | None = None, lang: str | None = None) -> list[dict[str, Any]]:
        """GET requests with the spec's filters, within the key's scope and the `jurisdiction_id`'s,
        their words in `lang` (the client's; else the operator's default). Given ids, the date window
        does not apply (the spec: the other filters are ignored)."""
        repo = ServiceRequestRepository(uow.session, uow.deferred)
        branch_id = await self._read_scope(uow, key, query.get("jurisdiction_id"))
        ids_text = (query.get("service_request_id") or "").strip()
        if ids_text:
            cases = await repo.find(ids=parse_ids(ids_text), branch_id=branch_id)
            return await self._views(repo, cases, lang)
        codes = [c.strip() for c in (query.get("service_code") or "").split(",") if c.strip()]
        statuses = {s.strip().lower() for s in (query.get("status") or "").split(",") if s.strip()}
        if statuses - {"open", "closed"}:
            raise Open311Error(400, "open311-error-status")
        closed = None if len(statuses) != 1 else statuses == {"closed"}
        since, until = window(query.get("start_date"), query.get("end_date"), now or utcnow())
        cases = await repo.find(categories=codes, open_statuses=OPEN, closed=closed, since=since,
                                until=until, branch_id=branch_id)
        return await self._views(repo, cases, lang)

    async def _views(self, repo: ServiceRequestRepository, cases: list[Case],
                     lang: str | None = None) -> list[dict[str, Any]]:
        ids = await repo.notes_of([c.id for c in cases if c.id is not None], ADDRESS_ID_EVENT)
        return [request_view(c, self.routing, self.tz, lang or self.lang, ids.get(c.id or 0, "")) for c in cases]

    async def request(self, uow: UnitOfWork, key: ApiKey, request_id: str,
                      jurisdiction_id: str | None = None, lang: str | None = None) -> dict[str, Any]:
        """GET requests/{id}: one request; 404 when unknown or outside the key's branch or the
        `jurisdiction_id`'s."""
        n = parse_case_no(request_id)
        repo = ServiceRequestRepository(uow.session, uow.deferred)
        branch_id = await self._read_scope(uow, key, jurisdiction_id)
        cases = await repo.find(ids=[n], branch_id=branch_id) if n else []
        if not cases:
            raise Open311Error(404, "open311-error-request-unknown", value=request_id[:32])
        return (await self._views(repo, cases[:1], lang))[0]
