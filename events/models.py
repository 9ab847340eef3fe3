"""Events and roadshows: conferences, roadshows, exhibitions, site visits and webinars, each with
its time and time zone, place or online link, and a calendar file; the index lists upcoming
events first and keeps past ones, with their reports, as an archive."""

import zoneinfo

from django import forms
from django.db import models
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import path
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from policies.models import PolicyCategory
from website.blocks import BodyBlock
from website.languages import is_english_request
from website.pages import BasePage, public

from .api import DocumentsField, SectorsField, SpeakersField
from .calendar import calendar_file
from .filters import BEIJING as BEIJING_ZONE
from .filters import EventFilterForm
from .registration import Registration  # noqa: F401 -- the app's models are found here

BEIJING = "Asia/Shanghai"
TIME_ZONES = [
    (BEIJING, _("Beijing time (UTC+8)")),
    ("Europe/Berlin", _("Central European time")),
    ("Europe/London", _("UK time")),
    ("America/New_York", _("US Eastern time")),
    ("Asia/Seoul", _("Korea time")),
    ("Asia/Singapore", _("Singapore time")),
]


class EventKind(models.TextChoices):
    CONFERENCE = "conference", _("Conference")
    ROADSHOW = "roadshow", _("Roadshow")
    EXHIBITION = "exhibition", _("Exhibition")
    SITE_VISIT = "site_visit", _("Site visit")
    WEBINAR = "webinar", _("Webinar")


class EventLanguage(models.TextChoices):
    CHINESE = "zh", _("Chinese")
    ENGLISH = "en", _("English")
    BOTH = "zh_en", _("Chinese and English")


class EventIndexPage(BasePage):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]

    template = "events/event_index_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count = 1

    class Meta:
        verbose_name = _("events index")

    def events(self):
        """Published events a reader of the active language may see."""
        events = public(EventPage.objects.child_of(self).live())
        return events.filter(has_english=True) if is_english_request() else events

    def filter_form(self, request, events):
        sectors = {}
        categories = PolicyCategory.objects.filter(events__in=events.values("pk")).distinct()
        for category in categories.order_by("page__path", "sort_order", "pk"):
            sectors.setdefault(category.slug, category.name)  # one choice for a sector on two lists
        months = events.datetimes("starts_at", "month", tzinfo=BEIJING_ZONE)
        return EventFilterForm(request.GET, kinds=EventKind.choices, sectors=sectors.items(), months=months)

    @path("")
    def index(self, request):
        events = self.events()
        form = self.filter_form(request, events)
        events = form.apply(events) if form.is_valid() else events.none()
        # Upcoming until the Beijing day it ends is over: the page then reads the same all day,
        # and the cached index is renewed at midnight (manage.py renew_dated_lists).
        today = start_of_today()
        response = self.render(
            request,
            context_overrides={
                "filter_form": form,
                "filtered": any(request.GET.get(name) for name in form.fields),
                "upcoming": list(events.filter(ends_at__gte=today).order_by("starts_at", "pk")),
                "past": list(events.filter(ends_at__lt=today).order_by("-starts_at", "-pk")),
            },
        )
        if form.errors:
            response.status_code = 400
        return response

    @path("calendar/", name="calendar")
    def calendar(self, request):
        """Every upcoming event as one calendar feed readers can subscribe to."""
        events = self.events().filter(ends_at__gte=timezone.now()).order_by("starts_at")
        return calendar_response(calendar_file(list(events), request), "events.ics")


