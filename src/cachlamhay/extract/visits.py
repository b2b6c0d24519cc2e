"""Working visits and exchanges: who visited whom, when, led by whom, received by whom, why.

Hand-written patterns over the sentence and its place mentions, because news states visits in a
few fixed shapes:
  - "đoàn (công tác) tỉnh X do <title> <name> làm trưởng đoàn/dẫn đầu … làm việc với/tại tỉnh Y";
  - "<central official> (thăm và) làm việc với/tại tỉnh Y" (Thủ tướng → Chính phủ,
    Bộ trưởng Bộ Z → Bộ Z);
  - "<official of Y> tiếp (đoàn) X / Đại sứ Z";
  - foreign delegations ("Đoàn đại biểu … Lào do … dẫn đầu … thăm tỉnh Y");
  - a programme of stops ("Trong chuyến thăm, X đã hội đàm với …; chào xã giao …; hội kiến …"),
    one visit of the same guest per body met (visits.v8);
  - talks at home whose lead has the guest "thăm hữu nghị chính thức Việt Nam" (visits.v9);
  - a year alone ("đến năm 2030") no longer dates a visit (visits.v10);
  - every official of a list the guest calls on is a host, a foreign official named again by the
    surname alone ("Bộ trưởng Quốc phòng Shoigu") is the subject, and "tại Hà Nội với <official>"
    makes the capital the venue, not the host (visits.v11);
  - "Trong khuôn khổ chuyến thăm …, ngày 21-5, Thủ tướng và đoàn …": the office alone after the
    opening clause is the visitor; an official who "cho biết, …" is not the subject of what he
    reports (visits.v12);
  - "đã tới thăm tỉnh Gunma" in a sentence naming Nhật Bản: the host "tỉnh Gunma (Nhật Bản)"
    (visits.v13);
  - a foreign youth union ("Trung ương Đoàn TNCS Cuba") or a committee of a foreign chamber
    ("Ủy ban Quân lực Thượng viện Hoa Kỳ") is a body of its own, and our youth union is named
    "Trung ương Đoàn TNCS Hồ Chí Minh", kind ``other``, as the gold names it; a visit between
    two foreign sides is left out, as out of scope (visits.v14);
  - a match ("U23 Việt Nam … tiếp Malaysia") is no visit; "liên tiếp" (in a row) is no
    receiving; a central official in the article's province must be there (a cue before the
    name, or after it before "gửi thư khen", "yêu cầu", "chỉ đạo" …), and a late or former
    official acts for no body; a complaint "gửi/khiếu nại đến" a body, an appointment, a
    province's own Assembly deputies and a company named after a province ("BOT Sóc Trăng")
    make no visit; a verb opening the sentence ("Hội kiến với Toàn quyền Canada …, Thủ
    tướng …") is read, its hosts named before the subject's comma, and a delegation it meets
    ("Làm việc với đoàn công tác của Thủ tướng …") is the side that came; workers employed
    abroad make no visit, and Hà Nội in a site's address is no second host (visits.v15);
  - approving from afar ("đồng ý", "phê duyệt", "cho phép") puts no official in the province,
    a presence cue after a foreign leader's name is the leader's, and the visit told after a
    first official's praise or thanks ("đánh giá cao việc …", "cảm ơn …") is the praised
    official's, not the first one's; a stop lists all its places ("; thăm và làm việc tại
    Thành phố Hồ Chí Minh, tỉnh Bến Tre, tỉnh Sơn La"); "nơi làm việc" (a workplace) is no
    working visit; a romanised "Bộ trưởng" never acts for one of our ministries; a central body
    or a foreign guest visits Hà Nội, the capital, only when its sentences name the city's
    government (visits.v16);
  - a receiving verb opening the sentence ("Tiếp Thống đốc tỉnh Aichi …, Thủ tướng …") has
    its host after the comma, and the office alone ("Thủ tướng tiếp …") hosts as its body,
    except that country's guests while our leader is abroad; "sự đón tiếp … của X" is X's;
    "Tiếp đó" (next) receives nobody; the place just arrived at ("ngay sau khi đến Hòa Bình,
    Tổng Bí thư …") is the host; a delegation met "tại Hà Nội" is the one named after the verb,
    never the venue (visits.v17);
  - a guest of the country our leader is visiting, received there ("tại Tokyo, trong khuôn khổ
    chuyến thăm chính thức Nhật Bản, Thủ tướng … đã tiếp …"), makes no visit: the trip is the
    visit (visits.v18);
  - a member of the Secretariat ("Bí thư Trung ương Đảng") acts for their own office, else for
    "Ban Bí thư", never for the Central Committee; "Ban Bí thư Trung ương Đảng" is the
    Secretariat (visits.v19, through people and the gazetteer); a royal's country is a
    mention ("tiếp Hoàng hậu Hà Lan Maxima", visits.v20).
visits.v22 changes no rule: people.v22 finds foreign governors and mayors ("Thống đốc tỉnh
Kanagawa Kuroiwa Yuji"), who can now lead a visit or stand as a sentence's subject.
visits.v23: a central team that came to a province right before the verb ("đoàn công tác Bộ
NN&PTNT vào Bình Định làm việc", "đoàn … đã về Yên Bái làm việc") visits it.
visits.v24: arriving in a foreign city visits its country ("đến Thủ đô Washington, Hoa Kỳ",
"đến sân bay quân sự St. Andews, Washington, Hoa Kỳ"; not "đến từ Vương Quốc Anh, Thái Lan");
a sentence that opens with the schedule ("Theo chương trình …") and says nothing done tells a
plan, no visit.
visits.v25 changes no rule: the gazetteer names the State Bank by its official name, "Ngân hàng
Nhà nước Việt Nam", as the gold does.
visits.v26 changes no rule: the gazetteer knows the United Nations and Interpol as foreign actors
("Thủ tướng … thăm trụ sở Liên hợp quốc", "Tổng Thư ký Interpol … làm việc với Bộ Công an").
visits.v27 changes no rule: cheap housing ("nhà giá rẻ", "nhà xã hội") is a visit's housing topic.
visits.v28 changes no rule: a country named by an ordinary word is the country after
"Ngoại trưởng", "nghị sĩ" and "cấp cao" too ("đoàn công tác cấp cao Mỹ", "Ngoại trưởng Mỹ").
visits.v29: "tiếp Thủ tướng/Thủ trưởng …" receives a guest; folded, it had been read as "tiếp
thu" (take in) and skipped ("Chủ tịch nước … tiếp Thủ tướng Singapore Lý Hiển Long").
visits.v30 changes no rule: the Czech Republic is "Cộng hòa Séc", as the gold names it, and a
foreign head of state ("Chủ tịch nước Trung Quốc") is the country, as a foreign government is.
visits.v31: whoever "sẽ tháp tùng/đi cùng/dẫn đầu" a trip has not travelled yet, however many
words name the leader before the travel verb ("sẽ tháp tùng ông Barack Obama đến Hà Nội").
visits.v32 changes no rule: a central body is named however its later words are capitalised
("đoàn công tác của Ủy ban kiểm tra Trung ương đã đến Bến Tre", extract.text).
visits.v33: a visit to a foreign city or province is a visit to its country too ("đi thăm thành
phố Saint Petersburg, … trong khuôn khổ chuyến thăm chính thức Liên bang Nga").
visits.v34: the capital named after the verb as the venue ("hội đàm với Thủ tướng Việt Nam
Nguyễn Xuân Phúc tại Hà Nội") is no host when the official met is named right after the verb, as
it was not when named before him ("hội đàm tại Hà Nội với …").
visits.v35: a foreign minister visiting Việt Nam, the country and no body after the verb, visits
his counterpart ministry ("Bộ trưởng Quốc phòng Nga … trong chuyến thăm chính thức đến Việt Nam"
→ Bộ Quốc phòng; "chuyến thăm Việt Nam của Bộ trưởng Quốc phòng Mỹ James Mattis"), never in a
headline, another's recalled trip, an intention ("ý định thăm") or a postponed one; workers
going abroad to work ("5.082 lao động sang Hàn Quốc làm việc") visit nobody.
visits.v36: a trip named as a noun, its host right after "thăm" and its visitor after "của"
("nhân chuyến thăm Australia của Thủ tướng Nguyễn Xuân Phúc"), is a visit unless its sentence has
it ahead or called off ("trước thềm", "chuẩn bị cho", "sắp tới", "dự kiến").
visits.v37: one commenting on a trip makes none ("trả lời câu hỏi về chuyến thăm Nga của lãnh
đạo Triều Tiên": only the official after "của" travels); workers sent to work abroad named
anywhere before "sang/đi làm việc" ("Đề án đưa lao động … sang làm việc tại Nhật Bản"); a body
whose instruction the subject carries out is no visitor ("Quán triệt Chỉ thị của Thủ tướng Chính
phủ …, lãnh đạo Bộ VHTTDL … kiểm tra").
visits.v38: the official who invited a guest is not present where the guest goes ("… tại thành
phố Đà Nẵng, theo lời mời của Chủ tịch nước Trần Đại Quang"), and a foreign province's or city's
head receiving ("Tỉnh trưởng Tỉnh Phúc Kiến … đón Chủ tịch nước") receives abroad, never in the
article's province.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field

from cachlamhay.extract.automata import StartsAt
from cachlamhay.extract.context import DocContext
from cachlamhay.extract.dates import SentenceDates
from cachlamhay.extract.gazetteer import country_aliases, province_aliases
from cachlamhay.extract.model import Candidate, Features, distance_bucket
from cachlamhay.extract.people import (
    MAX_SENTENCE_ACTORS,
    Person,
    actor_dict,
    actors_in_sentence,
    mention_of_people,
    people_by_sentence,
    person_actor,
    romanised,
    starts_with_title,
    surname_at,
)
from cachlamhay.extract.text import Mention
from cachlamhay.extract.text import mentions as mentions_in
from cachlamhay.extract.topics import topics_in
from cachlamhay.vntext import UPPER, fold

VERSION = "visits.v38"

# Matched on the lower-cased text, not the folded one: folding makes "thăm" (visit) and "tham"
# (tham gia, tham dự, tham mưu) the same word.
_VISIT_VERB = re.compile(  # tried only where a verb starts: see _VISIT_VERBS
    r"(?<!\w)(?:thăm và làm việc|(?<!nơi )làm việc|đến thăm|thăm chính thức"
    r"|thăm hỏi|thăm"
    r"|trao đổi kinh nghiệm|thị sát|dự hội nghị|tham dự|dự lễ|thăm và khảo sát"
    r"|học tập kinh nghiệm|hội đàm|hội kiến|khảo sát|kiểm tra|chào xã giao|có buổi|tìm hiểu"
    r"|tham quan"
    r"|(?<![Tt]iếp )đến|tới|sang"  # "tiếp đến là Bahamas": next in a list
    # "<official of Y> đã tiếp <guest>": only the receiving sense, not "tiếp tục", "tiếp nhận"…
    r"|tiếp(?= (?:đoàn|[Đđ]ồng chí|ông|bà|ngài|Đại sứ|[A-ZĐ])))(?!\w)"
)
# The visit verbs are looked for only where one of these first words is written: trying the
# alternation at every "l", "đ", "t"... of every sentence was half of the visits' time.
_VISIT_VERBS = StartsAt(
    _VISIT_VERB,
    (
        "làm việc", "thăm", "đến", "trao đổi kinh nghiệm", "thị sát", "dự hội nghị", "tham dự",
        "dự lễ", "học tập kinh nghiệm", "hội đàm", "hội kiến", "khảo sát", "kiểm tra",
        "chào xã giao", "có buổi", "tìm hiểu", "tham quan", "tới", "sang", "tiếp",
    ),
)  # fmt: skip
_HOST_CUE = re.compile(r"(?<![a-z])(?:voi|tai|den|sang|toi|o|khu vuc|dia ban)(?![a-z])")
# "xã Bình Thành, huyện Thanh Bình, tỉnh Đồng Tháp": the address leading up to the province
_ADDRESS_BEFORE = re.compile(
    r"(?:(?:xa|phuong|thi tran|huyen|quan|thi xa|thanh pho|tp\.?) [^,]{1,30},\s*)+"
    r"(?:tinh |thanh pho |tp\.? ?)?$"
)
_HOST_REACH = 200  # characters between the verb and the host it introduces
_DELEGATION = re.compile(
    r"(?<![a-z])doan(?: cong tac| dai bieu| can bo| lanh dao| khao sat| lien nganh| cap cao)*"
    r"(?: cua)?(?: (?:thuong truc|ban thuong vu|lanh dao|cac so,? nganh))?"
    r"(?: (?:tinh uy|thanh uy|ubnd|hdnd|quoc hoi|chinh phu))?"
    r"(?: tinh| thanh pho| tp\.?| nuoc| bo| dang,? nha nuoc)?\s*$"
)
# "đón" receives a guest only when an office or a delegation follows ("đón Tết", "đón nhận",
# "đưa đón bộ trưởng" do not)
_WELCOME = re.compile(
    r"(?<!\w)(?<!đưa )(?:được |đã )?đón(?: tiếp)? (?=(?:đoàn|Đoàn|[Tt]hủ tướng|Phó [Tt]hủ tướng"
    r"|[Cc]hủ tịch|[Pp]hó [Cc]hủ tịch|[Bb]ộ trưởng|[Tt]hứ trưởng|[Tt]ổng [Bb]í thư|[Đđ]ại sứ"
    r"|[Tt]ổng thống)\b)"
)
_LEADS = re.compile(r"(?<![a-z])(?:lam truong doan|dan dau|lam truong)(?![a-z])")
# "trực tiếp", "liên tiếp" (in a row), "gián tiếp", "kế tiếp", "nối tiếp" are not receiving
_RECEIVES = re.compile(
    r"(?<![a-z])(?<!truc )(?<!lien )(?<!gian )(?<!ke )(?<!noi )"
    r"(?:tiep va lam viec|tiep don|tiep|don tiep)"
    # not "tiếp thu" (take in), but "tiếp Thủ tướng Singapore": folded, the two look alike
    r"(?! (?:tuc|theo|can|thu(?! tuong| truong)|xuc|nhan|noi|dien|ke|quan|tay|ung|suc|vien"
    r"|lieu|thi|giap|te|do(?![a-z])))"  # "Tiếp đó, …": next
    r"(?![a-z])"
)
_EXCHANGE_CUE = re.compile(
    fold(
        r"trao đổi|chia sẻ|kinh nghiệm|bài học|cách làm|học hỏi|học tập|đánh giá cao"
        + r"|báo cáo|thảo luận"
    )
)
# With its tones: folded, "bão" (storm) is also "báo cáo", "bảo vệ", "bao gồm"
_RELIEF = re.compile(
    r"(?<!\w)(?:thăm hỏi|hỗ trợ|ủng hộ|cứu trợ|thiên tai|lũ lụt|mưa lũ|bão|sạt lở|khắc phục)(?!\w)",
    re.IGNORECASE,
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


Actor = tuple[str, str]
Leader = tuple[str, str] | None


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


def finish_visits(ctx: DocContext, people: list[Person], decided: list[Candidate]) -> list[Visit]:
    visits = [c.payload for c in decided if c.kept]
    for visit in visits:
        _complete(visit, ctx, people)
    return visits


def visit_candidates(
    ctx: DocContext, people: list[Person], dates: SentenceDates, *, rules_only: bool = False
) -> list[Candidate]:
    """Every ordered pair of actors named near a visit cue, with the rule's visits among them.
    ``rules_only`` (no model to decide): just the rule's, in the same order, without features."""
    rule = _rule_visits(ctx, people, dates)
    if rules_only and not rule:
        return []
    pairs: dict[tuple[Actor, Actor], Features] = {}
    supports: dict[tuple[Actor, Actor], list[int]] = {}
    lead = _lead_sentences(ctx)
    only = set(rule) if rules_only else None
    for index, sentence_pairs in _pair_features(ctx, people, lead, only):
        for pair, found in sentence_pairs.items():
            pairs.setdefault(pair, Features()).merge(found.values)
            supports.setdefault(pair, []).append(index)
    for pair in rule:
        pairs.setdefault(pair, Features())
    candidates = []
    for (visitor, host), features in pairs.items():
        features.add("rule", (visitor, host) in rule)
        features.add("rule_reverse", (host, visitor) in rule)
        features.add("kinds", f"{visitor[0]}>{host[0]}")
        features.add("visitor_home", visitor[1] == ctx.home)
        features.add("host_home", host[1] == ctx.home)
        count = len(supports.get((visitor, host), []))
        features.add("sentences", min(count, 3))
        visit = rule.get((visitor, host)) or _visit_from(
            ctx, people, dates, visitor, host, supports[(visitor, host)]
        )
        candidates.append(
            Candidate(
                probe={"visitor": actor_dict(visitor), "host": actor_dict(host)},
                features=features.values,
                payload=visit,
                rule=(visitor, host) in rule,
                group=tuple(sorted([visitor, host])),
            )
        )
    return candidates


