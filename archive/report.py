"""The report every run leaves: one row per article with its outcome, what was repaired, removed
and quarantined, and what an editor must check; as a CSV file and as the admin's report page.

Messages are stored as codes with parameters and put into words when read, so the same run
reads in Chinese for one administrator and in English for another.
"""

import csv

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class Problem(Exception):
    """Something about one file or article that stops it from being imported, as a message code."""

    def __init__(self, code, **params):
        super().__init__(code)
        self.code = code
        self.params = params

    def detail(self):
        return {"kind": "error", "code": self.code, "params": self.params}


MESSAGES = {
    # Encodings
    "encoding_found": _("Encoding: %(encoding)s"),
    "encoding_unknown": _(
        "The file is in no encoding the importer can recognise (tried UTF-8, UTF-16, GB18030/GBK and "
        "Big5): it was not imported. Save it again as UTF-8 and run the import again."
    ),
    "encoding_uncertain": _(
        "The text is short, so its encoding (%(encoding)s) could not be told apart from others for certain: "
        "check that it reads correctly."
    ),
    "encoding_damaged_bytes": _(
        "Some bytes are not valid %(encoding)s: they are shown as “?” and their paragraphs marked "
        "for an editor."
    ),
    # Repairs
    "repair_mojibake": _("Line %(line)s: mojibake repaired: “%(before)s” → “%(after)s”"),
    "repair_utf8_as_gbk": _("Line %(line)s: UTF-8 text read as GBK repaired: “%(before)s” → “%(after)s”"),
    "repair_realigned": _(
        "Line %(line)s: characters read one byte out of step re-read: “%(before)s” → “%(after)s” "
        "(“?” marks characters whose bytes are lost)"
    ),
    "repair_lost_marked": _("Line %(line)s: characters lost beyond repair marked “?”: “%(after)s”"),
    "repair_quotes": _("Line %(line)s: straight quotes made curly: “%(before)s” → “%(after)s”"),
    "repair_debris": _("Line %(line)s: a line holding only lost characters (“%(text)s”) left out"),
    "repair_script": _("Traditional characters converted to Simplified (OpenCC t2s); the original is kept"),
    "repair_pinyin": _("%(count)s pinyin readings added by an annotation tool removed, e.g. %(examples)s"),
    # Removed page chrome
    "removed_unsafe": _("Removed a <%(tag)s> element (never stored)"),
    "removed_comments": _("Removed the comment box"),
    "removed_share": _("Removed share buttons"),
    "removed_related": _(
        "Removed the “related articles” list (%(count)s entries; those imported too become related articles)"
    ),
    "removed_banner": _("Removed a banner or repeated line (%(count)s×): “%(text)s”"),
    # Quarantine
    "quarantine_hidden": _("Hidden text: “%(text)s”"),
    "quarantine_link": _("Link to a domain outside the allow-list: “%(text)s” (%(url)s)"),
    "quarantine_spam_words": _("Spam (gambling, pornography, loans or pharmacy words): “%(text)s”"),
    "quarantine_after_end": _("Off-topic line after the end of the article: “%(text)s”"),
    # For an editor
    "check_lost_characters": _(
        "Paragraph %(paragraph)s has characters lost beyond repair (“?”): compare it with the "
        "original: “%(text)s”"
    ),
    "check_lost_characters_title": _("The title has characters lost beyond repair (“?”): “%(text)s”"),
    "check_title_missing": _("No title was found; “%(title)s” (the text's first words) stands in for it"),
    "check_date_missing": _("No date was found: set the article's date before it is approved"),
    "check_body_empty": _("No article text was found"),
    "check_edited_since": _(
        "The archive's version changed, but the page was edited on the site since the last import: "
        "it was not overwritten; compare them by hand"
    ),
    "check_page_deleted": _(
        "The page made by an earlier import was deleted on the site: it was not made again"
    ),
    "check_quarantine": _("Quarantined content was kept out of the page: see the list above"),
    # Notes
    "note_english_abstract": _(
        "The English abstract became the English summary; the English title and body are empty"
    ),
    "note_old_url_from_path": _(
        "No address was saved with the page: its path in the archive is taken as its old address"
    ),
    "note_redirect": _("Redirect: %(old_path)s → %(target)s"),
    "note_redirect_shadowed": _(
        "The old address %(old_path)s is a page of this site too, so its redirect only works for the "
        "address with its query string"
    ),
    "note_related_linked": _("Related article linked: %(title)s"),
    # Images
    "image_imported": _("Image imported: %(src)s"),
    "image_missing": _("Image not in the archive: %(src)s"),
    "image_unreadable": _("Image could not be used (%(reason)s): %(src)s"),
    # The archive and its files
    "zip_corrupt": _("%(name)s is not a readable ZIP archive: nothing could be read from it"),
    "zip_truncated": _(
        "%(name)s is damaged or cut off: %(count)s files could still be read from it; anything after "
        "the damage is lost"
    ),
    "zip_entry_unsafe_path": _("%(name)s: refused, its path leads outside the archive"),
    "zip_entry_link": _("%(name)s: refused, it is a symbolic link"),
    "zip_entry_encrypted": _("%(name)s: refused, it is encrypted"),
    "zip_entry_too_large": _(
        "%(name)s: refused, it unpacks to %(size)s MB, more than the limit of %(limit)s MB"
    ),
    "zip_entry_ratio": _(
        "%(name)s: refused, it would unpack to %(ratio)s times its packed size (a “ZIP bomb”)"
    ),
    "zip_total_too_large": _(
        "%(name)s: refused, the archive would unpack to more than %(limit)s MB in all (a “ZIP bomb”?)"
    ),
    "zip_too_many_entries": _("The archive holds more than %(limit)s files: the rest were not read"),
    "zip_entry_damaged": _("%(name)s: damaged in the archive (%(error)s)"),
    "file_unsupported": _("%(name)s: not a format the importer reads"),
    "file_too_large": _("%(name)s: refused, it is %(size)s MB, more than the limit of %(limit)s MB"),
    "wxr_entities": _(
        "%(name)s: refused, the XML declares entities or a DTD (an “XML bomb” or external entities); "
        "nothing was read from it"
    ),
    "wxr_invalid": _("%(name)s: not well-formed XML (%(error)s); items before the error were read"),
    "manifest_missing_columns": _(
        "%(name)s: the manifest lacks the column(s) %(missing)s (it has: %(found)s); it needs a title and a "
        "body (body_html or body_text)"
    ),
    "manifest_invalid": _("%(name)s: the manifest could not be read (%(error)s)"),
    "manifest_row_empty": _("Row %(row)s has no title and no text"),
    "unexpected_error": _("Unexpected error, the article was not imported: %(error)s"),
}

