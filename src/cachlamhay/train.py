"""``cachlamhay train GOLD_DIR --out MODEL_DIR``: fit the extractors' decision models on gold.

For every gold document the extractors generate their candidates (``extract.candidates``); a
candidate is labelled 1 when it matches a required gold fact, 0 when it matches none, and is
left out when it matches only an optional one. One logistic regression per fact kind
(scikit-learn, liblinear, no randomness) is fitted on the sparse features; the regularisation
and the decision threshold are chosen by 5-fold cross-validation grouped by document, for the
F1 the scorer would give (gold facts no candidate reaches count as misses whatever the model
does). A model is written only when that F1 beats the rules' on the same candidates by
``MIN_GAIN``; otherwise the kind keeps its rules and any older model file of it is removed. The
weights are written as small JSON files (``extract.model``); the same gold, code and shipped
models give byte-identical files (visit decisions feed the transfer candidates, so train from
the models you ship).

scikit-learn is needed only here (the ``train`` extra); extraction reads the JSON weights.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cachlamhay import evaluate
from cachlamhay.errors import InputError, UsageError
from cachlamhay.extract import candidates as document_candidates
from cachlamhay.extract.model import KINDS, LinearModel, model_digest, write_model
from cachlamhay.ingest import Rejection, read_paths
from cachlamhay.pipeline import clean_or_reject

DECIDED_KINDS = KINDS
C_GRID = (0.1, 0.3, 1.0, 3.0)
THRESHOLDS = tuple(round(0.05 * k, 2) for k in range(2, 19))
FOLDS = 5
# A model is shipped only when its cross-validated F1 beats the rules' own on the same
# candidates by this much; otherwise the kind keeps its rules (a model that merely matches them
# adds a way to be wrong on new text). With about 20 positive facts a kind, one fact moves F1 by
# about 0.03, so a smaller gain is noise.
MIN_GAIN = 0.05


@dataclass(slots=True)
class Examples:
    """One kind's training rows: features, labels, the document of each, and the number of
    required gold facts no candidate matches."""

    features: list[dict[str, float]]
    labels: list[int]
    documents: list[str]
    rules: list[bool] = field(default_factory=list)  # whether the hand-written rule kept it
    unreachable: int = 0
    gold_total: int = 0

    def rule_f1(self) -> float:
        """The F1 the rules alone reach on these candidates (the bar a model must clear)."""
        return _f1([1.0 if r else 0.0 for r in self.rules], self.labels, 0.5, self.unreachable)


@dataclass(frozen=True, slots=True)
class TrainedKind:
    kind: str
    model: LinearModel
    examples: int
    positives: int
    unreachable: int
    gold_total: int
    c: float
    cv_f1: float
    rule_f1: float
    path: Path | None  # None: the model did not beat the rules and is not shipped

    @property
    def shipped(self) -> bool:
        return self.path is not None

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "model": f"model-{self.model.digest}",
            "candidates": self.examples,
            "positives": self.positives,
            "gold_facts": self.gold_total,
            "never_generated": self.unreachable,
            "C": self.c,
            "threshold": self.model.threshold,
            "cv_f1": round(self.cv_f1, 4),
            "rule_f1": round(self.rule_f1, 4),
            "shipped": self.shipped,
            "path": str(self.path) if self.path else None,
        }


def collect(gold_dir: Path, inputs: Sequence[Path]) -> dict[str, Examples]:
    """Candidates of every gold document, labelled against its gold."""
    gold = evaluate.load_gold(gold_dir)
    examples = {kind: Examples([], [], []) for kind in DECIDED_KINDS}
    found: set[str] = set()
    for raw in read_paths(inputs):
        if isinstance(raw, Rejection) or raw.id not in gold or raw.id in found:
            continue
        cleaned = clean_or_reject(raw)
        if isinstance(cleaned, Rejection):
            continue
        found.add(raw.id)
        _label_document(raw.id, gold[raw.id], document_candidates(cleaned), examples)
    missing = sorted(set(gold) - found)
    if missing:
        raise InputError(
            str(gold_dir),
            f"{len(missing)} gold documents not in the inputs: {missing[:3]}",
            code="bad-gold",
        )
    return examples


def _label_document(
    doc_id: str, gold: dict[str, Any], found: dict[str, list[Any]], examples: dict[str, Examples]
) -> None:
    for kind in DECIDED_KINDS:
        golds = [g for g in gold.get(kind, []) if isinstance(g, dict)]
        rows = examples[kind]
        for candidate in found[kind]:
            label = evaluate.candidate_label(kind, golds, candidate.probe)
            if label is None:
                continue
            rows.features.append(candidate.features)
            rows.labels.append(label)
            rows.documents.append(doc_id)
            rows.rules.append(candidate.rule)
        for fact in golds:
            if fact.get("optional") is True:
                continue
            rows.gold_total += 1
            if not any(evaluate.facts_match(kind, fact, c.probe) for c in found[kind]):
                rows.unreachable += 1


def fit(kind: str, rows: Examples) -> tuple[LinearModel, float, float]:
    """The model, its C and its cross-validated F1."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    vectorizer = DictVectorizer(sort=True, sparse=False)  # a few thousand rows: dense is fine
    matrix = vectorizer.fit_transform(rows.features)
    labels = rows.labels
    best: tuple[float, float, float] = (-1.0, C_GRID[0], 0.5)  # f1, C, threshold
    folds = min(FOLDS, len(set(rows.documents)))
    for c in C_GRID:
        scores = [0.0] * len(labels)
        for train, test in GroupKFold(n_splits=folds).split(matrix, labels, rows.documents):
            train_labels = [labels[i] for i in train]
            if len(set(train_labels)) < 2:
                continue
            fold_model = _regression(c).fit(matrix[train], train_labels)
            for i, p in zip(test, fold_model.predict_proba(matrix[test])[:, 1], strict=True):
                scores[i] = float(p)
        for threshold in THRESHOLDS:
            f1 = _f1(scores, labels, threshold, rows.unreachable)
            if f1 > best[0] + 1e-9:
                best = (f1, c, threshold)
    f1, c, threshold = best
    final: LogisticRegression = _regression(c).fit(matrix, labels)
    names = vectorizer.get_feature_names_out()
    weights = {
        str(name): round(float(w), 4)
        for name, w in zip(names, final.coef_[0], strict=True)
        if round(float(w), 4) != 0.0
    }
    bias = round(float(final.intercept_[0]), 4)
    data: dict[str, Any] = {
        "kind": kind,
        "bias": bias,
        "threshold": threshold,
        "weights": dict(sorted(weights.items())),
    }
    model = LinearModel(kind, bias, weights, threshold, model_digest(data))
    return model, c, f1


