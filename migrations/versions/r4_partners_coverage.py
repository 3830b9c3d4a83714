"""partner funds and seven-risk coverage: partner enrolments, members' outside welfare schemes

Revision ID: r4partners
Revises: r8users
Create Date: 2026-11-26

Written by hand (two new tables, no change to existing ones). Constraint and index names follow the
naming convention of ``villagebank.ledger.db.schema`` so that batch mode can find them later.
"""

import sqlalchemy as sa
from alembic import op

revision = "r4partners"
down_revision = "r8users"
branch_labels = None
depends_on = None


def _span_table(name: str, key_column: str) -> None:
    op.create_table(
        name,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_no", sa.Integer(), nullable=False),
        sa.Column(key_column, sa.String(length=40), nullable=False),
        sa.Column("since", sa.Date(), nullable=False),
        sa.Column("until", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("recorded_at", sa.Text(), nullable=False),
        sa.Column("ended_at", sa.Text(), nullable=True),
        sa.CheckConstraint("until IS NULL OR until >= since", name=op.f(f"ck_{name}_dates")),
        sa.ForeignKeyConstraint(["member_no"], ["member.member_no"], name=op.f(f"fk_{name}_member_no_member")),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{name}")),
    )


def upgrade() -> None:
    _span_table("partner_enrolment", "partner")
    with op.batch_alter_table("partner_enrolment", schema=None) as batch_op:
        batch_op.create_index("ix_partner_enrolment_member", ["member_no", "partner"], unique=False)
        batch_op.create_index("ix_partner_enrolment_partner", ["partner", "since"], unique=False)

    _span_table("member_scheme", "scheme")
    with op.batch_alter_table("member_scheme", schema=None) as batch_op:
        batch_op.create_index("ix_member_scheme_member", ["member_no", "scheme"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("member_scheme", schema=None) as batch_op:
        batch_op.drop_index("ix_member_scheme_member")
    op.drop_table("member_scheme")
    with op.batch_alter_table("partner_enrolment", schema=None) as batch_op:
        batch_op.drop_index("ix_partner_enrolment_partner")
        batch_op.drop_index("ix_partner_enrolment_member")
    op.drop_table("partner_enrolment")
