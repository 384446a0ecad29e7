"""dead_letter: updates given up on, with their raw JSON and error

Revision ID: 0009_poison
Revises: 0008
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel.sql.sqltypes


revision = '0009_poison'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'dead_letter',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('update_id', sa.BigInteger(), nullable=False),
        sa.Column('raw', sa.Text(), nullable=False),
        sa.Column('error', sa.Text(), nullable=False),
        sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column('status', sa.String(length=16), nullable=False),
        sa.Column('attempts', sa.Integer(), nullable=False),
    )
    op.create_index('ix_dead_letter_update_id', 'dead_letter', ['update_id'])
    op.create_index('ix_dead_letter_status', 'dead_letter', ['status'])


def downgrade() -> None:
    op.drop_table('dead_letter')
