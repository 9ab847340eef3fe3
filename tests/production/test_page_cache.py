"""Anonymous readers get cached pages, forms included (with their own token); staff and previews
never do; a publish, unpublish, move, delete or snippet edit shows on every affected page at the
next request (website.cache)."""

import socket

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils.csp import CSP
from taggit.utils import edit_string_for_tags

from participation.models import Comment
from tests.factories import KeywordFactory, NewsArticlePageFactory, NewsIndexPageFactory
from tests.html import parse
from tests.workflow.factories import StaffFactory, article_fields, page_form_data
from website.cache_tags import CLOCK_KEY
from website.languages import page_url_in, reverse_in
from workflow.roles import SITE_ADMINISTRATORS

REDIS_DB5 = "redis://127.0.0.1:6379/5"
LANGUAGES = ("zh-hans", "zh-hant", "en")  # each edition cached on its own, all renewed together
EDITED_TITLES = ("质子中心正式开业", "質子中心正式開業", "Proton centre now open")  # in each edition


@pytest.fixture
def newsroom(news_index):
    """An article and a second one sharing its keyword, so the first is in the second's related section."""
    keyword = KeywordFactory(name_zh_hans="质子治疗", name_en="Proton therapy", slug="proton-therapy")
    article = NewsArticlePageFactory(
        parent=news_index, title_zh_hans="质子中心开业", title_en="Proton centre opens", keywords=[keyword]
    )
    other = NewsArticlePageFactory(parent=news_index, keywords=[keyword])
    return {"index": news_index, "keyword": keyword, "article": article, "other": other}


def affected_urls(newsroom):
    """Every page on which the article shows, in both languages."""
    index, other, keyword = newsroom["index"], newsroom["other"], newsroom["keyword"]
    urls = []
    for language in LANGUAGES:
        index_url = page_url_in(index, language)
        urls += [
            page_url_in(index.get_parent(), language),
            index_url,
            index_url + index.reverse_subpage("keyword", args=[keyword.slug]),
            page_url_in(other, language),  # its related articles
            reverse_in(language, "news_feed_rss"),
            reverse_in(language, "keyword_feed_atom", args=[keyword.slug]),
        ]
    return urls


def warm(client, urls):
    for url in urls:
        client.get(url)
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["X-Cache"] == "hit", url


@pytest.mark.django_db
def test_a_readers_second_request_is_a_hit_without_a_database_query(
    page_cache, newsroom, client, django_assert_num_queries
):
    urls = [
        *affected_urls(newsroom),
        page_url_in(newsroom["article"], "en"),
        "/sitemap.xml",
        "/search/?q=质子",
    ]
    for url in urls:
        first = client.get(url)
        assert (first.status_code, first["X-Cache"]) == (200, "miss"), url
        with django_assert_num_queries(0):
            second = client.get(url)
        assert second["X-Cache"] == "hit", url
        assert second.content == first.content
        assert second["Content-Type"] == first["Content-Type"]
        assert "Content-Security-Policy" in second and "X-Frame-Options" in second


@pytest.mark.django_db
def test_each_language_is_cached_on_its_own(page_cache, newsroom, client):
    article = newsroom["article"]
    chinese = client.get(page_url_in(article, "zh-hans"))
    english = client.get(page_url_in(article, "en"))
    assert english["X-Cache"] == "miss"
    assert "质子中心开业" in chinese.content.decode()
    assert "Proton centre opens" in client.get(page_url_in(article, "en")).content.decode()
    traditional = client.get(page_url_in(article, "zh-hant"))
    assert traditional["X-Cache"] == "miss"
    assert "質子中心開業" in traditional.content.decode()
    assert client.get(page_url_in(article, "zh-hant")).content == traditional.content


@pytest.mark.django_db
def test_a_glossary_edit_renews_the_traditional_pages(
    page_cache, newsroom, client, django_capture_on_commit_callbacks
):
    url = page_url_in(newsroom["article"], "zh-hant")
    warm(client, [url])
    staff = Client()
    staff.force_login(StaffFactory(role=SITE_ADMINISTRATORS))
    with django_capture_on_commit_callbacks(execute=True):
        response = staff.post(
            "/admin/snippets/website/glossaryterm/add/",
            {"simplified": "质子中心", "traditional": "質子治療中心", "standard": "", "note": ""},
        )
    assert response.status_code == 302

    renewed = client.get(url)
    assert renewed["X-Cache"] == "miss"
    assert "質子治療中心開業" in renewed.content.decode()


