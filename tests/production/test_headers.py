"""Security headers on public pages (both languages) and in the admin."""

import pytest

from tests.factories import NewsArticlePageFactory
from website.languages import page_url_in


def csp_directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


@pytest.fixture
def article(news_index):
    return NewsArticlePageFactory(parent=news_index)


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_public_pages_send_a_strict_policy_and_the_other_security_headers(client, article, language):
    for page in [article.get_parent().get_parent(), article.get_parent(), article]:
        url = page_url_in(page, language)
        response = client.get(url)
        assert response.status_code == 200, url
        directives = csp_directives(response)
        assert "'unsafe-inline'" not in response["Content-Security-Policy"]
        assert "'unsafe-eval'" not in response["Content-Security-Policy"]
        assert directives["script-src"] == ["'self'"]
        assert directives["style-src"] == ["'self'"]
        assert directives["frame-ancestors"] == ["'none'"]
        assert directives["object-src"] == ["'none'"]
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert response["X-Frame-Options"] == "DENY"
        assert "camera=()" in response["Permissions-Policy"]
        assert "geolocation=()" in response["Permissions-Policy"]


@pytest.mark.django_db
def test_not_found_pages_carry_the_headers_too(client, home):
    for url in ["/no-such-page/", "/en/no-such-page/"]:
        response = client.get(url)
        assert response.status_code == 404
        assert "'unsafe-inline'" not in response["Content-Security-Policy"]
        assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_the_admin_gets_its_own_policy_and_may_frame_itself(admin_client, home):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    directives = csp_directives(response)
    assert "'unsafe-inline'" in directives["script-src"]
    assert directives["frame-ancestors"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "camera=()" in response["Permissions-Policy"]


def test_no_public_template_has_inline_script_style_or_handler():
    """CSP without 'unsafe-inline' blocks these, so none may exist outside the admin."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    inline = re.compile(
        r"""\sstyle=|<style|\son[a-z]+=["']|<script(?![^>]*\bsrc=)(?![^>]*application/(ld\+)?json)""",
        re.IGNORECASE,
    )
    offenders = []
    for template in root.glob("*/templates/**/*.html"):
        if ".venv" in template.parts or "wagtailadmin" in template.parts:
            continue
        for number, line in enumerate(template.read_text().splitlines(), 1):
            if inline.search(line):
                offenders.append(f"{template.relative_to(root)}:{number}: {line.strip()}")
    assert offenders == []


@pytest.mark.django_db
def test_a_preview_keeps_the_public_policy_but_the_admin_may_frame_it(rf, admin_user, article):
    """Wagtail renders a preview through the whole middleware chain for the page's public
    address; without its own policy the editor's side panel is refused and stays blank."""
    request = rf.get(f"/admin/pages/{article.pk}/edit/preview/", HTTP_HOST="localhost")
    request.user = admin_user
    response = article.make_preview_request(request, article.default_preview_mode)
    assert response.status_code == 200
    directives = csp_directives(response)
    assert directives["frame-ancestors"] == ["'self'"]
    assert directives["script-src"] == ["'self'"]
    assert response["X-Frame-Options"] == "SAMEORIGIN"
