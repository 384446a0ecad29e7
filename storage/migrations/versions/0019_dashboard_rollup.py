"""Dashboard speed: per-case durations as generated columns, and indexes that hand out medians

`accept_secs` (report → first acceptance) and `fix_secs` (report → resolution), seconds, NULL until
the case has that time. They are GENERATED columns, so every path that sets `responded_at` /
`resolved_at` (the lifecycle, imports, bulk inserts, tests) keeps them right without code: STORED on
PostgreSQL (an immutable expression of two timestamptz), VIRTUAL on SQLite (ALTER TABLE can only add
virtual ones; the indexes below store their values). The ORM model does not map them (nothing
writes them); storage/repositories/dashboard.py reads them.

Indexes: (secs, scope…), (department, secs, …) and (category, secs, …) for each duration, so a
median is one short index walk (ORDER BY secs LIMIT 2 OFFSET (n-1)/2) per group, not a sort of the
table (scripts/bench_web.py); the trailing columns cover the scope and the common filters.
ix_cases_branch_lon: a branch's westmost / eastmost case (the map's first view) from an index.

Revision ID: 0019_dashboard_rollup
Revises: 0018
"""
from alembic import op

revision = '0019_dashboard_rollup'
down_revision = '0018'
branch_labels = None
depends_on = None

DURATIONS = {"accept_secs": "responded_at", "fix_secs": "resolved_at"}
COVER = ["branch_id", "status", "created_at"]


def _indexes() -> list[tuple[str, list[str]]]:
    out = []
    for secs in DURATIONS:
        short = secs.split("_")[0]
        out += [(f"ix_cases_{short}", [secs, "department", "category", *COVER]),
                (f"ix_cases_{short}_dept", ["department", secs, "category", *COVER]),
                (f"ix_cases_{short}_cat", ["category", secs, "department", *COVER])]
    return out


def upgrade() -> None:
    pg = op.get_bind().dialect.name == "postgresql"
    for secs, done in DURATIONS.items():
        if pg:
            op.execute(f"ALTER TABLE cases ADD COLUMN {secs} double precision GENERATED ALWAYS AS "
                       f"(extract(epoch FROM ({done} - created_at))::double precision) STORED")
        else:
            op.execute(f"ALTER TABLE cases ADD COLUMN {secs} REAL GENERATED ALWAYS AS "
                       f"((julianday({done}) - julianday(created_at)) * 86400.0) VIRTUAL")
    for name, columns in _indexes():
        op.create_index(name, 'cases', columns)
    op.create_index('ix_cases_branch_lon', 'cases', ['branch_id', 'lon', 'lat'])


def downgrade() -> None:
    op.drop_index('ix_cases_branch_lon', 'cases')
    for name, _ in reversed(_indexes()):
        op.drop_index(name, 'cases')
    for secs in DURATIONS:
        op.drop_column('cases', secs)
