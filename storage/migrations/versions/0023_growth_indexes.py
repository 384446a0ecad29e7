"""growth: the outbox's lookups on the hot path use indexes (scripts/bench_growth.py found them scanning)

A case's transition looks for its sent dialogs (`outbox.case_id`, kind, status) and for the
`case:<id>:dialog-end:` dedupe keys already queued (a prefix LIKE). With a row per message the
outbox is the fastest-growing table: at 100,000 cases both were sequential scans of it.
- ix_outbox_case: outbox(case_id).
- ix_outbox_dedupe_prefix (PostgreSQL only): dedupe_key with varchar_pattern_ops, so LIKE 'prefix%'
  uses an index whatever the database's collation (the unique constraint's index serves only
  equality there). SQLite plans LIKE by its own rules (case-insensitive by default) and is left be.

Revision ID: 0023_growth_indexes
Revises: 0022_identities
"""
from alembic import op


revision = '0023_growth_indexes'
down_revision = '0022_identities'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_outbox_case', 'outbox', ['case_id'])
    if op.get_bind().dialect.name == 'postgresql':
        op.create_index('ix_outbox_dedupe_prefix', 'outbox', ['dedupe_key'],
                        postgresql_ops={'dedupe_key': 'varchar_pattern_ops'})


def downgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        op.drop_index('ix_outbox_dedupe_prefix', 'outbox')
    op.drop_index('ix_outbox_case', 'outbox')
