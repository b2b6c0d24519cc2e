"""Transfers: money one actor gives another ("trao hỗ trợ 500 triệu đồng … giúp tỉnh Hà Tĩnh").

Hand-written: the giver is the official's province or body (or the actor named before the
verb), the receiver the actor named after the amount ("giúp/cho/tặng tỉnh Y"), else the
province the visit was to. Those rules are transfers.v1; transfers.v2 generates every amount
near a giving word × every ordered pair of actors around it (places, officials' bodies,
companies, the article's province, the visit's sides) and a trained model (extract.model)
keeps the candidates that are transfers, the rule's verdict being one of its features.
transfers.v3 adds clause-level rules for the amounts v1 left alone: givers that are
organisations written in full (associations, companies, district governments) and receivers
that are groups of people ("gia đình nạn nhân", "lực lượng tham gia phá án"), kind ``other``.
transfers.v6-v7: a company named short after its full name is named in full ("Công ty TNHH một
thành viên Nam Triệu", as annotators write it), with its short form in brackets ("… Việt Nam
(BIDV)"); more role words before a receiver's name ("hành khách", "ngư dân", "cầu thủ").
transfers.v9: a gift's purpose words are matched with their tones ("bão" is not "báo cáo").
transfers.v10: "Công ty Cổ phần vận tải TP. HCM" is named in full (it was "Công ty Cổ"), and a
company is never named later by a province it carries in its name.
transfers.v11: an amount after a name that ends in a label word is money, not a quarter
("hỗ trợ hành khách Hồ Xuân Quý 8,5 triệu đồng"; extract.numbers); the next amounts of a list
share the giver and the verb of the first ("hỗ trợ mỗi nạn nhân tử vong 5 triệu đồng, mỗi nạn
nhân bị thương 2 triệu đồng"), and "tử vong" after "nạn nhân"/"người" stays in the group.
transfers.v12: a project's money "do <foreign side> tài trợ/viện trợ" is that side's gift to the
province the sentence names, else to the article's province (``_foreign_funded``).
transfers.v13: a police force is a receiver ("hỗ trợ cho Công an tỉnh 500 triệu đồng", "Công an
huyện Yên Mỹ 10 triệu đồng"), "Công an tỉnh" completed by the province in focus, as the gold
names it ("Công an tỉnh Đồng Tháp").
transfers.v14: a reward list's police units each receive the amount "mỗi đơn vị" ("khen thưởng
các đơn vị: …, Công an quận Kiến An và Công an huyện An Lão …, mỗi đơn vị 10 triệu đồng"); a
ward's police keeps its district ("Công an phường Đức Thắng, quận Bắc Từ Liêm").
transfers.v15: a province opening the clause as its subject gives ("Trước mắt, tỉnh Thái Bình
hỗ trợ …"), and "gia đình mỗi nạn nhân" is received by "gia đình nạn nhân", as the gold names it.
transfers.v16: a district opening the sentence with a capital gives ("Huyện Bù Gia Mập hỗ trợ …"),
a commune's UBND gives as itself ("UBND xã Bình Thắng hỗ trợ 2 triệu đồng/hộ"), a body named
"… tỉnh" is completed by the province in focus ("Bệnh viện Đa khoa tỉnh" → "… tỉnh Hòa Bình"),
"bệnh nhân tử vong" stays in its group, and an adverb or a mistyped verb before the receiver is
passed over ("hỗ trợ khẩn cấp hộ ông Trà Thái Hoàng", "hộ trợ gia đình mỗi nạn nhân").
"""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass

from cachlamhay.extract.automata import StartsAt
from cachlamhay.extract.context import DocContext
from cachlamhay.extract.enterprises import Enterprise, enterprises_in, full_name, last_named
from cachlamhay.extract.gazetteer import province_aliases
from cachlamhay.extract.model import Candidate, Features, distance_bucket
from cachlamhay.extract.names import SURNAMES
from cachlamhay.extract.numbers import Quantity, find_quantities
from cachlamhay.extract.people import (
    MAX_SENTENCE_ACTORS,
    Person,
    actor_dict,
    actors_in_sentence,
    mention_of_people,
    people_by_sentence,
    person_actor,
)
from cachlamhay.extract.text import mentions
from cachlamhay.vntext import UPPER, fold

VERSION = "transfers.v16"

# Matched on the lower-cased text: folding would merge "tặng" (give) with "tăng" (increase).
_GIVE = re.compile(
    r"(?<![\w])(?<!tiền )(?:trao tặng|trao hỗ trợ|trao tiền|trao số tiền|trao|gửi tặng|ủng hộ|tặng"
    r"|quyên góp|hỗ trợ|cứu trợ|trích|tài trợ)"
    r"(?! đổi| trả| giải| quyết| thưởng| lại| cho nhau)(?![\w])"
)
_GIVES = StartsAt(  # looked for only where a giving verb starts (see ``StartsAt``)
    _GIVE,
    ("trao", "gửi tặng", "ủng hộ", "tặng", "quyên góp", "hỗ trợ", "cứu trợ", "trích", "tài trợ"),
)
_ANY_DIGIT = re.compile(r"\d")
_MONEY_REACH = 45  # characters from the verb to the amount it gives
_VALUED = re.compile(
    r"(?:kinh phí|trị giá|số tiền)(?: đầu tư| hơn| gần| khoảng| là| lên đến)*\s+\d"
)
_NOT_GIVE = re.compile(fold(r"đề nghị|kiến nghị|xin hỗ trợ|đề xuất|mong muốn|cần hỗ trợ|sẽ hỗ trợ"))
# Matched with their tones (on the cleaned text, one tone style): folded, "bão" (storm) is also
# "báo", "bảo", and "lũ" "lưu", "lúc"
_PURPOSES = [
    (
        "disaster_relief",
        r"thiên tai|lũ|lụt|bão|khắc phục hậu quả|sạt lở|hạn hán|cứu trợ|ngập",
    ),
    (
        "social_welfare",
        r"hộ nghèo|an sinh|người có công|gia đình chính sách|hoàn cảnh khó khăn"
        r"|nhà đại đoàn kết|xóa nhà tạm|Tết",
    ),
    ("education", r"học sinh|học bổng|trường học|giáo dục|sinh viên"),
    ("health", r"bệnh viện|y tế|bệnh nhân|trang thiết bị y tế"),
    ("investment", r"đầu tư"),
]
_PURPOSE_PATTERNS = [
    (purpose, re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.IGNORECASE))
    for purpose, words in _PURPOSES
]


Actor = tuple[str, str]


@dataclass(slots=True)
class Transfer:
    source: tuple[str, str]
    target: tuple[str, str]
    amount: float
    currency: str
    purpose: str
    sentence_index: int


def finish_transfers(decided: list[Candidate]) -> list[Transfer]:
    """The kept transfers, once each (one amount may be told in two sentences)."""
    found: dict[tuple[Actor, Actor, float], Transfer] = {}
    for candidate in decided:
        item = candidate.payload
        if candidate.kept:
            found.setdefault((item.source, item.target, item.amount), item)
    return list(found.values())


