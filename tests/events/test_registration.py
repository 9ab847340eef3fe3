"""Registering for an event on its page: a place, the waiting list or a clear refusal (full,
closed, already registered), a confirmation mail with the calendar file in the reader's edition,
the staff's list with its export in Beijing time and their message to it, and one reminder the
day before, sent by the task worker."""

import csv
import datetime
import io
import time
import zoneinfo

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from icalendar import Calendar
from openpyxl import load_workbook

from events.models import EventPage
from events.registration import Registration
from events.tasks import send_reminders
from tests.html import han_outside_zh_markup, parse
from tests.participation.factories import PrivacyPageFactory
from website import spam

from .test_events import EventIndexPageFactory, EventPageFactory

pytestmark = pytest.mark.django_db

BEIJING = zoneinfo.ZoneInfo("Asia/Shanghai")
URL = {"zh-hans": "/huodong/lupai/", "en": "/en/events/roadshow/", "zh-hant": "/zh-hant/huodong/lupai/"}
LISTING = "/admin/snippets/events/registration/"


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()
    yield
    cache.clear()


def make_event(home, days=10, **fields):
    index = EventIndexPageFactory(parent=home)
    start = datetime.datetime.now(BEIJING).replace(microsecond=0) + datetime.timedelta(days=days)
    defaults = {
        "title_zh_hans": "上海招商路演",
        "title_en": "Shanghai roadshow",
        "slug_zh_hans": "lupai",
        "slug_en": "roadshow",
        "starts_at": start,
        "ends_at": start + datetime.timedelta(hours=3),
        "registration_open": True,
        "capacity": 2,
        "privacy_page": PrivacyPageFactory(parent=home),
    }
    return EventPageFactory(parent=index, **{**defaults, **fields})


@pytest.fixture
def event(home):
    return make_event(home)


def answers(**overrides):
    data = {
        "name": "Anna Weber",
        "organisation": "Helix Medical GmbH",
        "job_title": "Director",
        "email": "anna@example.com",
        "phone": "+49 30 1234",
        "consent": "on",
        spam.STARTED_FIELD: spam.started_token(time.time() - 10),
        **overrides,
    }
    return {key: value for key, value in data.items() if value is not None}


def register(client, django_capture_on_commit_callbacks, language="en", **overrides):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(URL[language], answers(**overrides))


def section_text(response):
    return parse(response).select_one("#register").get_text(" ", strip=True)


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_form_shows_places_fields_consent_and_is_never_stored(client, event, language):
    response = client.get(URL[language])
    soup = parse(response)
    form = soup.select_one("#register form")
    names = {field["name"] for field in form.select("input[name]")}
    assert {"name", "organisation", "email", "phone", "consent", spam.HONEYPOT_FIELD} <= names
    assert form.select_one('input[name="email"]')["autocomplete"] == "email"
    assert form.select_one(".participation-form__privacy a")["href"].endswith(
        "/privacy-notice/" if language == "en" else "/yinsi/"
    )
    assert ("2 places left." if language == "en" else "剩余 2 个名额") in section_text(response)
    assert response["Cache-Control"] == "private, no-store"
    if language == "en":
        assert han_outside_zh_markup(soup.main) == []


@pytest.mark.parametrize(
    ("language", "subject", "thanks"),
    [
        ("en", "Registration confirmed: Shanghai roadshow", "your place is confirmed"),
        ("zh-hans", "报名成功：上海招商路演", "您的名额已确认"),
        ("zh-hant", "報名成功：上海招商路演", "您的名額已確認"),
    ],
)
def test_a_registrant_gets_a_place_and_a_confirmation_with_the_calendar_file(
    client, event, django_capture_on_commit_callbacks, language, subject, thanks
):
    response = register(client, django_capture_on_commit_callbacks, language)
    assert response.status_code == 200
    assert thanks in section_text(response)
    registration = Registration.objects.get()
    assert (registration.status, registration.language) == ("confirmed", language)
    assert registration.organisation == "Helix Medical GmbH"

    (message,) = mail.outbox
    assert message.to == ["anna@example.com"] and message.subject == subject
    ((filename, content, mimetype),) = message.attachments
    assert filename.endswith(".ics") and mimetype == "text/calendar"
    (entry,) = Calendar.from_ical(content).walk("VEVENT")
    title = "Shanghai roadshow" if language == "en" else "上海招商路演"
    assert str(entry["summary"]) == title
    assert entry.decoded("dtstart") == event.starts_at
    if language == "zh-hant":
        assert "報名" in message.body and "报名" not in message.body
    if language == "en":
        assert "/en/events/roadshow/" in message.body


