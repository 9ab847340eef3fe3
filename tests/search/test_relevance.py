"""The relevance set (relevance.py) over the demo content; `make search-eval` prints its score."""

import pytest

from .relevance import CHINESE, ENGLISH, TRADITIONAL, evaluate, report

pytestmark = pytest.mark.django_db


def test_the_relevance_set_is_as_large_as_promised():
    assert len(CHINESE) >= 20 and len(TRADITIONAL) >= 5 and len(ENGLISH) >= 15
    assert {len(case.query) for case in CHINESE} >= {2, 3}


def test_every_query_finds_its_page_first_or_in_the_first_three(demo_content):
    lines = report(evaluate())
    print("\n" + "\n".join(lines))
    assert [line for line in lines if line.startswith("MISS")] == []
