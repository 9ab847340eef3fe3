"""Abstract demo pictures drawn with Pillow: gradients and simple shapes, no fonts, nothing downloaded.

Each motif is a small function drawing on a translucent layer; `render()` picks one
by name and returns the encoded file. The same spec always gives the same picture.
"""

import math
import random
from io import BytesIO

from PIL import Image, ImageDraw, ImageFilter

LEAD_SIZE = (1600, 900)


def _hex(colour):
    colour = colour.lstrip("#")
    return tuple(int(colour[i : i + 2], 16) for i in (0, 2, 4))


def _gradient(size, top_left, bottom_right):
    """A diagonal two-colour gradient, built small and scaled up (smooth and fast)."""
    small = Image.new("RGB", (64, 36))
    a, b = _hex(top_left), _hex(bottom_right)
    for x in range(64):
        for y in range(36):
            t = (x / 63 + y / 35) / 2
            small.putpixel((x, y), tuple(round(a[i] + (b[i] - a[i]) * t) for i in range(3)))
    return small.resize(size, Image.Resampling.BICUBIC).convert("RGBA")


def _rings(draw, size, ink, rng):
    """Concentric rings and a beam line: a gantry seen end-on (proton therapy)."""
    w, h = size
    cx, cy = w * 0.62, h * 0.5
    for i in range(9):
        r = 60 + i * 48
        draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=ink + (150 - i * 12,), width=10 - i)
    draw.line((0, cy, cx, cy), fill=ink + (200,), width=14)
    draw.ellipse((cx - 34, cy - 34, cx + 34, cy + 34), fill=ink + (230,))


def _helix(draw, size, ink, rng):
    """Two intertwined strands with rungs: a DNA helix (precision medicine)."""
    w, h = size
    for x in range(0, w, 6):
        phase = x / w * 4 * math.pi
        y1 = h / 2 + math.sin(phase) * h * 0.28
        y2 = h / 2 - math.sin(phase) * h * 0.28
        draw.ellipse((x - 7, y1 - 7, x + 7, y1 + 7), fill=ink + (220,))
        draw.ellipse((x - 7, y2 - 7, x + 7, y2 + 7), fill=ink + (140,))
        if x % 48 == 0:
            draw.line((x, y1, x, y2), fill=ink + (90,), width=5)


def _skyline(draw, size, ink, rng):
    """Towers of different heights on a horizon (the zone's new buildings)."""
    w, h = size
    x = 40
    while x < w - 40:
        width = rng.randint(80, 190)
        height = rng.randint(int(h * 0.2), int(h * 0.75))
        draw.rectangle((x, h - height, x + width, h), fill=ink + (rng.randint(110, 210),))
        for wy in range(h - height + 30, h - 20, 46):
            for wx in range(x + 18, x + width - 18, 36):
                draw.rectangle((wx, wy, wx + 16, wy + 22), fill=(255, 255, 255, 60))
        x += width + rng.randint(14, 40)


def _bars(draw, size, ink, rng):
    """A rising bar chart with a trend line (funds and investment)."""
    w, h = size
    n = 9
    step = (w - 200) / n
    points = []
    for i in range(n):
        height = h * (0.15 + 0.6 * (i + 1) / n) + rng.randint(-30, 30)
        x0 = 100 + i * step
        draw.rounded_rectangle((x0, h - height, x0 + step * 0.6, h - 60), radius=12, fill=ink + (170,))
        points.append((x0 + step * 0.3, h - height - 40))
    draw.line(points, fill=(255, 255, 255, 220), width=8, joint="curve")


def _grid(draw, size, ink, rng):
    """A field of hexagons, some filled: the list of application scenarios."""
    w, h = size
    r = 70
    for row in range(-1, int(h / (r * 1.5)) + 2):
        for col in range(-1, int(w / (r * 1.75)) + 2):
            cx = col * r * 1.75 + (row % 2) * r * 0.87
            cy = row * r * 1.5
            fill = ink + (rng.choice([0, 0, 60, 140, 200]),)
            draw.regular_polygon((cx, cy, r - 6), 6, rotation=30, fill=fill, outline=ink + (120,))


