"""Drafts per browser tab, soft delete, and the list's index.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("scenarios") as batch:
        batch.add_column(sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True))
    op.create_index("ix_scenarios_updated_at", "scenarios", ["updated_at"])
    op.create_table(
        "scenario_drafts",
        sa.Column("scenario_id", sa.String(36), sa.ForeignKey("scenarios.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("token", sa.String(36), primary_key=True),
        sa.Column("base_version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("document", sa.Text(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("scenario_drafts")
    op.drop_index("ix_scenarios_updated_at", "scenarios")
    with op.batch_alter_table("scenarios") as batch:
        batch.drop_column("deleted_at")
