"""Writes the demo data (content.py, standard_pages.py, articles/) into the database.

Idempotent: everything is found by a stable key (a slug, an image file name, a username)
and only written when it differs from the data, so a second run changes nothing.
Pages are published the way an editor would: a revision, then publish().
"""

import datetime
from collections import Counter
from io import BytesIO
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db.models import ManyToManyField
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.models import Page, Site

from home.models import HomeFeaturedStory, HomePage, StandardPage
from media_library.models import CustomImage
from media_library.storage import PRIVATE_PREFIX
from news.models import ArticleByline, Keyword, NewsArticlePage, NewsIndexPage, Person, RelatedArticle
from participation.models import InquiryPage
from website.addresses import site_host_and_port
from website.models import SiteSettings

from . import content, images, newsroom, standard_pages
from . import cooperation as cooperation_demo
from . import events as events_demo
from . import investment as investment_demo
from . import participation as participation_demo
from . import policies as policies_demo
from . import search as search_demo
from . import traditional as traditional_demo
from . import workflow as workflow_demo
from .articles import ARTICLES
from .values import both, stream

TIME_ZONE = ZoneInfo("Asia/Shanghai")
ADMIN_USERNAME = "admin"
ADMIN_PASSWORD = "demo-admin-2026"
WELCOME_SLUG = "wagtail-welcome-page"


def _strip_ids(data):
    """Stream data without the block ids Wagtail generates, so two versions can be compared."""
    if isinstance(data, list):
        return [_strip_ids(item) for item in data]
    if isinstance(data, dict):
        return {k: _strip_ids(v) for k, v in data.items() if not (k == "id" and "type" in data)}
    return data


def _comparable(instance, name, value):
    """A field value in a form that compares equal whether it came from the data or the database."""
    field = instance._meta.get_field(name)
    if hasattr(field, "stream_block"):
        if not hasattr(value, "stream_block"):
            value = field.to_python(value)
        return _strip_ids(field.stream_block.get_prep_value(value))
    if value is None and field.empty_strings_allowed:
        return ""
    return value


def differing_fields(instance, fields):
    return [
        name
        for name, value in fields.items()
        if _comparable(instance, name, getattr(instance, name)) != _comparable(instance, name, value)
    ]


def _relation_signature(objects):
    """What a list of inline rows says, without their ids, parent or order field."""
    rows = []
    for obj in objects:
        rows.append(
            tuple(
                (f.attname, getattr(obj, f.attname))
                for f in obj._meta.concrete_fields
                if not f.primary_key and f.name not in ("page", "sort_order")
            )
        )
    return rows


