"""Alembic migrations of the register (see README.md); a package so that it ships in wheels."""
