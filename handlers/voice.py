"""Voice notes: a voice report in a group or private chat (bot/voice), and its two buttons.

Thin: fetch the audio only when a speech-to-text engine is configured (in a worker thread:
engines block), then hand the note to VoiceService.
"""
from __future__ import annotations

import asyncio
import io
import logging

from aiogram import F, Router
from aiogram.types import CallbackQuery, Message

from bot.config import Settings
from bot.domain import IncomingMessage
from bot.i18n import t
from bot.buttons import VoicePlace, VoiceTriage
from bot.voice.service import VoiceNote, VoiceService
from bot.voice.stt import SpeechToText, transcribe_safely
from handlers.callbacks import answer, presser
from handlers.pressed import pressed
from storage.models import User
from storage.uow import UnitOfWork

log = logging.getLogger(__name__)
MAX_AUDIO = 20 * 1024 * 1024  # the Bot API serves files up to 20 MB


async def voice_note(message: Message, uow: UnitOfWork, incoming: IncomingMessage, user: User, lang: str,
                     voice: VoiceService, stt: SpeechToText | None = None) -> None:
    v = message.voice
    if v is None:
        return
    transcript = None
    if stt is not None and message.bot is not None and (v.file_size or 0) <= MAX_AUDIO:
        try:
            buf = io.BytesIO()
            await message.bot.download(v.file_id, destination=buf)
            transcript = await asyncio.to_thread(transcribe_safely, stt, buf.getvalue(), lang)
        except Exception:  # noqa: BLE001  (no transcript: the audio still reaches the secretary)
            log.exception("could not fetch a voice note for speech-to-text")
    await voice.on_voice(uow, incoming, user, lang, VoiceNote(v.file_id, v.file_unique_id, v.duration or 0),
                         transcript)


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