@pytest.mark.parametrize(("language", "full"), [("en", "This event is full"), ("zh-hans", "本活动名额已满")])
def test_a_full_event_refuses_clearly_and_stores_nothing(
    client, home, django_capture_on_commit_callbacks, language, full
):
    make_event(home, capacity=1)
    register(client, django_capture_on_commit_callbacks, language)
    mail.outbox.clear()
    response = register(client, django_capture_on_commit_callbacks, language, email="late@example.com")
    assert response.status_code == 409
    assert full in section_text(response)
    assert Registration.objects.count() == 1 and mail.outbox == []
    # The page says so before anyone fills in the form, and offers none.
    later = parse(client.get(URL[language]))
    assert full in later.select_one("#register").get_text() and not later.select_one("#register form")


def test_beyond_capacity_a_registrant_goes_on_the_waiting_list_and_is_told(
    client, home, django_capture_on_commit_callbacks
):
    make_event(home, capacity=1, waiting_list=True)
    register(client, django_capture_on_commit_callbacks)
    assert "Every place is taken" in section_text(client.get(URL["en"]))
    mail.outbox.clear()
    response = register(client, django_capture_on_commit_callbacks, "zh-hans", email="wang@example.cn")
    assert response.status_code == 200
    assert "候补名单" in section_text(response)
    assert Registration.objects.get(email="wang@example.cn").status == "waiting"
    (message,) = mail.outbox
    assert message.subject == "已列入候补名单：上海招商路演" and "候补名单" in message.body


@pytest.mark.parametrize(
    ("language", "closed"),
    [("en", "Registration for this event has closed."), ("zh-hans", "本活动报名已截止。")],
)
def test_after_the_deadline_nobody_registers(
    client, home, django_capture_on_commit_callbacks, language, closed
):
    make_event(home, registration_deadline=datetime.datetime.now(BEIJING) - datetime.timedelta(hours=1))
    response = register(client, django_capture_on_commit_callbacks, language)
    assert response.status_code == 409 and closed in section_text(response)
    assert Registration.objects.count() == 0 and mail.outbox == []


def test_one_registration_per_address_consent_and_spam_defence(
    client, event, django_capture_on_commit_callbacks
):
    register(client, django_capture_on_commit_callbacks)
    again = register(client, django_capture_on_commit_callbacks, email="ANNA@example.com")
    assert again.status_code == 409 and "already registered" in section_text(again)

    no_consent = register(client, django_capture_on_commit_callbacks, email="b@example.com", consent=None)
    assert parse(no_consent).title.get_text().startswith("Error:")
    assert "Please agree to the privacy notice" in section_text(no_consent)

    bot = register(client, django_capture_on_commit_callbacks, email="c@example.com", website="spam")
    assert bot.status_code == 400 and "must stay empty" in section_text(bot)
    # What the reader wrote is shown again.
    assert parse(bot).select_one('input[name="organisation"]')["value"] == "Helix Medical GmbH"
    assert Registration.objects.count() == 1 and len(mail.outbox) == 1


def test_an_event_without_registration_shows_no_form_and_takes_none(client, home):
    make_event(home, registration_open=False)
    response = client.get(URL["en"])
    assert not parse(response).select_one("#register")
    assert "no-store" not in response.get("Cache-Control", "")  # the page cache and the edge keep it
    client.post(URL["en"], answers())
    assert Registration.objects.count() == 0


def member_of(group_name):
    user = get_user_model().objects.create_user(group_name.replace(" ", "-"), password="pw")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def test_press_officers_list_export_in_beijing_time_and_others_do_not_see(
    client, event, django_capture_on_commit_callbacks
):
    register(client, django_capture_on_commit_callbacks, email="=cmd@example.com")
    registration = Registration.objects.get()
    registered = datetime.datetime(2026, 3, 2, 1, 30, tzinfo=datetime.UTC)  # 09:30 in Beijing
    Registration.objects.filter(pk=registration.pk).update(created_at=registered)

    officer = client.__class__()
    officer.force_login(member_of("Press officers"))
    listing = officer.get(LISTING, {"event": event.pk})
    assert "Helix Medical GmbH" in listing.content.decode()
    assert "Helix Medical GmbH" in officer.get(LISTING, {"q": "Helix"}).content.decode()
    assert "Helix Medical GmbH" not in officer.get(LISTING, {"q": "Siemens"}).content.decode()
    assert f"/admin/events/{event.pk}/message/" in listing.content.decode()

    # The event's editor leads to its registrations.
    editor = officer.get(f"/admin/pages/{event.pk}/edit/").content.decode()
    assert f"{LISTING}?event={event.pk}" in editor

    export = officer.get(LISTING, {"export": "csv", "event": event.pk})
    rows = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode())))
    # In the admin's language (Chinese unless the account chose English).
    assert rows[0][:2] == ["活动", "报名时间（北京时间）"] and rows[0][8] == "状态"
    assert rows[1][1] == "2026-03-02 09:30"
    assert rows[1][5] == "'=cmd@example.com"  # a spreadsheet reads it as text
    assert rows[1][8] == "名额已确认"

    xlsx = officer.get(LISTING, {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(xlsx.streaming_content))).active
    assert sheet.cell(row=2, column=2).value == datetime.datetime(2026, 3, 2, 9, 30)

    for group_name in ("Writers", "Editors", "Leadership"):
        other = client.__class__()
        other.force_login(member_of(group_name))
        refused = other.get(LISTING)
        assert refused.status_code in (302, 403) and "Helix" not in refused.content.decode()
        assert other.get(f"/admin/events/{event.pk}/message/").status_code in (302, 403)
        assert f"{LISTING}?event=" not in other.get(f"/admin/pages/{event.pk}/edit/").content.decode()


