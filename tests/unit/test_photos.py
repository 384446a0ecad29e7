"""Uploaded photos are judged by their bytes, and a media reference cannot leave the store."""
from __future__ import annotations

import pytest

from bot.media_store import MediaStore
from bot.photos import image_suffix, media_ref, stored_name


@pytest.mark.parametrize(("data", "suffix"), [
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", ".jpg"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", ".png"),
    (b"RIFF\x24\x00\x00\x00WEBPVP8 ", ".webp"),
    (b"GIF89a\x01\x00", None),  # an animation for Telegram, not a photo
    (b"<svg xmlns='http://www.w3.org/2000/svg'/>", None),
    (b"%PDF-1.7", None),
    (b"RIFF\x24\x00\x00\x00WAVEfmt ", None),
    (b"", None),
])
def test_image_by_magic_bytes(data: bytes, suffix: str | None) -> None:
    assert image_suffix(data) == suffix


def test_media_reference_round_trip_and_no_escape() -> None:
    name = MediaStore.name_for(b"\x89PNG\r\n\x1a\n", ".png")
    assert stored_name(media_ref(name)) == name
    assert stored_name("AgACAgIAAxkBAAIB") is None  # a Telegram file_id
    assert stored_name(None) is None
    for bad in ("media:../etc/passwd", "media:/etc/passwd", "media:ab\\..\\x"):
        assert stored_name(bad) is None