KIND_LABELS = {
    "encoding": _("Encoding"),
    "repair": _("Repaired"),
    "removed": _("Removed"),
    "quarantine": _("Quarantined"),
    "check": _("Editor must check"),
    "note": _("Note"),
    "image": _("Images"),
    "error": _("Error"),
}


def render(detail):
    """A stored message in the active language."""
    template = MESSAGES.get(detail.get("code"))
    if template is None:
        return detail.get("code", "")
    try:
        return gettext(str(template)) % detail.get("params", {})
    except (KeyError, TypeError, ValueError):
        return str(template)


def details_of(record, kind):
    return [render(detail) for detail in record.details if detail.get("kind") == kind]


CSV_COLUMNS = [
    ("number", _("No.")),
    ("source", _("Source")),
    ("old_url", _("Old address")),
    ("title", _("Title")),
    ("outcome", _("Outcome")),
    ("page_status", _("Page status")),
    ("page", _("Page")),
    ("encoding", _("Encoding")),
    ("repair", _("Repaired")),
    ("removed", _("Removed")),
    ("quarantine", _("Quarantined")),
    ("check", _("Editor must check")),
    ("image", _("Images")),
    ("note", _("Notes")),
    ("error", _("Error")),
]


def csv_row(record, page_url=""):
    values = {
        "number": record.number,
        "source": record.source,
        "old_url": record.old_url,
        "title": record.title,
        "outcome": record.get_outcome_display(),
        "page_status": record.get_page_status_display(),
        "page": page_url,
        "encoding": record.encoding,
    }
    for kind in ("repair", "removed", "quarantine", "check", "image", "note", "error"):
        values[kind] = " | ".join(details_of(record, kind))
    return [values[name] for name, _label in CSV_COLUMNS]


def write_csv(records, out, page_url=lambda record: ""):
    """The report as CSV (UTF-8 with a BOM, so spreadsheet programs read the Chinese right).
    Cells that a spreadsheet would take for formulas are written as text."""
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow([str(label) for _name, label in CSV_COLUMNS])
    for record in records:
        writer.writerow([as_text(value) for value in csv_row(record, page_url(record))])


def as_text(value):
    value = str(value)
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


def text_report(records):
    """The report as plain text, for the terminal."""
    lines = []
    for record in records:
        lines.append(f"{record.number}. [{record.get_outcome_display()}] {record.title or record.source}")
        lines.append(f"   {record.source}" + (f"  ←  {record.old_url}" if record.old_url else ""))
        for kind in ("encoding", "error", "repair", "removed", "quarantine", "check", "image", "note"):
            for text in details_of(record, kind):
                lines.append(f"   - {KIND_LABELS[kind]}: {text}")
    return "\n".join(lines)