# Any word a visit is told with: high recall, the model sorts them out.
_ANY_VISIT_CUE = re.compile(
    r"(?<!\w)(?:thăm|làm việc|tiếp|đón|hội đàm|hội kiến|đoàn|kiểm tra|khảo sát|học tập|trao đổi"
    r"|chào|dự|đến|tới|sang|gặp|chúc tết|chúc mừng|tham quan|tìm hiểu|thị sát)(?!\w)"
)
_BEFORE_HOST = re.compile(r"(?:voi|tai|den|sang|toi|o|tham|tiep|cua)\s+(?:\S+\s+){0,4}$")


def _sentence_actors(
    ctx: DocContext, index: int, people_at: dict[int, list[tuple[int, Actor]]]
) -> list[tuple[int, Actor, str]]:
    found = actors_in_sentence(ctx, index, people_at.get(index, []))
    return sorted(found.values())[:MAX_SENTENCE_ACTORS]


def _pair_features(
    ctx: DocContext,
    people: list[Person],
    lead: set[int],
    only: set[tuple[Actor, Actor]] | None = None,
) -> list[tuple[int, dict[tuple[Actor, Actor], Features]]]:
    """Per sentence with a visit word, every ordered pair of its actors with its features;
    with ``only``, just those pairs and no features (where they first appear is all that is
    needed when no model decides)."""
    people_at = people_by_sentence(ctx, people, lambda p: _acting_for(ctx, p))
    result = []
    for index, sentence in enumerate(ctx.sentences):
        if sentence.caption:
            continue
        lowered = sentence.text.lower()
        cue = _ANY_VISIT_CUE.search(lowered)
        if cue is None:
            continue
        actors = _sentence_actors(ctx, index, people_at)
        if ctx.home and all(actor[1] != ctx.home for _, actor, _ in actors):
            actors.append((len(sentence.text), ("province", ctx.home), "home"))
        if len(actors) < 2:
            continue
        folded = ctx.folded_sentence(index)
        verbs = [m for m in _ANY_VISIT_CUE.finditer(lowered)]
        receiving = _RECEIVES.search(folded)
        leads = _LEADS.search(folded)
        pairs: dict[tuple[Actor, Actor], Features] = {}
        for (a_at, a, a_src), (b_at, b, b_src) in itertools.permutations(actors, 2):
            if a == b or (a[0] == b[0] and a[0] in ("central", "foreign")):
                continue
            if only is not None:
                if (a, b) in only:
                    pairs[(a, b)] = Features()
                continue
            f = Features()
            verb = next((v for v in verbs if v.start() > a_at), None)
            f.add("verb", verb.group(0) if verb else "none")
            f.add("first_verb", verbs[0].group(0))
            f.add("a_src", a_src)
            f.add("b_src", b_src)
            f.add("order", "a<b" if a_at < b_at else "b<a")
            f.add("gap", distance_bucket(abs(b_at - a_at)))
            f.add("a_first", a_at == actors[0][0])
            f.add("a_before_verb", a_at < verbs[0].start())
            f.add("b_after_verb", b_at > verbs[0].end())
            f.add("a_delegation", bool(_DELEGATION.search(folded[max(0, a_at - 60) : a_at])))
            f.add("b_introduced", bool(_BEFORE_HOST.search(folded[max(0, b_at - 40) : b_at])))
            f.add(
                "b_after_tai",
                bool(re.search(r"(?:tai|o)\s+(?:\S+\s+){0,2}$", folded[max(0, b_at - 20) : b_at])),
            )
            if receiving:
                f.add("receive_between", a_at < receiving.start() < b_at)
                f.add("receive_before_a", receiving.start() < a_at)
            if leads:
                f.add("leads_after_a", a_at < leads.start())
            f.add("lead", index in lead)
            f.add("title", index == 0)
            f.add("kind_verb", f"{a[0]}>{b[0]}:{verbs[0].group(0)}")
            pairs[(a, b)] = f
        result.append((index, pairs))
    return result


def _visit_from(
    ctx: DocContext,
    people: list[Person],
    dates: SentenceDates,
    visitor: Actor,
    host: Actor,
    indexes: list[int],
) -> Visit:
    """A visit the rules did not state: its leader is the first official of the visitor named
    in its sentences (the one after "do … dẫn đầu" first), its date the first of its sentences."""
    visit = Visit(visitor, host, sentence_indexes=list(indexes))
    first = indexes[0]
    for index in indexes:
        text, folded = ctx.sentences[index].text, ctx.folded_sentence(index)
        leader = _leader(text, folded, people)
        if leader is None:
            named = [p for p in people if p.name in text and _acting_for(ctx, p) == visitor]
            named.sort(key=lambda p: text.find(p.name))
            if named:
                leader = (named[0].name, named[0].titles[0] if named[0].titles else "")
        if leader:
            visit.leader = leader
            break
    visit.date = dates.day_for(first, max(_lead_sentences(ctx), default=0) + 1, indexes[1:])
    return visit