def transfer_candidates(
    ctx: DocContext,
    people: list[Person],
    visit_pairs: list[tuple[Actor, Actor]],
    *,
    rules_only: bool = False,
) -> list[Candidate]:
    """Every amount near a giving word × every ordered pair of actors around it, with the
    rule's transfers among them. ``rules_only`` (no model to decide): just the rule's, in the
    same order and groups, without features."""
    rule = _rule_transfers(ctx, people, visit_pairs)
    if rules_only and not rule:
        return []
    by_key = {(t.source, t.target, t.amount, t.sentence_index): t for t in rule}
    candidates: list[Candidate] = []
    companies: list[Enterprise] | None = None
    seen: set[tuple[Actor, Actor, float, int]] = set()
    people_at = people_by_sentence(ctx, people, person_actor)
    for index, sentence in enumerate(ctx.sentences):
        if not _ANY_DIGIT.search(sentence.text):
            continue
        lowered = sentence.text.lower()
        gives = list(_ANY_GIVE.finditer(lowered))
        if not gives:
            continue
        money = [
            q
            for q in find_quantities(sentence.text, qualify=False)
            if q.unit in ("VND", "USD") and q.value > 0
        ]
        if not money:
            continue
        if companies is None:
            companies = enterprises_in(ctx.text)
        actors = _transfer_actors(ctx, index, companies, people_at.get(index, []), visit_pairs)
        folded = ctx.folded_sentence(index)
        negated = bool(_NOT_GIVE.search(folded))
        for rank, amount in enumerate(money):
            give = max(
                (g for g in gives if g.start() < amount.start),
                key=lambda g: g.start(),
                default=None,
            )
            after_give = min(
                (g for g in gives if g.start() >= amount.end), key=lambda g: g.start(), default=None
            )
            for (a_at, a, a_src), (b_at, b, b_src) in itertools.permutations(actors, 2):
                if a == b or not _vietnamese_side(a, b):
                    continue
                key = (a, b, amount.value, index)
                if key in seen:
                    continue
                seen.add(key)
                if rules_only and key not in by_key:
                    continue
                f = Features()
                f.add("rule", key in by_key)
                f.add("verb", give.group(0) if give else "none")
                f.add("verb_after", after_give.group(0) if after_give and not give else None)
                if give:
                    f.add("verb_gap", distance_bucket(amount.start - give.end()))
                    f.add("a_before_verb", a_at < give.start())
                    f.add("b_after_verb", b_at > give.end())
                f.add("kinds", f"{a[0]}>{b[0]}")
                f.add("a_src", a_src)
                f.add("b_src", b_src)
                f.add("a_before_amount", a_at < amount.start)
                f.add("b_before_amount", b_at < amount.start)
                f.add("b_gap", distance_bucket(abs(amount.start - b_at)))
                f.add("a_gap", distance_bucket(abs(amount.start - a_at)))
                f.add("order", "a<b" if a_at < b_at else "b<a")
                f.add("b_after_cho", bool(_TO_CUE.search(lowered[max(0, b_at - 30) : b_at])))
                f.add(
                    "a_after_tai",
                    bool(
                        re.search(
                            r"(?:tại|ở)\s+(?:\S+\s+){0,2}$", lowered[max(0, a_at - 20) : a_at]
                        )
                    ),
                )
                f.add("first_amount", rank == 0)
                f.add("negated", negated)
                f.add("visit", (a, b) in visit_pairs)
                f.add("visit_reverse", (b, a) in visit_pairs)
                f.add("a_home", a[1] == ctx.home)
                f.add("b_home", b[1] == ctx.home)
                f.add("title", index == 0)
                f.add("currency", amount.unit)
                f.add("magnitude", min(int(math.log10(max(amount.value, 1))), 12))
                payload = by_key.get(key) or Transfer(
                    a, b, amount.value, amount.unit or "VND", _purpose(ctx, index), index
                )
                candidates.append(
                    Candidate(
                        probe={
                            "from": actor_dict(a),
                            "to": actor_dict(b),
                            "amount": amount.value,
                        },
                        features=f.values,
                        payload=payload,
                        rule=key in by_key,
                        group=(index, amount.start),
                    )
                )
    for key, item in by_key.items():  # a rule transfer the broad pass did not see
        if key not in seen:
            candidates.append(
                Candidate(
                    probe={
                        "from": actor_dict(item.source),
                        "to": actor_dict(item.target),
                        "amount": item.amount,
                    },
                    features={"rule": 1.0, "unseen": 1.0},
                    payload=item,
                    rule=True,
                )
            )
    return candidates


# Any word a gift is told with (the rule's list is narrower): the model sorts them out.
_ANY_GIVE = re.compile(
    r"(?<![\w])(?:trao tặng|trao|tặng|ủng hộ|hỗ trợ|quyên góp|tài trợ|cứu trợ|giúp đỡ|giúp"
    r"|trích|xây tặng|bàn giao|chuyển|cấp|phân bổ|góp|trao quà|gửi)(?![\w])"
)
_TO_CUE = re.compile(r"(?:cho|tới|đến|giúp|tặng|hỗ trợ|ủng hộ)\s+(?:\S+\s+){0,4}$")


def _transfer_actors(
    ctx: DocContext,
    index: int,
    companies: list[Enterprise],
    people_at: list[tuple[int, Actor]],
    visit_pairs: list[tuple[Actor, Actor]],
) -> list[tuple[int, Actor, str]]:
    sentence = ctx.sentences[index]
    found = actors_in_sentence(ctx, index, people_at)
    for company in companies:
        for spelling in filter(None, (company.name, company.alias)):
            at = sentence.text.find(spelling)
            if at >= 0:
                actor = ("enterprise", company.name)
                if actor not in found or found[actor][0] > at:
                    found[actor] = (at, actor, "company")
                break
    end = len(sentence.text)
    if ctx.home and ("province", ctx.home) not in found:
        found[("province", ctx.home)] = (end, ("province", ctx.home), "home")
    for visitor, host in visit_pairs[:1]:
        for actor in (visitor, host):
            found.setdefault(actor, (end, actor, "visit"))
    return sorted(found.values())[:MAX_SENTENCE_ACTORS]


def _rule_transfers(
    ctx: DocContext, people: list[Person], visit_pairs: list[tuple[Actor, Actor]]
) -> list[Transfer]:
    """The hand-written patterns' transfers (transfers.v1)."""
    found: list[Transfer] = []
    seen: set[tuple[Actor, Actor, float]] = set()
    companies: list[Enterprise] | None = None  # found when the first gift needs a giver
    for index, sentence in enumerate(ctx.sentences):
        if not _ANY_DIGIT.search(sentence.text):
            continue  # a gift names its amount in figures (see _giving_verb)
        folded = ctx.folded_sentence(index)
        giving = _giving_verb(sentence.text)
        if not giving or _NOT_GIVE.search(folded[: giving[0].start() + 20]):
            continue
        give, reach_end = giving
        money = [
            q
            for q in find_quantities(sentence.text, qualify=False)
            if q.unit in ("VND", "USD")
            and q.start > give.start()
            and q.value > 0
            and not _PACKAGE.search(sentence.text, 0, q.start)
        ]
        if not money or money[0].start > reach_end:
            continue
        if companies is None:
            companies = enterprises_in(ctx.text)
        source = _giver(ctx, index, give.start(), people, visit_pairs, companies)
        if source is None:
            continue
        targets = [(q, _receivers(ctx, index, q, give.end(), source)) for q in money]
        explicit = any(receivers for _, receivers in targets)
        for amount, receivers in targets:
            if not receivers and not explicit:
                receivers = [host for visitor, host in visit_pairs if visitor == source][:1]
            for target in receivers:
                key = (source, target, amount.value)
                if target == source or key in seen or not _vietnamese_side(source, target):
                    continue
                seen.add(key)
                found.append(
                    Transfer(
                        source,
                        target,
                        amount.value,
                        amount.unit or "VND",
                        _purpose(ctx, index),
                        index,
                    )
                )
    # both need a written amount in their sentence: an article without one anywhere needs no
    # look at each sentence (two in three have none)
    money_written = _MONEY_HINT.search(ctx.text) is not None
    if money_written:
        found.extend(_clause_transfers(ctx, people, found))
        found.extend(_unit_lists(ctx, people, found))
    found.extend(_passive_transfers(ctx, people, found))
    if money_written:
        found.extend(_province_shares(ctx, found))
        found.extend(_foreign_funded(ctx, found))
    return found


