"""Bot API request parameters: one accessor over query/JSON/form/multipart input.

aiogram sends multipart where nested objects (reply_markup, reply_parameters,
options...) are JSON strings and files are referenced as ``attach://<field>``;
curl users send plain fields or file parts directly.  ``Params`` hides all that.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from .errors import bad_request


@dataclass
class Upload:
    """A file part from a multipart request."""

    filename: str
    content: bytes
    content_type: str


class Params:
    """Typed, Telegram-style access to request parameters."""

    def __init__(self, values: dict[str, Any], files: dict[str, Upload]) -> None:
        self.values = values
        self.files = files

    @classmethod
    async def from_request(cls, request: web.Request) -> "Params":
        values: dict[str, Any] = dict(request.query)
        files: dict[str, Upload] = {}
        ctype = request.content_type
        if request.method == "POST" and request.can_read_body:
            if ctype == "application/json":
                try:
                    body = await request.json()
                except ValueError:
                    raise bad_request("can't parse JSON") from None
                if isinstance(body, dict):
                    values.update(body)
            elif ctype == "multipart/form-data":
                reader = await request.multipart()
                async for part in reader:
                    if part.name is None:
                        continue
                    if part.filename is not None:
                        data = await part.read(decode=False)
                        files[part.name] = Upload(
                            part.filename, bytes(data),
                            part.headers.get("Content-Type", "application/octet-stream"),
                        )
                    else:
                        values[part.name] = await part.text()
            elif ctype == "application/x-www-form-urlencoded":
                values.update(await request.post())
        return cls(values, files)

    def __contains__(self, key: str) -> bool:
        return self.get(key) is not None

    def get(self, key: str, default: Any = None) -> Any:
        value = self.values.get(key)
        if value is None or value == "":
            return default
        return value

    def str(self, key: str, default: str | None = None) -> str | None:
        value = self.get(key)
        if value is None:
            return default
        return value if isinstance(value, str) else json.dumps(value)

    def int(self, key: str, default: int | None = None, required: bool = False) -> int | None:
        value = self.get(key)
        if value is None:
            if required:
                raise bad_request(f"{key} is empty" if key != "chat_id" else "chat_id is empty")
            return default
        if isinstance(value, bool):
            return int(value)
        try:
            return int(value)
        except (TypeError, ValueError):
            raise bad_request(f"invalid {key} specified") from None

    def bool(self, key: str, default: bool = False) -> bool:
        value = self.get(key)
        if value is None:
            return default
        if isinstance(value, str):
            return value.strip().lower() in ("true", "1", "yes", "on")
        return bool(value)

    def json(self, key: str, what: str | None = None) -> Any:
        """A nested object, decoding JSON strings; raises Telegram's parse error."""
        value = self.get(key)
        if isinstance(value, str):
            try:
                return json.loads(value)
            except ValueError:
                raise bad_request(f"can't parse {what or key} JSON object") from None
        return value

    def file(self, key: str) -> Upload | str | None:
        """Either an uploaded file or a string (file_id / URL)."""
        if key in self.files:
            return self.files[key]
        value = self.get(key)
        if isinstance(value, str) and value.startswith("attach://"):
            name = value[len("attach://"):]
            if name in self.files:
                return self.files[name]
            raise bad_request("file must be non-empty")
        if isinstance(value, dict):  # JSON clients sometimes pass {"file_id": ...}
            return value.get("file_id") or value.get("media")
        return value