def _rule_visits(
    ctx: DocContext, people: list[Person], dates: SentenceDates
) -> dict[tuple[Actor, Actor], Visit]:
    """The hand-written patterns' visits (visits.v1), before completion."""
    found: dict[tuple[tuple[str, str], tuple[str, str]], Visit] = {}
    lead = _lead_sentences(ctx)
    for index, sentence in enumerate(ctx.sentences):
        if sentence.caption:
            continue
        folded = ctx.folded_sentence(index)
        pairs = _verb_pairs(ctx, index, folded, people, index in lead)
        welcome = None if pairs or "đón" not in sentence.text else _WELCOME.search(sentence.text)
        if welcome:  # "Hội nghị vinh dự được đón Thủ tướng Chính phủ Nguyễn Xuân Phúc"
            rel = [(m.start - sentence.start, m) for m in ctx.sentence_mentions(index)]
            pairs = _received(ctx, sentence.text, rel, welcome, people)
        if pairs and _SPORT.search(sentence.text):
            continue
        if len(pairs) >= 4 and _cross_product(pairs):
            continue  # "… thanh tra tại Bộ Quốc phòng, Bộ Công an … ở Hà Nội, TPHCM, Cần Thơ"
        for visitor, host, leader in pairs:
            if visitor[0] == host[0] == "foreign":
                continue  # two foreign sides: out of the product's scope (optional in the gold)
            visit = found.setdefault((visitor, host), Visit(visitor, host))
            visit.sentence_indexes.append(index)
            if leader and not visit.leader:
                visit.leader = leader
    if not found:
        present = _central_presence(ctx, people, lead)
        if present:
            visitor, host, leader, index = present
            found[(visitor, host)] = Visit(visitor, host, leader=leader, sentence_indexes=[index])
    _drop_capital_hosts(ctx, found)
    lead_end = max(lead, default=0) + 1
    for visit in found.values():
        opening, *also = visit.sentence_indexes
        visit.date = dates.day_for(opening, lead_end, also)
    for visitor, host in list(found):
        # one article reports one exchange between two sides: keep the direction found first
        if (host, visitor) in found and (visitor, host) in found:
            first, second = sorted(
                [(visitor, host), (host, visitor)], key=lambda k: found[k].sentence_indexes[0]
            )
            found[first].sentence_indexes += found.pop(second).sentence_indexes
    return found


# A match: "U23 Việt Nam … tiếp Malaysia", "Than Quảng Ninh sẽ tiếp đón đối thủ đến từ Myanmar"
_SPORT = re.compile(
    r"(?<!\w)(?:đối thủ|FC|U\d\d|đội tuyển|đội bóng|trận đấu|lượt trận|cầu thủ|HLV|sân nhà"
    r"|sân khách|vòng bảng|AFC|V-League|V\.League|giải đấu|bàn thắng)(?!\w)"
)


def _cross_product(pairs: list[tuple[Actor, Actor, Leader]]) -> bool:
    """Whether a sentence pairs several visitors with several hosts: a list of bodies and a list
    of places (an inspection's scope, a ranking), not visits."""
    visitors = {visitor for visitor, _, _ in pairs}
    hosts = {host for _, host, _ in pairs}
    return len(visitors) >= 2 and len(hosts) >= 2


def _verb_pairs(
    ctx: DocContext, index: int, folded: str, people: list[Person], in_lead: bool
) -> list[tuple[Actor, Actor, Leader]]:
    """The sides of the first verb that gives a visit, then the same visitor's stops listed
    after it and its meetings later in the sentence ("Tiếp tục chuyến thăm Nhật Bản, … đã hội
    kiến với Chủ tịch Hạ viện Nhật Bản")."""
    # Case-sensitive on purpose: "Ủy ban Kiểm tra" and "Đoàn công tác" are names, not verbs.
    verbs = _VISIT_VERBS.finditer(_first_letter_lowered(ctx.sentences[index].text))
    for verb in verbs:
        pairs = _actors(ctx, index, folded, verb, people, in_lead)
        if pairs:
            break
    else:
        return []
    visitor = pairs[0][0]
    pairs += _itinerary(ctx, index, verb.end(), visitor, people)
    for later in verbs:  # the verbs after the first one
        if later.group(0) in _MEETING_VERBS:
            more = _actors(ctx, index, folded, later, people, in_lead)
            pairs += [pair for pair in more if pair[0] == visitor]
    return pairs


def _in_opening_clause(
    text: str, rel: list[tuple[int, Mention]], hosts: list[Actor]
) -> list[Actor]:
    """The hosts a sentence-opening verb names before its comma; the bodies after it are the
    subject's titles."""
    comma = text.find(",")
    if comma < 0:
        return hosts
    named = {(m.kind, m.name) for offset, m in rel if offset < comma}
    return [host for host in hosts if host in named]


def _first_letter_lowered(text: str) -> str:
    """ "Đến thăm và chúc tết …, Phó bí thư … chia sẻ": a verb opening the sentence is a verb
    (inside it, a capital marks a name: "Ủy ban Kiểm tra"). One character for one, so offsets
    hold."""
    return text[:1].lower() + text[1:] if text[:1].isupper() else text


_CAPITAL = ("province", "Hà Nội")
# "Khu công nghiệp An ninh (huyện Hoài Đức, Hà Nội)": the capital in a site's address
_ADDRESS_IN_HANOI = re.compile(r",\s*(?:TP\.? |thành phố )?Hà Nội\)")


# Hà Nội's own government: what a central body or a guest in the capital must meet to visit it
_CAPITAL_GOVERNMENT = re.compile(
    r"(?:Thành ủy|Thành uỷ|UBND|HĐND|Ủy ban nhân dân|lãnh đạo|chính quyền|Bí thư|Chủ tịch)"
    r"(?: thành phố| TP\.?| Tp\.?)? Hà Nội"
)


def _drop_capital_hosts(ctx: DocContext, found: dict[tuple[Actor, Actor], Visit]) -> None:
    """Hà Nội is no host where the capital is only where things happen:
    - as the venue: "Chiều 30/5, tại Hà Nội, <a general> đã tiếp <a guest>": when a central body
      received the visitor, Hà Nội named only as where it happened, in a site's address, or not
      at all (the home province standing in for an unnamed host) is no second host;
    - as the seat: a central body sits in Hà Nội and a foreign guest lands there, so an event
      there ("tham dự hội nghị … tại Hà Nội"), an arrival or a return ("tới Hà Nội", "về Hà
      Nội") or a site visited is no visit to the city unless its sentences name the city's own
      government ("làm việc với Thành ủy Hà Nội"); the gold names the central bodies met."""
    for visitor, host in list(found):
        if host != _CAPITAL:
            continue
        texts = [ctx.sentences[i].text for i in found[(visitor, host)].sentence_indexes]
        venue = any(h[0] == "central" for v, h in found if v == visitor) and all(
            "tại Hà Nội" in text or "Hà Nội" not in text or _ADDRESS_IN_HANOI.search(text)
            for text in texts
        )
        seat = visitor[0] in ("central", "foreign") and not any(
            _CAPITAL_GOVERNMENT.search(text) for text in texts
        )
        if venue or seat:
            del found[(visitor, host)]


# Where an official is present: "tại buổi lễ …", "về/vào/đến …", "dự …", "tiếp xúc cử tri …".
# With their tones (folded, "tại" is also "tài", "tai nạn"; "về" is "tự vệ"; "dự" is "du lịch"),
# and "về/vào/đến" only before a place or an errand ("về những nội dung" is "about").
_PRESENCE = re.compile(
    r"(?<!\w)(?:[Tt]ại|(?:[Vv]ề|[Vv]ào|[Đđ]ến)(?= (?:thăm|dự|làm việc|kiểm tra|chúc|tỉnh|thành phố"
    r"|TP|huyện|xã|hiện trường|[A-ZĐ]))|[Dd]ự(?! (?:án|kiến|báo|toán|thảo|định|trữ|phòng|thi))"
    r"|[Tt]hăm|[Tt]iếp xúc cử tri|[Ll]àm việc (?:với|giữa|tại)|[Kk]iểm tra|[Tt]hị sát"
    r"|[Kk]hảo sát|[Cc]hủ trì)(?!\w)"
)
# What an official does from afar: "vừa gửi thư khen …", "yêu cầu tỉnh …", "nhận định bão …"
_FROM_AFAR = re.compile(
    r"(?<!\w)(?:gửi|yêu cầu|chỉ đạo|đề nghị|nhận định|ký|giao(?= [A-ZĐ]| cho)|tên thật|sinh"
    r"|đồng ý|cho phép|phê duyệt|chấp thuận"
    r"|nhận nhiệm vụ|bổ nhiệm|điều động|giữ chức)(?!\w)"
)
# "cố Thủ tướng Phan Văn Khải", "nguyên Chủ tịch nước Trương Tấn Sang" (not "cố gắng")
_FORMER = re.compile(
    r"(?:(?<!\w)(?:cố|nguyên)|(?:^|(?<=[:.\"] ))(?:Cố|Nguyên))"  # not "Thái Nguyên"
    r" (?:[A-ZĐ]|[Tt]hủ |[Cc]hủ |[Bb]ộ |[Pp]hó |[Tt]ổng |[Bb]í )[^,;]{0,50}$"
)


# "… tại thành phố Đà Nẵng, theo lời mời của Chủ tịch nước Trần Đại Quang": the host who
# invited a guest, not one who went anywhere
_INVITER = re.compile(r"(?<!\w)(?:lời mời|mời) của\s+[^,;]{0,40}$")


def _present(text: str, person: Person, foreigners: list[str]) -> bool:
    """Whether the sentence puts ``person`` somewhere: a presence cue before the name ("Tại hội
    nghị …, Thủ tướng …", "Dự buổi lễ có …"), or after it before anything done from afar
    ("Thủ tướng … đã về …", not "… vừa gửi thư khen … tại …") and before a foreign leader's
    name, whose visit the cue then tells ("Chủ tịch nước … đánh giá cao việc Chủ tịch Tập Cận
    Bình nhận lời thăm …"). A late or former official ("cố Thủ tướng", "nguyên Phó Chủ tịch
    nước") acts for no body."""
    at = text.find(person.name)
    if at < 0 or (person.titles and person.titles[0].lower().startswith(("nguyên ", "cố "))):
        return False
    if _FORMER.search(text, max(at - 60, 0), at) or _INVITER.search(text, max(at - 60, 0), at):
        return False
    if _PRESENCE.search(text, 0, at):
        return True
    after = text[at + len(person.name) :]
    afar = _FROM_AFAR.search(after)
    stop = afar.start() if afar else len(after)
    for name in foreigners:
        found = after.find(name)
        if 0 <= found < stop:
            stop = found
    return bool(_PRESENCE.search(after, 0, stop))


def _central_presence(
    ctx: DocContext, people: list[Person], lead: set[int]
) -> tuple[Actor, Actor, Leader, int] | None:
    """When no visit verb pairs two sides: a central official named in the lead at something
    in the article's province ("Tại buổi lễ … của Công an TP. HCM, Bộ trưởng Bộ Công an Tô
    Lâm …", "Chủ tịch nước tiếp xúc cử tri quận 1, 3 (TP HCM)") is a central body working with
    that province, which the gold counts as a visit. Hà Nội is left out: the central bodies sit
    there, so their being there is no visit."""
    home = ctx.home
    if home is None or home == "Hà Nội":
        return None
    foreigners = [p.name for p in people if (_acting_for(ctx, p) or ("",))[0] == "foreign"]
    for index in sorted(lead):
        sentence = ctx.sentences[index]
        if home not in {m.name for m in ctx.provinces_in(index)}:
            continue
        for person in people:
            if not _present(sentence.text, person, foreigners):
                continue
            actor = _acting_for(ctx, person)
            if actor == ("central", "Quốc hội") and not any(
                "Chủ tịch Quốc hội" in t for t in person.titles
            ):
                continue  # a deputy in the province that elected them
            if actor and actor[0] == "central":
                title = person.titles[0] if person.titles else ""
                return actor, ("province", home), (person.name, title), index
    return None


