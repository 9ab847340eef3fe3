"""The English status of a page, for the admin's page listing, editor and review queue."""

from django import template
from wagtail.models import Page

from ..gate import gate_label, refusal_reason
from ..status import EnglishStatus, english_state, english_states

register = template.Library()

STATUS_CLASSES = {
    EnglishStatus.COMPLETE: "w-status--primary",
    EnglishStatus.PARTIAL: "w-status--label",
    EnglishStatus.MISSING: "w-status--label",
}


def specific(page):
    return page if type(page) is page.specific_class else page.specific


def listing_states(table):
    """The English states of every page in a listing table, read once for the whole table:
    the listing defers stream fields, so reading them page by page would cost a query a row."""
    states = getattr(table, "_english_states", None)
    if states is None:
        states = english_states(Page.objects.filter(pk__in=[page.pk for page in table.data]))
        table._english_states = states
    return states


@register.inclusion_tag("workflow/english_status_tag.html")
def english_status_tag(page, table=None):
    state = listing_states(table).get(page.pk) if table is not None else None
    if state is None:
        state = english_state(specific(page))
    return {"state": state, "classname": STATUS_CLASSES[state.status]}


@register.inclusion_tag("workflow/english_status_side_panel.html")
def english_status_side_panel(page):
    page = specific(page)
    return {"state": english_state(page), "gated_as": gate_label(page) if page.pk else None}


@register.inclusion_tag("workflow/english_gate_badge.html")
def english_gate_badge(obj):
    """A badge on a page awaiting review that the final review's English gate will refuse."""
    if not isinstance(obj, Page):
        return {"reason": None}
    return {"reason": refusal_reason(obj.get_latest_revision_as_object())}
