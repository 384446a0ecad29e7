"""The outbox lookups of a case's transition use indexes (migration 0023_growth_indexes), so they
cost the same with a million messages stored as with ten (scripts/bench_growth.py measures it)."""
from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy import inspect, text

from storage.db import create_engine

CASE_DIALOGS = ("SELECT id FROM outbox WHERE kind = 'case-choose-department' AND case_id = 7 "
                "AND status = 'sent' AND sent_message_id IS NOT NULL ORDER BY id")
DIALOG_ENDS = "SELECT dedupe_key FROM outbox WHERE dedupe_key LIKE 'case:7:dialog-end:%'"


async def _plan(conn: Any, sql: str, postgres: bool) -> str:
    if postgres:  # the planner must not *need* a full scan: forbid it, and look at what it does instead
        await conn.execute(text("SET LOCAL enable_seqscan = off"))
        rows = (await conn.execute(text(f"EXPLAIN {sql}"))).all()
    else:
        rows = (await conn.execute(text(f"EXPLAIN QUERY PLAN {sql}"))).all()
    return "\n".join(str(r[-1]) for r in rows)


@asynccontextmanager
async def _connection(database_url: str) -> AsyncIterator[Any]:
    """A connection to the test's migrated database, in a transaction (SET LOCAL holds within it)."""
    engine = create_engine(database_url)
    try:
        async with engine.begin() as conn:
            yield conn
    finally:
        await engine.dispose()


async def _indexes(conn: Any, table: str) -> set[str]:
    return await conn.run_sync(lambda c: {i["name"] for i in inspect(c).get_indexes(table)})


async def test_a_cases_outbox_rows_are_found_by_index(database_url: str) -> None:
    postgres = database_url.startswith("postgresql")
    async with _connection(database_url) as conn:
        names = await _indexes(conn, "outbox")
        assert "ix_outbox_case" in names
        dialogs = await _plan(conn, CASE_DIALOGS, postgres)
        assert "ix_outbox_case" in dialogs, dialogs
        if postgres:
            assert "ix_outbox_dedupe_prefix" in names
            ends = await _plan(conn, DIALOG_ENDS, postgres)
            assert "Seq Scan on outbox" not in ends and "ix_outbox_dedupe_prefix" in ends, ends


async def test_the_case_a_followers_report_was_folded_into_is_found_by_index(database_url: str) -> None:
    """A "+1" to a duplicate report looks its case up by that message (CaseRepository.of_report)."""
    async with _connection(database_url) as conn:
        assert "ix_case_watcher_message" in await _indexes(conn, "case_watcher")
        plan = await _plan(conn, "SELECT case_id FROM case_watcher WHERE chat_id = -100 AND message_id = 7 "
                                 "ORDER BY case_id LIMIT 1", database_url.startswith("postgresql"))
        assert "ix_case_watcher_message" in plan, plan
