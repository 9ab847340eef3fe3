import datetime

import pytest

from policies.models import PolicyEntry

from .factories import (
    PolicyCategoryFactory,
    PolicyEntryFactory,
    PolicyIndexPageFactory,
    PolicyListPageFactory,
)

S = PolicyEntry.Status


@pytest.fixture
def policy_index(home):
    return PolicyIndexPageFactory(parent=home)


@pytest.fixture
def policy_list(policy_index):
    """A list at /zhengce/zhichi/ and /en/policies/support/ with two categories and six entries,
    one of them without English."""
    page = PolicyListPageFactory(
        parent=policy_index, slug_zh_hans="zhichi", slug_en="support", title_en="Support policies"
    )
    industry = PolicyCategoryFactory(page=page, slug="industry", name_zh_hans="产业", name_en="Industry")
    talent = PolicyCategoryFactory(page=page, slug="talent", name_zh_hans="人才", name_en="Talent")
    rows = [
        ("e1", industry, S.IN_FORCE, (2025, 1, 3), True),
        ("e2", talent, S.EXPIRED, (2025, 1, 1), True),
        ("e3", industry, S.OPEN_FOR_COMMENT, (2025, 1, 5), True),
        ("e4", talent, S.IN_FORCE, (2025, 1, 4), True),
        ("e5", None, S.IN_FORCE, (2025, 1, 2), True),
        ("e6", industry, S.IN_FORCE, (2025, 1, 6), False),
    ]
    page.test_entries = {}
    for order, (key, category, status, date, english) in enumerate(rows):
        page.test_entries[key] = PolicyEntryFactory(
            page=page,
            category=category,
            status=status,
            issue_date=datetime.date(*date),
            english=english,
            sort_order=order,
            title_zh_hans=f"条目{key}",
            title_en=f"Entry {key}" if english else "",
        )
    return page
