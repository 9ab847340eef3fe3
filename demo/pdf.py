"""A one-page PDF of plain lines, for the demo's policy documents and guides, without a library.

Chinese is set in Adobe's STSong-Light with the UniGB-UCS2-H encoding, a font every PDF reader
supplies itself (PDF 1.7, 9.7.5.2), so nothing is embedded and the file stays a few KB.
Latin text uses Helvetica, one of the standard fourteen. Lines are not wrapped: pass short ones.
"""

import zlib

PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4 in points
MARGIN = 56


def _latin(text):
    return "(" + text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


def _cjk(text):
    return "<" + text.encode("utf-16-be").hex().upper() + ">"


def render(title, lines, chinese=False):
    """PDF bytes: `title` large, then `lines`, on one A4 page; the document's Title is `title`."""
    font, encode = ("F2", _cjk) if chinese else ("F1", _latin)
    y = PAGE_HEIGHT - MARGIN - 18
    text = [f"BT /{font} 18 Tf {MARGIN} {y} Td {encode(title)} Tj ET"]
    y -= 36
    for line in lines:
        if y < MARGIN:
            break
        if line:
            text.append(f"BT /{font} 11 Tf {MARGIN} {y} Td {encode(line)} Tj ET")
        y -= 18
    stream = zlib.compress("\n".join(text).encode("ascii"))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] "
        "/Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> /Contents 4 0 R >>".encode(),
        f"<< /Length {len(stream)} /Filter /FlateDecode >>\nstream\n".encode() + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H "
        b"/DescendantFonts [7 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> "
        b"/FontDescriptor 8 0 R /DW 1000 /W [1 95 500] >>",  # ASCII at half width
        b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] "
        b"/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>",
        f"<< /Title {_cjk(title) if chinese else _latin(title)} /Producer (JIMC demo) >>".encode(),
    ]
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info {len(objects)} 0 R >>\n".encode()
    out += f"startxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)
