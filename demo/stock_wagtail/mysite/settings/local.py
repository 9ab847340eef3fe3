"""This deployment's part of the settings (production.py imports it, as `wagtail start` meant):
the database, media and collected static files in one throwaway directory, STOCK_WAGTAIL_DIR,
which demo/stock_wagtail/reference.py makes and removes."""

import os
import secrets
from pathlib import Path

DATA_DIR = Path(os.environ["STOCK_WAGTAIL_DIR"])

SECRET_KEY = secrets.token_urlsafe(50)  # nothing signed outlives the process
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": DATA_DIR / "db.sqlite3"}}
STATIC_ROOT = DATA_DIR / "static"
MEDIA_ROOT = DATA_DIR / "media"
