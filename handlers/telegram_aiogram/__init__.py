"""The Telegram adapter on aiogram: updates in (polling or webhook), each turned into the chat
layer's neutral events (handlers/chat.py), and the outbox's messages out (transport.py)."""

from handlers.telegram_aiogram.lean import import_aiogram

import_aiogram()  # before any module of this package imports aiogram: its types built when first used
