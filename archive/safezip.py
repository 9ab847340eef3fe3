"""Reading an uploaded ZIP without trusting it: nothing is unpacked to disk, no path leaves the
archive, no entry unpacks past its limit (a ZIP bomb), and a damaged or cut-off archive still
gives up the entries that are whole.

Entries are read into memory one at a time, each capped at ARCHIVE_MAX_ENTRY_SIZE; the whole
archive may unpack to ARCHIVE_MAX_UNPACKED_SIZE at most, and no entry to more than
ARCHIVE_MAX_RATIO times its packed size.
"""

import posixpath
import stat
import struct
import zipfile
import zlib
from dataclasses import dataclass

from django.conf import settings

from .report import Problem

MB = 1024 * 1024
LOCAL_HEADER = b"PK\x03\x04"
LOCAL_HEADER_FORMAT = "<4sHHHHHIIIHH"
CHUNK = 64 * 1024


def limit(name, default):
    return getattr(settings, name, default)


def max_entry_size():
    return limit("ARCHIVE_MAX_ENTRY_SIZE", 200 * MB)


def max_unpacked_size():
    return limit("ARCHIVE_MAX_UNPACKED_SIZE", 4096 * MB)


def max_ratio():
    return limit("ARCHIVE_MAX_RATIO", 100)


def max_entries():
    return limit("ARCHIVE_MAX_ENTRIES", 100_000)


def safe_name(name):
    """The entry's path inside the archive, or None when it would lead outside it."""
    name = name.replace("\\", "/")
    if "\x00" in name or name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        return None
    parts = [part for part in name.split("/") if part not in ("", ".")]
    if any(part == ".." for part in parts):
        return None
    return posixpath.join(*parts) if parts else None


@dataclass
class Entry:
    name: str
    size: int
    packed: int
    info: object = None  # the ZipInfo, or (offset, method, crc) when recovered from a damaged archive


class SafeZip:
    """The entries of a ZIP archive, each checked, with `problems` for what was refused."""

    def __init__(self, path, display_name=None):
        self.path = path
        self.display_name = display_name or posixpath.basename(str(path))
        self.problems = []  # Problem
        self.entries = []
        self.recovered = False
        self._zip = None
        try:
            self._zip = zipfile.ZipFile(path)
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError):
            infos = None
        if infos is None:
            self._recover()
        else:
            self._check(infos)

    def _check(self, infos):
        total = 0
        for index, info in enumerate(infos):
            if index >= max_entries():
                self.problems.append(Problem("zip_too_many_entries", limit=max_entries()))
                break
            if info.is_dir():
                continue
            name = safe_name(info.filename)
            if name is None:
                self.problems.append(Problem("zip_entry_unsafe_path", name=info.filename))
                continue
            if stat.S_ISLNK(info.external_attr >> 16):
                self.problems.append(Problem("zip_entry_link", name=name))
                continue
            if info.flag_bits & 0x1:
                self.problems.append(Problem("zip_entry_encrypted", name=name))
                continue
            problem = self._size_problem(name, info.file_size, info.compress_size, total)
            if problem:
                self.problems.append(problem)
                continue
            total += info.file_size
            self.entries.append(Entry(name, info.file_size, info.compress_size, info))

    def _size_problem(self, name, size, packed, total):
        if size > max_entry_size():
            return Problem("zip_entry_too_large", name=name, size=size // MB, limit=max_entry_size() // MB)
        if size > MB and size > max_ratio() * max(packed, 1):
            return Problem("zip_entry_ratio", name=name, ratio=size // max(packed, 1))
        if total + size > max_unpacked_size():
            return Problem("zip_total_too_large", name=name, limit=max_unpacked_size() // MB)
        return None

    def _recover(self):
        """Walk the local file headers of an archive whose directory at the end is missing."""
        self.recovered = True
        total = 0
        try:
            handle = open(self.path, "rb")  # noqa: SIM115 (closed below)
        except OSError:
            self.problems.append(Problem("zip_corrupt", name=self.display_name))
            return
        with handle:
            data_start = 0
            while True:
                handle.seek(data_start)
                header = handle.read(30)
                if len(header) < 30 or not header.startswith(LOCAL_HEADER):
                    break
                (
                    _sig,
                    _version,
                    flags,
                    method,
                    _time,
                    _date,
                    crc,
                    packed,
                    size,
                    name_length,
                    extra_length,
                ) = struct.unpack(LOCAL_HEADER_FORMAT, header)
                raw_name = handle.read(name_length)
                offset = data_start + 30 + name_length + extra_length
                if flags & 0x8 or len(raw_name) < name_length:
                    break  # sizes after the data: cannot be walked safely
                name = safe_name(raw_name.decode("utf-8" if flags & 0x800 else "cp437", errors="replace"))
                data_start = offset + packed
                if name is None:
                    self.problems.append(Problem("zip_entry_unsafe_path", name=raw_name.decode("cp437")))
                    continue
                if raw_name.endswith(b"/"):
                    continue
                problem = self._size_problem(name, size, packed, total)
                if problem:
                    self.problems.append(problem)
                    continue
                if method not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) or flags & 0x1:
                    self.problems.append(Problem("zip_entry_encrypted", name=name))
                    continue
                total += size
                self.entries.append(Entry(name, size, packed, (offset, method, crc)))
        if self.entries:
            self.problems.append(Problem("zip_truncated", name=self.display_name, count=len(self.entries)))
        else:
            self.problems.append(Problem("zip_corrupt", name=self.display_name))

    def read(self, entry):
        """The entry's bytes, checked against its size and CRC; raises Problem when damaged."""
        if isinstance(entry.info, zipfile.ZipInfo):
            return self._read_listed(entry)
        return self._read_recovered(entry)

    def _read_listed(self, entry):
        chunks, size = [], 0
        try:
            with self._zip.open(entry.info) as stream:
                while chunk := stream.read(CHUNK):
                    size += len(chunk)
                    if size > entry.size or size > max_entry_size():
                        raise Problem(
                            "zip_entry_too_large",
                            name=entry.name,
                            size=size // MB,
                            limit=max_entry_size() // MB,
                        )
                    chunks.append(chunk)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError) as error:
            raise Problem("zip_entry_damaged", name=entry.name, error=str(error)[:200]) from error
        return b"".join(chunks)

    def _read_recovered(self, entry):
        offset, method, crc = entry.info
        with open(self.path, "rb") as handle:
            handle.seek(offset)
            packed = handle.read(entry.packed)
        if len(packed) < entry.packed:
            raise Problem("zip_entry_damaged", name=entry.name, error="cut off")
        try:
            if method == zipfile.ZIP_DEFLATED:
                inflater = zlib.decompressobj(-15)
                data = inflater.decompress(packed, entry.size + 1)
            else:
                data = packed
        except zlib.error as error:
            raise Problem("zip_entry_damaged", name=entry.name, error=str(error)[:200]) from error
        if len(data) != entry.size or zlib.crc32(data) != crc:
            raise Problem("zip_entry_damaged", name=entry.name, error="CRC")
        return data

    def close(self):
        if self._zip is not None:
            self._zip.close()
