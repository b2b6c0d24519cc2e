"""What every extractor of one document shares: sentences, place mentions, the home province.

Built once per document from the cleaned text alone, so it is as pure as the extractors.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from cachlamhay.extract.automata import lowered_slices
from cachlamhay.extract.gazetteer import is_city
from cachlamhay.extract.text import Mention, Sentence, mentions, sentences
from cachlamhay.spans import Span
from cachlamhay.vntext import fold


@dataclass(slots=True)
class DocContext:
    doc_id: str
    text: str
    title: str | None
    published: str | None
    source: str | None
    sentences: list[Sentence]
    mentions: list[Mention]
    home: str | None  # the province the article is mostly about
    by_sentence: dict[int, list[Mention]] = field(default_factory=dict)
    folded: str = ""  # fold(text), once: folding is one character for one character
    lowered: str | None = None  # lowered_slices(text), once (None: no exact lower case)

    def folded_sentence(self, index: int) -> str:
        """``fold(sentences[index].text)``, sliced from the folded document."""
        sentence = self.sentences[index]
        return self.folded[sentence.start : sentence.end]

    def sentence_mentions(self, index: int) -> list[Mention]:
        return self.by_sentence.get(index, [])

    def provinces_in(self, index: int) -> list[Mention]:
        return [m for m in self.sentence_mentions(index) if m.kind == "province"]

    def focus_before(self, index: int, offset: int) -> str | None:
        """The province the text is talking about at ``offset``: the last one named before it in
        this sentence, else in this paragraph, else the home province."""
        sentence = self.sentences[index]
        before = [m for m in self.provinces_in(index) if m.end <= offset]
        if before:
            return before[-1].name
        for k in range(index - 1, -1, -1):
            if self.sentences[k].paragraph != sentence.paragraph:
                break
            if self.sentences[k].caption:
                continue
            provinces = self.provinces_in(k)
            if provinces:
                return provinces[-1].name
        return self.home

    def focus_of_kind(self, index: int, offset: int, city: bool) -> str | None:
        """``focus_before`` restricted to centrally-run cities (``city``) or to provinces: an
        unnamed "Thành ủy" is a city's, an unnamed "Tỉnh ủy" a province's. None when no unit of
        that kind is in focus (the sentence, its paragraph, the home province)."""
        sentence = self.sentences[index]
        candidates = [m.name for m in reversed(self.provinces_in(index)) if m.end <= offset]
        for k in range(index - 1, -1, -1):
            if self.sentences[k].paragraph != sentence.paragraph:
                break
            if not self.sentences[k].caption:
                candidates += [m.name for m in reversed(self.provinces_in(k))]
        if self.home:
            candidates.append(self.home)
        return next((name for name in candidates if is_city(name) == city), None)

    def paragraph_focus(self, index: int, offset: int) -> str | None:
        """Like ``focus_before`` but looking back across paragraphs too (figures in reports)."""
        before = [m for m in self.provinces_in(index) if m.end <= offset]
        if before:
            return before[-1].name
        for k in range(index - 1, -1, -1):
            if self.sentences[k].caption:
                continue
            provinces = [m for m in self.provinces_in(k) if m.cue != "bạn"]
            if provinces:
                return provinces[-1].name
        return self.home


def build_context(
    doc_id: str,
    text: str,
    *,
    title: str | None = None,
    published: str | None = None,
    source: str | None = None,
    captions: list[Span] | None = None,
) -> DocContext:
    found_sentences = sentences(text, captions)
    lowered = lowered_slices(text)
    found_mentions = mentions(text, lowered)
    by_sentence: dict[int, list[Mention]] = {}
    k = 0
    for index, sentence in enumerate(found_sentences):
        while k < len(found_mentions) and found_mentions[k].start < sentence.start:
            k += 1
        j = k
        while j < len(found_mentions) and found_mentions[j].end <= sentence.end:
            by_sentence.setdefault(index, []).append(found_mentions[j])
            j += 1
    counts = Counter(m.name for m in found_mentions if m.kind == "province")
    home = _home_province(counts, found_mentions, source)
    return DocContext(
        doc_id,
        text,
        title,
        published,
        source,
        found_sentences,
        found_mentions,
        home,
        by_sentence,
        fold(text),
        lowered,
    )


def _home_province(counts: Counter[str], found: list[Mention], source: str | None) -> str | None:
    if not counts:
        return None
    best = max(counts.values())
    leaders = [name for name, n in counts.items() if n == best]
    if len(leaders) == 1:
        return leaders[0]
    first = {m.name: m.start for m in reversed(found) if m.kind == "province"}
    return min(leaders, key=lambda name: first[name])
