"""Indexes that keep the hot path off full scans as the tables grow (migrations 0023_growth_indexes,
0024_watcher_message_index;
found by scripts/bench_growth.py, which EXPLAINs every hot-path statement on PostgreSQL)."""
from __future__ import annotations

from sqlalchemy import Index

from storage.models.core import CaseWatcher, OutboxMessage

_o = OutboxMessage.__table__.c  # type: ignore[attr-defined]
Index("ix_outbox_case", _o.case_id)  # a case's sent dialogs, when a transition settles them
# LIKE 'case:<id>:dialog-end:%' on PostgreSQL whatever the collation (created there only)
Index("ix_outbox_dedupe_prefix", _o.dedupe_key, postgresql_ops={"dedupe_key": "varchar_pattern_ops"}).ddl_if(
    dialect="postgresql")
# the case a follower's report was folded into, for a "+1" in reply to that report (CaseRepository.of_report)
_w = CaseWatcher.__table__.c  # type: ignore[attr-defined]
Index("ix_case_watcher_message", _w.chat_id, _w.message_id)
