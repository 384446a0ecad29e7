"""Uploaded photos' Telegram file_ids (media_upload): a photo uploaded on the dashboard is sent as a
file once, then by the file_id Telegram returned

Revision ID: 0021_media_upload
Revises: 0020
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel.sql.sqltypes


revision = '0021_media_upload'
down_revision = '0020'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'media_upload',
        sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=255), primary_key=True),
        sa.Column('file_id', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
        sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table('media_upload')
