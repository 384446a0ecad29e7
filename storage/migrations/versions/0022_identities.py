"""platform identities (WeCom's string ids as the core's integers, persons across platforms) and /link codes

Revision ID: 0022_identities
Revises: 0021_media_upload
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel.sql.sqltypes


revision = '0022_identities'
down_revision = '0021_media_upload'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'identity',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('platform', sa.String(length=16), nullable=False),
        sa.Column('kind', sa.String(length=8), nullable=False),
        sa.Column('external_id', sa.String(length=128), nullable=False),
        sa.Column('number', sa.BigInteger(), nullable=False),
        sa.Column('user_id', sa.BigInteger(), nullable=True),
        sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column('linked_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.UniqueConstraint('platform', 'kind', 'external_id', name='uq_identity_external'),
        sa.UniqueConstraint('number', name='uq_identity_number'),
    )
    op.create_index('ix_identity_user', 'identity', ['user_id'])
    op.create_table(
        'link_code',
        sa.Column('code_hash', sa.String(length=64), primary_key=True),
        sa.Column('platform', sa.String(length=16), nullable=False),
        sa.Column('external_id', sa.String(length=128), nullable=False),
        sa.Column('user_id', sa.BigInteger(), nullable=False),
        sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column('expires_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column('used_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    )
    op.create_index('ix_link_code_user_id', 'link_code', ['user_id'])


def downgrade() -> None:
    op.drop_index('ix_link_code_user_id', 'link_code')
    op.drop_table('link_code')
    op.drop_index('ix_identity_user', 'identity')
    op.drop_table('identity')
