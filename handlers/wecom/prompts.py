"""Which question the bot last put to a member in their private chat with the app.

Why: on Telegram a member answers a case prompt ("send the note for C-000001") by replying to it,
and the chat layer reads the reply (handlers/case_choices.py). WeCom has no replies: a member just
sends the next message. So the transport notes a prompt it delivered to a private chat, and the
WeCom runtime reads the member's next plain text there as the reply to it — only while the prompt
is the last thing the bot said in that chat, and once.
"""
from __future__ import annotations


class PromptBook:
    def __init__(self) -> None:
        self._open: dict[int, int] = {}  # private chat → the prompt's message number

    def delivered(self, chat_id: int, message_number: int | None, is_prompt: bool) -> None:
        if is_prompt and message_number is not None:
            self._open[chat_id] = message_number
        else:
            self._open.pop(chat_id, None)  # the bot said something since: the prompt is no longer the question

    def open(self, chat_id: int) -> int | None:
        return self._open.get(chat_id)

    def answered(self, chat_id: int, message_number: int) -> None:
        if self._open.get(chat_id) == message_number:
            del self._open[chat_id]
