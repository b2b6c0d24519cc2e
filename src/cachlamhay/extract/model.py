"""Trained decisions over rule candidates: keep or drop a candidate fact, and with it its roles.

Each fact type has a high-recall candidate generator (its module: every ordered pair of actors
near a visit verb, every amount near a giving verb × every pair of actors, every province × topic
near a praise cue). Each candidate carries sparse features (cue words, order, distances, the
sentence's subject, the headline and lead, and whether the hand-written rule produced it). A
logistic regression trained on the train gold (``cachlamhay train``, see ``cachlamhay.train``)
decides which candidates are facts. Candidates for the two directions of one pair compete, so the
decision also assigns the roles (visitor/host, giver/receiver).

Why inference is written here and not left to scikit-learn: the model is a weight per feature, and
a dot product over a dozen features is a few microseconds in plain Python, where one
``predict_proba`` call costs ~100 µs of input validation; extraction has a budget of 2 ms per
document. scikit-learn trains, this module only reads the exported weights.

Models live in ``cachlamhay/models/<kind>.json`` inside the package, are read once per process
(a Spark or pool worker reads them on first use, nothing is shipped with the closure), and name
themselves by a digest of their content: ``visits.v2+model-3f9a1c2b``. Without a model file a
kind falls back to its rules (a candidate is kept when the rule produced it).
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

MODEL_PACKAGE = "cachlamhay.models"
KINDS = ("visits", "transfers", "practices", "indicators")


@dataclass(slots=True)
class Candidate:
    """A possible fact: ``probe`` is its SPEC shape as far as the scorer matches it (actors,
    amount, province, topic), ``features`` what the model decides on, ``payload`` what the
    extractor needs to finish the fact when it is kept."""

    probe: dict[str, Any]
    features: dict[str, float]
    payload: Any = None
    rule: bool = False
    score: float = 0.0
    kept: bool = False
    group: tuple[Any, ...] = ()  # candidates of one group compete: at most one is kept


@dataclass(frozen=True, slots=True)
class LinearModel:
    kind: str
    bias: float
    weights: Mapping[str, float]
    threshold: float
    digest: str

    def probability(self, features: Mapping[str, float]) -> float:
        weights = self.weights
        z = self.bias + sum(weights.get(name, 0.0) * value for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))

    def as_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "bias": self.bias,
            "threshold": self.threshold,
            "weights": dict(sorted(self.weights.items())),
        }


def model_digest(data: Mapping[str, Any]) -> str:
    """A short digest of a model's content (its JSON with sorted keys, digest field left out)."""
    content = {k: v for k, v in data.items() if k != "digest"}
    encoded = json.dumps(content, sort_keys=True, ensure_ascii=False).encode("utf-8")
    return hashlib.sha256(encoded).hexdigest()[:8]


def model_from_json(data: Mapping[str, Any]) -> LinearModel:
    return LinearModel(
        kind=str(data["kind"]),
        bias=float(data["bias"]),
        weights={str(k): float(v) for k, v in data["weights"].items()},
        threshold=float(data["threshold"]),
        digest=model_digest(data),
    )


def write_model(model: LinearModel, directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{model.kind}.json"
    text = json.dumps(model.as_json(), ensure_ascii=False, indent=1, sort_keys=False)
    path.write_text(text + "\n", encoding="utf-8")
    return path


@functools.cache
def load(kind: str) -> LinearModel | None:
    """The shipped model of a fact kind, read once per process; None when there is none."""
    resource = resources.files(MODEL_PACKAGE) / f"{kind}.json"
    if not resource.is_file():
        return None
    return model_from_json(json.loads(resource.read_text(encoding="utf-8")))


def versioned(kind: str, version: str) -> str:
    """The extractor name with its model: ``visits.v2+model-3f9a1c2b``."""
    model = load(kind)
    return f"{version}+model-{model.digest}" if model else version


def decide(kind: str, candidates: Iterable[Candidate]) -> list[Candidate]:
    """Score every candidate, keep those the model accepts (the rule's when there is no model),
    one per competing group (the best), and return all of them, kept or not, in order."""
    model = load(kind)
    listed = list(candidates)
    for candidate in listed:
        if model is None:
            candidate.score = 1.0 if candidate.rule else 0.0
            candidate.kept = candidate.rule
        else:
            candidate.score = model.probability(candidate.features)
            candidate.kept = candidate.score >= model.threshold
    best: dict[tuple[Any, ...], Candidate] = {}
    for candidate in listed:
        if not candidate.kept or not candidate.group:
            continue
        rival = best.get(candidate.group)
        if rival is None or candidate.score > rival.score:
            if rival is not None:
                rival.kept = False
            best[candidate.group] = candidate
        else:
            candidate.kept = False
    return listed


@dataclass(slots=True)
class Features:
    """A builder for sparse binary features (``add("verb", "thăm")`` → ``"verb=thăm": 1``)."""

    values: dict[str, float] = field(default_factory=dict)

    def add(self, name: str, value: object = True) -> None:
        if value is True:
            self.values[name] = 1.0
        elif value is not False and value is not None:
            self.values[f"{name}={value}"] = 1.0

    def merge(self, other: Mapping[str, float]) -> None:
        for name, value in other.items():
            self.values[name] = max(self.values.get(name, 0.0), value)


def distance_bucket(chars: int) -> str:
    for limit in (15, 40, 100, 200):
        if chars < limit:
            return f"<{limit}"
    return ">=200"
