"""The bilingual gate: page types whose English must be complete before final approval.

The review settings (workflow.models.ReviewSettings) hold the gated types as keys: an app
label and model name, optionally with a kind after a colon (`news.newsarticlepage:press_release`),
so a key can name a model that does not exist yet (policy lists) and simply matches nothing
until it does.
"""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .status import field_labels, missing_english

PRESS_RELEASES = "news.newsarticlepage:press_release"
POLICY_LISTS = "policies.policylistpage"

GATE_CHOICES = [
    (PRESS_RELEASES, _("Press releases")),
    ("news.newsarticlepage", _("All news articles")),
    (POLICY_LISTS, _("Policy lists")),
    ("home.standardpage", _("Standard pages")),
    ("cooperation.cooperationshowcasepage", _("Cooperation showcases")),
]


def default_gate():
    return [PRESS_RELEASES, POLICY_LISTS]


def gate_keys(page):
    """The keys that name this page's type: its model, and its model with its kind."""
    label = page._meta.label_lower
    keys = {label}
    kind = getattr(page, "kind", None)
    if kind:
        keys.add(f"{label}:{kind}")
    return keys


def gated_types(page):
    from .models import ReviewSettings

    site = page.get_site()
    if site is None:
        return set(default_gate())
    return set(ReviewSettings.for_site(site).english_gate or [])


def gate_label(page):
    """The label of the setting that gates this page, or None when none does."""
    matched = gate_keys(page) & gated_types(page)
    # The most specific key first: "press releases" says more than "news articles".
    for key, label in sorted(GATE_CHOICES, key=lambda choice: ":" not in choice[0]):
        if key in matched:
            return label
    return None


def text_list(items):
    """The items as a sentence lists them: a, b and c (in Chinese a、b和c)."""
    if len(items) == 1:
        return items[0]
    return gettext("%(items)s and %(last)s") % {"items": gettext(", ").join(items[:-1]), "last": items[-1]}


def refusal_reason(page):
    """Why final approval must wait, in the active (reviewer's) language; None when it need not."""
    label = gate_label(page)
    if label is None:
        return None
    missing = missing_english(page)
    if not missing:
        return None
    return gettext(
        "“%(title)s” cannot be given final approval yet: the review settings require %(gated)s to be "
        "complete in English before publication. Still missing in English: %(fields)s."
    ) % {
        "title": page.get_admin_display_title(),
        "gated": str(label).lower(),
        "fields": text_list(field_labels(page, missing)),
    }