# "… do cơ quan hợp tác quốc tế Hàn Quốc tài trợ không hoàn lại", "dự án … do Chính phủ Mỹ tài
# trợ với kinh phí gần 10 triệu USD": a foreign side funds what the sentence tells of
_FUNDED_BY = re.compile(r"(?<![\w])do\s+(?:[^,;.()]{0,60}?\s)?$")
_FUNDS = re.compile(r"\s*(?:\([^()]{1,15}\)\s*)?(?:tài trợ|viện trợ)(?![\w])")  # "(Keiti) tài trợ"
# what is funded is a project or its budget, not a person's contract
_PROJECT_MONEY = re.compile(r"(?<![\w])(?:[Dd]ự án|[Kk]inh phí)(?![\w])")


def _foreign_funded(ctx: DocContext, found: list[Transfer]) -> list[Transfer]:
    """A project's money told with the foreign side that funds it ("do <nước> tài trợ"), to the
    province the sentence names, else the article's province: transfers.v12."""
    done = {(t.sentence_index, t.amount) for t in found}
    extra: list[Transfer] = []
    for index, sentence in enumerate(ctx.sentences):
        text = sentence.text
        if ("tài trợ" not in text and "viện trợ" not in text) or not _PROJECT_MONEY.search(text):
            continue
        funders = [
            m
            for m in ctx.sentence_mentions(index)
            if m.kind == "foreign"
            and _FUNDS.match(ctx.text, m.end)
            and _FUNDED_BY.search(ctx.text, sentence.start, m.start)
        ]
        if not funders:
            continue
        provinces = ctx.provinces_in(index)
        receiver = provinces[0].name if provinces else ctx.home
        if receiver is None:
            continue
        for amount in find_quantities(text, qualify=False):
            if amount.unit not in ("VND", "USD") or (index, amount.value) in done:
                continue
            extra.append(
                Transfer(
                    ("foreign", funders[0].name),
                    ("province", receiver),
                    amount.value,
                    amount.unit or "VND",
                    _purpose(ctx, index),
                    index,
                )
            )
            break  # the first sum is the funded one; the rest are its parts
    return extra


# "nguồn vốn hỗ trợ từ gói 30.000 tỉ đồng của Chính phủ": a credit package, nobody's gift
_PACKAGE = re.compile(r"(?<![\w])gói(?: tín dụng| hỗ trợ| kích cầu)?\s*$")


def _giving_verb(text: str) -> tuple[re.Match[str], int] | None:
    """The first giving verb followed closely by an amount ("trao hỗ trợ 500 triệu đồng"), and
    how far its amount may start."""
    lowered = text.lower()
    for match in _GIVES.finditer(lowered):
        reach = 20 if match.group(0) == "hỗ trợ" else _MONEY_REACH
        window = lowered[match.end() : match.end() + reach]
        if not re.search(r"\d", window) and (
            valued := _VALUED.search(lowered, match.end(), match.end() + 90)
        ):
            window = lowered[match.end() : valued.end()]  # "xây tặng … với tổng kinh phí 78 tỷ"
        digit = re.search(r"\d", window)
        if digit and not re.search(
            r"giá bán|mức giá|với giá|giá từ|cho vay", window[: digit.start()]
        ):
            return match, match.end() + len(window)
    return None


def _vietnamese_side(source: Actor, target: Actor) -> bool:
    """The knowledge base is about Vietnamese provinces: one side must be Vietnamese."""
    return source[0] in ("province", "central") or target[0] in ("province", "central")


def _giver(
    ctx: DocContext,
    index: int,
    cue: int,
    people: list[Person],
    visit_pairs: list[tuple[Actor, Actor]],
    companies: list[Enterprise],
) -> Actor | None:
    sentence = ctx.sentences[index]
    subject = sentence.text[:cue]
    person = mention_of_people(subject, people)
    if person is not None and (actor := person_actor(person)):
        return actor
    before = [
        m
        for m in ctx.sentence_mentions(index)
        if m.end - sentence.start <= cue
        and not re.search(
            r"(?:tại|ở)\s+(?:tỉnh |thành phố |TP\.? )?$", sentence.text[: m.start - sentence.start]
        )
    ]
    company = last_named(subject, companies)
    if company and (not before or company[0] > before[-1].start - sentence.start):
        return ("enterprise", company[1].name)  # "Cầu do Công ty TNHH Sơn Trường xây tặng …"
    if before:
        return (before[-1].kind, before[-1].name)
    titled = _title_only(subject, people)
    if titled:
        return titled
    if re.search(r"(?<![\w])(?:[Đđ]oàn|[Cc]ác đoàn)(?![\w])", subject):
        if visit_pairs:
            return visit_pairs[0][0]
        return _earlier_delegation(ctx, index)
    return None


def _earlier_delegation(ctx: DocContext, index: int) -> Actor | None:
    """ "hai đoàn công tác của lãnh đạo Thành ủy TP HCM … Các đoàn trao …": the delegation's
    side, named in one of the sentences just before."""
    for k in range(index - 1, max(-1, index - 4), -1):
        sentence = ctx.sentences[k]
        folded = ctx.folded_sentence(k)
        for mention in ctx.sentence_mentions(k):
            head = folded[
                max(0, mention.start - sentence.start - 50) : mention.start - sentence.start
            ]
            if "doan" in head:
                return (mention.kind, mention.name)
    return None


def _title_only(subject: str, people: list[Person]) -> Actor | None:
    """ "Bộ trưởng đã trao tặng …": the one known person holding that title."""
    heads = _TITLE_ONLY.findall(subject)
    if not heads:
        return None
    holders = [p for p in people if any(t.startswith(heads[-1]) for t in p.titles)]
    return person_actor(holders[0]) if len(holders) == 1 else None


_TITLE_ONLY = re.compile(r"Bộ trưởng|Thủ tướng|Bí thư Tỉnh ủy|Chủ tịch UBND tỉnh")
_AMOUNT_END = re.compile(r"(?:đồng|USD|tỷ|triệu)(?!\w)")


def _receivers(
    ctx: DocContext, index: int, amount: Quantity, verb_end: int, source: Actor
) -> list[Actor]:
    """Who gets ``amount``: the place named right before it ("tỉnh Quảng Bình 3 tỷ đồng",
    "Nghệ An, Thừa Thiên Huế mỗi tỉnh 1,5 tỷ"), else the one named after it ("… giúp tỉnh Hà
    Tĩnh"), else the one between the verb and it ("trao tặng UBND tỉnh Thanh Hóa số tiền …")."""
    sentence = ctx.sentences[index]
    districts = _districts_before(sentence.text, verb_end, amount.start)
    if districts:
        return districts
    mentions = [m for m in ctx.sentence_mentions(index) if (m.kind, m.name) != source]
    rel = [(m.start - sentence.start, m.end - sentence.start, m) for m in mentions]
    text = sentence.text
    close = [
        m
        for s, e, m in rel
        if e <= amount.start
        and amount.start - e <= 22
        and not re.search(r"[;.]", text[e : amount.start])
    ]
    if close:
        last = close[-1]
        if re.search(
            r"mỗi (?:tỉnh|thành phố|địa phương)", text[last.end - sentence.start : amount.start]
        ):
            previous_amount = max(
                (m.end() for m in _AMOUNT_END.finditer(text, 0, amount.start)), default=0
            )
            group = [
                m
                for s, e, m in rel
                if previous_amount <= s and e <= amount.start and amount.start - e <= 60
            ]
            return list(dict.fromkeys((m.kind, m.name) for m in group))
        return [(last.kind, last.name)]
    if any(s < amount.start and e > verb_end - 1 for s, e, _ in rel):
        between = [m for s, e, m in rel if s >= verb_end - 1 and e <= amount.start]
        if between and not re.search(r"\(", text[verb_end : amount.start]):
            return [(between[0].kind, between[0].name)]
    after = [m for s, e, m in rel if s >= amount.end and s - amount.end <= 60]
    provinces_after = [m for m in after if m.kind == "province"]
    if provinces_after and after[0].kind == "central":
        after = provinces_after  # "Ủy ban MTTQ Việt Nam tỉnh An Giang": the province
    if after and not re.search(r"[;(]", text[amount.end : after[0].start - sentence.start]):
        return [(after[0].kind, after[0].name)]
    return []


