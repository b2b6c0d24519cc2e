"""Topic ids (SPEC "Topics") from the words that name them in Vietnamese news.

Hand-written lexicon: the SPEC defines the topics by their Vietnamese wording, and matching that
wording is all that is needed. Matching is on the folded text (no diacritics, lower case), so
"xây dựng Đảng" and "XÂY DỰNG ĐẢNG" are the same, on word boundaries.
"""

from __future__ import annotations

import functools
import re

from cachlamhay.vntext import fold

TOPIC_WORDS: dict[str, list[str]] = {
    "party_building": [
        "xây dựng Đảng",
        "chỉnh đốn Đảng",
        "tổ chức cơ sở đảng",
        "phát triển đảng viên",
        "sinh hoạt chi bộ",
        "công tác Đảng",
        "xây dựng hệ thống chính trị",
    ],
    "cadre_work": [
        "công tác cán bộ",
        "luân chuyển cán bộ",
        "đánh giá cán bộ",
        "đội ngũ cán bộ",
        "cán bộ nữ",
        "quy hoạch cán bộ",
        "bố trí cán bộ",
        "tinh giản biên chế",
        "tinh giản bộ máy",
    ],
    "mass_mobilization": ["dân vận"],
    "admin_merger": [
        r"re:sap nhap(?: \d+)? (?:don vi hanh chinh|dvhc|xa|thon|to dan pho|huyen)",
        "sáp nhập xã",
        "sáp nhập ĐVHC",
        "sáp nhập đơn vị hành chính",
        "sắp xếp đơn vị hành chính",
        "sắp xếp ĐVHC",
        "sáp nhập các xã",
        "sáp nhập thôn",
    ],
    "planning": [
        "quy hoạch tỉnh",
        "công tác quy hoạch",
        "quy hoạch phát triển",
        "quy hoạch chung",
        "lập quy hoạch",
        "quy hoạch",
    ],
    "new_rural": ["nông thôn mới", "NTM"],
    "investment": [
        "thu hút đầu tư",
        "xúc tiến đầu tư",
        "kêu gọi đầu tư",
        "thu hút dự án",
        "nhà đầu tư",
        "thu hút vốn",
        "vốn đầu tư nước ngoài",
        "FDI",
    ],
    "admin_reform": [
        "cải cách hành chính",
        "cải cách thủ tục hành chính",
        "môi trường đầu tư kinh doanh",
        "cải thiện môi trường đầu tư",
        "PCI",
        "năng lực cạnh tranh cấp tỉnh",
    ],
    "education": ["giáo dục", "đào tạo"],
    "human_resources": ["nguồn nhân lực", "nhân lực chất lượng cao"],
    "culture_heritage": ["văn hóa", "di sản", "di tích", "lễ hội truyền thống"],
    "tourism": ["du lịch"],
    "religion": ["tôn giáo", "tín ngưỡng"],
    "agriculture": [
        "rau sạch",
        "rau an toàn",
        "nông nghiệp",
        "trồng trọt",
        "chăn nuôi",
        "thủy sản",
        "nông sản",
    ],
    "industry": [
        "khu công nghiệp",
        "cụm công nghiệp",
        "KCN",
        "phát triển công nghiệp",
        "ngành công nghiệp",
        "công nghiệp",
    ],
    "infrastructure": [
        "kết cấu hạ tầng",
        "hạ tầng giao thông",
        "giao thông",
        "hạ tầng",
        "đường cao tốc",
    ],
    "digital": [
        "công nghệ thông tin",
        "CNTT",
        "đô thị thông minh",
        "thành phố thông minh",
        "chuyển đổi số",
        "chính quyền điện tử",
        "chính quyền số",
        "kinh tế số",
    ],
    "disaster": [
        "phòng chống bão",
        "phòng, chống bão",
        "ứng phó với bão",
        "ứng phó bão",
        "phòng chống thiên tai",
        "phòng, chống thiên tai",
        "thiên tai",
        "lũ lụt",
        "bão lũ",
        "mưa lũ",
        "sạt lở",
        "xói lở",
        "đê ngầm",
        "khắc phục hậu quả bão",
        "phòng chống lụt bão",
        "cứu hộ cứu nạn",
        "hạn hán",
        "xâm nhập mặn",
    ],
    "social_welfare": [
        "an sinh xã hội",
        "giảm nghèo",
        "hộ nghèo",
        "người có công",
        "xóa nhà tạm",
        "xóa đói giảm nghèo",
        "nhà đại đoàn kết",
    ],
    "housing": [
        "nhà ở cho người thu nhập thấp",
        "người thu nhập thấp",
        "nhà ở xã hội",
        "nhà xã hội",
        "nhà ở giá rẻ",
        "nhà giá rẻ",
    ],
    "health": ["y tế", "bệnh viện", "khám chữa bệnh", "chăm sóc sức khỏe"],
    "security": [
        "tội phạm",
        "buôn lậu",
        "hàng giả",
        "quốc phòng",
        "an ninh",
        "trật tự an toàn xã hội",
        "quân sự",
    ],
    "environment": ["bảo vệ môi trường", "ô nhiễm", "rác thải", "môi trường"],
    "foreign_affairs": ["đối ngoại", "hợp tác quốc tế"],
}
# Phrases that contain a topic word but mean something else.
_NOT_TOPIC = {
    "environment": ["môi trường đầu tư", "môi trường kinh doanh", "môi trường thu hút"],
    "planning": ["quy hoạch cán bộ"],
    "industry": ["công nghiệp hóa"],
}


@functools.cache
def _patterns() -> dict[str, tuple[re.Pattern[str], re.Pattern[str] | None]]:
    compiled: dict[str, tuple[re.Pattern[str], re.Pattern[str] | None]] = {}
    for topic, words in TOPIC_WORDS.items():
        alternation = "|".join(
            w[3:] if w.startswith("re:") else re.escape(fold(w))
            for w in sorted(words, key=len, reverse=True)
        )
        blockers = _NOT_TOPIC.get(topic)
        block = re.compile("|".join(re.escape(fold(w)) for w in blockers)) if blockers else None
        compiled[topic] = (re.compile(rf"(?<![a-z0-9])(?:{alternation})(?![a-z0-9])"), block)
    return compiled


def topics_in(text: str) -> list[str]:
    """Topic ids named in ``text``, in SPEC order."""
    folded = fold(text)
    found = []
    for topic, (pattern, block) in _patterns().items():
        for match in pattern.finditer(folded):
            if block and block.match(folded, match.start()):
                continue
            found.append(topic)
            break
    return found


def topic_positions(text: str) -> list[tuple[int, str]]:
    """(offset, topic) of every topic word in ``text``."""
    folded = fold(text)
    found = []
    for topic, (pattern, block) in _patterns().items():
        for match in pattern.finditer(folded):
            if block and block.match(folded, match.start()):
                continue
            found.append((match.start(), topic))
    return sorted(found)
