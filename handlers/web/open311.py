"""Open311 GeoReport v2 under /open311/v2/: thin routes over bot.services.open311.

Each route reads its parameters, asks the service in one unit of work and answers in the format
the path ends with (.json or .xml). Refusals are the spec's error list with the HTTP status, their
descriptions in the client's language (Accept-Language, else the bot's default); an unexpected fault
is a 500 in the same shape (logged), never a traceback.
"""
from __future__ import annotations

import functools
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

from bot.i18n import accepted_lang, t
from bot.services.open311 import Open311Error, Open311Service
from handlers.web.app import CORE
from handlers.web.formats import error, respond
from handlers.web.forms import BAD_FORM, NOT_A_FORM, read_form

log = logging.getLogger(__name__)
PREFIX = "/open311/v2"
_FMT = "{fmt:json|xml}"
OPEN311: web.AppKey[Open311Service] = web.AppKey("open311", Open311Service)
Handler = Callable[[web.Request], Awaitable[web.Response]]


def _fmt(request: web.Request) -> str:
    return request.match_info.get("fmt", "json")


def _lang(request: web.Request) -> str:
    """The language of an answer's words (an error's description, a service's name, a request's
    status_notes and agency, a notice): the client's Accept-Language, else the bot's default."""
    return accepted_lang(request.headers.get("Accept-Language", "")) or request.config_dict[CORE].settings.default_lang


def _refused(request: web.Request, fmt: str, status: int, key: str, **args: str) -> web.Response:
    return error(fmt, status, t(_lang(request), key, **args))


def _spec(handler: Handler) -> Handler:
    """Open311Error → the spec's error answer; anything else → a logged 500 in that shape."""
    @functools.wraps(handler)
    async def run(request: web.Request) -> web.Response:
        try:
            return await handler(request)
        except Open311Error as e:
            return error(_fmt(request), e.status, e.describe(_lang(request)))
        except web.HTTPRequestEntityTooLarge:
            return _refused(request, _fmt(request), 413, "open311-error-too-big")
        except web.HTTPClientError as e:  # a form that cannot be read (forms.read_form): still the spec's shape
            if e.reason == BAD_FORM:
                return _refused(request, _fmt(request), e.status, "open311-error-bad-form")
            if e.reason == NOT_A_FORM:
                return _refused(request, _fmt(request), e.status, "open311-error-not-a-form",
                                type=request.content_type[:64])
            return error(_fmt(request), e.status, e.reason)
        except Exception:  # an integration gets an answer it can parse
            log.exception("open311 %s %s failed", request.method, request.path)
            return _refused(request, _fmt(request), 500, "open311-error-internal")
    return run


def _service(request: web.Request) -> Open311Service:
    return request.config_dict[OPEN311]


async def _jurisdiction(request: web.Request) -> None:
    async with request.config_dict[CORE].uow() as uow:
        await _service(request).jurisdiction(uow, request.query.get("jurisdiction_id"))


@_spec
async def services(request: web.Request) -> web.Response:
    await _jurisdiction(request)
    return respond(_fmt(request), "services", "service", _service(request).services(_lang(request)))


@_spec
async def service_definition(request: web.Request) -> web.Response:
    await _jurisdiction(request)
    return respond(_fmt(request), "service_definition", None, _service(request).service(request.match_info["code"]))


@_spec
async def post_request(request: web.Request) -> web.Response:
    form = (await read_form(request)).fields  # an undecodable body: a 400 in the spec's shape (_spec)
    svc, core = _service(request), request.config_dict[CORE]
    async with core.uow() as uow:
        key = await svc.authenticate(uow, form.get("api_key") or request.query.get("api_key"))
        created = await svc.create(uow, key, form, _lang(request))
        await uow.commit()
    return respond(_fmt(request), "service_requests", "request", [created], status=201)


@_spec
async def get_requests(request: web.Request) -> web.Response:
    svc, core = _service(request), request.config_dict[CORE]
    async with core.uow() as uow:
        key = await svc.authenticate(uow, request.query.get("api_key"))
        found = await svc.requests(uow, key, request.query, lang=_lang(request))
    return respond(_fmt(request), "service_requests", "request", found)


@_spec
async def get_request(request: web.Request) -> web.Response:
    svc, core = _service(request), request.config_dict[CORE]
    async with core.uow() as uow:
        key = await svc.authenticate(uow, request.query.get("api_key"))
        found = await svc.request(uow, key, request.match_info["id"], request.query.get("jurisdiction_id"),
                                  _lang(request))
    return respond(_fmt(request), "service_requests", "request", [found])


@web.middleware
async def lost(request: web.Request, handler: Handler) -> web.StreamResponse:
    """A wrong address or method under /open311/ answered in the spec's error shape (the format the
    path ends with), not aiohttp's bare page: 404 for no such resource, 405 (with Allow) for a method
    the resource does not take, e.g. PUT or DELETE on requests.json."""
    if not request.path.startswith(PREFIX + "/"):
        return await handler(request)
    fmt = "xml" if request.path.endswith(".xml") else "json"
    try:
        return await handler(request)
    except web.HTTPMethodNotAllowed as e:
        allowed = ", ".join(sorted(e.allowed_methods))
        response = _refused(request, fmt, 405, "open311-error-method", method=request.method, allowed=allowed)
        response.headers["Allow"] = allowed
        return response
    except web.HTTPNotFound:
        return _refused(request, fmt, 404, "open311-error-no-resource")


def setup(app: web.Application) -> None:
    """Add the Open311 routes to the web app (the core is already in it under CORE)."""
    core: Any = app[CORE]
    app[OPEN311] = Open311Service(core.reports, core.cases.routing, core.settings.tz, core.settings.default_lang)
    r = app.router
    r.add_get(f"{PREFIX}/services.{_FMT}", services)
    r.add_get(PREFIX + "/services/{code:[^/.]+}." + _FMT, service_definition)
    r.add_post(f"{PREFIX}/requests.{_FMT}", post_request)
    r.add_get(f"{PREFIX}/requests.{_FMT}", get_requests)
    r.add_get(PREFIX + "/requests/{id:[^/.]+}." + _FMT, get_request)
    app.middlewares.append(lost)