_NAME = rf"[{UPPER}][\w]*(?: [{UPPER}][\w]*){{0,2}}"
_UNIT_NAME = (  # "Yên Mỹ", "7" ("Công an phường 7"), never an amount ("Công an tỉnh 500 triệu")
    rf"(?:[{UPPER}][\w]*|\d+(?!\d|[.,]\d|\s*(?:triệu|tỷ|tỉ|nghìn|ngàn|đồng)))"
    rf"(?: [{UPPER}][\w]*){{0,3}}"
)
# "trao tặng 2 huyện Yên Định và Thạch Thành mỗi huyện 100 triệu đồng", "huyện Kông Chro 149
# triệu đồng": districts named just before their amount receive it, each of them.
_DISTRICTS = re.compile(
    rf"(?<![\w])(huyện|quận|thị xã)\s+({_NAME}(?:(?:,| và) {_NAME})*)"
    r"(?:\s+mỗi (?:huyện|quận|thị xã))?\s*(?:số tiền\s*)?$"
)


def _districts_before(text: str, verb_end: int, amount_start: int) -> list[Actor]:
    previous_amount = max((m.end() for m in _AMOUNT_END.finditer(text, 0, amount_start)), default=0)
    window_start = max(verb_end - 1, previous_amount, amount_start - 80, 0)
    found = _DISTRICTS.search(text[window_start:amount_start].rstrip())
    if found is None:
        return []
    kind = found.group(1)
    names = re.split(r", | và ", found.group(2))
    return [("district", f"{kind} {name}") for name in names]


def _purpose(ctx: DocContext, index: int) -> str:
    """What the gift of sentence ``index`` is for."""
    for purpose, words in _PURPOSE_PATTERNS:
        if words.search(ctx.sentences[index].text):
            return purpose
    return "other"


# --------------------------------------------------------------------------------------------
# Clause-level gifts (transfers.v3 rules): amounts the patterns above left without a giver or a
# receiver. News tells most gifts as "<giver> <verb> [cho] <receivers> <amount>" or "<giver>
# <verb> <amount> cho/hỗ trợ <receivers>", where the giver is an organisation written in full
# ("Hội Chữ thập đỏ tỉnh Quảng Nam", "UBND thị xã Duyên Hải", "cây xăng Nam Cát Tiên") and the
# receivers a group of people ("gia đình công nhân tử nạn", "lực lượng tham gia phá án"),
# neither of which the place gazetteer knows. Both are kept as written (kinds ``other``,
# ``district``, ``enterprise``), the province when the organisation is its government.

_CLAUSE_GIVE = re.compile(
    r"(?<![\w])(?<!tiền )(?<!giải )(?<!khen )(?:trao tặng|trao thưởng|thưởng nóng|trao hỗ trợ"
    r"|gửi hỗ trợ|gửi tặng|xây tặng|trao|tặng|ủng hộ|quyên góp|tài trợ|hỗ trợ|cứu trợ|thưởng"
    r"|trích|giúp đỡ)(?! đổi| trả| lại| cho nhau| giấy| chứng| quyết định| bằng)(?![\w])"
)
_CLAUSE_GIVES = StartsAt(
    _CLAUSE_GIVE,
    (
        "trao", "thưởng", "gửi hỗ trợ", "gửi tặng", "xây tặng", "tặng", "ủng hộ", "quyên góp",
        "tài trợ", "hỗ trợ", "cứu trợ", "trích", "giúp đỡ",
    ),
)  # fmt: skip
# Words in the clause before the verb that make it no gift (yet): promises, requests, plans.
_CLAUSE_NOT = re.compile(
    r"(?<![\w])(?:sẽ|hứa|cam kết|đề nghị|kiến nghị|xin|mong|cần|dự kiến|kêu gọi|vận động"
    r"|chưa|không|quyết định sẽ|đăng ký)(?![\w])"
)
# Between the verb and the amount: a price, a loan, a sale, a penalty, not a gift.
_CLAUSE_PAYMENT = re.compile(
    r"giá bán|với giá|mức giá|giá từ|cho vay|vay|mua|bán|nợ|bồi thường|phạt|lương|lãi suất"
)
_VALUE_CUE = re.compile(
    r"(?:trị giá|tổng trị giá|với số tiền|tổng số tiền|số tiền|kinh phí|tổng kinh phí|tương đương"
    r"|tổng cộng|tổng)(?: là| hơn| gần| khoảng| trên| lên đến| lên tới)*\s*$"
)
_HEAD_WORDS = (
    r"gia đình|hộ gia đình|hộ dân|hộ nghèo|hộ|người dân|người lao động|người nghèo|người"
    r"|đồng bào|bà con|nhân dân|học sinh|sinh viên|trẻ em|em|cháu|lực lượng|cán bộ|chiến sĩ"
    r"|chiến sỹ|công nhân|CNVCLĐ|CNLĐ|nạn nhân|bệnh nhân|bệnh nhi|tiểu thương|cư dân|nông dân"
    r"|ngư dân|hội viên|thương binh|bệnh binh|[Mm]ẹ Việt Nam [Aa]nh hùng|phụ nữ|cựu chiến binh"
    r"|thân nhân|giáo viên|du khách|chủ tàu|đoàn viên|thanh niên|người cao tuổi|người khuyết tật"
    r"|nạn nhân|cựu thanh niên xung phong|ban chuyên án|tập thể"
)
# A group of people as receivers: an optional count or plural word, then its head noun.
_GROUP = re.compile(
    rf"(?:(?:các|những|\d+|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+)?(?:{_HEAD_WORDS})(?![\w])"
)
# Where a receiving group ends: a purpose, a place, a time, a value or the next clause.
_GROUP_END = re.compile(
    r"\s+(?:để|nhằm|lo|với|trị giá|tổng|số tiền|mỗi|tại|trong|nhân dịp|nhân ngày|vào|từ"
    r"|thông qua|qua|xây|sửa|chữa|khắc phục|mua|ổn định|vượt qua|đón|ăn|là|được|đến|ở|khi|sau"
    r"|trước|và|đã|góp|giúp|làm|về|cùng|nhận|gần|hơn|khoảng|trên|dưới|tổng cộng"
    r"|ban đầu|bằng|thêm|tiền|gồm|dịp|Tết|một)(?![\w])"
    r"|\s*[.;:()\"“”!?…]|\s+-\s|,\s*(?=\d)|\s+\d"
    # "gia đình anh X tử vong": no part of the name, but "nạn nhân tử vong", "bệnh nhân tử
    # vong", "người bị tử vong" are the group (which victims)
    r"|(?<!nạn nhân)(?<!bệnh nhân)(?<!người)(?<!\sbị)\s+tử vong(?![\w])"
)
# One person by name, after an optional role word: "nam sinh Nguyễn Thuận Hưng", "em Phạm Huy"
# Words for a person's role or address before their name, as receivers of a gift
_PERSON_ROLES = (
    r"nam sinh|nữ sinh|học sinh|sinh viên|thầy giáo|cô giáo|thầy|cô|em|anh|chị|ông|bà|cháu|bé"
    r"|hành khách"
)
_NAMED_RECEIVER = re.compile(
    rf"(?:(?:{_PERSON_ROLES}|du khách|nạn nhân|bệnh nhân|công nhân|chiến sĩ|chiến sỹ|ngư dân"
    r"|nông dân|cụ|tân binh|thí sinh|vận động viên|VĐV|cầu thủ|võ sĩ|thương binh)\s+)?"
    rf"((?:[{UPPER}]\w*\s+){{1,3}}[{UPPER}]\w*)(?![\w])(?!\s+[{UPPER}])"
)
_PERSON_REF = re.compile(rf"(?:anh|chị|ông|bà|em|cháu)\s+([{UPPER}]\w*(?:\s+[{UPPER}]\w*)*)")

