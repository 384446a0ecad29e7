"""Indexes that keep the hot path off full scans as the tables grow (migration 0023_growth_indexes;
found by scripts/bench_growth.py, which EXPLAINs every hot-path statement on PostgreSQL)."""
from __future__ import annotations

from sqlalchemy import Index

from storage.models.core import OutboxMessage

_o = OutboxMessage.__table__.c  # type: ignore[attr-defined]
Index("ix_outbox_case", _o.case_id)  # a case's sent dialogs, when a transition settles them
# LIKE 'case:<id>:dialog-end:%' on PostgreSQL whatever the collation (created there only)
Index("ix_outbox_dedupe_prefix", _o.dedupe_key, postgresql_ops={"dedupe_key": "varchar_pattern_ops"}).ddl_if(
    dialect="postgresql")
