"""Legacy Vietnamese encodings (TCVN3/ABC and VNI-Windows): tables, detection, and the readers.

Files in TCVN3 or VNI (or such bytes once misread as Windows-1252 and saved as UTF-8) come out as
Unicode; plain English, other Latin-1 languages and real Unicode Vietnamese are never altered;
bytes that read as neither stay rejected as invalid UTF-8.
"""

from __future__ import annotations

import codecs
import gzip
import itertools
import json
import random
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cachlamhay.errors import InputError
from cachlamhay.ingest.base import decode_text
from cachlamhay.ingest.legacy import (
    _VIETNAMESE_ONLY,
    TCVN3,
    VNI,
    VNI_TABLE,
    _found_three,
    is_vietnamese_syllable,
    read_legacy,
    repair_mojibake,
    tcvn3_decode,
    tcvn3_encode,
    vni_decode,
    vni_decode_text,
    vni_encode,
)
from tests.conftest import collect

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
CORPUS = ROOT.parent / "shared" / "corpus"  # beside the repo; the corpus test skips without it

# -- the alphabet ------------------------------------------------------------------------------

TONES = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")  # none, sắc, huyền, hỏi, ngã, nặng
VOWELS = ("a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y")


def _letters() -> list[str]:
    found = []
    for vowel in VOWELS:
        for tone in TONES:
            letter = unicodedata.normalize("NFC", vowel + tone)
            found += [letter, letter.upper()]
    return [*found, "đ", "Đ"]


LETTERS = _letters()  # 146: 12 vowels x 6 tones x 2 cases, and đ Đ
ACCENTED = [letter for letter in LETTERS if not letter.isascii()]  # the 134 beyond ASCII

SENTENCES = [
    "Sáng 24/11, đoàn công tác tỉnh Hậu Giang do Bí thư Tỉnh ủy Lê Tiến Châu làm trưởng đoàn "
    "đã đến thăm và làm việc với tỉnh Hà Tĩnh.",
    "Hai tỉnh thống nhất tăng cường hợp tác, trao đổi kinh nghiệm xây dựng nông thôn mới, "
    "cải cách hành chính và thu hút đầu tư trong thời gian tới.",
    "Ủy ban nhân dân thành phố Đà Nẵng vừa ký kết thỏa thuận hợp tác với Quảng Ngãi về phát "
    "triển du lịch, giáo dục và đào tạo nguồn nhân lực.",
    "Người dân huyện Kỳ Anh nghiêng mình tưởng nhớ những liệt sĩ đã hy sinh; Ỷ Lan, Ỹ và Ỵ "
    "chỉ là những chữ cái hiếm gặp.",
    "NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ TỈNH QUẢNG TRỊ LẦN THỨ XVII: ĐỔI MỚI, SÁNG TẠO, PHÁT TRIỂN.",
    "Ông Nguyễn Văn Ứng, Phó Chủ tịch UBND tỉnh, khẳng định: Ưu tiên hàng đầu là khắc phục "
    "hậu quả lũ lụt, ổn định đời sống người dân vùng ngập úng.",
]
ARTICLE = "\n\n".join(SENTENCES) + "\n"

CODECS: dict[str, Callable[[str], bytes]] = {TCVN3: tcvn3_encode, VNI: vni_encode}
DECODERS: dict[str, Callable[[bytes], str]] = {TCVN3: tcvn3_decode, VNI: vni_decode}


def encodable(text: str) -> str:
    """``text`` with punctuation TCVN3 lacks (dashes, curly quotes, ellipsis) made ASCII."""
    table = str.maketrans({"–": "-", "—": "-", "“": '"', "”": '"', "‘": "'", "’": "'"})
    return text.translate(table).replace("…", "...")


# Windows-1252 as browsers read it: its five unassigned bytes as the C1 controls of that number.
_CP1252_AS_BROWSERS = "".join(
    bytes([byte]).decode("cp1252", errors="ignore") or chr(byte) for byte in range(256)
)


