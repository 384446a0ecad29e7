"""The Telegram adapter on python-telegram-bot: updates in (polling or webhook) through one
`TypeHandler` on a PTB `Application`, each turned into the chat layer's neutral events
(handlers/chat.py), the same handlers aiogram runs. Sending is shared: the outbox's one sender
and its transport (handlers/telegram_aiogram/transport.py)."""
