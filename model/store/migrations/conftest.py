"""The migration scripts run inside Alembic only: pytest's doctest collection must not import them."""

collect_ignore = ["env.py", "versions"]
