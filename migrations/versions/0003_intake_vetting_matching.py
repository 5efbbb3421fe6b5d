"""intake, vetting and matching: profiles, account tokens, the match lifecycle and its audit trail

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30 19:24:33.794726
"""
from alembic import op
import sqlalchemy as sa
import backend.db


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade():
    # Batch mode copies users, organisations and matches on SQLite; migrations/env.py turns
    # foreign-key enforcement off around it, so dropping the old copy cascades into nothing.
    op.create_table('account_tokens',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('user_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('created_by_id', sa.Uuid(), nullable=True),
    sa.Column('created_at', backend.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('expires_at', backend.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('used_at', backend.db.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_account_tokens_created_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_account_tokens_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_account_tokens')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_account_tokens_token_hash'))
    )
    with op.batch_alter_table('account_tokens', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_account_tokens_user_id'), ['user_id'], unique=False)

    op.create_table('buddy_profiles',
    sa.Column('user_id', sa.Uuid(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('birth_date', sa.Date(), nullable=True),
    sa.Column('gender', sa.String(length=16), nullable=True),
    sa.Column('mdt_start', sa.Date(), nullable=True),
    sa.Column('mdt_end', sa.Date(), nullable=True),
    sa.Column('mdt_hours_target', sa.Integer(), nullable=True),
    sa.Column('languages', sa.JSON(), nullable=False),
    sa.Column('interests', sa.JSON(), nullable=False),
    sa.Column('availability', sa.JSON(), nullable=False),
    sa.Column('municipality_code', sa.String(length=8), nullable=False),
    sa.Column('capacity', sa.Integer(), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('vog_date', sa.Date(), nullable=True),
    sa.Column('consent_version', sa.String(length=16), nullable=False),
    sa.Column('consent_at', backend.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('created_at', backend.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', backend.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_buddy_profiles_organisation_id_organisations')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_buddy_profiles_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', name=op.f('pk_buddy_profiles'))
    )
    with op.batch_alter_table('buddy_profiles', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_buddy_profiles_organisation_id'), ['organisation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_buddy_profiles_state'), ['state'], unique=False)

    op.create_table('newcomer_intakes',
    sa.Column('user_id', sa.Uuid(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('category', sa.String(length=24), nullable=False),
    sa.Column('arrival_date', sa.Date(), nullable=True),
    sa.Column('gender', sa.String(length=16), nullable=True),
    sa.Column('languages', sa.JSON(), nullable=False),
    sa.Column('dutch_level', sa.String(length=2), nullable=False),
    sa.Column('municipality_code', sa.String(length=8), nullable=False),
    sa.Column('learning_route', sa.String(length=16), nullable=True),
    sa.Column('goals', sa.JSON(), nullable=False),
    sa.Column('interests', sa.JSON(), nullable=False),
    sa.Column('availability', sa.JSON(), nullable=False),
    sa.Column('preferences', sa.JSON(), nullable=False),
    sa.Column('consents', sa.JSON(), nullable=False),
    sa.Column('created_by_id', sa.Uuid(), nullable=True),
    sa.Column('created_at', backend.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', backend.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_newcomer_intakes_created_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_newcomer_intakes_organisation_id_organisations')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_newcomer_intakes_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', name=op.f('pk_newcomer_intakes'))
    )
    with op.batch_alter_table('newcomer_intakes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_newcomer_intakes_organisation_id'), ['organisation_id'], unique=False)

    op.create_table('profile_reads',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('reader_id', sa.Uuid(), nullable=True),
    sa.Column('subject_id', sa.Uuid(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('what', sa.String(length=32), nullable=False),
    sa.Column('at', backend.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_profile_reads_organisation_id_organisations')),
    sa.ForeignKeyConstraint(['reader_id'], ['users.id'], name=op.f('fk_profile_reads_reader_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['subject_id'], ['users.id'], name=op.f('fk_profile_reads_subject_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_profile_reads'))
    )
    with op.batch_alter_table('profile_reads', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_profile_reads_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_profile_reads_organisation_id'), ['organisation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_profile_reads_subject_id'), ['subject_id'], unique=False)

    op.create_table('match_alerts',
    sa.Column('match_id', sa.Uuid(), nullable=False),
    sa.Column('spell', sa.String(length=64), nullable=False),
    sa.Column('at', backend.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['match_id'], ['matches.id'], name=op.f('fk_match_alerts_match_id_matches'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('match_id', 'spell', name=op.f('pk_match_alerts'))
    )
    op.create_table('match_evaluations',
    sa.Column('match_id', sa.Uuid(), nullable=False),
    sa.Column('user_id', sa.Uuid(), nullable=False),
    sa.Column('rating', sa.Integer(), nullable=True),
    sa.Column('comment', sa.String(length=1000), nullable=False),
    sa.Column('avoid', sa.Boolean(), nullable=False),
    sa.Column('at', backend.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['match_id'], ['matches.id'], name=op.f('fk_match_evaluations_match_id_matches'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_match_evaluations_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('match_id', 'user_id', name=op.f('pk_match_evaluations'))
    )
    op.create_table('match_events',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('match_id', sa.Uuid(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('action', sa.String(length=16), nullable=False),
    sa.Column('actor_id', sa.Uuid(), nullable=True),
    sa.Column('from_status', sa.String(length=16), nullable=True),
    sa.Column('to_status', sa.String(length=16), nullable=False),
    sa.Column('reason', sa.String(length=24), nullable=True),
    sa.Column('note', sa.String(length=500), nullable=False),
    sa.Column('at', backend.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['users.id'], name=op.f('fk_match_events_actor_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['match_id'], ['matches.id'], name=op.f('fk_match_events_match_id_matches'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_match_events')),
    sa.UniqueConstraint('match_id', 'seq', name=op.f('uq_match_events_match_id'))
    )
    with op.batch_alter_table('match_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_match_events_match_id'), ['match_id'], unique=False)

    op.create_table('vetting_steps',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('buddy_id', sa.Uuid(), nullable=False),
    sa.Column('from_state', sa.String(length=16), nullable=True),
    sa.Column('to_state', sa.String(length=16), nullable=False),
    sa.Column('by_id', sa.Uuid(), nullable=True),
    sa.Column('at', backend.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('vog_date', sa.Date(), nullable=True),
    sa.Column('note', sa.String(length=500), nullable=False),
    sa.ForeignKeyConstraint(['buddy_id'], ['buddy_profiles.user_id'], name=op.f('fk_vetting_steps_buddy_id_buddy_profiles'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['by_id'], ['users.id'], name=op.f('fk_vetting_steps_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_vetting_steps'))
    )
    with op.batch_alter_table('vetting_steps', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_vetting_steps_buddy_id'), ['buddy_id'], unique=False)

    with op.batch_alter_table('matches', schema=None) as batch_op:
        batch_op.add_column(sa.Column('proposed_by_id', sa.Uuid(), nullable=True))
        batch_op.add_column(sa.Column('expires_at', backend.db.UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('newcomer_answer', sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column('buddy_answer', sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column('approved_by_id', sa.Uuid(), nullable=True))
        batch_op.add_column(sa.Column('approved_at', backend.db.UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('planned_end', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('end_reason', sa.String(length=24), nullable=True))
        batch_op.add_column(sa.Column('score', sa.JSON(), nullable=True))
        batch_op.create_index(batch_op.f('ix_matches_status'), ['status'], unique=False)
        batch_op.create_index('uq_matches_open_newcomer', ['newcomer_id'], unique=True, sqlite_where=sa.text("status IN ('proposed', 'agreed', 'active', 'paused')"), postgresql_where=sa.text("status IN ('proposed', 'agreed', 'active', 'paused')"))
        batch_op.create_foreign_key(batch_op.f('fk_matches_approved_by_id_users'), 'users', ['approved_by_id'], ['id'], ondelete='SET NULL')
        batch_op.create_foreign_key(batch_op.f('fk_matches_proposed_by_id_users'), 'users', ['proposed_by_id'], ['id'], ondelete='SET NULL')

    with op.batch_alter_table('organisations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('settings', sa.JSON(), nullable=False, server_default='{}'))

    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('username', sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column('phone', sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column('shares', sa.JSON(), nullable=False, server_default='[]'))
        batch_op.alter_column('email',
               existing_type=sa.VARCHAR(length=254),
               nullable=True)
        batch_op.create_unique_constraint(batch_op.f('uq_users_username'), ['username'])



def downgrade():
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_users_username'), type_='unique')
        batch_op.alter_column('email',
               existing_type=sa.VARCHAR(length=254),
               nullable=False)
        batch_op.drop_column('shares')
        batch_op.drop_column('phone')
        batch_op.drop_column('username')

    with op.batch_alter_table('organisations', schema=None) as batch_op:
        batch_op.drop_column('settings')

    with op.batch_alter_table('matches', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_matches_proposed_by_id_users'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_matches_approved_by_id_users'), type_='foreignkey')
        batch_op.drop_index('uq_matches_open_newcomer', sqlite_where=sa.text("status IN ('proposed', 'agreed', 'active', 'paused')"), postgresql_where=sa.text("status IN ('proposed', 'agreed', 'active', 'paused')"))
        batch_op.drop_index(batch_op.f('ix_matches_status'))
        batch_op.drop_column('score')
        batch_op.drop_column('end_reason')
        batch_op.drop_column('planned_end')
        batch_op.drop_column('approved_at')
        batch_op.drop_column('approved_by_id')
        batch_op.drop_column('buddy_answer')
        batch_op.drop_column('newcomer_answer')
        batch_op.drop_column('expires_at')
        batch_op.drop_column('proposed_by_id')

    with op.batch_alter_table('vetting_steps', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_vetting_steps_buddy_id'))

    op.drop_table('vetting_steps')
    with op.batch_alter_table('match_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_match_events_match_id'))

    op.drop_table('match_events')
    op.drop_table('match_evaluations')
    op.drop_table('match_alerts')
    with op.batch_alter_table('profile_reads', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_profile_reads_subject_id'))
        batch_op.drop_index(batch_op.f('ix_profile_reads_organisation_id'))
        batch_op.drop_index(batch_op.f('ix_profile_reads_at'))

    op.drop_table('profile_reads')
    with op.batch_alter_table('newcomer_intakes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_newcomer_intakes_organisation_id'))

    op.drop_table('newcomer_intakes')
    with op.batch_alter_table('buddy_profiles', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_buddy_profiles_state'))
        batch_op.drop_index(batch_op.f('ix_buddy_profiles_organisation_id'))

    op.drop_table('buddy_profiles')
    with op.batch_alter_table('account_tokens', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_account_tokens_user_id'))

    op.drop_table('account_tokens')
