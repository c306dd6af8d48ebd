"""One exception hierarchy, so the command line can map every failure to a message and an exit code.

Each message names the file or node at fault and says what to do next.
"""
from __future__ import annotations


class KgError(Exception):
    """Base of every error kg raises on purpose; `exit_code` is what the CLI returns."""

    exit_code = 2


class InputError(KgError):
    """Something the user gave (a file, a folder, an option) cannot be used."""


class ArticleError(InputError):
    """An article cannot be read; the build skips it with a warning."""

    def __init__(self, path, problem: str):
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}")


class LexiconError(InputError):
    """A lexicon file is missing or malformed; the build cannot go on without it."""

    def __init__(self, path, problem: str, line: int | None = None):
        where = f"{path}:{line}" if line else f"{path}"
        super().__init__(f"{where}: {problem} (fix the lexicon file; its header describes the format)")


class OntologyError(InputError):
    """The ontology or the SHACL shapes do not parse."""


class GraphNotFoundError(InputError):
    """No built graph where one was expected."""

    def __init__(self, folder):
        super().__init__(f"{folder}: no built graph here (run `kg build --output {folder}` first)")


class QueryError(InputError):
    """A saved query does not parse or cannot be run."""


class ValidationFailed(KgError):
    """The graph does not conform to the shapes or is inconsistent."""

    exit_code = 1


class RemoteError(KgError):
    """A triplestore failed or refused; the message names the endpoint, the HTTP status and what
    the server said. Nothing on the server was changed."""

    exit_code = 3
