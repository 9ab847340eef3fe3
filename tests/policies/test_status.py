"""An entry's status follows its dates, judged by the day in Beijing: open, closing soon in
its last 14 days, closed or expired after its expiry date; an editor may keep a status with a
reason. The same status in the list, its filter, the entry page, the downloads and the API,
in both languages, and the cached list is renewed when the Beijing day changes."""

import csv
import datetime
import io
import zoneinfo

import pytest
import time_machine
from django.core.cache import cache
from django.core.management import call_command

from policies.models import PolicyEntry
from tests.workflow.factories import StaffFactory, page_form_data
from workflow.roles import WRITERS

from ..html import parse
from .factories import PolicyEntryFactory, PolicyListPageFactory

pytestmark = pytest.mark.django_db

BEIJING = zoneinfo.ZoneInfo("Asia/Shanghai")
LIST = {"zh-hans": "/zhengce/jihui/", "en": "/en/policies/opportunities/"}
OPEN_LABEL = {"zh-hans": "开放申报", "en": "Open opportunity"}
SOON_LABEL = {"zh-hans": "即将截止", "en": "Closing soon"}
CLOSED_LABEL = {"zh-hans": "已结束", "en": "Closed"}


def at(*args):
    """A moment in Beijing time, as time-machine wants it."""
    return datetime.datetime(*args, tzinfo=BEIJING)


@pytest.fixture
def opportunities(policy_index):
    page = PolicyListPageFactory(
        parent=policy_index, slug_zh_hans="jihui", slug_en="opportunities", title_en="Opportunities"
    )
    page.deadline = PolicyEntryFactory(
        page=page,
        title_zh_hans="智慧病房",
        title_en="Smart wards",
        status=PolicyEntry.Status.OPEN_OPPORTUNITY,
        issue_date=datetime.date(2026, 9, 1),
        expiry_date=datetime.date(2026, 12, 31),
    )
    page.standing = PolicyEntryFactory(
        page=page,
        title_zh_hans="长期征集",
        title_en="Standing call",
        status=PolicyEntry.Status.OPEN_OPPORTUNITY,
        issue_date=datetime.date(2026, 9, 1),
    )
    return page


def status_of(response, entry):
    item = parse(response).select_one(f"#entry-{entry.pk}")
    return item.select_one(".status").get_text(strip=True) if item else None


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_status_follows_the_dates_in_the_list_and_the_open_filter(client, opportunities, language):
    entry = opportunities.deadline
    url = LIST[language]
    with time_machine.travel(at(2026, 12, 5, 9, 0), tick=False):
        assert status_of(client.get(url), entry) == OPEN_LABEL[language]
    with time_machine.travel(at(2026, 12, 16, 9, 0), tick=False):  # 15 days left
        assert status_of(client.get(url), entry) == OPEN_LABEL[language]
    with time_machine.travel(at(2026, 12, 18, 9, 0), tick=False):  # 13 days left
        assert status_of(client.get(url), entry) == SOON_LABEL[language]
        assert status_of(client.get(url, {"status": "closing_soon"}), entry) == SOON_LABEL[language]
        # Closing soon is still open.
        assert status_of(client.get(url, {"status": "open_opportunity"}), entry) == SOON_LABEL[language]
    with time_machine.travel(at(2026, 12, 31, 23, 59, 59), tick=False):  # its last second
        assert status_of(client.get(url, {"status": "open_opportunity"}), entry) == SOON_LABEL[language]
    with time_machine.travel(at(2027, 1, 1, 0, 0, 1), tick=False):  # midnight in Beijing
        assert status_of(client.get(url), entry) == CLOSED_LABEL[language]
        open_now = client.get(url, {"status": "open_opportunity"})
        assert status_of(open_now, entry) is None
        assert status_of(open_now, opportunities.standing) == OPEN_LABEL[language]
        assert status_of(client.get(url, {"status": "closed"}), entry) == CLOSED_LABEL[language]
        assert status_of(client.get(url, {"status": "closing_soon"}), entry) is None


