"""Throwaway servers for the fault tests (a Redis the test may stop, gunicorn as production runs),
the admin login with django-axes as production has it, and the caches as production runs them."""

import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.cache import cache
from django.test import Client

from tests.workflow.factories import StaffFactory
from workflow.roles import SITE_ADMINISTRATORS

ROOT = Path(__file__).resolve().parents[2]


def free_port():
    """A port nothing listens on now: each server of a run gets its own, so the suite's parallel
    workers (and parallel runs) never meet one another's (a fixed port let one worker's test
    reach the other's gunicorn as it shut down)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def page_cache(settings, empty_cache):
    """The page cache and the kept parts of pages (website.cache.page_parts), on together as
    in production."""
    settings.PAGE_CACHE_SECONDS = 600
    settings.FRAGMENT_CACHE_SECONDS = 600


@pytest.fixture
def fragment_cache(settings, empty_cache):
    settings.FRAGMENT_CACHE_SECONDS = 600


@pytest.fixture
def site_admin(client, db):
    client.force_login(StaffFactory(role=SITE_ADMINISTRATORS))
    return client


@pytest.fixture
def reader():
    """An anonymous reader, beside the signed-in `client` of site_admin."""
    return Client()


@pytest.fixture
def axes_backend(settings):
    """The production backends (test settings drop axes' backend, which Client.login() trips)."""
    settings.AUTHENTICATION_BACKENDS = [
        "axes.backends.AxesStandaloneBackend",
        "django.contrib.auth.backends.ModelBackend",
    ]
    settings.AXES_FAILURE_LIMIT = 5
    return settings


def wait_for_port(port, timeout=30, up=True):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                if up:
                    return
        except OSError:
            if not up:
                return
        time.sleep(0.1)
    raise TimeoutError(f"port {port} did not come {'up' if up else 'down'}")


class ThrowawayRedis:
    """A redis-server on its own port, never the shared one, that a test can stop and start."""

    def __init__(self, port):
        self.port = port
        self.process = None
        self.url = f"redis://127.0.0.1:{port}/0"

    def start(self):
        self.process = subprocess.Popen(
            [shutil.which("redis-server"), "--port", str(self.port), "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for_port(self.port)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)
        wait_for_port(self.port, up=False)


@pytest.fixture
def throwaway_redis():
    if not shutil.which("redis-server"):
        pytest.skip("redis-server is not installed (apt-get install redis-server)")
    redis = ThrowawayRedis(free_port())
    redis.start()
    yield redis
    redis.stop()


def production_environment(**extra):
    """What an operator sets (docs/deployment.md), for a server on this machine."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL", "PYTEST"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="website.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SITE_URL="http://127.0.0.1:8000",
        SECURE_SSL_REDIRECT="0",
    )
    env.update(extra)
    return env


def manage(*args, env):
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )


@pytest.fixture(scope="module")
def gunicorn_without_database(tmp_path_factory):
    """gunicorn with production settings, its static files collected, and PostgreSQL unreachable
    (a closed port): the database outage every request of these tests meets."""
    static_root = tmp_path_factory.mktemp("static")
    env = production_environment(
        DATABASE_URL="postgres://postgres@127.0.0.1:1/jimc_unreachable", STATIC_ROOT=str(static_root)
    )
    collected = manage("collectstatic", "--noinput", "--verbosity", "0", env=env)
    assert collected.returncode == 0, collected.stderr
    log = tmp_path_factory.mktemp("log") / "gunicorn.log"
    with open(log, "w") as output:
        gunicorn = str(Path(sys.executable).parent / "gunicorn")
        port = free_port()
        bind = f"127.0.0.1:{port}"
        server = subprocess.Popen(
            [gunicorn, "website.wsgi", "--bind", bind, "--workers", "1", "--access-logfile", "-"],
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_for_port(port, timeout=60)
        yield {"url": f"http://127.0.0.1:{port}", "static_root": static_root, "log": log}
    finally:
        server.terminate()
        server.wait(10)


class SwitchableTcpProxy:
    """127.0.0.1:<port> forwarding to a real server; stop() cuts every connection and refuses
    new ones, start() serves again: a database outage and its end, without touching the server."""

    def __init__(self, port, target):
        self.port, self.target = port, target
        self.listener, self.sockets, self.running = None, [], False

    def start(self):
        import threading

        self.listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", self.port))
        self.listener.listen(16)
        self.running = True
        threading.Thread(target=self._accept, args=(self.listener,), daemon=True).start()

    def _accept(self, listener):
        import threading

        while self.running:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(self.target)
            self.sockets += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pipe(source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for end in (source, sink):
                try:
                    end.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def stop(self):
        self.running = False
        try:
            self.listener.shutdown(socket.SHUT_RDWR)  # wakes the thread blocked in accept()
        except OSError:
            pass
        self.listener.close()
        for connection in self.sockets:
            try:
                connection.shutdown(socket.SHUT_RDWR)
                connection.close()
            except OSError:
                pass
        self.sockets = []
