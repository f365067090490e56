"""In-transaction building blocks: functions that take the open
``Session`` of a service's transaction and do one step of it (never
commit, never begin). ``services/`` composes them into user actions
(a ``Library`` in, a ``ChangeSet`` out); nothing here imports a service."""
