"""outbox: an index on (case_id, kind), so a case transition finds the case's sent dialogs
(bot.services.case_dialogs) without reading the whole outbox

Revision ID: 0021_perf
Revises: 0020
"""
from alembic import op


revision = '0021_perf'
down_revision = '0020'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_outbox_case', 'outbox', ['case_id', 'kind'])


def downgrade() -> None:
    op.drop_index('ix_outbox_case', table_name='outbox')
