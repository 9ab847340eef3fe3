"""Production settings: `check --deploy` is silent, and a missing secret stops start-up."""

from .conftest import manage, production_environment


def test_check_deploy_prints_no_warning_with_production_settings(tmp_path):
    env = production_environment(
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        ALLOWED_HOSTS="www.example.cn",
        SECURE_SSL_REDIRECT="1",
        REDIS_URL="redis://127.0.0.1:6379/0",
    )
    result = manage("check", "--deploy", "--fail-level", "DEBUG", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout
    assert "WARNING" not in result.stdout + result.stderr


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    env = production_environment(DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}")
    del env["SECRET_KEY"]
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "Set the SECRET_KEY environment variable." in result.stderr
