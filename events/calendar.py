"""Events as iCalendar (RFC 5545) files, in the reader's language, for one event or the feed."""

from urllib.parse import urlsplit

from django.utils import timezone
from icalendar import Calendar, Event

from website.addresses import absolute


def calendar_file(events, request=None):
    """The calendar of `events`; without a request (a mail sent by the task worker), the
    addresses are the site's own (SITE_URL)."""
    host = request.get_host() if request else urlsplit(absolute("/")).netloc
    calendar = Calendar()
    calendar.add("prodid", "-//Jinan International Medical Center//Events//EN")
    calendar.add("version", "2.0")
    for page in events:
        entry = Event()
        entry.add("uid", f"event-{page.pk}@{host}")
        entry.add("dtstamp", timezone.now())
        entry.add("dtstart", page.local_start)
        entry.add("dtend", page.local_end)
        entry.add("summary", page.title)
        entry.add("description", page.summary)
        place = page.venue or page.online_url
        if place:
            entry.add("location", place)
        entry.add("url", page.get_full_url(request) if request else absolute(page.get_url()))
        calendar.add_component(entry)
    calendar.add_missing_timezones()
    return calendar.to_ical()
