"""calendar events: each meeting's VEVENT as written for each side's feed, with the key of what it shows

Revision ID: 0006
Revises: 0005
"""
from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('calendar_events',
    sa.Column('meeting_id', sa.Uuid(), nullable=False),
    sa.Column('side', sa.String(length=8), nullable=False),
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], name=op.f('fk_calendar_events_meeting_id_meetings'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('meeting_id', 'side', name=op.f('pk_calendar_events'))
    )


def downgrade():
    op.drop_table('calendar_events')
