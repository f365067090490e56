"""The team hub on a real PostgreSQL server (started by the ``postgres``
fixture): making it, its roles, and what it refuses."""

from __future__ import annotations

import json

import psycopg
import pytest

from tests.conftest import Cluster
from tests.test_cli import ngodesk, ok

pytestmark = pytest.mark.postgres


def _tables(url: str) -> set[str]:
    with psycopg.connect(url) as connection:
        rows = connection.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'").fetchall()
    return {name for (name,) in rows}


def _login(postgres: Cluster, name: str) -> str:
    postgres.sql(f"DROP ROLE IF EXISTS {name}")
    postgres.sql(f"CREATE ROLE {name} LOGIN PASSWORD 'secret-{name}'")
    return name


def test_team_create_makes_the_hub_and_its_roles_in_an_empty_database(hub_database: str) -> None:
    made = json.loads(ok("team", "create", hub_database, "--json"))

    assert made["made"] is True and made["schema"] == "0001"
    assert {"objects", "blobs", "hub_meta", "ngodesk_hub_schema"} <= _tables(hub_database)
    database = hub_database.split("/")[3].split("?")[0]
    assert made["editors"] == f"ngodesk_{database}_editors" and made["readers"] == f"ngodesk_{database}_readers"
    assert "***" in made["hub"] and "secret" not in json.dumps(made)

    again = ok("team", "create", hub_database)
    assert again.startswith("The team hub is ready")


def test_a_database_holding_other_tables_is_refused_and_left_alone(hub_database: str, postgres: Cluster) -> None:
    with psycopg.connect(hub_database) as connection:
        connection.execute("CREATE TABLE invoices (id int)")

    done = ngodesk("team", "create", hub_database)

    assert done.returncode == 1
    assert "already holds other tables (invoices)" in done.stderr
    assert _tables(hub_database) == {"invoices"}


def test_a_hub_made_by_a_newer_program_is_refused_untouched(hub_database: str, postgres: Cluster) -> None:
    ok("team", "create", hub_database)
    with psycopg.connect(hub_database) as connection:
        connection.execute("UPDATE ngodesk_hub_schema SET version_num = '0999'")
    alice = _login(postgres, "alice_newer")

    for args in (("team", "create", hub_database), ("team", "grant", hub_database, alice, "--editor")):
        done = ngodesk(*args)
        assert done.returncode == 1
        assert "made by a newer ngodesk (schema 0999" in done.stderr and "not changed" in done.stderr

    with psycopg.connect(hub_database) as connection:
        assert connection.execute("SELECT version_num FROM ngodesk_hub_schema").fetchall() == [("0999",)]
        member = connection.execute(
            "SELECT pg_has_role('alice_newer', oid, 'MEMBER') FROM pg_roles WHERE rolname LIKE 'ngodesk_%_editors'"
        ).fetchall()
    assert member and not any(m for (m,) in member)


def test_a_wrong_password_is_said_plainly_and_never_printed(hub_database: str, postgres: Cluster) -> None:
    database = hub_database.split("/")[3].split("?")[0]
    url = postgres.url(database, password="not-the-password")

    done = ngodesk("team", "create", url)

    assert done.returncode == 1
    assert "refused the password of ngodesk_admin" in done.stderr
    assert "PGPASSWORD or ~/.pgpass" in done.stderr
    assert "not-the-password" not in done.stderr + done.stdout and "Traceback" not in done.stderr
    assert _tables(hub_database) == set()


def test_the_password_may_come_from_pgpassword_instead_of_the_url(hub_database: str, postgres: Cluster) -> None:
    database = hub_database.split("/")[3].split("?")[0]

    done = ngodesk("team", "create", postgres.url(database, password=""), env={"PGPASSWORD": postgres.password})

    assert done.returncode == 0, done.stderr
    assert "***" not in done.stdout and postgres.password not in done.stdout


def test_an_unreachable_server_is_said_plainly(tmp_path) -> None:
    done = ngodesk("team", "create", f"postgresql://someone@/hub?host={tmp_path}&port=5432")

    assert done.returncode == 1
    assert done.stderr.startswith(f"ngodesk: Cannot reach the hub postgresql://someone@/hub?host={tmp_path}")


def test_readers_may_read_and_editors_may_also_write_and_every_change_is_stamped(
    hub_database: str, postgres: Cluster
) -> None:
    ok("team", "create", hub_database)
    database = hub_database.split("/")[3].split("?")[0]
    reader, editor = _login(postgres, "rita_reader"), _login(postgres, "ed_editor")

    assert "rita_reader is now a reader" in ok("team", "grant", hub_database, reader, "--reader")
    assert "ed_editor is now an editor" in ok("team", "grant", hub_database, editor, "--editor")
    change = "INSERT INTO objects (kind, uuid, data) VALUES ('story', gen_random_uuid(), '{}')"

    with psycopg.connect(postgres.url(database, reader, "secret-rita_reader")) as connection:
        assert connection.execute("SELECT count(*) FROM objects").fetchone() == (0,)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            connection.execute(change)
    with psycopg.connect(postgres.url(database, editor, "secret-ed_editor")) as connection:
        connection.execute(change)
        connection.execute(change)
        stamped = connection.execute("SELECT version, changed_by FROM objects ORDER BY version").fetchall()
    assert [who for _, who in stamped] == ["ed_editor", "ed_editor"]
    assert stamped[0][0] < stamped[1][0]

    # Granted the other role, a member leaves the first.
    ok("team", "grant", hub_database, editor, "--reader")
    with psycopg.connect(postgres.url(database, editor, "secret-ed_editor")) as connection:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            connection.execute(change)


def test_granting_a_role_the_server_lacks_says_how_to_make_it(hub_database: str) -> None:
    ok("team", "create", hub_database)

    done = ngodesk("team", "grant", hub_database, "nobody_here", "--editor")

    assert done.returncode == 1
    assert "There is no role nobody_here on the hub's server" in done.stderr
