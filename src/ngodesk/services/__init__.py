"""One function per user action. Each validates, writes in one transaction,
keeps the search index current and returns a ChangeSet. No Qt here; the
CLI, the GUI and importers all write through these functions."""
