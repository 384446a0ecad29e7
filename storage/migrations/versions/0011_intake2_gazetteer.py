"""gazetteer (intake2): place text <-> coordinates learnt from riders' pins, per branch

Revision ID: 0011_intake2_gazetteer
Revises: 0010
Create Date: 2026-11-30 04:10:00
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel.sql.sqltypes


revision = '0011_intake2_gazetteer'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'gazetteer',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('branch_id', sa.Integer(), nullable=True),
        sa.Column('key', sqlmodel.sql.sqltypes.AutoString(length=128), nullable=False),
        sa.Column('place', sqlmodel.sql.sqltypes.AutoString(length=128), nullable=False),
        sa.Column('lat', sa.Float(), nullable=False),
        sa.Column('lon', sa.Float(), nullable=False),
        sa.Column('hits', sa.Integer(), nullable=False),
        sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint('id', name='pk_gazetteer'),
        sa.UniqueConstraint('branch_id', 'key', name='uq_gazetteer_branch_key'),
    )
    op.create_index('ix_gazetteer_branch_id', 'gazetteer', ['branch_id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_gazetteer_branch_id', table_name='gazetteer')
    op.drop_table('gazetteer')