def misread(data: bytes, codec: str) -> str:
    """What a reader of ``codec`` ("cp1252" as browsers read it, or "latin-1") made of bytes."""
    if codec == "latin-1":
        return data.decode("latin-1")
    return codecs.charmap_decode(data, "strict", _CP1252_AS_BROWSERS)[0]


# -- tables --------------------------------------------------------------------------------------


def test_alphabet_is_the_134_accented_letters_and_the_plain_vowels() -> None:
    assert len(LETTERS) == 146
    assert len(ACCENTED) == 134
    assert set(VNI_TABLE) == set(ACCENTED) - {"í", "ì", "Í", "Ì"}  # VNI keeps these as they are


@pytest.mark.parametrize("letter", ACCENTED)
@pytest.mark.parametrize("encoding", [TCVN3, VNI])
def test_every_letter_round_trips(encoding: str, letter: str) -> None:
    data = CODECS[encoding](letter)
    assert DECODERS[encoding](data) == letter
    if encoding == TCVN3:
        assert len(data) == 1  # TCVN3 has every letter precomposed, in one byte


@pytest.mark.parametrize(
    ("text", "tcvn3", "vni"),
    [
        pytest.param("Hà Nội", b"H\xb5 N\xe9i", "Haø Noäi", id="ha-noi"),
        pytest.param("Việt Nam", b"Vi\xd6t Nam", "Vieät Nam", id="viet-nam"),
        pytest.param("Đà Nẵng", b"\xa7\xb5 N\xbdng", "Ñaø Naüng", id="da-nang"),
        pytest.param("người", b"ng\xad\xeai", "ngöôøi", id="nguoi"),
        pytest.param("Nguyễn", b"Nguy\xd4n", "Nguyeãn", id="nguyen"),
        pytest.param("ĐƯỜNG", b"\xa7\xa6\x98NG", "ÑÖÔØNG", id="capitals"),
        pytest.param("Ứng", b"\x11ng", "ÖÙng", id="capital-in-control-range"),
        pytest.param("kỹ thuật", b"k\xfc thu\xcbt", "kyõ thuaät", id="ky-thuat"),
    ],
)
def test_known_spellings(text: str, tcvn3: bytes, vni: str) -> None:
    assert tcvn3_encode(text) == tcvn3
    assert vni_encode(text) == vni.encode("cp1252")
    assert tcvn3_decode(tcvn3) == text
    assert vni_decode(vni.encode("cp1252")) == text


def test_tcvn3_combining_tone_bytes_compose() -> None:
    # TCVN3 also has combining tone bytes (0xB0-0xB4): after a letter they make its toned form.
    assert tcvn3_decode(b"\xa2\xb3N \xa7\xa4\xb4") == "ẤN ĐỘ"
    assert tcvn3_decode(b"A\xb0 O\xb4") == "À Ọ"


_QUALITY = {"\u0302": "circumflex", "\u0306": "breve", "\u031b": "horn"}
_TONE_BYTE = dict(zip(TONES[1:], "ùøûõï", strict=True))
_CIRCUMFLEX_BYTE = dict(zip(TONES, "âáàåãä", strict=True))
_BREVE_BYTE = dict(zip(TONES, "êéèúüë", strict=True))


def _vni_by_rule(letter: str) -> str:
    """VNI spelled from the rule the table follows (an independent check of its literal)."""
    lower = letter.lower()
    if lower == "đ":
        vni = "ñ"
    else:
        parts = unicodedata.normalize("NFD", lower)
        base, marks = parts[0], parts[1:]
        quality = next((m for m in marks if m in _QUALITY), "")
        tone = next((m for m in marks if m in _TONE_BYTE), "")
        if base == "i":
            vni = {"": "i", "\u0301": "í", "\u0300": "ì", "\u0309": "æ", "\u0303": "ó"}.get(
                tone, "ò"
            )
        elif base == "y" and tone == "\u0323":
            vni = "î"
        elif quality == "\u031b":  # ơ ư are one byte each; the tone follows
            vni = {"o": "ô", "u": "ö"}[base] + _TONE_BYTE.get(tone, "")
        elif quality == "\u0302":
            vni = base + _CIRCUMFLEX_BYTE[tone]
        elif quality == "\u0306":
            vni = base + _BREVE_BYTE[tone]
        else:
            vni = base + _TONE_BYTE.get(tone, "")
    return vni.upper() if letter.isupper() else vni