_ORG_HEAD = (
    r"UBND|Ủy ban nhân dân|Uỷ ban nhân dân|HĐND|chính quyền(?: và đoàn thể)?|Tỉnh ủy|Thành ủy"
    r"|Huyện ủy|Quận ủy|Thị ủy|Đảng ủy(?:, UBND)?|Hội|LĐLĐ|Liên đoàn Lao động|Công đoàn"
    r"|Thành đoàn|Tỉnh đoàn|Huyện đoàn|Quỹ|Báo|(?<![Hh]ội )báo|Đài|Đại sứ quán|Ngân hàng"
    r"|Công ty|công ty"
    r"|Tập đoàn|tập đoàn|Tổng công ty|Nhà máy|nhà máy|Bệnh viện|Công an|Bộ Chỉ huy|Ủy ban MTTQ"
    r"|Ủy ban Mặt trận Tổ quốc|UBMTTQ|MTTQ|cây xăng|khách sạn|doanh nghiệp"
)
_ORG_WORD = (
    rf"(?:[{UPPER}0-9][\w&.'-]*|tỉnh|thành phố|TP\.?|huyện|quận|thị xã|xã|phường|thị trấn|thôn"
    r"|ấp|số|và|-|&|cổ phần|TNHH|liên doanh|liên hiệp|ô tô|chữ thập đỏ|nhân dân|lao động"
    r"|phụ nữ|nông dân|dân|cựu chiến binh|khuyến học|chữ|thập|đỏ|bảo trợ|trẻ em|vì người nghèo"
    r"|khoa|phần|dựng|hữu hạn|trách nhiệm|thành viên|thủy điện|nhiệt điện|xăng dầu)"
)
_ORG = re.compile(rf"(?<![\w])(?:{_ORG_HEAD})(?:\s+{_ORG_WORD})*")
_ENTERPRISE_HEAD = re.compile(
    r"^(?:Ngân hàng|[Cc]ông ty|[Tt]ập đoàn|Tổng công ty|[Nn]hà máy|cây xăng|khách sạn|doanh nghiệp)"
)
_GOVERNMENT_HEAD = re.compile(
    r"^(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|HĐND|chính quyền(?: và đoàn thể)?|Tỉnh ủy"
    r"|Thành ủy|Huyện ủy|Quận ủy|Thị ủy)(?:\s|$)"
)
# An organisation right after these words is a place, a partner, an owner or an apposition,
# not the clause's subject: "đã đến báo Tuổi Trẻ trao …", "chủ đầu tư khách sạn Sheraton".
_NOT_SUBJECT = re.compile(
    r"(?<![\w])(?:đến|tới|tại|ở|với|cho|của|là|gồm|chủ đầu tư|thuộc|từ|qua)\s*$", re.I
)
_DISTRICT_NAME = re.compile(
    rf"(?<![\w])(huyện|quận|thị xã|thành phố|Huyện|Quận|Thị xã)\s+"  # "Huyện Bù Gia Mập hỗ trợ …"
    rf"((?:[{UPPER}0-9][\w]*)(?:\s+[{UPPER}][\w]*)*)"
)
_HOME_WORD = re.compile(
    r"(?<![\w])(?:[Tt]hành phố|TP|[Tt]ỉnh|UBND tỉnh|UBND TP)(?![\w.]*\s+[A-ZĐ])"
)


def _clause_transfers(
    ctx: DocContext, people: list[Person], found: list[Transfer]
) -> list[Transfer]:
    """Gifts told in one clause whose giver or receiver the gazetteer does not name (see the
    comment above ``_CLAUSE_GIVE``), for amounts no other pattern gave."""
    done = {(t.sentence_index, t.amount) for t in found}
    extra: list[Transfer] = []
    seen = {(t.source, t.target, t.amount) for t in found}
    companies: list[Enterprise] | None = None
    for index, sentence in enumerate(ctx.sentences):
        text = sentence.text
        if not _MONEY_HINT.search(text):
            continue
        lowered = text.lower()
        verbs = list(_CLAUSE_GIVES.finditer(lowered))
        if not verbs:
            continue
        if companies is None:
            companies = enterprises_in(ctx.text)
        quantities = find_quantities(text, qualify=False)
        currencies = {q.unit for q in quantities if q.unit in ("VND", "USD")}
        money = [
            q
            for q in quantities
            if q.value > 0
            and (
                q.unit in ("VND", "USD")
                # "… 50 triệu đồng, ngân hàng thưởng 50 triệu": the sentence's one currency
                or (q.unit is None and len(currencies) == 1 and _BARE_MONEY.search(q.raw))
            )
        ]
        gifts: list[tuple[Actor, Actor, Quantity]] = []
        previous_end = 0
        previous_receiver: Actor | None = None
        previous_giver: Actor | None = None
        for amount in money:
            clause_start = previous_end
            previous_end = amount.end
            if (index, amount.value) in done:
                continue
            verb = _clause_verb(lowered, verbs, clause_start, amount)
            if verb is None:
                # "hỗ trợ gia đình mỗi nạn nhân tử vong 5 triệu đồng, mỗi nạn nhân bị thương 2
                # triệu đồng": the giver and the verb go on to the next amount in the list
                listed = _LISTED.fullmatch(text, clause_start, amount.start)
                receiver = (
                    _clause_receiver(ctx, index, listed.start("rest"), amount)
                    if listed and previous_giver
                    else None
                )
                if previous_giver and receiver and receiver != previous_giver:
                    gifts.append((previous_giver, receiver, amount))
                    continue
                previous_receiver = previous_giver = None
                continue
            previous_giver = None
            before = text[clause_start : verb.start()]
            if _ANYONE.match(lowered, verb.end(), amount.start) or _ANYONE_AFTER.match(
                lowered, amount.end
            ):
                continue  # "công bố trao thưởng 1 triệu USD cho người nào cung cấp …": an offer
            if (
                re.search(r"(?:buổi|lễ)\s*$", before)
                or _CLAUSE_NOT.search(before.lower()[-40:])
                or _CLAUSE_PAYMENT.search(lowered[verb.end() : amount.start])
            ):
                continue
            giver = _clause_giver(ctx, index, clause_start, verb.start(), people, companies)
            receiver = _clause_receiver(ctx, index, verb.end(), amount) or previous_receiver
            previous_receiver = receiver
            previous_giver = giver
            if giver is None or receiver is None or giver == receiver:
                continue
            if receiver[0] == "other" and _WELFARE.search(receiver[1]):
                # "LĐLĐ tỉnh X trao … cho người lao động khó khăn": the province's poor
                inside = [m for m in mentions(giver[1]) if m.kind == "province"]
                if giver[0] == "other" and inside:
                    receiver = ("province", inside[0].name)
            gifts.append((giver, receiver, amount))
        for giver, receiver, amount in gifts:
            key = (giver, receiver, amount.value)
            if key in seen:
                continue
            seen.add(key)
            currency = amount.unit or next(iter(currencies))
            extra.append(
                Transfer(giver, receiver, amount.value, currency, _purpose(ctx, index), index)
            )
    return extra


_ANYONE = re.compile(r".*(?<![\w])(?:người nào|bất kỳ ai|bất cứ ai|ai cung cấp)")
_ANYONE_AFTER = re.compile(r"\s+(?:\S+\s+){0,2}?cho (?:người nào|bất kỳ ai|bất cứ ai|ai )")
# The next item of a list of amounts: ", <who> <amount>", no verb of its own
_LISTED = re.compile(
    r"\s*(?:đồng\s*)?(?:/\s*\w+\s*)?[,;]\s*(?:và\s+|còn\s+)?(?P<rest>[^,;.()]{1,60}?)\s*"
)


# A sentence can tell a gift only if a number comes with a money word.
_MONEY_HINT = re.compile(r"\d\s*(?:đồng|USD|tỷ|tỉ|triệu|nghìn|ngàn)|\d\s+(?:đô|usd)", re.I)
_BARE_MONEY = re.compile(r"(?:tỷ|tỉ|triệu)$")
_WELFARE = re.compile(
    r"nghèo|khó khăn|hoàn cảnh|gia đình chính sách|người có công|[Mm]ẹ Việt Nam|người lao động"
    r"|CNVCLĐ|CNLĐ"
)
# A bare word for "the people" says nobody in particular.
_VAGUE = re.compile(rf"(?:(?:các|những|\d+|hai|ba)\s+)?(?:{_HEAD_WORDS}|dân)")


