"""Alembic migrations of the library schema (applied on open)."""
