"""Scoring extracted facts against gold (SPEC "Quality bar")."""

from __future__ import annotations

import copy
import json
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from cachlamhay.errors import InputError, UsageError
from cachlamhay.evaluate import (
    ATTRIBUTES,
    TYPES,
    EvalReport,
    FieldScore,
    floor_failures,
    load_gold,
    score,
)
from tests.conftest import ROOT, SHARED

GOLD_EXAMPLES = SHARED / "gold-examples"
GOLD = ROOT / "tests" / "gold"
TRAIN_GOLD = GOLD / "train"
SPLITS = [GOLD / "train", GOLD / "dev", GOLD / "test", ROOT / "tests" / "gold-heldout"]


def _examples() -> dict[str, dict[str, Any]]:
    if not GOLD_EXAMPLES.is_dir():
        pytest.skip(f"gold examples not found at {GOLD_EXAMPLES}")
    return load_gold(GOLD_EXAMPLES)


def _as_prediction(gold_doc: dict[str, Any]) -> dict[str, Any]:
    """What a perfect extractor prints: required facts only, each with evidence."""
    pred = copy.deepcopy(gold_doc)
    for type_name in TYPES:
        facts = [f for f in pred[type_name] if not f.get("optional")]
        for fact in facts:
            fact.pop("alt", None)
            fact["evidence"] = [{"start": 0, "end": 10}]
        pred[type_name] = facts
    return pred


def _doc(**facts: list[dict[str, Any]]) -> dict[str, Any]:
    doc: dict[str, Any] = {"doc": {"id": "d"}}
    for type_name in TYPES:
        doc[type_name] = facts.get(type_name, [])
    return doc


def _ind(indicator: str, value: Any, **extra: Any) -> dict[str, Any]:
    return {"province": "Hà Tĩnh", "indicator": indicator, "value": value, **extra}


def _prov(name: str) -> dict[str, str]:
    return {"kind": "province", "name": name}


def _one(gold_doc: dict[str, Any], pred_doc: dict[str, Any] | None) -> EvalReport:
    return score({"d": gold_doc}, {} if pred_doc is None else {"d": pred_doc})


def _counts(report: EvalReport, type_name: str) -> tuple[int, int, int]:
    s = report.fields[type_name]
    return (s.tp, s.fp, s.fn)


# --- loading -------------------------------------------------------------------------------


def test_the_gold_examples_load() -> None:
    gold = _examples()
    assert set(gold) == {"000_c376ad1e370c138e", "004_64df843035bf8b4e"}
    doc = gold["004_64df843035bf8b4e"]
    assert doc["visits"][0]["host"] == {"kind": "province", "name": "Bình Phước"}
    assert len(doc["indicators"]) == 17


@pytest.mark.parametrize("directory", SPLITS, ids=lambda p: p.name)
def test_every_gold_split_loads(directory: Path) -> None:
    gold = load_gold(directory)
    assert len(gold) == len(list(directory.glob("*.json")))


def test_no_document_is_in_two_splits() -> None:
    seen: dict[str, str] = {}
    for directory in SPLITS:
        for path in directory.glob("*.json"):
            assert path.stem not in seen, (
                f"{path.stem} in {seen.get(path.stem)} and {directory.name}"
            )
            seen[path.stem] = directory.name


def test_id_falls_back_to_the_file_stem(tmp_path: Path) -> None:
    doc = _doc()
    del doc["doc"]
    (tmp_path / "abc-1.json").write_text(json.dumps(doc), encoding="utf-8")
    (tmp_path / "notes.md").write_text("not gold", encoding="utf-8")
    assert list(load_gold(tmp_path)) == ["abc-1"]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("{not json", "Expecting"),
        ("[]", "one JSON object"),
        (json.dumps({"doc": {"id": "x"}, "visits": []}), "'people' is missing"),
        (json.dumps(_doc(people=[{"titles": []}])), "people[0].name"),
        (json.dumps(_doc(indicators=[_ind("area", "12")])), "indicators[0].value"),
        (json.dumps(_doc(indicators=[_ind("area", 1, alt="fdi")])), "indicators[0].alt"),
        (json.dumps(_doc(visits=[{"visitor": "Hà Tĩnh", "host": _prov("A")}])), "visitor"),
        (
            json.dumps(_doc(practices=[{"province": "A", "topic": "x", "optional": "yes"}])),
            "optional",
        ),
    ],
)
def test_a_bad_gold_file_raises_input_error(tmp_path: Path, content: str, reason: str) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_gold(tmp_path)
    assert caught.value.code == "bad-gold"
    assert caught.value.where == str(bad)
    assert reason in caught.value.reason


