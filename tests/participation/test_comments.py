"""Readers comment on an article; nothing appears until a moderator approves it in the admin."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from participation.models import Comment
from tests.html import han_outside_zh_markup, parse
from website.languages import page_url_in

from .conftest import shown_earlier
from .factories import CommentFactory

pytestmark = pytest.mark.django_db

XSS = '<script>alert(1)</script>"><img src=x onerror=alert(1)>'


def post(client, article, language="zh-hans", **overrides):
    prefix = {"en": "/en", "zh-hant": "/zh-hant"}.get(language, "")
    data = {"name": "", "email": "", "text": "A fine report.", "consent": "on", **shown_earlier()}
    data.update(overrides)
    return client.post(f"{prefix}/participation/comments/{article.pk}/", data)


@pytest.mark.parametrize("language", ["zh-hans", "zh-hant", "en"])
def test_comment_is_held_until_a_moderator_approves_it_in_bulk(client, admin_client, article, language):
    url = page_url_in(article, language)
    response = post(client, article, language, text="Waiting for the moderator", name="")
    assert response.status_code == 302 and response["Location"].startswith(url)
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.PENDING and comment.language == language

    page = client.get(response["Location"])
    assert "Waiting for the moderator" not in page.content.decode()
    assert parse(page).select_one("#comments [role=status]")

    listing = admin_client.get("/admin/snippets/participation/comment/")
    assert "Waiting for the moderator" in listing.content.decode()
    bulk = f"/admin/bulk/participation/comment/approve/?id={comment.pk}"
    assert admin_client.get(bulk).status_code == 200
    assert admin_client.post(bulk).status_code == 302
    comment.refresh_from_db()
    assert comment.status == Comment.Status.APPROVED

    soup = parse(client.get(url))
    text = soup.select_one("#comments").get_text(" ", strip=True)
    assert "Waiting for the moderator" in text
    if language == "en":  # the Chinese wording comes with the lead's compiled catalogue
        assert "Anonymous" in text
        assert han_outside_zh_markup(soup.main) == []


def test_reject_in_bulk_keeps_comments_hidden(admin_client, client, article):
    comments = CommentFactory.create_batch(2, article=article, status=Comment.Status.PENDING, text="spam")
    ids = "&".join(f"id={c.pk}" for c in comments)
    admin_client.post(f"/admin/bulk/participation/comment/reject/?{ids}")
    assert set(Comment.objects.values_list("status", flat=True)) == {Comment.Status.REJECTED}
    assert "spam" not in parse(client.get(article.url)).select_one("#comments").get_text()


def test_comments_off_by_default_shows_no_form_and_refuses_posts(client, news_index):
    from tests.factories import NewsArticlePageFactory

    article = NewsArticlePageFactory(parent=news_index)
    assert parse(client.get(article.url)).select_one("#comments") is None
    assert post(client, article).status_code == 404
    assert not Comment.objects.exists()


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_consent_is_required(client, article, language):
    response = post(client, article, language, consent="")
    assert response.status_code == 200
    assert parse(response).select_one(".participation-form [aria-invalid=true]")
    assert not Comment.objects.exists()


@pytest.mark.parametrize(
    "overrides, status",
    [({"website": "x"}, 400), ("just shown", 400), ({"form_started": ""}, 400)],
)
def test_spam_defence_refuses_comments(client, article, overrides, status):
    if overrides == "just shown":
        overrides = shown_earlier(seconds=0)
    response = post(client, article, "en", **overrides)
    assert response.status_code == status
    assert parse(response).select_one('[role="alert"]').get_text(strip=True)
    assert not Comment.objects.exists()


def test_rate_limit_refuses_comments(client, article, settings):
    settings.PARTICIPATION_RATE_LIMIT = (1, 600)
    assert post(client, article).status_code == 302
    response = post(client, article, "en")
    assert response.status_code == 429
    assert "too many messages" in parse(response).select_one('[role="alert"]').get_text()
    assert Comment.objects.count() == 1


def test_xss_in_every_field_is_stored_and_shown_inert(client, admin_client, article):
    post(client, article, name=XSS[:100], text=XSS)
    comment = Comment.objects.get()
    assert comment.text == XSS
    comment.status = Comment.Status.APPROVED
    comment.save()
    for html in (
        client.get(article.url).content.decode(),
        admin_client.get("/admin/snippets/participation/comment/").content.decode(),
    ):
        assert "<script>alert(1)" not in html and "<img src=x onerror" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_article_query_count_does_not_grow_with_comments(client, article):
    CommentFactory(article=article)
    client.get(article.url)  # warm caches (site root, settings)
    with CaptureQueriesContext(connection) as few:
        assert client.get(article.url).status_code == 200
    CommentFactory.create_batch(30, article=article)
    with CaptureQueriesContext(connection) as many:
        response = client.get(article.url)
    assert len(parse(response).select("#comments li.comment")) == 31
    assert len(many) == len(few)


def test_both_chinese_editions_show_every_chinese_comment_in_their_own_script(client, article):
    CommentFactory(article=article, status=Comment.Status.APPROVED, language="zh-hans", text="发展很快")
    CommentFactory(article=article, status=Comment.Status.APPROVED, language="zh-hant", text="質子中心")

    simplified = parse(client.get(article.url)).select_one("#comments").get_text()
    traditional = parse(client.get("/zh-hant" + article.url)).select_one("#comments").get_text()
    english = parse(client.get(page_url_in(article, "en"))).select_one("#comments").get_text()

    assert "发展很快" in simplified and "質子中心" in simplified
    assert "發展很快" in traditional and "質子中心" in traditional
    assert "发展" not in english and "質子" not in english
