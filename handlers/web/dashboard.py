"""The dashboard under /dash/: thin aiohttp routes over bot.services.dashboard and web_login.

Every page and JSON endpoint goes through `_view`: the session cookie names the user, their scope is
computed afresh by the same services as in chat, a POST must carry the session's CSRF token, a case
outside the scope is a 404 that reads like a case that does not exist, and a user without a staff
role (any more) is told the dashboard is for staff (403): "log in first" sent them to a /web that
refuses them. Pages are Jinja2 (aiohttp-jinja2) in the user's language
(Fluent, bot/locales/*/web.ftl); the map and charts are vendored Leaflet, leaflet.heat and Chart.js.
"""
from __future__ import annotations

import asyncio
import functools
import hmac
import logging
from collections.abc import Awaitable, Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote

import aiohttp_jinja2
import jinja2
from aiohttp import web
from cachetools import TTLCache
from yarl import URL

from bot.app import Core
from bot.cases import CaseError
from bot.cases.numbers import format_case_no, parse_case_no
from bot.i18n import accepted_lang, has, normalize_lang, t
from bot.intake import CATEGORIES, URGENCIES
from bot.media_store import MediaStore
from bot.privacy import clip
from bot.photos import CONTENT_TYPES, MAX_PHOTO_BYTES, image_suffix, stored_name
from bot.services import chat_export, web_login
from bot.services import top as leaderboard
from bot.services.dashboard import OPEN, SHOWN_STATUSES, DashboardService, Filters, NotStaff
from bot.services.web_login import Session
from bot.timeparse import read_day
from bot.wording import listed
from handlers.render import error_text
from handlers.web.app import CORE
from handlers.web.forms import MAX_UPLOAD_BODY, Posted, read_form
from handlers.web.geo import tile_converter

log = logging.getLogger(__name__)
HERE = Path(__file__).resolve().parent
PREFIX = "/dash"
COOKIE = "sentinel_session"
LANG_COOKIE = "sentinel_lang"
DASH: web.AppKey[DashboardService] = web.AppKey("dashboard", DashboardService)
CSP = ("default-src 'self'; img-src 'self' data: http: https:; style-src 'self' 'unsafe-inline'; "
       "script-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'")
MAX_PAGE = 1_000_000  # the last page number a URL may ask for (its offset fits any database's integer)
PHOTO_CACHE_BYTES = 64 * 1024 * 1024  # chat photos kept in memory for the case pages
View = Callable[[web.Request, Session, str], Awaitable[web.StreamResponse]]


def _core(request: web.Request) -> Core:
    return request.config_dict[CORE]


def _lang(request: web.Request, session: Session | None, user: Any = None) -> str:
    """The page's language: the one chosen on the site (cookie), else the user's (the session's, or
    the login link's), else the browser's Accept-Language, else the default (zh). Pages before login
    and after logout follow it too (issue 17: they were always Chinese)."""
    chosen = request.cookies.get(LANG_COOKIE)
    if chosen in ("zh", "en"):
        return chosen
    user = session.user if session is not None else user
    if user is not None:
        return user.lang or normalize_lang(user.language_code) or _core(request).settings.default_lang
    return accepted_lang(request.headers.get("Accept-Language", "")) or _core(request).settings.default_lang


def _page(request: web.Request, template: str, lang: str, status: int = 200, **context: Any) -> web.Response:
    core = _core(request)
    context.setdefault("session", None)
    response = aiohttp_jinja2.render_template(
        template, request, {"lang": lang, "_": functools.partial(t, lang), "prefix": PREFIX,
                            "path": request.path, "categories": CATEGORIES, "urgencies": URGENCIES,
                            "statuses": SHOWN_STATUSES, "open_statuses": OPEN, "web": core.settings.web,
                            "event_name": functools.partial(_event_name, lang), **context}, status=status)
    return response


