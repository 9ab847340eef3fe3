"""The inquiry form on any screen: browsers may fill it in, every field says whether it is
required, and a reader who gets something wrong is told at the top, with links, and in the title."""

import pytest

from tests.html import parse

from .conftest import shown_earlier
from .test_inquiry import URL, answers

pytestmark = pytest.mark.django_db


def test_fields_carry_autocomplete_tokens(client, inquiry_page):
    form = parse(client.get(URL["en"])).select_one("form.participation-form")
    tokens = {
        name: form.select_one(f'[name="{name}"]').get("autocomplete")
        for name in ("name", "organisation", "country", "email", "phone", "message")
    }
    assert tokens == {
        "name": "name",
        "organisation": "organization",
        "country": "country-name",
        "email": "email",
        "phone": "tel",
        "message": None,
    }
    assert form.select_one('input[name="email"]')["type"] == "email"


@pytest.mark.parametrize(
    ("language", "required", "optional"),
    [("zh-hans", "（必填）", "（选填）"), ("en", "(required)", "(optional)")],
)
def test_each_field_is_marked_required_or_optional(client, inquiry_page, language, required, optional):
    form = parse(client.get(URL[language])).select_one("form.participation-form")
    marks = {}
    for label in form.select("label, legend"):
        mark = label.select_one(".field-mark")
        if mark:
            marks[label.get_text(strip=True).removesuffix(mark.get_text(strip=True))] = mark.get_text(
                strip=True
            )
    if language == "en":
        assert marks["Name"] == required and marks["Telephone"] == optional
        assert marks["Sector of interest"] == optional and marks["Preferred language"] == required
    else:
        assert marks["姓名"] == required and marks["电话"] == optional
    # The radios sit in a fieldset whose legend names the group.
    group = form.select_one("fieldset.participation-form__group")
    assert group.select('input[type="radio"]') and group.legend


@pytest.mark.parametrize(("language", "prefix"), [("zh-hans", "错误"), ("en", "Error")])
def test_errors_are_summarised_at_the_top_with_links_and_in_the_title(client, inquiry_page, language, prefix):
    response = client.post(URL[language], answers(language, name="", email="not an address", consent=None))
    assert response.status_code == 200
    soup = parse(response)
    assert soup.title.get_text().startswith(prefix)
    form = soup.select_one("form.participation-form")
    summary = form.find(class_="error-summary")
    # The summary comes before every field.
    assert summary is form.find(["div"], class_=["error-summary", "participation-form__field"])
    links = [a["href"] for a in summary.select("a")]
    assert links == ["#id_name", "#id_email", "#id_consent"]
    for href in links:
        assert soup.select_one(href) is not None
    assert soup.select_one("#id_name")["aria-invalid"] == "true"
    # Nothing the reader typed is lost.
    assert soup.select_one("#id_organisation")["value"] == "Helix Medical GmbH"


def test_a_missing_radio_choice_links_to_its_first_radio(client, inquiry_page):
    soup = parse(client.post(URL["en"], answers(preferred_language=None)))
    links = [a["href"] for a in soup.select(".error-summary a")]
    assert links == ["#id_preferred_language_0"]
    assert soup.select_one("#id_preferred_language_0")["type"] == "radio"


def test_a_page_without_errors_has_no_error_title(client, inquiry_page):
    soup = parse(client.get(URL["en"]))
    assert soup.title.get_text().startswith("Investment inquiry")
    assert soup.select_one(".error-summary") is None
    assert shown_earlier()  # the helper used by the posts above still works
