"""Checks the PNGs that headless Chromium made of nectar's charts: each has its SVG's size and
is not blank: it has text (dark pixels), data (coloured pixels: the palette's colours, not the
greys of text, axes and grid) and more than a few colours.

Usage: check_pngs.py DIR   (every *.png under DIR, beside the *.svg it was made from)
"""
import pathlib
import re
import sys

from PIL import Image

failures = []
pngs = sorted(pathlib.Path(sys.argv[1]).rglob("*.png"))
if not pngs:
    sys.exit(f"no PNG under {sys.argv[1]}")
for png in pngs:
    svg = png.with_suffix(".svg").read_text(encoding="utf-8")
    width, height = map(int, re.search(r'<svg [^>]*width="(\d+)" height="(\d+)"', svg).groups())
    image = Image.open(png).convert("RGB")
    counts = image.getcolors(1 << 24)  # [(pixels, (r, g, b))]
    total = image.size[0] * image.size[1]
    dark = sum(n for n, (r, g, b) in counts if r + g + b < 3 * 96)
    coloured = sum(n for n, (r, g, b) in counts if max(r, g, b) - min(r, g, b) > 60)
    problems = []
    if image.size != (width, height):
        problems.append(f"size {image.size}, the SVG's is {(width, height)}")
    if len(counts) < 8:
        problems.append(f"{len(counts)} colours")
    if dark < total // 500:
        problems.append(f"{dark} dark pixels (no text?)")
    # One data marker and its legend entry are about 150 coloured pixels.
    if coloured < 100:
        problems.append(f"{coloured} coloured pixels (no data?)")
    print(
        f"{png}: {image.size[0]}x{image.size[1]}, {len(counts)} colours, "
        f"{dark} dark and {coloured} coloured pixels"
        + (": " + "; ".join(problems) if problems else "")
    )
    if problems:
        failures.append(png)
if failures:
    sys.exit(f"{len(failures)} chart(s) blank or wrong")
print(f"{len(pngs)} charts drawn, none blank")
