"""one history again: dead letters, audit, voice reports, Telegram's behaviour, two clocks

Revision ID: 0010
Revises: 0009_loop, 0009_perms, 0009_poison, 0009_privacy_voice, 0009_tgreal
"""

revision = '0010'
down_revision = ('0009_loop', '0009_perms', '0009_poison', '0009_privacy_voice', '0009_tgreal')
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
