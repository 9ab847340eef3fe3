"""What an event page names beyond its time and place: sectors with their investment officers and
the inquiry form, speakers from the People, documents; the index's month filter; and the daily
renewal that moves a finished event to the archive without anyone publishing."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.core.cache import cache
from django.core.management import call_command
from wagtail.models import Site
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import inline_formset, streamfield

from events.models import EventPage
from tests.factories import PersonFactory
from tests.html import han_outside_zh_markup, parse
from tests.investment.factories import OfficerFactory
from tests.newsroom.factories import DocumentFactory
from tests.participation.factories import InquiryPageFactory
from tests.policies.factories import PolicyCategoryFactory, PolicyIndexPageFactory, PolicyListPageFactory
from tests.workflow.factories import StaffFactory, page_form_data
from website.models import SiteSettings

from .factories import EventIndexPageFactory, EventPageFactory

pytestmark = pytest.mark.django_db

BEIJING = zoneinfo.ZoneInfo("Asia/Shanghai")


def at(*parts):
    return datetime.datetime(*parts, tzinfo=BEIJING)


@pytest.fixture
def sectors(home):
    """The catalogue's two sectors; an officer covers devices, nobody covers biotech."""
    index = PolicyIndexPageFactory(parent=home)
    catalogue = PolicyListPageFactory(parent=index, slug_zh_hans="mulu", slug_en="catalogue")
    devices = PolicyCategoryFactory(
        page=catalogue, slug="devices", name_zh_hans="高端医疗器械", name_en="Medical devices"
    )
    biotech = PolicyCategoryFactory(
        page=catalogue, slug="biotech", name_zh_hans="生物技术", name_en="Biotechnology"
    )
    OfficerFactory(sectors=[devices], name_zh_hans="李器械", name_en="Li Qixie", email="devices@example.org")
    inquiry = InquiryPageFactory(parent=home)
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.inquiry_page = inquiry
    site_settings.save()
    return {"devices": devices, "biotech": biotech}


@pytest.fixture
def index(home):
    return EventIndexPageFactory(parent=home)


def make_event(index, key, start, hours=3, sectors=(), **fields):
    event = EventPageFactory(
        parent=index,
        title_zh_hans=f"活动{key}",
        title_en=f"Event {key}",
        slug_zh_hans=f"huodong-{key}",
        slug_en=f"event-{key}",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=hours),
        **fields,
    )
    if sectors:
        event.sectors.set(sectors)
        event.save_revision().publish()
    return event


