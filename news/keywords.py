"""The editor's keyword field: a tag field with suggestions as you type (Chinese or English
names) that adds a keyword it does not know, with a pinyin slug, instead of a bare multiple
select where a plain click dropped every keyword chosen before. Only staff who may add keywords
add one this way (Writers, Editors, Press officers, Site administrators); the others are told."""

from django import forms
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import JsonResponse
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname
from taggit.utils import edit_string_for_tags, parse_tags
from wagtail.admin.widgets.tags import AdminTagWidget

from website.languages import SECOND_LANGUAGE, SOURCE_LANGUAGE
from website.pages import BilingualPageForm
from website.slugs import pinyin_slug, unique_among

NAME_FIELDS = [build_localized_fieldname("name", code) for code in (SOURCE_LANGUAGE, SECOND_LANGUAGE)]
SUGGESTIONS = 10


def keyword_model():
    # The keyword model's panels use the widget below, so the model is read when it is called.
    from .models import Keyword

    return Keyword


def named(name):
    """Keywords called `name` in either language."""
    query = Q()
    for field in NAME_FIELDS:
        query |= Q(**{f"{field}__iexact": name})
    return keyword_model().objects.filter(query)


def keyword_called(name):
    """The keyword called `name`, added (with a pinyin slug) when there is none yet."""
    keyword = named(name).first()
    if keyword is not None:
        return keyword
    base = pinyin_slug(name) or slugify(name) or "keyword"
    Keyword = keyword_model()
    taken = set(Keyword.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    fields = {NAME_FIELDS[0]: name}
    if name.isascii():
        fields[NAME_FIELDS[1]] = name
    return Keyword.objects.create(slug=unique_among(base, taken), **fields)


class Named:
    """A name typed in the field, shown back as taggit shows a tag."""

    def __init__(self, name):
        self.name = name


class KeywordWidget(AdminTagWidget):
    """Wagtail's tag field over the Keyword snippets: shows their names, posts their ids."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("free_tagging", True)
        super().__init__(*args, **kwargs)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"]["data-w-tag-url-value"] = reverse("news_keyword_autocomplete")
        context["widget"]["help_text"] = ""
        return context

    def format_value(self, value):
        if not value:
            return ""
        if isinstance(value, str):
            return value
        # The chosen keywords (objects or ids), or, when a form comes back with an error, the
        # names the editor typed, unknown ones included.
        ids = [getattr(item, "pk", item) for item in value if not isinstance(item, str) or item.isdigit()]
        typed = [Named(item) for item in value if isinstance(item, str) and not item.isdigit()]
        return edit_string_for_tags(list(keyword_model().objects.filter(pk__in=ids)) + typed)

    def value_from_datadict(self, data, files, name):
        """The names typed, for KeywordField to find or add."""
        text = data.get(name)
        if text is None:
            return []
        return parse_tags(text)

    def value_omitted_from_data(self, data, files, name):
        return name not in data


@permission_required("news.view_keyword", raise_exception=True)
def autocomplete(request):
    """Keyword names starting with, or containing, what the editor typed, in either language."""
    term = request.GET.get("term", "").strip()
    if not term:
        return JsonResponse([], safe=False)
    query = Q()
    for field in NAME_FIELDS:
        query |= Q(**{f"{field}__icontains": term})
    keywords = keyword_model().objects.filter(query).order_by("slug")[:SUGGESTIONS]
    return JsonResponse([keyword.name for keyword in keywords], safe=False)


class KeywordField(forms.ModelMultipleChoiceField):
    """Keywords by name (KeywordWidget): a known name is its keyword; an unknown one is added
    when the editor may add keywords, and refused, keeping the rest of the form, when not."""

    may_add = False

    def clean(self, value):
        keywords, unknown = [], []
        for name in value or []:
            keyword = named(name).first()
            if keyword is not None:
                keywords.append(keyword)
            elif self.may_add:
                keywords.append(keyword_called(name))
            else:
                unknown.append(name)
        if unknown:
            raise ValidationError(
                _(
                    "%(names)s is not a keyword yet, and you may not add keywords: choose an "
                    "existing one, or ask an editor to add it."
                ),
                params={"names": "、".join(unknown)},
                code="new_keyword",
            )
        return super().clean([str(keyword.pk) for keyword in keywords])


class ArticlePageForm(BilingualPageForm):
    """An article's admin form: its keywords through KeywordField, for the editor at work."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        use_keyword_field(self, getattr(self, "for_user", None))


def use_keyword_field(form, user):
    generated = form.fields.get("keywords")
    if generated is None:
        return
    field = KeywordField(
        queryset=generated.queryset,
        required=generated.required,
        widget=generated.widget,
        label=generated.label,
        help_text=generated.help_text,
        disabled=generated.disabled,
    )
    field.may_add = bool(user and user.has_perm("news.add_keyword"))
    form.fields["keywords"] = field
