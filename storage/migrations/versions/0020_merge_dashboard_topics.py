"""one history again: the dashboard's duration columns and deliberation's forum topics

Revision ID: 0020
Revises: 0019_dashboard_rollup, 0019_delib_topics
"""

revision = '0020'
down_revision = ('0019_dashboard_rollup', '0019_delib_topics')
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
