"""when the bot could write to a chat again

A group that adds the bot back (or a rider who unblocks it) is written to again, and the case news it
refused meanwhile is sent again (bot.services.people.set_reachable). A send refused just before that,
whose outcome is recorded just after, must not undo it (the chat marked blocked again, the message
left refused): the sender compares its send's time with this one.
- chat.reachable_at: when the chat last became reachable again (NULL: never lost).

Revision ID: 0025_chat_reachable_at
Revises: 0024_watcher_message_index
"""
import sqlalchemy as sa
from alembic import op


revision = '0025_chat_reachable_at'
down_revision = '0024_watcher_message_index'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('chat') as batch:
        batch.add_column(sa.Column('reachable_at', sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('chat') as batch:
        batch.drop_column('reachable_at')
