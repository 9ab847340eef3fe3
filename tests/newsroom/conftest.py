"""Fixtures of the newsroom tests: a newsroom page, a live release and an embargoed one sharing a keyword."""

import pytest

from ..factories import ImageFactory
from .factories import (
    DocumentFactory,
    NewsroomPageFactory,
    PressReleaseFactory,
    schedule,
)


@pytest.fixture
def newsroom(home):
    return NewsroomPageFactory(parent=home)


@pytest.fixture
def embargoed_release(news_index, keyword, contact, django_capture_on_commit_callbacks):
    """A press release scheduled three days ahead, with its own picture and attachment.

    Its files move to the private store once the transaction commits (newsroom.embargo); a test's
    transaction never commits, so the callbacks run here.
    """
    with django_capture_on_commit_callbacks(execute=True):
        page = PressReleaseFactory(
            parent=news_index,
            live=False,
            title_zh_hans="禁发新闻稿标题",
            title_en="Embargoed headline",
            summary_zh_hans="禁发摘要。",
            summary_en="Embargoed summary.",
            slug_zh_hans="jinfa",
            slug_en="embargoed",
            lead_image=ImageFactory(title_zh_hans="禁发图片", title_en="Embargoed picture"),
            keywords=[keyword],
            contacts=[contact],
            documents=[DocumentFactory(title="Embargoed fact sheet")],
        )
        return schedule(page)
