"""Template tags other apps use to show cooperation showcases (a news article's projects)."""

from django import template

from ..models import CooperationShowcasePage

register = template.Library()


@register.simple_tag
def showcases_linked_to(article):
    """The live showcases linked to `article` that the active language's reader may see."""
    return CooperationShowcasePage.linked_to(article)
