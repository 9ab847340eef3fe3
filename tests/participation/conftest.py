import time

import pytest
from django.core.cache import cache

from tests.factories import NewsArticlePageFactory
from website import spam

from .factories import InquiryPageFactory, PrivacyPageFactory, StoryPageFactory


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    """The rate limit counts in the cache; each test starts with none counted."""
    cache.clear()
    yield
    cache.clear()


def shown_earlier(seconds=10):
    """The hidden start-time field of a form shown `seconds` ago, as the page would have written it."""
    return {spam.STARTED_FIELD: spam.started_token(time.time() - seconds)}


@pytest.fixture
def inquiry_page(home):
    privacy = PrivacyPageFactory(parent=home)
    page = InquiryPageFactory(parent=home, privacy_page=privacy)
    return page


@pytest.fixture
def article(news_index):
    article = NewsArticlePageFactory(parent=news_index, comments_enabled=True)
    article.save_revision().publish()
    return article


@pytest.fixture
def story_page(home):
    privacy = PrivacyPageFactory(parent=home)
    return StoryPageFactory(parent=home, privacy_page=privacy)
