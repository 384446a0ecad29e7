"""Albums: photos sent together arrive as one update each, sharing a media_group_id; they
are one report with all its photos, and a private chat gets one hint, not one per photo.

A photo sent alone, without a caption (WeCom has no captions: a photo is always its own message),
is kept the same way, in its sender's own album row for that chat (`waiting_key`): the sender's
next report there within PHOTO_WAIT takes it, as an album's caption takes the photos before it
(`claim`). A photo sent privately shortly after the sender's own report (there, or in a group)
joins that case.

No update is held back in memory: each photo is handled in its own update's
transaction (an `media_group` row remembers the album), so an update is still
confirmed to Telegram only after what it caused is committed, in a batch or alone,
and a restart loses nothing. The caption (on any one photo) opens the case; photos
before it wait in the album row and join the case then, photos after it join at once.
"""
from __future__ import annotations

from datetime import datetime, timedelta

from bot.cases import is_open
from bot.cases.lifecycle import TRIAGE
from bot.domain import IncomingMessage
from bot.services.cases import number
from bot.services.reports import ReportService
from bot.outbox import reply
from storage.models import Case, User, as_utc, utcnow
from storage.repositories.telegram import TelegramRepository
from storage.uow import UnitOfWork

PHOTO_WAIT = timedelta(minutes=5)  # a photo sent alone and its report: "what and where" follows within minutes


def waiting_key(chat_id: int, user_id: int) -> str:
    """The album row of one sender's photos sent alone in one chat (fits media_group_id's 64)."""
    return f"alone:{chat_id}:{user_id}"


def _fresh(photos: list[dict[str, object]], now: datetime) -> list[dict[str, object]]:
    """The photos kept that were sent within PHOTO_WAIT of `now` (each with its time, "at")."""
    return [p for p in photos if "at" in p and as_utc(datetime.fromisoformat(str(p["at"]))) >= now - PHOTO_WAIT]


def _add_photos(case: Case, photos: list[str]) -> None:
    have = [case.photo_file_id, *(case.photos or [])]
    new = [p for p in photos if p and p not in have]
    if new:
        case.photos = [*(case.photos or []), *new]  # a new list: JSON columns track assignment


def _give_photos(case: Case, photos: list[str]) -> None:
    """`photos` are the case's: the first is its photo when it has none, the rest join it."""
    if photos and not case.photo_file_id:
        case.photo_file_id, photos = photos[0], photos[1:]
    _add_photos(case, photos)


class AlbumService:
    def __init__(self, reports: ReportService) -> None:
        self.reports = reports

    async def on_lone_photo(self, uow: UnitOfWork, msg: IncomingMessage, user: User, lang: str) -> Case | None:
        """A photo with no caption and no album, in a private chat: shortly after the sender's own
        report, there or in a group (a WeCom group takes no photo alone: its manual says to send photos
        in the private chat, as a pin for a group's case is), that case's photo, and they hear so;
        else it waits for their report (`claim`), and they hear what to add."""
        photo, now = msg.photo_file_id or "", utcnow()
        latest = next(iter(await uow.cases.by_reporter(user.id, limit=1)), None)
        if (latest is not None and (is_open(latest.status) or latest.status == TRIAGE)
                and now - as_utc(latest.created_at) <= PHOTO_WAIT):
            _give_photos(latest, [photo])
            uow.cases.touch(latest)
            reply(uow, msg, "photo-added", lang, number=number(latest))
            return latest
        group = await TelegramRepository(uow.session, uow.deferred).media_group(
            waiting_key(msg.chat_id, user.id), msg.chat_id)
        group.photos = [*_fresh(group.photos, now), {"photo": photo, "message_id": msg.message_id,
                                                     "at": now.isoformat()}]
        reply(uow, msg, "photo-needs-caption", lang)
        return None

    async def claim(self, uow: UnitOfWork, msg: IncomingMessage, user: User, case: Case) -> None:
        """The sender's report in this chat (or the place of their case) takes the photos they sent
        alone there within PHOTO_WAIT (older ones are dropped), and in a private chat the photos of
        an album sent there without a caption ("…or just send a message", its hint says)."""
        await self._claim(uow, msg.chat_id, msg.is_private, user.id, case)

    async def claim_confirmed(self, uow: UnitOfWork, pending_id: int, user: User) -> None:
        """A line the rider confirmed a report ("是，上报") takes their photos as it would have
        without the question: the case it opened, in the chat it was said in."""
        pending = await uow.cases.get_pending(pending_id)
        if pending is None:
            return
        repo = TelegramRepository(uow.session, uow.deferred)
        case = await repo.case_for_message(pending.chat_id, pending.message_id, user.id or 0)
        if case is not None:
            await self._claim(uow, pending.chat_id, pending.chat_id == user.id, user.id or 0, case)

    async def _claim(self, uow: UnitOfWork, chat_id: int, private: bool, user_id: int, case: Case) -> None:
        now = utcnow()
        repo = TelegramRepository(uow.session, uow.deferred)
        photos: list[str] = []
        group = await repo.find_media_group(waiting_key(chat_id, user_id))
        if group is not None and group.photos:
            photos += [str(p["photo"]) for p in _fresh(group.photos, now)]
            group.photos = []
        if private:
            for album in await repo.waiting_albums(chat_id, now - PHOTO_WAIT):
                if album.media_group_id != waiting_key(chat_id, user_id):
                    if case.id is None:
                        await uow.session.flush()
                    photos += [str(p["photo"]) for p in album.photos]
                    album.case_id, album.photos = case.id, []
        if photos:
            _give_photos(case, photos)
            uow.cases.touch(case)

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
                reply(uow, msg, "album-needs-caption", lang)
            return None
        heard = await self.reports.hear(uow, msg, user, lang)
        case = heard.case
        if case is None:
            if msg.is_private and not group.hinted and not msg.lat and not heard.asked:
                group.hinted = True
                reply(uow, msg, "help", lang)
            return None
        if case.id is None:
            await uow.session.flush()
        group.case_id = case.id
        _add_photos(case, [p["photo"] for p in group.photos])
        group.photos = []
        uow.cases.touch(case)
        return case
