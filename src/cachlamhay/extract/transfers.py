"""Transfers: money one actor gives another ("trao hỗ trợ 500 triệu đồng … giúp tỉnh Hà Tĩnh").

Hand-written: the giver is the official's province or body (or the actor named before the
verb), the receiver the actor named after the amount ("giúp/cho/tặng tỉnh Y"), else the
province the visit was to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cachlamhay.extract.context import DocContext
from cachlamhay.extract.numbers import Quantity, find_quantities
from cachlamhay.extract.people import Person, central_body_of, mention_of_people
from cachlamhay.vntext import fold

VERSION = "transfers.v1"

_GIVE = re.compile(
    fold(
        r"trao (?:tặng |tiền )?(?:hỗ trợ|quà|kinh phí|số tiền)|trao tặng|ủng hộ|hỗ trợ|tặng|trao"
        r"|quyên góp|chuyển"
    )
)
_NOT_GIVE = re.compile(fold(r"đề nghị|kiến nghị|xin hỗ trợ|đề xuất|mong muốn|cần hỗ trợ|sẽ hỗ trợ"))
_PURPOSES = [
    ("disaster_relief", fold(r"thiên tai|lũ|bão|khắc phục hậu quả|sạt lở|hạn hán|cứu trợ|ngập")),
    (
        "social_welfare",
        fold(
            r"hộ nghèo|an sinh|người có công|gia đình chính sách|hoàn cảnh khó khăn"
            r"|nhà đại đoàn kết|xóa nhà tạm|Tết"
        ),
    ),
    ("education", fold(r"học sinh|học bổng|trường học|giáo dục|sinh viên")),
    ("health", fold(r"bệnh viện|y tế|bệnh nhân|trang thiết bị y tế")),
    ("investment", fold(r"đầu tư")),
]


@dataclass(slots=True)
class Transfer:
    source: tuple[str, str]
    target: tuple[str, str]
    amount: float
    currency: str
    purpose: str
    sentence_index: int


def extract_transfers(
    ctx: DocContext,
    people: list[Person],
    visit_pairs: list[tuple[tuple[str, str], tuple[str, str]]],
) -> list[Transfer]:
    found: list[Transfer] = []
    for index, sentence in enumerate(ctx.sentences):
        folded = fold(sentence.text)
        give = _GIVE.search(folded)
        if not give or _NOT_GIVE.search(folded[: give.start() + 20]):
            continue
        money = [q for q in find_quantities(sentence.text) if q.unit in ("VND", "USD")]
        money = [
            q for q in money if (q.start > give.start() and q.value >= 1_000_000) or q.unit == "USD"
        ]
        if not money:
            continue
        amount = money[0]
        source = _giver(ctx, index, give.start(), people)
        target = _receiver(ctx, index, amount, source, visit_pairs)
        if not source or not target or source == target:
            continue
        found.append(
            Transfer(source, target, amount.value, amount.unit or "VND", _purpose(folded), index)
        )
    return found


def _giver(ctx: DocContext, index: int, cue: int, people: list[Person]) -> tuple[str, str] | None:
    sentence = ctx.sentences[index]
    person = mention_of_people(sentence.text[:cue], people)
    if person is not None:
        body = central_body_of(person.titles)
        if person.province:
            return ("province", person.province)
        if body:
            return ("central", body)
    before = [m for m in ctx.sentence_mentions(index) if m.end - sentence.start <= cue]
    if before:
        return (before[-1].kind, before[-1].name)
    return None


def _receiver(
    ctx: DocContext,
    index: int,
    amount: Quantity,
    source: tuple[str, str] | None,
    visit_pairs: list[tuple[tuple[str, str], tuple[str, str]]],
) -> tuple[str, str] | None:
    sentence = ctx.sentences[index]
    after = [
        m
        for m in ctx.sentence_mentions(index)
        if m.start - sentence.start >= amount.end and (m.kind, m.name) != source
    ]
    if after:
        return (after[0].kind, after[0].name)
    for visitor, host in visit_pairs:
        if visitor == source:
            return host
    return None


def _purpose(folded: str) -> str:
    for purpose, words in _PURPOSES:
        if re.search(words, folded):
            return purpose
    return "other"
