"""The conversation, finished: a follower's forum topic, an unsure report's topic and the case an edit put in doubt, a voice note's stored copy

Revision ID: 0013_conv
Revises: 0012
"""
import sqlalchemy as sa
from alembic import op

revision = '0013_conv'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("case_watcher") as batch:
        batch.add_column(sa.Column("thread_id", sa.BigInteger(), nullable=True))
    with op.batch_alter_table("pending_report") as batch:
        batch.add_column(sa.Column("thread_id", sa.BigInteger(), nullable=True))
        batch.add_column(sa.Column("case_id", sa.Integer(), nullable=True))
    with op.batch_alter_table("voice_report") as batch:
        batch.add_column(sa.Column("media_path", sa.String(length=255), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("voice_report") as batch:
        batch.drop_column("media_path")
    with op.batch_alter_table("pending_report") as batch:
        batch.drop_column("case_id")
        batch.drop_column("thread_id")
    with op.batch_alter_table("case_watcher") as batch:
        batch.drop_column("thread_id")
