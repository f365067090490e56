"""The Qt desktop application. Widgets call services and get plain values
back; they never hold a SQLAlchemy session or ORM objects.

Importing this package imports the Qt-free layers the window stands on
(the services, and with them SQLAlchemy and numpy) before Qt itself:
PySide6 replaces ``__import__`` with a hook that reads the whole source of
every module imported after it, looking for the word "PySide6" (the
switch of its ``__feature__`` options), and ``linecache`` keeps what it
read. Imported after Qt, those libraries were ~310,000 lines read at
every start: ~0.1 s, and 17 MB more memory held for nothing.
"""

import numpy  # noqa: F401

from ngodesk.services import backups, queries  # noqa: F401
