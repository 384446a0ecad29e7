"""broadcasts, their runs, and quick surveys

Revision ID: 0006
Revises: 0002
Create Date: 2026-11-25 14:30:00
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel.sql.sqltypes


revision = '0006'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'broadcast',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('author_id', sa.BigInteger(), nullable=False),
        sa.Column('branch_id', sa.Integer(), nullable=True),
        sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column('audience', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column('chat_ids', sa.JSON(), nullable=True),
        sa.Column('body', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column('photo', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=True),
        sa.Column('schedule', sa.JSON(), nullable=False),
        sa.Column('lang', sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
        sa.Column('awaiting_body', sa.Boolean(), nullable=False),
        sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(['branch_id'], ['branch.id'], name='fk_broadcast_branch_id'),
        sa.PrimaryKeyConstraint('id', name='pk_broadcast'),
    )
    with op.batch_alter_table('broadcast', schema=None) as batch_op:
        batch_op.create_index('ix_broadcast_author_status', ['author_id', 'status'], unique=False)
        batch_op.create_index('ix_broadcast_branch_status', ['branch_id', 'status'], unique=False)

    op.create_table(
        'broadcast_run',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('broadcast_id', sa.Integer(), nullable=False),
        sa.Column('slot', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column('planned', sa.Integer(), nullable=False),
        sa.Column('skipped', sa.Integer(), nullable=False),
        sa.Column('started_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column('finished_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column('reported', sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(['broadcast_id'], ['broadcast.id'], name='fk_broadcast_run_broadcast_id'),
        sa.PrimaryKeyConstraint('id', name='pk_broadcast_run'),
        sa.UniqueConstraint('broadcast_id', 'slot', name='uq_broadcast_run_slot'),
    )
    with op.batch_alter_table('broadcast_run', schema=None) as batch_op:
        batch_op.create_index('ix_broadcast_run_broadcast_id', ['broadcast_id'], unique=False)

    op.create_table(
        'survey',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('author_id', sa.BigInteger(), nullable=False),
        sa.Column('branch_id', sa.Integer(), nullable=True),
        sa.Column('question', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column('options', sa.JSON(), nullable=False),
        sa.Column('anonymous', sa.Boolean(), nullable=False),
        sa.Column('audience', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column('chat_ids', sa.JSON(), nullable=False),
        sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column('lang', sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
        sa.Column('close_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column('closed_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(['branch_id'], ['branch.id'], name='fk_survey_branch_id'),
        sa.PrimaryKeyConstraint('id', name='pk_survey'),
    )
    with op.batch_alter_table('survey', schema=None) as batch_op:
        batch_op.create_index('ix_survey_branch_status', ['branch_id', 'status'], unique=False)

    op.create_table(
        'survey_answer',
        sa.Column('survey_id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column('option', sa.Integer(), nullable=False),
        sa.Column('chat_id', sa.BigInteger(), nullable=False),
        sa.Column('answered_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column('changes', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['survey_id'], ['survey.id'], name='fk_survey_answer_survey_id'),
        sa.PrimaryKeyConstraint('survey_id', 'user_id', name='pk_survey_answer'),
    )


def downgrade() -> None:
    op.drop_table('survey_answer')
    with op.batch_alter_table('survey', schema=None) as batch_op:
        batch_op.drop_index('ix_survey_branch_status')
    op.drop_table('survey')
    with op.batch_alter_table('broadcast_run', schema=None) as batch_op:
        batch_op.drop_index('ix_broadcast_run_broadcast_id')
    op.drop_table('broadcast_run')
    with op.batch_alter_table('broadcast', schema=None) as batch_op:
        batch_op.drop_index('ix_broadcast_branch_status')
        batch_op.drop_index('ix_broadcast_author_status')
    op.drop_table('broadcast')
