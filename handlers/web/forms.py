"""The one reader of a posted form for the whole web app (Open311's POST, the dashboard's login and
every dashboard form).

Every text field loses its control characters (C0 but tab and line breaks, and DEL: nobody types
them, and PostgreSQL refuses a NUL in text, so a note with one was a 500 on that database only).
A body that cannot be read as a form — bytes that are not in its charset, a charset nobody knows, a
multipart body without or beyond its boundary — is the client's mistake: `read_form` raises a 400
(`web.HTTPBadRequest`, reason `BAD_FORM`) that each part of the app answers in its own shape, never a
500 from a UnicodeDecodeError or LookupError deep in a handler. A body of another type (JSON, XML)
is a 415 (`web.HTTPUnsupportedMediaType`, reason `NOT_A_FORM`): it was read as an empty form, and an
Open311 client that posted JSON with its api_key in it was told "api_key is required", a dashboard
form posted so "the form has expired".
"""
from __future__ import annotations

import codecs
from dataclasses import dataclass
from urllib.parse import parse_qsl

from aiohttp import BodyPartReader, web
from aiohttp.http_exceptions import HttpProcessingError

from bot.photos import MAX_PHOTO_BYTES
from bot.plaintext import without_controls
from handlers.web.app import MAX_BODY

BAD_FORM = "the form cannot be read: not in its charset, an unknown charset, or a broken multipart body"
NOT_A_FORM = "the body is not a form: neither application/x-www-form-urlencoded nor multipart/form-data"
MAX_FIELD = 16 * 1024  # bytes of one text field of a multipart form (Open311's 4,000 characters fit)
MAX_UPLOAD_BODY = 2 * MAX_PHOTO_BYTES  # a POST that may carry a photo: longer is refused before it is read
MAX_PARTS = 32  # parts of a multipart form
MAX_FIELDS = 256  # fields of a url-encoded form


@dataclass(frozen=True, slots=True)
class Posted:
    """A posted form: its text fields, and the photo file chosen in it (None when none was; when
    it was larger than MAX_PHOTO_BYTES, its first MAX_PHOTO_BYTES + 1 bytes, which the service
    refuses as too big)."""

    fields: dict[str, str]
    photo: bytes | None = None


async def read_form(request: web.Request, photo: bool = False) -> Posted:
    """The form of a POST: url-encoded (the app's small body limit), or multipart, read part by part
    so that a photo (`photo`: this form may carry one) is held up to the limit and the rest of an
    over-size one is read and dropped (the page can then say why). Text is decoded strictly.
    A POST without a body is an empty form. Raises HTTPBadRequest(BAD_FORM) for a body it cannot
    decode, HTTPUnsupportedMediaType(NOT_A_FORM) for a body that is no form, HTTPRequestEntityTooLarge
    for one too big."""
    try:
        if request.content_type == "multipart/form-data":
            return await _multipart(request, MAX_UPLOAD_BODY if photo else MAX_BODY, photo)
        if request.content_type != "application/x-www-form-urlencoded":
            if request.body_exists and request.content_length != 0:
                raise web.HTTPUnsupportedMediaType(reason=NOT_A_FORM)
            return Posted({})  # no body: an empty form
        charset = request.charset or "utf-8"
        text = (await request.read()).decode(charset)
        pairs = parse_qsl(text, keep_blank_values=True, encoding=charset, errors="strict",
                          max_num_fields=MAX_FIELDS)
        return Posted({name: without_controls(value) for name, value in pairs})
    except (ValueError, LookupError, HttpProcessingError):  # UnicodeDecodeError is a ValueError
        raise web.HTTPBadRequest(reason=BAD_FORM) from None


async def _multipart(request: web.Request, max_body: int, photo: bool) -> Posted:
    fields: dict[str, str] = {}
    chosen: bytes | None = None
    total = parts = 0
    reader = await request.multipart()
    async for part in reader:
        parts += 1
        if parts > MAX_PARTS:  # a form of ours has a handful; a body without a length is bounded too
            raise web.HTTPRequestEntityTooLarge(max_size=max_body, actual_size=total)
        if not isinstance(part, BodyPartReader) or part.name is None:
            continue
        limit = MAX_PHOTO_BYTES + 1 if part.filename is not None else MAX_FIELD
        data = bytearray()
        while chunk := await part.read_chunk(64 * 1024):
            total += len(chunk)
            if total > max_body:
                raise web.HTTPRequestEntityTooLarge(max_size=max_body, actual_size=total)
            if len(data) < limit:
                data += chunk[:limit - len(data)]
        if part.filename is None:
            # strict, but a field cut at the limit may end inside a character: that tail is dropped
            decoder = codecs.getincrementaldecoder(part.get_charset("utf-8"))()
            fields[part.name] = without_controls(decoder.decode(bytes(data), final=len(data) < limit))
        elif photo and part.name == "photo" and data:  # a file input left empty sends an empty part
            chosen = bytes(data)
    return Posted(fields, chosen)
