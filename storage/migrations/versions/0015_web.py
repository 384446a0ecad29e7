"""Dashboard: login links and sessions (web_token), indexes for its aggregates

Revision ID: 0015_web
Revises: 0012
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel.sql.sqltypes


revision = '0015_web'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'web_token',
        sa.Column('token_hash', sa.String(length=64), primary_key=True),
        sa.Column('kind', sa.String(length=8), nullable=False),
        sa.Column('user_id', sa.BigInteger(), nullable=False),
        sa.Column('csrf', sa.String(length=64), nullable=False, server_default=''),
        sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column('expires_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column('used_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    )
    op.create_index('ix_web_token_user_id', 'web_token', ['user_id'])
    op.create_index('ix_cases_branch_created', 'cases', ['branch_id', 'created_at'])
    op.create_index('ix_cases_created', 'cases', ['created_at'])
    op.create_index('ix_cases_resolved', 'cases', ['resolved_at'])
    op.create_index('ix_cases_updated', 'cases', ['updated_at'])
    op.create_index('ix_cases_geo', 'cases', ['lat', 'lon', 'branch_id'])
    op.create_index('ix_cases_branch_geo', 'cases', ['branch_id', 'lat', 'lon'])
    op.create_index('ix_cases_lon', 'cases', ['lon'])
    op.create_index('ix_cases_dash', 'cases', ['department', 'category', 'status', 'branch_id', 'created_at',
                                               'responded_at', 'resolved_at', 'due_at', 'fix_due_at'])


def downgrade() -> None:
    op.drop_index('ix_cases_dash', 'cases')
    op.drop_index('ix_cases_lon', 'cases')
    op.drop_index('ix_cases_branch_geo', 'cases')
    op.drop_index('ix_cases_geo', 'cases')
    op.drop_index('ix_cases_updated', 'cases')
    op.drop_index('ix_cases_resolved', 'cases')
    op.drop_index('ix_cases_created', 'cases')
    op.drop_index('ix_cases_branch_created', 'cases')
    op.drop_index('ix_web_token_user_id', 'web_token')
    op.drop_table('web_token')
