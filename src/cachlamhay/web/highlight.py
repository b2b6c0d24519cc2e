"""Text with highlighted spans as safe HTML, overlaps included.

Spans may overlap or nest (a visit and the person leading it). The text is cut at every span
boundary into non-overlapping segments; each covered segment becomes one ``<mark>`` naming every
span that covers it, so the HTML is always well formed. Every text piece goes through
``markupsafe.escape``; links are kept only when they are site-relative ("/province/...").
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape


@dataclass(frozen=True, slots=True)
class Highlight:
    start: int
    end: int
    fact_id: int | None = None
    title: str = ""
    link: str | None = None
    kind: str = ""


def safe_link(link: object) -> str | None:
    """``link`` when it is a path on this site, else None (no scheme, no //host)."""
    if not isinstance(link, str) or not link.startswith("/") or link.startswith("//"):
        return None
    if "\\" in link or any(ch.isspace() for ch in link):
        return None
    return link


def _clip(spans: Iterable[Highlight], length: int) -> list[Highlight]:
    clipped = []
    for span in spans:
        start, end = max(0, span.start), min(length, span.end)
        if start < end:
            clipped.append(Highlight(start, end, span.fact_id, span.title, span.link, span.kind))
    return clipped


def _mark(piece: str, covering: Sequence[Highlight], anchors: str) -> str:
    inner = min(covering, key=lambda s: (s.end - s.start, s.start))
    ids = " ".join(str(s.fact_id) for s in covering if s.fact_id is not None)
    titles = " | ".join(dict.fromkeys(s.title for s in covering if s.title))
    kinds = " ".join(dict.fromkeys(f"fact-{s.kind}" for s in covering if s.kind))
    klass = kinds + (" overlap" if len(covering) > 1 else "")
    attrs = f' class="{escape(klass.strip())}"' if klass.strip() else ""
    if inner.fact_id is not None:
        attrs += f' data-fact-id="{inner.fact_id}" data-fact-ids="{ids}"'
    if titles:
        attrs += f' title="{escape(titles)}"'
    html = f"<mark{attrs}>{escape(piece)}</mark>"
    link = next((safe_link(s.link) for s in [inner, *covering] if safe_link(s.link)), None)
    if link:
        html = f'<a class="fact-link" href="{escape(link)}">{html}</a>'
    return anchors + html


def _anchors(spans: Sequence[Highlight], at: int, seen: set[int]) -> str:
    """Empty anchors (``id="fact-N"``) for the spans starting at ``at``, once per fact."""
    out = []
    for span in spans:
        if span.start == at and span.fact_id is not None and span.fact_id not in seen:
            seen.add(span.fact_id)
            out.append(f'<span class="anchor" id="fact-{span.fact_id}"></span>')
    return "".join(out)


def highlight(text: str, spans: Iterable[Highlight]) -> Markup:
    """``text`` as HTML with each span in ``<mark>``; out-of-range spans are clipped."""
    clipped = _clip(spans, len(text))
    cuts = sorted({0, len(text)} | {s.start for s in clipped} | {s.end for s in clipped})
    seen: set[int] = set()
    out = []
    for start, end in itertools.pairwise(cuts):
        piece = text[start:end]
        covering = [s for s in clipped if s.start <= start and s.end >= end]
        if covering:
            out.append(_mark(piece, covering, _anchors(clipped, start, seen)))
        else:
            out.append(str(escape(piece)))
    return Markup("".join(out))


def article_html(text: str, facts: Iterable[dict[str, object]]) -> Markup:
    """The article text with every fact of ``article()["facts"]`` highlighted."""
    spans = []
    for fact in facts:
        start, end, fact_id = fact.get("start"), fact.get("end"), fact.get("fact_id")
        if not isinstance(start, int) or not isinstance(end, int):
            continue
        spans.append(
            Highlight(
                start,
                end,
                fact_id if isinstance(fact_id, int) else None,
                str(fact.get("summary") or ""),
                safe_link(fact.get("link")),
                str(fact.get("type") or ""),
            )
        )
    return highlight(text, spans)


def snippet_html(snippet: dict[str, object]) -> Markup:
    """A search snippet (``{"text", "highlights": [[start, end], ...]}``) as HTML."""
    text = snippet.get("text")
    if not isinstance(text, str):
        return Markup("")
    pairs = snippet.get("highlights")
    spans = [
        Highlight(pair[0], pair[1])
        for pair in (pairs if isinstance(pairs, list) else [])
        if isinstance(pair, list | tuple)
        and len(pair) == 2
        and all(isinstance(v, int) for v in pair)
    ]
    return highlight(text, spans)
