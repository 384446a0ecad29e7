"""outbox: claims with a lease, so any of N workers may send a row and exactly one does

Revision ID: 0016_scale
Revises: 0012
"""
from alembic import op
import sqlalchemy as sa


revision = '0016_scale'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('outbox') as batch:
        batch.add_column(sa.Column('claimed_by', sa.String(length=64), nullable=True))
        batch.add_column(sa.Column('claimed_until', sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('outbox') as batch:
        batch.drop_column('claimed_until')
        batch.drop_column('claimed_by')
