"""The investment inquiry form page (Wagtail's form builder, both languages), the moderated
reader comments on news articles, and the story-collection campaign page with its moderated
story submissions (photos kept in private storage until a moderator approves them)."""

import logging

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.storage import FileSystemStorage
from django.core.mail import EmailMessage
from django.db import models
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.forms.forms import FormBuilder, WagtailAdminFormPageForm
from wagtail.contrib.forms.models import FORM_FIELD_CHOICES, AbstractFormField, EmailFormMixin, FormMixin
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import RichTextField
from wagtail.search import index

from investment.models import InvestmentOfficer
from website import spam
from website.consent import ConsentMixin
from website.files import private_media_root
from website.languages import SECOND_LANGUAGE, SOURCE_LANGUAGE, field_in, has_text, same_script_readers
from website.pages import BasePage, BilingualPageFormMixin

logger = logging.getLogger(__name__)


def sector_choices():
    """The categories of the live policy and scenario lists, in the reader's language, once each."""
    from policies.models import PolicyCategory, PolicyListPage

    live_lists = PolicyListPage.objects.live().values("pk")
    names = []
    categories = PolicyCategory.objects.filter(page__in=live_lists).order_by("page__path", "sort_order", "pk")
    for name in categories.values_list("name", flat=True):
        if has_text(name) and name not in names:
            names.append(name)
    return [(name, name) for name in names] + [(str(_("Other")), _("Other"))]


# What the browser may fill in for a reader (WCAG 1.3.5), by the field's name as editors
# usually call it; an email field is always an email address.
AUTOCOMPLETE = {
    "name": "name",
    "full_name": "name",
    "organisation": "organization",
    "organization": "organization",
    "company": "organization",
    "country": "country-name",
    "country_or_region": "country-name",
    "email": "email",
    "phone": "tel",
    "telephone": "tel",
    "tel": "tel",
}


class InquiryFormBuilder(FormBuilder):
    def create_sector_field(self, field, options):
        options["choices"] = [("", "---------")] + sector_choices()
        return forms.ChoiceField(**options)

    @property
    def formfields(self):
        formfields = super().formfields
        kinds = {field.clean_name or field.get_field_clean_name(): field.field_type for field in self.fields}
        for name, formfield in formfields.items():
            token = "email" if kinds.get(name) == "email" else AUTOCOMPLETE.get(name)
            if token:
                formfield.widget.attrs["autocomplete"] = token
        return formfields


class InquiryFormField(AbstractFormField):
    page = ParentalKey("InquiryPage", on_delete=models.CASCADE, related_name="form_fields")
    field_type = models.CharField(
        verbose_name=_("field type"),
        max_length=16,
        choices=FORM_FIELD_CHOICES + (("sector", _("Sector (from the policy lists)")),),
    )
    field_type.required_on_save = True


class InquiryPageForm(BilingualPageFormMixin, WagtailAdminFormPageForm):
    pass


