"""The report's templates (``templates/``) and the filters that format values for them.

Autoescaping is on: every value reaches the page escaped unless it is `Markup`, as the
figure captions are (`caption_html` escapes them itself).
"""

import base64
import os
from functools import cache
from pathlib import Path

import jinja2
import numpy as np
from markupsafe import Markup

from digit_clustering.figures.captions import caption_html

# Named through __file__, its files are part of the code of every job importing this module.
TEMPLATES = Path(__file__).parent / "templates"


def missing(value) -> bool:
    return value is None or (isinstance(value, float | np.floating) and np.isnan(value))


def number(value) -> str:
    if missing(value):
        return "–"
    if isinstance(value, int | np.integer):
        return f"{value:,}"
    return f"{value:.4g}" if abs(value) < 1e5 else f"{value:,.0f}"


def percent(value: float) -> str:
    return f"{value:.1%}"


def sort_key(value) -> str:
    """A table cell's data-value: what the page's script sorts by (empty when missing)."""
    return "" if missing(value) else repr(float(value))


def anchor(run: str) -> str:
    return "run-" + "".join(c if c.isalnum() else "-" for c in run)


def embedded_image(path: str | os.PathLike) -> str:
    """A PNG as a data URI, so that the page needs no file beside it."""
    return "data:image/png;base64," + base64.b64encode(Path(path).read_bytes()).decode()


def caption(figure: str, run: str | None = None) -> Markup:
    """A figure's caption from the captions registry, as the HTML it already is."""
    return Markup(caption_html(figure, run))


@cache
def environment() -> jinja2.Environment:
    templates = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=jinja2.select_autoescape(["html.j2"]),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    templates.filters.update(
        number=number,
        percent=percent,
        sort_key=sort_key,
        anchor=anchor,
        embedded_image=embedded_image,
    )
    templates.globals["caption"] = caption
    return templates
