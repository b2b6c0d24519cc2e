"""Score extracted facts against gold annotations (SPEC "Quality bar").

Pure functions over plain JSON-like dicts: no database, no CLI. ``load_gold`` reads a directory
of ``<doc id>.json`` gold files; ``score`` compares predictions (same format, plus ``evidence``
fields, which are ignored) with the gold and returns an ``EvalReport``.

Matching is one-to-one within each document and each fact type:

- visits on (visitor, host), each actor by kind and name;
- people on name;
- indicators on (province, indicator or one of the gold's ``alt`` ids, value within 0.5%
  relative, exactly for 0); a prediction with a ``scope`` only matches a gold fact with a scope,
  one without only matches one without;
- transfers on (from, to, amount within 0.5%);
- practices on (province, topic).

Names (actors, people, provinces, titles, places) are compared after NFC, one tone-mark style
("Tỉnh uỷ" = "Tỉnh ủy"), case folding, collapsed white space and one spelling of a spaced
hyphen ("Bà Rịa - Vũng Tàu" = "Bà Rịa-Vũng Tàu"). Diacritics are *not* folded away: "Tâm" and
"Tám" are different people.

Required gold facts are matched first, then the remaining predictions may match optional gold
facts (``"optional": true``), which count neither as TP nor FP; what is left over is FP, and
unmatched required gold facts are FN. Within each phase the pairs are taken greedily from the
most similar (attributes agreeing, closest value) and the matching is then completed with
augmenting paths, so a prediction that could serve two gold facts never costs a match that a
one-to-one assignment could make.

Attribute accuracies are computed over matched required pairs (TP) only.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from cachlamhay.errors import InputError, UsageError
from cachlamhay.vntext import normalize_unicode

Fact = dict[str, Any]

TYPES: tuple[str, ...] = ("visits", "people", "indicators", "transfers", "practices")
"""The fact types scored, in report order."""

VALUE_TOLERANCE = 0.005
"""Relative tolerance for indicator values and transfer amounts (0.5%)."""

TOPICS_F1 = "visits.topics_f1"
"""Name of the micro P/R/F1 over topic ids of matched visits (in ``as_dict`` and floors)."""

ATTRIBUTES: tuple[str, ...] = (
    "visits.date",
    "visits.purpose",
    "visits.leader",
    "visits.received_by",
    "visits.topics",
    "visits.places",
    "people.titles",
    "people.province",
    "indicators.unit",
    "indicators.period",
    "indicators.qualifier",
    "indicators.of",
    "transfers.currency",
    "transfers.purpose",
    "practices.praised_by",
)
"""Attributes whose accuracy is reported, always all of them (``(0, 0)`` when none scored)."""


# --------------------------------------------------------------------------------------------
# Scores and report


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


@dataclass
class FieldScore:
    """True positives, false positives and false negatives of one fact type (or a sum)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """tp / (tp + fp); 1.0 when nothing was predicted and nothing was to be found."""
        if self.tp + self.fp:
            return self.tp / (self.tp + self.fp)
        return 1.0 if self.fn == 0 else 0.0

    @property
    def recall(self) -> float:
        """tp / (tp + fn); 1.0 when nothing was to be found and nothing was predicted."""
        if self.tp + self.fn:
            return self.tp / (self.tp + self.fn)
        return 1.0 if self.fp == 0 else 0.0

    @property
    def f1(self) -> float:
        """2tp / (2tp + fp + fn), the harmonic mean of P and R; 1.0 when all three are 0."""
        den = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / den if den else 1.0

    def __add__(self, other: FieldScore) -> FieldScore:
        return FieldScore(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def as_dict(self) -> dict[str, float | int]:
        return {
            "p": self.precision,
            "r": self.recall,
            "f1": self.f1,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass(frozen=True)
class FactError:
    """One unmatched fact: a prediction with no gold fact (fp) or a missed gold fact (fn)."""

    doc_id: str
    type: str
    kind: Literal["fp", "fn"]
    fact: str
    data: Any = field(default=None, compare=False, repr=False)  # the fact itself

    def __str__(self) -> str:
        return f"{self.doc_id} {self.type} {self.kind}: {self.fact}"


@dataclass(frozen=True)
class AttributeMismatch:
    """A matched pair whose attribute differs (gold and predicted values as short JSON)."""

    doc_id: str
    attribute: str
    fact: str
    gold: str
    predicted: str

    def __str__(self) -> str:
        return (
            f"{self.doc_id} {self.attribute} [{self.fact}]: "
            f"gold {self.gold}, predicted {self.predicted}"
        )


@dataclass
class EvalReport:
    """Per-type scores, attribute accuracies and per-document errors of one evaluation."""

    documents: int = 0
    fields: dict[str, FieldScore] = field(default_factory=lambda: {t: FieldScore() for t in TYPES})
    attributes: dict[str, tuple[int, int]] = field(
        default_factory=lambda: dict.fromkeys(ATTRIBUTES, (0, 0))
    )
    topics: FieldScore = field(default_factory=FieldScore)
    """Micro P/R/F1 over topic ids across matched visits (``visits.topics_f1``)."""
    errors: list[FactError] = field(default_factory=list)
    mismatches: list[AttributeMismatch] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    """Gold documents that had no prediction at all."""

    @property
    def micro(self) -> FieldScore:
        """The sum of tp/fp/fn over all fact types."""
        total = FieldScore()
        for t in TYPES:
            total = total + self.fields[t]
        return total

    def f1_scores(self) -> dict[str, float]:
        """Every F1 a floor can be set on: each type, ``micro`` and ``visits.topics_f1``."""
        scores = {t: self.fields[t].f1 for t in TYPES}
        scores["micro"] = self.micro.f1
        scores[TOPICS_F1] = self.topics.f1
        return scores

    def as_dict(self, *, with_errors: bool = False) -> dict[str, Any]:
        """JSON-ready summary; ``with_errors`` adds the fp/fn list and attribute mismatches."""
        out: dict[str, Any] = {"documents": self.documents, "missing": len(self.missing)}
        for t in TYPES:
            out[t] = self.fields[t].as_dict()
        out["micro"] = self.micro.as_dict()
        out["attributes"] = {
            name: {"correct": ok, "total": total, "accuracy": _ratio(ok, total)}
            for name, (ok, total) in self.attributes.items()
        }
        out[TOPICS_F1] = self.topics.as_dict()
        if with_errors:
            out["missing_documents"] = list(self.missing)
            out["errors"] = [
                {"doc": e.doc_id, "type": e.type, "kind": e.kind, "fact": e.fact}
                for e in self.errors
            ]
            out["mismatches"] = [
                {
                    "doc": m.doc_id,
                    "attribute": m.attribute,
                    "fact": m.fact,
                    "gold": m.gold,
                    "predicted": m.predicted,
                }
                for m in self.mismatches
            ]
        return out

    def render(self) -> str:
        """A plain-text table of the scores followed by the attribute accuracies."""
        lines = [f"{'type':<12} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"]
        rows = [(t, self.fields[t]) for t in TYPES]
        rows.append(("micro", self.micro))
        for name, s in rows:
            lines.append(
                f"{name:<12} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f}"
                f" {s.tp:5d} {s.fp:5d} {s.fn:5d}"
            )
        missing = f" ({len(self.missing)} without prediction)" if self.missing else ""
        lines.append(f"documents: {self.documents}{missing}")
        lines.append("attributes (over matched facts):")
        width = max(len(name) for name in self.attributes) if self.attributes else 0
        for name, (ok, total) in self.attributes.items():
            acc = f"({ok / total:.3f})" if total else "(n/a)"
            lines.append(f"  {name:<{width}} {ok:>5}/{total:<5} {acc}")
        t = self.topics
        lines.append(
            f"  {TOPICS_F1:<{width}} P {t.precision:.3f} R {t.recall:.3f} F1 {t.f1:.3f}"
            f" (tp {t.tp}, fp {t.fp}, fn {t.fn})"
        )
        return "\n".join(lines)


def floor_failures(report: EvalReport, floors: Mapping[str, float]) -> list[str]:
    """One line for every F1 below its floor; keys: a type, ``micro`` or ``visits.topics_f1``.

    An unknown key raises ``UsageError`` (a misspelt floor must not pass silently).
    """
    scores = report.f1_scores()
    unknown = sorted(set(floors) - set(scores))
    if unknown:
        known = ", ".join(scores)
        raise UsageError(f"unknown F1 floor {', '.join(unknown)} (known: {known})")
    failures = []
    for name, floor in floors.items():
        value = scores[name]
        if value < floor:
            failures.append(f"{name} F1 {value:.3f} is below the floor {floor:.3f}")
    return failures


# --------------------------------------------------------------------------------------------
# Normalisation

_DASH = re.compile(r"\s*[-‐‑–—]\s*")


def norm_name(value: object) -> str | None:
    """Comparison key of a name or title: NFC, one tone style, case-folded, single spaces."""
    if value is None:
        return None
    text = normalize_unicode(value if isinstance(value, str) else str(value)).casefold()
    text = unicodedata.normalize("NFC", " ".join(text.split()))
    text = _DASH.sub("-", text)
    return text or None


def _norm_id(value: object) -> str | None:
    """Comparison key of an enumerated id (topic, purpose, qualifier, currency...)."""
    if value is None:
        return None
    text = (value if isinstance(value, str) else str(value)).strip().casefold()
    return text or None


def _norm_str(value: object) -> str | None:
    """Exact comparison (dates, periods), only surrounding white space ignored."""
    if value is None:
        return None
    text = (value if isinstance(value, str) else str(value)).strip()
    return text or None


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def _rel_diff(gold: float, pred: float) -> float:
    if gold == 0:
        return 0.0 if pred == 0 else math.inf
    return abs(pred - gold) / abs(gold)


def values_close(gold: object, pred: object) -> bool:
    """Within 0.5% relative of the gold value (exactly equal when the gold is 0)."""
    g, p = _number(gold), _number(pred)
    if g is None or p is None:
        return False
    return _rel_diff(g, p) <= VALUE_TOLERANCE * (1 + 1e-9)


def _get(fact: object, key: str) -> Any:
    return fact.get(key) if isinstance(fact, dict) else None


def _actor(value: object) -> tuple[str | None, str | None] | None:
    if isinstance(value, dict):
        key = (_norm_id(value.get("kind")), norm_name(value.get("name")))
    elif isinstance(value, str):
        key = (None, norm_name(value))
    else:
        return None
    return key if key[1] is not None else None


def _same_actor(gold: object, pred: object) -> bool:
    g = _actor(gold)
    return g is not None and g == _actor(pred)


def _as_list(values: object) -> list[Any]:
    """A list as is, a lone value as a one-item list, nothing as empty."""
    if values is None:
        return []
    return values if isinstance(values, list) else [values]


def _name_set(values: object) -> frozenset[str]:
    values = _as_list(values)
    names = (norm_name(v.get("name") if isinstance(v, dict) else v) for v in values)
    return frozenset(n for n in names if n is not None)


def _id_set(values: object) -> frozenset[str]:
    return frozenset(i for i in (_norm_id(v) for v in _as_list(values)) if i is not None)


def _short(value: object, limit: int = 80) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --------------------------------------------------------------------------------------------
# Fact types: how to match, compare and describe each


@dataclass(frozen=True)
class _Attr:
    """One attribute: its report name, gold key, comparison key, and what a missing gold key means.

    ``absent_is_none``: the gold omits the key when the value is none (``praised_by``, ``of``);
    otherwise a gold fact without the key is not annotated for it and the attribute is skipped.
    """

    name: str
    key: str
    norm: Callable[[object], object]
    absent_is_none: bool = False

    def compare(self, gold: Fact, pred: object) -> bool | None:
        if self.key not in gold and not self.absent_is_none:
            return None
        return bool(self.norm(gold.get(self.key)) == self.norm(_get(pred, self.key)))


def _leader_name(value: object) -> str | None:
    return norm_name(value.get("name") if isinstance(value, dict) else value)


def _number_or_none(value: object) -> object:
    number = _number(value)
    return None if number is None else round(number, 9)


@dataclass(frozen=True)
class _Type:
    name: str
    matches: Callable[[Fact, object], bool]
    describe: Callable[[object], str]
    attrs: tuple[_Attr, ...]
    closeness: Callable[[Fact, object], float] = lambda gold, pred: 0.0

    def affinity(self, gold: Fact, pred: object) -> float:
        """Higher is more similar: attributes agreeing, plus a type-specific closeness."""
        agree = sum(1 for a in self.attrs if a.compare(gold, pred))
        return agree + self.closeness(gold, pred)


def _actor_text(value: object) -> str:
    if isinstance(value, dict):
        return f"{value.get('name')} ({value.get('kind')})"
    return str(value)


def _visit_match(gold: Fact, pred: object) -> bool:
    return _same_actor(gold.get("visitor"), _get(pred, "visitor")) and _same_actor(
        gold.get("host"), _get(pred, "host")
    )


def _visit_text(fact: object) -> str:
    date = _get(fact, "date")
    when = f" {date}" if date else ""
    return f"{_actor_text(_get(fact, 'visitor'))} → {_actor_text(_get(fact, 'host'))}{when}"


def _person_match(gold: Fact, pred: object) -> bool:
    name = norm_name(gold.get("name"))
    return name is not None and name == norm_name(_get(pred, "name"))


def _person_text(fact: object) -> str:
    return str(_get(fact, "name"))


def _has_scope(fact: object) -> bool:
    return norm_name(_get(fact, "scope")) is not None


def _indicator_ids(gold: Fact) -> set[str]:
    ids = {_norm_id(gold.get("indicator"))}
    alt = gold.get("alt")
    if isinstance(alt, list):
        ids.update(_norm_id(a) for a in alt)
    return {i for i in ids if i is not None}


def _indicator_match(gold: Fact, pred: object) -> bool:
    province = norm_name(gold.get("province"))
    return (
        province is not None
        and province == norm_name(_get(pred, "province"))
        and _norm_id(_get(pred, "indicator")) in _indicator_ids(gold)
        and values_close(gold.get("value"), _get(pred, "value"))
        and _has_scope(gold) == _has_scope(pred)
    )


def _value_closeness(gold: object, pred: object) -> float:
    g, p = _number(gold), _number(pred)
    if g is None or p is None:
        return 0.0
    return -min(_rel_diff(g, p), 1.0)


def _indicator_closeness(gold: Fact, pred: object) -> float:
    primary = _norm_id(_get(pred, "indicator")) == _norm_id(gold.get("indicator"))
    same_scope = norm_name(gold.get("scope")) == norm_name(_get(pred, "scope"))
    bonus = 0.5 * primary + 0.25 * same_scope
    return bonus + _value_closeness(gold.get("value"), _get(pred, "value"))


def _indicator_text(fact: object) -> str:
    scope = _get(fact, "scope")
    where = f" [{scope}]" if scope else ""
    return f"{_get(fact, 'province')}{where} {_get(fact, 'indicator')}={_get(fact, 'value')}"


def _transfer_match(gold: Fact, pred: object) -> bool:
    return (
        _same_actor(gold.get("from"), _get(pred, "from"))
        and _same_actor(gold.get("to"), _get(pred, "to"))
        and values_close(gold.get("amount"), _get(pred, "amount"))
    )


def _transfer_text(fact: object) -> str:
    source, target = _actor_text(_get(fact, "from")), _actor_text(_get(fact, "to"))
    return f"{source} → {target} {_get(fact, 'amount')} {_get(fact, 'currency')}"


def _practice_match(gold: Fact, pred: object) -> bool:
    province, topic = norm_name(gold.get("province")), _norm_id(gold.get("topic"))
    return (
        province is not None
        and topic is not None
        and province == norm_name(_get(pred, "province"))
        and topic == _norm_id(_get(pred, "topic"))
    )


def _practice_text(fact: object) -> str:
    return f"{_get(fact, 'province')} {_get(fact, 'topic')}"


_TYPES: dict[str, _Type] = {
    "visits": _Type(
        "visits",
        _visit_match,
        _visit_text,
        (
            _Attr("visits.date", "date", _norm_str),
            _Attr("visits.purpose", "purpose", _norm_id),
            _Attr("visits.leader", "leader", _leader_name),
            _Attr("visits.received_by", "received_by", _name_set),
            _Attr("visits.topics", "topics", _id_set),
            _Attr("visits.places", "places", _name_set),
        ),
    ),
    "people": _Type(
        "people",
        _person_match,
        _person_text,
        (
            _Attr("people.titles", "titles", _name_set),
            _Attr("people.province", "province", norm_name),
        ),
    ),
    "indicators": _Type(
        "indicators",
        _indicator_match,
        _indicator_text,
        (
            _Attr("indicators.unit", "unit", norm_name),
            _Attr("indicators.period", "period", _norm_str),
            _Attr("indicators.qualifier", "qualifier", _norm_id),
            _Attr("indicators.of", "of", _number_or_none, absent_is_none=True),
        ),
        _indicator_closeness,
    ),
    "transfers": _Type(
        "transfers",
        _transfer_match,
        _transfer_text,
        (
            _Attr("transfers.currency", "currency", _norm_id),
            _Attr("transfers.purpose", "purpose", _norm_id),
        ),
        lambda gold, pred: _value_closeness(gold.get("amount"), _get(pred, "amount")),
    ),
    "practices": _Type(
        "practices",
        _practice_match,
        _practice_text,
        (_Attr("practices.praised_by", "praised_by", norm_name, absent_is_none=True),),
    ),
}


def candidate_label(type_name: str, golds: list[Fact], probe: object) -> int | None:
    """How a candidate fact counts against the gold of its document: 1 when it matches a
    required gold fact, None when it matches only an optional one (neither right nor wrong),
    0 otherwise. What ``cachlamhay train`` learns from and ``eval --errors`` explains with."""
    kind = _TYPES[type_name]
    optional = False
    for gold in golds:
        if kind.matches(gold, probe):
            if gold.get("optional") is not True:
                return 1
            optional = True
    return None if optional else 0


def facts_match(type_name: str, gold: Fact, pred: object) -> bool:
    return _TYPES[type_name].matches(gold, pred)


# --------------------------------------------------------------------------------------------
# Why facts are lost: error causes

NEVER_GENERATED = "never generated"
DROPPED = "generated, dropped"
WRONG_ROLE = "kept with a wrong role"
WORDED = "kept, worded otherwise"
NOT_IN_GOLD = "kept, not in gold"
CAUSES = (NEVER_GENERATED, DROPPED, WRONG_ROLE, WORDED, NOT_IN_GOLD)


@dataclass(frozen=True, slots=True)
class Probe:
    """A candidate as ``eval --errors`` sees it: its matchable shape and the model's verdict."""

    fact: Mapping[str, Any]
    kept: bool


def _swapped(type_name: str, fact: object) -> dict[str, Any] | None:
    """The fact with its two roles exchanged (visitor/host, giver/receiver, praised/praiser)."""
    if not isinstance(fact, dict):
        return None
    if type_name == "visits":
        return fact | {"visitor": fact.get("host"), "host": fact.get("visitor")}
    if type_name == "transfers":
        return fact | {"from": fact.get("to"), "to": fact.get("from")}
    if type_name == "practices" and fact.get("praised_by"):
        return fact | {"province": fact.get("praised_by"), "praised_by": fact.get("province")}
    return None


_ROLES = {"visits": ("visitor", "host"), "transfers": ("from", "to")}


def _worded_otherwise(type_name: str, gold: object, pred: object) -> bool:
    """The two facts agree but for the words of one ``other`` actor ("gia đình nạn nhân" for
    "gia đình các nạn nhân đuối nước"): SPEC matches names exactly, so such a fact is both a
    miss and a false positive, though the reader gets the right gift or visit."""
    roles = _ROLES.get(type_name)
    if roles is None or not isinstance(gold, dict):
        return False
    if type_name == "transfers" and not values_close(gold.get("amount"), _get(pred, "amount")):
        return False
    differing = [r for r in roles if not _same_actor(gold.get(r), _get(pred, r))]
    if len(differing) != 1:
        return False
    g, p = _actor(gold.get(differing[0])), _actor(_get(pred, differing[0]))
    return g is not None and p is not None and g[0] == p[0] == "other"


def error_cause(error: FactError, golds: list[Fact], probes: list[Probe] | None) -> str:
    """Why one fact is an error. A missed gold fact was never generated, or generated and
    dropped by the model, or kept with its roles exchanged, or kept with one ``other`` actor
    worded otherwise; a false positive was kept with a wrong role (the exchanged fact is gold),
    worded otherwise, or is not in the gold at all. ``probes`` is None for kinds decided by
    rules alone (people, indicators): their misses are never generated."""
    kind = _TYPES[error.type]
    if error.kind == "fp":
        swapped = _swapped(error.type, error.data)
        if swapped is not None and any(kind.matches(g, swapped) for g in golds):
            return WRONG_ROLE
        if any(_worded_otherwise(error.type, g, error.data) for g in golds):
            return WORDED
        return NOT_IN_GOLD
    gold = error.data if isinstance(error.data, dict) else {}
    for probe in probes or []:
        if not probe.kept and kind.matches(gold, probe.fact):
            return DROPPED
    swapped = _swapped(error.type, gold)
    if swapped is not None:
        for probe in probes or []:
            if probe.kept and kind.matches(swapped, probe.fact):
                return WRONG_ROLE
    if any(p.kept and _worded_otherwise(error.type, gold, p.fact) for p in probes or []):
        return WORDED
    return NEVER_GENERATED


def grouped_errors(
    report: EvalReport,
    gold: Mapping[str, Mapping[str, Any]],
    probes: Mapping[str, Mapping[str, list[Probe]]],
) -> dict[tuple[str, str], list[FactError]]:
    """The report's errors grouped by (fact type, cause), types and causes in their order."""
    groups: dict[tuple[str, str], list[FactError]] = {}
    for error in report.errors:
        golds = [g for g in _facts(gold.get(error.doc_id), error.type) if isinstance(g, dict)]
        doc_probes = probes.get(error.doc_id, {}).get(error.type)
        cause = error_cause(error, golds, doc_probes)
        groups.setdefault((error.type, cause), []).append(error)
    order = {(t, c): (TYPES.index(t), CAUSES.index(c)) for t, c in groups}
    return dict(sorted(groups.items(), key=lambda item: order[item[0]]))


def render_grouped_errors(groups: Mapping[tuple[str, str], list[FactError]]) -> str:
    lines = ["errors by type and cause:"]
    for (type_name, cause), errors in groups.items():
        fn = sum(e.kind == "fn" for e in errors)
        fp = len(errors) - fn
        lines.append(f"  {type_name:<11} {cause:<24} fn {fn:>4}  fp {fp:>4}")
    for (type_name, cause), errors in groups.items():
        lines.append(f"\n## {type_name}: {cause} ({len(errors)})")
        for error in errors:
            lines.append(f"{error.doc_id}\t{error.kind}\t{error.fact}")
    return "\n".join(lines)


# --------------------------------------------------------------------------------------------
# Matching


def _match(
    kind: _Type, golds: list[Fact], preds: list[object], gold_ids: list[int], free: set[int]
) -> dict[int, int]:
    """One-to-one matching of the given gold facts to the free predictions (gold → pred)."""
    edges: dict[int, list[int]] = {}
    pairs: list[tuple[float, int, int]] = []
    for gi in gold_ids:
        scored = [
            (-kind.affinity(golds[gi], preds[pi]), pi)
            for pi in sorted(free)
            if kind.matches(golds[gi], preds[pi])
        ]
        scored.sort()
        edges[gi] = [pi for _, pi in scored]
        pairs.extend((neg, gi, pi) for neg, pi in scored)
    pairs.sort()
    g2p: dict[int, int] = {}
    p2g: dict[int, int] = {}
    for _, gi, pi in pairs:
        if gi not in g2p and pi not in p2g:
            g2p[gi] = pi
            p2g[pi] = gi

    def augment(gi: int, seen: set[int]) -> bool:
        for pi in edges[gi]:
            if pi in seen:
                continue
            seen.add(pi)
            if pi not in p2g or augment(p2g[pi], seen):
                g2p[gi] = pi
                p2g[pi] = gi
                return True
        return False

    for gi in gold_ids:
        if gi not in g2p and edges[gi]:
            augment(gi, set())
    return g2p


def _facts(doc: object, type_name: str) -> list[Any]:
    facts = _get(doc, type_name)
    return list(facts) if isinstance(facts, list) else []


def _score_type(
    report: EvalReport, doc_id: str, kind: _Type, golds: list[Fact], preds: list[object]
) -> None:
    required = [i for i, g in enumerate(golds) if g.get("optional") is not True]
    optional = [i for i, g in enumerate(golds) if g.get("optional") is True]
    matched = _match(kind, golds, preds, required, set(range(len(preds))))
    used = set(matched.values())
    also = _match(kind, golds, preds, optional, set(range(len(preds))) - used)
    used.update(also.values())

    counts = report.fields[kind.name]
    counts.tp += len(matched)
    for gi in required:
        if gi not in matched:
            counts.fn += 1
            report.errors.append(
                FactError(doc_id, kind.name, "fn", kind.describe(golds[gi]), golds[gi])
            )
    for pi, pred in enumerate(preds):
        if pi not in used:
            counts.fp += 1
            report.errors.append(FactError(doc_id, kind.name, "fp", kind.describe(pred), pred))

    for gi in sorted(matched):
        gold, pred = golds[gi], preds[matched[gi]]
        for attr in kind.attrs:
            ok = attr.compare(gold, pred)
            if ok is None:
                continue
            right, total = report.attributes[attr.name]
            report.attributes[attr.name] = (right + ok, total + 1)
            if not ok:
                report.mismatches.append(
                    AttributeMismatch(
                        doc_id,
                        attr.name,
                        kind.describe(gold),
                        _short(gold.get(attr.key)),
                        _short(_get(pred, attr.key)),
                    )
                )
        if kind.name == "visits" and "topics" in gold:
            g_topics, p_topics = _id_set(gold.get("topics")), _id_set(_get(pred, "topics"))
            report.topics.tp += len(g_topics & p_topics)
            report.topics.fp += len(p_topics - g_topics)
            report.topics.fn += len(g_topics - p_topics)


def score(gold: Mapping[str, Mapping[str, Any]], predicted: Mapping[str, Any]) -> EvalReport:
    """Score predictions against gold, both ``doc id → document``.

    Only documents present in gold are scored; a gold document with no prediction counts all
    its required facts as false negatives (and is listed in ``report.missing``).
    """
    report = EvalReport()
    for doc_id in sorted(gold):
        gold_doc = gold[doc_id]
        report.documents += 1
        pred_doc = predicted.get(doc_id)
        if pred_doc is None:
            report.missing.append(doc_id)
        for type_name in TYPES:
            golds = [g for g in _facts(gold_doc, type_name) if isinstance(g, dict)]
            _score_type(report, doc_id, _TYPES[type_name], golds, _facts(pred_doc, type_name))
    return report


# --------------------------------------------------------------------------------------------
# Loading gold


class _Bad(Exception):
    """A validation failure inside one gold file (turned into InputError with its path)."""


def _require(condition: bool, reason: str) -> None:
    if not condition:
        raise _Bad(reason)


def _is_text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _check_actor(value: object, where: str) -> None:
    if not isinstance(value, dict):
        raise _Bad(f"{where} must be an object with 'kind' and 'name'")
    _require(_is_text(value.get("kind")), f"{where}.kind must be a non-empty string")
    _require(_is_text(value.get("name")), f"{where}.name must be a non-empty string")


def _check_number(value: object, where: str) -> None:
    _require(_number(value) is not None, f"{where} must be a finite number")


def _check_fact(type_name: str, fact: Fact, where: str) -> None:
    if "optional" in fact:
        _require(isinstance(fact["optional"], bool), f"{where}.optional must be true or false")
    if type_name == "visits":
        _check_actor(fact.get("visitor"), f"{where}.visitor")
        _check_actor(fact.get("host"), f"{where}.host")
    elif type_name == "people":
        _require(_is_text(fact.get("name")), f"{where}.name must be a non-empty string")
    elif type_name == "indicators":
        for key in ("province", "indicator"):
            _require(_is_text(fact.get(key)), f"{where}.{key} must be a non-empty string")
        _check_number(fact.get("value"), f"{where}.value")
        alt = fact.get("alt", [])
        _require(
            isinstance(alt, list) and all(_is_text(a) for a in alt),
            f"{where}.alt must be a list of indicator ids",
        )
        scope = fact.get("scope")
        _require(scope is None or isinstance(scope, str), f"{where}.scope must be a string")
    elif type_name == "transfers":
        _check_actor(fact.get("from"), f"{where}.from")
        _check_actor(fact.get("to"), f"{where}.to")
        _check_number(fact.get("amount"), f"{where}.amount")
    elif type_name == "practices":
        for key in ("province", "topic"):
            _require(_is_text(fact.get(key)), f"{where}.{key} must be a non-empty string")


def _check_gold(data: object) -> None:
    if not isinstance(data, dict):
        raise _Bad("a gold file must hold one JSON object")
    doc = data.get("doc", {})
    _require(isinstance(doc, dict), "'doc' must be an object")
    if "id" in doc:
        _require(_is_text(doc["id"]), "doc.id must be a non-empty string")
    for type_name in TYPES:
        _require(type_name in data, f"'{type_name}' is missing (use [] when there are none)")
        facts = data[type_name]
        _require(isinstance(facts, list), f"'{type_name}' must be a list")
        for i, fact in enumerate(facts):
            where = f"{type_name}[{i}]"
            _require(isinstance(fact, dict), f"{where} must be an object")
            _check_fact(type_name, fact, where)


def _gold_files(directory: Path) -> Iterable[Path]:
    if not directory.is_dir():
        raise InputError(str(directory), "not a directory of gold files", code="bad-gold")
    files = sorted(p for p in directory.glob("*.json") if p.is_file())
    if not files:
        raise InputError(str(directory), "no gold files (*.json)", code="bad-gold")
    return files


def load_gold(directory: Path) -> dict[str, dict[str, Any]]:
    """Read every ``*.json`` gold file in a directory: doc id → gold document.

    The id is ``doc.id`` when the file has one, else the file name without ``.json``. A file
    that is not valid UTF-8 JSON in the gold format, a duplicate id, a missing directory or one
    with no gold file raises ``InputError`` (code ``bad-gold``).
    """
    gold: dict[str, dict[str, Any]] = {}
    origin: dict[str, Path] = {}
    for path in _gold_files(Path(directory)):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            _check_gold(data)
        except (OSError, UnicodeDecodeError, json.JSONDecodeError, _Bad) as exc:
            raise InputError(str(path), str(exc), code="bad-gold") from exc
        doc_id = data.get("doc", {}).get("id") or path.stem
        if doc_id in gold:
            raise InputError(
                str(path),
                f"duplicate document id {doc_id!r} (also {origin[doc_id]})",
                code="bad-gold",
            )
        gold[doc_id] = data
        origin[doc_id] = path
    return gold
