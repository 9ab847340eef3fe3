"""Site-wide pieces that help a reader on any screen: English dates in one style, the favicon,
the footer's inquiry link and social networks named in the page's language."""

import datetime

import pytest
from django.utils import formats, translation
from wagtail.models import Site

from participation.models import InquiryPage
from tests.html import parse
from website.models import SiteSettings

pytestmark = pytest.mark.django_db


def test_english_dates_share_one_style_and_chinese_keeps_its_own():
    moment = datetime.datetime(2024, 9, 5, 14, 30)
    with translation.override("en"):
        assert formats.date_format(moment.date()) == "5 September 2024"
        assert formats.date_format(moment, "DATETIME_FORMAT") == "5 September 2024, 14:30"
        assert formats.date_format(moment, "SHORT_DATETIME_FORMAT") == "5 Sep 2024, 14:30"
    with translation.override("zh-hans"):
        assert formats.date_format(moment.date()) == "2024年9月5日"


@pytest.fixture
def footer_settings(home):
    from tests.participation.factories import InquiryPageFactory

    inquiry = InquiryPageFactory(parent=home)
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.organisation_name_zh_hans = "济南国际医学科学中心"
    site_settings.organisation_name_en = "Jinan International Medical Center"
    site_settings.inquiry_page = inquiry
    site_settings.social_links = [
        ("link", {"network": "wechat", "name": "", "url": "https://weixin.qq.com/"}),
        ("link", {"network": "weibo", "name": "", "url": "https://weibo.com/"}),
    ]
    site_settings.save()
    return inquiry


@pytest.mark.parametrize(
    ("url", "inquiry_url", "networks"),
    [("/", "/touzi-zixun/", ["微信", "微博"]), ("/en/", "/en/investment-inquiry/", ["WeChat", "Weibo"])],
)
def test_footer_links_the_inquiry_form_and_names_networks_in_the_page_language(
    client, footer_settings, url, inquiry_url, networks
):
    soup = parse(client.get(url))
    footer = soup.select_one("footer.site-footer")
    assert footer.select_one(f'.site-footer__inquiry a[href="{inquiry_url}"]')
    assert [a.get_text(strip=True) for a in footer.select(".site-footer__social a")] == networks
    assert soup.select_one('link[rel="icon"][type="image/svg+xml"]')["href"].startswith("/static/")


def test_footer_leaves_out_an_unpublished_inquiry_form(client, footer_settings):
    InquiryPage.objects.get(pk=footer_settings.pk).unpublish()
    footer = parse(client.get("/")).select_one("footer.site-footer")
    assert footer.select_one(".site-footer__inquiry") is None
