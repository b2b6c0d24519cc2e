"""Spans: the one place that builds ``(start, end)`` views into a cleaned text and checks them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int

    def text_of(self, text: str) -> str:
        return text[self.start : self.end]

    def as_dict(self) -> dict[str, int]:
        return {"start": self.start, "end": self.end}


def make_span(text: str, start: int, end: int, *, expect: str | None = None) -> Span:
    """Build a span over ``text``, refusing one that falls outside it or is empty.

    With ``expect``, the span must cover exactly that string: a cheap guard against offsets
    computed on some other version of the text.
    """
    if not 0 <= start < end <= len(text):
        raise ValueError(f"span ({start}, {end}) outside text of length {len(text)}")
    if expect is not None and text[start:end] != expect:
        raise ValueError(f"span ({start}, {end}) covers {text[start:end]!r}, not {expect!r}")
    return Span(start, end)


def trimmed_span(text: str, start: int, end: int) -> Span:
    """A span over ``text[start:end]`` without its surrounding white space."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return make_span(text, start, end)
