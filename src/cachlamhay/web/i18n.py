"""Every UI string of the web pages, in Vietnamese (the default) and English.

Templates call ``t("key")``; a key missing from a language falls back to Vietnamese, and a key
missing everywhere shows as itself (so a typo is visible, never a crash). ``?lang=en`` switches
the language and remembers it in the ``lang`` cookie.
"""

from __future__ import annotations

from collections.abc import Callable

DEFAULT_LANG = "vi"
LANGS = ("vi", "en")
COOKIE = "lang"

STRINGS: dict[str, dict[str, str]] = {
    "vi": {
        "app_name": "Cách làm hay",
        "did_you_mean": "Có phải bạn muốn tìm",
        "brief_title": "Báo cáo chuẩn bị đoàn công tác",
        "brief_topic": "Chủ đề",
        "brief_all_topics": "Mọi chủ đề",
        "brief_period": "Thời gian",
        "brief_whole_period": "toàn bộ thời gian",
        "brief_generated": "Lập ngày",
        "brief_leaders": "Lãnh đạo hiện nay",
        "brief_seen": "thấy trong bài ngày",
        "brief_relevant": "phụ trách lĩnh vực của chủ đề",
        "brief_topic_figures": "Số liệu về chủ đề",
        "brief_headline_figures": "Chỉ tiêu chính",
        "brief_practices": "Cách làm hay được ghi nhận",
        "brief_visits_received": "Các đoàn đã đến học tập kinh nghiệm",
        "brief_visits_made": "Các đoàn của tỉnh đi học tập, làm việc",
        "brief_transfers": "Hỗ trợ, ủng hộ",
        "brief_sources": "Nguồn",
        "brief_merger": "Sáp nhập tỉnh năm 2025",
        "brief_merged_into": (
            "Từ 1/7/2025, {province} là một phần của {successor}. Các dữ kiện dưới đây là của "
            "tỉnh {province} trước sáp nhập."
        ),
        "brief_merged_from": (
            "Từ 1/7/2025, {province} gồm {province} (cũ) và {predecessors}. Dữ kiện của các "
            "đơn vị cũ được ghi rõ."
        ),
        "brief_empty": "Chưa tìm thấy trong các bài báo đã thu thập.",
        "brief_no_evidence": (
            "Các bài báo đã thu thập chưa có bằng chứng nào về chủ đề «{topic}» của "
            "{province}: không có số liệu, cách làm hay hay đoàn đến học tập về chủ đề này. "
            "Các phần dưới đây là thông tin chung của tỉnh."
        ),
        "brief_make": "Lập báo cáo",
        "brief_print": "In / lưu PDF",
        "brief_docx": "Tải DOCX",
        "brief_apply": "Lập lại",
        "brief_note_sources": (
            "Mỗi dòng dẫn về câu văn trong bài báo gốc; số trong ngoặc vuông là số thứ tự "
            "nguồn ở cuối báo cáo."
        ),
        "brief_inherited": "của đơn vị cũ",
        "brief_since": "Từ năm",
        "brief_until": "Đến năm",
        "brief_on_topic": "đúng chủ đề",
        "tagline": "Các tỉnh học hỏi nhau thế nào — có nguồn dẫn từ báo chí",
        "nav_home": "Trang chủ",
        "nav_search": "Tìm kiếm",
        "nav_network": "Mạng lưới thăm",
        "nav_practices": "Cách làm hay",
        "nav_api": "API",
        "switch_lang": "English",
        "search_placeholder": "Tìm trong bài báo (ví dụ: sáp nhập xã)",
        "search_button": "Tìm",
        "filter_button": "Lọc",
        "all": "Tất cả",
        "province": "Tỉnh",
        "provinces": "Tỉnh, thành",
        "source": "Nguồn",
        "sources": "Nguồn",
        "year": "Năm",
        "fact_type": "Loại dữ kiện",
        "purpose": "Mục đích",
        "results": "kết quả",
        "no_results": "Không có kết quả.",
        "page": "Trang",
        "previous": "Trước",
        "next": "Sau",
        "stats": "Số liệu",
        "documents": "Bài báo",
        "visits": "Chuyến thăm",
        "people": "Nhân vật",
        "indicators": "Chỉ tiêu",
        "transfers": "Hỗ trợ, tài trợ",
        "practices": "Cách làm hay",
        "clusters": "Cụm bài trùng",
        "recent_visits": "Chuyến thăm gần đây",
        "topics": "Chủ đề",
        "evidence": "Bằng chứng",
        "facts": "Dữ kiện",
        "date": "Ngày",
        "visitor": "Đoàn đến từ",
        "host": "Nơi đón",
        "leader": "Trưởng đoàn",
        "visits_made": "Chuyến thăm đã thực hiện",
        "visits_received": "Đoàn đến thăm",
        "transfers_given": "Đã hỗ trợ",
        "transfers_received": "Được hỗ trợ",
        "from": "Từ",
        "to": "Đến",
        "amount": "Số tiền",
        "period": "Kỳ",
        "value": "Giá trị",
        "unit": "Đơn vị",
        "qualifier": "Ghi chú",
        "conflict": "số liệu mâu thuẫn",
        "inherited": "số liệu của đơn vị tiền thân",
        "legend": "Chú giải",
        "predecessors": "Đơn vị tiền thân",
        "admin_units": "Dữ kiện theo đơn vị hành chính",
        "since_merger": "từ 1/7/2025",
        "successor": "Sáp nhập vào",
        "code": "Mã",
        "full_name": "Tên đầy đủ",
        "not_current": "Đơn vị hành chính cũ",
        "titles": "Chức danh",
        "offices": "Chức vụ qua thời gian",
        "title": "Chức danh",
        "first_seen": "Lần đầu",
        "last_seen": "Lần cuối",
        "visits_led": "Các chuyến thăm dẫn đầu",
        "practice_finder": "Tìm cách làm hay",
        "practice_placeholder": "Chủ đề, ví dụ: sáp nhập xã",
        "praised_by": "Được học hỏi bởi",
        "compare": "So sánh chỉ tiêu",
        "download_csv": "Tải CSV",
        "network": "Mạng lưới các chuyến thăm",
        "edges": "Các tuyến thăm",
        "made": "Đi thăm",
        "received": "Được thăm",
        "other_actors": "Cơ quan, đối tác khác",
        "article": "Bài báo",
        "published": "Ngày đăng",
        "original": "Bài gốc",
        "cluster": "Cùng câu chuyện",
        "highlighted_facts": "Dữ kiện được đánh dấu trong bài",
        "type": "Loại",
        "summary": "Tóm tắt",
        "api_title": "Các đường dẫn API",
        "api_intro": "Mỗi trang có bản JSON ở cùng đường dẫn thêm “.json”. Đặc tả OpenAPI:",
        "method": "Phương thức",
        "path": "Đường dẫn",
        "error": "Lỗi",
        "not_found": "Không tìm thấy",
        "bad_request": "Yêu cầu không hợp lệ",
        "unavailable": "Cơ sở dữ liệu không dùng được",
        "back_home": "Về trang chủ",
        "json": "JSON",
        "none": "—",
        "sentence": "Câu nguồn",
    },
    "en": {
        "app_name": "Cách làm hay",
        "tagline": "How Vietnamese provinces learn from each other — sourced from the news",
        "nav_home": "Home",
        "nav_search": "Search",
        "nav_network": "Visit network",
        "nav_practices": "Practices",
        "nav_api": "API",
        "switch_lang": "Tiếng Việt",
        "search_placeholder": "Search the articles (e.g. sáp nhập xã)",
        "search_button": "Search",
        "filter_button": "Filter",
        "all": "All",
        "province": "Province",
        "provinces": "Provinces",
        "source": "Source",
        "sources": "Sources",
        "did_you_mean": "Did you mean",
        "brief_title": "Study-visit brief",
        "brief_topic": "Topic",
        "brief_all_topics": "All topics",
        "brief_period": "Period",
        "brief_whole_period": "all dates",
        "brief_generated": "Generated",
        "brief_leaders": "Leaders now",
        "brief_seen": "seen in an article of",
        "brief_relevant": "in charge of the topic's field",
        "brief_topic_figures": "Figures on the topic",
        "brief_headline_figures": "Headline figures",
        "brief_practices": "Practices others praised",
        "brief_visits_received": "Delegations that came to learn",
        "brief_visits_made": "Visits the province made",
        "brief_transfers": "Support and donations",
        "brief_sources": "Sources",
        "brief_merger": "The 2025 merger",
        "brief_merged_into": (
            "Since 1 July 2025, {province} is part of {successor}. The facts below are those "
            "of {province} before the merger."
        ),
        "brief_merged_from": (
            "Since 1 July 2025, {province} comprises the former {province} and "
            "{predecessors}. Facts of the former units are marked."
        ),
        "brief_empty": "Nothing found in the articles collected.",
        "brief_no_evidence": (
            "The articles collected hold no evidence on «{topic}» for {province}: no figure, "
            "no praised practice and no study visit on this topic. The sections below give "
            "the province's general picture."
        ),
        "brief_make": "Make a brief",
        "brief_print": "Print / save as PDF",
        "brief_docx": "Download DOCX",
        "brief_apply": "Update",
        "brief_note_sources": (
            "Every line leads to its sentence in the source article; the number in brackets "
            "is the source's number at the end of the brief."
        ),
        "brief_inherited": "of a former unit",
        "brief_since": "From year",
        "brief_until": "To year",
        "brief_on_topic": "on the topic",
        "year": "Year",
        "fact_type": "Fact type",
        "purpose": "Purpose",
        "results": "results",
        "no_results": "No results.",
        "page": "Page",
        "previous": "Previous",
        "next": "Next",
        "stats": "Statistics",
        "documents": "Articles",
        "visits": "Visits",
        "people": "People",
        "indicators": "Indicators",
        "transfers": "Transfers",
        "practices": "Practices",
        "clusters": "Story clusters",
        "recent_visits": "Recent visits",
        "topics": "Topics",
        "evidence": "Evidence",
        "facts": "Facts",
        "date": "Date",
        "visitor": "Visitor",
        "host": "Host",
        "leader": "Led by",
        "visits_made": "Visits made",
        "visits_received": "Visits received",
        "transfers_given": "Transfers given",
        "transfers_received": "Transfers received",
        "from": "From",
        "to": "To",
        "amount": "Amount",
        "period": "Period",
        "value": "Value",
        "unit": "Unit",
        "qualifier": "Qualifier",
        "conflict": "conflicting figures",
        "inherited": "figure of a predecessor unit",
        "legend": "Legend",
        "predecessors": "Predecessors",
        "admin_units": "Facts by administrative unit",
        "since_merger": "since 1/7/2025",
        "successor": "Merged into",
        "code": "Code",
        "full_name": "Full name",
        "not_current": "Former administrative unit",
        "titles": "Titles",
        "offices": "Offices over time",
        "title": "Title",
        "first_seen": "First seen",
        "last_seen": "Last seen",
        "visits_led": "Visits led",
        "practice_finder": "Practice finder",
        "practice_placeholder": "Topic, e.g. sáp nhập xã",
        "praised_by": "Learned from by",
        "compare": "Indicator comparison",
        "download_csv": "Download CSV",
        "network": "Visit network",
        "edges": "Visit routes",
        "made": "Made",
        "received": "Received",
        "other_actors": "Other bodies and partners",
        "article": "Article",
        "published": "Published",
        "original": "Original",
        "cluster": "Same story",
        "highlighted_facts": "Facts highlighted in the text",
        "type": "Type",
        "summary": "Summary",
        "api_title": "API routes",
        "api_intro": "Every page has a JSON twin at the same path plus “.json”. OpenAPI spec:",
        "method": "Method",
        "path": "Path",
        "error": "Error",
        "not_found": "Not found",
        "bad_request": "Bad request",
        "unavailable": "Database unavailable",
        "back_home": "Back to the home page",
        "json": "JSON",
        "none": "—",
        "sentence": "Source sentence",
    },
}


def pick_lang(query_value: str | None, cookie_value: str | None) -> str:
    """The page language: ``?lang=`` first, then the cookie, then Vietnamese."""
    for value in (query_value, cookie_value):
        if value in LANGS:
            return value
    return DEFAULT_LANG


def translator(lang: str) -> Callable[[str], str]:
    """``t(key)`` for one language."""
    table = STRINGS.get(lang, STRINGS[DEFAULT_LANG])
    fallback = STRINGS[DEFAULT_LANG]

    def t(key: str) -> str:
        return table.get(key) or fallback.get(key) or key

    return t
