"""Persistence: SQLAlchemy models, migrations, the search index table and the
library folder (lock, paths). No Qt here."""