@pytest.mark.django_db
def test_staff_never_get_a_cached_page(page_cache, newsroom, client):
    url = page_url_in(newsroom["article"], "zh-hans")
    warm(client, [url])
    client.force_login(StaffFactory(role=SITE_ADMINISTRATORS))
    for _ in range(2):
        response = client.get(url)
        assert (response.status_code, response["X-Cache"]) == (200, "skip")
    assert client.get("/admin/")["X-Cache"] == "skip"


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_page_with_a_form_is_cached_and_each_reader_gets_a_token_of_their_own(
    page_cache, settings, newsroom, language
):
    """An article open for comments is stored once; each reader's copy, hit or miss, carries
    their own CSRF token and form start time (website.per_reader), and their comment goes in."""
    settings.PARTICIPATION_MIN_FILL_SECONDS = 0
    article = newsroom["article"]
    article.comments_enabled = True
    article.save_revision().publish()
    url = page_url_in(article, language)
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    pages = {first: first.get(url), second: second.get(url)}
    assert [page["X-Cache"] for page in pages.values()] == ["miss", "hit"]
    fields = {reader: hidden_fields(page) for reader, page in pages.items()}
    assert fields[first]["csrfmiddlewaretoken"] != fields[second]["csrfmiddlewaretoken"]
    assert fields[first]["form_started"] != fields[second]["form_started"]
    for page in pages.values():
        assert "csrftoken" in page.cookies
        assert "per-reader-" not in page.content.decode()
        assert int(page["Content-Length"]) == len(page.content)

    # A reader who opens a second page keeps their cookie: the first page's form still works.
    assert first.get(url)["X-Cache"] == "hit"
    action = f"{'/en' if language == 'en' else ''}/participation/comments/{article.pk}/"
    comment = {"text": "好消息 Good news", "consent": "on"}
    for reader in (first, second):
        assert reader.post(action, {**comment, **fields[reader]}).status_code == 302
    forged = {**comment, "form_started": fields[first]["form_started"]}
    assert Client(enforce_csrf_checks=True).post(action, forged).status_code == 403
    assert Comment.objects.filter(article=article).count() == 2


@pytest.mark.django_db
def test_pages_stored_under_another_secret_key_are_not_served(page_cache, settings, newsroom, client):
    """Their form placeholders were made from the old key, which no server fills any more."""
    url = page_url_in(newsroom["article"], "zh-hans")
    warm(client, [url])
    settings.SECRET_KEY = "a-new-secret-key-" * 4
    assert client.get(url)["X-Cache"] == "miss"
    assert client.get(url)["X-Cache"] == "hit"


def hidden_fields(response):
    form = parse(response).select_one("#comments form")
    return {field["name"]: field["value"] for field in form.select("input[type=hidden]")}


@pytest.mark.django_db
def test_embargo_previews_and_alert_pages_are_never_stored(page_cache, client):
    """Both say ``private, no-store``: a preview is for one journalist, alert pages are personal."""
    assert client.get(reverse_in("zh-hans", "embargo_preview", args=["not-a-token"]))["X-Cache"] == "skip"
    assert client.get(reverse_in("zh-hans", "alerts_subscribe"))["X-Cache"] == "skip"


@pytest.mark.django_db
def test_a_cached_page_holds_no_csp_nonce(page_cache, settings, newsroom, client):
    """A nonce in a cached page would be reused for every reader: the public policy has none."""
    assert not any(CSP.NONCE in sources for sources in settings.SECURE_CSP.values())
    url = page_url_in(newsroom["article"], "en")
    warm(client, [url])
    hit = client.get(url)
    assert "nonce-" not in hit["Content-Security-Policy"]
    assert "nonce=" not in hit.content.decode()


def publish_edit(site_admin, article, **changes):
    data = article_fields("x", **changes)
    for name in ("title", "slug", "summary"):
        for language in ("zh_hans", "en"):
            data.setdefault(f"{name}_{language}", getattr(article, f"{name}_{language}"))
    data["slug_zh_hans"], data["slug_en"] = article.slug_zh_hans, article.slug_en
    data["action-publish"] = "publish"
    form = page_form_data(type(article), data)
    form["keywords"] = edit_string_for_tags(list(article.keywords.all()))  # the tag field's text
    response = site_admin.post(f"/admin/pages/{article.pk}/edit/", form)
    assert response.status_code == 302, response.content.decode()[:2000]


@pytest.mark.django_db
def test_publishing_an_edit_shows_on_every_affected_page_at_once(
    page_cache, newsroom, site_admin, reader, django_capture_on_commit_callbacks
):
    article = newsroom["article"]
    urls = [*affected_urls(newsroom), page_url_in(article, "zh-hans"), page_url_in(article, "en")]
    warm(reader, urls)

    with django_capture_on_commit_callbacks(execute=True):
        publish_edit(site_admin, article, title_zh_hans="质子中心正式开业", title_en="Proton centre now open")

    for url in urls:
        response = reader.get(url)
        assert response["X-Cache"] == "miss", url
        html = response.content.decode()
        assert any(title in html for title in EDITED_TITLES), url


@pytest.mark.django_db
def test_unpublishing_and_deleting_take_the_article_off_every_page(
    page_cache, newsroom, site_admin, reader, django_capture_on_commit_callbacks
):
    article = newsroom["article"]
    urls = affected_urls(newsroom)
    article_urls = [page_url_in(article, language) for language in LANGUAGES]
    warm(reader, urls + article_urls)

    with django_capture_on_commit_callbacks(execute=True):
        site_admin.post(f"/admin/pages/{article.pk}/unpublish/")
    assert_gone(reader, urls, article_urls)

    article.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):  # its renewal, as after any commit
        article.save_revision().publish()
    warm(reader, urls + article_urls)
    with django_capture_on_commit_callbacks(execute=True):
        site_admin.post(f"/admin/pages/{article.pk}/delete/")
    assert_gone(reader, urls, article_urls)


