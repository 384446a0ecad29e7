"""a follower's report message finds the case it was folded into by index

A "+1" in reply to a rider's report that opened no case (a duplicate folded into an earlier case)
looks the case up by that message: case_watcher(chat_id, message_id). The table grows with every
duplicate report; without the index the lookup read all of it.
- ix_case_watcher_message: case_watcher(chat_id, message_id).

Revision ID: 0024_watcher_message_index
Revises: 0023_growth_indexes
"""
from alembic import op


revision = '0024_watcher_message_index'
down_revision = '0023_growth_indexes'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_case_watcher_message', 'case_watcher', ['chat_id', 'message_id'])


def downgrade() -> None:
    op.drop_index('ix_case_watcher_message', 'case_watcher')
