"""Open311 answers as JSON or XML (the spec's shapes), built with xml.etree, never by concatenation."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from typing import Any

from aiohttp import web

from bot.plaintext import xml_safe

FORMATS = ("json", "xml")
# a list-valued field's items are elements of the singular name (<attributes><attribute>)
_ITEM = {"attributes": "attribute", "values": "value"}


def _text(value: Any) -> str:
    """An element's text; characters XML 1.0 forbids are dropped (one in a case's text made the
    whole `requests.xml` answer not well-formed)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return xml_safe(str(value))


def _fill(parent: ET.Element, fields: dict[str, Any]) -> None:
    for name, value in fields.items():
        child = ET.SubElement(parent, name)
        if isinstance(value, list):
            for item in value:
                _fill(ET.SubElement(child, _ITEM.get(name, "item")), item)
        elif isinstance(value, dict):
            _fill(child, value)
        else:
            child.text = _text(value)


def to_xml(root: str, item: str | None, body: list[dict[str, Any]] | dict[str, Any]) -> bytes:
    """`<root><item>fields</item>…</root>` for a list, `<root>fields</root>` for one object."""
    top = ET.Element(root)
    if isinstance(body, list):
        for entry in body:
            _fill(ET.SubElement(top, item or "item"), entry)
    else:
        _fill(top, body)
    return ET.tostring(top, encoding="UTF-8", xml_declaration=True)


def respond(fmt: str, root: str, item: str | None, body: list[dict[str, Any]] | dict[str, Any],
            status: int = 200) -> web.Response:
    if fmt == "xml":
        return web.Response(body=to_xml(root, item, body), status=status, content_type="text/xml", charset="utf-8")
    return web.Response(text=json.dumps(body, ensure_ascii=False), status=status,
                        content_type="application/json", charset="utf-8")


def error(fmt: str, status: int, description: str) -> web.Response:
    """The spec's error list: [{"code": 403, "description": "…"}] / <errors><error>…</error></errors>."""
    return respond(fmt, "errors", "error", [{"code": status, "description": description}], status=status)
