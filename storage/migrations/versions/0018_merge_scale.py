"""one history again (placeholder: the integrator's merge revision replaces this file)

Revision ID: 0018
Revises: 0013_conv, 0015_web, 0017_deliberation
"""

revision = '0018'
down_revision = ('0013_conv', '0015_web', '0017_deliberation')
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
