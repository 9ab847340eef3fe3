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
