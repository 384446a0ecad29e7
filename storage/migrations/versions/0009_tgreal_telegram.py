"""Telegram as it behaves: a case's forum topic and album photos; albums in progress

Revision ID: 0009_tgreal
Revises: 0008
"""
import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision = '0009_tgreal'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("cases") as batch:
        batch.add_column(sa.Column("thread_id", sa.BigInteger(), nullable=True))
        batch.add_column(sa.Column("photos", sa.JSON(), nullable=True))
    op.create_table(
        "media_group",
        sa.Column("media_group_id", sa.String(length=64), primary_key=True),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("cases.id"), nullable=True),
        sa.Column("photos", sa.JSON(), nullable=False),
        sa.Column("hinted", sa.Boolean(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("media_group")
    with op.batch_alter_table("cases") as batch:
        batch.drop_column("photos")
        batch.drop_column("thread_id")
