"""`{% officers_for sectors as officers %}`: the officers for a page's sectors, for any template
(policy lists, entries, the map, event pages); `{% include "investment/includes/officers.html" %}`."""

from django import template

from ..models import InvestmentOfficer

register = template.Library()


@register.simple_tag
def officers_for(sectors):
    """`sectors`: policy categories (one, a list or a queryset); nothing when there are none."""
    if sectors is None:
        return []
    if not isinstance(sectors, (list, tuple)) and hasattr(sectors, "name_zh_hans"):
        sectors = [sectors]
    return list(InvestmentOfficer.for_sectors(list(sectors)).prefetch_related("sectors"))
