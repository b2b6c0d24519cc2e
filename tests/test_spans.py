"""The span helper: every (start, end) a fact carries is built and checked here."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cachlamhay.spans import make_span, trimmed_span

TEXT = "Sáng 24/11, đoàn công tác tỉnh Hậu Giang đã đến thăm và làm việc với tỉnh Hà Tĩnh."


def test_span_covers_its_text() -> None:
    start = TEXT.index("Hà Tĩnh")
    span = make_span(TEXT, start, start + len("Hà Tĩnh"), expect="Hà Tĩnh")
    assert span.text_of(TEXT) == "Hà Tĩnh"
    assert span.as_dict() == {"start": start, "end": start + 7}


@pytest.mark.parametrize(("start", "end"), [(-1, 3), (5, 5), (6, 2), (0, len(TEXT) + 1)])
def test_span_outside_or_empty_is_refused(start: int, end: int) -> None:
    with pytest.raises(ValueError):
        make_span(TEXT, start, end)


def test_span_of_other_text_is_refused() -> None:
    with pytest.raises(ValueError, match="covers"):
        make_span(TEXT, 0, 4, expect="Hà Tĩnh")


@given(st.text(min_size=1), st.data())
def test_trimmed_span_never_starts_or_ends_with_space(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    if not text[start:end].strip():
        with pytest.raises(ValueError):
            trimmed_span(text, start, end)
        return
    span = trimmed_span(text, start, end)
    covered = span.text_of(text)
    assert covered == covered.strip() and covered in text[start:end]
