#!/usr/bin/env python3
"""chart.py TSV SVG: make bench's chart, one bar per row of TSV (kind,
name, fdpic, baseline) with the FDPIC/baseline ratio; a line marks 1.0
(as the baseline); the axis ends at 2.0, a longer bar is cut and
marked ">".  Rows of kind "writable" are left out (their sizes are
page-rounded at run time), and so are rows whose baseline figure is 0."""
import sys

rows = []
with open(sys.argv[1]) as f:
    next(f)
    for line in f:
        kind, name, a, b = line.rstrip("\n").split("\t")
        if kind == "writable" or int(b) == 0:
            continue
        rows.append((f"{kind}: {name}", int(a) / int(b)))

left, width, bar, gap, top = 230, 420, 16, 6, 40
hi = 2.0                    # bars of larger ratios are cut (marked ">")
scale = width / hi
height = top + len(rows) * (bar + gap) + 30
svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{left + width + 70}" '
       f'height="{height}" font-family="sans-serif" font-size="12">',
       f'<text x="10" y="20" font-size="14">FDPIC / baseline '
       f'(instructions executed, text size)</text>']
for i, (label, r) in enumerate(rows):
    y = top + i * (bar + gap)
    colour = "#4a7" if r <= 1.04 else ("#db4" if r <= 1.10 else "#c54")
    svg.append(f'<text x="{left - 6}" y="{y + bar - 4}" text-anchor="end">{label}</text>')
    w = min(r, hi) * scale
    svg.append(f'<rect x="{left}" y="{y}" width="{w:.1f}" height="{bar}" fill="{colour}"/>')
    mark = " >" if r > hi else ""
    svg.append(f'<text x="{left + w + 4:.1f}" y="{y + bar - 4}">{r:.3f}{mark}</text>')
x1 = left + scale
svg.append(f'<line x1="{x1:.1f}" y1="{top - 6}" x2="{x1:.1f}" y2="{height - 24}" '
           f'stroke="black" stroke-dasharray="4 3"/>')
svg.append(f'<text x="{x1:.1f}" y="{height - 10}" text-anchor="middle">1.0</text>')
svg.append("</svg>")
with open(sys.argv[2], "w") as f:
    f.write("\n".join(svg) + "\n")
