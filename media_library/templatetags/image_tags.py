"""Wagtail's `image`, `picture` and `srcset_image` tags, with each picture's HTML remembered in
the process: the same image, specs, alt text and attributes always make the same tag, and
building it (finding the renditions, their URLs, escaping a long srcset) was about a sixth of
an article's render. Load these instead of ``wagtailimages_tags``; the syntax is Wagtail's."""

from django import template
from django.utils import translation
from django.utils.safestring import SafeData
from wagtail.images.templatetags import wagtailimages_tags

register = template.Library()

# (tag, image's renditions key, language, alt text, attributes) -> HTML. Bounded, like `kept`.
_html = {}
HTML_AT_MOST = 5000


class RememberedHtml:
    """Renders as Wagtail's node, once per key (`key`); ``as variable`` is left to Wagtail."""

    def render(self, context):
        image = self.validate_image(context) if not self.output_var_name else None
        key = self.key(image, context) if image else None
        if key is None:
            return super().render(context)
        html = _html.get(key)
        if html is None:
            html = super().render(context)
            if len(_html) >= HTML_AT_MOST:
                _html.clear()
            _html[key] = html
        return html

    def key(self, image, context):
        """Everything the tag's HTML follows from, or None where it cannot be told (an image
        model without `renditions_key`, an attribute value that is not a plain string)."""
        if not hasattr(image, "renditions_key"):
            return None
        attrs = []
        for name, expression in self.attrs.items():
            value = expression.resolve(context)
            if not isinstance(value, str | int | float | type(None)):
                return None
            attrs.append((name, value, isinstance(value, SafeData)))
        specs = tuple(self.filter_specs)
        return (
            self.tag_name,
            image.renditions_key(specs),
            translation.get_language(),  # a private image's URL, the alt text's language
            image.default_alt_text,
            tuple(attrs),
        )


class ImageNode(RememberedHtml, wagtailimages_tags.ImageNode):
    tag_name = "image"


class SrcsetImageNode(RememberedHtml, wagtailimages_tags.SrcsetImageNode):
    tag_name = "srcset_image"


class PictureNode(RememberedHtml, wagtailimages_tags.PictureNode):
    tag_name = "picture"


NODES = {"image": ImageNode, "srcset_image": SrcsetImageNode, "picture": PictureNode}


def image(parser, token):
    """Parsed by Wagtail's parser, rendered by the remembering node of the same tag."""
    node = wagtailimages_tags.image(parser, token)
    return NODES[token.split_contents()[0]](
        node.image_expr, node.filter_specs, output_var_name=node.output_var_name, attrs=node.attrs
    )


register.tag("image", image)
register.tag("srcset_image", image)
register.tag("picture", image)
