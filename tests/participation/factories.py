"""The inquiry page (with its fields in both languages), the privacy notice, comments and the
story campaign page."""

import factory

from participation.models import Comment, InquiryFormField, InquiryPage, StorySubmissionPage
from tests.factories import BilingualPageFactory, StandardPageFactory

FIELDS = [
    ("name", "singleline", True, "姓名", "Name"),
    ("organisation", "singleline", True, "单位", "Organisation"),
    ("country", "singleline", True, "国家或地区", "Country or region"),
    ("sector", "sector", False, "关注领域", "Sector of interest"),
    ("email", "email", True, "电子邮箱", "Email"),
    ("phone", "singleline", False, "电话", "Telephone"),
    ("message", "multiline", True, "咨询内容", "Your question"),
    ("preferred_language", "radio", True, "答复语言", "Preferred language"),
]
CHOICES = {"preferred_language": ("中文\n英文", "Chinese\nEnglish")}


class PrivacyPageFactory(StandardPageFactory):
    title_zh_hans = "个人信息保护声明"
    title_en = "Privacy notice"
    slug_zh_hans = "yinsi"
    slug_en = "privacy-notice"


class InquiryPageFactory(BilingualPageFactory):
    title_zh_hans = "投资咨询"
    title_en = "Investment inquiry"
    slug_zh_hans = "touzi-zixun"
    slug_en = "investment-inquiry"
    intro_zh_hans = "<p>请留下您的问题。</p>"
    intro_en = "<p>Send us your question.</p>"
    thank_you_text_zh_hans = "<p>谢谢，我们已收到。</p>"
    thank_you_text_en = "<p>Thank you, we have it.</p>"
    to_address = "investment@example.org"

    class Meta:
        model = InquiryPage
        skip_postgeneration_save = True

    @factory.post_generation
    def fields(page, create, extracted, **kwargs):
        for order, (name, kind, required, zh, en) in enumerate(FIELDS):
            zh_choices, en_choices = CHOICES.get(name, ("", ""))
            InquiryFormField.objects.create(
                page=page,
                sort_order=order,
                clean_name=name,
                field_type=kind,
                required=required,
                label_zh_hans=zh,
                label_en=en,
                choices_zh_hans=zh_choices,
                choices_en=en_choices,
            )
        # Labels are part of the English check: save again now that the fields exist.
        page.refresh_from_db()
        page.save_revision().publish()


class CommentFactory(factory.django.DjangoModelFactory):
    name = "读者"
    text = "很好的报道。"
    language = "zh-hans"
    status = Comment.Status.APPROVED

    class Meta:
        model = Comment


class StoryPageFactory(BilingualPageFactory):
    title_zh_hans = "讲述您的故事"
    title_en = "Share your story"
    slug_zh_hans = "gushi"
    slug_en = "share-your-story"
    campaign_title_zh_hans = "我与医学中心的十年"
    campaign_title_en = "Ten years of the medical center"
    intro_zh_hans = "<p>欢迎投稿。</p>"
    intro_en = "<p>Send us your story.</p>"
    thank_you_text_zh_hans = "<p>谢谢您的故事。</p>"
    thank_you_text_en = "<p>Thank you for your story.</p>"

    class Meta:
        model = StorySubmissionPage
