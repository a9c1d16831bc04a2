"""Settings: production passes Django's deploy checks; bad values stop start-up."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": "a-production-secret-that-is-long-enough-and-random-9f8e7d6c5b4a3",
    "AUDIT_KEY": "an-audit-key-kept-apart-from-the-database-3c2b1a",
    "ALLOWED_HOSTS": "panelkeeper.example.org",
    "EMAIL_HOST": "smtp.example.org",
    "EMAIL_HOST_USER": "panelkeeper",
    "EMAIL_HOST_PASSWORD": "mail-password",
    "DEFAULT_FROM_EMAIL": "panelkeeper@example.org",
}


def manage(*args: str, env: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    base = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PANELKEEPER_VAR_DIR": str(tmp_path)}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=base | env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def test_check_deploy_is_clean_with_production_settings(tmp_path: Path) -> None:
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION, tmp_path=tmp_path
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_a_short_secret_key(tmp_path: Path) -> None:
    result = manage("check", env=PRODUCTION | {"SECRET_KEY": "short"}, tmp_path=tmp_path)
    assert result.returncode != 0
    assert "SECRET_KEY must be at least 50 characters" in result.stderr


def test_production_needs_a_mail_server(tmp_path: Path) -> None:
    env = {key: value for key, value in PRODUCTION.items() if key != "EMAIL_HOST"}
    result = manage("check", env=env, tmp_path=tmp_path)
    assert result.returncode != 0
    assert "Set the environment variable EMAIL_HOST" in result.stderr


def test_production_needs_an_audit_key_of_its_own(tmp_path: Path) -> None:
    env = {key: value for key, value in PRODUCTION.items() if key != "AUDIT_KEY"}
    result = manage("check", env=env, tmp_path=tmp_path)
    assert result.returncode != 0
    assert "Set the environment variable AUDIT_KEY" in result.stderr
    result = manage("check", env=PRODUCTION | {"AUDIT_KEY": "short"}, tmp_path=tmp_path)
    assert result.returncode != 0
    assert "AUDIT_KEY must be at least 32 characters" in result.stderr


def test_a_malformed_boolean_stops_start_up_naming_the_variable(tmp_path: Path) -> None:
    result = manage("check", env={"DEBUG": "perhaps"}, tmp_path=tmp_path)
    assert result.returncode != 0
    assert "DEBUG must be true or false" in result.stderr


def test_a_task_lease_too_short_to_renew_stops_start_up(tmp_path: Path) -> None:
    result = manage("check", env={"TASK_LEASE_SECONDS": "1"}, tmp_path=tmp_path)
    assert result.returncode != 0
    assert "TASK_LEASE_SECONDS must be 3 or more" in result.stderr


def test_migrate_alone_leaves_the_cache_table_and_the_audit_triggers(tmp_path: Path) -> None:
    result = manage("migrate", "--no-input", env={}, tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    database = sqlite3.connect(tmp_path / "panelkeeper.sqlite3")
    names = {row[0] for row in database.execute("SELECT name FROM sqlite_master")}
    assert "panelkeeper_cache" in names
    assert {"audit_auditentry_no_update", "audit_auditentry_no_delete"} <= names
    assert database.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def mail_backend(env: dict[str, str]) -> str:
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings; "
            "print(settings.MAILERS['default']['BACKEND'])",
        ],
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "panelkeeper.settings"} | env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_debug_prints_mail_and_production_sends_it_by_smtp() -> None:
    assert mail_backend({}) == "django.core.mail.backends.console.EmailBackend"
    assert mail_backend(PRODUCTION) == "django.core.mail.backends.smtp.EmailBackend"


def _requires_second_factor(env: dict[str, str], tmp_path: Path) -> str:
    shown = "from django.conf import settings; print(settings.REQUIRE_SECOND_FACTOR)"
    result = manage("shell", "-c", shown, env=env, tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_the_second_factor_is_required_outside_the_demo(tmp_path: Path) -> None:
    assert _requires_second_factor(PRODUCTION, tmp_path) == "True"
    assert _requires_second_factor({}, tmp_path) == "True"


def test_a_demo_installation_lets_its_people_skip_the_second_factor(tmp_path: Path) -> None:
    assert _requires_second_factor({"PANELKEEPER_DEMO": "1"}, tmp_path) == "False"
    forced = {"PANELKEEPER_DEMO": "1", "PANELKEEPER_REQUIRE_SECOND_FACTOR": "true"}
    assert _requires_second_factor(forced, tmp_path) == "True"


def _connection_settings(env: dict[str, str], tmp_path: Path) -> str:
    shown = (
        "from django.conf import settings; d = settings.DATABASES['default']; "
        "print(d['CONN_MAX_AGE'], d['CONN_HEALTH_CHECKS'])"
    )
    result = manage("shell", "-c", shown, env=env, tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_production_keeps_connections_open_and_checks_them_before_reuse(tmp_path: Path) -> None:
    assert _connection_settings(PRODUCTION, tmp_path) == "600 True"
    assert _connection_settings({}, tmp_path) == "0 True"
    tuned = {"DATABASE_CONN_MAX_AGE": "60", "DATABASE_CONN_HEALTH_CHECKS": "off"}
    assert _connection_settings(PRODUCTION | tuned, tmp_path) == "60 False"


def test_a_negative_connection_age_stops_start_up(tmp_path: Path) -> None:
    result = manage("check", env={"DATABASE_CONN_MAX_AGE": "-1"}, tmp_path=tmp_path)
    assert result.returncode != 0
    assert "DATABASE_CONN_MAX_AGE must be 0 or more" in result.stderr


def test_uploads_go_to_the_shared_volume_named(tmp_path: Path) -> None:
    shown = (
        "from django.core.files.storage import storages; s = storages['default']; "
        "print(type(s).__name__, s.location)"
    )
    volume = tmp_path / "shared-volume"
    result = manage(
        "shell", "-c", shown, env={"PANELKEEPER_MEDIA_ROOT": str(volume)}, tmp_path=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == f"FileSystemStorage {volume}"


S3 = {
    "PANELKEEPER_STORAGE": "s3",
    "PANELKEEPER_S3_BUCKET": "panelkeeper-files",
    # A closed port: nothing here may reach a network, and nothing would answer there.
    "PANELKEEPER_S3_ENDPOINT_URL": "http://127.0.0.1:9",
    "PANELKEEPER_S3_REGION": "eu-west-2",
    "PANELKEEPER_S3_ACCESS_KEY_ID": "an-access-key",
    "PANELKEEPER_S3_SECRET_ACCESS_KEY": "a-secret-key",
    "PANELKEEPER_S3_ADDRESSING_STYLE": "path",
    "PANELKEEPER_S3_PREFIX": "uploads",
}


def test_uploads_go_to_an_s3_compatible_store_where_configured(tmp_path: Path) -> None:
    # Building the client and signing a link to a file are local work: no request is sent.
    shown = (
        "from django.core.files.storage import storages; s = storages['default']; "
        "c = s.connection.meta.client; "
        "print(type(s).__module__, type(s).__name__, s.bucket_name, s.location, "
        "s.file_overwrite, s.default_acl, c.meta.endpoint_url, c.meta.region_name, "
        "c.meta.config.s3['addressing_style'], s.url('papers/agenda.pdf').split('?')[0])"
    )
    result = manage("shell", "-c", shown, env=PRODUCTION | S3, tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1].split() == [
        "storages.backends.s3",
        "S3Storage",
        "panelkeeper-files",
        "uploads",
        "False",
        "None",
        "http://127.0.0.1:9",
        "eu-west-2",
        "path",
        "http://127.0.0.1:9/panelkeeper-files/uploads/papers/agenda.pdf",
    ]


def start_up_refusal(env: dict[str, str], tmp_path: Path) -> str:
    """What start-up says as it stops with ``env``."""
    result = manage("check", env=env, tmp_path=tmp_path)
    assert result.returncode != 0
    return result.stderr


def test_an_s3_store_needs_its_bucket(tmp_path: Path) -> None:
    env = {key: value for key, value in S3.items() if key != "PANELKEEPER_S3_BUCKET"}
    said = start_up_refusal(env, tmp_path)
    assert "Set the environment variable PANELKEEPER_S3_BUCKET" in said


def test_an_unknown_storage_stops_start_up_naming_the_choices(tmp_path: Path) -> None:
    said = start_up_refusal({"PANELKEEPER_STORAGE": "ftp"}, tmp_path)
    assert "PANELKEEPER_STORAGE must be volume or s3, not 'ftp'" in said
    said = start_up_refusal(S3 | {"PANELKEEPER_S3_ADDRESSING_STYLE": "sideways"}, tmp_path)
    assert "PANELKEEPER_S3_ADDRESSING_STYLE must be path or virtual" in said


def _postgres_options(url: str, tmp_path: Path) -> str:
    shown = "from django.conf import settings; print(settings.DATABASES['default']['OPTIONS'])"
    result = manage("shell", "-c", shown, env={"DATABASE_URL": url}, tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_postgresql_compiles_no_query_just_in_time(tmp_path: Path) -> None:
    plain = _postgres_options("postgres://pk@db.example.org/pk", tmp_path)
    assert plain == "{'options': '-c jit=off'}"
    # Options given in the address are kept beside it.
    tuned = "postgres://pk@db.example.org/pk?options=-c%20statement_timeout%3D5000"
    kept = _postgres_options(tuned, tmp_path)
    assert kept == "{'options': '-c statement_timeout=5000 -c jit=off'}"
