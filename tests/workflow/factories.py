"""Staff in each role, and the admin form data that creates or edits a page or the site settings."""

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail.users.models import UserProfile


class StaffFactory(factory.django.DjangoModelFactory):
    """A staff member in one role: StaffFactory(role="Editors")."""

    username = factory.Sequence(lambda n: f"staff{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("pw")

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(Group.objects.get(name=extracted))

    @factory.post_generation
    def language(self, create, extracted, **kwargs):
        """The admin language the staff member chose (zh-hans unless told)."""
        if create:
            profile = UserProfile.get_for_user(self)
            profile.preferred_language = extracted or "zh-hans"
            profile.save()


def page_form_data(page_class, fields):
    """POST data for Wagtail's create/edit view of `page_class`: `fields` plus an empty
    formset for every inline panel not given (bylines, related links, comments, …)."""
    formsets = page_class.get_edit_handler().get_form_class().formsets
    data = {name: inline_formset([]) for name in formsets}
    data.update(fields)
    return nested_form_data(data)


def body(text):
    return streamfield([("paragraph", rich_text(f"<p>{text}</p>"))])


def site_settings_form_data(organisation_name_zh_hans, organisation_name_en):
    """POST data for the site settings' edit view, with the given names and nothing else filled in."""
    return nested_form_data(
        {
            "organisation_name_zh_hans": organisation_name_zh_hans,
            "organisation_name_en": organisation_name_en,
            "press_boilerplate_zh_hans": rich_text(""),
            "press_boilerplate_en": rich_text(""),
            "social_links": streamfield([]),
        }
    )


def review_settings_url(site):
    return f"/admin/settings/workflow/reviewsettings/{site.pk}/"


def article_fields(slug, english=True, kind="news", **extra):
    fields = {
        "title_zh_hans": f"园区动态{slug}",
        "slug_zh_hans": f"dongtai-{slug}",
        "kind": kind,
        "date": "2026-01-15 09:30",
        "summary_zh_hans": "园区新增十五个项目。",
        "body_zh_hans": body("一百二十亿元投资。"),
        "title_en": f"Zone news {slug}" if english else "",
        "slug_en": f"zone-news-{slug}" if english else "",
        "summary_en": "The zone gained fifteen projects." if english else "",
        "body_en": body("12 billion yuan invested.") if english else streamfield([]),
    }
    fields.update(extra)
    return fields


def standard_page_fields(slug, english=True, **extra):
    fields = {
        "title_zh_hans": f"园区简介{slug}",
        "slug_zh_hans": f"jianjie-{slug}",
        "body_zh_hans": body("园区简介。"),
        "title_en": f"About the zone {slug}" if english else "",
        "slug_en": f"about-{slug}" if english else "",
        "body_en": body("About the zone.") if english else streamfield([]),
    }
    fields.update(extra)
    return fields


def move_to_level(page, level, review_tasks, user):
    """Submit `page`'s latest revision and approve it up to review level `level` (1, 2 or 3)."""
    workflow_state = page.get_workflow().start(page, user)
    for task in review_tasks[: level - 1]:
        workflow_state.refresh_from_db()
        assert workflow_state.current_task_state.task_id == task.pk
        workflow_state.current_task_state.approve(user=user)
    workflow_state.refresh_from_db()
    return workflow_state