class InquiryPage(EmailFormMixin, FormMixin, BasePage):
    """A form staff build in the admin; each submission is stored, then mailed to `to_address`."""

    base_form_class = InquiryPageForm

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    thank_you_text = RichTextField(
        _("thank-you text"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Shown after a reader sends the form."),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy notice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The page the consent checkbox links to."),
    )

    english_required_fields = ("title", "intro", "thank_you_text")
    form_builder = InquiryFormBuilder

    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    content_panels = BasePage.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("thank_you_text"),
        PageChooserPanel("privacy_page", "home.StandardPage"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("Notification email"),
        ),
    ]

    template = "participation/inquiry_page.html"
    landing_page_template = "participation/inquiry_page_landing.html"
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("inquiry form page")

    def english_is_complete(self):
        # Every field label needs its English too, or an English reader meets Chinese labels.
        return super().english_is_complete() and all(
            has_text(field_in(field, "label", SECOND_LANGUAGE)) for field in self.form_fields.all()
        )

    def get_form_class(self):
        base = super().get_form_class()
        return type("InquiryForm", (base, ConsentMixin), {})

    def get_submissions_list_view_class(self):
        from .views import SafeSubmissionsListView

        return SafeSubmissionsListView

    def serve(self, request, *args, **kwargs):
        # FormMixin comes first in the class, so BasePage.serve is not called: its check is.
        return self.untranslated_response(request) or self.serve_form(request)

    def serve_form(self, request):
        if request.method != "POST":
            return self.render_form(request, self.get_form(page=self, user=request.user))
        refusal = spam.refusal(request)
        if refusal:
            # Shown again with what the reader wrote, but not judged.
            form = self.get_form(initial=request.POST.dict(), page=self, user=request.user)
            return self.render_form(request, form, refusal=refusal.message, status=refusal.status)
        form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
        if not form.is_valid():
            return self.render_form(request, form)
        submission = self.process_form_submission(form)
        return self.render_landing_page(request, submission)

    def render_form(self, request, form, refusal=None, status=200):
        context = self.get_context(request)
        context.update(form=form, refusal=refusal, spam_fields=spam.hidden_fields())
        return TemplateResponse(request, self.get_template(request), context, status=status)

    def process_form_submission(self, form):
        # Stored first (FormMixin); the mail comes after, and its failure never loses the submission.
        from .moderation import tell_moderators

        submission = FormMixin.process_form_submission(self, form)
        addresses = [a.strip() for a in self.to_address.split(",") if a.strip()]
        if addresses:
            try:
                self.send_mail(form)
            except Exception:
                logger.exception("Inquiry %s was stored, but its notification email failed", submission.pk)
        # The accounts that read inquiries hear of it too, unless the page's own mail reached them.
        tell_moderators("inquiry", exclude_addresses=addresses)
        return submission

    def send_mail(self, form):
        """One message per staff language: each address gets the labels in its owner's language.

        An inquiry about a sector with an investment officer goes to that officer, with the
        shared inbox (`to_address`) in copy, so the inbox still sees every inquiry.
        """
        inbox = self.addresses(self.to_address)
        officers = self.officer_addresses(form)
        recipients = officers or inbox
        copy = [address for address in inbox if address not in officers] if officers else []
        for language, addresses in self.recipients_by_language(recipients).items():
            with translation.override(language):
                subject = self.subject or str(_("New inquiry from the website"))
                body = render_to_string(
                    "participation/email/inquiry_notification.txt",
                    {"page": self, "rows": self.email_rows(form)},
                )
                sender = self.from_address or settings.DEFAULT_FROM_EMAIL
                EmailMessage(subject, body, sender, addresses, cc=copy).send()

    @staticmethod
    def addresses(text):
        return [a.strip() for a in (text or "").split(",") if a.strip()]

    def officer_addresses(self, form):
        """The emails of the officers for the sector the reader chose, if the form asks for one."""
        sector_fields = [field.clean_name for field in self.get_form_fields() if field.field_type == "sector"]
        names = [form.cleaned_data.get(name) for name in sector_fields if form.cleaned_data.get(name)]
        emails = []
        for name in names:
            for officer in InvestmentOfficer.for_sector_name(name):
                if officer.email not in emails:
                    emails.append(officer.email)
        return emails

    def recipients_by_language(self, addresses):
        """Addresses by the admin language of the staff account with that email (else Chinese)."""
        users = get_user_model().objects.filter(email__in=addresses)
        users = users.select_related("wagtail_userprofile")
        language_of = {}
        for user in users:
            profile = getattr(user, "wagtail_userprofile", None)
            language_of[user.email] = profile.get_preferred_language() if profile else SOURCE_LANGUAGE
        grouped = {}
        for address in addresses:
            language = language_of.get(address, SOURCE_LANGUAGE)
            if language not in dict(settings.LANGUAGES):
                language = SOURCE_LANGUAGE
            grouped.setdefault(language, []).append(address)
        return grouped

    def email_rows(self, form):
        """(label in the active language, value) for each field the reader filled in."""
        labels = {field.clean_name: field.label for field in self.get_form_fields()}
        rows = []
        for name, value in form.cleaned_data.items():
            if name == "consent":
                rows.append((_("Consent to the privacy notice"), _("given") if value else _("not given")))
                continue
            if isinstance(value, list):
                value = ", ".join(value)
            rows.append((labels.get(name, name), value))
        return rows


class ModerationStatus(models.TextChoices):
    """Where a reader's comment or story is in the moderation queue; only approved ones are shown."""

    PENDING = "pending", _("Awaiting moderation")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class ReaderContribution(models.Model):
    """What a comment and a story share: the reader's language and the moderation queue."""

    Status = ModerationStatus

    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["-created_at"]


class Comment(ReaderContribution):
    article = models.ForeignKey(
        "news.NewsArticlePage", verbose_name=_("article"), on_delete=models.CASCADE, related_name="comments"
    )
    name = models.CharField(_("name"), max_length=100, blank=True)
    email = models.EmailField(_("email"), blank=True)
    text = models.TextField(_("comment"), max_length=3000)

    panels = [
        FieldPanel("article", read_only=True),
        FieldPanel("name"),
        FieldPanel("email"),
        FieldPanel("text"),
        FieldPanel("status"),
    ]

    class Meta(ReaderContribution.Meta):
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        indexes = [models.Index(fields=["article", "status", "created_at"])]

    def __str__(self):
        return f"{self.display_name}: {self.text[:60]}"

    @property
    def display_name(self):
        return self.name or str(_("Anonymous"))