def _globe(draw, size, ink, rng):
    """Meridians and parallels with arcs between points (international cooperation)."""
    w, h = size
    cx, cy, r = w * 0.5, h * 0.5, h * 0.4
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=ink + (220,), width=8)
    for i in range(1, 6):
        rx = r * i / 6
        draw.ellipse((cx - rx, cy - r, cx + rx, cy + r), outline=ink + (110,), width=4)
        y = cy - r + 2 * r * i / 6
        half = math.sqrt(max(r * r - (y - cy) ** 2, 0))
        draw.line((cx - half, y, cx + half, y), fill=ink + (110,), width=4)
    for _ in range(5):
        x0, x1 = rng.uniform(60, w * 0.3), rng.uniform(w * 0.7, w - 60)
        top = rng.uniform(40, h * 0.3)
        draw.arc((x0, top, x1, h - top), 190, 350, fill=(255, 255, 255, 170), width=5)


def _cross(draw, size, ink, rng):
    """A medical cross over circuit traces (medical devices, hospitals)."""
    w, h = size
    for _ in range(26):
        y = rng.randint(0, h)
        x = rng.randint(0, w // 2)
        length = rng.randint(200, 600)
        draw.line((x, y, x + length, y), fill=ink + (90,), width=4)
        draw.line((x + length, y, x + length + 60, y - 60), fill=ink + (90,), width=4)
        draw.ellipse((x + length + 50, y - 70, x + length + 70, y - 50), fill=ink + (150,))
    cx, cy, arm = w * 0.68, h * 0.5, 110
    draw.rounded_rectangle(
        (cx - arm, cy - 3 * arm, cx + arm, cy + 3 * arm), radius=30, fill=(255, 255, 255, 215)
    )
    draw.rounded_rectangle(
        (cx - 3 * arm, cy - arm, cx + 3 * arm, cy + arm), radius=30, fill=(255, 255, 255, 215)
    )


def _waves(draw, size, ink, rng):
    """Layered waves: a calm, general-purpose background (people, services)."""
    w, h = size
    for layer in range(6):
        base = h * (0.35 + layer * 0.11)
        amplitude = rng.uniform(20, 60)
        phase = rng.uniform(0, math.pi)
        points = [(x, base + math.sin(x / w * 3 * math.pi + phase) * amplitude) for x in range(0, w + 20, 20)]
        draw.polygon(points + [(w, h), (0, h)], fill=ink + (50 + layer * 25,))


def _circles(draw, size, ink, rng):
    """Overlapping circles: people and organisations working together."""
    w, h = size
    for _ in range(14):
        r = rng.randint(80, 260)
        cx, cy = rng.randint(0, w), rng.randint(0, h)
        draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=ink + (rng.randint(50, 130),))


def _crane(draw, size, ink, rng):
    """A tower crane over a rising frame (construction sites)."""
    w, h = size
    mast_x = w * 0.3
    draw.rectangle((mast_x - 18, h * 0.12, mast_x + 18, h), fill=ink + (220,))
    draw.rectangle((mast_x - 260, h * 0.12, mast_x + 640, h * 0.12 + 26), fill=ink + (220,))
    for x in range(int(mast_x - 240), int(mast_x + 620), 60):
        draw.line((x, h * 0.12, x + 30, h * 0.12 + 26), fill=(255, 255, 255, 140), width=3)
    draw.line((mast_x + 520, h * 0.12 + 26, mast_x + 520, h * 0.55), fill=ink + (200,), width=4)
    for level in range(7):
        y = h - 60 - level * 70
        draw.rectangle((w * 0.55, y, w * 0.9, y + 10), fill=ink + (170,))
    for x in (w * 0.55, w * 0.67, w * 0.78, w * 0.9):
        draw.rectangle((x - 6, h - 60 - 6 * 70, x + 6, h), fill=ink + (170,))


MOTIFS = {
    "rings": _rings,
    "helix": _helix,
    "skyline": _skyline,
    "bars": _bars,
    "grid": _grid,
    "globe": _globe,
    "cross": _cross,
    "waves": _waves,
    "circles": _circles,
    "crane": _crane,
}


