"""Outgoing rate limits, counted the way Telegram counts them: sliding windows.

Telegram answers 429 above ~30 messages/s overall, ~20/min in one group and
~1/s in one private chat. Every limit here is a sliding window (a token bucket
would let any one second carry up to twice its rate after a pause). Every
window counts a message from the moment it is dispatched until one window after
its answer came back: a send that reached Telegram late still counts in
Telegram's window, so a private chat's next message never lands 0.99 s after
the last one because the last one's request was slow (seen as a 429 in
scripts/bench_city.py when chat windows counted from the dispatch).
"""
from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable

GLOBAL_WINDOW = 1.0  # seconds
IN_FLIGHT_POLL = 0.002  # seconds to wait when only sends in flight fill the global window


class Pacer:
    def __init__(self, global_per_sec: float, group_per_min: int, private_per_sec: float,
                 clock: Callable[[], float] = time.monotonic, group_window: float = 60.0, *,
                 is_group: Callable[[int], bool]) -> None:
        """`is_group`: the platform's word on which chats are groups (bot/platform.py)."""
        self.is_group = is_group
        self._clock = clock
        self._global_limit = max(1, int(global_per_sec))
        self._answered: deque[float] = deque()  # when recent sends' answers came back
        self._in_flight = 0
        self._hold_until = 0.0  # after a global 429
        self._group = (group_per_min, group_window)
        self._private = (max(1, int(private_per_sec)), 1.0 if private_per_sec >= 1 else 1 / private_per_sec)
        self._sent: dict[int, deque[float]] = {}  # chat -> when its recent sends' answers came back
        self._chat_in_flight: dict[int, int] = {}
        self._swept = clock()  # when `_sweep` last ran

    def global_wait(self) -> float:
        """Seconds until one more message may be dispatched."""
        now = self._clock()
        if now < self._hold_until:
            return self._hold_until - now
        answered = self._answered
        while answered and answered[0] <= now - GLOBAL_WINDOW:
            answered.popleft()
        if len(answered) + self._in_flight < self._global_limit:
            return 0.0
        return answered[0] + GLOBAL_WINDOW - now if answered else IN_FLIGHT_POLL

    def _window(self, chat_id: int) -> tuple[int, float, deque[float] | None, int]:
        """(limit, window seconds, answered stamps still in the window, sends in flight)."""
        limit, window = self._group if self.is_group(chat_id) else self._private
        sent = self._sent.get(chat_id)
        now = self._clock()
        while sent and sent[0] <= now - window:
            sent.popleft()
        flying = self._chat_in_flight.get(chat_id, 0)
        if not sent and not flying:
            self._sent.pop(chat_id, None)  # a quiet chat costs no memory
        return limit, window, sent, flying

    def chat_wait(self, chat_id: int) -> float:
        """Seconds until this chat's window allows one more message."""
        limit, window, sent, flying = self._window(chat_id)
        if len(sent or ()) + flying < limit:
            return 0.0
        return sent[0] + window - self._clock() if sent else IN_FLIGHT_POLL

    def chat_left(self, chat_id: int) -> int:
        """Messages this chat may still get in its current window."""
        limit, _window, sent, flying = self._window(chat_id)
        return max(0, limit - len(sent or ()) - flying)

    async def reserve(self, chat_id: int) -> float:
        """Just before a send: take its slot in windows shared with other workers (a shared
        pacer); 0.0 when taken, else seconds until the chat may have it. Here always 0.0."""
        return 0.0

    def record(self, chat_id: int) -> None:
        """A message is dispatched to `chat_id`; call `answered` when the platform replies."""
        self._in_flight += 1
        self._chat_in_flight[chat_id] = self._chat_in_flight.get(chat_id, 0) + 1

    def answered(self, chat_id: int | None = None) -> None:
        """The platform answered the send to `chat_id`: from now on it counts for one window
        (a shared pacer also re-times its slot in Redis)."""
        now = self._clock()
        self._in_flight = max(0, self._in_flight - 1)
        self._answered.append(now)
        if chat_id is None:
            return
        flying = self._chat_in_flight.get(chat_id, 0) - 1
        if flying > 0:
            self._chat_in_flight[chat_id] = flying
        else:
            self._chat_in_flight.pop(chat_id, None)
        self._sent.setdefault(chat_id, deque()).append(now)
        if now - self._swept >= self._longest():
            self._sweep(now)

    def _longest(self) -> float:
        """The longest chat window, in seconds: how often `_sweep` runs."""
        return max(self._group[1], self._private[1])

    def _sweep(self, now: float) -> None:
        """Forget the chats whose stamps have all left their windows (a chat's entry goes only
        when that chat is asked about again, and most chats get one message, then none for hours:
        a city's sender would otherwise keep one entry per chat it ever sent to). At most once
        per longest window, from `answered`; each chat by `_window`'s own rule, which a 429's
        hold (stamps ahead of later answers) keeps until the hold ends."""
        self._swept = now
        for chat in list(self._sent):
            self._window(chat)

    def penalise(self, chat_id: int | None, seconds: float) -> None:
        """After a 429, hold everything (chat_id None) or the chat for `seconds`."""
        now = self._clock()
        if chat_id is None:
            self._hold_until = max(self._hold_until, now + seconds)
        else:
            limit, window = self._group if self.is_group(chat_id) else self._private
            self._sent[chat_id] = deque([now + seconds - window] * limit)
