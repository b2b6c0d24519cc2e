"""Word lists matched in one Aho-Corasick pass, with the results of the equivalent regex.

A list of titles or organisation names as one case-insensitive regex alternation,
``(?<![\\w])(?:longest|…|short)(?![\\w])``, makes ``re`` try every name at every position; on
Vietnamese sentences that was a visible share of extraction. pyahocorasick finds every
occurrence in one pass but knows nothing of the regex's rules, so they are kept here: word
boundaries, the longest name at each start, left to right without overlap. Tests check on
generated text that both give the same spans; text the fast path cannot mirror exactly (a
character whose lower case is longer, or one ``re`` folds specially, such as "ı" or "ſ") goes to
the regex itself.
"""

from __future__ import annotations

import functools
import importlib
import re
from collections.abc import Iterable, Iterator

import ahocorasick

_EXTRA_CASES = importlib.import_module("re._casefix")._EXTRA_CASES  # beyond str.lower
_ODD_CASES = "".join(
    sorted(
        {chr(code) for code in _EXTRA_CASES} | {chr(c) for v in _EXTRA_CASES.values() for c in v}
    )
)
_ODD = re.compile("[" + re.escape("".join(c for c in _ODD_CASES if ord(c) > 127)) + "]")


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


class WordAlternation:
    """``pattern.finditer(text)`` spans for ``pattern = (?<![\\w])(?:w1|w2|…)(?![\\w])`` with
    the words longest first, case-insensitive."""

    def __init__(self, words: Iterable[str]) -> None:
        ordered = sorted(set(words), key=len, reverse=True)
        self.pattern = re.compile(
            r"(?<![\w])(?:" + "|".join(re.escape(w) for w in ordered) + r")(?![\w])",
            re.IGNORECASE,
        )
        self._automaton = ahocorasick.Automaton()
        for word in {w.lower() for w in ordered}:
            self._automaton.add_word(word, len(word))
        self._automaton.make_automaton()

    def exact_for(self, text: str) -> str | None:
        """``text`` lower-cased when the automaton gives the regex's answer on it, else None."""
        return _exact_lower(text)

    def found_in(self, text: str) -> bool:
        """``bool(pattern.search(text))``: stops at the first word with its boundaries."""
        lowered = self.exact_for(text)
        if lowered is None:
            return bool(self.pattern.search(text))
        return self.found_in_lowered(lowered)

    def found_in_lowered(self, lowered: str) -> bool:
        """``found_in(text)`` from what ``exact_for(text)`` returned for it (or a slice of what
        it returned for a whole document: see ``lowered_slices``)."""
        return next(self._words_in(lowered), None) is not None

    def longest_at(self, lowered: str) -> dict[int, int]:
        """Start → end of the longest word at each start, with word boundaries on both sides."""
        longest: dict[int, int] = {}
        for start, end in self._words_in(lowered):
            if longest.get(start, -1) < end:
                longest[start] = end
        return longest

    def _words_in(self, lowered: str) -> Iterator[tuple[int, int]]:
        """Every occurrence of a word that has a word boundary on both sides."""
        for last, length in self._automaton.iter(lowered):
            start, end = last - length + 1, last + 1
            if start > 0 and _is_word(lowered[start - 1]):
                continue
            if end < len(lowered) and _is_word(lowered[end]):
                continue
            yield start, end

    def spans(self, text: str) -> list[tuple[int, int]]:
        lowered = self.exact_for(text)
        if lowered is None:
            return [m.span() for m in self.pattern.finditer(text)]
        return leftmost(self.longest_at(lowered))


def _exact_lower(text: str) -> str | None:
    """``text`` lower-cased, or None when a character's lower case is longer or ``re`` folds it
    specially (the automaton would then not give the regex's answer)."""
    lowered = text.lower()
    if len(lowered) != len(text) or (not text.isascii() and _ODD.search(text)):
        return None
    return lowered


def lowered_slices(text: str) -> str | None:
    """``text`` lower-cased once for all its pieces: a slice of it is ``exact_for`` of the same
    slice of ``text``. None when that does not hold: what ``exact_for`` refuses, or a capital
    sigma (its lower case depends on the letters around it)."""
    return None if "Σ" in text else _exact_lower(text)


def leftmost(candidates: dict[int, int]) -> list[tuple[int, int]]:
    """Non-overlapping spans, left to right, as ``finditer`` takes them."""
    spans: list[tuple[int, int]] = []
    position = 0
    for start in sorted(candidates):
        if start >= position:
            spans.append((start, candidates[start]))
            position = candidates[start]
    return spans


class StartsAt:
    """``pattern.finditer(text)`` for a pattern every match of which begins with one of
    ``starts`` (as written, case-sensitive; tests check it per pattern): the pattern is tried
    only where one of them is written, found in one Aho-Corasick pass, instead of at every
    position whose first letter could open one of its branches."""

    def __init__(self, pattern: re.Pattern[str], starts: Iterable[str]) -> None:
        self.pattern = pattern
        self.starts = tuple(starts)

    @functools.cached_property
    def _automaton(self) -> ahocorasick.Automaton:
        automaton = ahocorasick.Automaton()
        for word in self.starts:
            automaton.add_word(word, len(word))
        automaton.make_automaton()
        return automaton

    def search(self, text: str) -> re.Match[str] | None:
        """``pattern.search(text)``."""
        return next(self.finditer(text), None)

    def finditer(self, text: str, pos: int = 0) -> Iterator[re.Match[str]]:
        """``pattern.finditer(text, pos)``."""
        starts = sorted({last - length + 1 for last, length in self._automaton.iter(text, pos)})
        position = pos
        for start in starts:
            if start < position:
                continue
            match = self.pattern.match(text, start)
            if match:
                yield match
                position = match.end()
