"""The Telegram transport sends a stored photo (a `media:` reference) as an upload once, then by the
file_id Telegram returned — also when two chats hear it at the same moment — and without the photo
when the file is gone from the media store. On both runtimes' Bots: aiogram's (an FSInputFile) and
python-telegram-bot's (the file's path)."""
from __future__ import annotations

import asyncio
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from aiogram.types import FSInputFile

from bot.media_store import MediaStore
from bot.outbox import Outgoing
from bot.photos import media_ref
from handlers.telegram_aiogram.transport import TelegramTransport
from handlers.telegram_ptb.transport import PtbTransport

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
TRANSPORTS = {"aiogram": TelegramTransport, "ptb": PtbTransport}


def upload(photo: Any) -> Path | None:
    """The file an upload sends (aiogram: an FSInputFile; python-telegram-bot: its path), else None."""
    return Path(photo.path) if isinstance(photo, FSInputFile) else photo if isinstance(photo, Path) else None


@pytest.fixture(params=TRANSPORTS)
def transport_class(request: pytest.FixtureRequest) -> Any:
    return TRANSPORTS[request.param]


class FakeBot:
    """Records what was sent; an upload gets a new file_id, as Telegram gives."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, int, Any]] = []
        self._ids = 0

    async def send_photo(self, chat_id: int, photo: Any, **_kw: Any) -> Any:
        await asyncio.sleep(0.01)  # the other chat's send starts meanwhile
        self._ids += 1
        file_id = f"uploaded-{self._ids}" if upload(photo) is not None else photo
        self.sent.append(("photo", chat_id, photo))
        return SimpleNamespace(message_id=self._ids, photo=[SimpleNamespace(file_id="small"),
                                                             SimpleNamespace(file_id=file_id)])

    async def send_message(self, chat_id: int, text: str, **_kw: Any) -> Any:
        self._ids += 1
        self.sent.append(("text", chat_id, text))
        return SimpleNamespace(message_id=self._ids, photo=None)


def resolved(chat_id: int, photo: str) -> Outgoing:
    return Outgoing(1, chat_id, "case-event", "zh", {"key": "case-ev-resolved", "note": "已更换灯泡", "photo": photo},
                    None, case_id=7)


async def test_one_upload_then_the_file_id(tmp_path: Path, transport_class: Any) -> None:
    store = MediaStore(tmp_path)
    ref = media_ref(store.put(PNG, ".png"))
    bot = FakeBot()
    transport = transport_class(bot, media=store)  # type: ignore[arg-type]
    await asyncio.gather(transport.deliver(resolved(-100, ref)), transport.deliver(resolved(501, ref)))
    await transport.deliver(resolved(502, ref))
    uploads = [upload(p) for kind, _c, p in bot.sent if upload(p) is not None]
    assert uploads == [store.path(ref.removeprefix("media:"))]
    assert [p for kind, _c, p in bot.sent if upload(p) is None] == ["uploaded-1", "uploaded-1"]
    assert len(transport._uploading) == 0  # no lock kept per file once its sends are done


async def test_a_missing_file_sends_the_text(tmp_path: Path, transport_class: Any) -> None:
    bot = FakeBot()
    transport = transport_class(bot, media=MediaStore(tmp_path))  # type: ignore[arg-type]
    await transport.deliver(resolved(-100, media_ref("ab/" + "ab" * 32 + ".png")))
    [(kind, chat, text)] = bot.sent
    assert kind == "text" and chat == -100 and "已更换灯泡" in text


async def test_a_telegram_file_id_is_sent_as_it_is(tmp_path: Path, transport_class: Any) -> None:
    bot = FakeBot()
    transport = transport_class(bot, media=MediaStore(tmp_path))  # type: ignore[arg-type]
    await transport.deliver(resolved(-100, "AgACAgIAAxkBAAIB"))
    assert bot.sent == [("photo", -100, "AgACAgIAAxkBAAIB")]
