"""The footer: social networks named in the page's language, the WeChat QR code, the marks of a
Chinese government site (网站标识码, 党政机关标识) where the operator sets them, and the site map
page (/site-map/, /en/site-map/) it links to."""

import json
import xml.etree.ElementTree as ET

import pytest
from wagtail.models import Site
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from website.models import SiteSettings

from ..factories import ImageFactory, NewsArticlePageFactory, StandardPageFactory
from ..html import parse
from ..workflow.factories import StaffFactory

pytestmark = pytest.mark.django_db


def settings_form(**fields):
    data = {
        "organisation_name_zh_hans": "国际医学中心",
        "organisation_name_en": "International Medical Center",
        "press_boilerplate_zh_hans": rich_text(""),
        "press_boilerplate_en": rich_text(""),
        "social_links": streamfield([]),
    }
    data.update(fields)
    return nested_form_data(data)


def edit_settings(client, language="zh-hans", **fields):
    client.force_login(StaffFactory(role="Site administrators", language=language))
    site = Site.objects.get(is_default_site=True)
    response = client.post(f"/admin/settings/website/sitesettings/{site.pk}/", settings_form(**fields))
    client.logout()
    return response


def stream_errors(response):
    """The StreamField's error messages as the admin page carries them (JSON in an attribute its
    JavaScript reads), decoded."""
    found = []
    for tag in parse(response).find_all(True):
        for value in tag.attrs.values():
            if isinstance(value, str) and "blockErrors" in value:
                found.append(json.dumps(json.loads(value), ensure_ascii=False))
    return " ".join(found)


def footer(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return parse(response).select_one("footer.site-footer")


SOCIAL = streamfield(
    [
        ("link", {"network": "wechat", "name": "", "url": ""}),
        ("link", {"network": "weibo", "name": "", "url": "https://weibo.com/jimc"}),
        ("link", {"network": "", "name": "Toutiao", "url": "https://www.toutiao.com/jimc"}),
    ]
)


def test_social_networks_are_named_in_the_pages_language_with_the_wechat_qr_code(client, home):
    qr = ImageFactory()
    response = edit_settings(client, social_links=SOCIAL, wechat_qr=qr.pk)
    assert response.status_code == 302, response.content.decode()[:3000]

    zh = footer(client, "/").select_one(".site-footer__social")
    assert [li.get_text(strip=True) for li in zh.select("li")] == ["微信", "微博", "Toutiao"]
    assert zh.select_one('a[href="https://weibo.com/jimc"]').get_text() == "微博"
    assert "扫码关注微信公众号" in zh.select_one("figcaption").get_text()
    assert zh.select_one("figure img")["src"]

    en = footer(client, "/en/").select_one(".site-footer__social")
    assert [li.get_text(strip=True) for li in en.select("li")] == ["WeChat", "Weibo", "Toutiao"]
    assert "Scan to follow us on WeChat" in en.select_one("figcaption").get_text()


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_a_link_without_network_or_name_or_address_gets_a_clear_message(client, home, language):
    bad = streamfield(
        [("link", {"network": "", "name": "", "url": ""}), ("link", {"network": "weibo", "url": ""})]
    )
    response = edit_settings(client, language=language, social_links=bad)
    assert response.status_code == 200
    text = stream_errors(response)
    if language == "en":
        assert "Choose a network or type its name." in text
        assert "Give the address of the account." in text
    else:
        assert "请选择社交网络或填写其名称。" in text
        assert "请填写账号的网址。" in text
    assert not SiteSettings.objects.get().social_links


def test_government_site_marks_show_only_where_the_operator_sets_them(client, home):
    zh = footer(client, "/")
    assert "网站标识码" not in zh.get_text()
    assert zh.select_one(".site-footer__mark") is None

    mark = ImageFactory()
    response = edit_settings(
        client,
        site_identifier="3701000099",
        government_mark=mark.pk,
        government_mark_url="https://bszs.conac.cn/sitename?method=show&id=1",
    )
    assert response.status_code == 302

    zh = footer(client, "/")
    assert "网站标识码：3701000099" in zh.get_text(" ", strip=True).replace(" ", "")
    link = zh.select_one("a.site-footer__mark")
    assert link["href"] == "https://bszs.conac.cn/sitename?method=show&id=1"
    assert link.img["alt"] == "党政机关"
    en = footer(client, "/en/")
    assert "Site identification code: 3701000099" in en.get_text(" ", strip=True)
    assert en.select_one("a.site-footer__mark img")["alt"] == "Party and government agency"


def test_the_admin_names_the_marks_in_the_staff_members_language(client, home):
    site = Site.objects.get(is_default_site=True)
    url = f"/admin/settings/website/sitesettings/{site.pk}/"
    client.force_login(StaffFactory(role="Site administrators", language="zh-hans"))
    chinese = client.get(url).content.decode()
    assert "政府网站标识" in chinese and "党政机关标识" in chinese and "微信二维码" in chinese
    client.force_login(StaffFactory(role="Site administrators", language="en"))
    english = client.get(url).content.decode()
    assert "Government site marks" in english and "WeChat QR code" in english


@pytest.fixture
def sections(home, news_index):
    about = StandardPageFactory(parent=home, title_zh_hans="园区概况", title_en="About the zone")
    StandardPageFactory(parent=about, title_zh_hans="交通指南", title_en="Getting here")
    StandardPageFactory(parent=about, title_zh_hans="只有中文", english=False)
    article = NewsArticlePageFactory(parent=news_index, title_zh_hans="一篇新闻", title_en="A news story")
    return {"about": about, "article": article}


def test_the_site_map_lists_the_sections_in_each_language(client, sections, django_assert_max_num_queries):
    assert footer(client, "/").find("a", string="网站地图")["href"] == "/site-map/"
    assert footer(client, "/en/").find("a", string="Site map")["href"] == "/en/site-map/"

    with django_assert_max_num_queries(20):
        zh = parse(client.get("/site-map/"))
    assert zh.h1.get_text() == "网站地图" and len(zh.find_all("h1")) == 1
    links = {a.get_text(): a["href"] for a in zh.select(".site-map a")}
    assert links["园区概况"] == sections["about"].url
    assert "交通指南" in links and "只有中文" in links and "新闻" in links
    assert "一篇新闻" not in links  # articles are the news section's own list

    en = parse(client.get("/en/site-map/"))
    assert en.h1.get_text() == "Site map"
    links = {a.get_text(): a["href"] for a in en.select(".site-map a")}
    assert links["About the zone"].startswith("/en/") and "Getting here" in links
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in "".join(links))
    assert en.find("link", rel="alternate", hreflang="zh-Hans")["href"] == "http://testserver/site-map/"


def test_the_site_map_is_in_the_sitemap_in_both_languages(client, home):
    root = ET.fromstring(client.get("/sitemap.xml").content)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = [url.find("s:loc", ns).text for url in root.findall("s:url", ns)]
    assert "http://testserver/site-map/" in locations
    assert "http://testserver/en/site-map/" in locations
