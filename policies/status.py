"""What an entry's status is today: the editor sets what an entry is (in force, open for
comment, an open opportunity), and the dates decide whether it still is.

The day is the zone's, Beijing time (Asia/Shanghai), whatever the server's clock zone: an entry
stays open through its expiry date and is expired (a policy) or closed (a call for comment or
an opportunity) from the next 00:00 Beijing time; an open one within CLOSING_SOON_DAYS of its
expiry date is "closing soon". An editor may keep a status whatever the dates, with a reason
the entry page shows. The same rule runs in Python (`current_status`, for pages, downloads and
the API) and in SQL (`status_filter`, for filters), and the page cache is renewed once a day
by `manage.py renew_dated_lists` so no cached list outlives the day it was true for.
"""

import datetime
from zoneinfo import ZoneInfo

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

ZONE_TIME = ZoneInfo("Asia/Shanghai")
CLOSING_SOON_DAYS = 14

IN_FORCE = "in_force"
EXPIRED = "expired"
OPEN_FOR_COMMENT = "open_for_comment"
OPEN_OPPORTUNITY = "open_opportunity"
CLOSED = "closed"
CLOSING_SOON = "closing_soon"

# What an editor may set (PolicyEntry.Status); "closing soon" only ever follows from the dates.
SET_CHOICES = [
    (IN_FORCE, _("In force")),
    (EXPIRED, _("Expired")),
    (OPEN_FOR_COMMENT, _("Open for comment")),
    (OPEN_OPPORTUNITY, _("Open opportunity")),
    (CLOSED, _("Closed")),
]
# What a reader sees and filters by.
SHOWN_CHOICES = [*SET_CHOICES[:4], (CLOSING_SOON, _("Closing soon")), SET_CHOICES[4]]
LABELS = dict(SHOWN_CHOICES)

OPEN = (OPEN_FOR_COMMENT, OPEN_OPPORTUNITY)
# What a set status becomes once its expiry date has passed.
ENDS_AS = {IN_FORCE: EXPIRED, OPEN_FOR_COMMENT: CLOSED, OPEN_OPPORTUNITY: CLOSED}


def zone_today():
    """Today in Beijing, the day every status is judged by."""
    return timezone.now().astimezone(ZONE_TIME).date()


def current_status(status, expiry_date, fixed=False, today=None):
    """The status a reader sees today for an entry set to `status` with `expiry_date`."""
    if fixed or expiry_date is None or status not in ENDS_AS:
        return status
    today = today or zone_today()
    if expiry_date < today:
        return ENDS_AS[status]
    if status in OPEN and expiry_date <= today + datetime.timedelta(days=CLOSING_SOON_DAYS):
        return CLOSING_SOON
    return status


def status_filter(shown, today=None):
    """A Q for the entries whose `current_status` is `shown` today.

    "Open for comment" and "Open opportunity" include the open entries closing soon (they are
    still open); "Closing soon" is those alone.
    """
    today = today or zone_today()
    fixed = Q(status_fixed=True)
    follows = Q(status_fixed=False)
    not_ended = Q(expiry_date__isnull=True) | Q(expiry_date__gte=today)
    ended = Q(expiry_date__lt=today)
    if shown == CLOSING_SOON:
        soon = today + datetime.timedelta(days=CLOSING_SOON_DAYS)
        return follows & Q(status__in=OPEN, expiry_date__gte=today, expiry_date__lte=soon)
    started_as = [set_status for set_status, ends in ENDS_AS.items() if ends == shown]
    q = Q(status=shown) & (fixed | ~Q(status__in=list(ENDS_AS)) | not_ended)
    if started_as:
        q |= follows & Q(status__in=started_as) & ended
    return q
