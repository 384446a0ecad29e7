"""Voice notes: a voice report in a group or private chat (bot/voice), and its two buttons.

Thin: fetch the audio when a speech-to-text engine is configured (in a worker thread:
engines block), hand the note to VoiceService, and (with a media store) have the audio
copied there after the commit, without waiting for it (bot.voice.keeping).
"""
from __future__ import annotations

import asyncio
import logging

from bot.config import Settings
from bot.domain import IncomingMessage
from bot.events import ButtonPress
from bot.i18n import t
from bot.buttons import VoicePlace, VoiceTriage
from bot.voice.keeping import AudioKeeper
from bot.voice.service import VoiceNote, VoiceService
from bot.voice.stt import SpeechToText, transcribe_safely
from handlers.chat import ChatPort, ChatRoutes
from handlers.presses import answer, presser
from storage.models import User
from storage.uow import UnitOfWork

log = logging.getLogger(__name__)
MAX_AUDIO = 20 * 1024 * 1024  # the Bot API serves files up to 20 MB


async def voice_note(uow: UnitOfWork, incoming: IncomingMessage, user: User, lang: str, voice: VoiceService,
                     port: ChatPort, stt: SpeechToText | None = None, keeper: AudioKeeper | None = None) -> None:
    v = incoming.voice
    if v is None:
        return
    transcript, audio = None, None
    if stt is not None and v.size <= MAX_AUDIO:
        try:
            audio = await port.download(v.file_id)
            transcript = await asyncio.to_thread(transcribe_safely, stt, audio, lang)
        except Exception:  # no transcript: the audio still reaches the secretary
            log.exception("could not fetch a voice note for speech-to-text")
    case = await voice.on_voice(uow, incoming, user, lang, VoiceNote(v.file_id, v.unique_id, v.duration), transcript)
    if keeper is not None and case.id and v.size <= MAX_AUDIO:
        fetched = audio

        async def fetch() -> bytes:  # the bytes already fetched for speech-to-text, else through the adapter
            return fetched if fetched is not None else await port.download(v.file_id)
        keeper.after(uow, case.id, fetch)


def has_voice(incoming: IncomingMessage) -> bool:
    return incoming.voice is not None


async def press_triage(query: ButtonPress, uow: UnitOfWork, voice: VoiceService, settings: Settings,
                       button: VoiceTriage) -> None:
    user, lang = await presser(uow, query, settings.default_lang)
    key, args = await voice.triage(uow, user, button.case_id, button.choice, pressed_in=query.chat_id)
    if "category" in args:
        args = {**args, "category": t(lang, f"cat-{args['category']}")}
    await answer(query, t(lang, key, **args))


async def press_place(query: ButtonPress, uow: UnitOfWork, voice: VoiceService, settings: Settings,
                      button: VoicePlace) -> None:
    user, lang = await presser(uow, query, settings.default_lang)
    key = await voice.ask_place(uow, user, button.case_id, pressed_in=query.chat_id)
    await answer(query, t(lang, key))


def register(routes: ChatRoutes) -> None:
    routes.message(voice_note, has_voice)
    routes.button(press_triage, VoiceTriage)
    routes.button(press_place, VoicePlace)
