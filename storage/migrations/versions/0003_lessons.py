"""lessons: group plans, pushes, completions, quiz answers

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 14:40:00.000000
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel.sql.sqltypes


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('lesson_schedule',
    sa.Column('chat_id', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('weekdays', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('profile', sa.JSON(), nullable=True),
    sa.Column('slots', sa.JSON(), nullable=False),
    sa.Column('lang', sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
    sa.Column('updated_by', sa.BigInteger(), nullable=True),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['chat_id'], ['chat.id'], name='fk_lesson_schedule_chat'),
    sa.PrimaryKeyConstraint('chat_id', name='pk_lesson_schedule')
    )
    op.create_table('lesson_delivery',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('chat_id', sa.BigInteger(), nullable=False),
    sa.Column('lesson_id', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('slot_date', sa.Date(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name='pk_lesson_delivery'),
    sa.UniqueConstraint('chat_id', 'slot_date', name='uq_lesson_delivery_slot')
    )
    op.create_index('ix_lesson_delivery_recent', 'lesson_delivery', ['chat_id', 'created_at'], unique=False)
    op.create_table('lesson_completion',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.BigInteger(), nullable=False),
    sa.Column('lesson_id', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('delivery_id', sa.Integer(), nullable=True),
    sa.Column('chat_id', sa.BigInteger(), nullable=False),
    sa.Column('completed_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['delivery_id'], ['lesson_delivery.id'], name='fk_lesson_completion_delivery'),
    sa.PrimaryKeyConstraint('id', name='pk_lesson_completion'),
    sa.UniqueConstraint('user_id', 'lesson_id', name='uq_lesson_completion')
    )
    op.create_index('ix_lesson_completion_delivery', 'lesson_completion', ['delivery_id'], unique=False)
    op.create_index('ix_lesson_completion_user_time', 'lesson_completion', ['user_id', 'completed_at'],
                    unique=False)
    op.create_table('lesson_quiz_answer',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.BigInteger(), nullable=False),
    sa.Column('lesson_id', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('delivery_id', sa.Integer(), nullable=True),
    sa.Column('chat_id', sa.BigInteger(), nullable=False),
    sa.Column('choice', sa.Integer(), nullable=False),
    sa.Column('correct', sa.Boolean(), nullable=False),
    sa.Column('answered_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['delivery_id'], ['lesson_delivery.id'], name='fk_lesson_quiz_answer_delivery'),
    sa.PrimaryKeyConstraint('id', name='pk_lesson_quiz_answer'),
    sa.UniqueConstraint('user_id', 'lesson_id', name='uq_lesson_quiz_answer')
    )
    op.create_index('ix_lesson_quiz_answer_delivery', 'lesson_quiz_answer', ['delivery_id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_lesson_quiz_answer_delivery', table_name='lesson_quiz_answer')
    op.drop_table('lesson_quiz_answer')
    op.drop_index('ix_lesson_completion_user_time', table_name='lesson_completion')
    op.drop_index('ix_lesson_completion_delivery', table_name='lesson_completion')
    op.drop_table('lesson_completion')
    op.drop_index('ix_lesson_delivery_recent', table_name='lesson_delivery')
    op.drop_table('lesson_delivery')
    op.drop_table('lesson_schedule')