def render(motif, colours, seed=0, size=LEAD_SIZE, fmt="JPEG"):
    """The picture for one spec as encoded bytes: a gradient, then the motif, lightly softened."""
    top_left, bottom_right, ink = colours
    picture = _gradient(size, top_left, bottom_right)
    layer = Image.new("RGBA", size, (0, 0, 0, 0))
    MOTIFS[motif](ImageDraw.Draw(layer), size, _hex(ink), random.Random(seed))
    picture = Image.alpha_composite(picture, layer.filter(ImageFilter.GaussianBlur(1.2)))
    out = BytesIO()
    if fmt == "JPEG":
        picture.convert("RGB").save(out, "JPEG", quality=84, optimize=True)
    else:
        picture.save(out, fmt, optimize=True)
    return out.getvalue()


def render_logo(size=(480, 480)):
    """The organisation's mark: a white cross in a teal ring, transparent around it."""
    w, h = size
    logo = Image.new("RGBA", size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(logo)
    teal, deep = (0, 128, 128, 255), (8, 64, 96, 255)
    draw.ellipse((10, 10, w - 10, h - 10), fill=deep)
    draw.ellipse((46, 46, w - 46, h - 46), outline=teal, width=22)
    arm, reach = w * 0.09, w * 0.27
    cx, cy = w / 2, h / 2
    draw.rounded_rectangle((cx - arm, cy - reach, cx + arm, cy + reach), radius=12, fill=(255, 255, 255, 255))
    draw.rounded_rectangle((cx - reach, cy - arm, cx + reach, cy + arm), radius=12, fill=(255, 255, 255, 255))
    out = BytesIO()
    logo.save(out, "PNG", optimize=True)
    return out.getvalue()


def render_qr(size=(330, 330), seed=7):
    """A stand-in for the WeChat account's QR code: finder squares and a seeded dot grid
    (it scans as nothing; the operator uploads the real one)."""
    cells = 33
    cell = size[0] // cells
    rng = random.Random(seed)
    qr = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(qr)
    finders = [(1, 1), (cells - 8, 1), (1, cells - 8)]
    for y in range(1, cells - 1):
        for x in range(1, cells - 1):
            if any(fx - 1 <= x <= fx + 7 and fy - 1 <= y <= fy + 7 for fx, fy in finders):
                continue
            if rng.random() < 0.45:
                draw.rectangle((x * cell, y * cell, (x + 1) * cell - 1, (y + 1) * cell - 1), fill="black")
    for fx, fy in finders:
        for ring, colour in ((7, "black"), (5, "white"), (3, "black")):
            inset = (7 - ring) // 2
            x0, y0 = (fx + inset) * cell, (fy + inset) * cell
            draw.rectangle((x0, y0, x0 + ring * cell - 1, y0 + ring * cell - 1), fill=colour)
    out = BytesIO()
    qr.save(out, "PNG", optimize=True)
    return out.getvalue()


def render_agency_mark(size=(220, 96)):
    """A stand-in for the 党政机关 site mark: a red badge with a white star (not the real mark,
    which the issuing office provides to each site)."""
    w, h = size
    mark = Image.new("RGBA", size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(mark)
    draw.rounded_rectangle((0, 0, w - 1, h - 1), radius=12, fill=(200, 16, 46, 255))
    cx, cy, outer, inner = h / 2, h / 2, h * 0.32, h * 0.13
    points = [
        (
            cx + (outer if i % 2 == 0 else inner) * math.sin(i * math.pi / 5),
            cy - (outer if i % 2 == 0 else inner) * math.cos(i * math.pi / 5),
        )
        for i in range(10)
    ]
    draw.polygon(points, fill=(255, 222, 0, 255))
    draw.rectangle((h, h * 0.3, w - 16, h * 0.4), fill=(255, 255, 255, 255))
    draw.rectangle((h, h * 0.55, w - 40, h * 0.65), fill=(255, 255, 255, 255))
    out = BytesIO()
    mark.save(out, "PNG", optimize=True)
    return out.getvalue()