class EventPage(BasePage):
    kind = models.CharField(_("type"), max_length=20, choices=EventKind.choices, db_index=True)
    starts_at = models.DateTimeField(_("starts"), db_index=True)
    ends_at = models.DateTimeField(_("ends"), db_index=True)
    time_zone = models.CharField(
        _("time zone"),
        max_length=40,
        choices=TIME_ZONES,
        default=BEIJING,
        help_text=_("Where the event happens; readers see its times in this time zone."),
    )
    venue = models.CharField(
        _("place"), max_length=300, blank=True, help_text=_("The address, in each language.")
    )
    online_url = models.URLField(_("online link"), blank=True)
    organiser = models.CharField(_("organiser"), max_length=200)
    sectors = ParentalManyToManyField(
        PolicyCategory,
        verbose_name=_("sectors"),
        blank=True,
        related_name="events",
        help_text=_(
            "The sectors of the policy lists (e.g. the investment catalogue) the event is about; "
            "their investment officers are named on the event's page."
        ),
    )
    event_language = models.CharField(
        _("language of the event"),
        max_length=10,
        choices=EventLanguage.choices,
        default=EventLanguage.CHINESE,
    )
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)
    registration_deadline = models.DateTimeField(_("registration deadline"), null=True, blank=True)
    registration_open = models.BooleanField(
        _("registration on the website"),
        default=False,
        help_text=_("Readers register with a form on the event page, until the deadline or the start."),
    )
    waiting_list = models.BooleanField(
        _("waiting list"),
        default=False,
        help_text=_("When every place is taken, further registrants go on a waiting list and are told so."),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy notice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The page the registration form's consent checkbox links to."),
    )
    summary = models.TextField(
        _("summary"), help_text=_("Two or three sentences for the index and calendars.")
    )
    agenda = StreamField(BodyBlock(), verbose_name=_("agenda"), blank=True)
    report = StreamField(
        BodyBlock(),
        verbose_name=_("report"),
        blank=True,
        help_text=_("What happened, shown once the event is over."),
    )

    english_required_fields = ("title", "organiser", "summary")

    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.AutocompleteField("summary"),
        index.SearchField("organiser"),
        index.SearchField("venue"),
        index.SearchField("agenda"),
        index.RelatedFields(
            "speakers",
            [index.RelatedFields("person", [index.SearchField("name")]), index.SearchField("role")],
        ),
    ]

    # The read-only API (/api/v2/pages/?type=events.EventPage) in the request's language.
    api_fields = [
        APIField(name)
        for name in (
            "kind",
            "starts_at",
            "ends_at",
            "time_zone",
            "venue",
            "online_url",
            "organiser",
            "event_language",
            "capacity",
            "registration_deadline",
            "summary",
            "agenda",
            "report",
        )
    ] + [
        APIField("sectors", serializer=SectorsField(source="*")),
        APIField("speakers", serializer=SpeakersField(source="*")),
        APIField("documents", serializer=DocumentsField(source="*")),
    ]

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("event_language")]),
                FieldPanel("sectors", widget=forms.CheckboxSelectMultiple),
                FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at"), FieldPanel("time_zone")]),
                FieldPanel("venue"),
                FieldPanel("online_url"),
                FieldPanel("organiser"),
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("registration_deadline")]),
            ],
            heading=_("Event"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("registration_open"), FieldPanel("waiting_list")]),
                PageChooserPanel("privacy_page", "home.StandardPage"),
            ],
            heading=_("Registration"),
        ),
        FieldPanel("summary"),
        FieldPanel("agenda"),
        InlinePanel("speakers", label=_("Speakers")),
        InlinePanel("documents", label=_("Documents")),
        FieldPanel("report"),
    ]

    template = "events/event_page.html"
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def local(self, moment):
        return timezone.localtime(moment, zoneinfo.ZoneInfo(self.time_zone))

    @property
    def local_start(self):
        return self.local(self.starts_at)

    @property
    def local_end(self):
        return self.local(self.ends_at)

    @property
    def local_deadline(self):
        return self.local(self.registration_deadline) if self.registration_deadline else None

    @property
    def is_past(self):
        return self.ends_at < timezone.now()

    def sector_list(self):
        return self.sectors.order_by("sort_order", "pk")

    def speaker_list(self):
        return self.speakers.select_related("person")

    def document_list(self):
        return self.documents.select_related("document")

    @property
    def is_archived(self):
        """Over before today began in Beijing: in the index's archive, its report shown."""
        return self.ends_at < start_of_today()

    @path("")
    def event(self, request):
        from .views import event_with_registration

        return event_with_registration(self, request)

    @path("ics/", name="ics")
    def calendar(self, request):
        return calendar_response(calendar_file([self], request), f"{self.slug}.ics")


class EventSpeaker(Orderable):
    """A speaker from the People kept for bylines, with what they speak about at this event."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="speakers")
    person = models.ForeignKey(
        "news.Person", verbose_name=_("person"), on_delete=models.CASCADE, related_name="+"
    )
    role = models.CharField(
        _("role or talk"),
        max_length=255,
        blank=True,
        help_text=_("For example: Keynote: the zone's device policy."),
    )

    panels = [FieldPanel("person"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")


class EventDocument(Orderable):
    """A file for the event: programme, invitation, slides, the report's PDF."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("file"), on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(
        _("title"), max_length=255, blank=True, help_text=_("Shown instead of the file's own title.")
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def label(self):
        return self.title or self.document.title


def start_of_today():
    return timezone.now().astimezone(BEIJING_ZONE).replace(hour=0, minute=0, second=0, microsecond=0)


def calendar_response(content, filename):
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
