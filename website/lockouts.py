"""Admin sign-in lockouts (django-axes) in the Wagtail admin: which addresses are locked out,
and a button to let one in again.

Axes counts failures per address (AXES_LOCKOUT_PARAMETERS), so the listing has a row per
address, with the usernames tried from it. Whoever manages user accounts manages lockouts:
the right is Django's `auth.change_user`, which Site administrators hold.
"""

from dataclasses import dataclass, field
from datetime import datetime

from axes.helpers import get_cool_off, get_failure_limit
from axes.models import AccessAttempt
from axes.utils import reset
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

PERMISSION = "auth.change_user"


@dataclass
class AddressFailures:
    """The failed sign-ins from one address that still count towards a lockout."""

    ip_address: str
    last_attempt: datetime
    failures: int = 0
    usernames: list = field(default_factory=list)
    locked_out: bool = False


def counting_attempts():
    """Attempts newer than the cool-off time: older ones no longer lock anyone out."""
    attempts = AccessAttempt.objects.order_by("-attempt_time")
    cool_off = get_cool_off()
    if cool_off:
        attempts = attempts.filter(attempt_time__gte=timezone.now() - cool_off)
    return attempts


def failures_by_address(request):
    """One entry per address, the most recent first, each saying whether it is locked out."""
    limit = get_failure_limit(request, None)
    by_address = {}
    for attempt in counting_attempts():
        entry = by_address.setdefault(
            attempt.ip_address, AddressFailures(attempt.ip_address, attempt.attempt_time)
        )
        entry.failures += attempt.failures_since_start
        if attempt.username and attempt.username not in entry.usernames:
            entry.usernames.append(attempt.username)
    for entry in by_address.values():
        entry.locked_out = entry.failures >= limit
    return list(by_address.values())


class LockoutsBreadcrumbs(WagtailAdminTemplateMixin):
    header_icon = "lock"
    page_title = _("Sign-in lockouts")

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": reverse("website_lockouts"), "label": self.page_title}]


class LockoutsView(LockoutsBreadcrumbs, TemplateView):
    template_name = "website/lockouts.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        cool_off = get_cool_off()
        context.update(
            addresses=failures_by_address(self.request),
            failure_limit=get_failure_limit(self.request, None),
            cool_off_minutes=int(cool_off.total_seconds() // 60) if cool_off else None,
        )
        return context


class UnlockView(LockoutsBreadcrumbs, TemplateView):
    """Asks first, then forgets every counted failure from the address."""

    template_name = "website/lockouts_unlock.html"
    page_title = _("Unlock an address")

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.entry = next(
            (entry for entry in failures_by_address(request) if entry.ip_address == kwargs["ip_address"]),
            None,
        )

    def get(self, request, *args, **kwargs):
        if self.entry is None:
            raise Http404
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(entry=self.entry, **kwargs)

    def post(self, request, ip_address):
        reset(ip=ip_address)
        messages.success(request, _t("%(address)s may sign in again.") % {"address": ip_address})
        return redirect("website_lockouts")
