"""A reader sends a story (and a photo) to a campaign; nothing is public until a moderator
approves it in the admin, and the photo is never at a /media/ URL."""

import csv
import datetime
import io
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image
from wagtail.contrib.forms.models import FormSubmission

from participation.models import StorySubmission
from tests.html import han_outside_zh_markup, parse

from .conftest import shown_earlier

pytestmark = pytest.mark.django_db

URL = {"zh-hans": "/gushi/", "en": "/en/share-your-story/"}
LISTING = "/admin/snippets/participation/storysubmission/"
XSS = '<script>alert(1)</script>"><img src=x onerror=alert(1)>'


@pytest.fixture(autouse=True)
def private_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private-media"
    return settings.PRIVATE_MEDIA_ROOT


def member_of(group_name, username=None):
    user = get_user_model().objects.create_user(username or group_name.replace(" ", "-"), password="pw")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def picture(name="photo.png", fmt="PNG", size=(40, 30), mode="RGB", **options):
    data = io.BytesIO()
    Image.new(mode, size, "white" if mode == "RGB" else 0).save(data, format=fmt, **options)
    return SimpleUploadedFile(name, data.getvalue())


def story(language="en", **overrides):
    data = {
        "title": "My first day at the clinic",
        "story": "The nurses spoke three languages.\nI felt at home.",
        "name": "Lin Yu",
        "email": "lin@example.com",
        "phone": "",
        "consent": "on",
        **shown_earlier(),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def send(client, language="en", **overrides):
    return client.post(URL[language], story(language, **overrides))


def alert(response):
    return parse(response).select_one('[role="alert"]').get_text(" ", strip=True)


def kept_input(response):
    """The title and story as the form shows them again."""
    soup = parse(response)
    # A browser drops the newline Django writes after <textarea>.
    story = soup.select_one('textarea[name="story"]').get_text().removeprefix("\n")
    return soup.select_one('input[name="title"]')["value"], story


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_form_shows_fields_consent_and_privacy_link_in_each_language(client, story_page, language):
    soup = parse(client.get(URL[language]))
    form = soup.select_one("form.participation-form")
    assert form["enctype"] == "multipart/form-data"
    assert form.select_one('input[type="file"][name="photo"]')["accept"] == "image/jpeg,image/png,image/webp"
    assert form.select_one('input[name="consent"][type="checkbox"]:not([checked])')
    assert form.select_one('input[name="website"]') and form.select_one('input[name="form_started"]')
    if language == "en":
        for mark in form.select(".field-mark"):
            mark.extract()
        labels = [label.get_text(strip=True).rstrip(":") for label in form.select("label")]
        assert "Title of your story" in labels and "Photo" in labels
        assert form.select_one('a[href="/en/privacy-notice/"]')
        assert "Ten years of the medical center" in soup.main.get_text()
        assert han_outside_zh_markup(soup.main) == []
    else:
        assert form.select_one('a[href="/yinsi/"]')
        assert "我与医学中心的十年" in soup.main.get_text()


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_story_is_private_until_a_press_officer_approves_it_in_bulk(
    client, story_page, private_root, settings, language
):
    response = send(client, language, photo=picture())
    assert response.status_code == 200
    thanks = parse(response).select_one("[role=status]").get_text(strip=True)
    assert thanks == ("Thank you for your story." if language == "en" else "谢谢您的故事。")
    submission = StorySubmission.objects.get()
    assert submission.status == StorySubmission.Status.PENDING and submission.language == language
    assert submission.photo.name.endswith(".png")

    # The photo is on disk beside the public media, not inside it, and no URL serves it.
    stored = Path(submission.photo.path)
    assert stored.is_file() and private_root in stored.parents
    assert Path(settings.MEDIA_ROOT) not in stored.parents
    assert client.get(f"/media/{submission.photo.name}").status_code == 404
    assert client.get(submission.public_photo_url).status_code == 404
    assert "My first day at the clinic" not in client.get(URL[language]).content.decode()
    # The admin's photo view wants a login.
    assert client.get(submission.photo.url).status_code == 302

    moderator = client.__class__()
    moderator.force_login(member_of("Press officers"))
    listing = parse(moderator.get(LISTING))
    assert "My first day at the clinic" in listing.get_text()
    thumbnail = listing.select_one(f'img[src="{submission.photo.url}"]')
    photo = moderator.get(thumbnail["src"])
    assert photo.status_code == 200 and photo["Content-Type"] == "image/png"
    assert "no-store" in photo["Cache-Control"]
    assert Image.open(io.BytesIO(b"".join(photo.streaming_content))).size == (40, 30)

    bulk = f"/admin/bulk/participation/storysubmission/approve/?id={submission.pk}"
    assert moderator.get(bulk).status_code == 200
    assert moderator.post(bulk).status_code == 302
    submission.refresh_from_db()
    assert submission.status == StorySubmission.Status.APPROVED

    soup = parse(client.get(URL[language]))
    shown = soup.select_one(".stories")
    assert "My first day at the clinic" in shown.get_text() and "Lin Yu" in shown.get_text()
    assert "lin@example.com" not in soup.decode()
    public = client.get(shown.select_one("img.story__photo")["src"])
    assert public.status_code == 200 and public["Content-Type"] == "image/png"
    # A reader's upload is shown, never sniffed into another type or allowed to run anything.
    for answer in (photo, public):
        assert answer["X-Content-Type-Options"] == "nosniff"
        assert answer["Content-Security-Policy"] == "default-src 'none'"
    # Readers of the other language do not see it: /en/ never shows Chinese by accident.
    other = "zh-hans" if language == "en" else "en"
    assert "My first day at the clinic" not in client.get(URL[other]).content.decode()


def test_rejected_and_deleted_stories_stay_hidden_and_deletion_removes_the_photo(client, story_page):
    for title in ("Spam one", "Spam two"):
        send(client, title=title, photo=picture())
    stories = list(StorySubmission.objects.all())
    ids = "&".join(f"id={s.pk}" for s in stories)
    moderator = client.__class__()
    moderator.force_login(member_of("Editors"))
    assert moderator.post(f"/admin/bulk/participation/storysubmission/reject/?{ids}").status_code == 302
    assert set(StorySubmission.objects.values_list("status", flat=True)) == {StorySubmission.Status.REJECTED}
    assert "Spam one" not in client.get(URL["en"]).content.decode()
    assert client.get(stories[0].public_photo_url).status_code == 404

    paths = [Path(s.photo.path) for s in stories]
    assert moderator.post(f"/admin/bulk/participation/storysubmission/delete/?{ids}").status_code == 302
    assert not StorySubmission.objects.exists()
    assert not any(path.exists() for path in paths)


@pytest.mark.parametrize("group_name, may_moderate", [("Writers", False), ("Translators", False)])
def test_only_moderating_roles_see_stories_and_their_photos(client, story_page, group_name, may_moderate):
    send(client, photo=picture())
    submission = StorySubmission.objects.get()
    client.force_login(member_of(group_name))
    assert client.get(LISTING).status_code in (302, 403)
    assert client.get(submission.photo.url).status_code in (302, 403)
    client.post(f"/admin/bulk/participation/storysubmission/approve/?id={submission.pk}")
    submission.refresh_from_db()
    assert submission.status == StorySubmission.Status.PENDING


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_consent_is_required(client, story_page, language):
    response = send(client, language, consent=None)
    assert response.status_code == 200
    assert parse(response).select_one(".participation-form__consent [aria-invalid=true]")
    assert kept_input(response)[0] == "My first day at the clinic"
    assert not StorySubmission.objects.exists()
    if language == "en":
        assert (
            "Please agree to the privacy notice"
            in parse(response).select_one("form.participation-form").get_text()
        )


def test_email_or_telephone_is_required_and_either_will_do(client, story_page):
    response = send(client, email="", phone="")
    assert (
        "an email address or a telephone number"
        in parse(response).select_one("form.participation-form").get_text()
    )
    assert not StorySubmission.objects.exists()
    send(client, email="", phone="+86 531 0000 0000")
    assert StorySubmission.objects.get().phone == "+86 531 0000 0000"


@pytest.mark.parametrize(
    "overrides, status, reason",
    [
        ({"website": "http://spam.example"}, 400, "a field that must stay empty was filled in"),
        ("just shown", 400, "the form was sent too quickly"),
        ({"form_started": "forged"}, 400, "the form was sent too quickly"),
    ],
)
def test_spam_defence_refuses_and_says_why(client, story_page, overrides, status, reason):
    if overrides == "just shown":
        overrides = shown_earlier(seconds=1)
    response = send(client, **overrides)
    assert response.status_code == status
    assert reason in alert(response)
    assert kept_input(response)[0] == "My first day at the clinic"
    assert not StorySubmission.objects.exists()


def test_rate_limit_refuses_with_429(client, story_page, settings):
    settings.PARTICIPATION_RATE_LIMIT = (1, 600)
    assert send(client).status_code == 200
    response = send(client, "zh-hans")
    assert response.status_code == 429
    assert alert(response)  # the Chinese wording comes with the lead's compiled catalogue
    response = send(client)
    assert "too many messages" in alert(response)
    assert StorySubmission.objects.count() == 1


def svg():
    return SimpleUploadedFile(
        "photo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    )


@pytest.mark.parametrize(
    "upload, reason",
    [
        (
            lambda: SimpleUploadedFile("photo.jpg", b"this is a letter, not a photo"),
            "must be a JPEG, PNG or WebP",
        ),
        (svg, "must be a JPEG, PNG or WebP"),
        (lambda: picture("photo.gif", "GIF", mode="L"), "must be a JPEG, PNG or WebP"),
        (lambda: SimpleUploadedFile("big.jpg", b"\xff\xd8" + bytes(10 * 1024 * 1024)), "too large"),
        (lambda: picture("wide.png", size=(8000, 5001), mode="1"), "too many pixels"),
        # A decompression bomb: 400 megapixels that compress to almost nothing.
        (lambda: picture("bomb.png", size=(20000, 20000), mode="1"), "too many pixels"),
    ],
    ids=["text-named-jpg", "svg", "gif", "over-10-mb", "over-40-megapixels", "decompression-bomb"],
)
def test_unacceptable_photos_are_refused_with_a_reason_and_the_story_is_kept(
    client, story_page, upload, reason
):
    response = send(client, photo=upload())
    assert response.status_code == 200
    soup = parse(response)
    errors = soup.select_one(".participation-form").get_text(" ", strip=True)
    assert reason in errors
    assert kept_input(response) == (
        "My first day at the clinic",
        "The nurses spoke three languages.\nI felt at home.",
    )
    assert soup.select_one('input[name="name"]')["value"] == "Lin Yu"
    assert not StorySubmission.objects.exists()


def test_photo_limits_are_explained_in_chinese_too(client, story_page):
    response = client.post(URL["zh-hans"], story("zh-hans", photo=svg()))
    assert response.status_code == 200
    assert parse(response).select_one(".participation-form .errorlist").get_text(strip=True)
    assert not StorySubmission.objects.exists()


def test_a_png_named_jpg_is_judged_by_its_content_and_stored_without_its_metadata(client, story_page):
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # camera make; GPS lives in the same block
    send(client, photo=picture("holiday.jpg", "PNG"))
    send(client, title="With EXIF", photo=picture("exif.jpg", "JPEG", exif=exif.tobytes()))
    png, jpeg = StorySubmission.objects.order_by("pk")
    assert png.photo.name.endswith(".png") and "holiday" not in png.photo.name
    with jpeg.photo.open("rb") as stored:
        image = Image.open(stored)
        assert image.format == "JPEG" and not image.getexif()


def test_a_photo_that_was_fine_must_be_chosen_again_when_another_field_is_wrong(client, story_page):
    response = send(client, consent=None, photo=picture())
    assert "please choose it again" in parse(response).select_one("main").get_text()


def test_a_closed_campaign_shows_no_form_and_stores_nothing(client, story_page):
    story_page.closes_on = timezone.localdate() - datetime.timedelta(days=1)
    story_page.save_revision().publish()
    soup = parse(client.get(URL["en"]))
    assert soup.select_one("form.participation-form") is None
    assert "This campaign is closed" in soup.main.get_text()
    send(client)
    assert not StorySubmission.objects.exists()


def test_xss_in_every_field_is_stored_and_shown_inert(client, admin_client, story_page):
    send(client, title=XSS[:200], story=XSS, name=XSS[:100], phone=XSS[:40], email="")
    submission = StorySubmission.objects.get()
    assert submission.story == XSS and submission.title == XSS
    submission.status = StorySubmission.Status.APPROVED
    submission.save()
    pages = [
        client.get(URL["en"]),
        admin_client.get(LISTING),
        admin_client.get(f"{LISTING}inspect/{submission.pk}/"),
    ]
    for response in pages:
        html = response.content.decode()
        assert response.status_code == 200
        assert "<script>alert(1)" not in html and "<img src=x onerror" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_a_press_officer_lists_and_exports_inquiries_without_editing_rights(
    client, inquiry_page, django_user_model
):
    from .test_inquiry import URL as INQUIRY_URL
    from .test_inquiry import answers

    client.post(INQUIRY_URL["en"], answers())
    assert FormSubmission.objects.count() == 1
    submissions = f"/admin/forms/submissions/{inquiry_page.pk}/"

    officer = client.__class__()
    officer.force_login(member_of("Press officers"))
    assert "Helix Medical GmbH" in officer.get(submissions).content.decode()
    export = officer.get(submissions, {"export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode())))
    assert "Helix Medical GmbH" in rows[1]

    # The right stands alone: an account with admin access and only this right reads them too.
    reader = django_user_model.objects.create_user("inquiry-desk", password="pw")
    reader.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_formsubmission"),
    )
    desk = client.__class__()
    desk.force_login(reader)
    assert desk.get(submissions).status_code == 200
    assert desk.post(f"/admin/pages/{inquiry_page.pk}/edit/").status_code in (302, 403)

    # Editing pages no longer brings personal information with it.
    writer = client.__class__()
    writer.force_login(member_of("Writers"))
    refused = writer.get(submissions)
    assert refused.status_code in (302, 403) and "Helix" not in refused.content.decode()


def test_an_untranslated_campaign_shows_the_english_notice_and_takes_no_story(client, home):
    from .factories import StoryPageFactory

    english = ("title", "slug", "campaign_title", "intro", "thank_you_text")
    StoryPageFactory(parent=home, **{f"{name}_en": "" for name in english})
    response = client.get("/en/gushi/")
    assert response["X-Robots-Tag"] == "noindex"
    assert parse(response).select_one("form.participation-form") is None
    client.post("/en/gushi/", story())
    assert not StorySubmission.objects.exists()


@pytest.mark.parametrize("parent", ["home", "standard page"])
def test_an_editor_can_add_a_campaign_under_the_home_page_or_a_standard_page(client, home, parent):
    from tests.factories import StandardPageFactory

    page = home if parent == "home" else StandardPageFactory(parent=home)
    client.force_login(member_of("Editors"))
    response = client.get(f"/admin/pages/add/participation/storysubmissionpage/{page.pk}/")
    assert response.status_code == 200
    assert parse(response).select_one('input[name="campaign_title_en"]')
