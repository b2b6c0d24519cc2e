"""Which administrative unit a province name meant on the day the article was published.

On 1 July 2025 the 63 provinces became 34. Most of the 34 kept an old name ("Tuyên Quang" is
now Tuyên Quang and Hà Giang together), so a name alone does not say which unit an article
means: its publication date does. Before the merger, or without a date, a name is the old unit
(the corpora are older, and the SPEC's names are the units of their day). From the merger on,
a name that is one of the 34 is the new unit, unless the sentence marks it as the old one:
"tỉnh Hà Giang (cũ)", "trước sáp nhập", "trước khi hợp nhất". A name that is no longer a unit
("Hậu Giang" in 2026) is the old unit, with the unit it became part of.

Thừa Thiên Huế became the centrally-run city of Huế on 1 January 2025, before the merger, and
kept its territory: from that day the name is the city.

vietnamadminunits supplies the units, their codes and successors (``gazetteer``); only these
dates and the Vietnamese cues that mark an old unit are written here. Pure: text in, units out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from cachlamhay.extract import gazetteer

MERGER_DATE = "2025-07-01"
HUE_CITY_DATE = "2025-01-01"
ERA_OLD = "63"  # the 63 provinces, until 30 June 2025
ERA_NEW = "34"  # the 34 units, from 1 July 2025

_OLD_SENTENCE = re.compile(
    r"trước\s+(?:khi\s+|thời\s+điểm\s+)?(?:sáp\s+nhập|hợp\s+nhất|sắp\s+xếp)", re.IGNORECASE
)
_OLD_MARK = r"\s*\(\s*(?:cũ|trước\s+sáp\s+nhập)\s*\)"
_NEW_MARK = r"\s*\(\s*(?:mới|sau\s+sáp\s+nhập)\s*\)"


@dataclass(frozen=True, slots=True)
class Unit:
    name: str  # the unit's short name: "Tuyên Quang", "Hà Giang", "Huế"
    code: str  # its code in that era (old and new Tuyên Quang share 08: the era tells them apart)
    era: str  # ERA_OLD or ERA_NEW
    successor: str | None  # for an old unit that changed on 1 July 2025: the unit it joined

    def as_dict(self) -> dict[str, str | None]:
        return {"name": self.name, "code": self.code, "era": self.era, "successor": self.successor}


def unit_on(name: str, published: str | None, *, marked_old: bool = False) -> Unit | None:
    """The unit ``name`` (a SPEC province name) meant in an article of ``published`` (ISO date,
    or None); None for a name that is not a province."""
    province = gazetteer.provinces().get(name)
    if province is None:
        return None
    day = published or ""
    if name == "Thừa Thiên Huế" and day >= HUE_CITY_DATE and not marked_old:
        name = "Huế"
    current = gazetteer.current_units()
    if name == "Huế":  # the city since 1 January 2025, unchanged by the merger
        return Unit(name, current[name][1], ERA_NEW if day >= MERGER_DATE else ERA_OLD, None)
    if day >= MERGER_DATE and not marked_old and name in current:
        return Unit(name, current[name][1], ERA_NEW, None)
    changed = province.successor != name or bool(gazetteer.predecessors_of(province.successor))
    return Unit(name, province.code, ERA_OLD, province.successor if changed else None)


ROLES: dict[str, list[tuple[str, ...]]] = {
    # fact type → paths to the province names it holds
    "visits": [("visitor",), ("host",)],
    "transfers": [("from",), ("to",)],
    "indicators": [("province",)],
    "practices": [("province",), ("praised_by",)],
    "people": [("province",)],
}


def resolve_units(
    facts: dict[str, Any], text: str, published: str | None
) -> Iterator[tuple[str, int, str, Unit]]:
    """(fact type, index in its list, role, unit) for every province a document's facts name."""
    for kind, paths in ROLES.items():
        for index, fact in enumerate(facts.get(kind) or []):
            evidence = _evidence_text(fact, text)
            for (role,) in paths:
                name = _province_name(fact.get(role))
                if name is None:
                    continue
                unit = unit_on(name, published, marked_old=_marked_old(name, evidence))
                if unit is not None:
                    yield kind, index, role, unit


def _province_name(value: Any) -> str | None:
    if isinstance(value, dict):
        return value.get("name") if value.get("kind") == "province" else None
    if isinstance(value, str) and value in gazetteer.provinces():
        return value
    return None


def _evidence_text(fact: dict[str, Any], text: str) -> str:
    spans = fact.get("evidence") or []
    return " ".join(text[span["start"] : span["end"]] for span in spans if "start" in span)


def _marked_old(name: str, evidence: str) -> bool:
    """The sentence speaks of the old unit: "Hà Giang (cũ)", or "trước sáp nhập" (unless the
    name itself is marked new: "tỉnh Tuyên Quang (mới)")."""
    if re.search(re.escape(name) + _OLD_MARK, evidence, re.IGNORECASE):
        return True
    if re.search(re.escape(name) + _NEW_MARK, evidence, re.IGNORECASE):
        return False
    return bool(_OLD_SENTENCE.search(evidence))
