"""A throw-away PostgreSQL server for the team hub's tests and benchmarks.

``running_cluster()`` makes a cluster in a temporary folder (initdb), starts
it listening on a Unix socket only (pg_ctl), with password authentication
(scram-sha-256) so wrong passwords are refused as in production, and stops
and deletes it at the end. initdb refuses to run as root, so as root the
server runs as ``nobody``. The Debian package's programs live in
``/usr/lib/postgresql/<version>/bin`` (not on PATH): the newest is used.
"""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

#: The superuser initdb makes.
ADMIN = "ngodesk_admin"
PORT = 5432  # (only names the socket file: the server listens on no TCP port)
#: What to run when the server's programs are missing.
INSTALL = "apt-get install -y --no-install-recommends postgresql"


def server_programs() -> Path | None:
    """The folder holding initdb and pg_ctl, or None if PostgreSQL's server
    is not installed."""
    on_path = shutil.which("initdb")
    if on_path and shutil.which("pg_ctl"):
        return Path(on_path).parent
    found = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parent.parent.name.split(".")[0])
    )
    return found[-1].parent if found else None


@dataclass(frozen=True)
class Cluster:
    """A server's cluster in ``folder``: connect as ``ADMIN`` with
    ``password`` through the socket there."""

    folder: Path
    password: str
    programs: Path

    def url(self, database: str = "postgres", user: str = ADMIN, password: str | None = None) -> str:
        """A libpq URL for ``database`` as ``user`` (the admin's password by
        default; "" for none)."""
        secret = self.password if password is None else password
        login = f"{quote(user)}:{quote(secret)}@" if secret else f"{quote(user)}@"
        return f"postgresql://{login}/{quote(database)}?host={quote(str(self.folder))}&port={PORT}"

    def sql(self, statement: str, database: str = "postgres") -> list[tuple[object, ...]]:
        """Run one statement as the admin (autocommit); its rows, if any."""
        import psycopg

        with psycopg.connect(self.url(database), autocommit=True) as connection:
            cursor = connection.execute(statement.encode())
            return cursor.fetchall() if cursor.description else []

    def _run(self, *command: str) -> None:
        owner = {"user": 65534, "group": 65534} if os.geteuid() == 0 else {}  # nobody: initdb refuses root
        try:
            subprocess.run(command, check=True, capture_output=True, cwd=self.folder, **owner)
        except subprocess.CalledProcessError as error:
            said = (error.stderr or b"").decode(errors="replace")
            log = self.folder / "server.log"
            if log.exists():
                said += log.read_text(errors="replace")[-4000:]
            raise RuntimeError(f"PostgreSQL failed: {' '.join(error.cmd)}\n{said}") from error

    def make(self) -> None:
        """initdb: a new cluster with the admin's password."""
        (self.folder / "pw").write_text(self.password)
        if os.geteuid() == 0:
            os.chown(self.folder / "pw", 65534, 65534)
        self._run(
            str(self.programs / "initdb"),
            *("-D", str(self.folder / "data"), "-U", ADMIN, "--pwfile", str(self.folder / "pw")),
            *("--auth", "scram-sha-256", "--encoding", "UTF8", "--locale", "C", "--no-sync"),
        )

    def start(self) -> None:
        options = f"-k {self.folder} -c listen_addresses='' -p {PORT} -c fsync=off -c full_page_writes=off"
        log = str(self.folder / "server.log")
        self._run(
            str(self.programs / "pg_ctl"), "-D", str(self.folder / "data"), "-l", log, "-w", "-o", options, "start"
        )

    def kill(self) -> None:
        """Stop the server at once, as a crash would (connections cut)."""
        self._run(str(self.programs / "pg_ctl"), "-D", str(self.folder / "data"), "-m", "immediate", "-w", "stop")


@contextmanager
def running_cluster() -> Iterator[Cluster]:
    """Start a fresh cluster; stop and delete it when the block ends."""
    programs = server_programs()
    if programs is None:
        raise FileNotFoundError(f"PostgreSQL's server is not installed (as root: {INSTALL})")
    folder = Path(tempfile.mkdtemp(prefix="ngodesk-pg-"))
    if os.geteuid() == 0:
        os.chown(folder, 65534, 65534)
    cluster = Cluster(folder, secrets.token_urlsafe(16), programs)
    try:
        cluster.make()
        cluster.start()
        try:
            yield cluster
        finally:
            with suppress(RuntimeError):  # (a test that killed it and left it down)
                cluster.kill()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
