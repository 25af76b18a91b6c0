"""Spelling-insensitive keys for place names, shared by fusion and the store's queries.

"Imām Şāḩib", "Imam Sahib" and "imam-sahib" share the key "imamsahib": diacritics, case,
spaces and punctuation are dropped. Places are shown by their plain name ("Imam Sahib"). (The gazetteer's own folding, which also meets
transliteration variants such as Sar-e-Pul / Sari Pul, is `frontwatch.places.fold`.)
"""
from __future__ import annotations

import unicodedata


def plain_name(name: str | None) -> str | None:
    """The name without diacritics, as analysts' tables write it: "Imām Şāḩib" -> "Imam Sahib"."""
    if not name:
        return name
    decomposed = unicodedata.normalize("NFKD", name)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def name_key(name: str | None) -> str:
    """A spelling-insensitive key for a place name (diacritics, case, punctuation)."""
    if not name:
        return ""
    decomposed = unicodedata.normalize("NFKD", name)
    letters = "".join(c for c in decomposed if c.isalnum() and not unicodedata.combining(c))
    return letters.lower()
