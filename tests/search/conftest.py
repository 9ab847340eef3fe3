"""The browser fixtures (tests/browser/conftest.py) for the search page's browser tests."""

from ..browser.conftest import browser, demo_site, pytest_collection_modifyitems, tab  # noqa: F401