def _clause_verb(
    lowered: str, verbs: list[re.Match[str]], clause_start: int, amount: Quantity
) -> re.Match[str] | None:
    """The giving verb an amount belongs to: the last one before it in its clause, close
    enough ("thưởng nóng cho lực lượng … 50 triệu đồng", "trao 271 suất quà, trị giá 138
    triệu")."""
    before = [v for v in verbs if clause_start <= v.start() and v.end() <= amount.start]
    if not before:
        return None
    verb = before[-1]
    gap = lowered[verb.end() : amount.start]
    if re.search(r"[.;]", gap):
        return None
    if len(gap) <= 60 or (len(gap) <= 150 and _VALUE_CUE.search(gap)):
        return verb
    return None


def _clause_receiver(ctx: DocContext, index: int, verb_end: int, amount: Quantity) -> Actor | None:
    """Who a clause's amount goes to: a group of people after "cho/hỗ trợ/tặng" (between the
    verb and the amount, or right after the amount), or a place named in that group."""
    text = ctx.sentences[index].text
    windows: list[int] = []
    segment = text[verb_end : amount.start]
    for cue in re.finditer(r"(?:^|\s)(?:cho|tặng|hỗ trợ|ủng hộ|giúp đỡ|giúp)\s+", segment):
        windows.append(verb_end + cue.end())
    windows.append(verb_end + len(segment) - len(segment.lstrip()))
    urgent = _URGENTLY.match(segment)  # "hỗ trợ khẩn cấp hộ ông Trà Thái Hoàng 25 triệu đồng"
    if urgent:
        windows.append(verb_end + urgent.end())
    after = re.match(
        r"\s*(?:đồng\s*)?,?\s*(?:để\s+)?(?:trao\s+)?(?:hỗ trợ|ủng hộ|giúp đỡ|giúp|tặng|cho|đến"
        r"|tới|đến tận tay|khen thưởng|thưởng)\s+(?:cho\s+)?",
        text[amount.end :],
    )
    if after:
        windows.append(amount.end + after.end())
    for start in windows:
        unit = _police_unit(ctx, index, start)
        if unit:
            return ("other", unit)  # "hỗ trợ cho Công an tỉnh 500 triệu đồng"
        named = _NAMED_RECEIVER.match(text, start)
        if (
            named
            and _a_persons_name(named.group(1))
            and not any(
                m.start - ctx.sentences[index].start == named.start(1)
                for m in ctx.sentence_mentions(index)
            )
        ):
            return ("other", named.group(1))  # "trao thưởng 500 triệu đồng cho nam sinh X"
        typo = _TYPED_GIVE.match(text, start)  # "…, hộ trợ gia đình mỗi nạn nhân 3 triệu đồng"
        start = typo.end() if typo else start
        family = _FAMILY_OF_EACH.match(text, start)  # "gia đình mỗi nạn nhân" → "gia đình" + …
        group = _group_at(text, family.end() if family else start, amount)
        if group is None:
            continue
        g_start, g_end = group
        if family:
            return ("other", f"gia đình {text[g_start:g_end]}")
        for mention in ctx.sentence_mentions(index):
            m_start = mention.start - ctx.sentences[index].start
            if g_start <= m_start < g_end and mention.kind == "province":
                return ("province", mention.name)
        name = _named_family(ctx, _full_person_reference(ctx, text[g_start:g_end]))
        if _VAGUE.fullmatch(name):
            return None
        return ("other", name)
    return None


# A police force as a receiver of a cash reward ("thưởng cho Công an huyện Yên Mỹ 10 triệu
# đồng"), named as the gold names it: with its unit, and "Công an tỉnh" completed by the province
# in focus ("Công an tỉnh Đồng Tháp").
_POLICE_UNIT = re.compile(
    # a ward's or commune's police with its district, as written and as the gold keeps it:
    # "Công an phường Đức Thắng, quận Bắc Từ Liêm"
    rf"Công an (?:(?P<local>phường|xã|thị trấn)\s+{_UNIT_NAME}"
    rf"(?:,\s+(?:quận|huyện|thị xã|thành phố|TP\.?)\s+{_UNIT_NAME}(?![\w]))?"
    rf"|(?P<level>tỉnh|thành phố|TP\.?|huyện|quận|thị xã)(?P<name>\s+{_UNIT_NAME})?)(?![\w])"
)


def _named_unit(unit: re.Match[str]) -> bool:
    """Whether a police force is named with its place ("Công an huyện Yên Mỹ", not "Công an
    tỉnh")."""
    return bool(unit.group("local") or unit.group("name"))


def _police_unit(ctx: DocContext, index: int, start: int) -> str | None:
    unit = _POLICE_UNIT.match(ctx.sentences[index].text, start)
    if unit is None:
        return None
    if _named_unit(unit):
        return unit.group(0)
    if unit.group("level") != "tỉnh":
        return None
    return _named_in_focus(ctx, index, start, "Công an tỉnh")


# A reward list: "khen thưởng các đơn vị: phòng Cảnh sát Hình sự, …, Công an quận Kiến An và Công
# an huyện An Lão …, mỗi đơn vị 10 triệu đồng", "tặng 3 đơn vị …, mỗi đơn vị 10 triệu đồng gồm:
# Công an quận Bắc Từ Liêm; …": every police unit named with its place receives the amount.
_EACH_UNIT = re.compile(r"mỗi đơn vị(?:\s+(?:là|được))?\s*$")
_LIST_GIVE = re.compile(r"(?<![\w])(?:khen thưởng|thưởng|tặng|trao|trích)(?![\w])")
_LIST_AFTER = re.compile(r"\s*(?:đồng\s*)?(?:,\s*)?gồm\s*:?")


def _unit_lists(ctx: DocContext, people: list[Person], found: list[Transfer]) -> list[Transfer]:
    """Each named police unit of a reward list, given the amount "mỗi đơn vị" (each unit)."""
    seen = {(t.source, t.target, t.amount) for t in found}
    extra: list[Transfer] = []
    companies: list[Enterprise] | None = None
    for index, sentence in enumerate(ctx.sentences):
        text = sentence.text
        if "mỗi đơn vị" not in text:
            continue
        for amount in find_quantities(text, qualify=False):
            if amount.unit not in ("VND", "USD") or not _EACH_UNIT.search(text[: amount.start]):
                continue
            verbs = list(_LIST_GIVE.finditer(text.lower(), 0, amount.start))
            if not verbs:
                continue
            verb = verbs[-1]
            listed = text[verb.end() : amount.start]
            after = _LIST_AFTER.match(text, amount.end)
            if after:
                listed += " " + text[after.end() :]
            units = [  # not the force the units belong to: "… thuộc Công an TP. Hải Phòng"
                u.group(0)
                for u in _POLICE_UNIT.finditer(listed)
                if _named_unit(u) and not listed[: u.start()].endswith("thuộc ")
            ]
            if companies is None:
                companies = enterprises_in(ctx.text)
            giver = _clause_giver(ctx, index, 0, verb.start(), people, companies)
            if giver is None:
                continue
            currency, purpose = amount.unit or "VND", _purpose(ctx, index)
            for unit in dict.fromkeys(units):
                key = (giver, ("other", unit), amount.value)
                if key not in seen and key[1] != giver:
                    seen.add(key)
                    extra.append(Transfer(giver, key[1], amount.value, currency, purpose, index))
    return extra


def _a_persons_name(words: str) -> bool:
    """Capitalised words that open with a family name and are no province's name."""
    return words.split()[0] in SURNAMES and words not in province_aliases()


