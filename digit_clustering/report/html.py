"""Small pieces of the report's HTML: embedded figures, numbers, measured values, anchors."""

import base64
import html
import os
from pathlib import Path

import numpy as np


def embedded_image(path: str | os.PathLike, alt: str) -> str:
    encoded = base64.b64encode(Path(path).read_bytes()).decode()
    return f'<img alt="{html.escape(alt)}" src="data:image/png;base64,{encoded}">'


def figure(path: str | os.PathLike, alt: str, caption: str, kind: str = "") -> str:
    return (
        f'<figure class="{kind}">{embedded_image(path, alt)}'
        f"<figcaption>{html.escape(caption)}</figcaption></figure>"
    )


def measured(text: str) -> str:
    return f'<span class="measured">{html.escape(text)}</span>'


def number(value) -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return "–"
    if isinstance(value, (int, np.integer)):
        return f"{value:,}"
    return f"{value:.4g}" if abs(value) < 1e5 else f"{value:,.0f}"


def anchor(run: str) -> str:
    return "run-" + "".join(c if c.isalnum() else "-" for c in run)
