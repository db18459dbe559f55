"""Alembic revisions, one linear chain: 0001_initial, 0002_..., ..."""
