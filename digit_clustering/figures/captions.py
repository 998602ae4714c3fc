"""Every figure's caption, in one place: ``captions/<figure>.rst``.

Snakemake's ``--report`` takes a caption file per result (`caption_file`); the page shows the
same text (`caption_html`). A caption may name the run as ``{{ snakemake.wildcards.run }}``,
Snakemake's own caption templating, which the page fills in the same way.
"""

import html
import re
from pathlib import Path

# Named through __file__, its files are part of the code of every job importing this module.
CAPTIONS = Path(__file__).parent / "captions"
RUN_NAME = "{{ snakemake.wildcards.run }}"
LITERAL = re.compile(r"``(.+?)``")


def caption_file(figure: str) -> str:
    """The caption file of a figure (``centroids``, ``agreement``...), for `report()`."""
    path = CAPTIONS / f"{figure}.rst"
    if not path.is_file():
        known = ", ".join(sorted(p.stem for p in CAPTIONS.glob("*.rst")))
        raise KeyError(f"no caption for figure {figure!r}; captions exist for {known}")
    return str(path)


def caption_html(figure: str, run: str | None = None) -> str:
    """The caption as HTML for the page: the run named (or "this run"), ``literals`` as code."""
    text = " ".join(Path(caption_file(figure)).read_text(encoding="utf-8").split())
    text = text.replace(RUN_NAME, run if run is not None else "this run")
    escaped = html.escape(text)
    return LITERAL.sub(lambda match: f"<code>{match.group(1)}</code>", escaped)