def test_editor_adds_an_event_with_sectors_speakers_and_documents_in_the_admin(client, index, sectors):
    speaker = PersonFactory(name_zh_hans="高嘉宁", name_en="Gao Jianing")
    programme = DocumentFactory(title="Programme")
    client.force_login(StaffFactory(role="Leadership"))
    fields = {
        "title_zh_hans": "器械路演",
        "title_en": "Device roadshow",
        "slug_zh_hans": "qixie-luyan",
        "slug_en": "device-roadshow",
        "kind": "roadshow",
        "event_language": "zh_en",
        "sectors": (sectors["devices"].pk, sectors["biotech"].pk),  # a tuple: one value each
        "starts_at": "2027-03-18 09:30",
        "ends_at": "2027-03-18 12:00",
        "time_zone": "Asia/Shanghai",
        "organiser_zh_hans": "投资促进局",
        "organiser_en": "Investment Promotion Bureau",
        "summary_zh_hans": "器械企业路演。",
        "summary_en": "Device makers pitch.",
        "agenda_zh_hans": streamfield([]),
        "agenda_en": streamfield([]),
        "report_zh_hans": streamfield([]),
        "report_en": streamfield([]),
        "speakers": inline_formset([{"person": speaker.pk, "role_zh_hans": "主持人", "role_en": "Chair"}]),
        "documents": inline_formset(
            [{"document": programme.pk, "title_zh_hans": "议程", "title_en": "Agenda (PDF)"}]
        ),
        "action-publish": "publish",
    }
    response = client.post(
        f"/admin/pages/add/events/eventpage/{index.pk}/", page_form_data(EventPage, fields)
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    event = EventPage.objects.get(slug_en="device-roadshow")
    assert event.live and {c.slug for c in event.sectors.all()} == {"devices", "biotech"}

    soup = parse(client.get("/en/events/device-roadshow/"))
    main = soup.main
    text = main.get_text(" ", strip=True)
    assert "Medical devices, Biotechnology" in text
    assert [li.get_text(" ", strip=True) for li in main.select(".event-speaker")] == ["Gao Jianing Chair"]
    (document,) = main.select(".event-documents a")
    assert (document.get_text(strip=True), document["href"]) == ("Agenda (PDF)", programme.url)
    assert main.select_one(".officer__name").get_text(strip=True) == "Li Qixie"
    assert main.select_one('.officers__inquiry a[href="/en/investment-inquiry/"]')
    assert han_outside_zh_markup(main) == []

    zh = parse(client.get("/huodong/qixie-luyan/")).main
    assert "高嘉宁" in zh.get_text() and "主持人" in zh.get_text() and "李器械" in zh.get_text()
    assert zh.select_one('.officers__inquiry a[href="/touzi-zixun/"]')
    hant = parse(client.get("/zh-hant/huodong/qixie-luyan/")).main.get_text()
    assert "高嘉寧" in hant and "高端醫療器械" in hant


def test_an_event_of_a_sector_without_officer_still_links_the_inquiry_form(client, index, sectors):
    make_event(index, "bio", at(2030, 5, 1, 9), sectors=[sectors["biotech"]])
    section = parse(client.get("/en/events/event-bio/")).select_one("section.officers")
    assert section.select(".officer") == []
    assert section.h2.get_text(strip=True) == "Questions about investing?"
    assert section.select_one('a[href="/en/investment-inquiry/"]')


def test_index_filters_by_sector_and_month_in_the_url(client, index, sectors):
    make_event(index, "march", at(2030, 3, 31, 23), hours=1, sectors=[sectors["devices"]])
    make_event(index, "april", at(2030, 4, 1, 0, 30), sectors=[sectors["devices"], sectors["biotech"]])
    make_event(index, "plain", at(2030, 4, 20, 9))

    def upcoming(query, prefix="/en/events/"):
        soup = parse(client.get(prefix, query))
        return [a.get_text(strip=True) for a in soup.select("main section")[0].select(".event-card__title a")]

    assert upcoming({"sector": "biotech"}) == ["Event april"]
    assert upcoming({"sector": "devices"}) == ["Event march", "Event april"]
    # Months are Beijing months: 23:00 on 31 March in Beijing is March, whatever the server's zone.
    assert upcoming({"month": "2030-03"}) == ["Event march"]
    assert upcoming({"month": "2030-04", "sector": "devices"}) == ["Event april"]
    assert upcoming({"month": "2030-04"}, prefix="/huodong/") == ["活动april", "活动plain"]

    soup = parse(client.get("/en/events/", {"month": "2030-04"}))
    assert soup.select_one('select[name="month"] option[selected]').get_text(strip=True) == "April 2030"
    assert [o["value"] for o in soup.select('select[name="sector"] option')] == ["", "devices", "biotech"]
    zh_month = parse(client.get("/huodong/", {"month": "2030-04"})).select_one(
        'select[name="month"] option[selected]'
    )
    assert zh_month.get_text(strip=True) == "2030年4月"


@pytest.mark.parametrize(
    ("prefix", "message"), [("/en/events/", "Select a valid choice"), ("/huodong/", "选择一个有效的选项")]
)
def test_an_unknown_month_is_an_error_the_reader_can_read(client, index, prefix, message):
    make_event(index, "one", at(2030, 3, 2, 9))
    response = client.get(prefix, {"month": "2030-13"})
    assert response.status_code == 400
    errors = parse(response).select_one(".filters__errors")
    assert message in errors.get_text()


def test_a_finished_event_moves_to_the_archive_at_midnight_without_a_publish(client, index, settings):
    event = make_event(index, "today", at(2030, 6, 10, 14), hours=2)
    event.report_en = [("paragraph", RichText("<p>Forty investors came.</p>"))]
    event.save_revision().publish()
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()

    def sections():
        response = client.get("/en/events/")
        soup = parse(response)
        upcoming, *past = soup.select("main section")
        return (
            response["X-Cache"],
            len(upcoming.select(".event-card")),
            len(past[0].select(".event-card")) if past else 0,
        )

    try:
        with time_machine.travel(at(2030, 6, 10, 18), tick=False):  # over, but still its day
            call_command("renew_dated_lists", verbosity=0)
            assert sections() == ("miss", 1, 0)
            assert sections() == ("hit", 1, 0)
            assert "Forty investors came." not in client.get("/en/events/event-today/").content.decode()
        with time_machine.travel(at(2030, 6, 11, 0, 1), tick=False):
            call_command("renew_dated_lists", verbosity=0)
            assert sections() == ("miss", 0, 1)
            archive = parse(client.get("/en/events/")).select("main section")[1]
            report_link = archive.select_one(".event-card__report a")["href"]
            assert report_link == "/en/events/event-today/#report-heading"
            assert "Forty investors came." in client.get("/en/events/event-today/").content.decode()
    finally:
        cache.clear()


def test_api_gives_sectors_speakers_and_documents_in_its_language(client, index, sectors):
    event = make_event(index, "api", at(2030, 5, 1, 9), sectors=[sectors["devices"]])
    event.speakers.create(
        person=PersonFactory(name_zh_hans="金敏瑞", name_en="Kim Min-seo"), role_en="Keynote"
    )
    event.documents.create(document=DocumentFactory(title="Slides"), title_en="Slides (PDF)")
    event.save_revision().publish()
    fields = "sectors,speakers,documents"
    (item,) = client.get(f"/en/api/v2/pages/?type=events.EventPage&fields={fields}").json()["items"]
    assert item["sectors"] == [{"slug": "devices", "name": "Medical devices"}]
    assert item["speakers"] == [{"name": "Kim Min-seo", "organisation": "", "role": "Keynote"}]
    assert item["documents"][0]["title"] == "Slides (PDF)"
    (zh,) = client.get(f"/api/v2/pages/?type=events.EventPage&fields={fields}").json()["items"]
    assert zh["sectors"][0]["name"] == "高端医疗器械" and zh["speakers"][0]["name"] == "金敏瑞"


def test_event_page_query_count_does_not_grow_with_speakers_and_documents(client, index, sectors):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    event = make_event(index, "budget", at(2030, 5, 1, 9), sectors=[sectors["devices"]])

    def queries():
        client.get("/en/events/event-budget/")
        with CaptureQueriesContext(connection) as context:
            assert client.get("/en/events/event-budget/").status_code == 200
        return len(context.captured_queries)

    few = queries()
    for number in range(5):
        event.speakers.create(person=PersonFactory(), role_en=f"Talk {number}")
        event.documents.create(document=DocumentFactory(), title_en=f"File {number}")
    event.save_revision().publish()
    assert queries() == few <= 25


def test_a_writers_event_waits_for_review_then_search_finds_it_by_speaker(client, index, sectors):
    speaker = PersonFactory(name_zh_hans="金敏瑞", name_en="Kim Min-seo")
    fields = {
        "title_zh_hans": "韩国投资者交流会",
        "title_en": "Meeting Korean investors",
        "slug_zh_hans": "hanguo",
        "slug_en": "korean-investors",
        "kind": "conference",
        "event_language": "zh_en",
        "sectors": (sectors["devices"].pk,),
        "starts_at": "2030-09-01 14:00",
        "ends_at": "2030-09-01 17:00",
        "time_zone": "Asia/Seoul",
        "organiser_zh_hans": "驻首尔联络处",
        "organiser_en": "Seoul liaison office",
        "summary_zh_hans": "与韩国投资机构交流。",
        "summary_en": "Talks with Korean investment firms.",
        "agenda_zh_hans": streamfield([]),
        "agenda_en": streamfield([]),
        "report_zh_hans": streamfield([]),
        "report_en": streamfield([]),
        "speakers": inline_formset([{"person": speaker.pk, "role_zh_hans": "主讲", "role_en": "Speaker"}]),
        "action-submit": "submit",
    }
    client.force_login(StaffFactory(role="Writers"))
    response = client.post(
        f"/admin/pages/add/events/eventpage/{index.pk}/", page_form_data(EventPage, fields)
    )
    assert response.status_code == 302
    event = EventPage.objects.get(slug_en="korean-investors")
    assert not event.live and event.current_workflow_state.status == "in_progress"
    client.logout()
    assert "Meeting Korean investors" not in client.get("/en/events/").content.decode()
    assert "korean-investors" not in client.get("/sitemap.xml").content.decode()

    event.get_latest_revision().publish()  # as Leadership's final approval does
    for url, title in (
        ("/en/search/?q=Kim+Min-seo", "Meeting Korean investors"),
        ("/search/?q=金敏瑞", "韩国投资者交流会"),
    ):
        results = parse(client.get(url)).select(".search-result a")
        assert title in [a.get_text(strip=True) for a in results], url