def test_undecodable_gold_file_raises_input_error(tmp_path: Path) -> None:
    (tmp_path / "latin.json").write_bytes(b'{"doc": {"id": "H\xe0"}}')
    with pytest.raises(InputError, match=r"latin\.json") as caught:
        load_gold(tmp_path)
    assert caught.value.code == "bad-gold"


def test_duplicate_ids_empty_and_missing_directories_raise(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no gold files"):
        load_gold(tmp_path)
    with pytest.raises(InputError, match="not a directory"):
        load_gold(tmp_path / "nowhere")
    for name in ("a.json", "b.json"):
        (tmp_path / name).write_text(json.dumps(_doc()), encoding="utf-8")
    with pytest.raises(InputError, match="duplicate document id 'd'") as caught:
        load_gold(tmp_path)
    assert caught.value.code == "bad-gold"


# --- perfect and missing predictions -------------------------------------------------------


@pytest.mark.parametrize("directory", [GOLD_EXAMPLES, *SPLITS], ids=lambda p: p.name)
def test_a_perfect_prediction_scores_one_everywhere(directory: Path) -> None:
    if not directory.is_dir():
        pytest.skip(f"{directory} not found")
    gold = load_gold(directory)
    predicted = {doc_id: _as_prediction(doc) for doc_id, doc in gold.items()}
    report = score(gold, predicted)
    assert report.documents == len(gold)
    for name, value in report.f1_scores().items():
        assert value == 1.0, name
    assert report.micro.fp == report.micro.fn == 0
    assert report.micro.tp > 0
    for name, (correct, total) in report.attributes.items():
        assert correct == total, name
    assert report.errors == [] and report.mismatches == [] and report.missing == []
    assert floor_failures(report, {"micro": 1.0, "visits": 1.0}) == []


def test_gold_with_its_optional_facts_scored_against_itself_is_perfect() -> None:
    gold = _examples()
    report = score(gold, gold)
    assert report.micro.f1 == 1.0
    assert report.micro.fp == 0
    # optional facts matched are not true positives
    required = sum(
        1 for doc in gold.values() for t in TYPES for f in doc[t] if not f.get("optional")
    )
    assert report.micro.tp == required


def test_a_missing_prediction_counts_every_required_fact_as_fn() -> None:
    gold = _examples()
    doc_id = "000_c376ad1e370c138e"
    others = {k: _as_prediction(v) for k, v in gold.items() if k != doc_id}
    report = score(gold, others)
    assert report.missing == [doc_id]
    expected = {t: sum(1 for f in gold[doc_id][t] if not f.get("optional")) for t in TYPES}
    for t in TYPES:
        assert report.fields[t].fn == expected[t]
        assert report.fields[t].fp == 0
    assert {e.kind for e in report.errors} == {"fn"}
    assert all(e.doc_id == doc_id for e in report.errors)
    assert report.fields["transfers"].recall == 0.0


def test_predictions_for_documents_not_in_gold_are_ignored() -> None:
    gold_doc = _doc(people=[{"name": "Lê Tiến Châu", "titles": []}])
    extra = _doc(people=[{"name": "Someone Else"}])
    report = score({"d": gold_doc}, {"d": gold_doc, "other": extra})
    assert report.documents == 1
    assert _counts(report, "people") == (1, 0, 0)


# --- counting ------------------------------------------------------------------------------


def test_fp_and_fn_counting_and_error_list() -> None:
    gold = _doc(
        practices=[
            {"province": "Hà Tĩnh", "topic": "admin_merger"},
            {"province": "Hà Tĩnh", "topic": "planning"},
            {"province": "Hà Tĩnh", "topic": "education"},
        ]
    )
    pred = _doc(
        practices=[
            {"province": "Hà Tĩnh", "topic": "admin_merger"},
            {"province": "Hà Tĩnh", "topic": "admin_merger"},  # duplicate: one-to-one → fp
            {"province": "Hậu Giang", "topic": "planning"},  # wrong province → fp
            {"province": "Hà Tĩnh", "topic": "education", "evidence": [{"start": 1, "end": 2}]},
        ]
    )
    report = _one(gold, pred)
    assert _counts(report, "practices") == (2, 2, 1)
    s = report.fields["practices"]
    assert s.precision == 0.5
    assert s.recall == pytest.approx(2 / 3)
    assert s.f1 == pytest.approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))
    errors = sorted((e.kind, e.fact) for e in report.errors)
    assert errors == [
        ("fn", "Hà Tĩnh planning"),
        ("fp", "Hà Tĩnh admin_merger"),
        ("fp", "Hậu Giang planning"),
    ]
    assert all(e.doc_id == "d" and e.type == "practices" for e in report.errors)
    assert report.micro == FieldScore(2, 2, 1)