# "hỗ trợ gia đình mỗi nạn nhân 5 triệu đồng": each victim's family, which the gold names
# "gia đình nạn nhân" (the group after "mỗi", with "gia đình" before it)
_FAMILY_OF_EACH = re.compile(r"gia đình (?=mỗi\s)")


def _group_at(text: str, start: int, amount: Quantity) -> tuple[int, int] | None:
    """The span of a receiving group starting at ``start`` ("mỗi" left out), if one does."""
    head = re.match(r"mỗi\s+", text[start:])
    if head:
        start += head.end()
    match = _GROUP.match(text, start)
    person = _PERSON_REF.match(text, start)
    if match is None and person is None:
        return None
    end = len(text)
    if start < amount.start:
        end = amount.start
    # a comma alone does not end it: "cán bộ, chiến sỹ …", "học sinh, sinh viên …"
    stop = _GROUP_END.search(text, (match or person).end(), end)  # type: ignore[union-attr]
    if stop:
        end = stop.start()
    group = text[start:end].rstrip(" ,")
    plural = re.match(r"(?:các|những)\s+", group)
    if plural:  # a plural word is no part of the name: "các tiểu thương" → "tiểu thương"
        start += plural.end()
        group = group[plural.end() :]
    if len(group.split()) > 14 or not group:
        return None
    return start, start + len(group)


_FAMILY_OF = re.compile(
    rf"(?<![\w])gia đình (?:anh|chị|ông|bà|em|cháu) (?:[{UPPER}]\w*)(?: [{UPPER}]\w*)*"
)


# "thi thể ông Nguyễn Văn Tân (58 tuổi, quê Đồng Tháp), nạn nhân …", "nạn nhân là anh X"
_FULL_NAME = rf"(?:[{UPPER}]\w*\s+){{1,3}}[{UPPER}]\w*"
_VICTIM = re.compile(
    rf"(?:thi thể|nạn nhân(?: là)?)\s+(anh|chị|ông|bà|em|cháu)\s+({_FULL_NAME})"
    rf"|(anh|chị|ông|bà|em|cháu)\s+({_FULL_NAME})\s*\([^()]{{0,60}}\)\s*,?\s*(?:là\s+)?nạn nhân"
)


def _named_family(ctx: DocContext, group: str) -> str:
    """ "gia đình nạn nhân" → "gia đình ông Nguyễn Văn Tân" when the article names that one
    family and no other: the receiver as the article identifies it."""
    if group not in ("gia đình nạn nhân", "gia đình", "gia đình người bị nạn"):
        return group
    families = {match.group(0) for match in _FAMILY_OF.finditer(ctx.text)}
    if len(families) == 1:
        return _full_person_reference(ctx, families.pop())
    victims = {
        f"gia đình {m.group(1) or m.group(3)} {m.group(2) or m.group(4)}"
        for m in _VICTIM.finditer(ctx.text)
    }
    return victims.pop() if len(victims) == 1 and not families else group


def _full_person_reference(ctx: DocContext, group: str) -> str:
    """ "gia đình anh May" → "gia đình anh Vi Văn May" when the article names him in full."""
    ref = _PERSON_REF.search(group)
    if ref is None or len(ref.group(1).split()) > 1:
        return group
    given = ref.group(1)
    full = re.search(rf"(?<![\w])((?:[{UPPER}]\w*\s+){{1,3}}{re.escape(given)})(?![\w])", ctx.text)
    name = re.sub(r"^(?:(?:Ông|Bà|Anh|Chị|Em|Cháu|Bé)\s+)+", "", full.group(1)) if full else ""
    if name == given or not name:
        return group  # "Ông Trump" is no fuller name of "ông Trump"
    return group[: ref.start(1)] + name + group[ref.end(1) :]


def _clause_giver(
    ctx: DocContext,
    index: int,
    clause_start: int,
    verb_start: int,
    people: list[Person],
    companies: list[Enterprise],
) -> Actor | None:
    """The clause's giver: the agent of a passive ("được/do <org> tặng"), else the last
    organisation named before the verb, else the official speaking for his body, else the
    article's province when the subject is just "thành phố"/"tỉnh"."""
    sentence = ctx.sentences[index]
    window = sentence.text[clause_start:verb_start]
    # "X phối hợp cùng Tỉnh đoàn … trao": the partners after "phối hợp" are not the giver
    window = re.split(r"(?<![\w])(?:phối hợp|cùng với|kết hợp)(?![\w])", window)[0]
    orgs = [
        m
        for m in _ORG.finditer(window)
        if not _NOT_SUBJECT.search(window[: m.start()])
        and window.count("(", 0, m.start()) <= window.count(")", 0, m.start())
    ]
    for match in reversed(orgs):
        actor = _org_actor(
            ctx, index, clause_start + match.start(), match.group(0).strip(), companies
        )
        if actor is not None:
            return actor
    person = mention_of_people(window, people)
    if person is not None and (actor := person_actor(person)):
        return actor
    company = last_named(window, companies)
    if company:
        return ("enterprise", company[1].name)
    district = [
        m for m in _DISTRICT_NAME.finditer(window) if not _NOT_SUBJECT.search(window[: m.start()])
    ]
    if district:  # not "tại tòa nhà Trump Tower ở thành phố New York, ông Abe tặng …": a place
        return _district_actor(district[-1])
    province = _province_subject(ctx, index, clause_start, window)
    if province:
        return ("province", province)
    if ctx.home and _HOME_WORD.search(window):
        return ("province", ctx.home)
    return None


_TYPED_GIVE = re.compile(r"hộ trợ\s+")  # "hỗ trợ" mistyped, no household
_URGENTLY = re.compile(r"\s*(?:khẩn cấp|kịp thời|ngay|trực tiếp)\s+")
_COMMUNE_NAMED = re.compile(
    rf"(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+(?:xã|phường|thị trấn)\s+[{UPPER}0-9]"
)
_PROVINCE_WORD = re.compile(r"(?:[Tt]ỉnh|[Tt]hành phố|TP\.?)\s*$")


def _province_subject(ctx: DocContext, index: int, clause_start: int, window: str) -> str | None:
    """The province a clause opens with as its subject, written with its unit word ("Trước
    mắt, tỉnh Thái Bình hỗ trợ …"): at the clause's start or after a comma, so neither a place
    ("tại tỉnh …") nor part of a body's name ("Ban An toàn giao thông tỉnh Vĩnh Phúc")."""
    offset = ctx.sentences[index].start + clause_start
    for mention in ctx.sentence_mentions(index):
        at = mention.start - offset
        if mention.kind != "province" or at < 0 or mention.end - offset > len(window):
            continue
        word = _PROVINCE_WORD.search(window, 0, at)
        opening = window[: word.start()].rstrip() if word else "-"
        if not opening or opening.endswith(","):
            return mention.name
    return None


def _district_actor(match: re.Match[str]) -> Actor | None:
    kind, name = match.group(1).lower(), match.group(2)
    if kind == "thành phố" and mentions(f"thành phố {name}"):
        return None
    return ("district", f"{kind} {name}")


def _org_actor(
    ctx: DocContext, index: int, at: int, name: str, companies: list[Enterprise]
) -> Actor | None:
    sentence = ctx.sentences[index]
    name = re.sub(r"\s+(?:và|-|&)$", "", name).strip()
    if _GOVERNMENT_HEAD.match(name):
        inside = [
            m
            for m in ctx.sentence_mentions(index)
            if at <= m.start - sentence.start < at + len(name) and m.kind == "province"
        ]
        if inside:
            return ("province", inside[0].name)
        district = _DISTRICT_NAME.search(name)
        if district:
            return _district_actor(district)
        if _COMMUNE_NAMED.match(name):
            # "UBND xã Bình Thắng hỗ trợ 2 triệu đồng/hộ": the commune's UBND, as the gold names it
            return ("other", name)
        if re.search(r"(?<![\w])(?:tỉnh|TP|thành phố)$", name) and ctx.home:
            return ("province", ctx.home)
        return None
    if not re.search(rf"\s[{UPPER}0-9]", name):
        if not _ENTERPRISE_HEAD.fullmatch(name):
            return None
        name = _named_in_full(ctx, name, companies) or ""  # "nhà máy" → "Nhà máy thủy điện Nậm Nơn"
        if not name:
            return None
    if _ENTERPRISE_HEAD.match(name):
        return ("enterprise", full_name(name, companies))
    if name.endswith(" tỉnh"):  # "Bệnh viện Đa khoa tỉnh" → "… tỉnh Hòa Bình", as the gold names it
        completed = _named_in_focus(ctx, index, at, name)
        return ("other", completed) if completed else None
    return ("other", name)


