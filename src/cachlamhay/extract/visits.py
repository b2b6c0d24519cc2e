"""Working visits and exchanges: who visited whom, when, led by whom, received by whom, why.

Hand-written patterns over the sentence and its place mentions, because news states visits in a
few fixed shapes:
  - "đoàn (công tác) tỉnh X do <title> <name> làm trưởng đoàn/dẫn đầu … làm việc với/tại tỉnh Y";
  - "<central official> (thăm và) làm việc với/tại tỉnh Y" (Thủ tướng → Chính phủ,
    Bộ trưởng Bộ Z → Bộ Z);
  - "<official of Y> tiếp (đoàn) X / Đại sứ Z";
  - foreign delegations ("Đoàn đại biểu … Lào do … dẫn đầu … thăm tỉnh Y").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cachlamhay.extract.context import DocContext
from cachlamhay.extract.people import Person, central_body_of, mention_of_people
from cachlamhay.extract.text import Mention
from cachlamhay.extract.topics import topics_in
from cachlamhay.vntext import UPPER, fold

VERSION = "visits.v1"

_VISIT_VERB = re.compile(
    r"(?<![a-z])(?:tham va lam viec|lam viec|den tham|tham chinh thuc|tham hoi|tham"
    r"|trao doi kinh nghiem"
    r"|hoc tap kinh nghiem|hoi dam|hoi kien|khao sat|kiem tra|chao xa giao|co buoi)(?![a-z])"
)
_TOWARD = re.compile(r"(?<![a-z])(?:voi|tai|den|o)(?![a-z])")
_DELEGATION = re.compile(
    r"(?<![a-z])doan(?: cong tac| dai bieu| can bo| lanh dao| dai bieu cap cao| cap cao)?"
    r"(?: cua)?(?: cap cao)?(?: tinh| thanh pho| tp\.?| nuoc| bo| dang,? nha nuoc)?\s*$"
)
_LED_BY = re.compile(r"(?<![a-z])do\s+$")
_LEADS = re.compile(r"(?<![a-z])(?:lam truong doan|dan dau|lam truong)(?![a-z])")
_RECEIVES = re.compile(
    r"(?<![a-z])(?:tiep va lam viec|tiep don|da tiep|tiep|chu tri tiep|don tiep)(?![a-z])"
)
_EXCHANGE_CUE = re.compile(
    fold(
        r"trao đổi|chia sẻ|kinh nghiệm|bài học|cách làm|học hỏi|học tập|đánh giá cao"
        + r"|báo cáo|thảo luận"
    )
)
_RELIEF = re.compile(
    fold(r"thăm hỏi|hỗ trợ|ủng hộ|cứu trợ|thiên tai|lũ lụt|mưa lũ|bão|sạt lở|khắc phục")
)
_INVEST = re.compile(
    fold(r"xúc tiến đầu tư|nhà đầu tư|cơ hội đầu tư|hợp tác đầu tư|thương mại|doanh nghiệp")
)
_PLACE = re.compile(
    r"(?:tham quan|thăm|khảo sát|đến)\s+(?:các |một số |mô hình )?"
    r"((?:[Kk]hu công nghiệp|KCN|Công ty|Nhà máy|nhà máy|Bệnh viện|Trường|Khu di tích|khu di tích"
    r"|Khu kinh tế|khu kinh tế|Cảng|cảng|Tập đoàn|Trung tâm|Làng|làng|Đền|Chùa|Khu du lịch)"
    rf"(?:\s*\([^)]*\))?(?:\s+(?:[{UPPER}0-9][\w&.-]*|TNHH|CP|và))+)"
)


@dataclass(slots=True)
class Visit:
    visitor: tuple[str, str]
    host: tuple[str, str]
    date: str | None = None
    leader: tuple[str, str] | None = None
    received_by: list[tuple[str, str]] = field(default_factory=list)
    purpose: str = "other"
    topics: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    sentence_indexes: list[int] = field(default_factory=list)


def extract_visits(ctx: DocContext, people: list[Person], dates: dict[int, str]) -> list[Visit]:
    """``dates``: sentence index → ISO date of the first date written in that sentence."""
    found: dict[tuple[tuple[str, str], tuple[str, str]], Visit] = {}
    for index, sentence in enumerate(ctx.sentences):
        if sentence.caption:
            continue
        folded = fold(sentence.text)
        verb = _VISIT_VERB.search(folded)
        if not verb:
            continue
        pair = _actors(ctx, index, folded, verb, people)
        if pair is None:
            continue
        visitor, host, leader = pair
        visit = found.setdefault((visitor, host), Visit(visitor, host))
        visit.sentence_indexes.append(index)
        if leader and not visit.leader:
            visit.leader = leader
        if not visit.date:
            visit.date = dates.get(index) or _lead_date(ctx, dates, index)
    for visitor, host in list(found):
        # one article reports one exchange between two sides: keep the direction found first
        if (host, visitor) in found and (visitor, host) in found:
            first, second = sorted(
                [(visitor, host), (host, visitor)], key=lambda k: found[k].sentence_indexes[0]
            )
            found[first].sentence_indexes += found.pop(second).sentence_indexes
    for visit in found.values():
        _complete(visit, ctx, people)
    return list(found.values())


def _actors(
    ctx: DocContext, index: int, folded: str, verb: re.Match[str], people: list[Person]
) -> tuple[tuple[str, str], tuple[str, str], tuple[str, str] | None] | None:
    sentence = ctx.sentences[index]
    mentions = ctx.sentence_mentions(index)
    rel = [(m.start - sentence.start, m) for m in mentions]
    visitor: Mention | None = None
    for offset, mention in rel:
        if _DELEGATION.search(folded[:offset]) and offset < verb.start() + 200:
            visitor = mention
            break
    leader = _leader(sentence.text, folded, people)
    receiving = _RECEIVES.search(folded)
    host: Mention | None = None
    central_actor: tuple[str, str] | None = None
    if visitor is None and leader is None:
        person = mention_of_people(sentence.text, people)
        body = central_body_of(person.titles) if person else None
        at = sentence.text.find(person.name) if person else -1
        if person and body and 0 <= at < verb.start():
            central_actor = ("central", body)
            leader = (person.name, person.titles[0] if person.titles else "")
    if leader and visitor is None and central_actor is None:
        person = next((p for p in people if p.name == leader[0]), None)
        body = central_body_of(person.titles) if person else None
        if body:
            central_actor = ("central", body)
    after_verb = [m for offset, m in rel if offset >= verb.end()]
    for mention in after_verb:
        if visitor is None or mention.name != visitor.name:
            host = mention
            break
    if receiving and visitor is None and central_actor is None:
        # "<official of Y> tiếp <X>": the receiver's side is the host
        guests = [m for offset, m in rel if offset >= receiving.end()]
        hosts = [m for offset, m in rel if offset < receiving.start()]
        if guests and (hosts or ctx.home):
            guest = guests[0]
            host_name = hosts[-1] if hosts else None
            host_actor = (
                (host_name.kind, host_name.name) if host_name else ("province", ctx.home or "")
            )
            if (
                guest.kind in ("foreign", "central", "province")
                and (guest.kind, guest.name) != host_actor
            ):
                return (guest.kind, guest.name), host_actor, leader
        return None
    visitor_actor = (visitor.kind, visitor.name) if visitor else central_actor
    if visitor_actor is None:
        return None
    if host is None:
        if not _TOWARD.search(folded[verb.start() :]):
            return None
        if visitor_actor[0] != "province" and ctx.home:
            host_actor = ("province", ctx.home)
        else:
            return None
    else:
        host_actor = (host.kind, host.name)
    if host_actor == visitor_actor or (
        host_actor[0] == "central" and visitor_actor[0] == "central"
    ):
        return None
    return visitor_actor, host_actor, leader


def _leader(text: str, folded: str, people: list[Person]) -> tuple[str, str] | None:
    """ "do <title> <name> làm trưởng đoàn / dẫn đầu": the person after "do"."""
    leads = _LEADS.search(folded)
    if not leads:
        return None
    window = text[: leads.start()]
    last_do = max((m.end() for m in re.finditer(r"(?<![\w])do\s", window)), default=-1)
    if last_do < 0:
        return None
    person = mention_of_people(window[last_do:], people)
    if person is None:
        return None
    return person.name, person.titles[-1] if person.titles else ""


def _lead_date(ctx: DocContext, dates: dict[int, str], index: int) -> str | None:
    for k in sorted(dates):
        if k <= index + 1:
            return dates[k]
    return None


def _complete(visit: Visit, ctx: DocContext, people: list[Person]) -> None:
    sentences = [ctx.sentences[i] for i in visit.sentence_indexes]
    text = " ".join(s.text for s in sentences)
    folded = fold(text)
    if visit.visitor[0] == "province" and visit.host[0] == "province":
        visit.purpose = "exchange"
    elif visit.visitor[0] == "foreign" or visit.host[0] == "foreign":
        visit.purpose = "investment" if _INVEST.search(folded) else "diplomatic"
    elif _INVEST.search(folded) and "dau tu" in folded:
        visit.purpose = "investment"
    elif _RELIEF.search(folded):
        visit.purpose = "relief"
    else:
        visit.purpose = "inspection"
    if visit.purpose == "exchange":
        cue_sentences = [s.text for s in ctx.sentences if _EXCHANGE_CUE.search(fold(s.text))]
        visit.topics = topics_in(" . ".join(cue_sentences))
    else:
        visit.topics = topics_in(text)
    host_province = visit.host[1] if visit.host[0] == "province" else None
    leader_name = visit.leader[0] if visit.leader else None
    received: dict[str, tuple[str, str]] = {}
    for sentence in ctx.sentences:
        if not _RECEIVES.search(fold(sentence.text)):
            continue
        for person in people:
            if person.name == leader_name or person.name not in sentence.text:
                continue
            if host_province and person.province == host_province:
                title = next((t for t in person.titles if host_province in t), person.titles[0])
                received.setdefault(person.name, (person.name, title))
    visit.received_by = list(received.values())
    places: list[str] = []
    for sentence in ctx.sentences:
        for match in _PLACE.finditer(sentence.text):
            place = _clean_place(match.group(1))
            if place and place not in places:
                places.append(place)
    visit.places = places


def _clean_place(place: str) -> str:
    place = re.sub(r"\s*\([^)]*\)", "", place).strip().rstrip(".,;")
    place = re.sub(r"\s+và$", "", place)
    place = re.sub(r"^khu công nghiệp|^KCN", "Khu công nghiệp", place)
    place = re.sub(r"^(Công ty)( Công ty)+", r"\1", place)
    return place[0].upper() + place[1:] if place else place