def test_field_score_edge_cases() -> None:
    empty = FieldScore()
    assert (empty.precision, empty.recall, empty.f1) == (1.0, 1.0, 1.0)
    only_fp = FieldScore(fp=2)
    assert (only_fp.precision, only_fp.recall, only_fp.f1) == (0.0, 0.0, 0.0)
    only_fn = FieldScore(fn=3)
    assert (only_fn.precision, only_fn.recall, only_fn.f1) == (0.0, 0.0, 0.0)
    assert FieldScore(4, 1, 1).f1 == 0.8


def test_a_negative_document_counts_false_positives() -> None:
    pred = _doc(transfers=[{"from": _prov("A"), "to": _prov("B"), "amount": 1}])
    report = _one(_doc(), pred)
    assert _counts(report, "transfers") == (0, 1, 0)
    assert report.fields["transfers"].f1 == 0.0
    assert report.fields["visits"].f1 == 1.0


# --- optional, alt, scope, tolerance --------------------------------------------------------


def test_optional_gold_facts_are_neither_required_nor_wrong() -> None:
    gold = _doc(
        indicators=[
            _ind("poverty_rate", 1.75),
            _ind("poverty_rate", 5.6, optional=True),
            _ind("other", 65, optional=True),
        ]
    )
    # predicting the optional fact: not tp, not fp; not predicting the other: not fn
    report = _one(gold, _doc(indicators=[_ind("poverty_rate", 1.75), _ind("poverty_rate", 5.6)]))
    assert _counts(report, "indicators") == (1, 0, 0)
    # optional only: the required one is missed
    report = _one(gold, _doc(indicators=[_ind("poverty_rate", 5.6)]))
    assert _counts(report, "indicators") == (0, 0, 1)


def test_required_gold_facts_are_matched_before_optional_ones() -> None:
    gold = _doc(
        people=[
            {"name": "Nguyễn Văn A", "titles": [], "optional": True},
            {"name": "Nguyễn Văn A", "titles": ["Chủ tịch UBND tỉnh Hà Tĩnh"]},
        ]
    )
    report = _one(gold, _doc(people=[{"name": "Nguyễn Văn A", "titles": []}]))
    assert _counts(report, "people") == (1, 0, 0)
    report = _one(gold, _doc(people=[{"name": "Nguyễn Văn A"}] * 3))
    assert _counts(report, "people") == (1, 1, 0)


def test_alt_indicator_ids_match() -> None:
    gold = _doc(indicators=[_ind("investment_projects", 110, alt=["fdi_projects"])])
    for indicator, expected in [
        ("investment_projects", (1, 0, 0)),
        ("fdi_projects", (1, 0, 0)),
        ("fdi_capital", (0, 1, 1)),
    ]:
        report = _one(gold, _doc(indicators=[_ind(indicator, 110)]))
        assert _counts(report, "indicators") == expected, indicator


def test_alt_does_not_steal_a_match_a_one_to_one_assignment_can_make() -> None:
    gold = _doc(
        indicators=[
            _ind("investment_projects", 110, alt=["fdi_projects"]),
            _ind("fdi_projects", 110),
        ]
    )
    pred = _doc(indicators=[_ind("fdi_projects", 110), _ind("investment_projects", 110)])
    report = _one(gold, pred)
    assert _counts(report, "indicators") == (2, 0, 0)


