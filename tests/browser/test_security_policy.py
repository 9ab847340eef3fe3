"""The public site's Content-Security-Policy (no inline script or style) breaks nothing:
Chromium reports no violation on any page type, in either language."""

import pytest

# The live server needs committed data; serialized rollback restores the rows Wagtail's
# migrations create between tests.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def public_paths():
    """One live page of every page type (an English one where there is one), plus routes."""
    from wagtail.models import Page

    from website.languages import page_url_in

    paths = []
    for page in Page.objects.live().filter(depth__gt=1).specific().order_by("path"):
        kind = type(page).__name__
        if kind in {name for name, _ in paths}:
            continue
        for language in ("zh-hans", "en"):
            paths.append((kind, page_url_in(page, language)))
    paths += [
        ("search", "/search/?q=%E8%B4%A8%E5%AD%90"),
        ("search", "/en/search/?q=proton"),
        ("not found", "/no-such-page/"),
        ("not found", "/en/no-such-page/"),
    ]
    return paths


def test_no_page_type_violates_the_content_security_policy(tab, demo_site):
    violations = []
    tab.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    paths = public_paths()
    assert len({kind for kind, _ in paths}) >= 5, paths
    for kind, path in paths:
        response = tab.goto(demo_site + path)
        assert "'unsafe-inline'" not in response.headers["content-security-policy"], path
        assert response.headers["content-security-policy"].startswith("default-src 'self'")
        tab.wait_for_load_state("load")
        assert violations == [], f"{kind} {path}: {violations}"
