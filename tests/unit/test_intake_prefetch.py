"""The encoder runs before an update's unit of work opens (issue 18).

An update holds a database connection from its first statement to its commit (on SQLite the
only one). `bot.intake.prefetch` embeds, ahead of it, the messages the lexical stage is unsure
of; `classify_async` takes that embedding instead of making it inside the transaction. The
polling loop (handlers/polling.py, both Telegram runtimes, webhook and long polling) does so for
every update.
"""
from __future__ import annotations

import asyncio
import threading
import time

import pytest

import bot.intake as intake
from bot.intake import classify, classify_async, prefetch, reload_model
from bot.intake import semantic
from handlers import polling

needs_encoder = pytest.mark.skipif(not semantic.available(), reason="semantic extra not installed")

VAGUE = "嗯 那边那个东西好像有点不对劲 谁去看看"   # the lexical stage is unsure of it
VAGUE2 = "那个地方好像又出问题了 有人管吗"
OBVIOUS = "早上好兄弟们"                            # the lexical stage decides alone


@pytest.fixture
def cascade():
    reload_model()
    intake._PREFETCHED.clear()
    m = intake.get_model()
    if m.semantic is None:
        pytest.skip("no semantic heads")
    real = semantic.embed
    calls: list[str] = []

    def counted(text: str):
        calls.append(text)
        time.sleep(0.05)  # slow enough that "before" and "after" are told apart
        return real(text)

    m.embed = counted
    m.calls = calls
    yield m
    intake._PREFETCHED.clear()
    reload_model()


@needs_encoder
async def test_a_prefetched_embedding_is_used_not_made_again(cascade):
    assert intake._lexical_stage(cascade, VAGUE, None, count=False).__class__.__name__ == "_Unsure"
    assert await prefetch([VAGUE]) == 1
    assert cascade.calls == [VAGUE]
    routed = cascade.routed
    r = await classify_async(VAGUE)
    assert cascade.calls == [VAGUE]            # taken, not embedded again
    assert cascade.routed == routed + 1        # classify still counts it; prefetch does not
    assert r == classify(VAGUE)                # the same answer as the synchronous path
    assert VAGUE not in intake._PREFETCHED     # used once


@needs_encoder
async def test_only_what_the_semantic_stage_will_need_is_embedded(cascade):
    assert await prefetch([OBVIOUS, "/resolve 12 已修好", "", "   ", None, VAGUE]) == 1
    assert cascade.calls == [VAGUE]


@needs_encoder
async def test_each_embedding_is_used_once(cascade):
    await prefetch([VAGUE])
    await classify_async(VAGUE)
    await classify_async(VAGUE)               # the same text again (another rider): embedded anew
    assert cascade.calls == [VAGUE, VAGUE]


@needs_encoder
async def test_without_waiting_classify_waits_for_its_own_embedding(cascade):
    t0 = time.monotonic()
    assert await prefetch([VAGUE, VAGUE2], wait=False) == 2
    assert time.monotonic() - t0 < 0.05        # started, not made
    r = await classify_async(VAGUE2)
    assert sorted(cascade.calls) == sorted([VAGUE, VAGUE2])
    assert r == classify(VAGUE2)
    await classify_async(VAGUE)
    assert len(cascade.calls) == 2 + 1         # the classify() above; none for the prefetched ones


@needs_encoder
async def test_unused_embeddings_are_dropped_oldest_first(cascade, monkeypatch):
    monkeypatch.setattr(intake, "PREFETCH_KEPT", 1)
    await prefetch([VAGUE])
    await prefetch([VAGUE2])
    assert list(intake._PREFETCHED) == [VAGUE2]


@needs_encoder
async def test_a_failed_prefetch_is_made_again_when_classifying(cascade):
    good = cascade.embed
    cascade.embed = lambda text: (_ for _ in ()).throw(RuntimeError("encoder out of memory"))
    assert await prefetch([VAGUE]) == 1        # never raises
    cascade.embed = good
    assert await classify_async(VAGUE) == classify(VAGUE)


class _Source:
    """An UpdateSource that records, when an update is fed, whether its embedding was made."""
    library = "test"

    def __init__(self) -> None:
        self.made_before_feed: list[bool] = []

    async def feed(self, update: object, raw: dict, batch: object) -> None:
        text = raw["message"].get("text") or raw["message"].get("caption")
        waiting = intake._PREFETCHED.get(text, [])
        self.made_before_feed.append(bool(waiting) and all(f.done() for f in waiting))

    async def dead_letter(self, raw: dict, error: object, attempts: int) -> None:  # pragma: no cover
        raise AssertionError(error)


@needs_encoder
@pytest.mark.parametrize("key", ["text", "caption"])
async def test_an_update_is_fed_only_once_its_embedding_is_made(cascade, key):
    """The webhook's path: on the old code the update was fed first and embedded inside its
    unit of work, holding the database connection while the encoder ran."""
    source = _Source()
    raw = {"update_id": 1, "message": {"message_id": 1, "chat": {"id": -1, "type": "group"}, key: VAGUE}}
    assert await polling._handle_one(source, object(), raw, asyncio.Event())
    assert source.made_before_feed == [True]


def test_message_texts_reads_messages_edits_and_captions():
    raws = [{"message": {"text": "a"}}, {"edited_message": {"caption": "b"}}, {"callback_query": {"data": "x"}},
            {"message": {"photo": []}}, {"message": "not a dict"}]
    assert polling.message_texts(raws) == ["a", "b"]