@pytest.mark.parametrize(
    ("gold_value", "pred_value", "matches"),
    [
        (1000, 1004, True),  # 0.4%
        (1000, 996, True),
        (1000, 1006, False),  # 0.6%
        (1000, 994, False),
        (57700000000000, 57700000000000 * 1.004, True),
        (57700000000000, 57700000000000 * 1.006, False),
        (7.92, 7.92, True),
        (0, 0, True),
        (0, 0.0001, False),
        (6, "6", False),
        (6, None, False),
    ],
)
def test_value_tolerance(gold_value: float, pred_value: Any, matches: bool) -> None:
    gold = _doc(
        indicators=[_ind("grdp_growth", gold_value)],
        transfers=[{"from": _prov("A"), "to": _prov("B"), "amount": gold_value}],
    )
    pred = _doc(
        indicators=[_ind("grdp_growth", pred_value)],
        transfers=[{"from": _prov("A"), "to": _prov("B"), "amount": pred_value}],
    )
    report = _one(gold, pred)
    expected = (1, 0, 0) if matches else (0, 1, 1)
    assert _counts(report, "indicators") == expected
    assert _counts(report, "transfers") == expected


def test_scope_presence_must_agree() -> None:
    scoped = _ind("area", 190.4, scope="Khu công nghiệp Bắc Đồng Phú")
    gold = _doc(indicators=[scoped, _ind("area", 6000)])
    # a scoped prediction matches the scoped gold (scope text is not compared)
    report = _one(gold, _doc(indicators=[_ind("area", 190.4, scope="KCN Bắc Đồng Phú")]))
    assert _counts(report, "indicators") == (1, 0, 1)
    # attributing a scoped figure to the province does not match it
    report = _one(gold, _doc(indicators=[_ind("area", 190.4)]))
    assert _counts(report, "indicators") == (0, 1, 2)
    # nor does a scoped prediction match a province-level gold
    report = _one(gold, _doc(indicators=[_ind("area", 6000, scope="huyện Kỳ Anh")]))
    assert _counts(report, "indicators") == (0, 1, 2)
    # optional scoped gold, as in the gold files
    gold = _doc(indicators=[{**scoped, "optional": True}])
    report = _one(gold, _doc(indicators=[scoped]))
    assert _counts(report, "indicators") == (0, 0, 0)
    report = _one(gold, _doc())
    assert _counts(report, "indicators") == (0, 0, 0)


# --- names -----------------------------------------------------------------------------------


def test_names_ignore_tone_style_case_spacing_and_composition() -> None:
    gold = _doc(
        visits=[{"visitor": _prov("Hậu Giang"), "host": _prov("Hà Tĩnh")}],
        people=[
            {
                "name": "Lê Tiến Châu",
                "titles": ["Bí thư Tỉnh ủy Hậu Giang"],
                "province": "Hậu Giang",
            }
        ],
        practices=[{"province": "Bà Rịa - Vũng Tàu", "topic": "planning"}],
        transfers=[{"from": _prov("Thanh Hóa"), "to": _prov("Hà Tĩnh"), "amount": 5}],
    )
    pred = _doc(
        visits=[{"visitor": _prov("hậu  giang"), "host": _prov("hà tĩnh")}],
        people=[
            {
                "name": "LÊ TIẾN CHÂU",
                "titles": ["Bí thư Tỉnh uỷ Hậu Giang"],
                "province": "Hậu Giang",
            }
        ],
        practices=[{"province": "Bà Rịa-Vũng Tàu", "topic": "planning"}],
        transfers=[{"from": _prov("Thanh Hoá"), "to": _prov("Hà Tĩnh"), "amount": 5}],
    )
    # decomposed Unicode for one name
    pred["visits"][0]["host"]["name"] = unicodedata.normalize("NFD", "Hà Tĩnh")
    report = _one(gold, pred)
    for t in ("visits", "people", "practices", "transfers"):
        assert _counts(report, t) == (1, 0, 0), t
    assert report.attributes["people.titles"] == (1, 1)


