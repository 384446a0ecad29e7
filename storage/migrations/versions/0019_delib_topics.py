"""a chat remembers whether it is a forum (Telegram's Chat.is_forum): a proposal on the agenda gets its own topic there

Revision ID: 0019_delib_topics
Revises: 0018
"""
from alembic import op
import sqlalchemy as sa


revision = '0019_delib_topics'
down_revision = '0018'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('chat') as batch:
        batch.add_column(sa.Column('is_forum', sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table('chat') as batch:
        batch.drop_column('is_forum')
