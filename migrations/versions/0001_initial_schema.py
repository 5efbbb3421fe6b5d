"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-22 11:49:34.986530
"""
from alembic import op
import sqlalchemy as sa
import backend.db


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade():

    op.create_table('organisations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=16), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('path', sa.String(length=64), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['parent_id'], ['organisations.id'], name=op.f('fk_organisations_parent_id_organisations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_organisations')),
    sa.UniqueConstraint('code', name=op.f('uq_organisations_code'))
    )
    with op.batch_alter_table('organisations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_organisations_parent_id'), ['parent_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_organisations_path'), ['path'], unique=False)

    op.create_table('sync_changes',
    sa.Column('entity', sa.String(length=32), nullable=False),
    sa.Column('entity_id', sa.String(length=64), nullable=False),
    sa.Column('seq', sa.BigInteger(), nullable=False),
    sa.Column('scope', sa.String(length=64), nullable=False),
    sa.Column('op', sa.String(length=3), nullable=False),
    sa.Column('data', sa.Text(), nullable=True),
    sa.Column('changed_at', backend.db.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('entity', 'entity_id', name=op.f('pk_sync_changes')),
    sa.UniqueConstraint('seq', name=op.f('uq_sync_changes_seq'))
    )
    with op.batch_alter_table('sync_changes', schema=None) as batch_op:
        batch_op.create_index('ix_sync_changes_scope_seq', ['scope', 'seq'], unique=False)

    op.create_table('sync_state',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.BigInteger(), nullable=False),
    sa.Column('purged_seq', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_state'))
    )
    # The one row the feed sequence lives in (backend/sync/models.py, SyncState).
    op.bulk_insert(sa.table('sync_state', sa.column('id'), sa.column('seq'), sa.column('purged_seq')),
                   [{'id': 1, 'seq': 0, 'purged_seq': 0}])
    op.create_table('users',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('password_hash', sa.String(length=255), nullable=False),
    sa.Column('display_name', sa.String(length=80), nullable=False),
    sa.Column('locale', sa.String(length=8), nullable=True),
    sa.Column('roles', sa.String(length=64), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=True),
    sa.Column('availability', sa.JSON(), nullable=False),
    sa.Column('session_gen', sa.Integer(), nullable=False),
    sa.Column('created_at', backend.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', backend.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_users_organisation_id_organisations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('email', name=op.f('uq_users_email'))
    )
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_users_organisation_id'), ['organisation_id'], unique=False)

    op.create_table('matches',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('newcomer_id', sa.Uuid(), nullable=False),
    sa.Column('buddy_id', sa.Uuid(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('created_at', backend.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('ended_at', backend.db.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['buddy_id'], ['users.id'], name=op.f('fk_matches_buddy_id_users')),
    sa.ForeignKeyConstraint(['newcomer_id'], ['users.id'], name=op.f('fk_matches_newcomer_id_users')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_matches_organisation_id_organisations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_matches'))
    )
    with op.batch_alter_table('matches', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_matches_buddy_id'), ['buddy_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_matches_newcomer_id'), ['newcomer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_matches_organisation_id'), ['organisation_id'], unique=False)

    op.create_table('notices',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('user_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('code', sa.String(length=64), nullable=False),
    sa.Column('message', sa.Text(), nullable=False),
    sa.Column('mutation', sa.String(length=64), nullable=True),
    sa.Column('created_at', backend.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('read_at', backend.db.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_notices_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_notices'))
    )
    with op.batch_alter_table('notices', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_notices_user_id'), ['user_id'], unique=False)

    op.create_table('sync_clients',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('user_id', sa.Uuid(), nullable=False),
    sa.Column('last_mutation_id', sa.BigInteger(), nullable=False),
    sa.Column('created_at', backend.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_sync_clients_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_clients'))
    )
    with op.batch_alter_table('sync_clients', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sync_clients_user_id'), ['user_id'], unique=False)

    op.create_table('sync_ledger',
    sa.Column('client_id', sa.Uuid(), nullable=False),
    sa.Column('mid', sa.BigInteger(), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('code', sa.String(length=64), nullable=True),
    sa.Column('message', sa.Text(), nullable=True),
    sa.Column('current', sa.JSON(), nullable=True),
    sa.Column('created_at', backend.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['client_id'], ['sync_clients.id'], name=op.f('fk_sync_ledger_client_id_sync_clients'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('client_id', 'mid', name=op.f('pk_sync_ledger'))
    )
    with op.batch_alter_table('sync_ledger', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sync_ledger_created_at'), ['created_at'], unique=False)



def downgrade():

    with op.batch_alter_table('sync_ledger', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sync_ledger_created_at'))

    op.drop_table('sync_ledger')
    with op.batch_alter_table('sync_clients', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sync_clients_user_id'))

    op.drop_table('sync_clients')
    with op.batch_alter_table('notices', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_notices_user_id'))

    op.drop_table('notices')
    with op.batch_alter_table('matches', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_matches_organisation_id'))
        batch_op.drop_index(batch_op.f('ix_matches_newcomer_id'))
        batch_op.drop_index(batch_op.f('ix_matches_buddy_id'))

    op.drop_table('matches')
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_users_organisation_id'))

    op.drop_table('users')
    op.drop_table('sync_state')
    with op.batch_alter_table('sync_changes', schema=None) as batch_op:
        batch_op.drop_index('ix_sync_changes_scope_seq')

    op.drop_table('sync_changes')
    with op.batch_alter_table('organisations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_organisations_path'))
        batch_op.drop_index(batch_op.f('ix_organisations_parent_id'))

    op.drop_table('organisations')
