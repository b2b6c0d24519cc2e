"""Extraction: cleaned text in, SPEC facts out. Pure: no database, no HTTP, no shared state.

``extract_document`` runs every extractor over one document and returns the SPEC JSON object
(``doc``, ``visits``, ``people``, ``indicators``, ``transfers``, ``practices``). Every fact
carries ``evidence`` spans into the cleaned text and the name of the extractor that made it, so
a result can be traced and re-run. The same function runs in a process pool or on Spark.
"""

from __future__ import annotations

from typing import Any

from cachlamhay.document import CleanDocument
from cachlamhay.extract import dates, indicators, people, practices, transfers, visits
from cachlamhay.extract.context import DocContext, build_context
from cachlamhay.extract.text import Mention
from cachlamhay.spans import trimmed_span

EXTRACTORS = {
    "visits": visits.VERSION,
    "people": people.VERSION,
    "indicators": indicators.VERSION,
    "transfers": transfers.VERSION,
    "practices": practices.VERSION,
}


def extract_document(doc: CleanDocument) -> dict[str, Any]:
    """The SPEC JSON object of one document."""
    return analyse(doc)[0]


def analyse(doc: CleanDocument) -> tuple[dict[str, Any], list[Mention]]:
    """The SPEC JSON object and the place/body mentions it was built from (for the store)."""
    ctx = build_context(
        doc.id,
        doc.text,
        title=doc.title,
        published=doc.published,
        source=doc.source,
        captions=doc.captions,
    )
    year = dates.ArticleYear(doc.text, doc.published)
    first_dates = dates.SentenceDates([s.text for s in ctx.sentences], ctx.published, year)
    found_people = people.extract_people(ctx)
    found_visits = visits.extract_visits(ctx, found_people, first_dates)
    pairs = [(v.visitor, v.host) for v in found_visits]
    found_transfers = transfers.extract_transfers(ctx, found_people, pairs)
    found_practices = practices.extract_practices(ctx, found_people)
    found_indicators = indicators.extract_indicators(ctx, year)
    return {
        "doc": doc.metadata() | {"extractors": EXTRACTORS},
        "visits": [_visit(ctx, v) for v in found_visits],
        "people": [_person(ctx, p) for p in found_people],
        "indicators": [_indicator(ctx, i) for i in found_indicators],
        "transfers": [_transfer(ctx, t) for t in found_transfers],
        "practices": [_practice(ctx, p) for p in found_practices],
    }, ctx.mentions


def _evidence(ctx: DocContext, start: int, end: int) -> list[dict[str, int]]:
    return [trimmed_span(ctx.text, start, end).as_dict()]


def _sentence_evidence(ctx: DocContext, index: int) -> list[dict[str, int]]:
    sentence = ctx.sentences[index]
    return _evidence(ctx, sentence.start, sentence.end)


def _actor(actor: tuple[str, str]) -> dict[str, str]:
    return {"kind": actor[0], "name": actor[1]}


def _visit(ctx: DocContext, visit: visits.Visit) -> dict[str, Any]:
    return {
        "date": visit.date,
        "visitor": _actor(visit.visitor),
        "host": _actor(visit.host),
        "leader": {"name": visit.leader[0], "title": visit.leader[1]} if visit.leader else None,
        "received_by": [{"name": n, "title": t} for n, t in visit.received_by],
        "purpose": visit.purpose,
        "topics": visit.topics,
        "places": visit.places,
        "evidence": [e for i in visit.sentence_indexes for e in _sentence_evidence(ctx, i)],
        "extractor": visits.VERSION,
    }


def _person(ctx: DocContext, person: people.Person) -> dict[str, Any]:
    return {
        "name": person.name,
        "titles": person.titles,
        "province": person.province,
        "evidence": [
            e
            for m in person.mentions
            if m.sentence is not None
            for e in _evidence(ctx, m.sentence.start, m.sentence.end)
        ],
        "extractor": people.VERSION,
    }


def _indicator(ctx: DocContext, item: indicators.Indicator) -> dict[str, Any]:
    fact: dict[str, Any] = {
        "province": item.province,
        "indicator": item.indicator,
        "value": item.value,
        "unit": item.unit,
        "period": item.period,
        "qualifier": item.qualifier,
    }
    if item.of is not None:
        fact["of"] = item.of
    if item.scope:
        fact["scope"] = item.scope
    fact["evidence"] = _evidence(ctx, item.start, item.end)
    fact["extractor"] = indicators.VERSION
    return fact


def _transfer(ctx: DocContext, item: transfers.Transfer) -> dict[str, Any]:
    return {
        "from": _actor(item.source),
        "to": _actor(item.target),
        "amount": item.amount,
        "currency": item.currency,
        "purpose": item.purpose,
        "evidence": _sentence_evidence(ctx, item.sentence_index),
        "extractor": transfers.VERSION,
    }


def _practice(ctx: DocContext, item: practices.Practice) -> dict[str, Any]:
    fact: dict[str, Any] = {"province": item.province, "topic": item.topic}
    if item.praised_by:
        fact["praised_by"] = item.praised_by
    fact["evidence"] = _sentence_evidence(ctx, item.sentence_index)
    fact["extractor"] = practices.VERSION
    return fact
