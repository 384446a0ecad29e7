"""voice reports (branch privacy): a voice note's file id and transcript per case

Revision ID: 0009_privacy_voice
Revises: 0008
Create Date: 2026-11-30 03:20:00
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel.sql.sqltypes


revision = '0009_privacy_voice'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'voice_report',
        sa.Column('case_id', sa.Integer(), nullable=False),
        sa.Column('file_id', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
        sa.Column('file_unique_id', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
        sa.Column('duration', sa.Integer(), nullable=False),
        sa.Column('transcript', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column('suggested', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True),
        sa.Column('decided_by', sa.BigInteger(), nullable=True),
        sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name='fk_voice_report_case'),
        sa.PrimaryKeyConstraint('case_id', name='pk_voice_report'),
    )


def downgrade() -> None:
    op.drop_table('voice_report')