def _event_name(lang: str, kind: str) -> str:
    """A timeline event's kind in words, as the chat's case card names it (`ev-<kind>`)."""
    return t(lang, f"ev-{kind}") if has(lang, f"ev-{kind}") else kind


def _view(handler: View) -> Callable[[web.Request], Awaitable[web.StreamResponse]]:
    """Session, CSRF, scope refusals and faults for one route (JSON routes answer JSON)."""
    @functools.wraps(handler)
    async def run(request: web.Request) -> web.StreamResponse:
        wants_json = _wants_json(request)
        core = _core(request)
        async with core.uow() as uow:
            session = await web_login.session_of(uow, request.cookies.get(COOKIE), core.cases.clock())
        lang = _lang(request, session)
        if session is None:
            return _refuse(request, lang, 401, "web-login-needed", wants_json)
        if request.method == "POST":
            too_big = (request.content_length or 0) > MAX_UPLOAD_BODY
            if not too_big:
                try:
                    posted = request[POSTED] = await read_form(request, photo=True)
                except web.HTTPRequestEntityTooLarge:
                    too_big = True
                except web.HTTPBadRequest:
                    return _refuse(request, lang, 400, "web-bad-form", wants_json)
                except web.HTTPUnsupportedMediaType:
                    return _refuse(request, lang, 415, "web-not-a-form", wants_json)
            if too_big:
                # only a multipart form carries a photo: an over-size url-encoded one (a note of
                # 400 KB) was told "the photo is too large: at most 10 MB", and so was a logout
                key = "web-photo-too-big" if request.content_type == "multipart/form-data" else "web-too-large"
                number = request.match_info.get("number")
                if number is not None:  # the case page again, saying why (not a bare 413)
                    return _back_to_case(number, {"key": key, "params": {"mb": MAX_PHOTO_BYTES // (1024 * 1024)}})
                return _refuse(request, lang, 413, key, wants_json)
            sent = posted.fields.get("csrf", "")
            if not hmac.compare_digest(sent.encode(), session.csrf.encode()):
                return _refuse(request, lang, 403, "web-forbidden", wants_json)
        try:
            return await handler(request, session, lang)
        except NotStaff:  # logged in, but no staff role any more: logging in again would not help
            return _refuse(request, lang, 403, "web-not-staff", wants_json)
        except CaseError as e:
            if e.key == "case-err-not-found":  # out of scope reads like no such case
                return _refuse(request, lang, 404, "web-not-found", wants_json)
            raise
    return run


def _refuse(request: web.Request, lang: str, status: int, key: str, wants_json: bool) -> web.Response:
    text = _plain(error_text(lang, key, {"mb": MAX_PHOTO_BYTES // (1024 * 1024)} if key == "web-photo-too-big" else {}))
    return _answer(request, lang, status, text, wants_json)


def _answer(request: web.Request, lang: str, status: int, text: str, wants_json: bool) -> web.Response:
    """A refusal in the shape the address promises: `{"error": …}` under /dash/api/, else a page."""
    if wants_json:
        return web.json_response({"error": text}, status=status)
    return _page(request, "message.html", lang, status=status, message=text)


def _wants_json(request: web.Request) -> bool:
    return request.path.startswith(f"{PREFIX}/api/")


def _int(request: web.Request, name: str, lowest: int, highest: int) -> int | None:
    """An integer query parameter within lowest..highest (clamped), None when absent or not an
    integer. Every number the dashboard reads from a URL goes through here: `?page=9223372036854775807`
    overflowed the database's integer, and `?page=²` passed str.isdigit but not int()."""
    text = request.query.get(name, "").strip()
    if not text.isascii():
        return None
    try:
        return min(max(int(text), lowest), highest)
    except ValueError:  # not a number, or one of more digits than Python converts
        return None


POSTED: web.RequestKey[Posted] = web.RequestKey("posted", Posted)


@web.middleware
async def headers(request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]],
                  ) -> web.StreamResponse:
    """Security headers on every dashboard answer; the dashboard is never cached by proxies."""
    response = await handler(request)
    if request.path.startswith(PREFIX):
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")  # the login link never leaks onward
        if not request.path.startswith(f"{PREFIX}/static/"):
            response.headers.setdefault("Cache-Control", "no-store")
    return response


@web.middleware
async def lost(request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]],
               ) -> web.StreamResponse:
    """Wrong addresses under /dash answered as the dashboard would, not with aiohttp's bare English
    pages: `/dash` and `/dash/cases/` go to their page (the slash added or dropped), a GET of a form's
    address (a reload of `…/act`) goes back to its page, anything else is a 404 or a 405 in the page's
    language — JSON under /dash/api/, as every answer there is. A fault nobody foresaw is logged
    and answered the same way (500), not with aiohttp's bare English "Server got itself in trouble"."""
    if not (request.path == PREFIX or request.path.startswith(PREFIX + "/")):
        return await handler(request)
    allowed: set[str] = set()
    try:
        return await handler(request)
    except web.HTTPRequestEntityTooLarge:  # a body over the app's limit (the login form's): aiohttp's bare English
        return await _failed(request, 413, "web-too-large")
    except web.HTTPException as e:
        static = request.path.startswith(f"{PREFIX}/static")
        if static and isinstance(e, (web.HTTPForbidden, web.HTTPNotFound)):
            pass  # an assets folder (403) or a wrong asset: no page, like any other wrong address
        elif not isinstance(e, (web.HTTPMethodNotAllowed, web.HTTPNotFound)):
            raise  # a redirect, or a refusal already in its shape
        elif isinstance(e, web.HTTPMethodNotAllowed):
            if request.method == "GET" and request.path.endswith("/act"):
                raise web.HTTPSeeOther(request.path.removesuffix("/act")) from None
            allowed = set(e.allowed_methods)
        elif request.method in ("GET", "HEAD"):
            path = request.path
            other = path.rstrip("/") if path.endswith("/") and path != PREFIX + "/" else path + "/"
            match = await request.app.router.resolve(request.clone(rel_url=other))
            if match.http_exception is None:
                query = f"?{request.query_string}" if request.query_string else ""
                raise web.HTTPMovedPermanently(other + query) from None
    except Exception:
        log.exception("dashboard %s %s failed", request.method, request.path)
        return await _failed(request)
    core = _core(request)
    async with core.uow() as uow:
        session = await web_login.session_of(uow, request.cookies.get(COOKIE), core.cases.clock())
    lang = _lang(request, session)
    if not allowed:
        return _answer(request, lang, 404, t(lang, "web-page-not-found"), _wants_json(request))
    methods = ", ".join(sorted(allowed))
    response = _answer(request, lang, 405, t(lang, "web-method-not-allowed", allowed=methods), _wants_json(request))
    response.headers["Allow"] = methods
    return response


async def _failed(request: web.Request, status: int = 500, key: str = "web-error") -> web.Response:
    """The 500 answer (or another the handler could not give): a page (JSON under /dash/api/) in the
    viewer's language, or the default one when even the session cannot be read (the database is
    what failed)."""
    core = _core(request)
    try:
        async with core.uow() as uow:
            session = await web_login.session_of(uow, request.cookies.get(COOKIE), core.cases.clock())
        lang = _lang(request, session)
    except Exception:
        lang = _lang(request, None)
    return _answer(request, lang, status, t(lang, key), _wants_json(request))


def _plain(telegram_html: str) -> str:
    """A catalogue text rendered for Telegram (its HTML tags and escapes) as plain text for a page
    (Jinja escapes it again)."""
    import html
    import re
    return html.unescape(re.sub(r"<[^>]+>", "", telegram_html))


def _see_other(location: str) -> web.Response:
    """A 303 that can carry cookies (a raised HTTPSeeOther cannot be returned with them). The
    address is encoded as aiohttp's own redirects are (yarl): a `next=` or a case number from the
    URL with a line break in it (`%0d%0a`) made the header unsendable, and the client saw the
    connection drop instead of an answer."""
    return web.Response(status=303, headers={"Location": str(URL(location))})


def _case_path(number: str) -> str:
    """A case page's address for the number in the URL: the canonical `C-000123` when it is one,
    else the text as typed, encoded (that page then answers "not found")."""
    n = parse_case_no(number)
    return f"{PREFIX}/cases/{format_case_no(n) if n is not None else quote(number, safe='')}"


# --- login --------------------------------------------------------------------------------
async def login_page(request: web.Request) -> web.StreamResponse:
    """The link `/web` sent opens a page with one button; only pressing it (a POST) uses the link,
    so a link preview or a mail scanner that fetches the URL cannot spend it."""
    core = _core(request)
    token = request.query.get("t", "")[:128]
    async with core.uow() as uow:  # looked at, not used: only the button's POST spends it
        user = await web_login.link_user(uow, token, core.cases.clock())
    lang = _lang(request, None, user)
    if user is None:  # empty, unknown, expired or used: say so now, with no button to press in vain
        return _page(request, "message.html", lang, status=403, message=t(lang, "web-login-bad"))
    return _page(request, "login.html", lang, token=token)


async def login(request: web.Request) -> web.StreamResponse:
    """Uses the link: a session cookie and on to the overview, or a page saying the link is spent."""
    core = _core(request)
    try:
        form = (await read_form(request)).fields
    except web.HTTPBadRequest:
        lang = _lang(request, None)
        return _page(request, "message.html", lang, status=400, message=t(lang, "web-bad-form"))
    except web.HTTPUnsupportedMediaType:
        lang = _lang(request, None)
        return _page(request, "message.html", lang, status=415, message=t(lang, "web-not-a-form"))
    async with core.uow() as uow:
        opened = await web_login.open_session(uow, form.get("t", "")[:128], core.cases.clock())
        await uow.commit()
    if opened is None:
        lang = _lang(request, None)
        return _page(request, "message.html", lang, status=403, message=t(lang, "web-login-bad"))
    response = _see_other(f"{PREFIX}/")
    response.set_cookie(COOKIE, opened[0], httponly=True, samesite="Lax", path=PREFIX,
                        secure=core.settings.web.public_url.startswith("https://"),
                        max_age=int(web_login.SESSION_TTL.total_seconds()))
    return response


@_view
async def logout(request: web.Request, session: Session, lang: str) -> web.StreamResponse:
    core = _core(request)
    async with core.uow() as uow:
        await web_login.close_session(uow, request.cookies.get(COOKIE))
        await uow.commit()
    response = _see_other(f"{PREFIX}/bye")
    response.del_cookie(COOKIE, path=PREFIX)
    # the goodbye page (no session any more) stays in the language the user was reading
    response.set_cookie(LANG_COOKIE, lang, samesite="Lax", path=PREFIX, max_age=365 * 86400)
    return response


async def bye(request: web.Request) -> web.StreamResponse:
    lang = _lang(request, None)
    return _page(request, "message.html", lang, message=t(lang, "web-login-needed"))


async def choose_lang(request: web.Request) -> web.StreamResponse:
    lang = request.match_info["lang"]
    back = str(URL(request.query.get("next", f"{PREFIX}/")))  # as it will be sent, checked
    response = _see_other(back if back.startswith(f"{PREFIX}/") else f"{PREFIX}/")
    response.set_cookie(LANG_COOKIE, lang, samesite="Lax", path=PREFIX, max_age=365 * 86400)
    return response


# --- pages --------------------------------------------------------------------------------
def _scope_line(core: Core, lang: str, scope: Any, branches: dict[int, str]) -> str:
    """The header's scope: departments by their display name in the page's language, as the chat
    names them (issue 17: `部门：water_authority`)."""
    if scope.superadmin:
        return t(lang, "web-scope-all")
    if scope.branch_id is not None:
        return t(lang, "web-scope-branch", branch=branches.get(scope.branch_id, ""))
    codes = sorted({*scope.departments, *(d for d, _ in scope.branch_departments)})
    return t(lang, "web-scope-departments",
             departments=listed((core.cases.department_name(c, lang) or c for c in codes), lang))


async def _common(request: web.Request, session: Session, lang: str) -> dict[str, Any]:
    core = _core(request)
    async with core.uow() as uow:
        scope = await request.config_dict[DASH].scope(uow, session.user)
        branches = {b.id or 0: b.name or b.code for b in await uow.branches.all()}
    return {"session": session, "scope_line": _scope_line(core, lang, scope, branches),
            "can_export": chat_export.may_export(scope),
            "departments": [(code, core.cases.department_name(code, lang)) for code in core.cases.routing.departments]}


def _bad_dates(request: web.Request, lang: str) -> str:
    """What to say of a date filter typed but not a day (`since=2026-13-01`); "" when there is none.
    A page says it above its filters (status 400, the figures unfiltered by it), a JSON answer is a 400."""
    return " ".join(t(lang, "web-bad-date", value=value[:40], field=t(lang, f"web-filter-{name}"))
                    for name, value in Filters.unreadable_dates(request.query, _today(request)))


def _today(request: web.Request) -> date:
    """The local day now: what a date typed without its year means (bot.timeparse.read_day)."""
    cases = _core(request).cases
    return cases.clock().astimezone(cases.tz).date()


def _days(request: web.Request) -> int:
    return 90 if request.query.get("days") == "90" else 30


@_view
async def overview(request: web.Request, session: Session, lang: str) -> web.StreamResponse:
    core = _core(request)
    filters = Filters.parse(request.query, _today(request))  # the JSON endpoint's filters, as a GET form on the page
    async with core.uow() as uow:
        data = await request.config_dict[DASH].overview(uow, session.user, lang, _days(request), filters)
    bad = _bad_dates(request, lang)
    return _page(request, "overview.html", lang, status=400 if bad else 200, filter_error=bad,
                 data=data, filters=filters, query=filters.query(),
                 keep={"days": str(data["trend"]["days"])}, **await _common(request, session, lang))


@_view
async def overview_json(request: web.Request, session: Session, lang: str) -> web.StreamResponse:
    core = _core(request)
    if bad := _bad_dates(request, lang):
        return web.json_response({"error": bad}, status=400)
    async with core.uow() as uow:
        data = await request.config_dict[DASH].overview(uow, session.user, lang, _days(request),
                                                         Filters.parse(request.query, _today(request)))
    return web.json_response(data)


@_view
async def map_page(request: web.Request, session: Session, lang: str) -> web.StreamResponse:
    bad = _bad_dates(request, lang)
    return _page(request, "map.html", lang, status=400 if bad else 200, filter_error=bad,
                 filters=Filters.parse(request.query, _today(request)), **await _common(request, session, lang))


def _bbox(text: str) -> tuple[float, float, float, float] | None:
    try:
        s, w, n, e = (float(v) for v in text.split(","))
    except ValueError:
        return None
    if not (-90 <= s < n <= 90 and -180 <= w < e <= 180):
        return None
    return s, w, n, e


@_view
async def map_json(request: web.Request, session: Session, lang: str) -> web.StreamResponse:
    core = _core(request)
    if bad := _bad_dates(request, lang):
        return web.json_response({"error": bad}, status=400)
    datum = core.settings.web.tiles_datum
    bbox = _bbox(request.query.get("bbox", ""))
    if bbox is not None and datum == "gcj02":  # the view is in the tiles' datum; the data in WGS-84
        from handlers.web.geo import from_tiles
        s, w = from_tiles(datum, bbox[0], bbox[1])
        n, e = from_tiles(datum, bbox[2], bbox[3])
        bbox = (s, w, n, e)
    zoom = _int(request, "zoom", 1, 18)
    async with core.uow() as uow:
        data = await request.config_dict[DASH].map_data(uow, session.user, Filters.parse(request.query, _today(request)), bbox, zoom,
                                                         tile_converter(datum))
    return web.json_response(data)


@_view
async def cases_page(request: web.Request, session: Session, lang: str) -> web.StreamResponse:
    core = _core(request)
    filters = Filters.parse(request.query, _today(request))
    page = _int(request, "page", 1, MAX_PAGE) or 1
    order = request.query.get("sort", "id")
    desc = request.query.get("dir", "desc") != "asc"
    async with core.uow() as uow:
        data = await request.config_dict[DASH].case_page(uow, session.user, lang, filters, order, desc, page)
    bad = _bad_dates(request, lang)
    return _page(request, "cases.html", lang, status=400 if bad else 200, filter_error=bad,
                 data=data, filters=filters, query=filters.query(),
                 **await _common(request, session, lang))


@_view
async def case_page(request: web.Request, session: Session, lang: str) -> web.StreamResponse:
    core = _core(request)
    async with core.uow() as uow:
        data = await request.config_dict[DASH].case_detail(uow, session.user, lang, request.match_info["number"])
    flash = _flash(request)
    key = str(flash.get("key") or "")
    error = _plain(error_text(lang, key, flash.get("params") or {})) if key and has(lang, key) else ""
    response = _page(request, "case.html", lang, case=data, done=request.query.get("done") == "1" and not error,
                     error=error, note=str(flash.get("note") or "") if error else "",
                     **await _common(request, session, lang))
    if flash:
        response.del_cookie(FLASH, path=f"{PREFIX}/cases")
    return response


@_view
async def case_json(request: web.Request, session: Session, lang: str) -> web.StreamResponse:
    core = _core(request)
    async with core.uow() as uow:
        data = await request.config_dict[DASH].case_detail(uow, session.user, lang, request.match_info["number"])
    return web.json_response(data)


@_view
async def case_act(request: web.Request, session: Session, lang: str) -> web.StreamResponse:
    """A case action from the case page's form: the chat's service, then back to the case page."""
    core = _core(request)
    number = request.match_info["number"]
    form = request[POSTED]
    base = _case_path(number)
    try:
        async with core.uow() as uow:
            await request.config_dict[DASH].act(uow, session.user, number, form.fields.get("action", ""),
                                                clip(form.fields.get("text", ""), 1000), form.photo)
            await uow.commit()
    except CaseError as e:
        if e.key == "case-err-not-found":
            raise
        # the service's refusal on the case page, by POST-redirect-GET (a reload shows the page, not
        # a 405), with the typed note kept; nothing of either in the URL
        return _back_to_case(number, {"key": _web_key(lang, e.key), "params": _jsonable(e.params),
                                      "note": form.fields.get("text", "")[:FLASH_NOTE]})
    raise web.HTTPSeeOther(f"{base}?done=1")


FLASH = "sentinel_flash"
FLASH_NOTE = 600  # characters of the typed note kept across the redirect (a cookie holds ~4 KB)


def _jsonable(params: dict[str, Any]) -> dict[str, Any]:
    return {k: v if isinstance(v, (str, int, float, bool, dict)) else str(v) for k, v in params.items()}


def _back_to_case(number: str, flash: dict[str, Any]) -> web.Response:
    """303 to the case page with a one-shot cookie: the refusal to show and the note to refill."""
    import base64
    import json
    response = _see_other(_case_path(number))
    value = base64.urlsafe_b64encode(json.dumps(flash, ensure_ascii=False).encode()).decode()
    response.set_cookie(FLASH, value, httponly=True, samesite="Lax", path=f"{PREFIX}/cases", max_age=120)
    return response


def _flash(request: web.Request) -> dict[str, Any]:
    import base64
    import binascii
    import json
    raw = request.cookies.get(FLASH)
    if not raw:
        return {}
    try:
        found = json.loads(base64.urlsafe_b64decode(raw.encode()).decode())
    except (ValueError, binascii.Error, UnicodeDecodeError):
        return {}
    # the cookie comes back from the browser: a shape we did not write (edited, or left by an older
    # version) is no refusal to show, not a 500 for the case page
    if not (isinstance(found, dict) and isinstance(found.get("key", ""), str)
            and isinstance(found.get("params") or {}, dict) and isinstance(found.get("note", ""), str)):
        return {}
    return found


def _web_key(lang: str, key: str) -> str:
    """A refusal's web wording where the chat's points to a chat command ("send /assign C-1 …"):
    `web-<key>` when the catalogue has it, else the chat's own."""
    return f"web-{key}" if has(lang, f"web-{key}") else key


@_view
async def case_photo(request: web.Request, session: Session, lang: str) -> web.StreamResponse:
    """A case's photo for the case page: an uploaded one from the media store, a chat one fetched
    from Telegram by its file_id (getFile), both only within the viewer's scope."""
    core = _core(request)
    async with core.uow() as uow:
        ref = await request.config_dict[DASH].photo(uow, session.user, request.match_info["number"],
                                                    int(request.match_info["index"]))
    if ref is None:
        return _refuse(request, lang, 404, "web-not-found", False)
    name = stored_name(ref)
    if name is not None:
        media = request.config_dict[DASH].media
        path = media.path(name) if media is not None else None
        if path is None or not path.is_file():
            return _refuse(request, lang, 404, "web-not-found", False)
        body = await asyncio.to_thread(path.read_bytes)
    else:
        try:
            body = await request.config_dict[PHOTOS].fetch(ref)
        except Exception:  # Telegram no longer has it, or cannot be reached
            log.warning("could not fetch a case photo from Telegram", exc_info=True)
            return _refuse(request, lang, 404, "web-not-found", False)
    ctype = CONTENT_TYPES[image_suffix(body) or ".jpg"]  # Telegram's photos are JPEG
    return web.Response(body=body, content_type=ctype, headers={"Cache-Control": "private, max-age=3600"})


class TelegramPhotos:
    """Chat photos by file_id, downloaded through the Bot API (getFile) and kept a while in memory:
    the case page shows them without the browser ever seeing the bot's token."""

    def __init__(self, core: Core) -> None:
        self.core = core
        self._bot: Any = None
        self._library: Any = None
        # bounded by bytes, not by count: a Bot API file may be 20 MB
        self._cache: TTLCache[str, bytes] = TTLCache(maxsize=PHOTO_CACHE_BYTES, ttl=3600, getsizeof=len)

    async def fetch(self, file_id: str) -> bytes:
        hit = self._cache.get(file_id)
        if hit is None:
            if self._bot is None:  # the running runtime's library (handlers/runtime.py): no other is loaded
                from handlers.runtime import library
                self._library = library(self.core.settings.runtime)
                self._bot = self._library.make_bot(self.core.settings)
            hit = await self._library.download(self._bot, file_id)
            if len(hit) <= PHOTO_CACHE_BYTES // 8:
                self._cache[file_id] = hit
        return hit

    async def close(self, _app: web.Application) -> None:
        if self._bot is not None:
            await self._library.close(self._bot)


PHOTOS: web.AppKey[TelegramPhotos] = web.AppKey("photos", TelegramPhotos)


@_view
async def needs_page(request: web.Request, session: Session, lang: str) -> web.StreamResponse:
    core = _core(request)
    async with core.uow() as uow:
        data = await request.config_dict[DASH].needs(uow, session.user, lang, _days(request))
        boards: list[dict[str, Any]] = []
        if core.points is not None:
            boards = await leaderboard.boards(core.points, uow, session.user, "month")
    return _page(request, "needs.html", lang, data=data, boards=boards, shown_name=leaderboard.shown_name,
                 **await _common(request, session, lang))


@_view
async def exports_page(request: web.Request, session: Session, lang: str) -> web.StreamResponse:
    common = await _common(request, session, lang)
    if not common["can_export"]:  # a department member: the chat's /export refuses them too
        return _page(request, "message.html", lang, status=403, message=t(lang, "export-not-permitted"), **common)
    since = (_core(request).cases.clock().astimezone(_core(request).cases.tz).date() - timedelta(days=30))
    return _page(request, "exports.html", lang, since=since.isoformat(), **common)


@_view
async def export_file(request: web.Request, session: Session, lang: str) -> web.StreamResponse:
    """The chat's `/export cases` table as a download (same builder, same masking, same scope)."""
    core = _core(request)
    fmt = request.match_info["fmt"]
    typed = request.query.get("since", "").strip()
    since = read_day(typed, _today(request))
    if since is None and typed:  # not a day: said, not a file of another period
        return _page(request, "message.html", lang, status=400, message=t(
            lang, "web-bad-date", value=typed[:40], field=t(lang, "web-exports-since")))
    if since is None:
        since = core.cases.clock().astimezone(core.cases.tz).date() - timedelta(days=chat_export.DEFAULT_DAYS)
    try:
        async with core.uow() as uow:
            files = await chat_export.build(core.cases, uow, session.user, since, fmt, lang)
    except chat_export.ExportError as e:
        return _page(request, "message.html", lang, status=403, message=t(lang, e.key, **e.args_))
    want = request.query.get("part", "cases")
    chosen = next((f for f in files if (want == "summary") == f.name.endswith("-summary.csv")), files[0])
    ctype = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" if fmt == "xlsx"
             else "text/csv")
    return web.Response(body=chosen.content, content_type=ctype, headers={
        "Content-Disposition": f'attachment; filename="{chosen.name}"'})


async def root(request: web.Request) -> web.StreamResponse:
    raise web.HTTPFound(f"{PREFIX}/")


def setup(app: web.Application) -> None:
    """Add the dashboard's routes, templates and static files to the web app."""
    core: Any = app[CORE]
    app[DASH] = DashboardService(core.cases, MediaStore(core.settings.media_dir)
                                 if core.settings.media_dir is not None else None)
    app[PHOTOS] = TelegramPhotos(core)
    app.on_cleanup.append(app[PHOTOS].close)
    aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(str(HERE / "templates")), autoescape=True)
    app.middlewares.append(headers)
    app.middlewares.append(lost)
    r = app.router
    r.add_get("/", root)
    r.add_get(f"{PREFIX}/login", login_page)
    r.add_post(f"{PREFIX}/login", login)
    r.add_post(f"{PREFIX}/logout", logout)
    r.add_get(f"{PREFIX}/bye", bye)
    r.add_get(PREFIX + "/lang/{lang:zh|en}", choose_lang)
    r.add_get(f"{PREFIX}/", overview)
    r.add_get(f"{PREFIX}/api/overview.json", overview_json)
    r.add_get(f"{PREFIX}/map", map_page)
    r.add_get(f"{PREFIX}/api/map.json", map_json)
    r.add_get(f"{PREFIX}/cases", cases_page)
    r.add_get(PREFIX + "/cases/{number:[^/]{1,32}}", case_page)
    r.add_post(PREFIX + "/cases/{number:[^/]{1,32}}/act", case_act)
    r.add_get(PREFIX + "/cases/{number:[^/]{1,32}}/photos/{index:[0-9]{1,2}}", case_photo)
    r.add_get(PREFIX + "/api/cases/{number:[^/.]{1,32}}.json", case_json)
    r.add_get(f"{PREFIX}/needs", needs_page)
    r.add_get(f"{PREFIX}/exports", exports_page)
    r.add_get(PREFIX + "/exports/cases.{fmt:xlsx|csv}", export_file)
    r.add_static(f"{PREFIX}/static/", HERE / "static", append_version=False)
