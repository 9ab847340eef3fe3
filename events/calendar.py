"""Events as iCalendar (RFC 5545) files, in the reader's language, for one event or the feed."""

from django.utils import timezone
from icalendar import Calendar, Event


def calendar_file(events, request):
    calendar = Calendar()
    calendar.add("prodid", "-//Jinan International Medical Center//Events//EN")
    calendar.add("version", "2.0")
    for page in events:
        entry = Event()
        entry.add("uid", f"event-{page.pk}@{request.get_host()}")
        entry.add("dtstamp", timezone.now())
        entry.add("dtstart", page.local_start)
        entry.add("dtend", page.local_end)
        entry.add("summary", page.title)
        entry.add("description", page.summary)
        place = page.venue or page.online_url
        if place:
            entry.add("location", place)
        entry.add("url", page.get_full_url(request))
        calendar.add_component(entry)
    calendar.add_missing_timezones()
    return calendar.to_ical()
