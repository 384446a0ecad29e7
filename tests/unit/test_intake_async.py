""""Nothing stalls": the event loop keeps running while the semantic stage embeds a message.

`classify_async` decides lexically inline and runs only the encoder in a worker thread; the
same message gets the same answer as the synchronous `classify`.
"""
from __future__ import annotations

import asyncio
import time

import pytest

import bot.intake as intake
from bot.intake import Intake, classify, classify_async, reload_model
from bot.intake import semantic

needs_encoder = pytest.mark.skipif(not semantic.available(), reason="semantic extra not installed")

VAGUE = "嗯 那边那个东西好像有点不对劲 谁去看看"   # the lexical stage is unsure of it
OBVIOUS = "早上好兄弟们"                            # the lexical stage decides alone


@pytest.fixture
def cascade():
    reload_model()
    m = intake.get_model()
    yield m
    reload_model()


async def _ticks_while(coro, period: float = 0.005) -> tuple[object, int]:
    """Run `coro` beside a ticker; how many times the ticker ran before `coro` finished."""
    ticks = 0
    done = asyncio.Event()

    async def ticker() -> None:
        nonlocal ticks
        while not done.is_set():
            ticks += 1
            await asyncio.sleep(period)

    t = asyncio.create_task(ticker())
    await asyncio.sleep(0)  # let the ticker start
    ticks = 0
    try:
        result = await coro
    finally:
        done.set()
        await t
    return result, ticks


@needs_encoder
async def test_the_loop_keeps_ticking_while_the_encoder_runs(cascade):
    real = cascade.embed or semantic.embed
    slow_calls = []

    def slow_embed(text: str):
        """The real encoder, made slow enough that a blocked loop could not hide."""
        slow_calls.append(text)
        time.sleep(0.3)
        return real(text)

    cascade.embed = slow_embed
    routed = cascade.routed
    r, ticks = await _ticks_while(classify_async(VAGUE))
    assert slow_calls == [VAGUE] and cascade.routed == routed + 1   # it did reach the semantic stage
    assert isinstance(r, Intake)
    assert ticks >= 10, ticks   # a synchronous embed would have let the ticker run once at most


@needs_encoder
async def test_a_synchronous_call_would_block_the_loop(cascade):
    """The measuring stick above can fail: the same embed run on the loop starves the ticker."""
    real = cascade.embed or semantic.embed

    def slow_embed(text: str):
        time.sleep(0.3)
        return real(text)

    cascade.embed = slow_embed

    async def on_the_loop():
        return classify(VAGUE)

    _, ticks = await _ticks_while(on_the_loop())
    assert ticks <= 2, ticks


async def test_the_lexical_stage_decides_inline_without_a_thread(cascade, monkeypatch):
    calls = []
    real = asyncio.to_thread

    async def counting(fn, *a, **kw):
        calls.append(fn)
        return await real(fn, *a, **kw)

    monkeypatch.setattr(intake.asyncio, "to_thread", counting)
    r = await classify_async(OBVIOUS)
    assert not r.is_report and calls == []


@pytest.mark.parametrize("text", [
    VAGUE, OBVIOUS, "团结路的路灯坏了 一到晚上黑乎乎的", "那边好像有点问题 不知道要不要说",
    "manhole cover missing on Keyuan Rd near gate 2, someone will fall in", "",
    "站点附近能不能搞个休息的地方 夏天等单太热了",
])
async def test_async_and_sync_agree(cascade, text):
    assert await classify_async(text) == classify(text)


@needs_encoder
async def test_many_concurrent_messages_all_get_answers(cascade):
    texts = [VAGUE, "这个算不算要报的 感觉有点怪", "怎么感觉那块有点不对", OBVIOUS] * 3
    got = await asyncio.gather(*(classify_async(t) for t in texts))
    assert got == [classify(t) for t in texts]
