"""The site-wide settings every page reads: the organisation, its contacts, the footer's
registration numbers. Edited under Settings → Site settings; a reader's request keeps them
for the generation (website.cache.kept)."""

import copy

from django.db import models
from django.db.models import prefetch_related_objects
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField

from .cache import keeping, kept


class SocialLinkBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Name"), max_length=40, help_text=_("For example WeChat or LinkedIn"))
    url = blocks.URLBlock(label=_("Address"))

    class Meta:
        icon = "link"
        label = _("Social link")


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    organisation_name = models.CharField(_("organisation name"), max_length=200)
    logo = models.ForeignKey(
        "media_library.CustomImage",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    share_image = models.ForeignKey(
        "media_library.CustomImage",
        verbose_name=_("default image for sharing"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Shown when a page without its own picture is shared (WeChat, Weibo, LinkedIn); "
            "cropped to 1200 × 630. The logo is used when empty."
        ),
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    phone = models.CharField(_("telephone"), max_length=50, blank=True)
    email = models.EmailField(_("email"), blank=True)
    press_boilerplate = RichTextField(
        _("press boilerplate"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("About the organisation, printed at the end of press releases."),
    )
    social_links = StreamField([("link", SocialLinkBlock())], verbose_name=_("social links"), blank=True)
    icp_number = models.CharField(
        _("ICP filing number"),
        max_length=100,
        blank=True,
        help_text=_("Shown in the footer with a link to the MIIT filing system."),
    )
    public_security_number = models.CharField(_("public-security filing number"), max_length=100, blank=True)
    public_security_code = models.CharField(
        _("public-security record code"),
        max_length=30,
        blank=True,
        help_text=_("The digits only, used for the link to the filing record."),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("organisation_name"),
                FieldPanel("logo"),
                FieldPanel("share_image"),
                FieldPanel("press_boilerplate"),
            ],
            heading=_("Organisation"),
        ),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("phone"), FieldPanel("email"), FieldPanel("social_links")],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("icp_number"),
                FieldPanel("public_security_number"),
                FieldPanel("public_security_code"),
            ],
            heading=_("Registration numbers"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")

    @classmethod
    def for_site(cls, site):
        """Wagtail's, with the row, the logo and its pictures kept for the generation in a
        reader's request (website.cache.kept): two queries and two cache round trips a page.

        Each request gets its own copy, because Wagtail's ``for_request`` marks it with the request.
        """
        if site is None or not keeping():
            return super().for_site(site)
        load = super().for_site
        return copy.copy(kept(f"site-settings:{site.pk}", lambda: cls.with_pictures(load(site))))

    @staticmethod
    def with_pictures(site_settings):
        prefetch_related_objects([site_settings], "logo__renditions", "share_image__renditions")
        return site_settings


class GlossaryTerm(models.Model):
    """One fix to the Traditional edition's automatic conversion (website.traditional): a name of a
    person, company or place, or a fixed term, written as the editors want it. Applied before
    OpenCC; saving or deleting one renews the cached pages (website.cache.PUBLIC_MODELS)."""

    class Standard(models.TextChoices):
        ALL = "", _("Every standard")
        HONG_KONG = "s2hk", _("Hong Kong")
        TAIWAN = "s2twp", _("Taiwan")

    simplified = models.CharField(
        _("Simplified term"), max_length=100, help_text=_("As written in the Simplified Chinese text.")
    )
    traditional = models.CharField(
        _("Traditional form"),
        max_length=100,
        help_text=_("Exactly as the Traditional edition should show it."),
    )
    standard = models.CharField(
        _("standard"),
        max_length=8,
        choices=Standard.choices,
        default=Standard.ALL,
        blank=True,
        help_text=_("Only for this conversion standard; empty for every standard."),
    )
    note = models.CharField(_("note"), max_length=200, blank=True, help_text=_("Why, for other editors."))

    panels = [FieldPanel("simplified"), FieldPanel("traditional"), FieldPanel("standard"), FieldPanel("note")]

    class Meta:
        verbose_name = _("glossary term")
        verbose_name_plural = _("Traditional Chinese glossary")
        ordering = ["simplified", "standard"]
        constraints = [
            models.UniqueConstraint(
                fields=["simplified", "standard"], name="unique_glossary_term_per_standard"
            )
        ]

    def __str__(self):
        return f"{self.simplified} → {self.traditional}"

    def clean(self):
        from django.core.exceptions import ValidationError

        self.simplified = self.simplified.strip()
        self.traditional = self.traditional.strip()
        if not self.simplified:
            raise ValidationError({"simplified": _("Write the term as it appears in the Simplified text.")})
        if not self.traditional:
            raise ValidationError(
                {"traditional": _("Write the term as the Traditional edition should show it.")}
            )

    @classmethod
    def terms_for(cls, standard):
        """[(simplified, traditional)] applying to `standard`, longest first; a term for the
        standard wins over the same term for every standard."""
        chosen = {}
        for simplified, traditional, term_standard in cls.objects.filter(
            standard__in=("", standard)
        ).values_list("simplified", "traditional", "standard"):
            if term_standard or simplified not in chosen:
                chosen[simplified] = traditional
        return tuple(sorted(chosen.items(), key=lambda item: -len(item[0])))