def test_midnight_is_beijing_midnight_not_the_servers(client, opportunities, settings):
    settings.TIME_ZONE = "UTC"
    # 23:30 UTC on 31 December is already 07:30 on 1 January in Beijing.
    with time_machine.travel(datetime.datetime(2026, 12, 31, 23, 30, tzinfo=datetime.UTC), tick=False):
        assert status_of(client.get(LIST["en"]), opportunities.deadline) == "Closed"
    with time_machine.travel(datetime.datetime(2026, 12, 31, 15, 59, tzinfo=datetime.UTC), tick=False):
        assert status_of(client.get(LIST["en"]), opportunities.deadline) == "Closing soon"


def test_a_policy_in_force_reads_expired_after_its_expiry_date(client, policy_list):
    entry = policy_list.test_entries["e1"]
    entry.expiry_date = datetime.date(2026, 6, 30)
    entry.save()
    with time_machine.travel(at(2026, 7, 1, 8, 0), tick=False):
        english = client.get("/en/policies/support/")
        assert status_of(english, entry) == "Expired"
        assert status_of(client.get("/zhengce/zhichi/"), entry) == "已失效"
        assert status_of(client.get("/en/policies/support/", {"status": "in_force"}), entry) is None
        assert status_of(client.get("/en/policies/support/", {"status": "expired"}), entry) == "Expired"


def test_an_editor_keeps_a_status_with_a_reason_shown_to_readers(client, opportunities):
    entry = opportunities.deadline
    entry.status_fixed = True
    entry.status_reason_zh_hans = "经管委会决定延期至2027年3月。"
    entry.status_reason_en = "Extended to March 2027 by the committee."
    entry.save()
    with time_machine.travel(at(2027, 1, 10, 8, 0), tick=False):
        assert status_of(client.get(LIST["en"], {"status": "open_opportunity"}), entry) == "Open opportunity"
        assert status_of(client.get(LIST["zh-hans"]), entry) == OPEN_LABEL["zh-hans"]
        page = client.get(f"{LIST['en']}entries/{entry.pk}/").content.decode()
        assert "Extended to March 2027 by the committee." in page
        assert (
            "经管委会决定延期至2027年3月。"
            in client.get(f"{LIST['zh-hans']}entries/{entry.pk}/").content.decode()
        )


def test_keeping_a_status_without_a_reason_is_refused_in_the_editors_language(client, opportunities):
    client.force_login(StaffFactory(role=WRITERS, language="zh-hans"))
    entry = opportunities.deadline
    data = page_form_data(
        type(opportunities),
        {
            "title_zh_hans": opportunities.title_zh_hans,
            "title_en": opportunities.title_en,
            "slug_zh_hans": "jihui",
            "slug_en": "opportunities",
            "intro_zh_hans": "",
            "intro_en": "",
        },
    )
    prefix = "entries-0-"
    data.update(
        {
            "entries-TOTAL_FORMS": "1",
            "entries-INITIAL_FORMS": "1",
            f"{prefix}id": str(entry.pk),
            f"{prefix}ORDER": "1",
            f"{prefix}title_zh_hans": entry.title_zh_hans,
            f"{prefix}title_en": entry.title_en,
            f"{prefix}summary_zh_hans": entry.summary_zh_hans,
            f"{prefix}summary_en": entry.summary_en,
            f"{prefix}status": "open_opportunity",
            f"{prefix}status_fixed": "on",
            f"{prefix}issue_date": "2026-09-01",
            f"{prefix}expiry_date": "2026-12-31",
        }
    )
    data.pop("entries-0-DELETE", None)
    response = client.post(f"/admin/pages/{opportunities.pk}/edit/", data)
    assert response.status_code == 200
    assert "请说明为何不按日期改变状态。" in response.content.decode()


def test_downloads_and_api_give_the_status_of_the_day(client, opportunities):
    entry = opportunities.deadline
    with time_machine.travel(at(2027, 1, 2, 8, 0), tick=False):
        rows = list(
            csv.reader(io.StringIO(client.get(f"{LIST['en']}export/csv/").content.decode("utf-8-sig")))
        )
        status_column = rows[0].index("Status")
        by_title = {row[0]: row[status_column] for row in rows[1:]}
        assert by_title == {"Smart wards": "Closed", "Standing call": "Open opportunity"}
        chinese = client.get(f"{LIST['zh-hans']}export/csv/").content.decode("utf-8-sig")
        assert "已结束" in chinese

        api = client.get(f"/en/api/v2/pages/{opportunities.pk}/").json()
        by_id = {item["id"]: item for item in api["entries"]}
        assert by_id[entry.pk]["status"] == "closed"
        assert by_id[entry.pk]["status_label"] == "Closed"
        assert by_id[opportunities.standing.pk]["status"] == "open_opportunity"
        zh = client.get(f"/api/v2/pages/{opportunities.pk}/").json()
        assert {item["status_label"] for item in zh["entries"]} == {"已结束", "开放申报"}