@pytest.mark.parametrize("letter", ACCENTED)
def test_vni_table_follows_the_vni_rule(letter: str) -> None:
    assert VNI_TABLE.get(letter, letter) == _vni_by_rule(letter)


@pytest.mark.parametrize("encoding", [TCVN3, VNI])
@pytest.mark.parametrize("sentence", SENTENCES, ids=range(len(SENTENCES)))
def test_sentences_round_trip(encoding: str, sentence: str) -> None:
    assert DECODERS[encoding](CODECS[encoding](sentence)) == sentence


VIETNAMESE_TEXT = st.text(
    alphabet=st.sampled_from([*LETTERS, *"bcdghklmnpqrstvx BCDGHKLMNPQRSTVX,.;:!?0123456789\n"]),
    max_size=80,
)
FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(text=VIETNAMESE_TEXT)
def test_any_vietnamese_text_round_trips(text: str) -> None:
    assert tcvn3_decode(tcvn3_encode(text)) == text
    assert vni_decode(vni_encode(text)) == text


@pytest.mark.parametrize("text", ["Köln", "mañana", "Ærø", "naïve"])
def test_vni_cannot_write_letters_it_uses_as_codes(text: str) -> None:
    with pytest.raises(ValueError, match="no VNI spelling"):
        vni_encode(text)


@pytest.mark.parametrize("text", ["Köln", "–", "“x”", "€"])
def test_tcvn3_cannot_write_what_it_lacks(text: str) -> None:
    with pytest.raises(ValueError, match="no TCVN3 byte"):
        tcvn3_encode(text)


def test_vni_modifier_of_the_other_case_still_reads() -> None:
    assert vni_decode_text("VIEäT Nam, Aù") == "VIỆT Nam, Á"


# -- syllables -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "word",
    [
        "nghiêng",
        "Nguyễn",
        "quốc",
        "quyết",
        "gì",
        "giữ",
        "người",
        "khuỷu",
        "Đà",
        "ĐƯỜNG",
        "ý",
        "thuở",
        "rượu",
        "khuya",
        "oẳn",
        "xoong",
        "tuýp",
        "huỳnh",
        "giếng",
    ],
)
def test_vietnamese_syllables(word: str) -> None:
    assert is_vietnamese_syllable(word)


@pytest.mark.parametrize(
    "word",
    [
        "Vieät",
        "Hµ",
        "été",
        "très",
        "trốs",
        "gỏt",
        "ngữt",
        "hoàá",
        "Müller",
        "naïve",
        "façade",
        "Straße",
        "año",
        "ŁÓdź",
        "Ổa",
        "tØnh",
    ],
)
def test_not_vietnamese_syllables(word: str) -> None:
    assert not is_vietnamese_syllable(word)


# -- detection on bytes and text ---------------------------------------------------------------


@pytest.mark.parametrize("encoding", [TCVN3, VNI])
def test_legacy_bytes_are_converted(encoding: str) -> None:
    data = CODECS[encoding](ARTICLE)
    reading = read_legacy(data)
    assert reading.encoding == encoding
    assert reading.confident()
    assert decode_text(data, "bai.txt") == ARTICLE


