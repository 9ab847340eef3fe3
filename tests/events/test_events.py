"""Events and roadshows: the index lists upcoming events first and past ones as an archive,
filters by type, sector and month in the URL, and every event and the index give a calendar file."""

import datetime
import zoneinfo

import pytest
from icalendar import Calendar

from events.models import EventPage
from tests.html import han_outside_zh_markup, parse

from .factories import EventIndexPageFactory, EventPageFactory

pytestmark = pytest.mark.django_db

BEIJING = zoneinfo.ZoneInfo("Asia/Shanghai")
NOW = datetime.datetime.now(BEIJING).replace(microsecond=0)


@pytest.fixture
def events(home):
    index = EventIndexPageFactory(parent=home)
    made = {}
    for key, days, kind, zh, en in [
        ("later", 30, "conference", "国际医学大会", "International medical congress"),
        ("soon", 7, "roadshow", "上海招商路演", "Shanghai roadshow"),
        ("past", -60, "roadshow", "深圳招商路演", "Shenzhen roadshow"),
    ]:
        start = NOW + datetime.timedelta(days=days)
        made[key] = EventPageFactory(
            parent=index,
            kind=kind,
            title_zh_hans=zh,
            title_en=en,
            slug_zh_hans=f"huodong-{key}",
            slug_en=f"event-{key}",
            starts_at=start,
            ends_at=start + datetime.timedelta(hours=3),
        )
    return index, made


def titles(section):
    return [a.get_text(strip=True) for a in section.select(".event-card__title a")] if section else []


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_index_lists_upcoming_first_and_past_as_archive(client, events, language):
    url = "/en/events/" if language == "en" else "/huodong/"
    soup = parse(client.get(url))
    upcoming, past = soup.select("main section")
    if language == "en":
        assert titles(upcoming) == ["Shanghai roadshow", "International medical congress"]
        assert titles(past) == ["Shenzhen roadshow"]
        assert han_outside_zh_markup(soup.main) == []
    else:
        assert titles(upcoming) == ["上海招商路演", "国际医学大会"]
        assert titles(past) == ["深圳招商路演"]


def test_index_filters_by_type_in_the_url(client, events):
    soup = parse(client.get("/en/events/?kind=conference"))
    assert titles(soup.select("main section")[0]) == ["International medical congress"]
    assert soup.select_one('select[name="kind"] option[selected]')["value"] == "conference"


def test_event_page_shows_time_zone_place_and_calendar_link(client, events):
    soup = parse(client.get("/en/events/event-soon/"))
    text = soup.main.get_text(" ", strip=True)
    assert "Beijing time (UTC+8)" in text and "Shanghai International Convention Center" in text
    assert "Investment Promotion Bureau" in text and han_outside_zh_markup(soup.main) == []
    assert soup.select_one('a[href="/en/events/event-soon/ics/"]')


def test_each_event_and_the_index_give_a_calendar_file(client, events):
    _index, made = events
    response = client.get("/en/events/event-soon/ics/")
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    (event,) = calendar.walk("VEVENT")
    assert str(event["summary"]) == "Shanghai roadshow"
    assert event.decoded("dtstart") == made["soon"].starts_at
    assert str(event["location"]) == "Shanghai International Convention Center"

    feed = Calendar.from_ical(client.get("/huodong/calendar/").content)
    assert [str(e["summary"]) for e in feed.walk("VEVENT")] == ["上海招商路演", "国际医学大会"]


def test_an_event_without_english_stays_out_of_english_lists(client, events):
    index, _made = events
    start = NOW + datetime.timedelta(days=3)
    EventPageFactory(
        parent=index,
        title_zh_hans="仅中文活动",
        title_en="",
        slug_zh_hans="zhongwen",
        slug_en="",
        summary_en="",
        organiser_en="",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=1),
    )
    assert "仅中文活动" not in client.get("/en/events/").content.decode()
    assert "仅中文活动" in client.get("/huodong/").content.decode()


def index_queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("url", ["/huodong/", "/en/events/"])
def test_index_query_count_does_not_grow_with_events(client, events, url):
    index, _made = events
    few = index_queries(client, url)
    for number in range(15):
        start = NOW + datetime.timedelta(days=number - 7)
        EventPageFactory(
            parent=index,
            title_zh_hans=f"活动{number}",
            title_en=f"Event {number}",
            slug_zh_hans=f"extra-{number}",
            slug_en=f"extra-{number}",
            starts_at=start,
            ends_at=start + datetime.timedelta(hours=2),
        )
    many = index_queries(client, url)
    assert many == few <= 20


def test_demo_shows_the_roadshows_in_both_languages(client, demo_content):
    zh = parse(client.get("/huodong/")).main.get_text(" ", strip=True)
    en = parse(client.get("/en/events/"))
    assert "19 场精品路演" in zh and "50 余家头部投资机构" in zh
    assert "more than 50 leading investment institutions" in en.main.get_text(" ", strip=True)
    assert han_outside_zh_markup(en.main) == []
    assert EventPage.objects.live().count() >= 3


def test_events_are_in_the_sitemap_with_alternates_and_in_the_api(client, events):
    import xml.etree.ElementTree as ET

    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}
    root = ET.fromstring(client.get("/sitemap.xml").content)
    entries = {
        url.find("s:loc", ns).text: {
            link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", ns)
        }
        for url in root.findall("s:url", ns)
    }
    alternates = entries["http://testserver/en/events/event-soon/"]
    assert alternates["zh-Hans"] == "http://testserver/huodong/huodong-soon/"
    assert alternates["en"] == "http://testserver/en/events/event-soon/"

    data = client.get("/en/api/v2/pages/?type=events.EventPage&fields=kind,venue,starts_at").json()
    venues = {item["title"]: item["venue"] for item in data["items"]}
    assert venues["Shanghai roadshow"] == "Shanghai International Convention Center"
