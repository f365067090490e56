"""The team hub: a PostgreSQL database holding the team's catalogue, which
every desktop's own library (SQLite) pushes to and pulls from.

The hub keeps each record as one document (``objects``: kind, uuid, the
record as JSON) stamped with a number from one sequence, the hub's
version: a pull asks for everything after the version it last saw, a push
says which version each change was based on. Who may do what is
PostgreSQL's (``roles``); the schema has Alembic migrations of its own
(``migrate.HUB``). Nothing here imports Qt or a service.
"""

#: A library's meta keys of its membership: the hub's URL (never its
#: password), when it last synced. (A field copy carries neither.)
HUB_KEY, SYNCED_KEY = "team.hub", "team.synced_at"
#: The folder, in a library's folder, of the hub's state as last synced.
MIRROR = "team"
