"""Factories for press releases, media contacts, attachments and the newsroom page."""

import datetime

import factory
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.models import Revision

from newsroom.models import ArticleAttachment, ArticleMediaContact, MediaContact, NewsroomPage

from ..factories import BilingualPageFactory, NewsArticlePageFactory


class MediaContactFactory(factory.django.DjangoModelFactory):
    name_zh_hans = factory.Sequence(lambda n: f"联络人{n}")
    name_en = factory.Sequence(lambda n: f"Press officer {n}")
    role_zh_hans = "新闻发言人"
    role_en = "Spokesperson"
    phone = "+86 531 0000 0001"
    email = factory.Sequence(lambda n: f"press{n}@example.org")

    class Meta:
        model = MediaContact


class DocumentFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Fact sheet {n}")
    file = factory.LazyAttribute(
        lambda o: ContentFile(b"%PDF-1.4 fact sheet\n", name=f"{o.title.lower().replace(' ', '-')}.pdf")
    )

    class Meta:
        model = Document


class PressReleaseFactory(NewsArticlePageFactory):
    kind = "press_release"

    @factory.post_generation
    def contacts(self, create, extracted, **kwargs):
        if create and extracted:
            for contact in extracted:
                ArticleMediaContact.objects.create(page=self, contact=contact)

    @factory.post_generation
    def documents(self, create, extracted, **kwargs):
        if create and extracted:
            for document in extracted:
                ArticleAttachment.objects.create(page=self, document=document)


class NewsroomPageFactory(BilingualPageFactory):
    title_zh_hans = "新闻中心"
    title_en = "Newsroom"
    slug_zh_hans = "xinwen-zhongxin"
    slug_en = "newsroom"
    intro_zh_hans = "面向媒体。"
    intro_en = "For journalists."

    class Meta:
        model = NewsroomPage


def schedule(page, days=3):
    """Publish `page` the way an editor schedules a release: a go-live time in the future."""
    page.go_live_at = timezone.now() + datetime.timedelta(days=days)
    page.save_revision().publish()
    page.refresh_from_db()
    assert not page.live
    return page


def let_time_pass(page):
    """Move the release's embargo into the past, as if its time had come."""
    past = timezone.now() - datetime.timedelta(minutes=1)
    type(page).objects.filter(pk=page.pk).update(go_live_at=past)
    # The scheduled revision carries the go-live time in its content too.
    for revision in Revision.objects.filter(object_id=str(page.pk), approved_go_live_at__isnull=False):
        revision.approved_go_live_at = past
        revision.content["go_live_at"] = past.isoformat()
        revision.save(update_fields=["approved_go_live_at", "content"])
