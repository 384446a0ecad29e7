"""One update must never stop the others (issue 12 §1): every reproduction, on SQLite and PostgreSQL.

Huge ids typed or forged are answered at the edge; an update that fails for a reason no retry
can fix is dead-lettered (stored, confirmed, its sender told) and the bot goes on; a retryable
failure is retried a bounded number of times; SIGTERM mid-retry stops at once; an update the
client library cannot parse is dead-lettered alone, in polling and webhook mode alike.
"""
from __future__ import annotations

import asyncio
import json
import os
import sqlite3
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.exc import OperationalError
from sqlmodel import select

import handlers.polling as polling
from storage.models import Case
from storage.models.deadletter import DeadLetter
from tests.conftest import (BOSS, GROUP, LI, AMY, RunningBot, answer_for, private, said, until, with_boss)
from tests.e2e.test_runtime import _free_port

REPO = Path(__file__).resolve().parents[2]
HUGE = "99999999999999999999"  # above 2^64
ABOVE_INT32 = "99999999999"     # above 2^31
# every button prefix in bot.buttons.PREFIXES (tests/unit/test_ids.py checks this list is complete)
FORGED = [f"ri:{HUGE}:a", f"rb:{HUGE}:1", f"rb:1:{HUGE}", f"vh:{HUGE}:2:a", f"vh:1:{HUGE}:a", f"bc:go:{HUGE}",
          f"bc:x:{ABOVE_INT32}", f"sv:{HUGE}:1", f"ca:{HUGE}:accept", "ca:1:x", "ca:1:9223372036854775808", f"cf:{HUGE}:y", f"rp:{HUGE}:y",
          f"pt:r:{HUGE}", f"pr:{HUGE}:y", f"ls:{HUGE}:d", "ca:2147483648:start", "ri:-1:a", "ls:1:99999",
          f"cd:{HUGE}:as:road_maintenance", f"vt:{HUGE}:road", f"vp:{HUGE}", "vp:9999999999",
          f"dp:{HUGE}:s", "dp:1:x", f"dv:{HUGE}:0", "dv:1:999", "dv:2147483648:1", f"dc:{HUGE}", "dc:2147483648"]


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def _letters(db: Any) -> list[DeadLetter]:
    async with db() as s:
        return list((await s.exec(select(DeadLetter).order_by(DeadLetter.id))).all())


async def _settled(tg: Any) -> None:
    """Every update confirmed to the emulator (the bot moved its offset past them)."""
    async def done() -> bool:
        return (await tg.stats())["pending_updates"] == 0
    await until(done, timeout=20)


def _clean(text: str) -> None:
    assert "Traceback" not in text and "Error" not in text and "case-action" not in text, text


async def test_huge_numbers_typed_get_a_clear_answer(bot, tg, db) -> None:
    await said(tg, BOSS["id"], BOSS, "/start")
    expect = {
        f"/fulfil R{ABOVE_INT32} x": "R" + ABOVE_INT32,
        f"/refuse R{HUGE} no": "R" + HUGE,
        f"/case C-{ABOVE_INT32}": "找不到工单",
        f"/accept C-{HUGE}": "找不到工单",
        f"/dup C-1 C-{ABOVE_INT32}": "找不到工单",
        f"/recat C-{ABOVE_INT32} road": "找不到工单",
        f"/reportins approve {ABOVE_INT32}": "",
        f"/hours approve {HUGE}": "",
        f"/points grant {HUGE} 5 thanks": HUGE[:10],
        f"/points grant 501 {HUGE} thanks": "",
        f"/survey results {ABOVE_INT32}": "",
        f"/broadcasts cancel {HUGE}": "",
        f"/stats lessons {HUGE}": "",
        f"/needs {HUGE}": "",
        f"/lessons {HUGE}": "",
        "/stats lessons ²": "",
        f"/points revoke #{HUGE} 误发": HUGE[:10],
        f"/points revoke #{ABOVE_INT32} 误发": ABOVE_INT32,
        "/audit ²": "",  # NFKC: ² is 2, as a phone keyboard may type it
        f"/audit {HUGE}": "/audit",
    }
    for command, needle in expect.items():
        reply = await said(tg, BOSS["id"], BOSS, command)
        _clean(reply["text"])
        assert needle in reply["text"], (command, reply["text"])
    await _settled(tg)
    assert await _letters(db) == []


async def test_forged_buttons_for_every_prefix_are_refused_quietly(bot, tg, db) -> None:
    start = await said(tg, LI["id"], LI, "/start")
    for data in FORGED:
        qid = await tg.press(LI["id"], start["message_id"], LI, data)
        answer = await answer_for(tg, qid)
        _clean(answer.get("text") or "")
    assert len(await tg.messages(LI["id"])) == 1  # a press is answered on the button, nothing posted
    await _settled(tg)
    assert await _letters(db) == []


