"""case lifecycle, watchers, departments, unsure reports, corrections

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 13:22:36.965463
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel.sql.sqltypes


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('department_member',
    sa.Column('department', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('user_id', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.PrimaryKeyConstraint('department', 'user_id')
    )
    op.create_table('pending_report',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('chat_id', sa.BigInteger(), nullable=False),
    sa.Column('message_id', sa.BigInteger(), nullable=False),
    sa.Column('user_id', sa.BigInteger(), nullable=False),
    sa.Column('text', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('category', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('urgency', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('location', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.Column('photo_file_id', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=True),
    sa.Column('lang', sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
    sa.Column('answer', sqlmodel.sql.sqltypes.AutoString(length=8), nullable=True),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('case_watcher',
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('chat_id', sa.BigInteger(), nullable=False),
    sa.Column('message_id', sa.BigInteger(), nullable=True),
    sa.Column('lang', sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], ),
    sa.PrimaryKeyConstraint('case_id', 'user_id')
    )
    op.create_table('correction',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=True),
    sa.Column('text', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('is_report', sa.Boolean(), nullable=False),
    sa.Column('category', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True),
    sa.Column('urgency', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=True),
    sa.Column('actor_id', sa.BigInteger(), nullable=True),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.add_column(sa.Column('branch_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('pending_department', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True))
        batch_op.add_column(sa.Column('transfers', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('reopens', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('master_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('resolution_photo', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=True))
        batch_op.add_column(sa.Column('reminders', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('resolved_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column('closed_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
        batch_op.create_index(batch_op.f('ix_cases_branch_id'), ['branch_id'], unique=False)
        batch_op.create_index('ix_cases_recent', ['category', 'created_at'], unique=False)
        batch_op.create_foreign_key('fk_cases_master_id', 'cases', ['master_id'], ['id'])
        batch_op.create_foreign_key('fk_cases_branch_id', 'branch', ['branch_id'], ['id'])



def downgrade() -> None:
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_constraint('fk_cases_branch_id', type_='foreignkey')
        batch_op.drop_constraint('fk_cases_master_id', type_='foreignkey')
        batch_op.drop_index('ix_cases_recent')
        batch_op.drop_index(batch_op.f('ix_cases_branch_id'))
        batch_op.drop_column('closed_at')
        batch_op.drop_column('resolved_at')
        batch_op.drop_column('reminders')
        batch_op.drop_column('resolution_photo')
        batch_op.drop_column('master_id')
        batch_op.drop_column('reopens')
        batch_op.drop_column('transfers')
        batch_op.drop_column('pending_department')
        batch_op.drop_column('branch_id')

    op.drop_table('correction')
    op.drop_table('case_watcher')
    op.drop_table('pending_report')
    op.drop_table('department_member')
