"""Near-duplicate detection: MinHash signatures (datasketch) and LSH band keys.

Pure: text in, signature and band keys out. The store keeps the band keys in an indexed table,
so candidates for a new document are found with one query instead of an in-memory LSH index
that would have to be rebuilt, and grow, with the corpus.
"""

from __future__ import annotations

import functools
import hashlib
import re
import zlib

import numpy as np
from datasketch import MinHash

NUM_PERM = 64
BANDS = 16
ROWS = NUM_PERM // BANDS
# Syndicated copies differ in leads, bylines and footers; 0.75 keeps them together while
# separate stories on the same event (a few shared sentences) stay apart.
THRESHOLD = 0.75
_WORD = re.compile(r"\w+")
_SHINGLE = 3
_MAX_WORDS = 3000
_SEED = 7
_SCHEME = "affine32"  # datasketch >= 2.0; signatures stored in the database depend on it


def shingles(folded: str) -> list[bytes]:
    """Word 3-grams of the folded text (so tone style and case do not matter)."""
    words = _WORD.findall(folded)[:_MAX_WORDS]
    if len(words) < _SHINGLE:
        return [" ".join(words).encode()] if words else [b""]
    return [" ".join(words[i : i + _SHINGLE]).encode() for i in range(len(words) - _SHINGLE + 1)]


@functools.cache
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """datasketch draws these from the seed on every MinHash(); draw them once per process."""
    return MinHash(num_perm=NUM_PERM, seed=_SEED, scheme=_SCHEME).permutations  # type: ignore[no-any-return]


def signature(folded: str) -> np.ndarray:
    """MinHash signature of a text already passed through ``vntext.fold``."""
    # zlib.crc32 itself, not a Python function around it: datasketch calls it once per shingle
    minhash = MinHash(
        num_perm=NUM_PERM, hashfunc=zlib.crc32, permutations=_permutations(), scheme=_SCHEME
    )
    minhash.update_batch(shingles(folded))
    return np.asarray(minhash.hashvalues, dtype=np.uint64)


def band_keys(sig: np.ndarray) -> list[int]:
    """One signed 64-bit key per band (fits an SQLite INTEGER)."""
    keys = []
    for band in range(BANDS):
        chunk = sig[band * ROWS : (band + 1) * ROWS].tobytes()
        digest = hashlib.blake2b(chunk, digest_size=8, person=band.to_bytes(2, "big")).digest()
        keys.append(int.from_bytes(digest, "big", signed=True))
    return keys


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.count_nonzero(a == b)) / len(a)


def to_blob(sig: np.ndarray) -> bytes:
    return sig.astype("<u8").tobytes()


def from_blob(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<u8").astype(np.uint64)


def content_hash(folded: str) -> str:
    """Identity of a text up to case, diacritics and white space (input: folded text)."""
    return hashlib.sha256(" ".join(folded.split()).encode()).hexdigest()
