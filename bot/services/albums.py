"""Albums: photos sent together arrive as one update each, sharing a media_group_id; they
are one report with all its photos, and a private chat gets one hint, not one per photo.

No update is held back in memory: each photo is handled in its own update's
transaction (an `media_group` row remembers the album), so an update is still
confirmed to Telegram only after what it caused is committed, in a batch or alone,
and a restart loses nothing. The caption (on any one photo) opens the case; photos
before it wait in the album row and join the case then, photos after it join at once.
"""
from __future__ import annotations

from bot.domain import IncomingMessage
from bot.services.reports import ReportService
from storage.models import Case, User
from storage.repositories.telegram import TelegramRepository
from storage.uow import UnitOfWork


def _add_photos(case: Case, photos: list[str]) -> None:
    have = [case.photo_file_id, *(case.photos or [])]
    new = [p for p in photos if p and p not in have]
    if new:
        case.photos = [*(case.photos or []), *new]  # a new list: JSON columns track assignment


class AlbumService:
    def __init__(self, reports: ReportService) -> None:
        self.reports = reports

    async def on_photo(self, uow: UnitOfWork, msg: IncomingMessage, user: User, lang: str) -> Case | None:
        assert msg.media_group_id is not None
        group = await TelegramRepository(uow.session, uow.deferred).media_group(msg.media_group_id, msg.chat_id)
        photo = msg.photo_file_id or ""
        if group.case_id is not None:
            case = await uow.cases.get(group.case_id)
            if case is not None:
                _add_photos(case, [photo])
                uow.cases.touch(case)
            return case
        if not msg.text.strip():
            group.photos = [*group.photos, {"photo": photo, "message_id": msg.message_id}]
            if msg.is_private and not group.hinted:
                group.hinted = True
                self.reports.reply(uow, msg, "album-needs-caption", lang)
            return None
        heard = await self.reports.hear(uow, msg, user, lang)
        case = heard.case
        if case is None:
            if msg.is_private and not group.hinted and not msg.lat and not heard.asked:
                group.hinted = True
                self.reports.reply(uow, msg, "help", lang)
            return None
        if case.id is None:
            await uow.session.flush()
        group.case_id = case.id
        _add_photos(case, [p["photo"] for p in group.photos])
        group.photos = []
        uow.cases.touch(case)
        return case
