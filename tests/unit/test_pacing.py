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


def test_chats_sent_to_once_are_forgotten_once_their_windows_pass() -> None:
    # bench_city: a city's sender reaches thousands of chats that then stay quiet; each kept an
    # entry until that chat was asked about again (never, for most), so memory grew with every
    # chat ever sent to. A sweep, at most once per longest window, drops those all of whose
    # stamps have left it.
    clock = Clock()
    pacer = _pacer(clock)
    for chat in range(1, 1001):
        pacer.record(-chat)
        pacer.answered(-chat)
    pacer.record(-5000)  # still in flight: kept
    assert len(pacer._sent) == 1000
    clock.now += 30
    pacer.record(-1)
    pacer.answered(-1)  # within the minute: nothing swept yet
    assert len(pacer._sent) == 1000
    clock.now += 31  # the first thousand's stamps are past the group minute; -1's second one is not
    pacer.record(-2)
    pacer.answered(-2)
    assert set(pacer._sent) == {-1, -2}
    assert pacer.chat_left(-1) == 19 and pacer.chat_left(-2) == 19
    assert pacer._chat_in_flight == {-5000: 1}


def test_a_429_hold_longer_than_the_window_survives_the_sweep() -> None:
    # found in review: a hold's stamps lie ahead of an answer that came back after it, so the
    # sweep must not judge a chat by its last stamp alone
    clock = Clock()
    pacer = _pacer(clock)
    pacer.record(-1)
    pacer.record(-1)
    clock.now += 0.5
    pacer.answered(-1)
    pacer.penalise(-1, 120)  # Telegram: retry after 120 s
    clock.now += 0.5
    pacer.answered(-1)  # the other send's answer, stamped after the hold's
    clock.now += 61
    pacer.record(7)
    pacer.answered(7)  # a sweep
    assert abs(pacer.chat_wait(-1) - (220.5 - clock.now)) < 1e-9


def test_a_shared_pacers_past_waits_are_swept_too() -> None:
    from bot.shared_pacing import SharedPacer

    clock = Clock()
    pacer = SharedPacer("redis://127.0.0.1:6379/0", "t", 30, 20, 1, clock=clock, is_group=lambda chat_id: chat_id < 0)
    pacer._shared_wait.update({-1: clock.now + 5, -2: clock.now + 90})
    clock.now += 61
    pacer.record(7)
    pacer.answered(7)
    assert pacer._shared_wait == {-2: 100.0 + 90}
    assert pacer.chat_wait(-2) > 0 and pacer.chat_wait(-1) == 0.0
