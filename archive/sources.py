"""What an export holds, read one article at a time: a folder or ZIP of saved pages (HTML, plain
text), WordPress WXR exports, CSV or JSON manifests, and the images beside them.

`open_archive(path)` gives an Archive (folder, ZIP or single file); `items(archive)` yields an Item
per article in a stable order, and an Item with a `problem` for what could not be read, so the
rest of the archive imports all the same. Nothing is unpacked to disk and no link is followed.
"""

import csv
import io
import json
import os
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, iterparse

from . import encoding
from .report import Problem
from .safezip import MB, SafeZip, max_entry_size, safe_name

HTML = (".html", ".htm", ".shtml", ".xhtml", ".asp", ".aspx", ".php", ".jsp")
TEXT = (".txt",)
WXR = (".xml",)
CSV = (".csv",)
JSON = (".json", ".jsonl")
IMAGES = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif")
FORMATS = {"html": HTML, "text": TEXT, "wxr": WXR, "csv": CSV, "json": JSON}
ARTICLE_EXTENSIONS = HTML + TEXT + WXR + CSV + JSON

# Manifest columns and the other names exports give them.
COLUMNS = {
    "old_url": ["old_url", "url", "link", "permalink", "old_address", "原地址", "原链接", "网址"],
    "old_urls": ["old_urls", "other_urls", "aliases"],
    "old_url_en": ["old_url_en", "url_en", "english_url"],
    "title": ["title", "标题"],
    "subtitle": ["subtitle", "副标题"],
    "date": ["date", "published", "pub_date", "publish_date", "日期", "发布时间", "时间"],
    "body_html": ["body_html", "html", "content_html", "content"],
    "body_text": ["body_text", "text", "body", "正文"],
    "author": ["author", "authors", "作者"],
    "reporter": ["reporter", "reporters", "记者"],
    "correspondent": ["correspondent", "correspondents", "通讯员"],
    "editor": ["editor", "editors", "编辑", "责任编辑"],
    "photographer": ["photographer", "photographers", "摄影"],
    "keywords": ["keywords", "tags", "关键词"],
    "summary": ["summary", "abstract", "excerpt", "摘要"],
    "summary_en": ["summary_en", "abstract_en", "english_abstract"],
    "publication": ["source", "publication", "source_publication", "来源"],
    "issue": ["issue", "source_issue", "期号"],
    "images": ["images", "image", "pictures", "图片"],
    "kind": ["kind", "type"],
}
ALIASES = {alias: column for column, aliases in COLUMNS.items() for alias in aliases}
BYLINE_COLUMNS = ("author", "reporter", "correspondent", "editor", "photographer")
WXR_NAMESPACES = re.compile(r"^\{[^}]*\}")


@dataclass
class Item:
    """One article as the export holds it, or a problem reading part of the export."""

    name: str
    kind: str  # html, text, fields, problem
    data: bytes = b""
    fields: dict = field(default_factory=dict)
    base: str = ""
    problem: Problem | None = None
    encoding: str = ""
    original: str = ""


class Archive:
    """Files by their path inside the export, and the pictures articles refer to."""

    problems: list

    def names(self):
        raise NotImplementedError

    def read(self, name):
        raise NotImplementedError

    def index_assets(self):
        self._by_path = {name.lower(): name for name in self.names()}
        self._by_base = {}
        for name in self.names():
            self._by_base.setdefault(posixpath.basename(name).lower(), []).append(name)

    def find(self, reference, base=""):
        """The archive's name for a picture an article refers to (relative, site-absolute or a
        full URL of the old site), or None."""
        if not hasattr(self, "_by_path"):
            self.index_assets()
        path = unquote(urlsplit(reference.strip()).path) if reference else ""
        if not path:
            return None
        candidates = []
        if not path.startswith("/") and "://" not in reference:
            candidates.append(safe_name(posixpath.join(base, path)) or "")
        candidates.append(safe_name(path) or "")
        for candidate in candidates:
            if candidate and candidate.lower() in self._by_path:
                return self._by_path[candidate.lower()]
        tail = (safe_name(path) or "").lower()
        if tail:
            ending = [name for key, name in self._by_path.items() if key.endswith("/" + tail)]
            if len(ending) == 1:
                return ending[0]
        same_name = self._by_base.get(posixpath.basename(path).lower(), [])
        return same_name[0] if len(same_name) == 1 else None

    def close(self):
        pass


