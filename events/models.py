"""Events and roadshows: conferences, roadshows, exhibitions, site visits and webinars, each with
its time and time zone, place or online link, and a calendar file; the index lists upcoming
events first and keeps past ones, with their reports, as an archive."""

import zoneinfo

from django.db import models
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import path
from wagtail.fields import StreamField
from wagtail.search import index

from cooperation.models import Sector
from website.blocks import BodyBlock
from website.languages import is_english_request
from website.pages import BasePage, public

from .calendar import calendar_file
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

    @path("")
    def index(self, request):
        events = self.events()
        kind = request.GET.get("kind", "")
        if kind in EventKind.values:
            events = events.filter(kind=kind)
        sector = request.GET.get("sector", "")
        if sector in Sector.values:
            events = events.filter(sector=sector)
        now = timezone.now()
        return self.render(
            request,
            context_overrides={
                "upcoming": list(events.filter(ends_at__gte=now).order_by("starts_at")),
                "past": list(events.filter(ends_at__lt=now).order_by("-starts_at")),
                "kinds": EventKind.choices,
                "sectors": Sector.choices,
                "kind": kind,
                "sector": sector,
            },
        )

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
    sector = models.CharField(_("sector"), max_length=30, choices=Sector.choices, blank=True, db_index=True)
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
            "sector",
            "event_language",
            "capacity",
            "registration_deadline",
            "summary",
            "agenda",
            "report",
        )
    ]

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("sector"), FieldPanel("event_language")]),
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

    @path("")
    def event(self, request):
        from .views import event_with_registration

        return event_with_registration(self, request)

    @path("ics/", name="ics")
    def calendar(self, request):
        return calendar_response(calendar_file([self], request), f"{self.slug}.ics")


def calendar_response(content, filename):
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
