"""Extraction: cleaned text in, SPEC facts out. Pure: no database, no HTTP, no shared state.

``extract_document`` runs every extractor over one document and returns the SPEC JSON object
(``doc``, ``visits``, ``people``, ``indicators``, ``transfers``, ``practices``). Every fact
carries ``evidence`` spans into the cleaned text and the name of the extractor that made it, so
a result can be traced and re-run. The same function runs in a process pool or on Spark.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from cachlamhay.document import CleanDocument
from cachlamhay.extract import dates, indicators, model, people, practices, transfers, visits
from cachlamhay.extract.context import DocContext, build_context
from cachlamhay.extract.text import Mention
from cachlamhay.spans import trimmed_span


@functools.cache
def extractor_names() -> dict[str, str]:
    """Each fact kind's extractor, with the digest of its model where one decides."""
    return {
        "visits": model.versioned("visits", visits.VERSION),
        "people": people.VERSION,
        "indicators": model.versioned("indicators", indicators.VERSION),
        "transfers": model.versioned("transfers", transfers.VERSION),
        "practices": model.versioned("practices", practices.VERSION),
    }


def extract_document(doc: CleanDocument) -> dict[str, Any]:
    """The SPEC JSON object of one document."""
    return analyse(doc)[0]


def analyse(doc: CleanDocument) -> tuple[dict[str, Any], list[Mention]]:
    """The SPEC JSON object and the place/body mentions it was built from (for the store)."""
    run = _run(doc)
    ctx, decided = run.ctx, run.candidates
    found_people = run.people
    named_people = people.one_per_spelling(found_people + people.untitled_people(ctx, found_people))
    found_visits = visits.finish_visits(ctx, found_people, decided["visits"])
    found_transfers = transfers.finish_transfers(decided["transfers"])
    found_practices = practices.finish_practices(decided["practices"])
    found_indicators = [c.payload for c in decided["indicators"] if c.kept]
    names = extractor_names()
    return {
        "doc": doc.metadata() | {"extractors": names},
        "visits": [_visit(ctx, v) for v in found_visits],
        "people": [_person(ctx, p) for p in named_people],
        "indicators": [_indicator(ctx, i) for i in found_indicators],
        "transfers": [_transfer(ctx, t) for t in found_transfers],
        "practices": [_practice(ctx, p) for p in found_practices],
    }, ctx.mentions


def candidates(doc: CleanDocument) -> dict[str, list[model.Candidate]]:
    """Every candidate fact of a document, kept or dropped, with its score: what ``cachlamhay
    train`` learns from and what ``eval --errors`` explains losses with."""
    return _run(doc, every_candidate=True).candidates


@dataclass(slots=True)
class _Run:
    ctx: DocContext
    people: list[people.Person]
    candidates: dict[str, list[model.Candidate]]


def _rules_only(kind: str, every_candidate: bool) -> bool:
    """Whether a kind needs only its rule's candidates: no model decides it, and nobody asked
    for the others (a third of extraction time goes to candidates no model would read)."""
    return not every_candidate and model.load(kind) is None


def _run(doc: CleanDocument, every_candidate: bool = False) -> _Run:
    ctx = build_context(
        doc.id,
        doc.text,
        title=doc.title,
        published=doc.published,
        source=doc.source,
        captions=doc.captions,
    )
    year = dates.ArticleYear(doc.text, doc.published)
    # a visit's date takes a year only the text makes clear; figures' periods use the best guess
    visit_year = dates.ArticleYear(doc.text, doc.published, confident=True)
    first_dates = dates.SentenceDates([s.text for s in ctx.sentences], ctx.published, visit_year)
    found_people = people.extract_people(ctx)
    found_visits = visits.visit_candidates(
        ctx, found_people, first_dates, rules_only=_rules_only("visits", every_candidate)
    )
    decided_visits = model.decide("visits", found_visits)
    pairs = [(c.payload.visitor, c.payload.host) for c in decided_visits if c.kept]
    found_transfers = transfers.transfer_candidates(
        ctx, found_people, pairs, rules_only=_rules_only("transfers", every_candidate)
    )
    found_practices = practices.practice_candidates(
        ctx, found_people, rules_only=_rules_only("practices", every_candidate)
    )
    found_indicators = indicators.indicator_candidates(
        ctx, year, rules_only=_rules_only("indicators", every_candidate)
    )
    return _Run(
        ctx,
        found_people,
        {
            "visits": decided_visits,
            "transfers": model.decide("transfers", found_transfers),
            "practices": model.decide("practices", found_practices),
            "indicators": model.decide("indicators", found_indicators),
        },
    )


def _evidence(ctx: DocContext, start: int, end: int) -> list[dict[str, int]]:
    return [trimmed_span(ctx.text, start, end).as_dict()]


def _sentence_evidence(ctx: DocContext, index: int) -> list[dict[str, int]]:
    sentence = ctx.sentences[index]
    return _evidence(ctx, sentence.start, sentence.end)


def _visit(ctx: DocContext, visit: visits.Visit) -> dict[str, Any]:
    return {
        "date": visit.date,
        "visitor": people.actor_dict(visit.visitor),
        "host": people.actor_dict(visit.host),
        "leader": {"name": visit.leader[0], "title": visit.leader[1]} if visit.leader else None,
        "received_by": [{"name": n, "title": t} for n, t in visit.received_by],
        "purpose": visit.purpose,
        "topics": visit.topics,
        "places": visit.places,
        "evidence": [e for i in visit.sentence_indexes for e in _sentence_evidence(ctx, i)],
        "extractor": extractor_names()["visits"],
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
        "extractor": extractor_names()["people"],
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
    fact["extractor"] = extractor_names()["indicators"]
    return fact


def _transfer(ctx: DocContext, item: transfers.Transfer) -> dict[str, Any]:
    return {
        "from": people.actor_dict(item.source),
        "to": people.actor_dict(item.target),
        "amount": item.amount,
        "currency": item.currency,
        "purpose": item.purpose,
        "evidence": _sentence_evidence(ctx, item.sentence_index),
        "extractor": extractor_names()["transfers"],
    }


def _practice(ctx: DocContext, item: practices.Practice) -> dict[str, Any]:
    fact: dict[str, Any] = {"province": item.province, "topic": item.topic}
    if item.praised_by:
        fact["praised_by"] = item.praised_by
    fact["evidence"] = _sentence_evidence(ctx, item.sentence_index)
    fact["extractor"] = extractor_names()["practices"]
    return fact