def test_different_tones_or_kinds_do_not_match() -> None:
    gold = _doc(
        visits=[{"visitor": {"kind": "central", "name": "Bộ Y tế"}, "host": _prov("Hà Tĩnh")}],
        people=[{"name": "Nguyễn Văn Tâm", "titles": []}],
    )
    pred = _doc(
        visits=[{"visitor": {"kind": "province", "name": "Bộ Y tế"}, "host": _prov("Hà Tĩnh")}],
        people=[{"name": "Nguyễn Văn Tám"}],
    )
    report = _one(gold, pred)
    assert _counts(report, "visits") == (0, 1, 1)
    assert _counts(report, "people") == (0, 1, 1)


def test_visit_direction_matters() -> None:
    gold = _doc(visits=[{"visitor": _prov("Hậu Giang"), "host": _prov("Hà Tĩnh")}])
    pred = _doc(visits=[{"visitor": _prov("Hà Tĩnh"), "host": _prov("Hậu Giang")}])
    assert _counts(_one(gold, pred), "visits") == (0, 1, 1)


# --- attributes ------------------------------------------------------------------------------


def test_attribute_accuracies_over_matched_pairs() -> None:
    visit = {
        "date": "2020-11-24",
        "visitor": _prov("Hậu Giang"),
        "host": _prov("Hà Tĩnh"),
        "leader": {"name": "Lê Tiến Châu", "title": "Bí thư"},
        "received_by": [{"name": "Hoàng Trung Dũng"}, {"name": "Trần Tú Anh"}],
        "purpose": "exchange",
        "topics": ["admin_merger", "planning", "education"],
        "places": ["Khu công nghiệp Vũng Áng"],
    }
    gold = _doc(
        visits=[visit],
        indicators=[_ind("ntm_communes", 169, of=182, unit="commune", period="2020")],
        practices=[{"province": "Hà Tĩnh", "topic": "planning", "praised_by": "Hậu Giang"}],
    )
    pred_visit = {
        **visit,
        "date": "--11-24",
        "received_by": [{"name": "Trần Tú Anh"}, {"name": "hoàng trung dũng"}],
        "topics": ["planning", "admin_merger", "investment"],
        "places": [],
    }
    pred = _doc(
        visits=[pred_visit],
        indicators=[_ind("ntm_communes", 169, unit="commune", period="2020")],
        practices=[{"province": "Hà Tĩnh", "topic": "planning"}],
    )
    report = _one(gold, pred)
    a = report.attributes
    assert a["visits.date"] == (0, 1)
    assert a["visits.purpose"] == (1, 1)
    assert a["visits.leader"] == (1, 1)
    assert a["visits.received_by"] == (1, 1)
    assert a["visits.topics"] == (0, 1)
    assert a["visits.places"] == (0, 1)
    assert a["indicators.unit"] == (1, 1)
    assert a["indicators.period"] == (1, 1)
    assert a["indicators.of"] == (0, 1)
    assert a["practices.praised_by"] == (0, 1)
    assert a["transfers.currency"] == (0, 0)
    assert (report.topics.tp, report.topics.fp, report.topics.fn) == (2, 1, 1)
    assert report.topics.f1 == pytest.approx(2 / 3)
    wrong = {m.attribute for m in report.mismatches}
    assert wrong == {
        "visits.date",
        "visits.topics",
        "visits.places",
        "indicators.of",
        "practices.praised_by",
    }
    date = next(m for m in report.mismatches if m.attribute == "visits.date")
    assert (date.gold, date.predicted) == ('"2020-11-24"', '"--11-24"')


def test_attributes_skip_unannotated_gold_keys_and_optional_matches() -> None:
    gold = _doc(
        visits=[{"visitor": _prov("A"), "host": _prov("B"), "date": None}],
        practices=[{"province": "A", "topic": "planning", "optional": True}],
    )
    pred = _doc(
        visits=[{"visitor": _prov("A"), "host": _prov("B"), "date": None, "places": ["X"]}],
        practices=[{"province": "A", "topic": "planning", "praised_by": "B"}],
    )
    report = _one(gold, pred)
    assert report.attributes["visits.date"] == (1, 1)
    assert report.attributes["visits.places"] == (0, 0)  # gold did not annotate places
    assert report.attributes["practices.praised_by"] == (0, 0)  # optional match: no attributes


