"""The configured media store: a folder of files named by their content (SENTINEL_MEDIA_DIR).

Telegram keeps a file behind its file_id only as long as it pleases (and a bot may be moved to
another token); what riders report is evidence, so a copy is kept here. Names are the SHA-256
of the bytes (`ab/abcdef….oga`: two-character fan-out folders), so the same audio stored twice
is one file and a name proves its content. Writes go to a temporary name first and are renamed
into place, so a reader never sees half a file.
"""
from __future__ import annotations

import asyncio
import hashlib
import os
import tempfile
from pathlib import Path


class MediaStore:
    """Content-addressed files under `root` (created on first use)."""

    def __init__(self, root: Path) -> None:
        self.root = root

    @staticmethod
    def name_for(data: bytes, suffix: str = "") -> str:
        """The relative name `data` is stored under: `<h[:2]>/<h><suffix>`, h its SHA-256 in hex."""
        digest = hashlib.sha256(data).hexdigest()
        return f"{digest[:2]}/{digest}{suffix}"

    def path(self, name: str) -> Path:
        """The file of a stored name (as `put` returned it)."""
        return self.root / name

    def put(self, data: bytes, suffix: str = "") -> str:
        """Store `data` (blocking file I/O: call it off the event loop, or use `put_async`); its
        relative name. Storing the same bytes again only returns the name. OSError when the
        folder cannot be written."""
        name = self.name_for(data, suffix)
        target = self.root / name
        if target.exists():
            return name
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".part-")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return name

    async def put_async(self, data: bytes, suffix: str = "") -> str:
        """`put` in a worker thread: the event loop keeps serving chats while the disk writes."""
        return await asyncio.to_thread(self.put, data, suffix)
