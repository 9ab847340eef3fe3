"""The map, the library and the new lists are found by search in both languages (demo content)."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url, link",
    [
        ("/search/?q=孵化楼", "/zhengce/zhaoshang-ditu/"),
        ("/en/search/?q=incubator", "/en/policies/investment-map/"),
        ("/search/?q=宣传册", "/zhengce/ziliao-xiazai/"),
        ("/en/search/?q=annual+report", "/en/policies/publications/"),
        ("/search/?q=生物样本库", "/zhengce/ziyuan-qingdan/"),
        ("/en/search/?q=biobank", "/en/policies/resource-list/"),
    ],
)
def test_search_finds_the_investment_pages(client, demo_content, url, link):
    response = client.get(url)

    assert response.status_code == 200
    assert f'href="{link}"' in response.content.decode()