class FolderArchive(Archive):
    def __init__(self, root):
        self.root = Path(root).resolve()
        self.problems = []
        self._names = []
        for directory, folders, files in os.walk(self.root, followlinks=False):
            folders.sort()
            for filename in sorted(files):
                path = Path(directory, filename)
                if path.is_symlink():
                    continue  # a link could lead anywhere on the machine
                self._names.append(path.relative_to(self.root).as_posix())

    def names(self):
        return self._names

    def read(self, name):
        path = (self.root / name).resolve()
        if not path.is_relative_to(self.root):
            raise Problem("zip_entry_unsafe_path", name=name)
        size = path.stat().st_size
        if size > max_entry_size():
            raise Problem("file_too_large", name=name, size=size // MB, limit=max_entry_size() // MB)
        return path.read_bytes()


class ZipArchive(Archive):
    def __init__(self, path, display_name=None):
        self.zip = SafeZip(path, display_name)
        self.problems = list(self.zip.problems)
        self._entries = {entry.name: entry for entry in self.zip.entries}

    def names(self):
        return sorted(self._entries)

    def read(self, name):
        return self.zip.read(self._entries[name])

    def close(self):
        self.zip.close()


class FileArchive(FolderArchive):
    """A single exported file (one WXR, one manifest, one page) with whatever lies beside it."""

    def __init__(self, path):
        path = Path(path).resolve()
        super().__init__(path.parent)
        self.only = path.name

    def names(self):
        return [self.only]


def open_archive(path, display_name=None):
    path = Path(path)
    if path.is_dir():
        return FolderArchive(path)
    if path.suffix.lower() == ".zip":
        return ZipArchive(path, display_name or path.name)
    return FileArchive(path)


def article_names(archive, source_format="auto"):
    extensions = FORMATS.get(source_format, ARTICLE_EXTENSIONS)
    return [
        name for name in archive.names() if name.lower().endswith(extensions) and not is_hidden_file(name)
    ]


def is_hidden_file(name):
    return any(part.startswith((".", "__MACOSX")) for part in name.split("/"))


def estimate_count(archive, source_format="auto"):
    """How many articles the export holds, for the progress bar: files, WXR items, manifest rows."""
    total = 0
    for name in article_names(archive, source_format):
        lower = name.lower()
        if lower.endswith(WXR + CSV + JSON):
            try:
                data = archive.read(name)
            except Problem:
                total += 1
                continue
            if lower.endswith(WXR):
                total += data.count(b"<item>") + data.count(b"<item ")
            elif lower.endswith(CSV):
                total += max(1, data.count(b"\n") - 1)
            elif lower.endswith(".jsonl"):
                total += data.count(b"\n") + 1
            else:
                total += max(1, data.count(b'"title"'))
        else:
            total += 1
    return total


def items(archive, source_format="auto"):
    """Every article of the export, in path order, and every problem met reading it."""
    for problem in archive.problems:
        yield Item(name=problem.params.get("name", ""), kind="problem", problem=problem)
    for name in article_names(archive, source_format):
        lower = name.lower()
        base = posixpath.dirname(name)
        try:
            data = archive.read(name)
        except Problem as problem:
            yield Item(name=name, kind="problem", problem=problem)
            continue
        if lower.endswith(HTML):
            yield Item(name=name, kind="html", data=data, base=base)
        elif lower.endswith(TEXT):
            yield Item(name=name, kind="text", data=data, base=base)
        elif lower.endswith(WXR):
            yield from wxr_items(name, data)
        elif lower.endswith(CSV):
            yield from csv_items(name, data)
        elif lower.endswith(JSON):
            yield from json_items(name, data)


# ---- WordPress WXR ----


def local(tag):
    return WXR_NAMESPACES.sub("", tag) if isinstance(tag, str) else ""


def wxr_stream(name, data):
    """The WXR file as UTF-8 bytes: expat reads UTF-8 and UTF-16 only."""
    declared = encoding.declared_encoding(data) or "utf-8"
    if declared.replace("_", "-") in ("utf-8", "utf8", "utf-16", "us-ascii", "iso-8859-1"):
        return io.BytesIO(data), declared.upper()
    decoded = encoding.decode(data)
    text = re.sub(r"^(<\?xml[^>]*encoding\s*=\s*[\"'])[^\"']+", r"\1utf-8", decoded.text, count=1)
    return io.BytesIO(text.encode("utf-8")), decoded.encoding


def wxr_items(name, data):
    stream, file_encoding = wxr_stream(name, data)
    authors = {}
    attachments = {}
    site = ""
    try:
        for _event, element in iterparse(stream, events=("end",), forbid_dtd=True):
            tag = local(element.tag)
            if tag == "author" and element.find("*") is not None:
                values = {local(child.tag): (child.text or "").strip() for child in element}
                authors[values.get("author_login", "")] = values.get("author_display_name", "")
            elif tag == "base_site_url" and not site:
                site = (element.text or "").strip()
            elif tag == "item":
                values, categories, meta = {}, [], {}
                for child in element:
                    child_tag = local(child.tag)
                    if child_tag == "category":
                        categories.append((child.get("domain", ""), (child.text or "").strip()))
                    elif child_tag == "postmeta":
                        pair = {local(part.tag): (part.text or "") for part in child}
                        meta[pair.get("meta_key", "")] = pair.get("meta_value", "")
                    elif child_tag in ("encoded", "description") and "excerpt" in (child.tag or ""):
                        values["excerpt"] = child.text or ""
                    else:
                        values.setdefault(child_tag, child.text or "")
                post_type = values.get("post_type", "post")
                if post_type == "attachment":
                    attachments[values.get("post_id", "")] = values.get("attachment_url", "")
                elif post_type == "post":
                    yield wxr_item(name, values, categories, meta, authors, attachments, site, file_encoding)
                element.clear()
    except DefusedXmlException:
        yield Item(name=name, kind="problem", problem=Problem("wxr_entities", name=name))
    except ParseError as error:
        yield Item(
            name=name, kind="problem", problem=Problem("wxr_invalid", name=name, error=str(error)[:200])
        )


def wxr_item(name, values, categories, meta, authors, attachments, site, file_encoding):
    post_id = values.get("post_id", "")
    old_urls = [values.get("link", "")]
    guid = values.get("guid", "")
    if guid and guid not in old_urls and ("?p=" in guid or "?page_id=" in guid):
        old_urls.append(guid)
    if post_id and site and f"{site.rstrip('/')}/?p={post_id}" not in old_urls:
        old_urls.append(f"{site.rstrip('/')}/?p={post_id}")
    creator = values.get("creator", "")
    thumbnail = attachments.get(meta.get("_thumbnail_id", ""), "")
    fields = {
        "title": values.get("title", ""),
        "date": values.get("post_date", "") or values.get("pubDate", ""),
        "body_html": values.get("encoded", ""),
        "summary": re.sub(r"<[^>]+>", "", values.get("excerpt", "")).strip(),
        "keywords": "、".join(text for domain, text in categories if domain == "post_tag" and text),
        "bylines": {"author": authors.get(creator) or creator} if creator else {},
        "old_url": old_urls[0],
        "old_urls": [url for url in old_urls[1:] if url],
        "images": [thumbnail] if thumbnail else [],
        "wp_status": values.get("status", ""),
    }
    return Item(
        name=f"{name} #{post_id or values.get('title', '')}",
        kind="fields",
        fields=fields,
        encoding=file_encoding,
        original=json.dumps(values, ensure_ascii=False, indent=1),
        base=posixpath.dirname(name),
    )


# ---- CSV and JSON manifests ----


def normalised_row(row):
    fields = {}
    for key, value in row.items():
        if key is None:
            continue
        column = ALIASES.get(str(key).strip().lower().replace(" ", "_"))
        if column and value not in (None, ""):
            fields.setdefault(column, value)
    return fields


def missing_columns(columns):
    found = {ALIASES.get(str(column).strip().lower().replace(" ", "_")) for column in columns}
    missing = []
    if "title" not in found:
        missing.append("title")
    if not found & {"body_html", "body_text"}:
        missing.append("body_html / body_text")
    return missing


def manifest_item(name, number, row, file_encoding, base):
    fields = normalised_row(row)
    if not fields.get("title") and not fields.get("body_html") and not fields.get("body_text"):
        return Item(
            name=f"{name} #{number}", kind="problem", problem=Problem("manifest_row_empty", row=number)
        )
    body = fields.pop("body_text", "")
    if "body_html" not in fields and re.search(r"<(?:p|div|br|img)\b", body or "", re.IGNORECASE):
        fields["body_html"] = body
    elif body:
        fields["body_text"] = body
    fields["bylines"] = {role: fields.pop(role) for role in BYLINE_COLUMNS if fields.get(role)}
    for column in ("old_urls", "images"):
        value = fields.get(column)
        if isinstance(value, str):
            value = value.strip()
            fields[column] = json.loads(value) if value.startswith("[") else re.split(r"\s*[;|\n]\s*", value)
    return Item(
        name=f"{name} #{number}",
        kind="fields",
        fields=fields,
        encoding=file_encoding,
        original=json.dumps(row, ensure_ascii=False, indent=1),
        base=base,
    )


def csv_items(name, data):
    try:
        decoded = encoding.decode(data)
    except Problem as problem:
        problem.params["name"] = name
        yield Item(name=name, kind="problem", problem=problem)
        return
    reader = csv.DictReader(io.StringIO(decoded.text, newline=""))
    try:
        columns = reader.fieldnames or []
    except csv.Error as error:
        yield Item(
            name=name, kind="problem", problem=Problem("manifest_invalid", name=name, error=str(error))
        )
        return
    missing = missing_columns(columns)
    if missing:
        problem = Problem(
            "manifest_missing_columns", name=name, missing=", ".join(missing), found=", ".join(columns) or "—"
        )
        yield Item(name=name, kind="problem", problem=problem)
        return
    try:
        for number, row in enumerate(reader, 1):
            yield manifest_item(name, number, row, decoded.encoding, posixpath.dirname(name))
    except csv.Error as error:
        yield Item(
            name=name, kind="problem", problem=Problem("manifest_invalid", name=name, error=str(error))
        )


def json_items(name, data):
    try:
        decoded = encoding.decode(data)
        if name.lower().endswith(".jsonl"):
            rows = [json.loads(line) for line in decoded.text.splitlines() if line.strip()]
        else:
            rows = json.loads(decoded.text)
            if isinstance(rows, dict):
                rows = rows.get("articles") or rows.get("items") or rows.get("posts") or []
        if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
            raise ValueError('expected a list of objects, or {"articles": [...]}')
    except Problem as problem:
        problem.params["name"] = name
        yield Item(name=name, kind="problem", problem=problem)
        return
    except ValueError as error:
        yield Item(
            name=name, kind="problem", problem=Problem("manifest_invalid", name=name, error=str(error)[:200])
        )
        return
    columns = {key for row in rows for key in row}
    missing = missing_columns(columns) if rows else []
    if missing:
        problem = Problem(
            "manifest_missing_columns",
            name=name,
            missing=", ".join(missing),
            found=", ".join(sorted(columns)) or "—",
        )
        yield Item(name=name, kind="problem", problem=problem)
        return
    for number, row in enumerate(rows, 1):
        yield manifest_item(
            name,
            number,
            {key: value for key, value in row.items()},
            decoded.encoding,
            posixpath.dirname(name),
        )
