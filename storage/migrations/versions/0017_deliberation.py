"""riders' deliberation (小哥议事会): proposals, supporters, comments, votes, agenda rules

Revision ID: 0017_deliberation
Revises: 0012
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel.sql.sqltypes


revision = '0017_deliberation'
down_revision = '0012'
branch_labels = None
depends_on = None

DT = sqlmodel.sql.sqltypes.UTCDateTime


def upgrade() -> None:
    op.create_table(
        'agenda_rule',
        sa.Column('branch_id', sa.Integer(), sa.ForeignKey('branch.id'), primary_key=True),
        sa.Column('supporters', sa.Integer(), nullable=False),
        sa.Column('days', sa.Integer(), nullable=False),
    )
    op.create_table(
        'proposal',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('branch_id', sa.Integer(), sa.ForeignKey('branch.id'), nullable=False),
        sa.Column('author_id', sa.BigInteger(), nullable=False),
        sa.Column('title', sa.String(length=120), nullable=False),
        sa.Column('body', sa.String(), nullable=False),
        sa.Column('status', sa.String(length=16), nullable=False),
        sa.Column('lang', sa.String(length=8), nullable=False),
        sa.Column('origin_chat_id', sa.BigInteger(), nullable=True),
        sa.Column('origin_message_id', sa.BigInteger(), nullable=True),
        sa.Column('thread_id', sa.BigInteger(), nullable=True),
        sa.Column('case_id', sa.Integer(), nullable=True),
        sa.Column('chat_ids', sa.JSON(), nullable=False),
        sa.Column('decline_reason', sa.String(), nullable=True),
        sa.Column('agenda_at', DT(), nullable=True),
        sa.Column('options', sa.JSON(), nullable=False),
        sa.Column('yes_no', sa.Boolean(), nullable=False),
        sa.Column('anonymous', sa.Boolean(), nullable=False),
        sa.Column('quorum', sa.Integer(), nullable=False),
        sa.Column('vote_opened_at', DT(), nullable=True),
        sa.Column('vote_deadline', DT(), nullable=True),
        sa.Column('vote_closed_at', DT(), nullable=True),
        sa.Column('tally', sa.JSON(), nullable=False),
        sa.Column('owner', sa.String(length=120), nullable=True),
        sa.Column('due', DT(), nullable=True),
        sa.Column('done_at', DT(), nullable=True),
        sa.Column('created_at', DT(), nullable=False),
        sa.Column('updated_at', DT(), nullable=False),
    )
    op.create_index('ix_proposal_branch_status', 'proposal', ['branch_id', 'status'])
    op.create_index('ix_proposal_status_deadline', 'proposal', ['status', 'vote_deadline'])
    op.create_table(
        'proposal_support',
        sa.Column('proposal_id', sa.Integer(), sa.ForeignKey('proposal.id'), primary_key=True),
        sa.Column('user_id', sa.BigInteger(), primary_key=True, autoincrement=False),
        sa.Column('at', DT(), nullable=False),
    )
    op.create_table(
        'proposal_comment',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('proposal_id', sa.Integer(), sa.ForeignKey('proposal.id'), nullable=False),
        sa.Column('user_id', sa.BigInteger(), nullable=False),
        sa.Column('kind', sa.String(length=16), nullable=False),
        sa.Column('text', sa.String(), nullable=False),
        sa.Column('chat_id', sa.BigInteger(), nullable=True),
        sa.Column('message_id', sa.BigInteger(), nullable=True),
        sa.Column('at', DT(), nullable=False),
    )
    op.create_index('ix_proposal_comment_proposal_id', 'proposal_comment', ['proposal_id'])
    op.create_table(
        'proposal_vote',
        sa.Column('proposal_id', sa.Integer(), sa.ForeignKey('proposal.id'), primary_key=True),
        sa.Column('user_id', sa.BigInteger(), primary_key=True, autoincrement=False),
        sa.Column('option', sa.Integer(), nullable=False),
        sa.Column('chat_id', sa.BigInteger(), nullable=True),
        sa.Column('at', DT(), nullable=False),
        sa.Column('changes', sa.Integer(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table('proposal_vote')
    op.drop_index('ix_proposal_comment_proposal_id', table_name='proposal_comment')
    op.drop_table('proposal_comment')
    op.drop_table('proposal_support')
    op.drop_index('ix_proposal_status_deadline', table_name='proposal')
    op.drop_index('ix_proposal_branch_status', table_name='proposal')
    op.drop_table('proposal')
    op.drop_table('agenda_rule')
