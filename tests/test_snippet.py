"""Search snippets: white space squeezed, highlights still on the matched words."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cachlamhay.kb import _phrase_pattern, parse_query, snippet
from cachlamhay.vntext import fold

WORDS = st.sampled_from(["Hà Tĩnh", "ha tinh", "xã", "\n\n", "  ", "sáp nhập", "Bình Phước", "."])


@given(st.lists(WORDS, min_size=1, max_size=80))
def test_highlights_cover_the_query_after_squeezing(parts: list[str]) -> None:
    text = " ".join(parts)
    pattern = _phrase_pattern(parse_query("hà tĩnh"))
    snip = snippet(text, pattern)
    assert "\n" not in snip["text"] and "  " not in snip["text"]
    for start, end in snip["highlights"]:
        assert fold(snip["text"][start:end]) == "ha tinh"
