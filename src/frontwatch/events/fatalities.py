"""Fatalities by side, read conservatively as ACLED does: the lowest credible figure, and
vague numbers as fixed ones ("dozens" is 12, "several" 10, "hundreds" 100)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from frontwatch.events.actors import ActorDictionary, resolve_actor

# ACLED's reading of vague quantities.
VAGUE = {"a dozen": 12, "dozens": 12, "dozens of": 12, "scores": 20, "several": 10, "many": 10,
         "a few": 3, "a handful": 3, "hundreds": 100, "thousands": 1000, "a number": 10,
         "tens": 10}
WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty".split())}
WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
              "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100, "dozen": 12})

_NUM = (r"(?P<num>\d[\d,]*|" + "|".join(sorted(list(WORDS) + list(VAGUE), key=len, reverse=True))
        + r")")
_QUAL = r"(?:(?:at least|more than|over|some|about|around|nearly|almost|up to|roughly|an estimated)\s+)?"
_WHO = r"(?P<who>(?:[\w'-]+\s+){0,7}?)"
_DEAD = (r"(?:killed|dead|died|slain|eliminated|brought in dead|lost their lives|were killed|perished|"
         r"shot dead|murdered|executed|massacred|beheaded|gunned down|confirmed dead|martyred|"
         r"embraced (?:martyrdom|shahadat))")
_PERSON = (r"(?:soldier|policeman|police officer|officer|civilian|man|woman|child|boy|girl|journalist|"
           r"official|commander|chief|fighter|militant|leader|teacher|doctor|nurse|worker|student|person|"
           r"guard|pilot|resident|farmer|driver|elder|cleric|judge|reporter|medic|volunteer|governor|"
           r"mayor|colonel|general|officer)")
FATALITY_PATTERNS = [re.compile(rx, re.IGNORECASE) for rx in [
    # "left 80 Taliban fighters dead", "killing dozens of fighters", "killed at least 3 soldiers"
    rf"\b(?:left|leaving|killed|killing|kill|kills|shot dead|shooting dead|gunned down|massacred|executed|"
    rf"murdered|claimed the lives of|claiming the lives of)\s+{_QUAL}{_NUM}"
    rf"(?:(?:\s+of)?\s+{_WHO}?(?P<noun>[\w'-]+)(?:\s+dead)?|(?=\s*[,.;]|\s*$))",
    # "at least 20 elite Afghan special forces were killed"
    rf"\b{_QUAL}{_NUM}(?:\s+of)?\s+{_WHO}(?:(?:were|was|have been|had been|are|being|has been)\s+)?"
    rf"(?:reportedly\s+|also\s+|all\s+)?{_DEAD}\b",
    # "the death toll rose to 30", "the toll from Tuesday's strike has climbed to 41"
    rf"\b(?:death toll|toll|number of (?:dead|deaths|martyrs|people killed|those killed|victims|\w+ killed))\b[^.;]{{0,140}}?"
    rf"\b(?:rose|risen|climbed|reached|stood|stands|jumped|increased|grew|hit|now at)\s+(?:to\s+|at\s+)?{_QUAL}{_NUM}\b",
    # "puts the number of Afghans killed in Thursday's bombing at 170"
    rf"\bputs? the (?:death toll|toll|number of (?:\w+\s+)?(?:dead|killed))\b[^.;]{{0,120}}?\bat\s+{_QUAL}{_NUM}\b",
    # "killed a police officer", "a soldier was killed", "shot dead a local elder"
    rf"\b(?:killed|killing|shot dead|murdered|executed|beheaded|gunned down)\s+(?P<num>a|an|one)\s+"
    rf"(?:[\w'-]+\s+){{0,3}}?{_PERSON}\b(?!s)",
    rf"\b(?P<num>a|an|one)\s+(?:[\w'-]+\s+){{0,3}}?{_PERSON}\s+(?:was|has been|had been)\s+"
    rf"(?:reportedly\s+)?(?:killed|shot dead|murdered|executed|slain)\b",
]]
# "killing five soldiers and 12 militants": more counts listed after the first.
LISTED_COUNT = re.compile(rf"^(?:,\s*|\s+and\s+|,\s+and\s+){_QUAL}{_NUM}(?:\s+of)?\s+{_WHO}?(?P<noun>[\w'-]+)",
                          re.IGNORECASE)

# "killed or wounded 20": casualties of both kinds, no count of the dead.
WOUNDED_AFTER = re.compile(r"^\s*(?:or|and/or)\s+(?:\w+\s+)?(?:wounded|injured|hurt)", re.IGNORECASE)
PEOPLE_NOUNS = {"people", "persons", "others", "members", "men", "women", "children"}


# An aside between the count and its verb: "At least 20 people, among them a paramedic,
# were killed", "17 civilians (four of them children) died". Blanked, not cut, so that the
# offsets of what is read stay those of the sentence.
ASIDE_RX = re.compile(r",\s*(?:among them|including|most of them|many of them|all of them|mostly|"
                      r"most|many|some|half) [^,;.()]{0,100},|\([^()]{0,100}\)", re.IGNORECASE)


@dataclass(frozen=True)
class Fatalities:
    total: int | None
    by_side: dict[str, int] = field(default_factory=dict)
    spans: tuple[tuple[int, int], ...] = ()
    values: tuple[int, ...] = ()     # the count each span gives


def number_value(word: str) -> int | None:
    w = word.lower().strip()
    if w in {"a", "an"}:
        return 1
    if w in VAGUE:
        return VAGUE[w]
    if w in WORDS:
        return WORDS[w]
    digits = w.replace(",", "")
    return int(digits) if digits.isdigit() else None


def find_fatalities(sentence: str, actors: ActorDictionary, country: str | None = None,
                    main_rebel: str | None = None) -> Fatalities:
    """The killed in one sentence, by side; wounded are not fatalities."""
    by_side: dict[str, int] = {}
    spans: list[tuple[int, int]] = []
    values: list[int] = []
    sentence = ASIDE_RX.sub(lambda m: " " * len(m.group()), sentence)
    for rx in FATALITY_PATTERNS:
        for m in rx.finditer(sentence):
            for span, value, phrase in _counts(rx, m, sentence):
                if any(span[0] < e and s < span[1] for s, e in spans):
                    continue
                side = _side(phrase, actors, country, main_rebel)
                by_side[side] = by_side.get(side, 0) + value
                spans.append(span)
                values.append(value)
    total = sum(by_side.values()) if by_side else None
    return Fatalities(total, by_side, tuple(spans), tuple(values))


def _counts(rx, m: re.Match[str], sentence: str):
    """(span, value, phrase) for a match and the counts listed after it ("killing five
    soldiers and 12 militants"); none for a year, a wounded count or a huge figure."""
    value = number_value(m.group("num"))
    if value is None or value > 100_000 or _is_year(m.group("num")):
        return
    if re.search(r"\b(?:how|no)\s+$", sentence[:m.start("num")], re.IGNORECASE):
        return   # "how many were killed": a question; "no one was killed": none
    if rx is FATALITY_PATTERNS[0] and WOUNDED_AFTER.match(sentence[m.end():]) and "dead" not in m.group(0):
        return
    yield (m.start(), m.end()), value, m.group(0)
    if rx is not FATALITY_PATTERNS[0]:
        return
    end = m.end()
    while (more := LISTED_COUNT.match(sentence[end:])) is not None:
        extra = number_value(more.group("num"))
        if extra is None or _is_year(more.group("num")) or WOUNDED_AFTER.match(sentence[end + more.end():]):
            return
        yield (end + more.start("num"), end + more.end()), extra, more.group(0)
        end += more.end()


def _is_year(num: str) -> bool:
    return num.isdigit() and len(num) == 4 and num.startswith(("19", "20"))


def _side(phrase: str, actors: ActorDictionary, country: str | None, main_rebel: str | None) -> str:
    if re.search(r"\bboth sides\b", phrase, re.IGNORECASE):
        return "both sides"
    found = actors.find(phrase)
    if found:
        return resolve_actor(found[0][2], country, main_rebel)
    return "unknown"