def test_the_closest_candidate_is_paired_for_attributes() -> None:
    gold = _doc(
        visits=[
            {"visitor": _prov("A"), "host": _prov("B"), "date": "2020-01-01", "purpose": "other"},
            {"visitor": _prov("A"), "host": _prov("B"), "date": "2020-02-02", "purpose": "relief"},
        ]
    )
    pred = _doc(
        visits=[
            {"visitor": _prov("A"), "host": _prov("B"), "date": "2020-02-02", "purpose": "relief"},
            {"visitor": _prov("A"), "host": _prov("B"), "date": "2020-01-01", "purpose": "other"},
        ]
    )
    report = _one(gold, pred)
    assert _counts(report, "visits") == (2, 0, 0)
    assert report.attributes["visits.date"] == (2, 2)
    assert report.attributes["visits.purpose"] == (2, 2)


def test_malformed_predictions_are_false_positives_not_crashes() -> None:
    gold = _doc(people=[{"name": "Lê Tiến Châu", "titles": []}])
    pred: dict[str, Any] = {
        "people": ["Lê Tiến Châu", {"name": None}, {"name": "Lê Tiến Châu", "titles": "x"}],
        "visits": {"not": "a list"},
        "indicators": [{"province": "Hà Tĩnh", "indicator": "area", "value": True}],
    }
    report = _one(gold, pred)
    assert _counts(report, "people") == (1, 2, 0)
    assert _counts(report, "visits") == (0, 0, 0)
    assert _counts(report, "indicators") == (0, 1, 0)
    assert report.attributes["people.titles"] == (0, 1)


# --- output and floors -----------------------------------------------------------------------


def test_as_dict_is_json_ready_and_render_is_a_table() -> None:
    gold = _doc(
        visits=[
            {"visitor": _prov("A"), "host": _prov("B"), "date": "2020"},
            {"visitor": _prov("C"), "host": _prov("B")},
        ]
    )
    pred = _doc(visits=[{"visitor": _prov("A"), "host": _prov("B"), "date": "2020"}])
    report = _one(gold, pred)
    data = report.as_dict()
    json.dumps(data)
    assert data["documents"] == 1
    assert data["visits"] == {
        "p": 1.0,
        "r": 0.5,
        "f1": pytest.approx(2 / 3),
        "tp": 1,
        "fp": 0,
        "fn": 1,
    }
    assert data["micro"]["fn"] == 1
    assert set(data["attributes"]) == set(ATTRIBUTES)
    assert data["attributes"]["visits.date"] == {"correct": 1, "total": 1, "accuracy": 1.0}
    assert data["attributes"]["people.titles"]["accuracy"] is None
    assert "visits.topics_f1" in data
    assert "errors" not in data
    detailed = report.as_dict(with_errors=True)
    json.dumps(detailed)
    assert detailed["errors"] == [
        {"doc": "d", "type": "visits", "kind": "fn", "fact": "C (province) → B (province)"}
    ]
    text = report.render()
    lines = text.splitlines()
    assert lines[0].split() == ["type", "P", "R", "F1", "tp", "fp", "fn"]
    assert lines[1].split() == ["visits", "1.000", "0.500", "0.667", "1", "0", "1"]
    assert any(line.startswith("micro") for line in lines)
    assert "visits.date" in text and "1/1" in text


def test_floor_failures() -> None:
    report = _one(
        _doc(practices=[{"province": "A", "topic": "x"}, {"province": "A", "topic": "y"}]),
        _doc(practices=[{"province": "A", "topic": "x"}]),
    )
    assert report.fields["practices"].f1 == pytest.approx(2 / 3)
    assert floor_failures(report, {"micro": 0.6, "practices": 0.5, "visits": 1.0}) == []
    failures = floor_failures(report, {"micro": 0.7, "practices": 0.9, "people": 0.5})
    assert len(failures) == 2
    assert failures[0].startswith("micro F1 0.667")
    assert "practices" in failures[1] and "0.900" in failures[1]
    assert floor_failures(report, {"practices": 2 / 3}) == []  # equal to the floor passes
    assert floor_failures(report, {"visits.topics_f1": 0.5}) == []
    with pytest.raises(UsageError, match="practises"):
        floor_failures(report, {"practises": 0.5})
