"""Resolving with a photo on the web dashboard, in a real browser (Debian's Chromium, Playwright),
against the real `sentinel web`, the real bot on the emulator and a real database.

The photo is uploaded with the case page's resolve form, kept in the media store (SENTINEL_MEDIA_DIR)
and announced like a chat resolution's photo: one sendPhoto in the case's thread, uploaded as a file
the first time, and by the file_id Telegram returned for the reporter's private copy with its
confirm buttons. What is refused (too large, not an image, another branch's secretary, a resolve
the service refuses) stores no file and announces nothing.
"""
from __future__ import annotations

import re
import struct
import zlib
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from sqlmodel import select

from bot.config import Settings, WebSettings
from bot.i18n import t
from emulator.client import EmulatorClient
from storage.models import Case
from storage.models.web import MediaUpload
from tests.conftest import GROUP, LI, SEC, SEC_B, TOKEN, buttons, session, until, with_boss
from tests.e2e.test_dashboard import _free_port, bound, browser, logged_in, web  # noqa: F401  (fixtures)


def png(width: int = 4, height: int = 3) -> bytes:
    """A real PNG image (red pixels), made without an imaging library."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


@pytest.fixture
def media(tmp_path: Path) -> Path:
    return tmp_path / "media"


@pytest.fixture
def settings(settings: Settings, media: Path) -> Settings:
    port = _free_port()
    return with_boss(settings, media_dir=media,
                     web=WebSettings(port=port, public_url=f"http://127.0.0.1:{port}"))


def stored(media: Path) -> list[Path]:
    return [p for p in media.rglob("*") if p.is_file()] if media.exists() else []


async def emulator_file(settings: Settings, file_id: str) -> bytes:
    """The bytes Telegram (the emulator) holds behind a file_id: what the bot uploaded."""
    async with aiohttp.ClientSession() as http:
        async with http.get(f"{settings.api_base}/bot{TOKEN}/getFile", params={"file_id": file_id}) as r:
            path = (await r.json())["result"]["file_path"]
        async with http.get(f"{settings.api_base}/file/bot{TOKEN}/{path}") as r:
            return await r.read()


async def test_resolve_with_a_photo_from_the_web(web: str, tg: EmulatorClient, db: Any, browser: Any,  # noqa: F811
                                                 media: Path, settings: Settings) -> None:
    await bound(tg, db)
    report = await tg.send(GROUP, LI, "光华路和东三环路口的路灯坏了，晚上很黑")
    await tg.wait(GROUP["id"], 2)  # the bind answer, then the registration
    async with session(db) as s:
        case = (await s.exec(select(Case))).one()
    number = f"C-{case.id:06d}"
    page = await logged_in(browser, tg, SEC)
    await page.goto(f"{web}/dash/cases/{number}")
    await page.click("#do-accept")
    await page.locator("#done").wait_for()
    group_before = len(await tg.wait(GROUP["id"], 3))  # ... and the acceptance, in the group and privately

    async def li_heard_accept() -> int:
        msgs = await tg.messages(LI["id"])
        return len(msgs) if any(number in str(m.get("text")) and "已受理" in str(m.get("text")) for m in msgs) else 0
    li_before = await until(li_heard_accept)

    # refused: too large, not an image (in the page's language), a photo with another action,
    # and a resolve the service refuses (no note) — none stores a file or says anything
    big = b"\xff\xd8\xff\xe0" + bytes(10 * 1024 * 1024)
    await page.fill("#act-text", "已更换灯泡")
    await page.set_input_files("#act-photo", files=[{"name": "big.jpg", "mimeType": "image/jpeg", "buffer": big}])
    await page.click("#do-resolve")
    assert await page.locator("#error").inner_text() == t("zh", "web-photo-too-big", mb=10)
    await page.goto(f"{web}/dash/lang/en?next=/dash/cases/{number}")
    await page.fill("#act-text", "fixed")
    await page.set_input_files("#act-photo", files=[{"name": "fix.jpg", "mimeType": "image/jpeg",
                                                     "buffer": b"GIF89a not a photo at all"}])
    await page.click("#do-resolve")
    assert await page.locator("#error").inner_text() == t("en", "web-photo-not-image")
    await page.set_input_files("#act-photo", files=[{"name": "fix.png", "mimeType": "image/png", "buffer": png()}])
    await page.click("#do-note")
    assert await page.locator("#error").inner_text() == t("en", "web-photo-resolve-only")
    assert await page.input_value("#act-text") == "fixed"  # the typed note survives a refusal (issue 17)
    await page.fill("#act-text", "")
    await page.set_input_files("#act-photo", files=[{"name": "fix.png", "mimeType": "image/png", "buffer": png()}])
    await page.click("#do-resolve")  # no note
    assert await page.locator("#error").inner_text() == t("en", "case-err-note-required")
    other = await logged_in(browser, tg, SEC_B)  # another branch's secretary: no such case for them
    html = await (await other.goto(f"{web}/dash/")).text()  # type: ignore[union-attr]
    token = re.search(r'name="csrf" value="([^"]+)"', html)
    assert token
    r = await other.request.post(f"{web}/dash/cases/{number}/act", multipart={
        "csrf": token.group(1), "action": "resolve", "text": "done",
        "photo": {"name": "fix.png", "mimeType": "image/png", "buffer": png()}})
    assert r.status == 404
    assert stored(media) == []
    async with session(db) as s:
        assert (await s.get(Case, case.id)).status == "accepted"  # type: ignore[union-attr]
    assert len(await tg.messages(GROUP["id"])) == group_before and len(await tg.messages(LI["id"])) == li_before

    # the secretary resolves with a photo
    photo = png(8, 6)
    await page.goto(f"{web}/dash/lang/zh?next=/dash/cases/{number}")
    await page.fill("#act-text", "已更换灯泡，今晚恢复照明")
    await page.set_input_files("#act-photo", files=[{"name": "IMG_0001.PNG", "mimeType": "image/png", "buffer": photo}])
    await page.click("#do-resolve")
    await page.locator("#done").wait_for()
    assert await page.inner_text("#case-status") == t("zh", "case-status-resolved")
    assert t("zh", "ev-resolved") in await page.inner_text("#timeline")  # the chat card's words for events

    resolved = (await tg.wait(GROUP["id"], group_before + 1))[group_before]  # in the case's thread
    assert resolved["reply_to_message_id"] == report["message_id"] and resolved["photo"]
    assert "已更换灯泡" in str(resolved["caption"]) and number in str(resolved["caption"])
    assert await emulator_file(settings, resolved["photo"]) == photo  # uploaded from the stored file
    mine = (await tg.wait(LI["id"], li_before + 1))[li_before]  # the reporter: photo and confirm buttons
    assert buttons(mine) == [f"cf:{case.id}:y", f"cf:{case.id}:n"]
    assert mine["photo"] == resolved["photo"]  # the second send reused Telegram's file_id: one upload
    async with session(db) as s:
        row = await s.get(Case, case.id)
        assert row is not None and row.resolution_photo is not None and row.resolution_photo.startswith("media:")
        [kept] = (await s.exec(select(MediaUpload))).all()
        assert kept.file_id == resolved["photo"] and f"media:{kept.name}" == row.resolution_photo
    [file] = stored(media)
    assert file.read_bytes() == photo and file.suffix == ".png"  # by its content, not by its name

    # exactly once: nothing more arrives in the group (a later message would be the next one)
    assert len(await tg.wait(GROUP["id"], group_before + 2, timeout=3)) == group_before + 1
    photos = [m for m in await tg.messages(GROUP["id"]) if m.get("photo")]
    assert len(photos) == 1

    # the case page shows the photo (served from the media store, in scope only)
    img = page.locator("#photos img")
    await img.wait_for()
    assert await img.evaluate("i => i.complete && i.naturalWidth") == 8
    r = await page.request.get(f"{web}/dash/cases/{number}/photos/0")
    assert r.headers["content-type"] == "image/png" and await r.body() == photo
    r = await other.goto(f"{web}/dash/cases/{number}/photos/0")
    assert r is not None and r.status == 404

    await tg.press(LI["id"], mine["message_id"], LI, f"cf:{case.id}:y")  # as after a chat resolution
    closed = (await tg.wait(GROUP["id"], group_before + 2))[group_before + 1]
    assert closed["reply_to_message_id"] == report["message_id"] and "已办结" in closed["text"]


async def test_chat_photos_on_the_case_page(web: str, tg: EmulatorClient, db: Any, browser: Any) -> None:  # noqa: F811
    """A rider's report photo (a Telegram file_id) is shown through the server (getFile), never
    by a link carrying the bot's token."""
    await bound(tg, db)
    await tg.send(GROUP, LI, caption="幸福小区3号门的路灯坏了 晚上黑乎乎的", photo="lamp.jpg")
    await tg.wait(GROUP["id"], 2)
    async with session(db) as s:
        case = (await s.exec(select(Case))).one()
    assert case.photo_file_id
    page = await logged_in(browser, tg, SEC)
    await page.goto(f"{web}/dash/cases/C-{case.id:06d}")
    assert TOKEN not in await page.content()
    r = await page.request.get(f"{web}/dash/cases/C-{case.id:06d}/photos/0")
    assert r.status == 200 and r.headers["content-type"].startswith("image/") and await r.body()
    r = await page.request.get(f"{web}/dash/cases/C-{case.id:06d}/photos/5")
    assert r.status == 404