def test_staff_message_reaches_each_registrant_and_no_one_else(
    client, home, django_capture_on_commit_callbacks
):
    event = make_event(home, capacity=1, waiting_list=True)
    register(client, django_capture_on_commit_callbacks)
    register(client, django_capture_on_commit_callbacks, "zh-hans", email="wang@example.cn")
    mail.outbox.clear()

    officer = client.__class__()
    officer.force_login(member_of("Site administrators"))
    url = f"/admin/events/{event.pk}/message/"
    assert "已获名额 1 人，候补 1 人。" in officer.get(url).content.decode()
    response = officer.post(
        url, {"recipients": "all", "subject": "Venue change", "body": "Hall B, not Hall A."}
    )
    assert response.status_code == 302
    assert sorted(message.to[0] for message in mail.outbox) == ["anna@example.com", "wang@example.cn"]
    assert all(m.subject == "Venue change" and "Hall B, not Hall A." in m.body for m in mail.outbox)

    mail.outbox.clear()
    officer.post(url, {"recipients": "waiting", "subject": "A place is free", "body": "Come."})
    assert [message.to for message in mail.outbox] == [["wang@example.cn"]]


def test_the_reminder_goes_once_the_day_before_to_those_with_a_place(
    client, home, django_capture_on_commit_callbacks
):
    event = make_event(home, days=3, capacity=1, waiting_list=True)
    register(client, django_capture_on_commit_callbacks, "zh-hant")
    register(client, django_capture_on_commit_callbacks, email="wait@example.com")
    mail.outbox.clear()

    assert send_reminders.call(event.pk) == 0  # three days ahead: not yet
    start = datetime.datetime.now(BEIJING) + datetime.timedelta(hours=20)
    EventPage.objects.filter(pk=event.pk).update(starts_at=start, ends_at=start + datetime.timedelta(hours=2))
    assert send_reminders.call(event.pk) == 1
    call_command("send_event_reminders", stdout=io.StringIO())  # the catch-up finds nothing left
    assert send_reminders.call(event.pk) == 0

    (message,) = mail.outbox
    assert message.to == ["anna@example.com"] and message.subject == "明日活動：上海招商路演"
    assert message.attachments[0][0].endswith(".ics")
    assert Registration.objects.get(email="anna@example.com").reminded_at is not None


def test_publishing_an_event_enqueues_its_reminders_for_the_day_before(
    home, settings, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    event = make_event(home, days=5)
    with django_capture_on_commit_callbacks(execute=True):
        event.save_revision().publish()
    (queued,) = DBTaskResult.objects.filter(task_path="events.tasks.send_reminders")
    assert queued.run_after == event.starts_at - datetime.timedelta(days=1)


def test_registrations_of_long_past_events_are_deleted_and_others_kept(
    client, event, django_capture_on_commit_callbacks
):
    register(client, django_capture_on_commit_callbacks)
    long_ago = datetime.datetime.now(BEIJING) - datetime.timedelta(days=200)
    recent = datetime.datetime.now(BEIJING) - datetime.timedelta(days=30)
    EventPage.objects.filter(pk=event.pk).update(ends_at=recent)
    call_command("delete_past_registrations", stdout=io.StringIO())
    assert Registration.objects.count() == 1
    EventPage.objects.filter(pk=event.pk).update(ends_at=long_ago)
    call_command("delete_past_registrations", stdout=io.StringIO())
    assert Registration.objects.count() == 0


def test_demo_events_take_registrations_with_the_privacy_notice(client, demo_content):
    coming = EventPage.objects.live().filter(registration_open=True)
    assert coming.count() == 2 and coming.filter(waiting_list=True).count() == 1
    for event in coming:
        form = parse(client.get(event.url)).select_one("#register form")
        assert form.select_one(".participation-form__privacy a")["href"] == "/yinsi-shengming/"