def test_the_api_lists_the_status_the_dates_give_not_the_one_typed(client, opportunities):
    """The stored status of both entries is "open opportunity"; the API answers with today's."""
    entry, standing = opportunities.deadline, opportunities.standing
    listing = "api/v2/pages/?type=policies.PolicyListPage&fields=entries"

    def entries(prefix):
        (page,) = client.get(f"{prefix}/{listing}").json()["items"]
        return {item["id"]: item for item in page["entries"]}

    with time_machine.travel(at(2026, 12, 20, 9, 0), tick=False):
        en = entries("/en")
        assert (en[entry.pk]["status"], en[entry.pk]["status_label"]) == ("closing_soon", "Closing soon")
        assert en[entry.pk]["expiry_date"] == "2026-12-31"
        assert en[standing.pk]["status"] == "open_opportunity"
        assert entries("")[entry.pk]["status_label"] == SOON_LABEL["zh-hans"]
    with time_machine.travel(at(2027, 1, 1, 0, 0, 30), tick=False):  # just past midnight in Beijing
        assert entries("/en")[entry.pk]["status"] == "closed"
        assert entries("")[entry.pk]["status_label"] == CLOSED_LABEL["zh-hans"]

    entry.status_fixed = True
    entry.status_reason_zh_hans = "经管委会决定延期至2027年3月。"
    entry.status_reason_en = "Extended to March 2027 by the committee."
    entry.save()
    with time_machine.travel(at(2027, 1, 10, 8, 0), tick=False):
        en, zh = entries("/en")[entry.pk], entries("")[entry.pk]
        assert (en["status"], en["status_fixed"]) == ("open_opportunity", True)
        assert en["status_reason"] == "Extended to March 2027 by the committee."
        assert zh["status_label"] == OPEN_LABEL["zh-hans"]
        assert zh["status_reason"] == "经管委会决定延期至2027年3月。"
        assert entries("/en")[standing.pk]["status_reason"] == ""


@pytest.mark.parametrize(
    ("prefix", "query", "language"), [("", "智慧病房", "zh-hans"), ("/en", "smart wards", "en")]
)
def test_search_results_show_the_entries_found_with_their_dated_status(
    client, opportunities, prefix, query, language
):
    opportunities.save_revision().publish()  # indexes the list with its entries, as an editor's publish does
    entry = opportunities.deadline
    for moment, label in (
        (at(2026, 12, 1, 9, 0), OPEN_LABEL),
        (at(2026, 12, 20, 9, 0), SOON_LABEL),
        (at(2027, 1, 2, 9, 0), CLOSED_LABEL),
    ):
        with time_machine.travel(moment, tick=False):
            html = parse(client.get(f"{prefix}/search/", {"q": query}))
        (result,) = html.select(".search-result")
        (match,) = result.select(".search-result__matches li")
        assert match.a["href"] == f"{LIST[language]}entries/{entry.pk}/"
        assert match.select_one(".status").get_text(strip=True) == label[language], moment


def test_the_cached_list_is_renewed_when_the_beijing_day_changes(client, opportunities, settings):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    try:
        with time_machine.travel(at(2026, 12, 31, 23, 50), tick=False):
            call_command("renew_dated_lists", verbosity=0)
            first = client.get(LIST["en"])
            assert first["X-Cache"] == "miss"
            assert client.get(LIST["en"])["X-Cache"] == "hit"
        with time_machine.travel(at(2027, 1, 1, 0, 0, 30), tick=False):
            call_command("renew_dated_lists", verbosity=0)
            fresh = client.get(LIST["en"])
            assert fresh["X-Cache"] == "miss"
            assert status_of(fresh, opportunities.deadline) == "Closed"
            call_command("renew_dated_lists", verbosity=0)  # once a day: nothing more to do
            assert client.get(LIST["en"])["X-Cache"] == "hit"
    finally:
        cache.clear()