@pytest.mark.parametrize("encoding", [TCVN3, VNI])
@pytest.mark.parametrize("codec", ["cp1252", "latin-1"])
def test_legacy_misread_as_1252_and_saved_as_utf8_is_repaired(encoding: str, codec: str) -> None:
    data = CODECS[encoding](ARTICLE)
    if encoding == VNI and codec == "latin-1":
        data = data.replace(b"\x93", b'"')  # VNI is Windows text: no C1 controls in it
    mojibake = misread(data, codec)
    assert mojibake != ARTICLE
    repaired = repair_mojibake(mojibake)
    assert repaired is not None and repaired.encoding == encoding
    assert decode_text(mojibake.encode("utf-8"), "bai.txt") == ARTICLE
    assert decode_text(b"\xef\xbb\xbf" + mojibake.encode("utf-8"), "bai.txt") == ARTICLE


def test_example_article_in_legacy_encodings_is_converted() -> None:
    article = encodable((EXAMPLES / "000_c376ad1e370c138e.txt").read_text("utf-8"))
    for encoding, encode in CODECS.items():
        assert decode_text(encode(article), "x.txt") == article, encoding
        mojibake = misread(encode(article), "cp1252").encode("utf-8")
        assert decode_text(mojibake, "x.txt") == article, encoding


FRENCH = (
    "L'été dernier, nous sommes allés à la mer. Où êtes-vous ? Le garçon a déjà mangé "
    "sa crème brûlée près de la fenêtre ; c'était très agréable, même pour un théâtre naïf "
    "à Noël. Les élèves étudient l'économie européenne et la génétique à l'université.\n"
)
GERMAN = "Größere Straßen führen über die Brücke; Äpfel und Öl kosten müde Bären fünf Euro.\n"
SPANISH = "El año pasado, mi compañero estudió en Bogotá; ¿también aprendió inglés allí? Sí.\n"
ITALIAN = "Non è stato possibile: il file è vuoto, e la città è lontana. Perché? Così è.\n"
# Curly quotes are 0x93/0x94 in Windows-1252, "Ỏ"/"Õ" in TCVN3: one-letter words prove nothing.
ENGLISH_1252 = "Cannot open “%s”: “%d” entries — “%s” failed… User ID “%s” removed.\n"
# Real Vietnamese that only uses Latin-1 letters: must not be "repaired".
VIETNAMESE_LATIN1_ONLY = "Bà Tâm có nhà ở Hà Tây, nhìn ra sông. Cô ấy là giáo viên. " * 4


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(FRENCH * 3, id="french"),
        pytest.param(GERMAN * 5, id="german"),
        pytest.param(SPANISH * 5, id="spanish"),
        pytest.param(ITALIAN * 5, id="italian"),
        pytest.param(ENGLISH_1252 * 10, id="english-curly-quotes"),
    ],
)
def test_windows_1252_text_in_other_languages_is_still_rejected(text: str) -> None:
    data = text.encode("cp1252")
    with pytest.raises(InputError) as caught:
        decode_text(data, "fr.txt")
    assert caught.value.code == "bad-encoding"
    assert caught.value.reason.startswith("invalid UTF-8 at byte ")


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(FRENCH * 3, id="french"),
        pytest.param(GERMAN * 5, id="german"),
        pytest.param(SPANISH * 5, id="spanish"),
        pytest.param(ARTICLE, id="vietnamese"),
        pytest.param(VIETNAMESE_LATIN1_ONLY, id="vietnamese-latin1-letters-only"),
        pytest.param("The committee met on Monday; “quotes” — dashes… " * 20, id="english"),
        pytest.param("café naïve résumé © ° ± « » µm ½ " * 10, id="latin1-signs"),
        pytest.param("10×14 12×19 5×7 8×10 " * 10, id="times-signs"),
        pytest.param(ITALIAN * 5, id="italian"),
        pytest.param(unicodedata.normalize("NFD", ARTICLE), id="vietnamese-decomposed"),
    ],
)
def test_utf8_text_is_left_alone(text: str) -> None:
    assert repair_mojibake(text) is None
    assert decode_text(text.encode("utf-8"), "x.txt") == text


