"""The demo leaves one account per role and articles in each review state, and loads twice the same."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from wagtail.models import WorkflowState

from demo.workflow import ACCOUNTS
from news.models import NewsArticlePage

pytestmark = pytest.mark.django_db


def test_demo_has_an_account_per_role_and_a_page_in_each_review_state(client, demo_content):
    call_command("load_demo", verbosity=0)  # a second time: nothing doubles

    for username, group, password in ACCOUNTS:
        user = get_user_model().objects.get(username=username)
        assert list(user.groups.values_list("name", flat=True)) == [group]
        assert client.login(username=username, password=password)

    review = {
        page.slug_zh_hans: page for page in NewsArticlePage.objects.filter(slug_zh_hans__startswith="shenhe-")
    }
    assert len(review) == 5
    assert [
        review[slug].current_workflow_task.name
        for slug in ("shenhe-chushen", "shenhe-fushen", "shenhe-zhongshen")
    ] == [
        "初审 First review",
        "复审 Second review",
        "终审 Final review",
    ]
    changes = review["shenhe-xiugai"].workflow_states.get()
    assert changes.status == WorkflowState.STATUS_NEEDS_CHANGES
    scheduled = review["shenhe-dingshi"]
    assert not scheduled.live and scheduled.scheduled_revision is not None
    assert mail.outbox == [], "setting up the queues sends nobody email"