def _lead_sentences(ctx: DocContext, count: int = 4) -> set[int]:
    """The title and the first sentences of the body: where news states the main visit."""
    lead: list[int] = []
    for index, sentence in enumerate(ctx.sentences):
        if not sentence.caption:
            lead.append(index)
        if len(lead) >= count:
            break
    return set(lead)


def _actors(
    ctx: DocContext,
    index: int,
    folded: str,
    verb: re.Match[str],
    people: list[Person],
    in_lead: bool,
) -> list[tuple[Actor, Actor, Leader]]:
    sentence = ctx.sentences[index]
    just_before = sentence.text[max(0, verb.start() - 40) : verb.start()].lower()
    if _not_happened(sentence.text, verb, just_before):
        return []
    rel = [(m.start - sentence.start, m) for m in ctx.sentence_mentions(index)]
    if _ABOUT.search(just_before):
        return _trip_talked_about(ctx, sentence.text, rel, folded, verb, people)
    receiving = _RECEIVES.search(folded)
    if receiving and receiving.start() <= verb.start() + 5:
        return _received(ctx, sentence.text, rel, receiving, people)
    leader = _leader(sentence.text, folded, people)
    visitor: Actor | None = None
    for offset, mention in rel:
        if offset < verb.start() + 200 and _DELEGATION.search(folded[:offset]):
            visitor = (mention.kind, mention.name)
            break
    led_delegation = visitor is not None
    subject = _subject_person(sentence.text, verb.start(), people)
    if subject is None and _opens_with_verb(sentence.text, verb):
        # "Ngày 22/12, làm việc với lãnh đạo tỉnh Quảng Ninh, Thủ tướng Nguyễn Xuân Phúc …"
        subject = _subject_after_opening(sentence.text, verb, people)
    if visitor is None and leader:
        person = next((p for p in people if p.name == leader[0]), None)
        visitor = _acting_for(ctx, person) if person else None
    if visitor is None and subject is not None:
        visitor = _acting_for(ctx, subject)
        if visitor and leader is None:
            leader = (subject.name, subject.titles[0] if subject.titles else "")
    if visitor is None and subject is None and _opens_with_verb(sentence.text, verb):
        # "Trong khuôn khổ chuyến thăm chính thức Liên bang Nga, ngày 21-5, Thủ tướng và đoàn …"
        visitor = _office_after_opening(sentence.text, verb)
    if visitor is None and in_lead:
        listed = _listed_central(sentence.text[: verb.start()])
        if len(listed) > 1 and verb.group(0) not in _WEAK_VERBS:
            # "Thường trực Ban Bí thư, Thủ tướng và Quốc hội làm việc với …"
            hosts = _hosts(rel, folded, verb, listed[0])
            return [(actor, host, None) for actor in listed for host in hosts if host != actor]
        if listed and _BARE_OFFICE.match(sentence.text[: verb.start()]):
            visitor = listed[0]  # a headline: "Chủ tịch nước bắt đầu thăm chính thức Nga"
    if visitor is None:
        visitor = _leaders_of(sentence.text[: verb.start()], rel)
    weak_verb = verb.group(0) in _WEAK_VERBS
    if (
        visitor is None
        and (in_lead or _DURING_VISIT.match(folded))
        and not weak_verb
        and verb.group(0) not in _OFFICIAL_VERBS
    ):
        before = [
            m
            for offset, m in rel
            if offset < verb.start() and not re.search(r"(?:tai|o|nha|tru so)\s+$", folded[:offset])
        ]
        if before and before[0].start - sentence.start < 80:
            visitor = (before[0].kind, before[0].name)
    if visitor is None:
        guest = _guest_named_after(sentence.text, verb, people)
        visitor = _acting_for(ctx, guest) if guest else None
        if guest is None or visitor is None or visitor[0] != "foreign":
            guest = _trip_of(sentence.text, rel, verb, people)
            visitor = _acting_for(ctx, guest) if guest else None
        if guest is None or visitor is None:
            return []
        leader = leader or (guest.name, guest.titles[0] if guest.titles else "")
    hosts = _hosts(rel, folded, verb, visitor)
    if verb.start() == 0:  # "Làm việc tại Q.2 …, Ủy viên Bộ Chính trị, Bí thư Thành ủy …"
        hosts = _in_opening_clause(sentence.text, rel, hosts)
    if hosts == [_CAPITAL]:
        hosts = _met_in_the_capital(ctx, sentence.text, folded, rel, verb, visitor, people) or hosts
    if not hosts and not weak_verb:
        hosts = _official_met(ctx, sentence.text, verb, visitor, people)
    if weak_verb and (not hosts or not _right_after(rel, folded, verb, hosts[0])):
        return []  # "đến/tới/sang" must be followed by the place itself: "đến Bình Dương"
    if not hosts and visitor[0] in ("central", "foreign") and verb.group(0) in _EVENT_VERBS:
        hosts = _event_owner(rel, verb)
    if not hosts:
        hosts = _place_before(rel, folded, verb, visitor)
    if visitor[0] != "foreign":
        hosts = hosts + _foreign_unit_visited(sentence.text, verb, hosts, rel)
    if not hosts and visitor[0] == "foreign" and index > 0:  # a headline's tense is unsure
        hosts = _counterpart_in_vietnam(sentence.text, verb, leader)
    if not hosts and (
        _home_is_host(ctx, verb, visitor, in_lead)
        or _delegation_to_home(ctx, folded, verb, visitor)
    ):
        hosts = [("province", ctx.home or "")]
    if not hosts:
        return []
    if (
        visitor[0] == "foreign"
        and "Việt Nam" not in sentence.text
        and not _guest_in_vietnam(ctx, visitor)
    ):
        hosts = [h for h in hosts if h[0] != "central"]  # "Chính phủ Mỹ … với Quốc hội": theirs
    if visitor == ("central", "Quốc hội"):
        hosts = [h for h in hosts if not _deputies_of(rel, folded, h)]
    found = [(visitor, host, leader) for host in _other_sides(visitor, hosts)]
    if verb.group(0) in _MUTUAL_VERBS:
        met_delegation = not led_delegation and bool(_WITH_DELEGATION.match(folded, verb.end()))
        if met_delegation:
            # "tại Hà Nội, Bộ trưởng … hội đàm với Đoàn đại biểu …": the delegation is the one
            # named after the verb, never the venue before it
            named_after = {(m.kind, m.name) for offset, m in rel if offset >= verb.end()}
            found = [(v, h, lead) for v, h, lead in found if h in named_after]
        found = [
            (host, visitor, None)
            if met_delegation or _host_travelled(ctx, visitor, host)
            else (visitor, host, leader)
            for visitor, host, leader in found
        ]
    return found


_DEPUTIES = re.compile(r"(?:dai bieu quoc hoi|dbqh)\s+(?:tinh |thanh pho |tp\.? ?)?$")


def _deputies_of(rel: list[tuple[int, Mention]], folded: str, host: Actor) -> bool:
    """ "Đoàn đại biểu Quốc hội TP. HCM … làm việc với UBND quận 12": a province's own deputies
    at work in it, not the Assembly visiting it."""
    return any(
        (m.kind, m.name) == host and _DEPUTIES.search(folded, max(offset - 40, 0), offset)
        for offset, m in rel
    )


# "đã tới thăm tỉnh Gunma, cách thủ đô Tokyo …": a province or state of the country visited
_UNIT_VISITED = re.compile(
    rf"\s+(tỉnh|thành phố|bang) ([{UPPER}][\w'-]*(?: [{UPPER}][\w'-]*){{0,2}})(?![\w(])(?! \()"
)


def _foreign_unit_visited(
    text: str, verb: re.Match[str], hosts: list[Actor], rel: list[tuple[int, Mention]]
) -> list[Actor]:
    """The foreign province or state the verb names, written as the gold writes one ("tỉnh Gunma
    (Nhật Bản)"), when the sentence names one country: the other host, or any one it names. A
    visit to a country's city or province is a visit to the country: it comes too, when it is
    not a host already ("rời Thủ đô Moskva đi thăm thành phố Saint Petersburg, … trong khuôn khổ
    chuyến thăm chính thức Liên bang Nga")."""
    unit = _UNIT_VISITED.match(text, verb.end())
    if unit is None or unit.group(2) in province_aliases():
        return []
    known = country_aliases()
    named = hosts or [(m.kind, m.name) for _, m in rel]
    countries = list(
        dict.fromkeys(a[1] for a in named if a[0] == "foreign" and known.get(a[1]) == a[1])
    )
    if len(countries) != 1:
        return []
    country = ("foreign", countries[0])
    visited = ("foreign", f"{unit.group(1)} {unit.group(2)} ({countries[0]})")
    return [visited] if country in hosts else [visited, country]


# "thăm chính thức Việt Nam", "chuyến thăm đến Việt Nam": the country, not a body, after the verb
_TO_VIETNAM = re.compile(r"\s+(?:chính thức\s+)?(?:đến\s+|tới\s+)?Việt Nam(?![\w])")
_OF_SOMEONE = re.compile(r"(?:\s+lần\s+(?:thứ\s+)?\S+)?\s+của\s")
_PLANNED_AFTER = re.compile(r"[^.;,]{0,90}?(?<!\w)(?:sẽ|dự kiến|bị hoãn|hoãn)(?!\w)")
# A foreign minister's portfolio and the Vietnamese ministry that receives its holder
_COUNTERPARTS = (
    (re.compile(r"Quốc phòng|Quân ủy|[Qq]uân sự"), ("central", "Bộ Quốc phòng")),
    (re.compile(r"Ngoại giao|Ngoại trưởng"), ("central", "Bộ Ngoại giao")),
)


def _guest_named_after(text: str, verb: re.Match[str], people: list[Person]) -> Person | None:
    """ "chuyến thăm Việt Nam của Bộ trưởng Quốc phòng Mỹ James Mattis": the guest named right
    after "Việt Nam của"."""
    to_vietnam = _TO_VIETNAM.match(text, verb.end())
    if to_vietnam is None or not text.startswith(" của ", to_vietnam.end()):
        return None
    return _official_named_after(text, to_vietnam.end() + 5, people, within=60)