def _named_in_focus(ctx: DocContext, index: int, at: int, name: str) -> str | None:
    """A body named "… tỉnh" completed by the province in focus at ``at`` (an offset into the
    sentence), as the gold names it ("Công an tỉnh Đồng Tháp"); None when none is in focus."""
    province = ctx.focus_before(index, ctx.sentences[index].start + at)
    return f"{name} {province}" if province else None


_LOWER_WORD = rf"[^\W{UPPER}0-9_]+"


def _named_in_full(ctx: DocContext, head: str, companies: list[Enterprise]) -> str | None:
    """The article's first organisation written with ``head`` and a proper name."""
    head = head.split(",")[0].strip()
    for company in companies:
        if company.name.lower().startswith(head.lower() + " "):
            return company.name
    pattern = re.compile(
        rf"(?<![\w])(?i:{re.escape(head)})(?: {_LOWER_WORD}){{0,2}}(?: [{UPPER}][\w&-]*)+"
    )
    for match in pattern.finditer(ctx.text):
        found = match.group(0)
        if re.search(rf"\s[{UPPER}]", found[len(head) :]):
            return found[0].upper() + found[1:]
    return None


# "Thầy giáo Lê Đức Thịnh cũng được khen thưởng 250 triệu đồng", "Phạm Huy đã được Tỉnh ủy,
# UBND tỉnh … trao thưởng số tiền trên 40 triệu đồng": the receiver is the subject, the giver
# the agent after "được" (or, unsaid, the one who gave the article's other gifts)
_PASSIVE = re.compile(
    r"(?<![\w])được\s+(?P<agent>[^;.()]{0,80}?)\s*(?<![\w])(?:khen thưởng|trao thưởng"
    r"|thưởng nóng|thưởng|hỗ trợ|trao tặng|tặng|trao)\s+(?:số tiền\s+|tổng số tiền\s+|tiền\s+)?"
    r"(?:trên\s+|hơn\s+|gần\s+|khoảng\s+)?$"
)
_PASSIVE_HINT = re.compile(r"được [^.;]{0,80}?(?:thưởng|hỗ trợ|tặng|trao) (?:\S+ ){0,3}\d")
_PASSIVE_SUBJECT = re.compile(
    rf"(?:(?<![\w])(?i:{_PERSON_ROLES}|tài xế)\s+|^|[,:]\s*)({_FULL_NAME})(?:\s*\([^()]*\))?"
    r"\s*(?:,[^,]{0,40},\s*)?(?:cũng\s+|đã\s+|vừa\s+|còn\s+)*$"
)


def _passive_transfers(
    ctx: DocContext, people: list[Person], found: list[Transfer]
) -> list[Transfer]:
    """Gifts told in the passive to a person named as the clause's subject."""
    done = {(t.sentence_index, t.amount) for t in found}
    extra: list[Transfer] = []
    companies: list[Enterprise] | None = None
    for index, sentence in enumerate(ctx.sentences):
        text = sentence.text
        if "được" not in text or not _PASSIVE_HINT.search(text):
            continue
        clause_start = 0
        for amount in find_quantities(text, qualify=False):
            window = text[clause_start : amount.start]
            clause_start = amount.end
            if amount.unit not in ("VND", "USD") or (index, amount.value) in done:
                continue
            passive = _PASSIVE.search(window)
            subject = passive and _PASSIVE_SUBJECT.search(window[: passive.start()])
            if not passive or not subject or not _a_persons_name(subject.group(1)):
                continue
            if companies is None:
                companies = enterprises_in(ctx.text)
            agent_start = amount.start - len(window) + passive.start("agent")
            agent_end = amount.start - len(window) + passive.end("agent")
            giver = _clause_giver(ctx, index, agent_start, agent_end, people, companies)
            if giver is None and not passive.group("agent"):
                earlier = [t for t in found + extra if t.sentence_index <= index]
                giver = earlier[-1].source if earlier else None
            if giver is None:
                continue
            extra.append(
                Transfer(
                    giver,
                    ("other", subject.group(1)),
                    amount.value,
                    amount.unit or "VND",
                    _purpose(ctx, index),
                    index,
                )
            )
    return extra


# "hỗ trợ 8 địa phương (Thanh Hoá 10 tỷ đồng, Nghệ An 45 tỷ đồng, …)", "tỉnh Hà Tĩnh được cấp
# 560 tỷ đồng, tỉnh Quảng Bình nhận 760 tỷ đồng": a central sum shared out among provinces
_SHARE_OUT = re.compile(r"(?<![\w])(?:hỗ trợ|cấp|tạm cấp|phân bổ|trích|bổ sung)(?![\w])")
_SHARE_GAP = re.compile(r"\s*(?::|là|được cấp|được hỗ trợ|nhận|được)?\s*$")
_CENTRAL_FUNDS = re.compile(r"ngân sách trung ương|Thủ tướng|Chính phủ")
_PROVINCES_GIVE = re.compile(r"(?:địa phương|các tỉnh)\s*$")


def _province_shares(ctx: DocContext, found: list[Transfer]) -> list[Transfer]:
    """Each province's share of a sum the central government gives, when the sentence lists at
    least two provinces with their amounts."""
    done = {(t.sentence_index, t.amount) for t in found}
    extra: list[Transfer] = []
    for index, sentence in enumerate(ctx.sentences):
        text = sentence.text
        if (
            len(ctx.provinces_in(index)) < 2
            or not _SHARE_OUT.search(text)
            or not _MONEY_HINT.search(text)
        ):
            continue
        money = [q for q in find_quantities(text, qualify=False) if q.unit == "VND" and q.value]
        shares: list[tuple[str, Quantity]] = []
        for mention in ctx.provinces_in(index):
            end = mention.end - sentence.start
            amount = next((q for q in money if 0 <= q.start - end <= 16), None)
            if amount and _SHARE_GAP.fullmatch(text, end, amount.start):
                shares.append((mention.name, amount))
        if len(shares) < 2:
            continue
        first = min(amount.start for _, amount in shares)
        verb = next((v for v in _SHARE_OUT.finditer(text, 0, first)), None)
        if verb is None or _PROVINCES_GIVE.search(text, max(0, verb.start() - 20), verb.start()):
            continue  # "các địa phương hỗ trợ ứng trước (TP HCM 2.939 tỷ đồng, …)": they pay
        giver = _central_giver(ctx, index, verb.start())
        if giver is None:
            continue
        for province, amount in shares:
            if (index, amount.value) not in done:
                target = ("province", province)
                extra.append(
                    Transfer(giver, target, amount.value, "VND", _purpose(ctx, index), index)
                )
    return extra


def _central_giver(ctx: DocContext, index: int, verb_at: int) -> Actor | None:
    """The central body a shared-out sum comes from: the one named last before the verb ("…
    Chính phủ Trương Hòa Bình, Bộ Tài chính tạm cấp"), else in the sentence before, the
    Government when the text speaks of the central budget or the Prime Minister."""
    start = ctx.sentences[index].start
    for at in (index, index - 1):
        if at < 0:
            continue
        central = [
            m
            for m in ctx.sentence_mentions(at)
            if m.kind == "central" and (at < index or m.start - start < verb_at)
        ]
        if central:
            return ("central", central[-1].name)
        if _CENTRAL_FUNDS.search(ctx.sentences[at].text):
            return ("central", "Chính phủ")
    return None
