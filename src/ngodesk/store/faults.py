"""What the storage raises when the disk or the database file fails, as
opposed to a value refused: code that reports such a failure and carries
on (a background count, a search) catches ``STORAGE_ERRORS``, so that no
module above the store names the driver."""

from __future__ import annotations

import sqlite3

from sqlalchemy.exc import SQLAlchemyError

STORAGE_ERRORS: tuple[type[Exception], ...] = (sqlite3.Error, SQLAlchemyError)
