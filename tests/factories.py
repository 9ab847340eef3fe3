"""Factories for the site's content, in both languages unless told otherwise."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone
from wagtail.rich_text import RichText

from home.models import HomePage, StandardPage
from media_library.models import CustomImage
from news.models import ArticleByline, Keyword, NewsArticlePage, NewsIndexPage, Person


def body(text):
    return [("paragraph", RichText(f"<p>{text}</p>"))]


class BilingualPageFactory(wagtail_factories.PageFactory):
    """Pass title_zh_hans/title_en and slug_zh_hans/slug_en; `english=False` leaves English empty."""

    title = factory.SelfAttribute("title_zh_hans")
    slug = factory.SelfAttribute("slug_zh_hans")

    class Meta:
        abstract = True

    class Params:
        english = True


class HomePageFactory(BilingualPageFactory):
    title_zh_hans = "首页"
    title_en = "Home"
    slug_zh_hans = "home"
    slug_en = "home"
    intro_zh_hans = "国际医学中心欢迎您。"
    intro_en = "Welcome to the international medical center."

    class Meta:
        model = HomePage


class StandardPageFactory(BilingualPageFactory):
    title_zh_hans = factory.Sequence(lambda n: f"关于园区{n}")
    title_en = factory.Maybe("english", factory.Sequence(lambda n: f"About the zone {n}"), "")
    slug_zh_hans = factory.Sequence(lambda n: f"guanyu-{n}")
    slug_en = factory.Maybe("english", factory.Sequence(lambda n: f"about-{n}"), "")
    body_zh_hans = factory.LazyFunction(lambda: body("园区简介。"))
    body_en = factory.Maybe("english", factory.LazyFunction(lambda: body("About the zone.")), None)
    show_in_menus = True

    class Meta:
        model = StandardPage


class NewsIndexPageFactory(BilingualPageFactory):
    title_zh_hans = "新闻"
    title_en = "News"
    slug_zh_hans = "xinwen"
    slug_en = "news"
    show_in_menus = True

    class Meta:
        model = NewsIndexPage


class ImageFactory(wagtail_factories.ImageFactory):
    title_zh_hans = factory.Sequence(lambda n: f"图片{n}")
    title_en = factory.Sequence(lambda n: f"Picture {n}")
    title = factory.SelfAttribute("title_zh_hans")
    description_zh_hans = "质子治疗中心外景"
    description_en = "The proton therapy centre from outside"
    caption_zh_hans = "质子治疗中心"
    caption_en = "The proton therapy centre"
    file = factory.django.ImageField(width=1600, height=900, color="teal")

    class Meta:
        model = CustomImage


class PersonFactory(factory.django.DjangoModelFactory):
    name_zh_hans = factory.Sequence(lambda n: f"记者{n}")
    name_en = factory.Sequence(lambda n: f"Reporter {n}")

    class Meta:
        model = Person


class KeywordFactory(factory.django.DjangoModelFactory):
    name_zh_hans = factory.Sequence(lambda n: f"关键词{n}")
    name_en = factory.Sequence(lambda n: f"Keyword {n}")
    slug = factory.Sequence(lambda n: f"keyword-{n}")

    class Meta:
        model = Keyword


class NewsArticlePageFactory(BilingualPageFactory):
    title_zh_hans = factory.Sequence(lambda n: f"质子治疗中心新闻{n}")
    title_en = factory.Maybe("english", factory.Sequence(lambda n: f"Proton therapy news {n}"), "")
    slug_zh_hans = factory.Sequence(lambda n: f"xinwen-{n}")
    slug_en = factory.Maybe("english", factory.Sequence(lambda n: f"news-{n}"), "")
    summary_zh_hans = "质子治疗中心每天治疗九十至一百名患者。"
    summary_en = factory.Maybe("english", "The proton therapy centre treats 90 to 100 patients a day.", "")
    body_zh_hans = factory.LazyFunction(lambda: body("医学中心的正文。"))
    body_en = factory.Maybe("english", factory.LazyFunction(lambda: body("The body of the story.")), None)
    date = factory.Sequence(lambda n: timezone.now() - datetime.timedelta(days=n))
    lead_image = factory.SubFactory(ImageFactory)

    class Meta:
        model = NewsArticlePage
        skip_postgeneration_save = True

    @factory.post_generation
    def keywords(self, create, extracted, **kwargs):
        if create and extracted:
            self.keywords.set(extracted)
            self.save()

    @factory.post_generation
    def bylines(self, create, extracted, **kwargs):
        """Pass a list of (person, role) pairs."""
        if create and extracted:
            for person, role in extracted:
                ArticleByline.objects.create(page=self, person=person, role=role)