class DemoLoader:
    def __init__(self, out):
        self.out = out
        self.counts = Counter()  # ("page", "created") -> n
        self.images = {}
        self.people = {}
        self.keywords = {}
        self.articles = {}

    def log(self, kind, action, label):
        self.counts[(kind, action)] += 1
        if action != "unchanged":
            self.out(f"  {action:9} {kind}: {label}")

    # --- snippets and images ---------------------------------------------------------

    def save_model(self, kind, model, lookup, fields, label):
        """Create the row found by `lookup`, or update the fields that differ."""
        obj = model.objects.filter(**lookup).first()
        if obj is None:
            obj = model(**lookup, **fields)
            obj.save()
            self.log(kind, "created", label)
        elif changed := differing_fields(obj, fields):
            for name in changed:
                setattr(obj, name, fields[name])
            obj.save()
            self.log(kind, "updated", label)
        else:
            self.log(kind, "unchanged", label)
        return obj

    def save_document(self, title, filename, render):
        """The document titled `title`, created from `render()` (bytes) the first time only."""
        document = Document.objects.filter(title=title).first()
        if document is not None:
            self.log("document", "unchanged", title)
            return document
        document = Document(title=title, file=ContentFile(render(), name=filename))
        document._set_document_file_metadata()
        document.save()
        self.log("document", "created", title)
        return document

    def load_images(self):
        credit = both("credit", content.IMAGE_CREDIT)
        for key, spec in content.IMAGES.items():
            self.images[key] = self.save_image(
                key,
                spec["title"],
                spec["alt"],
                both("caption", spec["caption"]) | credit,
                lambda spec=spec, key=key: images.render(
                    spec["motif"], spec["colours"], seed=sum(map(ord, key))
                ),
                "jpg",
            )
        logo = content.LOGO
        self.images[logo["key"]] = self.save_image(
            logo["key"],
            logo["title"],
            logo["alt"],
            both("caption", {"zh": "", "en": ""}) | credit,
            images.render_logo,
            "png",
        )
        for key, spec in content.FOOTER_IMAGES.items():
            self.images[key] = self.save_image(
                key,
                spec["title"],
                spec["alt"],
                both("caption", {"zh": "", "en": ""}) | credit,
                getattr(images, spec["draw"]),
                "png",
            )

    def save_image(self, key, title, alt, fields, draw, extension):
        """An image is found by its file name (demo-<key>, plus the suffix storage adds when
        the name is taken), public or in an embargoed release's private folder; the picture
        is drawn only when the image is created."""
        fields = both("title", title) | both("description", alt) | fields
        name = f"demo-{key}.{extension}"
        image = CustomImage.objects.filter(
            file__regex=rf"^(original_images|{PRIVATE_PREFIX}[A-Za-z0-9_-]+)/demo-{key}(_[A-Za-z0-9]{{7}})?\.{extension}$"
        ).first()
        if image is not None:
            return self.save_model("image", CustomImage, {"pk": image.pk}, fields, name)
        data = draw()
        width, height = PILImage.open(BytesIO(data)).size
        image = CustomImage(**fields, width=width, height=height, file=ImageFile(BytesIO(data), name=name))
        image._set_image_file_metadata()
        image.save()
        self.log("image", "created", name)
        return image

    def load_people(self):
        for person in content.PEOPLE:
            self.people[person["name"]["zh"]] = self.save_model(
                "person",
                Person,
                {"name_zh_hans": person["name"]["zh"]},
                {"name_en": person["name"]["en"], **both("organisation", person["organisation"])},
                person["name"]["en"],
            )

    def load_keywords(self):
        for keyword in content.KEYWORDS:
            self.keywords[keyword["slug"]] = self.save_model(
                "keyword",
                Keyword,
                {"slug": keyword["slug"]},
                both("name", keyword["name"]) | both("description", keyword["description"]),
                keyword["slug"],
            )

    # --- pages -----------------------------------------------------------------------

    def save_page(self, parent, model, slug, fields, relations=None):
        """Create and publish the child of `parent` with Chinese slug `slug["zh"]`, or publish
        a new revision when its fields or inline rows differ from the data.

        `relations` maps a relation name to its rows (unsaved inline objects) or, for a
        many-to-many field, to the related objects.
        """
        fields = both("slug", slug) | fields
        relations = relations or {}
        page = model.objects.child_of(parent).filter(slug_zh_hans=slug["zh"]).first()
        if page is None:
            page = model(**fields)
            self._set_relations(page, relations)
            parent.add_child(instance=page)
            page.save_revision().publish()
            self.log("page", "created", page.url_path)
            return page
        changed = differing_fields(page, fields) + [
            name for name, rows in relations.items() if self._relation_differs(page, name, rows)
        ]
        if not changed:
            self.log("page", "unchanged", page.url_path)
            return page
        for name, value in fields.items():
            setattr(page, name, value)
        self._set_relations(page, relations)
        page.save_revision().publish()
        self.log("page", "updated", f"{page.url_path} ({', '.join(changed)})")
        return page

    @staticmethod
    def _set_relations(page, relations):
        for name, rows in relations.items():
            if isinstance(page._meta.get_field(name), ManyToManyField):
                getattr(page, name).set(rows)
            else:
                setattr(page, name, rows)

    @staticmethod
    def _relation_differs(page, name, rows):
        if isinstance(page._meta.get_field(name), ManyToManyField):
            return {obj.pk for obj in getattr(page, name).all()} != {obj.pk for obj in rows}
        stored = getattr(page, name).all()
        if hasattr(stored.model, "sort_order"):
            # Rows of equal sort_order come back in any order on PostgreSQL: insertion order decides.
            stored = stored.order_by("sort_order", "pk")
        return _relation_signature(stored) != _relation_signature(rows)

    def load_home_page(self):
        """The HomePage replaces Wagtail's welcome page as the default site's root."""
        root = Page.get_first_root_node()
        data = content.HOME
        fields = (
            both("title", data["title"])
            | both("intro", data["intro"])
            | {
                f"key_figures_{lang}": stream(("figure", figure) for figure in data["key_figures"][short])
                for lang, short in (("zh_hans", "zh"), ("en", "en"))
            }
        )
        # Wagtail's migrations create the welcome page as a plain Page. Its Chinese slug is
        # empty until update_translation_fields runs, so it is found by type, not by slug.
        welcome = (
            Page.objects.child_of(root)
            .filter(content_type=ContentType.objects.get_for_model(Page), numchild=0)
            .first()
        )
        if welcome is not None:
            # Free the "home" slug first; the site keeps pointing at the welcome page until
            # the new home page exists, so the Site row (and its id) survives.
            Page.objects.filter(pk=welcome.pk).update(slug_zh_hans=WELCOME_SLUG, slug_en=WELCOME_SLUG)
        home = self.save_page(root, HomePage, {"zh": "home", "en": "home"}, fields)

        # The Site record names the address the demo is served at (SITE_URL), so links Wagtail
        # makes from it (page.full_url, the admin's "view live") are not http://localhost/.
        hostname, port = site_host_and_port()
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(hostname=hostname, port=port, root_page=home, is_default_site=True)
            self.out(f"  created   site: {hostname}:{port}")
        elif (site.root_page_id, site.hostname, site.port) != (home.pk, hostname, port):
            site.root_page, site.hostname, site.port = home, hostname, port
            site.save()
            self.out(f"  updated   site: {site.hostname}:{site.port} serves the home page")
        if welcome is not None and not Site.objects.filter(root_page=welcome.pk).exists():
            welcome.delete()
            self.out("  deleted   Wagtail's welcome page")
        return home

    def load_standard_pages(self, home):
        for data in standard_pages.STANDARD_PAGES:
            fields = (
                both("title", data["title"])
                | both("intro", data["intro"])
                | both("body", {lang: stream(blocks) for lang, blocks in data["body"].items()})
                | {"show_in_menus": True}
            )
            self.save_page(home, StandardPage, data["slug"], fields)

    def load_news_index(self, home):
        data = content.NEWS_INDEX
        fields = both("title", data["title"]) | both("intro", data["intro"]) | {"show_in_menus": True}
        return self.save_page(home, NewsIndexPage, data["slug"], fields)

    def resolve_body(self, body):
        """Swap image keys in a body for image ids, as the stream stores them."""
        resolved = []
        for block_type, value in body:
            if block_type == "image":
                value = {**value, "image": self.images[value["image"]].pk}
            elif block_type == "gallery":
                value = [self.images[key].pk for key in value]
            resolved.append((block_type, value))
        return stream(resolved)

    def article_fields(self, data):
        zh, en = data["zh"], data["en"] or {}
        fields = {
            "kind": data["kind"],
            "date": datetime.datetime(*data["date"], tzinfo=TIME_ZONE),
            "lead_image": self.images[data["image"]],
        }
        for name in ("title", "subtitle", "summary"):
            fields |= {f"{name}_zh_hans": zh[name], f"{name}_en": en.get(name, "")}
        fields |= {
            "body_zh_hans": self.resolve_body(zh["body"]),
            "body_en": self.resolve_body(en.get("body", [])),
        }
        source = data.get("source")
        for name in ("publication", "issue"):
            pair = source[name] if source else {"zh": "", "en": ""}
            fields |= both(f"source_{name}", {"zh": pair["zh"], "en": pair["en"] if data["en"] else ""})
        return fields

    def load_articles(self, news_index):
        # Articles that pick related articles come last, so the pages they point at exist.
        for data in sorted(ARTICLES, key=lambda a: (bool(a.get("related")), a["date"])):
            relations = {
                "keywords": [self.keywords[slug] for slug in data["keywords"]],
                "bylines": [
                    ArticleByline(person=self.people[name], role=role) for name, role in data["bylines"]
                ],
                "related_links": [
                    RelatedArticle(article=self.articles[slug]) for slug in data.get("related", [])
                ],
            }
            fields = self.article_fields(data)
            if (
                not NewsArticlePage.objects.child_of(news_index)
                .filter(slug_zh_hans=data["slug"]["zh"])
                .exists()
            ):
                # The article's own date, not the load time, is when it was first published.
                fields["first_published_at"] = fields["date"]
            self.articles[data["slug"]["zh"]] = self.save_page(
                news_index, NewsArticlePage, data["slug"], fields, relations
            )

    def load_featured_stories(self, home):
        rows = [HomeFeaturedStory(article=self.articles[slug]) for slug in content.HOME["featured"]]
        if _relation_signature(home.featured_stories.all()) != _relation_signature(rows):
            home.featured_stories = rows
            home.save_revision().publish()
            self.log("page", "updated", f"{home.url_path} (featured stories)")

    # --- settings and accounts -------------------------------------------------------

    def load_site_settings(self):
        data = content.SITE_SETTINGS
        site = Site.objects.get(is_default_site=True)
        fields = {
            "logo": self.images[content.LOGO["key"]],
            # Shared links of pages without a picture of their own show the new district.
            "share_image": self.images["new-district"],
            "phone": data["phone"],
            "email": data["email"],
            "social_links": stream(("link", link) for link in data["social_links"]),
            "public_security_code": data["public_security_code"],
            "wechat_qr": self.images["wechat-qr"],
            "site_identifier": data["site_identifier"],
            "government_mark": self.images["agency-mark"],
            "government_mark_url": data["government_mark_url"],
            # Every page's footer links to the investment inquiry form.
            "inquiry_page_id": InquiryPage.objects.filter(
                slug_zh_hans=participation_demo.INQUIRY["slug"]["zh"]
            )
            .values_list("pk", flat=True)
            .first(),
        }
        for name in (
            "organisation_name",
            "address",
            "press_boilerplate",
            "icp_number",
            "public_security_number",
        ):
            fields |= both(name, data[name])
        self.save_model("settings", SiteSettings, {"site": site}, fields, "site settings")

    def load_admin(self):
        User = get_user_model()
        if User.objects.filter(username=ADMIN_USERNAME).exists():
            self.log("user", "unchanged", ADMIN_USERNAME)
            return False
        User.objects.create_superuser(ADMIN_USERNAME, "admin@example.org", ADMIN_PASSWORD)
        self.log("user", "created", ADMIN_USERNAME)
        return True

    def run(self):
        self.load_images()
        self.load_people()
        self.load_keywords()
        home = self.load_home_page()
        self.load_standard_pages(home)
        news_index = self.load_news_index(home)
        self.load_articles(news_index)
        newsroom.load_newsroom(self, home, news_index)
        self.load_featured_stories(home)
        policies_demo.load(self, home)
        investment_demo.load(self, home)  # after the lists: officers cover the catalogue's sectors
        cooperation_demo.load(self, home)
        events_demo.load(self, home)
        participation_demo.load(self, home)
        events_demo.link_privacy_notice(self, home)
        search_demo.load(self)
        self.load_site_settings()
        traditional_demo.load(self)  # the Traditional edition's glossary
        self.load_admin()
        workflow_demo.load(self.log)  # one account per role; articles in each review state
        return home