# "nhân chuyến thăm Australia của Thủ tướng Nguyễn Xuân Phúc", "trong chuyến thăm chính thức
# Hoa Kỳ của …": the trip named as a noun, its host right after "thăm", its visitor after "của"
_TRIP_NOUN = re.compile(r"(?<!\w)chuyến\s+$")
# A trip the sentence has ahead, prepared for, welcomed in advance or called off: "chuẩn bị cho
# các chuyến thăm cấp cao … mà trước hết là chuyến thăm Mỹ của …", "chào mừng chuyến thăm …,
# dự kiến vào cuối tháng 6"
_NOT_MADE = re.compile(
    r"(?<!\w)(?:sẽ|sắp|dự kiến|chuẩn bị|trước thềm|tới đây|hủy|hoãn|mời|chào mừng|đón)(?!\w)",
    re.IGNORECASE,
)
_TRIP_QUALIFIERS = re.compile(r"\s+(?:(?:chính thức|cấp nhà nước|hữu nghị|làm việc)\s+)*")
_TRIP_OF = re.compile(
    r"(?:\s+(?:lần\s+(?:thứ\s+)?\S+|vừa qua|mới đây|hồi\s+tháng\s+[\d/-]+|năm\s+\d{4}"
    r"|tháng\s+[\d/-]+))?\s+của\s"
)


def _trip_of(
    text: str, rel: list[tuple[int, Mention]], verb: re.Match[str], people: list[Person]
) -> Person | None:
    """ "nhân chuyến thăm Australia của Thủ tướng Nguyễn Xuân Phúc": the official named right
    after "của", when the trip (a noun: "chuyến thăm") names its host right after the verb and
    was made: the sentence says nothing of it ahead ("trước thềm", "chuẩn bị cho", "sắp tới",
    "dự kiến"), welcomed in advance or called off."""
    if verb.group(0) != "thăm" or not _TRIP_NOUN.search(text, 0, verb.start()):
        return None
    if _NOT_MADE.search(text):
        return None
    at = _TRIP_QUALIFIERS.match(text, verb.end())
    start = at.end() if at else verb.end()
    host = next((m for offset, m in rel if offset == start), None)
    if host is None:
        return None
    of = _TRIP_OF.match(text, start + host.end - host.start)
    if of is None:
        return None
    return _official_named_after(text, of.end(), people, within=40)


def _trip_talked_about(
    ctx: DocContext,
    text: str,
    rel: list[tuple[int, Mention]],
    folded: str,
    verb: re.Match[str],
    people: list[Person],
) -> list[tuple[Actor, Actor, Leader]]:
    """ "trả lời câu hỏi về chuyến thăm Nga của lãnh đạo Triều Tiên …", "bình luận về chuyến
    thăm Hoa Kỳ của Thủ tướng …": the speaker makes no trip; the official after "của" does."""
    guest = _trip_of(text, rel, verb, people)
    visitor = _acting_for(ctx, guest) if guest else None
    if guest is None or visitor is None:
        return []
    leader = (guest.name, guest.titles[0] if guest.titles else "")
    return [
        (visitor, host, leader)
        for host in _other_sides(visitor, _hosts(rel, folded, verb, visitor))
    ]


def _other_sides(visitor: Actor, hosts: list[Actor]) -> list[Actor]:
    """The hosts a visitor can visit: not itself, not a body of the same central or foreign
    side, not a place in its own name ("Quốc hội Lào" does not visit "Lào"), though a foreign
    side visits our central bodies."""
    return [
        host
        for host in hosts
        if host != visitor
        and not (host[0] == visitor[0] and host[0] in ("central", "foreign"))
        and (host[1] not in visitor[1] or (visitor[0], host[0]) == ("foreign", "central"))
    ]


def _official_named_after(text: str, at: int, people: list[Person], within: int) -> Person | None:
    """The known person whose full name starts less than ``within`` characters after ``at``."""
    after = text[at : at + 90]
    guest = mention_of_people(after, people)
    return guest if guest and 0 <= after.find(guest.name) < within else None


def _counterpart_in_vietnam(text: str, verb: re.Match[str], leader: Leader) -> list[Actor]:
    """ "Bộ trưởng Quốc phòng Nga … trong chuyến thăm chính thức đến Việt Nam", "chuyến thăm
    Việt Nam của Bộ trưởng Quốc phòng Mỹ James Mattis": a foreign minister visiting the country
    is received by the ministry of the same portfolio (the gold's host), the only body the
    sentence gives. The portfolio is the leader's office, else the sentence's."""
    to_vietnam = _TO_VIETNAM.match(text, verb.end())
    if to_vietnam is None:
        return []
    of_whom = _OF_SOMEONE.match(text, to_vietnam.end())
    if of_whom and (leader is None or leader[0] not in text[of_whom.end() : of_whom.end() + 90]):
        return []  # "nhắc lại chuyến thăm Việt Nam lần thứ hai của Tổng thống …": another's trip
    if _PLANNED_AFTER.match(text, to_vietnam.end()):
        return []  # "chuyến thăm Việt Nam của Ngoại trưởng Nga … sẽ chuyển sang các ngày …"
    office = leader[1] if leader else text
    return [body for pattern, body in _COUNTERPARTS if pattern.search(office)][:1]


def _host_travelled(ctx: DocContext, visitor: Actor, host: Actor) -> bool:
    """Talks between our side and a foreign one, the sentence's subject named first: who
    travelled is told elsewhere ("Thủ tướng Nguyễn Xuân Phúc hội đàm với Thủ tướng Lào" in an
    article on the Lao leader's visit to Việt Nam; "Thủ tướng Nhật Bản Abe hội đàm với Thủ tướng
    Việt Nam" in one on our Prime Minister's visit to Japan)."""
    if (visitor[0], host[0]) == ("central", "foreign"):
        return _guest_in_vietnam(ctx, host)
    if (visitor[0], host[0]) == ("foreign", "central"):
        return _ours_abroad(ctx, visitor)
    return False


# "…; chào xã giao Tổng Bí thư Nguyễn Phú Trọng; hội kiến Thủ tướng …": the next stops of a
# programme, each a clause that opens with the verb and leaves the subject unsaid
_NEXT_STOP = re.compile(
    r"[;,]\s*(?:và\s+)?(?:đã\s+)?(?:hội đàm|hội kiến|chào xã giao|gặp(?: gỡ)?|tiếp kiến"
    r"|thăm(?:,| và)? làm việc|làm việc|thăm)(?:\s+(?:với|tại))?\s+"
)
_STOP_REACH = 60  # characters from a stop's verb to the host it names


def _itinerary(
    ctx: DocContext, index: int, after: int, visitor: Actor, people: list[Person]
) -> list[tuple[Actor, Actor, Leader]]:
    """The hosts of the stops listed after the visit's verb, for the same visitor: the body
    named first in each stop, and the bodies of the officials the stop names ("chào xã giao
    Tổng Bí thư …, Chủ tịch nước …")."""
    sentence = ctx.sentences[index]
    text = sentence.text
    found: list[tuple[Actor, Actor, Leader]] = []
    stops = list(_NEXT_STOP.finditer(text, after))
    for stop, following in itertools.zip_longest(stops, stops[1:]):
        end = _clause_end(text, stop.end(), following.start() if following else len(text))
        named = _stop_places(ctx, index, stop.end(), end)
        for at, person in _named_between(text, people, stop.end(), end):
            if actor := _acting_for(ctx, person):
                named.append((at, actor))
        for _, host in sorted(named):
            if host != visitor and not (host[0] == visitor[0] == "foreign"):
                found.append((visitor, host, None))
    return list(dict.fromkeys(found))


# Between two places listed (folded): "hai tỉnh Khánh Hòa và Phú Yên", "tại Thành phố Hồ Chí
# Minh, tỉnh Bến Tre, tỉnh Sơn La"
_PLACE_LIST_GAP = re.compile(r"\s*(?:va|,)\s*(?:tinh |thanh pho |tp\.? )?")


def _stop_places(ctx: DocContext, index: int, start: int, end: int) -> list[tuple[int, Actor]]:
    """The body a stop names first, within reach of its verb, and the places listed right after
    it ("…, tỉnh Bến Tre, tỉnh Sơn La")."""
    sentence = ctx.sentences[index]
    folded = ctx.folded_sentence(index)
    mentions = [
        (m.start - sentence.start, m)
        for m in ctx.sentence_mentions(index)
        if start <= m.start - sentence.start < end
    ]
    if not mentions or mentions[0][0] >= start + _STOP_REACH:
        return []
    at, first = mentions[0]
    named = [(at, (first.kind, first.name))]
    last_end = at + first.end - first.start
    for offset, mention in mentions[1:]:
        if first.kind != "province" or mention.kind != "province":
            break
        if not _PLACE_LIST_GAP.fullmatch(folded, last_end, offset):
            break
        named.append((offset, (mention.kind, mention.name)))
        last_end = offset + mention.end - mention.start
    return named


def _named_between(
    text: str, people: list[Person], start: int, end: int
) -> list[tuple[int, Person]]:
    """The known people whose full name lies in ``text[start:end]``, where it first does, in
    order."""
    named = [(at, p) for p in people if (at := text.find(p.name, start, end)) >= 0]
    return sorted(named, key=lambda pair: pair[0])


def _clause_end(text: str, start: int, limit: int) -> int:
    end = text.find(";", start, limit)
    return limit if end < 0 else end


# "Trong khuôn khổ chuyến thăm, Chủ tịch Thượng viện Haiti đã hội đàm …": the guest is the subject
_DURING_VISIT = re.compile(
    r"(?:trong|nhan dip|trong khuon kho|trong thoi gian)(?: cua)? chuyen (?:tham|cong tac)"
    r"(?: chinh thuc| lam viec)?(?: (?:nay|viet nam))?,"
)


_MEETING_VERBS = {"hội kiến", "hội đàm", "chào xã giao"}
# "hội đàm với đồng chí Raul Castro Ruz, Bí thư thứ nhất …": the official met, named first
_MET = re.compile(
    r"\s*(?:với\s+)?(?:(?:đồng chí|ông|bà|ngài|Ngài)\s+)?(?P<title>[^;.:()]{0,60}?)\s*$"
)


_CAPITAL_VENUE = re.compile(r"\s+tai (?:thu do )?ha noi,? voi ")
_VENUE_WORD = re.compile(r"(?:tai|o) (?:thu do |tp\.? ?|thanh pho )?$")


def _met_in_the_capital(
    ctx: DocContext,
    text: str,
    folded: str,
    rel: list[tuple[int, Mention]],
    verb: re.Match[str],
    visitor: Actor,
    people: list[Person],
) -> list[Actor]:
    """The body of the official met when the capital, the only host found, is where they met,
    named before the official ("hội đàm tại Hà Nội với Chủ tịch nước Trần Đại Quang") or after
    ("hội đàm với Thủ tướng Việt Nam Nguyễn Xuân Phúc tại Hà Nội")."""
    venue = _CAPITAL_VENUE.match(folded, verb.end())
    if venue:
        return _official_met(ctx, text, verb, visitor, people, venue.end() - len("voi "))
    if any(
        (m.kind, m.name) == _CAPITAL
        and offset > verb.end()
        and _VENUE_WORD.search(folded, max(0, offset - 20), offset) is not None
        for offset, m in rel
    ):
        return _official_met(ctx, text, verb, visitor, people)
    return []


