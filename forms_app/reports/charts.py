"""Charts drawn on the server as inline SVG: no script, no third-party origin, readable without colour.

Pure functions from numbers to markup. Every label is escaped here, so callers may pass user-edited
text. Each chart is an `<svg role="img">` named by its `<title>` and summarised by its `<desc>`;
the page shows the same numbers in a table for anyone who cannot read the drawing.

Sizes are in pixels vertically and percentages horizontally (no viewBox), so a chart fills the
width it is given, from a 360px phone to a wide screen, while its text keeps its size.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# Fills at least 3:1 against both Wagtail's light (#fff) and dark (#262626) surfaces (WCAG 1.4.11).
BAR_COLOUR = "#2f80c8"
# Text and axes follow the admin theme's text colour.
INK = "currentColor"

BAR_ROW_HEIGHT = 46
COLUMN_PLOT_HEIGHT = 150


@dataclass(frozen=True)
class Datum:
    """One bar or column: its label, its value, the value as shown (localised), an axis tick."""

    label: str
    value: float
    display: str
    tick: str = ""


def _percent(value, maximum, scale=100.0):
    if maximum <= 0 or value <= 0:
        return 0.0
    return round(float(value) / float(maximum) * scale, 2)


def _open_svg(chart_id, title, description, height, extra_class=""):
    title_id, desc_id = f"{chart_id}-title", f"{chart_id}-desc"
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="case-chart {escape(extra_class)}" id="{escape(chart_id)}" '
        f'role="img" aria-labelledby="{escape(title_id)} {escape(desc_id)}" width="100%" height="{height}" '
        f'font-size="14" fill="{INK}">'
        f'<title id="{escape(title_id)}">{escape(title)}</title>'
        f'<desc id="{escape(desc_id)}">{escape(description)}</desc>'
    )


def value_room_percent(data):
    """Width kept right of the longest bar for its value: enough for a 330px-wide chart (a phone)."""
    longest = max((len(datum.display) for datum in data), default=0)
    return min(45.0, max(10.0, longest * 2.8 + 2))


def bar_chart(chart_id: str, title: str, description: str, data: Sequence[Datum]) -> SafeString:
    """Horizontal bars, one per datum, each under its label with its value after it."""
    maximum = max((datum.value for datum in data), default=0)
    longest_bar = 100.0 - value_room_percent(data)
    height = BAR_ROW_HEIGHT * len(data) + 4
    parts = [_open_svg(chart_id, title, description, height, "case-chart--bars")]
    for index, datum in enumerate(data):
        top = index * BAR_ROW_HEIGHT
        width = _percent(datum.value, maximum, longest_bar)
        parts.append(f'<text x="0" y="{top + 16}">{escape(datum.label)}</text>')
        if width:
            parts.append(
                f'<rect x="0" y="{top + 23}" width="{width}%" height="16" rx="2" fill="{BAR_COLOUR}">'
                f"<title>{escape(datum.label)}: {escape(datum.display)}</title></rect>"
            )
        parts.append(
            f'<text x="{width}%" dx="{6 if width else 0}" y="{top + 36}" font-size="13" font-weight="bold">'
            f"{escape(datum.display)}</text>"
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every piece of text above is escaped


def column_chart(
    chart_id: str, title: str, description: str, data: Sequence[Datum], maximum_label: str = ""
) -> SafeString:
    """Vertical columns in time order, with a baseline, the maximum marked, and sparse axis ticks.

    Ticks are the data's `tick` texts; give only some data a short tick (e.g. the first week of a month).
    """
    count = len(data)
    maximum = max((datum.value for datum in data), default=0)
    top, plot = 22, COLUMN_PLOT_HEIGHT
    baseline = top + plot
    height = baseline + 26
    slot = 100.0 / count if count else 100.0
    parts = [_open_svg(chart_id, title, description, height, "case-chart--columns")]
    if maximum_label:
        parts.append(f'<text x="0" y="{top - 6}" font-size="12">{escape(maximum_label)}</text>')
        parts.append(
            f'<line x1="0" x2="100%" y1="{top}" y2="{top}" stroke="{INK}" stroke-opacity="0.35" '
            'stroke-dasharray="4 4" />'
        )
    for index, datum in enumerate(data):
        bar_height = round(_percent(datum.value, maximum, plot), 1)
        x = round(index * slot + slot * 0.15, 3)
        if bar_height:
            parts.append(
                f'<rect x="{x}%" y="{baseline - bar_height}" width="{round(slot * 0.7, 3)}%" '
                f'height="{bar_height}" fill="{BAR_COLOUR}">'
                f"<title>{escape(datum.label)}: {escape(datum.display)}</title></rect>"
            )
        if datum.tick:
            if index == count - 1:
                anchor, tick_x = "end", "100%"
            elif index == 0:
                anchor, tick_x = "start", "0"
            else:
                anchor, tick_x = "middle", f"{round((index + 0.5) * slot, 3)}%"
            parts.append(
                f'<line x1="{round((index + 0.5) * slot, 3)}%" x2="{round((index + 0.5) * slot, 3)}%" '
                f'y1="{baseline}" y2="{baseline + 5}" stroke="{INK}" />'
                f'<text x="{tick_x}" y="{baseline + 20}" font-size="12" text-anchor="{anchor}">'
                f"{escape(datum.tick)}</text>"
            )
    parts.append(f'<line x1="0" x2="100%" y1="{baseline}" y2="{baseline}" stroke="{INK}" />')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every piece of text above is escaped


def sparkline(chart_id: str, title: str, description: str, values: Sequence[float], width=180, height=40):
    """A small line of values in time order, with the last point marked."""
    count = len(values)
    maximum = max(values, default=0)
    pad = 3

    def point(index, value):
        x = pad + (index * (width - 2 * pad) / (count - 1) if count > 1 else (width - 2 * pad) / 2)
        y = height - pad - (_percent(value, maximum, height - 2 * pad) if maximum else 0)
        return round(x, 1), round(y, 1)

    points = [point(index, value) for index, value in enumerate(values)]
    title_id, desc_id = f"{chart_id}-title", f"{chart_id}-desc"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="case-sparkline" id="{escape(chart_id)}" role="img" '
        f'aria-labelledby="{escape(title_id)} {escape(desc_id)}" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}">'
        f'<title id="{escape(title_id)}">{escape(title)}</title>'
        f'<desc id="{escape(desc_id)}">{escape(description)}</desc>'
        f'<line x1="0" x2="{width}" y1="{height - pad}" y2="{height - pad}" stroke="{INK}" stroke-opacity="0.4" />'
    ]
    if points:
        coordinates = " ".join(f"{x},{y}" for x, y in points)
        parts.append(
            f'<polyline points="{coordinates}" fill="none" stroke="{BAR_COLOUR}" stroke-width="2" '
            'stroke-linejoin="round" stroke-linecap="round" />'
        )
        last_x, last_y = points[-1]
        parts.append(f'<circle cx="{last_x}" cy="{last_y}" r="3" fill="{BAR_COLOUR}" />')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every piece of text above is escaped
