"""What publishing and saving do in the newsroom, connected in NewsroomConfig.ready: a published
article records its alert deliveries and enqueues them; the embargo rule moves files
(newsroom.embargo)."""

import logging
from functools import partial

from django.db import transaction
from django.db.models.signals import post_save
from wagtail.signals import page_published

from news.models import NewsArticlePage
from website.languages import SECOND_LANGUAGE

from .embargo import hold_files, release_files
from .models import AlertDelivery, Subscriber

logger = logging.getLogger(__name__)


def subscribers_for(page):
    """Active subscribers who should get `page`: by topic, and only in a language the page has."""
    subscribers = Subscriber.objects.filter(confirmed_at__isnull=False, unsubscribed_at__isnull=True)
    if not page.is_press_release:
        subscribers = subscribers.filter(topic=Subscriber.Topic.ALL_NEWS)
    if not page.has_english:
        subscribers = subscribers.exclude(language=SECOND_LANGUAGE)  # Simplified and Traditional readers
    return subscribers


def record_deliveries(page):
    """One pending delivery per subscriber who has not had this release yet (never a second one)."""
    rows = [AlertDelivery(subscriber=s, page=page) for s in subscribers_for(page).only("pk")]
    AlertDelivery.objects.bulk_create(rows, ignore_conflicts=True)


def on_page_published(sender, instance, **kwargs):
    page = instance.specific if not isinstance(instance, NewsArticlePage) else instance
    if not isinstance(page, NewsArticlePage) or not page.live or not page.alerts_on_publish:
        return
    record_deliveries(page)

    def enqueue():
        from .tasks import send_release_alerts

        try:
            send_release_alerts.enqueue(page.pk)
        except Exception:  # a broken queue must not break publishing; `send_alerts` sends later
            logger.exception("Could not enqueue the alerts of page %s", page.pk)

    transaction.on_commit(enqueue)


def hold_files_of_unpublished_release(sender, instance, update_fields=None, **kwargs):
    """Saving a press release that is not live (a draft, or scheduled: an embargo) makes its files private."""
    # Saves with update_fields are Wagtail's revision bookkeeping; the content is saved in full.
    if update_fields is None and not instance.live and instance.is_press_release:
        transaction.on_commit(partial(hold_files, instance.pk), robust=True)


def release_files_of_published_page(sender, instance, **kwargs):
    """Publishing a page (by hand, after review, or the scheduler at embargo time) makes its files public."""
    transaction.on_commit(partial(release_files, instance.pk), robust=True)


def connect():
    page_published.connect(on_page_published, dispatch_uid="newsroom.on_page_published")
    post_save.connect(
        hold_files_of_unpublished_release, sender=NewsArticlePage, dispatch_uid="newsroom.hold_files"
    )
    page_published.connect(release_files_of_published_page, dispatch_uid="newsroom.release_files")
