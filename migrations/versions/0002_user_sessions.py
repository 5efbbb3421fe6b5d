"""user sessions: one row per signed-in device, replacing users.session_gen (dropped later)

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa
import backend.db


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('user_sessions',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('user_id', sa.Uuid(), nullable=False),
    sa.Column('device', sa.String(length=80), nullable=False),
    sa.Column('created_at', backend.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('last_seen_at', backend.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_user_sessions_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_user_sessions'))
    )
    with op.batch_alter_table('user_sessions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_user_sessions_user_id'), ['user_id'], unique=False)
    # users.session_gen stays for one release: the release before still reads it during a
    # rolling deploy (docs/deployment.md). When the next migration drops it, do it outside
    # batch mode: on SQLite batch mode copies the users table, and dropping the old copy with
    # foreign keys on cascades into (or fails on) every table that points at users; SQLite
    # >= 3.35 drops a plain column in place.


def downgrade():
    with op.batch_alter_table('user_sessions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_user_sessions_user_id'))
    op.drop_table('user_sessions')