async def test_unfixable_failure_is_dead_lettered_and_the_rest_flow(bot, tg, db, monkeypatch) -> None:
    """The original fault: an id past the column reaches the database (DataError on PostgreSQL,
    OverflowError on SQLite). Now it is dead-lettered once; the updates behind it are handled."""
    import bot.services.cases as cases_module
    monkeypatch.setattr(cases_module, "parse_case_no", lambda s: int("".join(c for c in s if c.isdigit())))
    await said(tg, BOSS["id"], BOSS, "/start")
    poison = await tg.send(private(BOSS), BOSS, f"/case C-{HUGE}")
    behind = [await tg.send(GROUP, LI, "幸福小区3号门的路灯坏了"), await tg.send(private(AMY), AMY, "/help")]
    sorry = (await tg.wait(BOSS["id"], 2))[1]
    assert "已记录" in sorry["text"] and sorry["reply_to_message_id"] == poison["message_id"]
    [case_reply] = await tg.wait(GROUP["id"], 1)
    assert case_reply["reply_to_message_id"] == behind[0]["message_id"]
    assert "help" in (await tg.wait(AMY["id"], 1))[0]["text"].lower()
    await _settled(tg)
    [letter] = await _letters(db)
    assert letter.update_id == poison["update_id"] and letter.status == "dead"
    assert json.loads(letter.raw)["message"]["text"] == f"/case C-{HUGE}"
    assert "Overflow" in letter.error or "int32 range" in letter.error


def _locked() -> OperationalError:
    return OperationalError("SELECT 1", {}, sqlite3.OperationalError("database is locked"))


async def test_retryable_failure_is_retried_within_a_bound(bot, tg, db, monkeypatch) -> None:
    monkeypatch.setattr(polling, "FIRST_DELAY", 0.01)
    reports, calls = bot.core.reports, {"n": 0}
    real = reports.my_cases

    async def flaky(*args: Any, **kwargs: Any) -> Any:
        calls["n"] += 1
        if calls["n"] <= 2:  # twice unwell (the batch, the first retry), then fine
            raise _locked()
        return await real(*args, **kwargs)
    monkeypatch.setattr(reports, "my_cases", flaky)
    reply = await said(tg, LI["id"], LI, "/mycases")
    _clean(reply["text"])
    await _settled(tg)
    assert calls["n"] == 3 and await _letters(db) == []

    async def always(*args: Any, **kwargs: Any) -> Any:
        calls["n"] += 1
        raise _locked()
    calls["n"] = 0
    monkeypatch.setattr(reports, "my_cases", always)
    sent = await tg.send(private(LI), LI, "/mycases")
    await tg.send(private(AMY), AMY, "/help")
    sorry = (await tg.wait(LI["id"], 2))[1]
    assert "已记录" in sorry["text"]
    await tg.wait(AMY["id"], 1)
    await _settled(tg)
    [letter] = await _letters(db)
    assert letter.update_id == sent["update_id"] and letter.attempts == polling.MAX_TRIES
    assert calls["n"] == polling.MAX_TRIES + 1  # the batch's try, then the bounded tries alone


async def test_stop_during_retries_is_prompt_and_leaves_the_update(bot, tg, db, monkeypatch) -> None:
    monkeypatch.setattr(polling, "FIRST_DELAY", 60.0)
    calls = {"n": 0}

    async def always(*args: Any, **kwargs: Any) -> Any:
        calls["n"] += 1
        raise _locked()
    monkeypatch.setattr(bot.core.reports, "my_cases", always)
    await tg.send(private(LI), LI, "/mycases")

    async def retrying() -> bool:
        return calls["n"] >= 2
    await until(retrying)
    started = time.monotonic()
    await bot.stop()
    assert time.monotonic() - started < 5
    assert (await tg.stats())["pending_updates"] == 1  # unconfirmed: it comes again on the next run
    assert await _letters(db) == []


async def test_unparseable_update_is_dead_lettered_alone(bot, tg, db) -> None:
    await said(tg, LI["id"], LI, "/start")
    bad = await tg.inject({"message": {"message_id": 99, "chat": private(LI), "from": LI, "text": "hi"}})  # no date
    await tg.inject({"message": {"chat": {"id": "not a number"}}})
    reply = await said(tg, AMY["id"], AMY, "/help")
    assert "/report" in reply["text"]
    sorry = (await tg.wait(LI["id"], 2))[1]  # the sender of the unreadable message is told, in their language
    assert "已记录" in sorry["text"]
    await _settled(tg)
    letters = await _letters(db)
    assert [d.update_id for d in letters][0] == bad and len(letters) == 2
    assert all("parsed" in d.error for d in letters)


