"""The Telegram adapter on aiogram: updates in (polling or webhook), each turned into the chat
layer's neutral events (handlers/chat.py), and the outbox's messages out (transport.py)."""
