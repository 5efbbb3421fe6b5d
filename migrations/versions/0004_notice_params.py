"""notice params: the catalog entry (msgid, msgid_plural) and its values, so a notice is worded in the app's current language

Revision ID: 0004
Revises: 0003
"""
from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade():
    # Nullable columns added in place (no batch copy of the table): old notices keep only
    # their message, which the app shows as before.
    op.add_column('notices', sa.Column('msgid', sa.Text(), nullable=True))
    op.add_column('notices', sa.Column('msgid_plural', sa.Text(), nullable=True))
    op.add_column('notices', sa.Column('params', sa.JSON(), nullable=True))


def downgrade():
    with op.batch_alter_table('notices', schema=None) as batch_op:
        batch_op.drop_column('params')
        batch_op.drop_column('msgid_plural')
        batch_op.drop_column('msgid')
