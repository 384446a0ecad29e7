"""Open311: cases.source, and api_key for the integrations

Revision ID: 0011_open311
Revises: 0010
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel.sql.sqltypes


revision = '0011_open311'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('cases') as batch:
        batch.add_column(sa.Column('source', sa.String(length=16), nullable=False, server_default='chat'))
    op.create_table(
        'api_key',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('name', sa.String(length=64), nullable=False),
        sa.Column('key_hash', sa.String(length=64), nullable=False),
        sa.Column('branch_id', sa.Integer(), sa.ForeignKey('branch.id'), nullable=True),
        sa.Column('jurisdictions', sa.JSON(), nullable=True),
        sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column('revoked_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.UniqueConstraint('name'),
        sa.UniqueConstraint('key_hash'),
    )


def downgrade() -> None:
    op.drop_table('api_key')
    with op.batch_alter_table('cases') as batch:
        batch.drop_column('source')
