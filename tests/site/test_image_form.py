"""The image upload form in the editor's Chinese: the file first, and labels that tell alt text,
caption and credit apart."""

import pytest

from tests.html import parse
from tests.workflow.factories import StaffFactory

pytestmark = pytest.mark.django_db


def test_image_form_puts_the_file_first_and_names_each_text_clearly(client):
    client.force_login(StaffFactory(role="Editors", language="zh-hans"))
    form = parse(client.get("/admin/images/add/")).select_one("form[enctype]")
    names = [
        field["name"] for field in form.select("input, textarea, select") if field.get("type") != "hidden"
    ]
    assert names[0] == "file"
    labels = " ".join(label.get_text(" ", strip=True) for label in form.select("label"))
    assert "替代文本（供读屏软件）" in labels and "图片说明" in labels and "摄影或来源" in labels
    assert "署名" not in labels


def test_the_file_name_fills_the_title_in_both_languages(client):
    """Wagtail's upload script fills the fields the file input names (wagtail:images-upload)."""
    client.force_login(StaffFactory(role="Editors", language="zh-hans"))
    form = parse(client.get("/admin/images/add/")).select_one("form[enctype]")

    targets = form.select_one('input[name="file"]')["data-w-sync-target-value"]

    assert {form.select_one(selector.strip())["name"] for selector in targets.split(",")} == {
        "title_zh_hans",
        "title_en",
    }


def test_the_multiple_uploader_titles_each_image_in_both_languages(client):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    client.force_login(StaffFactory(role="Editors", language="zh-hans"))
    assert client.get("/admin/images/multiple/add/").status_code == 200
    upload = get_test_image_file(filename="yuanqu-dalou.png")

    response = client.post(
        "/admin/images/multiple/add/",
        {"title": "yuanqu-dalou", "files[]": SimpleUploadedFile("yuanqu-dalou.png", upload.file.getvalue())},
    )

    assert response.json()["success"], response.json()
    image = get_image_model().objects.get(pk=response.json()["image_id"])
    assert (image.title_zh_hans, image.title_en) == ("yuanqu-dalou", "yuanqu-dalou")