def _regression(c: float) -> Any:
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, solver="liblinear", max_iter=1000)


def _f1(
    scores: Iterable[float], labels: Sequence[int], threshold: float, unreachable: int
) -> float:
    tp = fp = fn = 0
    for score, label in zip(scores, labels, strict=True):
        kept = score >= threshold
        tp += kept and label == 1
        fp += kept and label == 0
        fn += (not kept) and label == 1
    fn += unreachable
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def train(gold_dir: Path, out: Path, inputs: Sequence[Path]) -> list[TrainedKind]:
    try:
        import sklearn  # noqa: F401
    except ImportError as exc:
        raise UsageError(
            "cachlamhay train needs scikit-learn: pip install 'cachlamhay[train]'"
        ) from exc
    examples = collect(gold_dir, inputs)
    trained = []
    for kind, rows in examples.items():
        if len(set(rows.labels)) < 2:
            continue  # nothing to learn: the kind keeps its rules
        model, c, f1 = fit(kind, rows)
        rule_f1 = rows.rule_f1()
        stale = out / f"{kind}.json"
        path: Path | None = None
        if f1 > rule_f1 + MIN_GAIN:
            path = write_model(model, out)
        elif stale.exists():
            stale.unlink()  # the kind keeps its rules: an older model must not stay behind
        trained.append(
            TrainedKind(
                kind,
                model,
                len(rows.labels),
                sum(rows.labels),
                rows.unreachable,
                rows.gold_total,
                c,
                f1,
                rule_f1,
                path,
            )
        )
    return trained
