"""perms: department memberships scoped to a branch; the audit of role changes

Revision ID: 0009_perms
Revises: 0008
Create Date: 2026-11-30 03:10:00

Memberships granted before this revision were global (any secretary could give one); they are
kept as global, and the superadmin can review them with /audit and revoke what they must.
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel.sql.sqltypes


revision = '0009_perms'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'department_member_new',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('department', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column('user_id', sa.BigInteger(), nullable=False),
        sa.Column('branch_id', sa.Integer(), nullable=True),
        sa.Column('granted_by', sa.BigInteger(), nullable=True),
        sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(['branch_id'], ['branch.id'], name='fk_department_member_branch_id'),
        sa.PrimaryKeyConstraint('id', name='pk_department_member'),
    )
    op.execute("INSERT INTO department_member_new (department, user_id, branch_id, created_at) "
               "SELECT department, user_id, NULL, CURRENT_TIMESTAMP FROM department_member")
    op.drop_table('department_member')
    op.rename_table('department_member_new', 'department_member')
    op.create_index('ix_department_member_user', 'department_member', ['user_id'], unique=False)
    op.create_index('ix_department_member_dept', 'department_member', ['department', 'branch_id'], unique=False)

    op.create_table(
        'audit_log',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column('actor_id', sa.BigInteger(), nullable=True),
        sa.Column('action', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column('target', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column('branch_id', sa.Integer(), nullable=True),
        sa.Column('before', sa.JSON(), nullable=False),
        sa.Column('after', sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint('id', name='pk_audit_log'),
    )
    op.create_index('ix_audit_log_at', 'audit_log', ['at'], unique=False)
    op.create_index('ix_audit_log_branch', 'audit_log', ['branch_id', 'at'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_audit_log_branch', table_name='audit_log')
    op.drop_index('ix_audit_log_at', table_name='audit_log')
    op.drop_table('audit_log')
    op.drop_index('ix_department_member_dept', table_name='department_member')
    op.drop_index('ix_department_member_user', table_name='department_member')
    op.create_table(
        'department_member_old',
        sa.Column('department', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column('user_id', sa.BigInteger(), autoincrement=False, nullable=False),
        sa.PrimaryKeyConstraint('department', 'user_id'),
    )
    op.execute("INSERT INTO department_member_old (department, user_id) "
               "SELECT DISTINCT department, user_id FROM department_member")
    op.drop_table('department_member')
    op.rename_table('department_member_old', 'department_member')
