"""The sender's pacer counts every window from a send's answer, as Telegram sees it arrive."""
from __future__ import annotations

from bot.pacing import Pacer


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def _pacer(clock: Clock) -> Pacer:
    return Pacer(30, 20, 1, clock=clock, is_group=lambda chat_id: chat_id < 0)


def test_a_private_chat_waits_one_second_after_the_answer_not_the_dispatch() -> None:
    # scripts/bench_city.py met a 429 on a secretary's private chat: the previous send's request
    # was slow, so the next one, dispatched 1 s after it, reached Telegram less than 1 s later.
    clock = Clock()
    pacer = _pacer(clock)
    pacer.record(7)
    assert pacer.chat_wait(7) > 0 and pacer.chat_left(7) == 0  # in flight: the chat's one slot is taken
    clock.now += 0.4
    pacer.answered(7)  # the send took 0.4 s
    clock.now += 0.7   # 1.1 s after the dispatch, 0.7 s after the answer
    assert abs(pacer.chat_wait(7) - 0.3) < 1e-9
    clock.now += 0.3
    assert pacer.chat_wait(7) == 0.0 and pacer.chat_left(7) == 1


def test_a_group_counts_sends_in_flight_and_answered_within_its_minute() -> None:
    clock = Clock()
    pacer = _pacer(clock)
    for _ in range(19):
        pacer.record(-5)
        pacer.answered(-5)
    pacer.record(-5)  # the 20th, not yet answered
    assert pacer.chat_left(-5) == 0 and pacer.chat_wait(-5) > 0
    clock.now += 2.0
    pacer.answered(-5)
    clock.now += 58.0  # the first 19 answers leave the window; the 20th (answered at +2 s) stays
    assert pacer.chat_left(-5) == 19 and pacer.chat_wait(-5) == 0.0
    assert pacer.chat_left(-6) == 20  # other groups untouched


def test_a_429_holds_the_chat_for_its_retry_after() -> None:
    clock = Clock()
    pacer = _pacer(clock)
    pacer.record(7)
    pacer.answered(7)
    pacer.penalise(7, 3)
    assert abs(pacer.chat_wait(7) - 3.0) < 1e-9
    clock.now += 3.0
    assert pacer.chat_wait(7) == 0.0


def test_a_quiet_chat_is_forgotten() -> None:
    clock = Clock()
    pacer = _pacer(clock)
    pacer.record(7)
    pacer.answered(7)
    clock.now += 5
    assert pacer.chat_wait(7) == 0.0
    assert 7 not in pacer._sent and 7 not in pacer._chat_in_flight
