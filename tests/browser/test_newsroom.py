"""A journalist downloads the press kit from the newsroom and prints a release."""

import zipfile

import pytest
from axe_playwright_python.sync_playwright import Axe

from .reader import Reader

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


class Journalist(Reader):
    def open_newsroom(self, language="en"):
        return self.open("/en/newsroom/" if language == "en" else "/xinwen-zhongxin/")

    def download(self, link_text, tmp_path):
        with self.tab.expect_download() as info:
            self.tab.get_by_role("link", name=link_text).first.click()
        download = info.value
        target = tmp_path / download.suggested_filename
        download.save_as(target)
        return target


def test_journalist_downloads_the_press_kit_and_one_photo(tab, demo_site, tmp_path):
    journalist = Journalist(tab, demo_site).open_newsroom()
    assert journalist.heading == "Newsroom"

    archive = journalist.download("Download the whole press kit (ZIP)", tmp_path)
    assert archive.name == "press-kit-en.zip"
    with zipfile.ZipFile(archive) as press_kit:
        names = press_kit.namelist()
        assert "captions-en.txt" in names and "boilerplate-en.txt" in names
        assert any(name.startswith("demo-logo") for name in names)
        assert "Jinan International Medical Center" in press_kit.read("boilerplate-en.txt").decode()

    photo = journalist.download("Full resolution (1600 × 900 pixels)", tmp_path)
    assert photo.suffix == ".jpg" and photo.stat().st_size > 10_000
    assert journalist.chinese_in_main_content() == []


def test_newsroom_is_accessible_and_a_release_prints_without_navigation(tab, demo_site):
    from news.models import NewsArticlePage
    from website.languages import page_url_in

    journalist = Journalist(tab, demo_site)
    for language in ("en", "zh-hans"):
        journalist.open_newsroom(language)
        violations = Axe().run(tab).response["violations"]
        assert [v["id"] for v in violations if v["impact"] in ("serious", "critical")] == []

    release = NewsArticlePage.objects.live().filter(kind="press_release", has_english=True).first()
    journalist.open(page_url_in(release, "en"))
    tab.emulate_media(media="print")
    assert not tab.locator(".main-nav").is_visible()
    assert not tab.locator(".language-switcher").first.is_visible()
    contact_link = tab.locator('.media-contacts a[href^="mailto:"]').first
    assert contact_link.is_visible()
    shown_url = tab.evaluate(
        "() => getComputedStyle(document.querySelector('.article__kind a'), '::after').content"
    )
    assert "/en/news/" in shown_url
