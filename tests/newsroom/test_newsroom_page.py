"""The newsroom page: latest releases, media contacts, and the press kit file by file or as one ZIP."""

import io
import zipfile

import pytest
from wagtail.models import Site

from newsroom.models import NewsroomMediaContact, PressKitImage
from website.languages import page_url_in
from website.models import SiteSettings

from ..factories import ImageFactory, NewsArticlePageFactory
from ..html import han_outside_zh_markup, parse

pytestmark = pytest.mark.django_db


@pytest.fixture
def press_kit(newsroom, contact):
    logo = ImageFactory(title_zh_hans="标志", title_en="Logo", caption_zh_hans="", caption_en="")
    photo = ImageFactory(credit_zh_hans="新闻中心", credit_en="Newsroom")
    SiteSettings.objects.filter(site=Site.objects.get(is_default_site=True)).update(
        logo=logo,
        press_boilerplate_zh_hans="<p>关于我们的介绍。</p>",
        press_boilerplate_en="<p><b>About</b> us.</p>",
    )
    PressKitImage.objects.create(page=newsroom, image=photo)
    NewsroomMediaContact.objects.create(page=newsroom, contact=contact)
    return {"logo": logo, "photo": photo}


def file_name(image):
    return image.file.name.rsplit("/", 1)[-1]


def test_newsroom_lists_latest_releases_contacts_and_press_kit_in_english(
    client, newsroom, press_kit, live_release, news_index, embargoed_release
):
    NewsArticlePageFactory(parent=news_index, title_en="Just a news story")
    soup = parse(client.get(page_url_in(newsroom, "en")))
    main = soup.find("main")
    text = main.get_text(" ", strip=True)
    assert "Proton centre annual report" in text
    assert "Just a news story" not in text  # news, not a press release
    assert "Embargoed headline" not in text
    assert "Sun Yalin" in text
    downloads = [a["href"] for a in main.select("a[download]")]
    assert downloads == [
        "/en/newsroom/press-kit/all/",
        f"/en/newsroom/press-kit/{press_kit['logo'].pk}/",
        f"/en/newsroom/press-kit/{press_kit['photo'].pk}/",
        "/en/newsroom/press-kit/boilerplate/",
    ]
    assert "The proton therapy centre" in text and "Photo: Newsroom" in text
    assert han_outside_zh_markup(main) == []


def test_each_press_kit_file_downloads_alone_at_full_resolution(client, newsroom, press_kit):
    photo = press_kit["photo"]
    response = client.get(f"/en/newsroom/press-kit/{photo.pk}/")
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="{file_name(photo)}"'
    with photo.file.open("rb") as original:
        assert b"".join(response.streaming_content) == original.read()
    boilerplate = client.get("/xinwen-zhongxin/press-kit/boilerplate/")
    assert boilerplate.content.decode() == "关于我们的介绍。\n"
    assert client.get("/en/newsroom/press-kit/boilerplate/").content.decode() == "About us.\n"
    # An image that is not in the press kit is not offered through it.
    other = ImageFactory()
    assert client.get(f"/en/newsroom/press-kit/{other.pk}/").status_code == 404


@pytest.mark.parametrize(
    ("url", "suffix", "caption", "boilerplate"),
    [
        ("/en/newsroom/press-kit/all/", "en", "The proton therapy centre", "About us."),
        ("/xinwen-zhongxin/press-kit/all/", "zh", "质子治疗中心", "关于我们的介绍。"),
    ],
)
def test_zip_press_kit_holds_every_file_with_captions_and_boilerplate(
    client, newsroom, press_kit, url, suffix, caption, boilerplate
):
    response = client.get(url)
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"] == f'attachment; filename="press-kit-{suffix}.zip"'
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    logo, photo = press_kit["logo"], press_kit["photo"]
    assert archive.namelist() == [
        file_name(logo),
        file_name(photo),
        f"captions-{suffix}.txt",
        f"boilerplate-{suffix}.txt",
    ]
    with photo.file.open("rb") as original:
        assert archive.read(file_name(photo)) == original.read()
    captions = archive.read(f"captions-{suffix}.txt").decode()
    photo_paragraph = next(p for p in captions.split("\n\n") if p.startswith(file_name(photo)))
    assert caption in photo_paragraph
    assert archive.read(f"boilerplate-{suffix}.txt").decode().strip() == boilerplate