async def test_webhook_mode_dead_letters_and_answers_200(settings, tg, db, monkeypatch) -> None:
    import bot.services.cases as cases_module
    monkeypatch.setattr(cases_module, "parse_case_no", lambda s: int("".join(c for c in s if c.isdigit())))
    port = _free_port()
    hooked = settings.model_copy(update={"webhook_url": f"http://127.0.0.1:{port}/webhook",
                                         "webhook_secret": "s3cret-token", "webhook_port": port})
    running = RunningBot(hooked, tg)
    await running.start(webhook=True)
    try:
        await tg.inject({"message": {"message_id": 1, "chat": private(AMY), "from": AMY}})  # no date
        await tg.send(private(BOSS), BOSS, f"/case C-{HUGE}")
        reply = await said(tg, GROUP, LI, "幸福小区3号门的路灯坏了")
        assert "C-000001" in reply["text"]
        await _settled(tg)
        assert len(await _letters(db)) == 2
        stats = await tg.stats()
        assert stats["calls"].get("setWebhook") and not stats["errors"].get("500")
    finally:
        await running.stop()


async def test_group_ignores_malformed_and_unknown_commands(bot, tg, db) -> None:
    for text in ("/", "//", "/ report", "/foo", "/foo bar", "/weather@other_bot", "undefined", "null", "NaN",
                 "[object Object]", "/@", "/foo@"):
        await tg.send(GROUP, LI, text)
    await tg.send(GROUP, LI, "/help")  # a marker: answered only after all of the above
    msgs = await tg.wait(GROUP["id"], 1)
    assert len(await tg.messages(GROUP["id"])) == 1 and "/report" in msgs[0]["text"]
    named = await said(tg, GROUP, LI, "/foo@rider_sentinel_bot")  # addressed to us by name: a pointer to /help
    assert "/help" in named["text"]
    async with db() as s:
        assert (await s.exec(select(Case))).all() == []
    unknown = await said(tg, AMY["id"], AMY, "/frobnicate")
    assert "Unknown command" in unknown["text"] and "/help" in unknown["text"]
    junk = await said(tg, LI["id"], LI, "/report undefined")
    assert "/report" in junk["text"]
    async with db() as s:
        assert (await s.exec(select(Case))).all() == []


async def _sentinel(settings: Any, *args: str) -> tuple[int, str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SENTINEL_")}
    env.update(SENTINEL_DATABASE_URL=settings.database_url, SENTINEL_BOT_TOKEN=settings.bot_token,
               SENTINEL_API_BASE=settings.api_base, PYTHONPATH=str(REPO), SENTINEL_LOG_LEVEL="WARNING")
    proc = await asyncio.create_subprocess_exec(sys.executable, "-m", "bot.cli", "deadletter", *args, env=env,
                                                cwd="/", stdout=asyncio.subprocess.PIPE,
                                                stderr=asyncio.subprocess.PIPE)
    out, err = await asyncio.wait_for(proc.communicate(), 120)
    assert proc.returncode is not None
    return proc.returncode, out.decode(), err.decode()


async def test_deadletter_cli_lists_shows_retries_and_drops(bot, tg, db, settings, monkeypatch) -> None:
    import bot.services.cases as cases_module
    monkeypatch.setattr(cases_module, "parse_case_no", lambda s: int("".join(c for c in s if c.isdigit())))
    await said(tg, BOSS["id"], BOSS, "/start")
    for n in (1, 2):
        await tg.send(private(BOSS), BOSS, f"/case C-{HUGE}{n}")
    await tg.wait(BOSS["id"], 3)
    await _settled(tg)
    monkeypatch.undo()  # the fix is deployed; the retry runs the code as it is now

    code, out, _ = await _sentinel(settings, "list")
    assert code == 0 and "#1" in out and "#2" in out and "2 dead letter(s)" in out
    code, out, _ = await _sentinel(settings, "show", "1")
    assert code == 0 and f"C-{HUGE}1" in out
    for bad, expected in ((("show", "abc"), 2), (("show", "999"), 1), (("drop", HUGE), 2)):  # 2: not an id
        code, out, err = await _sentinel(settings, *bad)
        assert code == expected and err.strip().count("\n") == 0 and "Traceback" not in err, (bad, err)
    code, out, err = await _sentinel(settings, "retry", "1")
    assert code == 0 and "handled" in out, err
    answered = (await tg.wait(BOSS["id"], 4))[3]  # the running bot sends what the retry queued
    assert "找不到工单" in answered["text"]
    code, _, err = await _sentinel(settings, "retry", "1")
    assert code == 1 and "retried" in err
    code, out, _ = await _sentinel(settings, "drop", "2")
    assert code == 0 and "dropped" in out
    code, out, _ = await _sentinel(settings, "list")
    assert "0 dead letter(s)" in out
    assert [d.status for d in await _letters(db)] == ["retried", "dropped"]
