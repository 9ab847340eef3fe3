"""Shapes on the site plan: corners as "x,y" pairs in percent of the plan's width and height."""

from django.utils.translation import gettext as _


def parse_points(text):
    """[(x, y), …] from "10,10 40,10 40,30"; ValueError with a reader's message when it is wrong."""
    corners = []
    for pair in (text or "").replace(";", " ").split():
        try:
            x_text, y_text = pair.split(",")
            x, y = float(x_text), float(y_text)
        except ValueError:
            raise ValueError(
                _("“%(pair)s” is not a corner: write x,y, for example 10,20.") % {"pair": pair}
            ) from None
        if not (0 <= x <= 100 and 0 <= y <= 100):
            raise ValueError(_("Corners are in percent: each number must be between 0 and 100."))
        corners.append((round(x, 2), round(y, 2)))
    if len(corners) < 3:
        raise ValueError(_("A shape needs at least three corners."))
    return corners
