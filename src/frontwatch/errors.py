"""Exceptions raised by the library. The CLI turns them into messages at the edge."""


class FrontwatchError(Exception):
    """Base class: the message says what went wrong and what to do."""


class ConfigError(FrontwatchError):
    """A setting or config file is wrong."""


class StoreError(FrontwatchError):
    """The SQLite store cannot be opened or is not a frontwatch store."""


class NotFound(FrontwatchError):
    """A requested record (article, event, place) does not exist."""
