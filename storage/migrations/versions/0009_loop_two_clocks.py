"""cases: two clocks (respond, then fix), as the 12345 workflow has

`due_at` stays the response deadline (someone accepts); `responded_at` stops it.
`fix_due_at` is the resolution deadline (restarted by a reopen), with its own
reminder level `fix_reminders`.

Revision ID: 0009_loop
Revises: 0008
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel.sql.sqltypes


revision = '0009_loop'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('cases') as batch:
        batch.add_column(sa.Column('responded_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
        batch.add_column(sa.Column('fix_due_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
        batch.add_column(sa.Column('fix_reminders', sa.Integer(), nullable=False, server_default='0'))
    # cases someone already took up have responded: their response clock must not fire now
    # (their last change is the best time we have); older cases get no resolution clock
    op.execute("UPDATE cases SET responded_at = updated_at "
               "WHERE responded_at IS NULL AND status NOT IN ('new', 'transferred')")


def downgrade() -> None:
    with op.batch_alter_table('cases') as batch:
        batch.drop_column('fix_reminders')
        batch.drop_column('fix_due_at')
        batch.drop_column('responded_at')