def _official_met(
    ctx: DocContext,
    text: str,
    verb: re.Match[str],
    visitor: Actor,
    people: list[Person],
    start: int | None = None,
) -> list[Actor]:
    """The body of the official the verb names right after it (or from ``start``, past the
    venue), when no place or body is."""
    if verb.group(0) not in _MEETING_VERBS and verb.group(0) != "làm việc":
        return []
    start = verb.end() if start is None else start
    named = _named_between(text, people, start, start + 80)
    if not named:
        return []
    at, person = named[0]
    if not _MET.fullmatch(text, start, at):
        return []
    actors = [_acting_for(ctx, p) for p in _listed_after(text, people, at, person)]
    return list(dict.fromkeys(a for a in actors if a and a != visitor))


# ", Chủ tịch nước " / " và Thủ tướng ": from one official of a list to the next one's name
_LIST_GAP = re.compile(r"\s*(?:,|và|,\s*và)\s*(?:(?:đồng chí|ông|bà|ngài)\s+)?[^,;.:()]{0,50}?\s*")


def _listed_after(text: str, people: list[Person], at: int, first: Person) -> list[Person]:
    """The official met and those listed after them ("chào xã giao Tổng Bí thư Nguyễn Phú
    Trọng, Chủ tịch nước Trần Đại Quang, Thủ tướng Nguyễn Xuân Phúc": all three)."""
    listed = [first]
    end = _clause_end(text, at, len(text))
    at += len(first.name)
    for next_at, person in _named_between(text, people, at, end):
        if next_at < at or not _LIST_GAP.fullmatch(text, at, next_at):
            break
        listed.append(person)
        at = next_at + len(person.name)
    return listed


# Talks between two sides: the verb does not say who travelled.
_MUTUAL_VERBS = {"hội đàm", "hội kiến", "có buổi", "làm việc"}
# "Làm việc với đoàn công tác của Thủ tướng …, Bí thư Thành ủy TP HCM …": the delegation met is
# the side that came
_WITH_DELEGATION = re.compile(r"\s*voi doan(?![a-z])")
_IN_VIETNAM = re.compile(
    r"(?<!\w)(?:thăm|làm việc)(?: chính thức| cấp nhà nước| hữu nghị| và làm việc| làm việc){0,3}"
    r"(?: tại| ở| đến| tới)? Việt Nam(?!\w)"
)


def _guest_in_vietnam(ctx: DocContext, foreign: Actor) -> bool:
    """Whether the article's lead has the foreign side visiting Việt Nam ("Thủ tướng Lào … dẫn
    đầu đoàn … thăm Việt Nam"), and nobody from here in its country ("tại Tây Ban Nha",
    "chuyến thăm Mỹ")."""
    country = _country_alternation(foreign[1])
    if country is None or _ours_abroad(ctx, foreign):
        return False
    lead = [ctx.sentences[i].text for i in sorted(_lead_sentences(ctx))]
    received = re.compile(
        rf"(?<!\w)(?:tiếp|đón tiếp|tiếp đón|đón)(?: [^\s,.;]+){{0,8}} (?:{country})(?!\w)"
        r"|tại trụ sở"
    )
    return any(
        (_IN_VIETNAM.search(text) or received.search(text))
        and re.search(rf"(?<!\w)(?:{country})(?!\w)", text)
        for text in lead
    )


def _ours_abroad(ctx: DocContext, foreign: Actor) -> bool:
    """Whether the article's lead has someone from here in the foreign side's country ("tại Tây
    Ban Nha", "chuyến thăm Mỹ", "đang thăm Nhật Bản")."""
    country = _country_alternation(foreign[1])
    if country is None:
        return False
    abroad = re.compile(rf"(?<!\w)(?:tại|thăm|sang|đến|tới|ở)(?: \w+){{0,3}} (?:{country})(?!\w)")
    return any(abroad.search(ctx.sentences[i].text) for i in _lead_sentences(ctx))


@functools.cache
def _country_alternation(name: str) -> str | None:
    """A regex alternation of every spelling of a foreign actor's country ("Quốc hội Cuba" →
    Cuba), longest first; None when the name holds no country."""
    aliases = country_aliases()
    country = next((aliases[a] for a in sorted(aliases, key=len, reverse=True) if a in name), None)
    if country is None:
        return None
    names = sorted((a for a, c in aliases.items() if c == country), key=len, reverse=True)
    return "|".join(re.escape(n) for n in names)


# "sẽ thăm", "sớm thăm chính thức Slovakia", "mời … sang thăm": announced, wished or invited,
# not reported as done
_SCHEDULE = re.compile(r"\s*Theo (?:chương trình|lịch trình|kế hoạch|dự kiến)(?!\w)")
_DONE = re.compile(r"(?<!\w)(?:đã|vừa|đang)(?!\w)")
_NOT_YET = re.compile(
    r"(?<!\w)(?:(?:sẽ|sớm|sắp|dự kiến|chuẩn bị|mong muốn|muốn|hy vọng|hi vọng|ý định|dự định)"
    r"(?:\s+\S+){0,2}"
    # "sẽ thăm Việt Nam và tham dự Hội nghị … tại Đà Nẵng": the second verb is as future
    r"|(?:sẽ|sắp|dự kiến)(?:\s+[^\s,;]+){1,4}\s+và"
    # "sẽ tháp tùng ông X đến …": the companion's trip is as future as the leader's
    r"|(?:sẽ|sắp|dự kiến)\s+(?:tháp tùng|đi cùng|cùng|dẫn đầu|dẫn)(?:\s+[^\s,;]+){0,6}"
    r"|mời(?:\s+\S+){0,6})\s*$"
)
# "xuất khẩu sang Trung Quốc", "lòng biết ơn sâu sắc tới Đảng Cộng sản Cuba", "Ông Đoàn khiếu
# nại đến Bộ Nội vụ": goods, words and complaints go there, nobody travels (on the lower-cased
# text; the complaint words only right before the verb: "chương trình" holds "trình")
_NOT_TRAVEL = re.compile(
    r"(?<!\w)(?:xuất khẩu|nhập khẩu|xuất|bán|gửi|chuyển|biết ơn|cảm ơn|lời chào|tình cảm)"
    r"(?!\w)[^,;:]*$"
    r"|(?<!\w)(?:khiếu nại|phản ánh|kiến nghị|báo cáo|trình|tố cáo|thư)\s+$"
)


# "trả lời câu hỏi về chuyến thăm Nga của lãnh đạo Triều Tiên": the speaker comments on a
# visit, he makes none
_ABOUT = re.compile(
    r"(?<!\w)(?:câu hỏi|bình luận|nhận định|đánh giá) về\s+(?:(?:chuyến|cuộc)\s+)?$"
)
# Talks held at a distance: nobody travels
_REMOTE = re.compile(
    r"(?<!\w)(?:điện đàm|trực tuyến|qua điện thoại|gửi thư|thư chúc mừng)(?!\w)", re.IGNORECASE
)


def _not_happened(text: str, verb: re.Match[str], before: str) -> bool:
    """``before``: the 40 characters before the verb, lower-cased."""
    if _NOT_YET.search(before) or _held_at_a_distance(text):
        return True
    if _SCHEDULE.match(text) and not _DONE.search(text, 0, verb.start()):
        return True  # "Theo chương trình tại Washington, Thủ tướng sẽ …; dự lễ trao …": a plan
    if verb.group(0) in _OFFICIAL_VERBS and _INSTRUCTS.search(before):
        return True  # "đã giao Thanh tra Chính phủ chủ trì kiểm tra": someone else inspects
    if verb.group(0) in _WORKING_VERBS and (
        _WORKERS.search(before)
        or (before.endswith(("sang ", "đi ")) and _SENT_TO_WORK.search(text, 0, verb.start()))
    ):
        return True  # "lao động của Việt Nam đang làm việc tại Qatar", "5.082 lao động sang Hàn
        # Quốc làm việc": employed there, not visiting
    return verb.group(0) in _WEAK_VERBS and bool(_NOT_TRAVEL.search(before))


@functools.lru_cache(maxsize=64)  # asked once for each verb of the sentence
def _held_at_a_distance(text: str) -> bool:
    return _REMOTE.search(text) is not None


_WORKERS = re.compile(  # on the lower-cased text; "lao động Việt Nam sang làm việc tại …" too
    r"(?<!\w)(?:lao động|công nhân|kiều bào|du học sinh)(?: (?:của )?việt nam)?"
    r"(?: (?:ở|tại|sang|đi) [^,;]{1,20})?(?: (?:đang|đã|vẫn|sẽ|vẫn đang))?(?: sang| đi)? $"
)
# "Đề án đưa lao động … đi làm việc ở nước ngoài … sang làm việc tại Nhật Bản": workers sent to
# work, named anywhere before "sang/đi làm việc" (not "Bộ Lao động")
_SENT_TO_WORK = re.compile(
    r"(?<!\w)(?<!bộ )(?:lao động|công nhân|thực tập sinh|tu nghiệp sinh)(?!\w).*(?:sang|đi) $",
    re.IGNORECASE,
)
# An official who orders an inspection ("giao …", "văn bản … gửi … chỉ đạo, kiểm tra") is not
# the one who travels to make it
_INSTRUCTS = re.compile(r"(?<!\w)(?:giao|yêu cầu|chỉ đạo|đề nghị|văn bản|công văn|chỉ thị)(?!\w)")


def _hosts(
    rel: list[tuple[int, Mention]], folded: str, verb: re.Match[str], visitor: Actor
) -> list[Actor]:
    """The actor named first after the verb, and any joined to it by "và" ("hai tỉnh Khánh Hòa
    và Phú Yên")."""
    after = [
        (offset, m) for offset, m in rel if offset >= verb.end() and (m.kind, m.name) != visitor
    ]
    if not after:
        return []
    first_at, first = after[0]
    arrived_abroad = (
        verb.group(0) in _WEAK_VERBS
        and first.kind == "foreign"
        and _CITY_THEN_COUNTRY.fullmatch(folded, verb.end(), first_at) is not None
    )
    if not arrived_abroad and not _introduced(folded, verb.end(), first_at):
        return []
    hosts = [(after[0][1].kind, after[0][1].name)]
    for (prev_offset, prev), (offset, mention) in itertools.pairwise(after):
        between = folded[prev.end - prev.start + prev_offset : offset]
        if _PLACE_LIST_GAP.fullmatch(between):
            hosts.append((mention.kind, mention.name))
        else:
            break
    return list(dict.fromkeys(hosts))


_WEAK_VERBS = {"đến", "tới", "sang"}
# The verbs of people employed abroad, not visiting: "làm việc", and "sang/đến" a country to work
_WORKING_VERBS = {"làm việc"} | _WEAK_VERBS
_STATE_FORM = re.compile(r"\s*(?:cong hoa|lien bang|vuong quoc|chlb|chdcnd|nuoc)\s*")
_OPENING = re.compile(
    r"^(?:(?:Sáng|Chiều|Tối|Trưa|Ngày|Hôm nay|Hôm qua)[^,]{0,20},\s*)?(?:đã\s+)?"
    # "Tại cuộc làm việc với UBND tỉnh Tiền Giang ngày 27-8, Phó thủ tướng Vương Đình Huệ …"
    r"(?:(?:Tại|Trong)(?: khuôn khổ)? (?:cuộc|buổi|chuyến) )?$"
)
_TITLE_BODIES = [
    ("Thủ tướng", "Chính phủ"),
    ("Chủ tịch nước", "Chủ tịch nước"),
    ("Tổng Bí thư", "Trung ương Đảng"),
    ("Chủ tịch Quốc hội", "Quốc hội"),
]


