"""Good practices ("cách làm hay"): a province's way of doing something, praised or shared.

Patterns, hand-written for Vietnamese news:
  - praise: "X có nhiều cách làm hay…", "đánh giá cao những kinh nghiệm của tỉnh X trên lĩnh vực…",
    "cách làm hay/riêng của X", "học hỏi/học tập kinh nghiệm (của) X";
  - sharing: "<official of X> chia sẻ (về) … <topic>", "X chia sẻ kinh nghiệm …".
The topics are the SPEC topic words in the sentence after the cue; ``praised_by`` is the other
province in the sentence, or the speaker's province. Those rules are practices.v1; practices.v2
generates every (province, topic) named in a sentence with a broad praise or sharing cue and a
trained model (extract.model) keeps the ones that are practices. practices.v3: praise that names
a way of working ("cách làm sáng tạo", "mô hình") may close its sentence, after the topic.
practices.v4: "ấn tượng" is no praise of a practice ("gây ấn tượng với du khách", "một kết hợp
ấn tượng"), and praise naming more than six topics is praise of a whole programme.
practices.v6: learning from a province named right after the cue ("học hỏi kinh nghiệm của tỉnh
Bình Dương để áp dụng …") in a sentence naming no topic takes the headline's topic, when the
headline names one; cheap housing ("nhà giá rẻ", "nhà xã hội") is the housing topic (topics).
practices.v7: a locality that leads the way in something ("Đà Nẵng luôn là địa phương đi tiên
phong trong lĩnh vực bảo vệ … môi trường") and a model fit to be spread ("là mô hình có thể nhân
rộng") are praise; a place leading a ranking ("dẫn đầu cả nước về chỉ số PCI") is not.
practices.v8: a way that other provinces are to learn names a practice, its topic named before
it ("báo cáo mô hình camera an ninh … để các tỉnh thành khác … học tập, triển khai theo").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cachlamhay.extract.automata import StartsAt
from cachlamhay.extract.context import DocContext
from cachlamhay.extract.model import Candidate, Features, distance_bucket
from cachlamhay.extract.people import Person, mention_of_people
from cachlamhay.extract.text import Mention
from cachlamhay.extract.topics import topic_positions
from cachlamhay.vntext import fold

VERSION = "practices.v8"

_PRAISE = re.compile(
    fold(
        r"(?:có (?:nhiều|những|một số)? ?(?:cách làm hay|cách làm sáng tạo|kinh nghiệm quý"
        r"|mô hình hay|kinh nghiệm hay)"
        r"|cách làm (?:hay|riêng|sáng tạo|hiệu quả)(?: của)?|đánh giá cao"
        r"|học hỏi (?:kinh nghiệm|cách làm|mô hình)"
        r"|học tập (?:kinh nghiệm|mô hình|cách làm)|khảo sát mô hình|tham khảo mô hình"
        # "Quảng Nam có thể học tập tỉnh Cà Mau trong việc xây dựng … đê ngầm"
        r"|(?:học tập|học hỏi)(?: từ)? (?:tỉnh|thành phố) [^ ]+(?: [^ ]+){0,3} trong việc"
        r"|bài học kinh nghiệm quý|kinh nghiệm của|mô hình hay|mô hình (?:hiệu quả|điểm)"
        r"|nhân rộng (?:mô hình|cách làm|kinh nghiệm)|biểu dương|điển hình cho cả nước"
        r"|(?:trao đổi kinh nghiệm|tìm hiểu)(?: về)? mô hình"
        # "Đà Nẵng luôn là địa phương đi tiên phong trong lĩnh vực bảo vệ … môi trường"
        # (a place leading a ranking, "dẫn đầu về chỉ số PCI", is no practice)
        r"|(?<=địa phương )(?:đi đầu|đi tiên phong|tiên phong)"
        r"(?: cả nước| toàn quốc)? (?:trong|về)"
        r"|mô hình (?:có thể |cần |nên )?(?:được )?nhân rộng"
        # "báo cáo mô hình camera … để các tỉnh thành khác … học tập, triển khai theo" (from
        # "khác" on: "tỉnh" is too common a word to try the pattern at)
        + "".join(
            rf"|(?<={places} )khác(?: [^ ,.;]+){{0,6}} (?:học tập|học hỏi|nhân rộng)"
            for places in ("tỉnh", "tỉnh thành", "địa phương")
        )
        + ")"
    )
)
# Looked for only where a praise starts (see ``StartsAt``), in folded text like the pattern
_PRAISES = StartsAt(
    _PRAISE,
    tuple(
        fold(words)
        for words in (
            "có ", "cách làm ", "đánh giá cao", "học hỏi", "học tập", "khảo sát mô hình",
            "tham khảo mô hình", "bài học kinh nghiệm quý", "kinh nghiệm của", "mô hình",
            "nhân rộng", "biểu dương", "điển hình cho cả nước", "trao đổi kinh nghiệm", "tìm hiểu",
            "đi đầu", "đi tiên phong", "tiên phong", "khác",
        )
    ),
)  # fmt: skip
_SHARE = re.compile(
    fold(
        r"chia sẻ (?:với đoàn )?(?:về )?(?:những |các |một số )?"
        + r"(?:kinh nghiệm|cách làm|bài học|mô hình|công tác|nội dung|giải pháp)"
    )
)


@dataclass(slots=True)
class Practice:
    province: str
    topic: str
    praised_by: str | None
    sentence_index: int


def finish_practices(decided: list[Candidate]) -> list[Practice]:
    return [c.payload for c in decided if c.kept]


_ANY_CUE = re.compile(
    fold(
        r"kinh nghiệm|mô hình|điển hình|cách làm|học tập|học hỏi|nhân rộng|hiệu quả|sáng tạo"
        r"|đi đầu|dẫn đầu|tiêu biểu|thành công|đánh giá cao|biểu dương|khen|tham khảo|bài học"
        r"|chia sẻ|ấn tượng|điểm sáng|lá cờ đầu|xuất sắc"
    )
)


def practice_candidates(
    ctx: DocContext, people: list[Person], *, rules_only: bool = False
) -> list[Candidate]:
    """Every (province, topic) named in a sentence with a praise or sharing cue, with the
    rule's practices among them. ``rules_only`` (no model to decide): just the rule's, in the
    same order, without features."""
    rule = {(p.province, p.topic): p for p in _rule_practices(ctx, people)}
    if rules_only and not rule:
        return []
    if not _ANY_CUE.search(ctx.folded) and not rule:
        return []
    found: dict[tuple[str, str], tuple[Features, Practice]] = {}
    for index, sentence in enumerate(ctx.sentences):
        folded = ctx.folded_sentence(index)
        cues = list(_ANY_CUE.finditer(folded))
        if not cues:
            continue
        topics = topic_positions(sentence.text)
        if not topics:
            continue
        provinces: dict[str, int] = {}
        for mention in ctx.provinces_in(index):
            provinces.setdefault(mention.name, mention.start - sentence.start)
        if ctx.home and ctx.home not in provinces:
            provinces[ctx.home] = -1
        speaker = _speaker(sentence.text, people)
        praise = _PRAISES.search(folded)
        share = _SHARE.search(folded)
        for province, at in provinces.items():
            others = [p for p in provinces if p != province and provinces[p] >= 0]
            praised_by = others[0] if others else (speaker if speaker != province else None)
            for offset, topic in dict.fromkeys(topics):
                if rules_only and (province, topic) not in rule:
                    continue
                f = Features()
                cue = min(cues, key=lambda c: abs(c.start() - offset))
                f.add("cue", cue.group(0))
                f.add("praise", bool(praise))
                f.add("share", bool(share))
                f.add("topic_after_cue", offset >= cue.start())
                f.add("topic_gap", distance_bucket(abs(offset - cue.start())))
                if at >= 0:
                    f.add("province_gap", distance_bucket(abs(at - cue.start())))
                    f.add("province_before_cue", at < cue.start())
                else:
                    f.add("implicit_home")
                f.add("home", province == ctx.home)
                f.add("speaker_own", speaker == province)
                f.add("other_provinces", min(len(others), 2))
                f.add("title", index == 0)
                f.add("topic", topic)
                entry = found.get((province, topic))
                if entry is None:
                    payload = rule.get((province, topic)) or Practice(
                        province, topic, praised_by, index
                    )
                    found[(province, topic)] = (f, payload)
                else:
                    entry[0].merge(f.values)
                    entry[0].add("several")
    for key, item in rule.items():
        found.setdefault(key, (Features(), item))
    praisers = {(p.praised_by, p.topic) for p in rule.values() if p.praised_by}
    ruled_topics = {topic for _, topic in rule}
    candidates = []
    for (province, topic), (features, payload) in found.items():
        features.add("rule", (province, topic) in rule)
        # the side that praised a practice the rule found is rarely the one practising it
        features.add("rule_praiser", (province, topic) in praisers)
        features.add(
            "rule_topic_elsewhere", topic in ruled_topics and (province, topic) not in rule
        )
        candidates.append(
            Candidate(
                probe={"province": province, "topic": topic},
                features=features.values,
                payload=payload,
                rule=(province, topic) in rule,
            )
        )
    return candidates


def _rule_practices(ctx: DocContext, people: list[Person]) -> list[Practice]:
    """The hand-written patterns' practices (practices.v1)."""
    # A cue in a sentence is a cue in the whole folded text (the patterns look at nothing
    # around them), so one search over the document rules most articles out at once.
    if not _PRAISES.search(ctx.folded) and not _SHARE.search(ctx.folded):
        return []
    found: dict[tuple[str, str], Practice] = {}
    for index, sentence in enumerate(ctx.sentences):
        folded = ctx.folded_sentence(index)
        praise = _PRAISES.search(folded)
        share = _SHARE.search(folded)
        if not praise and not share:
            continue
        cue = praise or share
        assert cue is not None
        positions = topic_positions(sentence.text)
        if not positions and praise and index > 0 and _learns_from_a_province(ctx, index, praise):
            # "học hỏi kinh nghiệm của tỉnh Bình Dương để áp dụng …": what is learnt is what the
            # headline is about, when it is about one thing
            title_topics = {topic for _, topic in topic_positions(ctx.sentences[0].text)}
            if len(title_topics) == 1:
                positions = [(len(sentence.text), title_topics.pop())]
        after_cue = [topic for at, topic in positions if at >= cue.start()]
        if not after_cue and not (praise and _NAMES_A_WAY.match(praise.group(0))):
            continue
        topics = [topic for _, topic in positions] if praise else after_cue
        if not topics or len(set(topics)) > _MOST_TOPICS:
            continue  # praise of a whole programme ("thành phố thông minh, phát triển bền vững …")
        provinces = list(ctx.provinces_in(index))
        speaker = _speaker(ctx.sentences[index].text, people)
        if praise:
            target = _praised_province(provinces, sentence.start + praise.start(), speaker)
            if target is None:
                continue
            others = [m.name for m in provinces if m.name != target]
            praised_by = others[0] if others else (speaker if speaker != target else None)
        else:
            assert share is not None
            cue_at = sentence.start + share.start()
            sharer = _subject_province(provinces, cue_at, max_gap=12)
            if sharer is None and len({m.name for m in provinces if m.end <= cue_at}) > 1:
                continue  # "đại biểu hai tỉnh X và Y chia sẻ": an exchange, nobody's practice
            target = sharer or speaker
            if target is None:
                continue
            praised_by = speaker if speaker and speaker != target else None
        for topic in dict.fromkeys(topics):
            key = (target, topic)
            if key not in found or (praised_by and not found[key].praised_by):
                found[key] = Practice(target, topic, praised_by, index)
    return list(found.values())


