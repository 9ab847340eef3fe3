"""The site-wide settings every page reads: the organisation, its contacts, the footer's
registration numbers. Edited under Settings → Site settings; a reader's request keeps them
for the generation (website.cache.kept)."""

import copy

from django.db import models
from django.db.models import prefetch_related_objects
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField

from .cache import keeping, kept
from .languages import SECOND_LANGUAGE


class SocialLinkValue(blocks.StructValue):
    def display_name(self):
        """The network's name in the reader's language (微信 to Chinese readers, WeChat to English ones)."""
        if translation.get_language() == SECOND_LANGUAGE and self.get("name_en"):
            return self["name_en"]
        return self["name"]


class SocialLinkBlock(blocks.StructBlock):
    name = blocks.CharBlock(
        label=_("Name"), max_length=40, help_text=_("In Chinese, for example 微信 or 微博")
    )
    name_en = blocks.CharBlock(
        label=_("Name in English"),
        max_length=40,
        required=False,
        help_text=_("For example WeChat or Weibo; English pages show the Chinese name when empty."),
    )
    url = blocks.URLBlock(label=_("Address"))

    class Meta:
        icon = "link"
        label = _("Social link")
        value_class = SocialLinkValue


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
    inquiry_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("inquiry form"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked from the footer of every page, so readers reach the form in one step."),
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
            [
                FieldPanel("address"),
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("inquiry_page"),
                FieldPanel("social_links"),
            ],
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
        prefetch_related_objects(
            [site_settings], "logo__renditions", "share_image__renditions", "inquiry_page"
        )
        return site_settings
