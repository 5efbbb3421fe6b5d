"""the pair's life together: meetings, activities, goals, calendar feeds, push subscriptions, reminders sent, a notice's link

Revision ID: 0005
Revises: 0004
"""
from alembic import op
import sqlalchemy as sa
import backend.db


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('calendar_feeds',
    sa.Column('user_id', sa.Uuid(), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', backend.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_calendar_feeds_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', name=op.f('pk_calendar_feeds')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_calendar_feeds_token_hash'))
    )
    op.create_table('push_subscriptions',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('user_id', sa.Uuid(), nullable=False),
    sa.Column('endpoint', sa.String(length=1000), nullable=False),
    sa.Column('p256dh', sa.String(length=200), nullable=False),
    sa.Column('auth', sa.String(length=100), nullable=False),
    sa.Column('locale', sa.String(length=8), nullable=True),
    sa.Column('created_at', backend.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('last_success_at', backend.db.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_push_subscriptions_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_push_subscriptions')),
    sa.UniqueConstraint('endpoint', name=op.f('uq_push_subscriptions_endpoint'))
    )
    with op.batch_alter_table('push_subscriptions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_push_subscriptions_user_id'), ['user_id'], unique=False)

    op.create_table('activities',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('match_id', sa.Uuid(), nullable=False),
    sa.Column('type', sa.String(length=32), nullable=False),
    sa.Column('domain', sa.String(length=16), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('minutes', sa.Integer(), nullable=False),
    sa.Column('initiative', sa.String(length=8), nullable=False),
    sa.Column('note', sa.String(length=1000), nullable=False),
    sa.Column('logged_by', sa.String(length=8), nullable=False),
    sa.Column('created_at', backend.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['match_id'], ['matches.id'], name=op.f('fk_activities_match_id_matches'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_activities'))
    )
    with op.batch_alter_table('activities', schema=None) as batch_op:
        batch_op.create_index('ix_activities_match_day', ['match_id', 'day'], unique=False)
        batch_op.create_index(batch_op.f('ix_activities_match_id'), ['match_id'], unique=False)

    op.create_table('goals',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('match_id', sa.Uuid(), nullable=False),
    sa.Column('domain', sa.String(length=16), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=True),
    sa.Column('title', sa.String(length=120), nullable=False),
    sa.Column('level', sa.Integer(), nullable=False),
    sa.Column('steps', sa.JSON(), nullable=False),
    sa.Column('done_at', backend.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('added_by', sa.String(length=8), nullable=False),
    sa.Column('created_at', backend.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', backend.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['match_id'], ['matches.id'], name=op.f('fk_goals_match_id_matches'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_goals'))
    )
    with op.batch_alter_table('goals', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_goals_match_id'), ['match_id'], unique=False)

    op.create_table('meetings',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('match_id', sa.Uuid(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('sequence', sa.Integer(), nullable=False),
    sa.Column('proposed_by', sa.String(length=8), nullable=False),
    sa.Column('slots', sa.JSON(), nullable=False),
    sa.Column('starts_at', backend.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('minutes', sa.Integer(), nullable=True),
    sa.Column('place', sa.String(length=200), nullable=False),
    sa.Column('video_url', sa.String(length=500), nullable=False),
    sa.Column('note', sa.String(length=500), nullable=False),
    sa.Column('decided_by', sa.String(length=8), nullable=True),
    sa.Column('cancelled_by', sa.String(length=8), nullable=True),
    sa.Column('cancel_reason', sa.String(length=500), nullable=False),
    sa.Column('attended', sa.JSON(), nullable=False),
    sa.Column('held_note', sa.String(length=1000), nullable=False),
    sa.Column('completed_by', sa.String(length=8), nullable=True),
    sa.Column('last_action', sa.String(length=16), nullable=False),
    sa.Column('last_actor', sa.String(length=8), nullable=False),
    sa.Column('created_at', backend.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', backend.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['match_id'], ['matches.id'], name=op.f('fk_meetings_match_id_matches'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meetings'))
    )
    with op.batch_alter_table('meetings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meetings_match_id'), ['match_id'], unique=False)
        batch_op.create_index('ix_meetings_match_starts', ['match_id', 'starts_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_meetings_starts_at'), ['starts_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_meetings_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_meetings_updated_at'), ['updated_at'], unique=False)

    op.create_table('reminders_sent',
    sa.Column('meeting_id', sa.Uuid(), nullable=False),
    sa.Column('moment', sa.String(length=8), nullable=False),
    sa.Column('starts_at', backend.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('target', sa.String(length=64), nullable=False),
    sa.Column('at', backend.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], name=op.f('fk_reminders_sent_meeting_id_meetings'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('meeting_id', 'moment', 'starts_at', 'target', name=op.f('pk_reminders_sent'))
    )
    # A nullable column added in place (no batch copy of the notices table).
    op.add_column('notices', sa.Column('link', sa.String(length=200), nullable=True))


def downgrade():
    with op.batch_alter_table('notices', schema=None) as batch_op:
        batch_op.drop_column('link')

    op.drop_table('reminders_sent')
    with op.batch_alter_table('meetings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meetings_updated_at'))
        batch_op.drop_index(batch_op.f('ix_meetings_status'))
        batch_op.drop_index(batch_op.f('ix_meetings_starts_at'))
        batch_op.drop_index('ix_meetings_match_starts')
        batch_op.drop_index(batch_op.f('ix_meetings_match_id'))

    op.drop_table('meetings')
    with op.batch_alter_table('goals', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_goals_match_id'))

    op.drop_table('goals')
    with op.batch_alter_table('activities', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_activities_match_id'))
        batch_op.drop_index('ix_activities_match_day')

    op.drop_table('activities')
    with op.batch_alter_table('push_subscriptions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_push_subscriptions_user_id'))

    op.drop_table('push_subscriptions')
    op.drop_table('calendar_feeds')
