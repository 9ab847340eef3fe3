"""The admin's drawing widget: the plan under a text field of corners, filled by clicking.
Without JavaScript the text field alone works (investment/static/investment/draw-area.js)."""

from django import forms


class ShapeDrawingWidget(forms.TextInput):
    template_name = "investment/widgets/shape_drawing.html"

    class Media:
        js = ["investment/draw-area.js"]
        css = {"all": ["investment/draw-area.css"]}
