"""The site-wide settings every page reads: the organisation, its contacts, the footer's
registration numbers. Edited under Settings → Site settings; a reader's request keeps them
for the generation (website.cache.kept)."""

import copy

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import prefetch_related_objects
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField

from .cache import keeping, kept

SOCIAL_NETWORKS = [
    ("wechat", _("WeChat")),
    ("weibo", _("Weibo")),
    ("douyin", _("Douyin")),
    ("bilibili", _("Bilibili")),
    ("linkedin", _("LinkedIn")),
    ("x", _("X")),
    ("youtube", _("YouTube")),
]


class SocialLinkValue(blocks.StructValue):
    def label(self):
        """The network's name in the reader's language (微信 / WeChat); the typed name otherwise."""
        names = dict(SOCIAL_NETWORKS)
        network = self.get("network")
        return names[network] if network in names else self.get("name")


class SocialLinkBlock(blocks.StructBlock):
    network = blocks.ChoiceBlock(
        label=_("Network"),
        choices=SOCIAL_NETWORKS,
        required=False,
        help_text=_(
            "Its name is shown in the page's language (微信 / WeChat). Leave empty for another network."
        ),
    )
    name = blocks.CharBlock(
        label=_("Name"), max_length=40, required=False, help_text=_("Only for a network not in the list.")
    )
    url = blocks.URLBlock(
        label=_("Address"), required=False, help_text=_("WeChat may go without: show its QR code.")
    )

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if not value.get("network") and not value.get("name"):
            errors["name"] = ValidationError(_("Choose a network or type its name."))
        if not value.get("url") and value.get("network") != "wechat":
            errors["url"] = ValidationError(_("Give the address of the account."))
        if errors:
            raise blocks.StructBlockValidationError(block_errors=errors)
        return value

    class Meta:
        icon = "link"
        label = _("Social link")
        value_class = SocialLinkValue
        preview_value = {"network": "weibo", "url": "https://weibo.com/"}


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
    wechat_qr = models.ForeignKey(
        "media_library.CustomImage",
        verbose_name=_("WeChat QR code"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The official account's QR code, shown in the footer for readers to scan."),
    )
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
    site_identifier = models.CharField(
        _("site identification code"),
        max_length=30,
        blank=True,
        help_text=_("网站标识码: the code a government website is given, shown in the footer."),
    )
    government_mark = models.ForeignKey(
        "media_library.CustomImage",
        verbose_name=_("Party and government agency mark"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("党政机关标识: the red mark issued for the site, shown in the footer."),
    )
    government_mark_url = models.URLField(
        _("link of the agency mark"),
        blank=True,
        help_text=_(
            "The mark's record at the issuing office (bszs.conac.cn), opened when the mark is clicked."
        ),
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
                FieldPanel("wechat_qr"),
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
        MultiFieldPanel(
            [FieldPanel("site_identifier"), FieldPanel("government_mark"), FieldPanel("government_mark_url")],
            heading=_("Government site marks"),
            help_text=_("Only for a site run by a Party or government agency; each mark shows when set."),
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
        return copy.copy(kept(f"site-settings:{site.pk}", lambda: cls.with_pictures(load(site)), tagged=True))

    @staticmethod
    def with_pictures(site_settings):
        prefetch_related_objects(
            [site_settings],
            "logo__renditions",
            "share_image__renditions",
            "wechat_qr__renditions",
            "government_mark__renditions",
            "inquiry_page",
        )
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