def test_mixed_utf8_and_bad_bytes_keep_the_byte_offset() -> None:
    prefix = "Hà Tĩnh có nhiều cách làm hay. ".encode()
    with pytest.raises(InputError) as caught:
        decode_text(prefix + b"\xc3\x28 tiep theo\n", "cu.txt")
    assert caught.value.code == "bad-encoding"
    assert caught.value.reason == f"invalid UTF-8 at byte {len(prefix)}"


def test_too_little_legacy_text_is_not_guessed() -> None:
    with pytest.raises(InputError) as caught:
        decode_text(tcvn3_encode("Hà Nội, Việt Nam"), "ngan.txt")
    assert caught.value.code == "bad-encoding"
    assert caught.value.reason == (
        "invalid UTF-8 at byte 1; legacy Vietnamese (TCVN3?) not converted: "
        "only 3 different Vietnamese words, too few to be sure"
    )


def test_half_vietnamese_bytes_say_why_they_were_not_converted() -> None:
    vietnamese = tcvn3_encode(" ".join(SENTENCES[:2]))
    data = vietnamese + b" " + FRENCH.encode("latin-1")
    with pytest.raises(InputError) as caught:
        decode_text(data, "nua.txt")
    reason = caught.value.reason
    assert reason.startswith("invalid UTF-8 at byte ")
    assert "; legacy Vietnamese (TCVN3?) not converted: only " in reason
    assert "accented words read as Vietnamese" in reason
    assert "\n" not in reason


def test_random_binary_is_still_rejected() -> None:
    rng = random.Random(7)
    for _ in range(50):
        data = bytes(rng.randrange(1, 256) for _ in range(rng.randrange(50, 2000)))
        with pytest.raises(InputError) as caught:
            decode_text(data, "blob")
        assert caught.value.code in {"binary", "bad-encoding"}


@FAST
@given(data=st.binary(max_size=600))
def test_decode_text_raises_only_input_error(data: bytes) -> None:
    try:
        text = decode_text(data, "fuzz")
    except InputError as error:
        assert error.code in {"binary", "bad-encoding"}
        assert "\n" not in error.reason
    else:
        assert isinstance(text, str)


@FAST
@given(
    text=st.text(
        st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00"), max_size=300
    )
)
def test_arbitrary_utf8_text_is_unchanged(text: str) -> None:
    assert decode_text(text.encode("utf-8"), "fuzz") == text


# -- through the readers -----------------------------------------------------------------------


@pytest.mark.parametrize("encoding", [TCVN3, VNI])
@pytest.mark.parametrize("name", ["bai.txt", "bai.txt.gz", "bai"])
def test_legacy_text_files_are_ingested_as_unicode(
    tmp_path: Path, encoding: str, name: str
) -> None:
    data = CODECS[encoding](ARTICLE)
    path = tmp_path / name
    path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)

    docs, rejections = collect([path])

    assert rejections == []
    assert [d.text for d in docs] == [ARTICLE]