def _subject_after_opening(text: str, verb: re.Match[str], people: list[Person]) -> Person | None:
    """The official named first after the comma that closes an opening clause; not one named
    further on ("Trong chuyến thăm Hà Nội, thủ tướng Nhật Bản Shinzo Abe đã nhất trí với thủ
    tướng Việt Nam Nguyễn Xuân Phúc": the subject is no one we know)."""
    comma = text.find(",", verb.end())
    if comma < 0:
        return None
    named = _named_between(text, people, comma, len(text))
    return named[0][1] if named and named[0][0] - comma <= 50 else None


# After the opening clause (and a day): an office alone as the subject
_OFFICE_SUBJECT = re.compile(
    r",\s*(?:(?:[Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rưa|[Nn]gày)[^,]{0,20},\s*)?"
    r"(?P<office>Thủ tướng|Chủ tịch nước|Tổng Bí thư|Tổng bí thư|Chủ tịch Quốc hội)"
    r"(?: Chính phủ)?(?= và | cùng | đã | đang | có )"
)


def _office_after_opening(text: str, verb: re.Match[str]) -> Actor | None:
    """The central body of an office named alone right after the opening clause's comma."""
    comma = text.find(",", verb.end())
    office = _OFFICE_SUBJECT.match(text, comma) if comma >= 0 else None
    listed = _listed_central(office.group("office")) if office else []
    return listed[0] if listed else None


def _opens_with_verb(text: str, verb: re.Match[str]) -> bool:
    return bool(_OPENING.match(text[: verb.start()]))


_LEADERS_SUBJECT = re.compile(
    r"^(?:(?:Sáng|Chiều|Tối|Trưa|Ngày|Hôm nay|Hôm qua|Cùng ngày)[^,]{0,25},\s*)?"
    r"(?:[Ll]ãnh đạo|[Đđ]oàn lãnh đạo|[Đđ]oàn công tác cấp cao)(?: của)?"
    r" (?:tỉnh |thành phố |TP\.? ?)?"
)


# The office alone as the subject, no name: "Thủ tướng (bắt đầu|đã) thăm …"
_BARE_OFFICE = re.compile(
    r"^(?:Thủ tướng|Phó Thủ tướng|Chủ tịch nước|Phó Chủ tịch nước|Tổng Bí thư|Chủ tịch Quốc hội"
    r"|Phó Chủ tịch Quốc hội)(?: Chính phủ)?(?: (?:bắt đầu|đã|đang|tới|đến))?\s*$"
)


def _leaders_of(subject: str, rel: list[tuple[int, Mention]]) -> Actor | None:
    """ "Lãnh đạo TP. HCM tìm hiểu …": the leaders' province is the visitor."""
    opening = _LEADERS_SUBJECT.match(subject)
    if opening is None:
        return None
    for offset, mention in rel:
        if opening.end() - 4 <= offset <= opening.end() and mention.kind == "province":
            return (mention.kind, mention.name)
    return None


@functools.cache
def _title_body_patterns() -> list[tuple[re.Pattern[str], str]]:
    return [
        (re.compile(rf"(?<![\w]){re.escape(title)}(?![\w])"), body) for title, body in _TITLE_BODIES
    ]


def _listed_central(subject: str) -> list[Actor]:
    """Central bodies and offices listed as the subject, in order; not one whose instruction it
    carries out ("Quán triệt Chỉ thị của Thủ tướng Chính phủ …, lãnh đạo Bộ VHTTDL kiểm tra")."""
    found: list[tuple[int, Actor]] = []
    owners: list[tuple[int, int]] = []  # offices after "của"/"theo", with the body they name
    for pattern, body in _title_body_patterns():
        for match in pattern.finditer(subject):
            if _OWNER_BEFORE.search(subject, 0, match.start()):
                owners.append(match.span())
            else:
                found.append((match.start(), ("central", body)))
    found += [
        (m.start, (m.kind, m.name))
        for m in mentions_in(subject)
        if m.kind == "central"
        and not _OWNER_BEFORE.search(subject, 0, m.start)
        and not any(start <= m.start <= end + 1 for start, end in owners)  # "Thủ tướng Chính phủ"
    ]
    return list(dict.fromkeys(actor for _, actor in sorted(found)))


_OWNER_BEFORE = re.compile(r"(?<!\w)(?:của|theo)\s+$")


def _acting_for(ctx: DocContext, person: Person) -> Actor | None:
    """``person_actor``, and for "Bộ trưởng X" without the ministry, the ministry the article
    names most."""
    actor = person_actor(person)
    if (
        actor is None
        and any(t.startswith(("Bộ trưởng", "Thứ trưởng")) for t in person.titles)
        and not romanised(person.name)  # "Bộ trưởng Thansamay Kommasith" of Laos: not ours
    ):
        ministries = Counter(
            m.name for m in ctx.mentions if m.kind == "central" and m.name.startswith("Bộ ")
        )
        if ministries:
            return ("central", ministries.most_common(1)[0][0])
    return actor


# Verbs that are a visit only when an official or a delegation does them ("kiểm tra" is also
# what police do to a car, "khảo sát" what a company does to a market).
_OFFICIAL_VERBS = {"kiểm tra", "khảo sát", "tìm hiểu", "tham quan"}


def _home_is_host(ctx: DocContext, verb: re.Match[str], visitor: Actor, in_lead: bool) -> bool:
    """ "Phó Thủ tướng … làm việc với lãnh đạo tỉnh" in the lead of an article whose title names
    the province: the province is the host even where the sentence does not repeat it."""
    return bool(
        in_lead
        and ctx.home
        and visitor[0] in ("central", "foreign")
        and verb.group(0) in ("thăm và làm việc", "làm việc", "đến thăm", "thăm")
        and ctx.title
        and any(
            alias in ctx.title for alias, name in province_aliases().items() if name == ctx.home
        )
    )


# "… dẫn đầu đoàn công tác đến khảo sát hiện trường": a delegation's verb with no place after it
_DELEGATION_VERB = re.compile(
    r"(?<![a-z])(?:dan dau|cung|va) doan(?: cong tac| khao sat| lien nganh| kiem tra)?"
    r"(?: cua \S+(?: \S+){0,3})?(?: da)?(?: (?:den|toi|ve))?\s*$"
)
_DELEGATION_VISIT_VERBS = {"khảo sát", "kiểm tra", "thị sát", "thăm", "làm việc", "thăm hỏi"}


def _delegation_to_home(ctx: DocContext, folded: str, verb: re.Match[str], visitor: Actor) -> bool:
    """ "Cùng ngày, Bộ trưởng … dẫn đầu đoàn công tác đến khảo sát hiện trường vụ sạt lở" in an
    article whose title names the province: a central delegation came to it, anywhere in the
    article."""
    return bool(
        ctx.home
        and visitor[0] == "central"
        and verb.group(0) in _DELEGATION_VISIT_VERBS
        and _DELEGATION_VERB.search(folded[max(0, verb.start() - 60) : verb.start()])
        and ctx.title
        and any(
            alias in ctx.title for alias, name in province_aliases().items() if name == ctx.home
        )
    )


def _right_after(
    rel: list[tuple[int, Mention]], folded: str, verb: re.Match[str], host: Actor
) -> bool:
    """The host follows the verb at once ("đến Bình Dương"), or is the province of the address
    the place it goes to is given ("đến nhà máy thủy điện Hố Hô (huyện Hương Khê, Hà Tĩnh)")."""
    for offset, mention in rel:
        if (mention.kind, mention.name) == host and offset >= verb.end():
            if offset - verb.end() <= len(" thành phố "):
                return True
            if mention.kind == "foreign":
                # "đến Thủ đô Washington, Hoa Kỳ", "đến sân bay quân sự St. Andews, Washington,
                # Hoa Kỳ": a city, or an airport and its city, then the country
                return bool(_CITY_THEN_COUNTRY.fullmatch(folded, verb.end(), offset))
            return mention.kind == "province" and bool(
                _PLACE_ADDRESS.fullmatch(folded, verb.end(), offset)
            )
    return False


# not "nhà đầu tư đến từ Vương Quốc Anh, Thái Lan, …": where they come from
_CITY_THEN_COUNTRY = re.compile(r"(?!\s+tu\s)\s+(?:[^,.;:()\d]{2,35},\s*){1,2}")


# " nhà máy thủy điện Hố Hô (huyện Hương Khê, ": a short place name, its address in brackets
_PLACE_ADDRESS = re.compile(
    r"\s+(?:voi |tai )?(?:lanh dao (?:cua )?)?(?:chi nhanh )?"
    r"(?:nha may|khu|cong ty|benh vien|truong|cang|cua khau|xa|huyen|thi xa|ho|dap|cong trinh"
    r"|du an|trung tam|vung|diem)[^(),.;]{0,40}\s*\((?:[^()]{0,60},\s*)?"
    r"(?:tinh |thanh pho |tp\.? ?)?"
)


# Attending an event: the event is the province's ("dự khánh thành khu CNTT tập trung TP. Đà Nẵng")
_EVENT_VERBS = {"tham dự", "dự lễ", "dự hội nghị"}


def _event_owner(rel: list[tuple[int, Mention]], verb: re.Match[str]) -> list[Actor]:
    after = [
        (m.kind, m.name)
        for offset, m in rel
        if m.kind == "province" and verb.end() <= offset <= verb.end() + _HOST_REACH
    ]
    return after[:1]


def _place_before(
    rel: list[tuple[int, Mention]], folded: str, verb: re.Match[str], visitor: Actor
) -> list[Actor]:
    """ "Ngày 18/6, tại Hải Dương, Bộ trưởng … đã dự hội nghị": the place set before the subject;
    also where the subject has just arrived ("ngay sau khi đến Hòa Bình, Tổng Bí thư … đã đến
    thăm", "sau khi đến thành phố Frankfurt, bang Hessen, Cộng hòa Liên bang Đức, … Thủ tướng")."""
    for offset, mention in rel:
        if offset >= verb.start() or (mention.kind, mention.name) == visitor:
            continue
        if re.search(
            r"(?<![a-z])tai\s+(?:tinh |thanh pho |tp\.? )?$", folded[max(0, offset - 16) : offset]
        ) or _ARRIVED_AT.search(folded, max(0, offset - 60), offset):
            return [(mention.kind, mention.name)]
        if (
            visitor[0] == "central"
            and mention.kind == "province"
            and _TEAM.search(folded, 0, offset)  # not "Ông Son … vào TP. HCM thăm con gái"
            and _CAME_TO.search(folded, max(0, offset - 22), offset)
            and _THEN_WORK.fullmatch(folded, mention.end - mention.start + offset, verb.start())
        ):
            # "đoàn công tác Bộ NN&PTNT vào Bình Định làm việc", "… đã về Bình Định để kiểm tra":
            # a central team that came to the province for the work the verb names
            return [(mention.kind, mention.name)]
    return []


_TEAM = re.compile(r"(?<![a-z])(?:doan|to cong tac)(?![a-z])")
_CAME_TO = re.compile(r"(?<![a-z])(?:ve|vao|xuong|len)\s+(?:tinh |thanh pho |tp\.? ?)?$")
_THEN_WORK = re.compile(r"\s*(?:de\s+)?")