# A practice is about one thing or a few: praise naming more topics is of a whole programme
# ("… các dự án và chương trình xây dựng thành phố thông minh, phát triển bền vững …")
_MOST_TOPICS = 6
# Praise that names a way of working may close its sentence ("… đánh giá đây là cách làm sáng
# tạo"); other praise ("đánh giá cao") is followed by what it praises.
# So does a way that other places learn ("… mô hình camera … để các tỉnh thành khác học tập").
_NAMES_A_WAY = re.compile(fold(r"(?:có (?:nhiều |những |một số )?)?(?:cách làm|mô hình)|khác "))
# Praise that says one side learns from the other
_LEARNS = re.compile(fold(r"học hỏi|học tập|kinh nghiệm của"))


def _learns_from_a_province(ctx: DocContext, index: int, praise: re.Match[str]) -> bool:
    """Whether the praise is learning and a province is named right after it ("học hỏi kinh
    nghiệm của tỉnh Bình Dương"), the side learnt from."""
    if not _LEARNS.match(praise.group(0)):
        return False
    cue_end = ctx.sentences[index].start + praise.end()
    return any(0 <= m.start - cue_end <= 20 for m in ctx.provinces_in(index))


def _praised_province(provinces: list[Mention], cue_offset: int, speaker: str | None) -> str | None:
    """The province whose practice is praised: named right before "có … cách làm hay" or after
    "kinh nghiệm của"; never the speaker's own province when another is named."""
    candidates = [m.name for m in provinces if m.name != speaker]
    after = [m for m in provinces if m.start >= cue_offset and m.name != speaker]
    before = [m for m in provinces if m.end <= cue_offset and m.name != speaker]
    if after and (not before or after[0].start - cue_offset < 40):
        return str(after[0].name)
    if before:
        return str(before[-1].name)
    return candidates[0] if candidates else None


def _subject_province(
    provinces: list[Mention], cue_offset: int, max_gap: int = 10_000
) -> str | None:
    before = [m for m in provinces if m.end <= cue_offset and cue_offset - m.end <= max_gap]
    return str(before[-1].name) if before else None


def _speaker(sentence: str, people: list[Person]) -> str | None:
    """The province of the first known person named in the sentence (full name, or
    "đồng chí/ông/bà" + given name)."""
    first = mention_of_people(sentence, people)
    return first.province if first is not None and first.province else None