@pytest.mark.parametrize("encoding", [TCVN3, VNI])
def test_misread_legacy_text_file_is_ingested_as_unicode(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "bai.txt"
    path.write_text(misread(CODECS[encoding](ARTICLE), "cp1252"), encoding="utf-8")

    docs, rejections = collect([path])

    assert rejections == []
    assert [d.text for d in docs] == [ARTICLE]


def test_jsonl_lines_in_legacy_encodings_are_each_converted(tmp_path: Path) -> None:
    def line(doc_id: str, text: str) -> str:
        return json.dumps({"id": doc_id, "title": "Tin", "text": text}, ensure_ascii=False)

    path = tmp_path / "tin.jsonl"
    path.write_bytes(
        b"\n".join(
            [
                line("u", SENTENCES[0]).encode("utf-8"),
                tcvn3_encode(line("t", SENTENCES[1])),
                vni_encode(line("v", SENTENCES[2])),
                # (no capital TCVN3 keeps in 0x01-0x17 here: json.dumps would escape it)
                line("m", misread(tcvn3_encode(SENTENCES[0]), "cp1252")).encode("utf-8"),
                tcvn3_encode(line("short", "Hà Nội")),
            ]
        )
        + b"\n"
    )

    docs, rejections = collect([path])

    assert [(d.id, d.text) for d in docs] == [
        ("u", SENTENCES[0]),
        ("t", SENTENCES[1]),
        ("v", SENTENCES[2]),
        ("m", SENTENCES[0]),
    ]
    assert [(r.where, r.code) for r in rejections] == [(f"{path}:5", "bad-encoding")]


@pytest.mark.parametrize("encoding", [TCVN3, VNI])
def test_legacy_html_page_is_ingested_as_unicode(tmp_path: Path, encoding: str) -> None:
    paragraphs = "\n".join(f"<p>{s}</p>" for s in SENTENCES)
    page = (
        '<!DOCTYPE html><html lang="vi"><head><title>Tin tức</title></head><body><article>'
        f"<h1>Tin tức</h1>\n{paragraphs}</article></body></html>"
    )
    path = tmp_path / "bai.html"
    path.write_bytes(CODECS[encoding](page))

    docs, rejections = collect([path])

    assert rejections == []
    assert len(docs) == 1
    for sentence in SENTENCES:
        assert sentence in docs[0].text


# -- real articles are never altered -----------------------------------------------------------


def corpus_lines(count: int) -> list[bytes]:
    source = CORPUS / "baomoi-2017.jsonl.gz"
    if not source.exists():
        pytest.skip(f"shared corpus not found at {source}")
    with gzip.open(source, "rb") as handle:
        lines = list(itertools.islice(handle, count))
    assert len(lines) == count
    return lines


@pytest.mark.corpus
def test_real_articles_are_left_untouched() -> None:
    lines = corpus_lines(2000)
    for number, line in enumerate(lines, start=1):
        text = json.loads(line)["text"]
        assert repair_mojibake(text) is None, f"line {number}"
        assert decode_text(text.encode("utf-8"), "corpus") == text, f"line {number}"
        assert decode_text(line, "corpus") == line.decode("utf-8"), f"line {number}"


@pytest.mark.corpus
@pytest.mark.parametrize("encoding", [TCVN3, VNI])
def test_real_articles_written_in_legacy_encodings_come_back(encoding: str) -> None:
    converted = 0
    for line in corpus_lines(300):
        text = unicodedata.normalize("NFC", encodable(json.loads(line)["text"]))
        try:
            data = CODECS[encoding](text)
        except ValueError:  # a letter the encoding cannot write ("Köln" in VNI, "³" in TCVN3)
            continue
        assert decode_text(data, "corpus") == text
        assert decode_text(misread(data, "cp1252").encode("utf-8"), "corpus") == text
        converted += 1
    assert converted >= 290


@pytest.mark.parametrize("encoding", [TCVN3, VNI])
def test_misread_legacy_text_behind_json_escapes_is_repaired(tmp_path: Path, encoding: str) -> None:
    article = encodable(ARTICLE)
    mojibake = misread(CODECS[encoding](article), "cp1252")
    path = tmp_path / "bai.jsonl"
    line = json.dumps({"id": "a", "title": mojibake[:40], "text": mojibake})  # ASCII escapes
    path.write_text(line + "\n", "ascii")

    docs, rejections = collect([path])

    assert rejections == []
    assert docs[0].text == article


@given(st.text(alphabet="aăđ ạỹxĐ\n", max_size=40), st.integers(min_value=0, max_value=45))
def test_found_three_stops_where_findall_would_count_three(text: str, end: int) -> None:
    assert _found_three(_VIETNAMESE_ONLY, text, end) == (
        len(_VIETNAMESE_ONLY.findall(text, 0, end)) >= 3
    )