VAGUE3 = "那个东西又坏了吧 有没有人知道"  # unsure, and the two stages answer it differently


async def _until(condition) -> None:
    while not condition():
        await asyncio.sleep(0.001)


def _shed_total() -> float:
    from prometheus_client import REGISTRY
    return REGISTRY.get_sample_value("sentinel_intake_unsure_total", {"stage": "lexical"}) or 0.0


@needs_encoder
async def test_an_unsure_message_waits_for_the_encoder_no_longer_than_the_budget(cascade, monkeypatch):
    """At a peak the unsure messages outrun the encoder; one that would wait longer than
    `wait_s` for it is decided by the lexical stage alone at once (counted), the others keep
    their embeddings, and once the encoder has caught up nothing is shed."""
    full = {t: classify(t) for t in (VAGUE, VAGUE2, VAGUE3)}  # with both stages
    gate, real = threading.Event(), semantic.embed

    def gated(text: str):
        cascade.calls.append(text)
        assert gate.wait(10)
        return real(text)

    cascade.embed = gated
    encoder = intake._Encoder()
    encoder.seconds = 0.1                      # as measured: 0.1 s an embedding
    monkeypatch.setattr(intake, "_ENCODER", encoder)
    cascade.wait_s = 0.25                      # so a third in the queue would wait 0.3 s
    lexical_only = intake._final_stage(cascade, intake._lexical_stage(cascade, VAGUE3, None, count=False), None)
    assert lexical_only != full[VAGUE3]        # the two stages answer it differently
    shed, counted = cascade.shed, _shed_total()
    first = [asyncio.create_task(classify_async(t)) for t in (VAGUE, VAGUE2)]
    await asyncio.wait_for(_until(lambda: encoder.waiting == 2), 10)
    assert await asyncio.wait_for(classify_async(VAGUE3), 1) == lexical_only   # at once, not after the queue
    assert (cascade.shed, _shed_total()) == (shed + 1, counted + 1)
    assert await prefetch([VAGUE3], wait=False) == 0                           # nor started ahead
    gate.set()
    assert await asyncio.gather(*first) == [full[VAGUE], full[VAGUE2]]  # the queued kept theirs
    assert encoder.waiting == 0
    encoder.seconds = 0.1                      # (the gated ones' time counted their wait on the gate)
    calls = len(cascade.calls)
    # the one prefetch passed over is decided alone by its classification (not embedded inside the
    # unit of work that follows a prefetch); caught up, the next is embedded again
    assert await classify_async(VAGUE3) == lexical_only
    assert await classify_async(VAGUE3) == full[VAGUE3]
    assert cascade.shed == shed + 2 and cascade.calls[calls:] == [VAGUE3]


@needs_encoder
async def test_the_encoder_takes_no_more_than_its_share_of_a_core(cascade, monkeypatch):
    """At a city's peak the unsure messages alone would keep the encoder busy all the time and
    starve the rest of the bot; beyond `share` of one core over the last ENCODER_WINDOW_S the
    lexical stage decides alone, and once the window has passed the encoder is used again."""
    full = {t: classify(t) for t in (VAGUE, VAGUE2, VAGUE3)}
    made = {t: semantic.embed(t) for t in (VAGUE, VAGUE2, VAGUE3)}
    cascade.calls.clear()
    now = [1000.0]

    def timed(text: str):  # 0.1 s of encoder time each, by the encoder's own clock
        cascade.calls.append(text)
        now[0] += 0.1
        return made[text]

    cascade.embed = timed
    monkeypatch.setattr(intake, "_ENCODER", intake._Encoder(clock=lambda: now[0], cpu=lambda: now[0]))
    cascade.share = 0.25 / intake.ENCODER_WINDOW_S  # 0.25 s of encoder time in the window: two embeddings
    shed = cascade.shed
    assert [await classify_async(VAGUE), await classify_async(VAGUE2)] == [full[VAGUE], full[VAGUE2]]
    lexical_only = intake._final_stage(cascade, intake._lexical_stage(cascade, VAGUE3, None, count=False), None)
    assert await classify_async(VAGUE3) == lexical_only != full[VAGUE3]    # a third would be 0.3 s
    assert await prefetch([VAGUE3], wait=False) == 0                      # not started ahead either:
    assert await classify_async(VAGUE3) == lexical_only                   # its classification is alone
    assert cascade.shed == shed + 2 and cascade.calls == [VAGUE, VAGUE2]
    now[0] += intake.ENCODER_WINDOW_S                                      # the window moves on
    assert await classify_async(VAGUE3) == full[VAGUE3]
    assert cascade.shed == shed + 2 and cascade.calls == [VAGUE, VAGUE2, VAGUE3]


def test_a_cancelled_embedding_leaves_the_encoders_count():
    """An embedding cancelled before it ran (its caller gave up) is no longer counted as waiting:
    otherwise the encoder would look ever further behind and shed every message until restart."""
    gate = threading.Event()
    encoder = intake._Encoder()
    running = encoder.submit(lambda text: gate.wait(10), "a")
    queued = encoder.submit(lambda text: gate.wait(10), "b")
    assert encoder.waiting == 2
    assert queued.cancel()
    assert encoder.waiting == 1
    gate.set()
    running.result(10)
    assert encoder.waiting == 0
