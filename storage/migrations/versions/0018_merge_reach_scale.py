"""one history again: conversation, web dashboard, N workers, deliberation

Revision ID: 0018
Revises: 0013_conv, 0015_web, 0016_scale, 0017_deliberation
"""

revision = '0018'
down_revision = ('0013_conv', '0015_web', '0016_scale', '0017_deliberation')
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
