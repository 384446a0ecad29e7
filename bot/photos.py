"""Photos that reach a case outside Telegram (a resolution photo uploaded on the web dashboard).

A case keeps a photo as a reference string in the same column as a chat photo's Telegram file_id
(`Case.resolution_photo`): a chat photo is its file_id, an uploaded one is `media:<name>`, its name
in the media store (bot/media_store.py). The domain only stores and passes the reference on; the
platform adapter decides how to send it (a file_id as it is, a stored file as an upload, and the
platform's id for it remembered so later sends reuse it: handlers/telegram_send.py).

What is accepted is decided by the bytes, not by the file's name or the browser's content type:
JPEG, PNG and WebP, the still images Telegram's sendPhoto takes.
"""
from __future__ import annotations

MEDIA_REF = "media:"
MAX_PHOTO_BYTES = 10 * 1024 * 1024  # Telegram's own limit for sendPhoto uploads
# suffix → the content type a stored photo is served with
CONTENT_TYPES = {".jpg": "image/jpeg", ".png": "image/png", ".webp": "image/webp"}


def image_suffix(data: bytes) -> str | None:
    """The file suffix of a JPEG, PNG or WebP image by its magic bytes; None for anything else."""
    if data.startswith(b"\xff\xd8\xff"):
        return ".jpg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return ".png"
    if len(data) >= 12 and data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return ".webp"
    return None


def media_ref(name: str) -> str:
    """The reference a case keeps for a photo stored in the media store under `name`."""
    return MEDIA_REF + name


def stored_name(ref: str | None) -> str | None:
    """The media-store name of a `media:` reference; None for a Telegram file_id (or nothing)."""
    if ref and ref.startswith(MEDIA_REF):
        name = ref[len(MEDIA_REF):]
        # names are `<h[:2]>/<h><suffix>` (bot/media_store.py): nothing that could leave the store
        if ".." not in name and not name.startswith("/") and "\\" not in name:
            return name
    return None