def assert_gone(reader, urls, article_urls):
    for url in article_urls:
        assert reader.get(url).status_code == 404, url
    for url in urls:
        html = reader.get(url).content.decode()
        assert "质子中心开业" not in html and "Proton centre opens" not in html, url


@pytest.mark.django_db
def test_moving_an_article_shows_at_its_new_address_and_leaves_the_old_index(
    page_cache, newsroom, site_admin, reader, django_capture_on_commit_callbacks
):
    article, index = newsroom["article"], newsroom["index"]
    archive = NewsIndexPageFactory(
        parent=index.get_parent(),
        title_zh_hans="旧闻",
        title_en="Archive",
        slug_zh_hans="jiuwen",
        slug_en="archive",
    )
    old = [page_url_in(article, language) for language in LANGUAGES]
    indexes = [page_url_in(page, language) for page in (index, archive) for language in LANGUAGES]
    warm(reader, old + indexes)

    with django_capture_on_commit_callbacks(execute=True):
        site_admin.post(f"/admin/pages/{article.pk}/move/{archive.pk}/confirm/")

    article.refresh_from_db()
    for language, url in zip(LANGUAGES, old, strict=True):
        new = page_url_in(article, language)
        assert reader.get(new).status_code == 200
        if language == "zh-hant":
            continue  # not yet: old addresses are redirected in the stored languages only
        # website.redirects sends readers of the old address to the new one.
        moved = reader.get(url)
        assert (moved.status_code, moved["Location"]) == (301, new)
    for language in LANGUAGES:
        title = {"zh-hans": "质子中心开业", "zh-hant": "質子中心開業"}.get(language, "Proton centre opens")
        assert title not in reader.get(page_url_in(index, language)).content.decode()
        assert title in reader.get(page_url_in(archive, language)).content.decode()


@pytest.mark.django_db
def test_renaming_a_keyword_shows_on_its_page_and_the_article(
    page_cache, newsroom, site_admin, reader, django_capture_on_commit_callbacks
):
    keyword, article = newsroom["keyword"], newsroom["article"]
    keyword_url = page_url_in(newsroom["index"], "en") + newsroom["index"].reverse_subpage(
        "keyword", args=[keyword.slug]
    )
    urls = [keyword_url, page_url_in(article, "en")]
    warm(reader, urls)

    with django_capture_on_commit_callbacks(execute=True):
        site_admin.post(
            f"/admin/snippets/news/keyword/edit/{keyword.pk}/",
            {"name_zh_hans": keyword.name_zh_hans, "name_en": "Proton beam therapy", "slug": keyword.slug},
        )

    for url in urls:
        assert "Proton beam therapy" in reader.get(url).content.decode(), url


@pytest.mark.django_db
def test_a_new_comment_awaiting_moderation_keeps_the_cache(page_cache, newsroom, reader):
    url = page_url_in(newsroom["other"], "zh-hans")
    warm(reader, [url])
    Comment.objects.create(article=newsroom["article"], text="好消息", language="zh-hans")
    assert reader.get(url)["X-Cache"] == "hit"


def redis_reachable():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
    except OSError:
        return False
    return True


@pytest.fixture
def shared_redis(settings, page_cache):
    if not redis_reachable():
        pytest.skip("Redis is not reachable on 127.0.0.1:6379 (the shared-cache test needs it)")
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_DB5,
            "KEY_PREFIX": "jimc-test",
        }
    }
    cache.clear()
    yield cache
    cache.clear()


@pytest.mark.django_db
def test_a_publish_on_one_app_server_reaches_the_others_through_redis(
    shared_redis, newsroom, site_admin, reader, django_capture_on_commit_callbacks
):
    """Two servers share nothing but Redis: what one reads there is what another wrote."""
    import redis

    article = newsroom["article"]
    urls = affected_urls(newsroom)
    warm(reader, urls)
    other_server = redis.Redis.from_url(REDIS_DB5)
    before = other_server.get(f"jimc-test:1:{CLOCK_KEY}")
    assert before is not None

    with django_capture_on_commit_callbacks(execute=True):
        publish_edit(site_admin, article, title_zh_hans="质子中心正式开业", title_en="Proton centre now open")

    assert other_server.get(f"jimc-test:1:{CLOCK_KEY}") != before
    for url in urls:
        response = reader.get(url)
        assert response["X-Cache"] == "miss", url
        html = response.content.decode()
        assert any(title in html for title in EDITED_TITLES), url


@pytest.mark.django_db
def test_with_redis_down_pages_are_served_uncached(settings, page_cache, newsroom, client):
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:8649/5",  # nothing listens here
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
        }
    }
    for url in affected_urls(newsroom):
        for _ in range(2):
            response = client.get(url)
            assert (response.status_code, response["X-Cache"]) == (200, "skip"), url
