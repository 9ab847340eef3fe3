"""Email alerts through a real SMTP server on localhost (aiosmtpd): subscribe with double opt-in,
one mail per release in the subscriber's language, one-click unsubscribe, retries after an outage."""

import datetime
import time

import pytest
import time_machine
from django.core import signing
from django.core.cache import cache
from django.core.management import call_command
from django.tasks import TaskResultStatus
from django.utils import timezone, translation
from django_tasks_db.models import DBTaskResult

from newsroom.emails import alert_subject
from newsroom.models import MAX_ATTEMPTS, AlertDelivery, Subscriber
from website import spam

from ..html import parse
from ..workflow.factories import StaffFactory
from .factories import PressReleaseFactory, let_time_pass
from .mail import (
    Inbox,
    body_of,
    link_in,
    mail_server_down,
    path_of,
    raw_header,
    send_mail_through_localhost,
    smtp_server,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def smtp_port(settings):
    return send_mail_through_localhost(settings)


@pytest.fixture
def inbox(smtp_port):
    with smtp_server(smtp_port) as inbox:
        yield inbox


@pytest.fixture(autouse=True)
def after_commit(django_capture_on_commit_callbacks):
    """The alert task is enqueued when the publishing transaction commits: run such callbacks."""
    global committed
    committed = django_capture_on_commit_callbacks


committed = None


def publish(page, user=None):
    """Publish the way the admin's Publish button does (Wagtail's page_published signal fires)."""
    with committed(execute=True):
        page.save_revision(user=user).publish(user=user)
    return page


def run_scheduler():
    with committed(execute=True):
        call_command("publish_scheduled", verbosity=0)


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    """The per-address-and-IP limits count in the cache; each test starts with none counted."""
    cache.clear()
    yield
    cache.clear()


def shown_earlier(seconds=10):
    """The hidden start-time field of the sign-up form as it was shown `seconds` ago."""
    return {spam.STARTED_FIELD: spam.started_token(time.time() - seconds)}


def subscribe(client, prefix, address, language, topic="press_releases", **extra):
    data = {"email": address, "language": language, "topic": topic, "consent": "on", **shown_earlier()}
    return client.post(f"{prefix}/alerts/", {**data, **extra})


def subscribed(client, inbox, prefix, address, language, topic="press_releases"):
    response = subscribe(client, prefix, address, language, topic)
    assert response.status_code == 200
    (mail,) = inbox.to(address)
    path = path_of(link_in(mail, "/alerts/confirm/"))
    assert client.get(path).status_code == 200
    return Subscriber.objects.get(email=address)


def test_double_opt_in_in_both_languages(client, inbox, home):
    response = subscribe(client, "/en", "reporter@example.com", "en")
    assert response.status_code == 200
    assert "reporter@example.com" in parse(response).select_one(".alerts__message").get_text()
    subscriber = Subscriber.objects.get(email="reporter@example.com")
    assert not subscriber.active  # not before the link is opened

    (mail,) = inbox.to("reporter@example.com")
    assert "Please confirm" in body_of(mail)
    assert "/en/alerts/confirm/" in body_of(mail)
    assert mail["List-Unsubscribe"] == f"<{subscriber.unsubscribe_url()}>"
    assert raw_header(mail, "List-Unsubscribe") == f"<{subscriber.unsubscribe_url()}>"  # not =?utf-8?q?…
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    path = path_of(link_in(mail, "/alerts/confirm/"))
    assert client.get(path).status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.active

    chinese = subscribed(client, inbox, "", "jizhe@example.cn", "zh-hans")
    assert chinese.active and chinese.language == "zh-hans"
    assert "/alerts/confirm/" in body_of(inbox.to("jizhe@example.cn")[0])
    assert "/en/" not in body_of(inbox.to("jizhe@example.cn")[0])


def test_bad_input_gets_a_clear_message_in_the_readers_language(client, inbox, home):
    response = subscribe(client, "/en", "not-an-address", "en")
    assert response.status_code == 400
    assert "Enter a valid email address" in parse(response).select_one(".form-field__error").get_text()
    assert subscribe(client, "", "not-an-address", "zh-hans").status_code == 400
    assert not Subscriber.objects.exists()
    assert inbox.messages == []

    for prefix in ("", "/en"):
        assert client.get(f"{prefix}/alerts/confirm/forged-token/").status_code == 400
        assert client.get(f"{prefix}/alerts/unsubscribe/unknown/").status_code == 400
    english = parse(client.get("/en/alerts/confirm/forged-token/"))
    assert "not valid or has expired" in english.select_one(".alerts__message").get_text()
    # A token signed for something else (here: an unsubscribe key) does not confirm.
    other = signing.dumps("x", salt="something-else")
    assert client.get(f"/en/alerts/confirm/{other}/").status_code == 400


def test_each_release_is_mailed_once_in_the_subscribers_language(
    client, inbox, news_index, embargoed_release
):
    english = subscribed(client, inbox, "/en", "reporter@example.com", "en")
    chinese = subscribed(client, inbox, "", "jizhe@example.cn", "zh-hans", topic="all_news")
    inbox.messages.clear()

    # A news story (not a release) goes only to the subscriber of all news.
    publish(
        PressReleaseFactory(parent=news_index, kind="news", title_zh_hans="普通新闻", title_en="Plain news")
    )
    # Scheduled release: nothing until the scheduler publishes it.
    assert [str(m["Subject"]) for m in inbox.messages] == ["普通新闻"]
    assert not AlertDelivery.objects.filter(page=embargoed_release).exists()
    let_time_pass(embargoed_release)
    run_scheduler()

    (to_english,) = [m for m in inbox.to(english.email)]
    assert to_english["Subject"] == "Press release: Embargoed headline"
    assert "Embargoed summary." in body_of(to_english)
    assert "/en/" in body_of(to_english) and "禁发" not in body_of(to_english)
    assert raw_header(to_english, "List-Unsubscribe") == f"<{english.unsubscribe_url()}>"
    assert to_english["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert english.unsubscribe_url() in body_of(to_english, "html")

    chinese_mail = inbox.to(chinese.email)
    subjects = sorted(str(m["Subject"]) for m in chinese_mail)
    assert any("禁发新闻稿标题" in s for s in subjects) and any("普通新闻" in s for s in subjects)
    release_mail = next(m for m in chinese_mail if "禁发新闻稿标题" in str(m["Subject"]))
    assert "禁发摘要。" in body_of(release_mail) and "Embargoed" not in body_of(release_mail)

    # Publishing the release again (a correction) sends nothing more.
    count = len(inbox.messages)
    embargoed_release.refresh_from_db()
    publish(embargoed_release)
    call_command("send_alerts", verbosity=0)
    assert len(inbox.messages) == count
    assert AlertDelivery.objects.filter(page=embargoed_release).count() == 2


def test_english_subscribers_get_no_release_without_english(client, inbox, news_index):
    subscribed(client, inbox, "/en", "reporter@example.com", "en")
    inbox.messages.clear()
    publish(PressReleaseFactory(parent=news_index, english=False, title_zh_hans="只有中文的新闻稿"))
    assert inbox.messages == []


def test_a_story_published_without_alerts_mails_no_one(client, inbox, news_index):
    subscribed(client, inbox, "", "jizhe@example.cn", "zh-hans", topic="all_news")
    inbox.messages.clear()
    old_story = PressReleaseFactory(
        parent=news_index, title_zh_hans="二〇一九年的旧稿", alerts_on_publish=False
    )
    publish(old_story)
    call_command("send_alerts", verbosity=0)
    assert inbox.messages == []
    assert not AlertDelivery.objects.filter(page=old_story).exists()


def test_one_click_unsubscribe(client, inbox, news_index):
    subscriber = subscribed(client, inbox, "/en", "reporter@example.com", "en")
    path = path_of(subscriber.unsubscribe_url())
    # Following the link (a person or a mail scanner) asks first and changes nothing.
    page = client.get(path)
    assert page.status_code == 200 and "reporter@example.com" in page.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.active
    # The mail client's one-click POST (RFC 8058), without cookies or CSRF token.
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert not subscriber.active
    inbox.messages.clear()
    publish(PressReleaseFactory(parent=news_index))
    assert inbox.messages == []


def test_mail_server_down_never_blocks_publishing_and_the_alert_is_sent_later(
    client, smtp_port, news_index, django_user_model
):
    handler = Inbox()
    with smtp_server(smtp_port, handler):
        subscriber = subscribed(client, handler, "/en", "reporter@example.com", "en")
    # The mail server is down here.
    admin = django_user_model.objects.create_superuser("boss", "boss@example.org", "pw")
    release = PressReleaseFactory(parent=news_index, live=False, title_en="Outage release")
    with mail_server_down(smtp_port):
        publish(release, user=admin)
    release.refresh_from_db()
    assert release.live
    delivery = AlertDelivery.objects.get(subscriber=subscriber, page=release)
    assert delivery.sent_at is None and delivery.attempts == 1
    assert "Connection" in delivery.last_error or "refused" in delivery.last_error.lower()

    with smtp_server(smtp_port, handler):
        call_command("send_alerts", verbosity=0)
    delivery.refresh_from_db()
    assert delivery.sent_at is not None and delivery.attempts == 2
    (mail,) = [m for m in handler.to("reporter@example.com") if "Outage release" in str(m["Subject"])]
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


# ---- The real queue: publishing only enqueues, the worker (`manage.py db_worker`) sends ----

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def run_worker():
    """What `manage.py db_worker` does in production, until no task is due."""
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


def queued(task_path):
    return DBTaskResult.objects.filter(task_path=task_path, status=TaskResultStatus.READY)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_publishing_only_enqueues_and_the_worker_sends_and_retries(
    client, settings, smtp_port, news_index, django_user_model
):
    settings.TASKS = DATABASE_QUEUE
    handler = Inbox()
    with smtp_server(smtp_port, handler):
        subscriber = subscribed(client, handler, "/en", "reporter@example.com", "en")
        handler.messages.clear()
        admin = django_user_model.objects.create_superuser("boss", "boss@example.org", "pw")

        # Publishing records the delivery and enqueues the task; nothing is mailed in the process.
        first = publish(PressReleaseFactory(parent=news_index, live=False, title_en="Queued release"), admin)
        delivery = AlertDelivery.objects.get(subscriber=subscriber, page=first)
        assert delivery.status == AlertDelivery.Status.QUEUED and handler.messages == []
        assert queued("newsroom.tasks.send_release_alerts").count() == 1
        # Wagtail's own tasks (reference and search index updates) go through the same queue.
        assert queued("wagtail.tasks.update_reference_index_task").exists()

        run_worker()
        (mail,) = handler.to("reporter@example.com")
        assert mail["Subject"] == "Press release: Queued release"
        delivery.refresh_from_db()
        assert delivery.status == AlertDelivery.Status.SENT and delivery.attempts == 1
        assert not DBTaskResult.objects.exclude(status=TaskResultStatus.SUCCESSFUL).exists()

    # The mail server goes down: the release is published all the same, the worker's attempt
    # fails and is recorded, and a retry waits in the queue.
    second = PressReleaseFactory(parent=news_index, live=False, title_en="Outage release")
    with mail_server_down(smtp_port):
        publish(second, admin)
        second.refresh_from_db()
        assert second.live
        run_worker()
    delivery = AlertDelivery.objects.get(subscriber=subscriber, page=second)
    assert delivery.status == AlertDelivery.Status.RETRYING and delivery.attempts == 1
    assert "refused" in delivery.last_error.lower() or "connection" in delivery.last_error.lower()
    (retry,) = queued("newsroom.tasks.send_alert")
    assert retry.args_kwargs["args"] == [delivery.pk, 2]
    assert retry.run_after > timezone.now() + datetime.timedelta(minutes=1)

    # The retry is not due yet: the worker leaves it. Once it is, it sends.
    with smtp_server(smtp_port, handler):
        run_worker()
        assert not handler.to("reporter@example.com")[1:]
        with time_machine.travel(retry.run_after + datetime.timedelta(seconds=1)):
            run_worker()
    delivery.refresh_from_db()
    assert delivery.status == AlertDelivery.Status.SENT and delivery.attempts == 2
    assert delivery.last_error == ""
    assert [m["Subject"] for m in handler.to("reporter@example.com")][1:] == ["Press release: Outage release"]
    assert not queued("newsroom.tasks.send_alert").exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_worker_gives_up_after_the_last_attempt(client, settings, smtp_port, news_index):
    settings.TASKS = DATABASE_QUEUE
    with smtp_server(smtp_port) as handler:
        subscriber = subscribed(client, handler, "/en", "reporter@example.com", "en")

    release = publish(PressReleaseFactory(parent=news_index, live=False))
    run_worker()
    delivery = AlertDelivery.objects.get(subscriber=subscriber, page=release)
    for attempt in range(2, MAX_ATTEMPTS + 1):
        (retry,) = queued("newsroom.tasks.send_alert")
        assert retry.args_kwargs["args"] == [delivery.pk, attempt]
        with time_machine.travel(retry.run_after + datetime.timedelta(seconds=1)):
            run_worker()
    delivery.refresh_from_db()
    assert delivery.attempts == MAX_ATTEMPTS and delivery.status == AlertDelivery.Status.FAILED
    assert not queued("newsroom.tasks.send_alert").exists()  # no more retries


# ---- The admin: subscribers and deliveries, for press officers and administrators ----

SUBSCRIBERS = "/admin/alert_subscribers/"
DELIVERIES = "/admin/alert_deliveries/"


def rows(response):
    return [row.get_text(" ", strip=True) for row in parse(response).select("table.listing tbody tr")]


@pytest.fixture
def alerts_history(client, inbox, news_index):
    """A confirmed English subscriber who got one release, and a Chinese one who never confirmed."""
    english = subscribed(client, inbox, "/en", "reporter@example.com", "en")
    assert subscribe(client, "", "jizhe@example.cn", "zh-hans", topic="all_news").status_code == 200
    release = publish(PressReleaseFactory(parent=news_index, title_en="Admin-listed release"))
    client.logout()
    return english, release


def test_press_officers_see_subscribers_and_deliveries(client, alerts_history):
    english, release = alerts_history
    client.force_login(StaffFactory(role="Press officers", language="en"))

    listing = client.get(SUBSCRIBERS)
    assert listing.status_code == 200
    assert len(rows(listing)) == 2
    (english_row,) = rows(client.get(SUBSCRIBERS, {"language": "en"}))
    assert (
        "reporter@example.com" in english_row and "English" in english_row and "Press releases" in english_row
    )
    (unconfirmed,) = rows(client.get(SUBSCRIBERS, {"confirmed": "false"}))
    assert "jizhe@example.cn" in unconfirmed
    assert "Email alerts" in listing.content.decode()  # the menu

    deliveries = client.get(DELIVERIES)
    assert deliveries.status_code == 200
    (delivery,) = rows(deliveries)
    assert "Admin-listed release" in delivery and "reporter@example.com" in delivery and "Sent" in delivery
    assert rows(client.get(DELIVERIES, {"status": "sent", "language": "en"})) == [delivery]
    assert rows(client.get(DELIVERIES, {"status": "retrying"})) == []
    assert rows(client.get(DELIVERIES, {"language": "zh-hans"})) == []


def test_staff_can_delete_a_subscriber_but_never_add_or_edit_one(client, alerts_history, admin_user):
    english, _release = alerts_history
    for user in (StaffFactory(role="Press officers", language="en"), admin_user):
        client.force_login(user)
        listing = client.get(SUBSCRIBERS).content.decode()
        assert f"{SUBSCRIBERS}new/" not in listing and f"{SUBSCRIBERS}edit/" not in listing
        assert client.get(f"{SUBSCRIBERS}new/").status_code == 404
        assert client.get(f"{SUBSCRIBERS}edit/{english.pk}/").status_code == 404
        forged = {"email": "someone@example.com", "language": "en", "topic": "all_news"}
        client.post(f"{SUBSCRIBERS}new/", forged)
        assert not Subscriber.objects.filter(email="someone@example.com").exists()

    client.force_login(StaffFactory(role="Press officers", language="en"))
    assert f"{SUBSCRIBERS}delete/{english.pk}/" in client.get(SUBSCRIBERS).content.decode()
    assert client.post(f"{SUBSCRIBERS}delete/{english.pk}/").status_code == 302
    assert not Subscriber.objects.filter(pk=english.pk).exists()
    assert not AlertDelivery.objects.filter(subscriber_id=english.pk).exists()


def test_the_lists_answer_in_chinese_for_chinese_staff(client, alerts_history):
    client.force_login(StaffFactory(role="Site administrators"))
    for url in (SUBSCRIBERS, DELIVERIES):
        response = client.get(url)
        assert response.status_code == 200
        assert parse(response).html["lang"] == "zh-hans"
        assert parse(response).title.get_text().startswith("邮件提醒")  # "alert subscribers"/"deliveries"


@pytest.mark.parametrize("group_name", ["Writers", "Editors", "Translators"])
def test_other_roles_do_not_see_subscribers_or_deliveries(client, alerts_history, group_name):
    client.force_login(StaffFactory(role=group_name, language="en"))
    for url in (SUBSCRIBERS, DELIVERIES):
        response = client.get(url)
        assert response.status_code in (302, 403)
        assert b"reporter@example.com" not in response.content
    assert "Email alerts" not in client.get("/admin/").content.decode()


def test_sign_up_shows_the_privacy_notice_consent_and_spam_fields(client, home):
    for prefix, words in (("", "隐私"), ("/en", "privacy notice")):
        form = parse(client.get(f"{prefix}/alerts/")).select_one("form.alerts__form")
        consent = form.select_one('input[name="consent"]')
        assert consent is not None and not consent.has_attr("checked")
        assert words in form.select_one(f'label[for="{consent["id"]}"]').get_text()
        assert form.select_one('input[name="website"]') and form.select_one('input[name="form_started"]')


def test_sign_up_without_consent_sends_nothing_and_says_why(client, inbox, home):
    response = subscribe(client, "/en", "reporter@example.com", "en", consent="")
    assert response.status_code == 400
    assert "Please agree to the privacy notice" in parse(response).select_one(".form-field__error").get_text()
    response = subscribe(client, "", "jizhe@example.cn", "zh-hans", consent="")
    assert "请同意隐私" in parse(response).select_one(".form-field__error").get_text()
    assert not Subscriber.objects.exists()
    assert inbox.messages == []


@pytest.mark.parametrize(
    ("extra", "status", "words"),
    [
        ({"website": "http://spam.example"}, 400, "must stay empty"),
        ("just shown", 400, "sent too quickly"),
        ({"form_started": "forged"}, 400, "sent too quickly"),
    ],
)
def test_bots_are_refused_with_the_reason_and_the_address_kept(client, inbox, home, extra, status, words):
    extra = shown_earlier(0) if extra == "just shown" else extra
    response = subscribe(client, "/en", "reporter@example.com", "en", **extra)
    assert response.status_code == status
    page = parse(response)
    assert words in page.select_one(".alerts__refusal").get_text()
    assert page.select_one('input[name="email"]')["value"] == "reporter@example.com"
    chinese = parse(subscribe(client, "", "jizhe@example.cn", "zh-hans", **extra))
    assert "未能发送" in chinese.select_one(".alerts__refusal").get_text()
    assert not Subscriber.objects.exists()
    assert inbox.messages == []


def test_three_posts_in_a_second_send_one_confirmation_a_day(client, inbox, home):
    for _ in range(3):
        assert subscribe(client, "/en", "target@example.com", "en").status_code == 200
    assert len(inbox.to("target@example.com")) == 1
    # The next day the reader may ask again (the first mail may have been lost).
    with time_machine.travel(timezone.now() + datetime.timedelta(days=1, minutes=1)):
        assert subscribe(client, "/en", "target@example.com", "en").status_code == 200
    assert len(inbox.to("target@example.com")) == 2
    assert Subscriber.objects.get(email="target@example.com").consented_at is not None


def test_one_network_cannot_mail_many_addresses(client, inbox, home, settings):
    settings.PARTICIPATION_RATE_LIMIT = (2, 600)
    statuses = [subscribe(client, "/en", f"victim{n}@example.com", "en").status_code for n in range(4)]
    assert statuses == [200, 200, 429, 429]
    assert len(inbox.messages) == 2


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Zone opens a proton centre", "Press release: Zone opens a proton centre"),
        ("Press release: Zone opens a proton centre", "Press release: Zone opens a proton centre"),
        ("PRESS RELEASE - Zone opens", "PRESS RELEASE - Zone opens"),
    ],
)
def test_alert_subject_says_press_release_once_in_english(title, expected):
    page = PressReleaseFactory.build(title_zh_hans=title, title_en=title)
    with translation.override("en"):
        assert alert_subject(page) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("先行区质子中心启用", "新闻稿：先行区质子中心启用"),
        ("新闻稿：先行区质子中心启用", "新闻稿：先行区质子中心启用"),
        ("新闻发布：先行区质子中心启用", "新闻发布：先行区质子中心启用"),
        ("【新闻发布】先行区质子中心启用", "【新闻发布】先行区质子中心启用"),
    ],
)
def test_alert_subject_says_press_release_once_in_chinese(title, expected):
    page = PressReleaseFactory.build(title_zh_hans=title, title_en=title)
    with translation.override("zh-hans"):
        assert alert_subject(page) == expected


def test_a_subscriber_who_chose_traditional_gets_traditional_mail(client, inbox, news_index):
    reader = subscribed(client, inbox, "/zh-hant", "duzhe@example.hk", "zh-hant", topic="all_news")
    (confirmation,) = inbox.to(reader.email)
    assert "/zh-hant/alerts/confirm/" in body_of(confirmation)
    inbox.messages.clear()

    release = PressReleaseFactory(
        parent=news_index, kind="news", title_zh_hans="质子治疗中心发展", english=False
    )
    publish(release)

    (mail,) = inbox.to(reader.email)
    assert str(mail["Subject"]) == "質子治療中心發展"
    assert "/zh-hant/" in body_of(mail)
    assert "质子" not in body_of(mail) and "质子" not in body_of(mail, "html")
