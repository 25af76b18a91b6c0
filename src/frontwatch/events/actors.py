"""Actor dictionary: aliases to a canonical actor with its ACLED interaction code.

Generic aliases ("government forces", "insurgents") resolve per article: the government of
the article's country, or the article's main armed opposition group.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from frontwatch.errors import ConfigError

GOVERNMENT = "@government"
REBELS = "@rebels"

# The government side of a country, when no alias says more.
GOVERNMENT_OF = {
    "AF": "Afghan government", "SY": "Syrian government", "UA": "Ukrainian government",
    "SD": "Sudanese Armed Forces", "MM": "Myanmar military", "IQ": "Iraqi government",
    "RU": "Russian forces", "PK": "Pakistani government", "ET": "Ethiopian government",
    "CD": "Congolese army", "ML": "Malian army", "BF": "Burkinabe army", "SO": "Somali government",
    "NG": "Nigerian army", "YE": "Yemeni government", "MZ": "Mozambican army",
    "AZ": "Azerbaijani forces", "LY": "Government of National Accord", "IL": "Israeli forces",
    "LB": "Lebanese army",
}
# Who "the troops", "the army" are where no government of the country fights: in Gaza,
# Israel's army (which is not the state there: its captures are no "government regains").
FORCES_OF = {"PS": "Israeli forces"}
# The main armed opposition of a country, when the article names none.
REBELS_OF = {"AF": "Taliban", "SY": "Hayat Tahrir al-Sham", "SD": "Rapid Support Forces",
             "UA": "Russian forces", "MM": "People's Defence Force", "PK": "Tehrik-i-Taliban Pakistan",
             "IQ": "Islamic State", "ET": "Tigray People's Liberation Front", "CD": "M23", "ML": "JNIM",
             "BF": "JNIM", "SO": "al-Shabaab", "NG": "Boko Haram", "YE": "Houthis", "MZ": "Islamic State",
             "AZ": "Armenian forces", "LY": "Libyan National Army", "PS": "Hamas", "IL": "Hamas",
             "LB": "Hezbollah"}


@dataclass(frozen=True)
class Actor:
    name: str          # canonical, or a generic placeholder
    inter: int
    country: str | None = None


@dataclass(frozen=True)
class ActorDictionary:
    aliases: dict[str, Actor]
    pattern: re.Pattern[str]

    def find(self, text: str) -> list[tuple[int, int, Actor]]:
        """Every actor alias in ``text`` as (start, end, actor), longest match first."""
        return [(m.start(), m.end(), self.aliases[m.group(0).lower()])
                for m in self.pattern.finditer(text)]

    def lookup(self, phrase: str) -> Actor | None:
        found = self.find(phrase)
        return found[0][2] if found else None


def parse_actor_lines(lines: list[str], source: str) -> dict[str, Actor]:
    aliases: dict[str, Actor] = {}
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.rstrip("\n").split("\t")
        if len(cols) < 3 or not cols[2].strip().isdigit() or int(cols[2]) not in range(1, 9):
            raise ConfigError(f"{source} line {number}: expected 'alias<TAB>canonical<TAB>inter"
                              f"[<TAB>country]' with inter 1-8, got {line.strip()!r}")
        country = cols[3].strip().upper() if len(cols) > 3 and cols[3].strip() else None
        aliases[cols[0].strip().lower()] = Actor(cols[1].strip(), int(cols[2]), country)
    return aliases


# The nouns a country's forces go by, and the words that qualify them: the dictionary lists
# "yemeni army"; the text writes "Yemeni forces", "Azerbaijani special forces".
FORCE_NOUNS = ("forces", "troops", "army", "soldiers", "military", "units")
FORCE_QUALIFIERS = ("", "special ", "government ", "federal ", "regular ", "armed ", "ground ", "elite ",
                    "security ")
# "pro-regime forces" are the forces "regime forces" names ("pro-Russian forces" are not
# Russia's: they are left out).
PRO_WORDS = ("regime",)


def with_force_forms(aliases: dict[str, Actor]) -> dict[str, Actor]:
    """``aliases`` with every form of a country's forces that one listed form implies: for
    "yemeni army" (a state's or a foreign force), "yemeni forces", "yemeni special forces",
    and so on; and "pro-regime forces" beside "regime forces". Listed aliases stay as they are."""
    out = dict(aliases)
    for alias, actor in aliases.items():
        words = alias.split()
        if actor.inter not in (1, 8) or len(words) != 2 or words[1] not in FORCE_NOUNS or words[0] == "the":
            continue
        for qualifier in FORCE_QUALIFIERS:
            for noun in FORCE_NOUNS:
                out.setdefault(f"{words[0]} {qualifier}{noun}", actor)
        if words[0] in PRO_WORDS:
            out.setdefault(f"pro-{alias}", actor)
    return out


def load_actors(user_file: str = "") -> ActorDictionary:
    """The packaged dictionary, extended (and overridden alias by alias) by ``user_file``."""
    text = resources.files("frontwatch.events").joinpath("data/actors.tsv").read_text("utf-8")
    aliases = with_force_forms(parse_actor_lines(text.splitlines(), "actors.tsv"))
    if user_file:
        path = Path(user_file)
        if not path.exists():
            raise ConfigError(f"actors file not found: {user_file} (set actors_file to a TSV "
                              "of alias, canonical, inter code, country)")
        aliases.update(parse_actor_lines(path.read_text("utf-8").splitlines(), user_file))
    ordered = sorted(aliases, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(a) for a in ordered) + r")(?![\w-])",
                         re.IGNORECASE)
    return ActorDictionary(aliases, pattern)


# Sides that fight as part of another in one country's war: Wagner fought as Russia's force
# in Ukraine, for the juntas in the Sahel.
PART_OF = {("Wagner", "UA"): "Russian forces", ("Wagner", "RU"): "Russian forces"}


def resolve_actor(actor: Actor, country: str | None, main_rebel: str | None) -> str:
    """The canonical name of an actor in an article about ``country``."""
    if (actor.name, country) in PART_OF:
        return PART_OF[(actor.name, country)]
    if actor.name == GOVERNMENT:
        return FORCES_OF.get(country or "") or GOVERNMENT_OF.get(country or "", f"{country} government" if country
                                                                  else "Government forces")
    if actor.name == REBELS:
        return main_rebel or REBELS_OF.get(country or "", "Unidentified armed group")
    return actor.name


def is_state(name: str | None, dictionary: ActorDictionary, country: str | None = None) -> bool:
    """Whether a canonical actor name is the state's own force in ``country`` (the article's;
    any country when None): Russian forces are the state in Russia, an invader in Ukraine;
    Israeli forces are not the government of Gaza."""
    if not name:
        return False
    homes = {c for c, n in GOVERNMENT_OF.items() if n == name}
    homes |= {a.country for a in dictionary.aliases.values() if a.name == name and a.inter == 1 and a.country}
    if homes:
        return country is None or country in homes
    return any(a.name == name and a.inter == 1 for a in dictionary.aliases.values())
