"""Search finds the investment inquiry form in both languages, so a reader who types the
words reaches the form in one step."""

import pytest

from tests.html import parse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url, link",
    [
        ("/search/?q=投资咨询", "/touzi-zixun/"),
        ("/en/search/?q=investment+inquiry", "/en/investment-inquiry/"),
    ],
)
def test_search_lists_the_inquiry_form(client, demo_content, url, link):
    response = client.get(url)
    assert response.status_code == 200
    links = [a["href"] for a in parse(response).select("main a[href]")]
    assert link in links
