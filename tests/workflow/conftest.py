"""Fixtures of the workflow tests: the review workflow the migration installs, staff per role."""

import pytest
from wagtail.models import Page

from .factories import StaffFactory


@pytest.fixture
def staff(db):
    """staff("Editors") -> a new user in that group (admin language Chinese unless told)."""

    def make(role, language="zh-hans", **kwargs):
        return StaffFactory(role=role, language=language, **kwargs)

    return make


@pytest.fixture
def review_tasks(db):
    """The three review levels, in order, as installed by workflow's migration 0002."""
    root = Page.get_first_root_node()
    workflow = root.get_workflow()
    return [task.specific for task in workflow.tasks.order_by("workflow_tasks__sort_order")]
