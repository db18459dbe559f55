"""Sync bookkeeping: keys, enrolled peers, exports, imports, receipts,
conflicts, row origins and the communes' audit rows (``models_sync``).

Revision ID: 0005_sync
Revises: 0004_support
Create Date: 2026-11-23

This revision is frozen once released (changes go into new revisions).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_sync"
down_revision = "0004_support"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('sync_audit',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('commune_code', sa.String(length=32), nullable=False),
    sa.Column('device_id', sa.String(length=64), nullable=False),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('user', sa.String(length=100), nullable=True),
    sa.Column('action', sa.String(length=40), nullable=True),
    sa.Column('table_name', sa.String(length=40), nullable=True),
    sa.Column('row_id', sa.String(length=64), nullable=True),
    sa.Column('old', sa.JSON(none_as_null=True), nullable=True),
    sa.Column('new', sa.JSON(none_as_null=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_audit')),
    sa.UniqueConstraint('commune_code', 'device_id', 'source_id', name=op.f('uq_sync_audit_commune_code_device_id_source_id'))
    )
    op.create_table('sync_conflict',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('table_name', sa.String(length=64), nullable=False),
    sa.Column('row_id', sa.String(length=64), nullable=False),
    sa.Column('commune_code', sa.String(length=32), nullable=False),
    sa.Column('local_device', sa.String(length=64), nullable=True),
    sa.Column('incoming_device', sa.String(length=64), nullable=False),
    sa.Column('local', sa.JSON(none_as_null=True), nullable=True),
    sa.Column('incoming', sa.JSON(none_as_null=True), nullable=True),
    sa.Column('manifest_sha256', sa.String(length=64), nullable=False),
    sa.Column('detected_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('resolved', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.Column('resolved_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('resolution', sa.String(length=16), nullable=True),
    sa.Column('resolved_by', sa.String(length=100), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_conflict'))
    )
    with op.batch_alter_table('sync_conflict', schema=None) as batch_op:
        batch_op.create_index('ix_sync_conflict_open', ['resolved', 'commune_code'], unique=False)

    op.create_table('sync_export',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('device_id', sa.String(length=64), nullable=False),
    sa.Column('sequence', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('manifest_sha256', sa.String(length=64), nullable=False),
    sa.Column('base_receipt_id', sa.String(length=64), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('counts', sa.JSON(none_as_null=True), nullable=True),
    sa.Column('watermark', sa.JSON(none_as_null=True), nullable=True),
    sa.Column('file_name', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_export')),
    sa.UniqueConstraint('device_id', 'sequence', name=op.f('uq_sync_export_device_id_sequence'))
    )
    op.create_table('sync_import',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('commune_code', sa.String(length=32), nullable=False),
    sa.Column('commune_name', sa.String(), nullable=False),
    sa.Column('device_id', sa.String(length=64), nullable=False),
    sa.Column('sequence', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('manifest_sha256', sa.String(length=64), nullable=False),
    sa.Column('signer_key_id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('imported_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('app_version', sa.String(length=64), nullable=True),
    sa.Column('counts', sa.JSON(none_as_null=True), nullable=True),
    sa.Column('applied', sa.JSON(none_as_null=True), nullable=True),
    sa.Column('warnings', sa.JSON(none_as_null=True), nullable=True),
    sa.Column('standards', sa.JSON(none_as_null=True), nullable=True),
    sa.Column('receipt_id', sa.String(length=64), nullable=True),
    sa.Column('backup', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_import')),
    sa.UniqueConstraint('commune_code', 'device_id', 'sequence', name=op.f('uq_sync_import_commune_code_device_id_sequence')),
    sa.UniqueConstraint('manifest_sha256', name=op.f('uq_sync_import_manifest_sha256'))
    )
    op.create_table('sync_key',
    sa.Column('key_id', sa.String(length=32), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('device_id', sa.String(length=64), nullable=True),
    sa.Column('fingerprint', sa.String(length=48), nullable=False),
    sa.Column('enc_fingerprint', sa.String(length=48), nullable=True),
    sa.Column('document', sa.Text(), nullable=False),
    sa.Column('file_name', sa.String(length=100), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('key_id', name=op.f('pk_sync_key'))
    )
    op.create_table('sync_peer',
    sa.Column('key_id', sa.String(length=32), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('device_id', sa.String(length=64), nullable=True),
    sa.Column('fingerprint', sa.String(length=48), nullable=False),
    sa.Column('enc_fingerprint', sa.String(length=48), nullable=True),
    sa.Column('document', sa.Text(), nullable=False),
    sa.Column('enrolled_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('revoked_reason', sa.Text(), nullable=True),
    sa.Column('revocation', sa.Text(), nullable=True),
    sa.Column('superseded_by', sa.String(length=32), nullable=True),
    sa.PrimaryKeyConstraint('key_id', name=op.f('pk_sync_peer'))
    )
    with op.batch_alter_table('sync_peer', schema=None) as batch_op:
        batch_op.create_index('ix_sync_peer_role_code', ['role', 'code'], unique=False)

    op.create_table('sync_receipt',
    sa.Column('receipt_id', sa.String(length=64), nullable=False),
    sa.Column('direction', sa.String(length=8), nullable=False),
    sa.Column('commune_code', sa.String(length=32), nullable=False),
    sa.Column('device_id', sa.String(length=64), nullable=False),
    sa.Column('sequence', sa.Integer(), nullable=False),
    sa.Column('manifest_sha256', sa.String(length=64), nullable=False),
    sa.Column('accepted_at', sa.String(length=32), nullable=False),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('document', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('receipt_id', name=op.f('pk_sync_receipt'))
    )
    with op.batch_alter_table('sync_receipt', schema=None) as batch_op:
        batch_op.create_index('ix_sync_receipt_commune', ['direction', 'commune_code', 'device_id', 'sequence'], unique=False)

    op.create_table('sync_row_origin',
    sa.Column('table_name', sa.String(length=64), nullable=False),
    sa.Column('row_id', sa.String(length=64), nullable=False),
    sa.Column('commune_code', sa.String(length=32), nullable=False),
    sa.Column('device_id', sa.String(length=64), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('table_name', 'row_id', name=op.f('pk_sync_row_origin'))
    )


def downgrade() -> None:
    op.drop_table('sync_row_origin')
    with op.batch_alter_table('sync_receipt', schema=None) as batch_op:
        batch_op.drop_index('ix_sync_receipt_commune')

    op.drop_table('sync_receipt')
    with op.batch_alter_table('sync_peer', schema=None) as batch_op:
        batch_op.drop_index('ix_sync_peer_role_code')

    op.drop_table('sync_peer')
    op.drop_table('sync_key')
    op.drop_table('sync_import')
    op.drop_table('sync_export')
    with op.batch_alter_table('sync_conflict', schema=None) as batch_op:
        batch_op.drop_index('ix_sync_conflict_open')

    op.drop_table('sync_conflict')
    op.drop_table('sync_audit')
