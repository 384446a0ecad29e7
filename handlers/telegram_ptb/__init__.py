"""The Telegram adapter on python-telegram-bot: updates in (polling or webhook) through one
`TypeHandler` on a PTB `Application`, each turned into the chat layer's neutral events
(handlers/chat.py), the same handlers aiogram runs; the outbox sent on PTB's Bot (transport.py,
the logic shared with aiogram in handlers/telegram_send.py). Nothing here imports aiogram."""
