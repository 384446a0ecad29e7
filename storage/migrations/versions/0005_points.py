"""participation points bank: ledger, accounts, catalogue, redemptions

Revision ID: 0005
Revises: 0002
Create Date: 2026-11-25 15:00:00.000000
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel.sql.sqltypes


revision = '0005'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('points_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.BigInteger(), nullable=False),
    sa.Column('rule', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('points', sa.Integer(), nullable=False),
    sa.Column('source_key', sqlmodel.sql.sqltypes.AutoString(length=160), nullable=False),
    sa.Column('reverses_id', sa.Integer(), nullable=True),
    sa.Column('branch_id', sa.Integer(), nullable=True),
    sa.Column('actor_id', sa.BigInteger(), nullable=True),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=True),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['branch_id'], ['branch.id'], ),
    sa.ForeignKeyConstraint(['reverses_id'], ['points_entry.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('source_key', name='uq_points_entry_source_key')
    )
    with op.batch_alter_table('points_entry', schema=None) as batch_op:
        batch_op.create_index('ix_points_entry_user', ['user_id', 'created_at'], unique=False)
        batch_op.create_index('ix_points_entry_branch', ['branch_id', 'created_at'], unique=False)

    op.create_table('points_account',
    sa.Column('user_id', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('balance', sa.Integer(), nullable=False),
    sa.Column('entries', sa.Integer(), nullable=False),
    sa.Column('tier', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('hide_name', sa.Boolean(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.CheckConstraint('balance >= 0', name='ck_points_account_balance'),
    sa.PrimaryKeyConstraint('user_id')
    )
    op.create_table('points_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('name_zh', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('name_en', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('cost', sa.Integer(), nullable=False),
    sa.Column('stock', sa.Integer(), nullable=False),
    sa.Column('per_user', sa.Integer(), nullable=False),
    sa.Column('per_days', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.CheckConstraint('stock >= 0', name='ck_points_item_stock'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('code')
    )
    op.create_table('points_redemption',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.BigInteger(), nullable=False),
    sa.Column('cost', sa.Integer(), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('branch_id', sa.Integer(), nullable=True),
    sa.Column('chat_id', sa.BigInteger(), nullable=False),
    sa.Column('lang', sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
    sa.Column('decided_by', sa.BigInteger(), nullable=True),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=True),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('decided_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['branch_id'], ['branch.id'], ),
    sa.ForeignKeyConstraint(['item_id'], ['points_item.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('points_redemption', schema=None) as batch_op:
        batch_op.create_index('ix_points_redemption_user', ['user_id', 'item_id'], unique=False)
        batch_op.create_index('ix_points_redemption_status', ['status', 'branch_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('points_redemption', schema=None) as batch_op:
        batch_op.drop_index('ix_points_redemption_status')
        batch_op.drop_index('ix_points_redemption_user')
    op.drop_table('points_redemption')
    op.drop_table('points_item')
    op.drop_table('points_account')
    with op.batch_alter_table('points_entry', schema=None) as batch_op:
        batch_op.drop_index('ix_points_entry_branch')
        batch_op.drop_index('ix_points_entry_user')
    op.drop_table('points_entry')
