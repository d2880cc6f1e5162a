"""Every error corpusqa raises on purpose. The CLI and the UI turn them into one-line messages."""


class CorpusQAError(Exception):
    """Base class: the message is meant for a person, in one line."""


class CorpusError(CorpusQAError):
    """The corpus folder is missing or holds no readable article."""


class ArticleError(CorpusQAError):
    """One article could not be read; the others are still indexed."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class IndexMissingError(CorpusQAError):
    """No index has been built in the index folder yet."""


class IndexMismatchError(CorpusQAError):
    """The index on disk was built with other settings than the ones in force."""


class IndexDamagedError(CorpusQAError):
    """The index's files are damaged and no earlier version is whole."""


class IndexBusyError(CorpusQAError):
    """Another build holds the index lock."""


class ModelError(CorpusQAError):
    """The embedding model could not be loaded (offline, nothing to download)."""


class QuestionError(CorpusQAError):
    """The question is empty, too long or otherwise unusable."""


class FilterError(CorpusQAError):
    """A retrieval filter is malformed: an unknown outlet, an inverted date range."""


class LLMError(CorpusQAError):
    """The optional language model failed or is misconfigured."""


class SettingsError(CorpusQAError):
    """A setting has a value corpusqa cannot use; the message names the variable."""
