"""Voice notes: a voice report in a group or private chat (bot/voice), and its two buttons.

Thin: fetch the audio when a speech-to-text engine is configured (in a worker thread:
engines block), hand the note to VoiceService, and (with a media store) have the audio
copied there after the commit, without waiting for it (bot.voice.keeping).
"""
from __future__ import annotations

import asyncio
import io
import logging

from aiogram import Bot, F, Router
from aiogram.types import CallbackQuery, Message

from bot.config import Settings
from bot.domain import IncomingMessage
from bot.i18n import t
from bot.buttons import VoicePlace, VoiceTriage
from bot.voice.keeping import AudioKeeper
from bot.voice.service import VoiceNote, VoiceService
from bot.voice.stt import SpeechToText, transcribe_safely
from handlers.callbacks import answer, presser
from handlers.pressed import pressed
from storage.models import User
from storage.uow import UnitOfWork

log = logging.getLogger(__name__)
MAX_AUDIO = 20 * 1024 * 1024  # the Bot API serves files up to 20 MB


async def voice_note(message: Message, uow: UnitOfWork, incoming: IncomingMessage, user: User, lang: str,
                     voice: VoiceService, stt: SpeechToText | None = None, keeper: AudioKeeper | None = None) -> None:
    v = message.voice
    if v is None:
        return
    transcript, audio = None, None
    if stt is not None and message.bot is not None and (v.file_size or 0) <= MAX_AUDIO:
        try:
            audio = await _download(message.bot, v.file_id)
            transcript = await asyncio.to_thread(transcribe_safely, stt, audio, lang)
        except Exception:  # no transcript: the audio still reaches the secretary
            log.exception("could not fetch a voice note for speech-to-text")
    case = await voice.on_voice(uow, incoming, user, lang, VoiceNote(v.file_id, v.file_unique_id, v.duration or 0),
                                transcript)
    bot = message.bot
    if keeper is not None and bot is not None and case.id and (v.file_size or 0) <= MAX_AUDIO:
        fetched = audio

        async def fetch() -> bytes:  # the bytes already fetched for speech-to-text, else getFile + download
            return fetched if fetched is not None else await _download(bot, v.file_id)
        keeper.after(uow, case.id, fetch)


async def _download(bot: Bot, file_id: str) -> bytes:
    """The file's bytes through the Bot API (getFile, then the file's URL)."""
    buf = io.BytesIO()
    await bot.download(file_id, destination=buf)
    return buf.getvalue()


async def press_triage(query: CallbackQuery, uow: UnitOfWork, voice: VoiceService, settings: Settings,
                       button: VoiceTriage) -> None:
    user, lang = await presser(uow, query, settings.default_lang)
    key, args = await voice.triage(uow, user, button.case_id, button.choice)
    if "category" in args:
        args = {**args, "category": t(lang, f"cat-{args['category']}")}
    await answer(query, t(lang, key, **args))


async def press_place(query: CallbackQuery, uow: UnitOfWork, voice: VoiceService, settings: Settings,
                      button: VoicePlace) -> None:
    user, lang = await presser(uow, query, settings.default_lang)
    key = await voice.ask_place(uow, user, button.case_id)
    await answer(query, t(lang, key))


def make_router() -> Router:
    """A fresh router each time: aiogram attaches a router to one dispatcher only."""
    router = Router(name="voice")
    router.message.register(voice_note, F.voice)
    router.callback_query.register(press_triage, pressed(VoiceTriage))
    router.callback_query.register(press_place, pressed(VoicePlace))
    return router
