"""Graceful failure: PostgreSQL down gives a friendly 503 in the reader's language; Redis down
still serves (uncached), logs it, and recovers without a restart."""

import json
import logging
import urllib.error
import urllib.request

import pytest

from tests.factories import NewsArticlePageFactory
from website.languages import page_url_in


def fetch(url):
    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


@pytest.mark.parametrize(
    ("path", "lang", "heading"),
    [
        ("/", "zh-Hans", "网站暂时无法访问"),
        ("/xinwen/", "zh-Hans", "网站暂时无法访问"),
        ("/en/", "en", "The site is briefly unavailable"),
        ("/en/news/some-article/", "en", "The site is briefly unavailable"),
    ],
)
def test_database_down_every_page_answers_a_friendly_503_in_the_readers_language(
    gunicorn_without_database, path, lang, heading
):
    status, headers, html = fetch(gunicorn_without_database["url"] + path)
    assert status == 503
    assert headers["Retry-After"] == "30"
    assert f'<html lang="{lang}">' in html
    assert heading in html
    assert "Traceback" not in html and "OperationalError" not in html
    # The security headers are still there.
    assert "'unsafe-inline'" not in headers["Content-Security-Policy"]


def test_database_down_health_check_answers_503_json(gunicorn_without_database):
    status, headers, body = fetch(gunicorn_without_database["url"] + "/healthz")
    assert status == 503
    assert headers["Content-Type"] == "application/json"
    assert json.loads(body)["database"] == "down"
    assert json.loads(body)["status"] == "down"


def test_hashed_static_files_are_compressed_and_cached_for_a_year(gunicorn_without_database):
    manifest = json.loads((gunicorn_without_database["static_root"] / "staticfiles.json").read_text())
    hashed = manifest["paths"]["css/site.css"]
    assert hashed != "css/site.css"
    request = urllib.request.Request(
        f"{gunicorn_without_database['url']}/static/{hashed}",
        headers={"Accept-Encoding": "gzip, br", "X-Forwarded-Proto": "https"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.status == 200
        assert response.headers["Cache-Control"] == "max-age=315360000, public, immutable"
        assert response.headers["Content-Encoding"] in {"gzip", "br"}


@pytest.fixture
def redis_cache(settings, throwaway_redis):
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": throwaway_redis.url,
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
        }
    }
    settings.DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
    settings.DJANGO_REDIS_LOGGER = "website.cache"
    return throwaway_redis


@pytest.mark.django_db
def test_redis_down_the_site_still_serves_logs_it_and_recovers(client, news_index, redis_cache, caplog):
    article = NewsArticlePageFactory(parent=news_index)
    pages = [page_url_in(page, language) for page in (news_index.get_parent(), news_index, article)
             for language in ("zh-hans", "en")]  # fmt: skip
    assert client.get("/healthz").json()["cache"] == "ok"

    redis_cache.stop()
    with caplog.at_level(logging.ERROR, logger="website.cache"):
        for url in pages:
            assert client.get(url).status_code == 200, url
        health = client.get("/healthz")
    assert health.status_code == 200
    assert health.json() == {**health.json(), "status": "degraded", "database": "ok", "cache": "down"}
    assert any(record.name == "website.cache" for record in caplog.records)

    redis_cache.start()
    health = client.get("/healthz")
    assert health.json()["cache"] == "ok"
    assert health.json()["status"] == "ok"
    for url in pages:
        assert client.get(url).status_code == 200, url


def test_the_site_recovers_from_a_database_outage_without_a_restart(tmp_path):
    """gunicorn keeps a persistent connection (DB_CONN_MAX_AGE) to PostgreSQL through a proxy
    the test cuts and restores: /healthz goes 200 → 503 → 200 with the same processes."""
    import subprocess
    import sys
    from pathlib import Path

    from .conftest import ROOT, SwitchableTcpProxy, production_environment, wait_for_port

    try:
        socket_check = __import__("socket").create_connection(("127.0.0.1", 5432), timeout=1)
        socket_check.close()
    except OSError:
        pytest.skip("no PostgreSQL on 127.0.0.1:5432")
    proxy = SwitchableTcpProxy(6391, ("127.0.0.1", 5432))
    proxy.start()
    port = 8039
    env = production_environment(
        DATABASE_URL="postgres://postgres@127.0.0.1:6391/postgres",  # the maintenance database
        DB_CONN_MAX_AGE="600",
        STATIC_ROOT=str(tmp_path / "static"),
    )
    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    server = subprocess.Popen(
        [gunicorn, "website.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port, timeout=60)
        health = f"http://127.0.0.1:{port}/healthz"
        assert fetch(health)[0] == 200
        proxy.stop()
        status, _, body = fetch(health)
        assert (status, json.loads(body)["database"]) == (503, "down")
        proxy.start()
        status, _, body = fetch(health)
        assert (status, json.loads(body)["database"]) == (200, "ok")
    finally:
        server.terminate()
        server.wait(10)
        proxy.stop()
