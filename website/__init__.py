"""The foundation every app builds on: settings, the page base class, the two languages, the
page cache, the site-wide settings model, shared blocks, the base templates, sitemap.xml,
robots.txt and the page API, and the root URLconf. Imports no app (the root URLconf excepted:
docs/architecture.md)."""
