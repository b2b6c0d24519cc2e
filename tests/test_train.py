"""``cachlamhay train`` and the error report of ``eval --errors`` (issue 11).

Training must be deterministic and reproducible from the repo: fitting the train split again
gives byte-identical model files, and exactly the models the package ships. The error report
says why each fact was lost: never generated, generated and dropped, kept with a wrong role.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cachlamhay import evaluate
from cachlamhay.cli import main
from cachlamhay.evaluate import FactError, Probe
from tests.conftest import CORPUS, EXAMPLES, ROOT

TRAIN = ROOT / "tests" / "gold" / "train"
SHIPPED = ROOT / "src" / "cachlamhay" / "models"


def _train(out: Path, capsys: pytest.CaptureFixture[str]) -> dict:  # type: ignore[type-arg]
    code = main(
        ["--json", "train", str(TRAIN), "--inputs", str(EXAMPLES), str(CORPUS), "--out", str(out)]
    )
    assert code == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.corpus
def test_training_is_deterministic_and_gives_the_shipped_models(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if not CORPUS.exists():
        pytest.skip(f"shared corpus not found at {CORPUS}")
    first = _train(tmp_path / "a", capsys)
    second = _train(tmp_path / "b", capsys)
    assert first["models"] and [m["model"] for m in first["models"]] == [
        m["model"] for m in second["models"]
    ]
    written = sorted(p.name for p in (tmp_path / "a").glob("*.json"))
    assert written == sorted(p.name for p in (tmp_path / "b").glob("*.json"))
    for name in written:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    # what the package ships is what training the train split gives
    assert written == sorted(p.name for p in SHIPPED.glob("*.json"))
    for name in written:
        assert (tmp_path / "a" / name).read_bytes() == (SHIPPED / name).read_bytes()
    for summary in first["models"]:
        assert summary["shipped"] == (summary["cv_f1"] > summary["rule_f1"] + 0.05 - 1e-9)


def test_train_without_inputs_for_its_gold_is_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    code = main(["train", str(TRAIN), "--inputs", str(empty), "--out", str(tmp_path / "m")])
    err = capsys.readouterr().err
    assert code != 0 and "gold documents not in the inputs" in err
    assert "Traceback" not in err


VISIT = {
    "visitor": {"kind": "province", "name": "Hậu Giang"},
    "host": {"kind": "province", "name": "Hà Tĩnh"},
}
SWAPPED = {"visitor": VISIT["host"], "host": VISIT["visitor"]}
OTHER = {"visitor": {"kind": "province", "name": "Nghệ An"}, "host": VISIT["host"]}


@pytest.mark.parametrize(
    ("error", "probes", "cause"),
    [
        (FactError("d", "visits", "fn", "", VISIT), [], evaluate.NEVER_GENERATED),
        (FactError("d", "visits", "fn", "", VISIT), None, evaluate.NEVER_GENERATED),
        (FactError("d", "visits", "fn", "", VISIT), [Probe(VISIT, False)], evaluate.DROPPED),
        (FactError("d", "visits", "fn", "", VISIT), [Probe(SWAPPED, True)], evaluate.WRONG_ROLE),
        (FactError("d", "visits", "fp", "", SWAPPED), [], evaluate.WRONG_ROLE),
        (FactError("d", "visits", "fp", "", OTHER), [], evaluate.NOT_IN_GOLD),
    ],
    ids=["nothing", "no-candidates", "dropped", "role-fn", "role-fp", "not-in-gold"],
)
def test_error_causes(error: FactError, probes: list[Probe] | None, cause: str) -> None:
    assert evaluate.error_cause(error, [VISIT], probes) == cause


GIFT = {
    "from": {"kind": "district", "name": "huyện Ia Grai"},
    "to": {"kind": "other", "name": "gia đình các nạn nhân đuối nước"},
    "amount": 5000000,
}
GIFT_WORDED = GIFT | {"to": {"kind": "other", "name": "gia đình nạn nhân"}}
GIFT_PROVINCE = GIFT | {"to": {"kind": "province", "name": "Gia Lai"}}
GIFT_OTHER_AMOUNT = GIFT_WORDED | {"amount": 3000000}


@pytest.mark.parametrize(
    ("error", "probes", "cause"),
    [
        (FactError("d", "transfers", "fp", "", GIFT_WORDED), [], evaluate.WORDED),
        (FactError("d", "transfers", "fn", "", GIFT), [Probe(GIFT_WORDED, True)], evaluate.WORDED),
        (
            FactError("d", "transfers", "fn", "", GIFT),
            [Probe(GIFT_WORDED, False)],
            evaluate.NEVER_GENERATED,
        ),
        (FactError("d", "transfers", "fp", "", GIFT_PROVINCE), [], evaluate.NOT_IN_GOLD),
        (FactError("d", "transfers", "fp", "", GIFT_OTHER_AMOUNT), [], evaluate.NOT_IN_GOLD),
    ],
    ids=["worded-fp", "worded-fn", "worded-but-dropped", "another-kind", "another-amount"],
)
def test_a_receiver_worded_otherwise_is_its_own_cause(
    error: FactError, probes: list[Probe], cause: str
) -> None:
    assert evaluate.error_cause(error, [GIFT], probes) == cause


def test_candidate_labels_follow_the_gold() -> None:
    optional = OTHER | {"optional": True}
    assert evaluate.candidate_label("visits", [VISIT], VISIT) == 1
    assert evaluate.candidate_label("visits", [VISIT], SWAPPED) == 0
    assert evaluate.candidate_label("visits", [VISIT, optional], OTHER) is None


@pytest.mark.corpus
def test_eval_errors_groups_by_type_and_cause(capsys: pytest.CaptureFixture[str]) -> None:
    if not CORPUS.exists():
        pytest.skip(f"shared corpus not found at {CORPUS}")
    dev = ROOT / "tests" / "gold" / "dev"
    main(["--json", "eval", str(dev), "--inputs", str(EXAMPLES), str(CORPUS), "--errors"])
    report = json.loads(capsys.readouterr().out)
    groups = report["error_causes"]
    assert groups
    assert {g["cause"] for g in groups} <= set(evaluate.CAUSES)
    assert sum(g["fn"] + g["fp"] for g in groups) == len(report["errors"])
