"""SIGTERM and SIGHUP (a logout, a shutdown, ``kill``) close the windows
as the user would: typing is saved, running tasks stop and roll back,
each library is closed and its lock released, instead of the process
vanishing in the middle of a write.

Python runs a signal handler only when the interpreter gets control, which
a Qt event loop waiting for events does not give it; ``set_wakeup_fd``
writes a byte to a socket the loop watches, so the handler runs at once.
"""

from __future__ import annotations

import signal
import socket

from PySide6.QtCore import QSocketNotifier, QTimer
from PySide6.QtWidgets import QApplication

SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


class TerminationWatch(QSocketNotifier):
    """Watches for SIGTERM and SIGHUP while it lives (keep a reference)."""

    def __init__(self, app: QApplication) -> None:
        self.sockets = socket.socketpair()
        reading, writing = self.sockets
        for end in self.sockets:
            end.setblocking(False)
        super().__init__(reading.fileno(), QSocketNotifier.Type.Read, app)
        self.activated.connect(lambda: reading.recv(64))  # (Python runs the handler meanwhile)
        signal.set_wakeup_fd(writing.fileno(), warn_on_full_buffer=False)
        for number in SIGNALS:
            if signal.getsignal(number) is signal.SIG_DFL:  # (not one ignored on purpose: nohup)
                signal.signal(number, lambda *_: QTimer.singleShot(0, app.closeAllWindows))
