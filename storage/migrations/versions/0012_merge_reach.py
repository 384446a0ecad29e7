"""one history again: the learning gazetteer and Open311

Revision ID: 0012
Revises: 0011_intake2_gazetteer, 0011_open311
"""

revision = '0012'
down_revision = ('0011_intake2_gazetteer', '0011_open311')
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
