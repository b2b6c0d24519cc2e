"""One exception hierarchy with stable error codes.

Every error a user can cause carries a short, stable ``code`` (used in ``--json`` output and in
ingest summaries) and a one-line message. The CLI maps the classes to exit codes:
``UsageError`` → 2, everything else → 1. Tracebacks are reserved for bugs.
"""

from __future__ import annotations


class CachlamhayError(Exception):
    """Base of every error the tool raises on purpose."""

    code = "error"
    exit_code = 1

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else self.code


class UsageError(CachlamhayError):
    """The command line itself is wrong (unknown document, bad option value...)."""

    code = "usage"
    exit_code = 2


class InputError(CachlamhayError):
    """One input (file, record, line) cannot be read; the others still are.

    ``where`` names the file (and record) so the message is a single useful line.
    """

    code = "input"

    def __init__(self, where: str, reason: str, *, code: str) -> None:
        super().__init__(f"{where}: {reason}", code=code)
        self.where = where
        self.reason = reason


class StoreError(CachlamhayError):
    """The database cannot be opened or written (locked, newer schema, not a database...)."""

    code = "store"


class NotFoundError(CachlamhayError):
    """A document or entity the user asked for does not exist in the store.

    ``suggestions``: what the user may have meant (names, best first), shown as "Did you mean"."""

    code = "not-found"
    exit_code = 1

    def __init__(
        self, message: str, *, code: str | None = None, suggestions: list[str] | None = None
    ) -> None:
        super().__init__(message, code=code)
        self.suggestions = suggestions or []