_ARRIVED_AT = re.compile(
    r"(?<![a-z])sau khi (?:den|toi|sang)\s+(?:tinh |thanh pho |tp\.? )?(?:[^,.]{1,30},\s*){0,2}$"
)


def _introduced(folded: str, verb_end: int, host_at: int) -> bool:
    """A host is the place the visit goes to: right after the verb ("thăm Hà Tĩnh"), or named
    shortly after "với/tại/đến/sang/tới" ("làm việc với lãnh đạo chủ chốt tỉnh Bình Dương")."""
    if host_at - verb_end < 4:
        return True
    if _STATE_FORM.fullmatch(folded, verb_end, host_at):
        return True  # "thăm chính thức Cộng hòa Áo", "thăm Liên bang Nga"
    if _PLACE_ADDRESS.fullmatch(folded, verb_end, host_at):
        return True  # "đến nhà máy thủy điện Hố Hô (huyện Hương Khê, Hà Tĩnh)"
    if host_at - verb_end > _HOST_REACH:
        return False
    address = _ADDRESS_BEFORE.search(folded[max(verb_end, host_at - 120) : host_at])
    cue_end = host_at - len(address.group(0)) if address else host_at
    return bool(_HOST_CUE.search(folded[max(verb_end, cue_end - 45) : host_at]))


_SUBJECT_OPENER = re.compile(
    r"^(?:(?:Sáng|Chiều|Tối|Trưa|Ngày|Hôm nay|Hôm qua|Cùng ngày|Trước đó)[^,]{0,25},\s*)?"
    r"(?:(?:[Ôô]ng|[Bb]à|[Đđ]ồng chí)\s+)?"
)


def _subject_person(text: str, verb_at: int, people: list[Person]) -> Person | None:
    """The official doing the visiting: the first one when the sentence opens with them ("Ngày
    29/3, Phó Thủ tướng A, Thứ trưởng B đã đến …": A leads), else the one named last before the
    verb."""
    before = text[:verb_at]
    named = sorted(
        ((at, person) for person in people if (at := before.rfind(person.name)) >= 0),
        key=lambda pair: pair[0],
    )
    short = _named_by_surname(before, people)
    if not named:
        return mention_of_people(before, people) or (short[1] if short else None)
    if short is not None and short[0] > named[-1][0] + len(named[-1][1].name):
        return short[1]  # "Sau cuộc hội đàm với Bộ trưởng Ngô Xuân Lịch, Bộ trưởng Shoigu đã …"
    opener = _SUBJECT_OPENER.match(before)
    rest = before[opener.end() if opener else 0 :]
    first = min(named, key=lambda pair: before.find(pair[1].name))[1]
    last_at, last = named[-1]
    if len(named) > 1 and (starts_with_title(rest) or rest.startswith(first.name)):
        between = before[before.find(first.name) + len(first.name) : last_at]
        if not _ABOUT_OTHERS.search(between):
            return first
    if _SPEECH.search(before, last_at + len(last.name)):
        return None  # "ông X, Tổng Giám đốc …, cho biết, đoàn tàu đầu tiên … đã về đến Hà Nội"
    return last


# What the first official says of the next one, whose visit follows: "Chủ tịch nước … đánh giá
# cao việc Chủ tịch Tập Cận Bình đã sớm nhận lời thăm …", "… cảm ơn Tổng thống … đã đến"
_ABOUT_OTHERS = re.compile(r"(?<!\w)(?:đánh giá cao|hoan nghênh|cảm ơn|chúc mừng|mời|việc)(?!\w)")
# What the official says, not does: the visit after it is someone else's
_SPEECH = re.compile(r"(?<!\w)(?:cho biết|nói|thông tin|khẳng định|nhấn mạnh)\s*[,:]")


def _named_by_surname(text: str, people: list[Person]) -> tuple[int, Person] | None:
    """The foreign official ``text`` names last by the surname alone, and where."""
    found = [
        (at, person)
        for person in people
        if (at := surname_at(text, person, people)) is not None
        and text.find(person.name, max(0, at - len(person.name))) < 0
    ]
    return max(found, key=lambda pair: pair[0], default=None)


def _received(
    ctx: DocContext,
    text: str,
    rel: list[tuple[int, Mention]],
    receiving: re.Match[str],
    people: list[Person],
) -> list[tuple[Actor, Actor, Leader]]:
    """ "<official of Y> (đã) tiếp <X>": Y hosts, X visits. "Tiếp <X>, <official of Y> …": the
    same, the host named after the opening clause."""
    comma = text.find(",", receiving.end()) if receiving.start() == 0 else -1
    opening = comma > 0
    host_span, guest_span = (
        ((comma, len(text)), (receiving.end(), comma))
        if opening
        else ((0, receiving.start()), (receiving.end(), len(text)))
    )
    receiver = mention_of_people(text[host_span[0] : host_span[1]], people)
    host, bare_office = _receiving_side(ctx, text, rel, receiving, receiver, opening)
    guest_person = mention_of_people(text[guest_span[0] : guest_span[1]], people)
    guest = person_actor(guest_person) if guest_person else None
    if guest is None:
        guest = _first_named(rel, *guest_span)
    if host is None or guest is None or guest == host:
        return []
    if (
        guest[0] == "foreign"
        and host[0] != "foreign"
        and (
            (bare_office and _ours_abroad(ctx, guest))
            or _received_abroad(text, rel, receiving, guest)
        )
    ):
        return []  # our leaders abroad receiving that country's guests: the trip is the visit
    if _RECEPTION_NOUN.search(text, max(0, receiving.start() - 6), receiving.start()) and (
        _RECEPTION_BY.match(text, receiving.end())
    ):
        # "cám ơn sự đón tiếp nồng hậu của … Robert Lighthizer": the one after received
        if receiver is None:
            return []
        host, guest, guest_person = guest, host, receiver
    leader = (
        (guest_person.name, guest_person.titles[0])
        if guest_person and guest_person.titles
        else None
    )
    return [(guest, host, leader)]


def _receiving_side(
    ctx: DocContext,
    text: str,
    rel: list[tuple[int, Mention]],
    receiving: re.Match[str],
    receiver: Person | None,
    opening: bool,
) -> tuple[Actor | None, bool]:
    """Who receives, and whether it is an office named alone ("Thủ tướng tiếp"): the receiver's
    body; else, the verb not opening the sentence, the body named last before it; else the
    office's body; else, the verb not opening the sentence, the article's province."""
    host = person_actor(receiver) if receiver else None
    if host is None and not opening:
        before = [m for offset, m in rel if offset < receiving.start()]
        host = (before[-1].kind, before[-1].name) if before else None
    bare_office = host is None and bool(_BARE_OFFICE.match(text[: receiving.start()]))
    if bare_office:
        host = next(iter(_listed_central(text[: receiving.start()])), None)
    if host is None and ctx.home and not opening and not _foreign_local_head(receiver):
        host = ("province", ctx.home)
    return host, bare_office


# Offices of a foreign province or city: "Tỉnh trưởng Tỉnh Phúc Kiến Vũ Vi Quốc đón Chủ tịch nước"
# is received abroad, never in the article's province
_FOREIGN_LOCAL_HEADS = (
    "tỉnh trưởng",
    "phó tỉnh trưởng",
    "thị trưởng",
    "phó thị trưởng",
    "thủ hiến",
)


def _foreign_local_head(person: Person | None) -> bool:
    return person is not None and any(
        title.lower().startswith(_FOREIGN_LOCAL_HEADS) for title in person.titles
    )


def _first_named(rel: list[tuple[int, Mention]], start: int, end: int) -> Actor | None:
    named = next((m for offset, m in rel if start <= offset < end), None)
    return (named.kind, named.name) if named else None


def _received_abroad(
    text: str, rel: list[tuple[int, Mention]], receiving: re.Match[str], guest: Actor
) -> bool:
    """ "tại Tokyo, trong khuôn khổ chuyến thăm chính thức Nhật Bản …, Thủ tướng … đã tiếp":
    the sentence puts our side in the guest's country before the verb."""
    return any(
        m.kind == "foreign"
        and m.name in guest[1]  # the country, or "tỉnh Ibaraki (Nhật Bản)" in it
        and offset < receiving.start()
        and _ABROAD_CUE.search(text, max(0, offset - 45), offset)
        for offset, m in rel
    )


_ABROAD_CUE = re.compile(r"(?:tại|ở|chuyến thăm(?: chính thức| cấp nhà nước| làm việc)*)\s+$")
_RECEPTION_NOUN = re.compile(r"(?<!\w)sự\s+$")
_RECEPTION_BY = re.compile(r"(?:\s+[^\W\d]+){0,3}?\s+của(?!\w)")  # "… nồng hậu của"


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
    elif _RELIEF.search(text):
        visit.purpose = "relief"
    else:
        visit.purpose = "inspection"
    if visit.purpose == "exchange":
        cue_sentences = [
            s.text
            for k, s in enumerate(ctx.sentences)
            if _EXCHANGE_CUE.search(ctx.folded_sentence(k))
        ]
        visit.topics = topics_in(" . ".join(cue_sentences))
    else:
        visit.topics = topics_in(text)
    if visit.leader is None:
        visit.leader = _visitor_official(ctx, people, visit)
    host_province = visit.host[1] if visit.host[0] == "province" else None
    leader_name = visit.leader[0] if visit.leader else None
    received: dict[str, tuple[str, str]] = {}
    for k, sentence in enumerate(ctx.sentences):
        if not _RECEIVES.search(ctx.folded_sentence(k)):
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


def _visitor_official(ctx: DocContext, people: list[Person], visit: Visit) -> Leader:
    """When no "do … dẫn đầu" names the leader: the first official acting for the visitor,
    named in the visit's sentences, else anywhere in the article ("Đoàn đại biểu Đảng Cộng sản
    Cuba …" then "đồng chí Jose Ramon Balaguer Cabrera, Bí thư Trung ương Đảng Cuba")."""
    visitor_kind, visitor_name = visit.visitor
    country = visitor_name.rsplit(" ", 1)[-1] if visitor_kind == "foreign" else None

    def acts_for_visitor(person: Person) -> bool:
        if not person.titles:
            return False
        actor = _acting_for(ctx, person)
        if actor == visit.visitor:
            return True
        return bool(country and actor and actor[0] == "foreign" and country in actor[1])

    texts = [ctx.sentences[i].text for i in visit.sentence_indexes] + [ctx.text]
    for text in texts:
        named = [p for p in people if p.name in text and acts_for_visitor(p)]
        if named:
            first = min(named, key=lambda p: text.find(p.name))
            return first.name, first.titles[0]
    return None


def _clean_place(place: str) -> str:
    place = re.sub(r"\s*\([^)]*\)", "", place).strip().rstrip(".,;")
    place = re.sub(r"\s+và$", "", place)
    place = re.sub(r"^khu công nghiệp|^KCN", "Khu công nghiệp", place)
    place = re.sub(r"^(Công ty)( Công ty)+", r"\1", place)
    return place[0].upper() + place[1:] if place else place