class PrivatePhotoStorage(FileSystemStorage):
    """Story photos in PRIVATE_MEDIA_ROOT (under stories/), which no web server serves; a file's
    URL is the admin view that checks the moderator's rights."""

    # Read at each use, not once at start-up, so a settings change (a test's) takes effect.
    @property
    def base_location(self):
        return private_media_root()

    @property
    def location(self):
        return self.base_location

    def url(self, name):
        return reverse("participation_story_photo", args=[name])


def private_photo_storage():
    # A callable, so the location comes from the settings at run time, not from the migration.
    return PrivatePhotoStorage()


class StorySubmissionPage(BasePage):
    """A story-collection campaign: readers send a story (and a photo); moderators approve it
    in the same queue as comments, and approved stories are listed below the form."""

    campaign_title = models.CharField(
        _("campaign title"), max_length=200, help_text=_("For example: Ten years of the zone, in your words.")
    )
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    closes_on = models.DateField(
        _("closing date"),
        null=True,
        blank=True,
        help_text=_("The last day stories are accepted. Leave empty to keep the campaign open."),
    )
    thank_you_text = RichTextField(
        _("thank-you text"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Shown after a reader sends a story."),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy notice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The page the consent checkbox links to."),
    )

    english_required_fields = ("title", "campaign_title", "intro", "thank_you_text")

    search_fields = BasePage.search_fields + [index.SearchField("campaign_title"), index.SearchField("intro")]

    content_panels = BasePage.content_panels + [
        FieldPanel("campaign_title"),
        FieldPanel("intro"),
        FieldPanel("closes_on"),
        FieldPanel("thank_you_text"),
        PageChooserPanel("privacy_page", "home.StandardPage"),
    ]

    template = "participation/story_page.html"
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("story campaign page")

    def is_open(self):
        return self.closes_on is None or timezone.localdate() <= self.closes_on

    def approved_stories(self):
        """Approved stories written in the reader's language, oldest first (one query)."""
        return self.stories.filter(
            status=ModerationStatus.APPROVED, language__in=same_script_readers()
        ).order_by("created_at")

    @path("")
    def index_route(self, request, *args, **kwargs):
        # BasePage.serve has already applied the English rule before routing here.
        from .forms import StoryForm

        if request.method != "POST" or not self.is_open():
            return self.render_form(request, StoryForm())
        refusal = spam.refusal(request)
        if refusal:
            # Shown again with what the reader wrote, but not judged.
            form = StoryForm(initial=request.POST.dict())
            return self.render_form(request, form, refusal=refusal.message, status=refusal.status)
        form = StoryForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_form(request, form, photo_dropped=bool(request.FILES.get("photo")))
        story = form.save(commit=False)
        story.page = self
        story.language = translation.get_language()
        story.save()
        from .moderation import tell_moderators

        tell_moderators("story")
        return self.render_form(request, None, received=True)

    def render_form(self, request, form, refusal=None, status=200, **flags):
        context = self.get_context(request)
        context.update(form=form, refusal=refusal, spam_fields=spam.hidden_fields(), **flags)
        return TemplateResponse(request, self.get_template(request), context, status=status)


class StorySubmission(ReaderContribution):
    """A reader's story for a campaign, held for moderation like a comment."""

    page = models.ForeignKey(
        StorySubmissionPage, verbose_name=_("campaign"), on_delete=models.CASCADE, related_name="stories"
    )
    title = models.CharField(_("title"), max_length=200)
    story = models.TextField(_("story text"), max_length=10000)
    photo = models.FileField(
        _("photo"), storage=private_photo_storage, upload_to="stories/%Y/%m/", blank=True, max_length=200
    )
    name = models.CharField(_("name"), max_length=100)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("telephone"), max_length=40, blank=True)

    panels = [
        FieldPanel("page", read_only=True),
        FieldPanel("title"),
        FieldPanel("story"),
        FieldPanel("name"),
        FieldPanel("email"),
        FieldPanel("phone"),
        FieldPanel("status"),
    ]

    class Meta(ReaderContribution.Meta):
        verbose_name = _("story submission")
        verbose_name_plural = _("story submissions")
        indexes = [models.Index(fields=["page", "status", "created_at"])]

    def __str__(self):
        return f"{self.name}: {self.title}"

    @property
    def public_photo_url(self):
        """The photo as readers fetch it: the view serves it only while the story is approved."""
        return reverse("participation:story_photo", args=[self.pk]) if self.photo else ""


@receiver(post_delete, sender=StorySubmission)
def delete_photo_file(sender, instance, **kwargs):
    """A deleted story takes its photo with it: personal information is not kept on disk."""
    if instance.photo:
        instance.photo.delete(save=False)
