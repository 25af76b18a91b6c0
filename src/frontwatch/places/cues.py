"""Words around a name that say what kind of place it is, or that it is a place at all."""
from __future__ import annotations

COUNTRY = "country"
ADMIN1 = "admin1"
ADMIN2 = "admin2"
PLACE = "populated place"
SITE = "site"

# Feature cues: "Kunduz province", "the city of Kunduz", "Imam Sahib district".
CUE_LEVELS: dict[str, str] = {
    "province": ADMIN1, "provinces": ADMIN1, "oblast": ADMIN1, "oblasts": ADMIN1,
    "governorate": ADMIN1, "governorates": ADMIN1, "region": ADMIN1, "regions": ADMIN1,
    "state": ADMIN1, "states": ADMIN1, "wilayat": ADMIN1, "prefecture": ADMIN1,
    "district": ADMIN2, "districts": ADMIN2, "raion": ADMIN2, "raions": ADMIN2,
    "rayon": ADMIN2, "county": ADMIN2, "township": ADMIN2, "townships": ADMIN2,
    "locality": ADMIN2,
    "city": PLACE, "cities": PLACE, "town": PLACE, "towns": PLACE, "village": PLACE,
    "villages": PLACE, "settlement": PLACE, "settlements": PLACE, "hamlet": PLACE,
    "port": PLACE, "neighbourhood": PLACE, "neighborhood": PLACE, "neighbourhoods": PLACE,
    "neighborhoods": PLACE, "quarter": PLACE, "suburb": PLACE, "suburbs": PLACE, "area": PLACE,
}
PLURAL_CUES = frozenset(w for w in CUE_LEVELS if w.endswith("s") and w[:-1] in CUE_LEVELS)
# "the district of X" yes; "the districts in X": X contains them, one level up.
CONTAINER_OF = {ADMIN2: ADMIN1, PLACE: None, ADMIN1: COUNTRY}
# "the capital of X": X is a province or a country.
CAPITAL_WORDS = frozenset({"capital", "capitals"})
# Words between a cue and the name that do not break the link ("the key northern city of").
CUE_FILLERS = frozenset({
    "the", "key", "northern", "southern", "eastern", "western", "central", "northeastern",
    "northwestern", "southeastern", "southwestern", "strategic", "nearby", "neighbouring",
    "neighboring", "restive", "embattled", "besieged", "frontline", "front-line", "border",
    "important", "major", "small", "remote", "provincial", "northernmost", "southernmost",
})
# Before a name, these make a place reading likely (prepositions and control verbs).
LOCATIVE_WORDS = frozenset({
    "in", "near", "from", "to", "at", "into", "outside", "around", "toward", "towards",
    "across", "between", "of", "via", "through", "inside", "within", "over", "on",
    "captured", "seized", "took", "taken", "entered", "besieged", "overran", "stormed",
    "attacked", "shelled", "bombed", "liberated", "recaptured", "retook", "surrounded",
    "encircled", "reached", "fled", "evacuated", "struck", "hit", "targeted", "enter",
    "capture", "seize", "take", "retake", "besiege", "control", "fall", "fell",
    "borders", "bordering", "including", "like", "neighbouring", "neighboring", "and",
    "held", "holds", "hold", "neared", "nearing", "approached", "approaching", "defended",
    "lost", "abandoned", "occupied", "raided", "pounded", "overrun", "besieging", "shelling",
    "bombing", "capturing", "seizing", "taking", "entering", "storming", "attacking",
})
# Of those, the ones that also take people ("captured Rahim", "Hassan and Karim"): after them
# a name is a place only when the article's focus country, or a large place, bears it.
WEAK_LOCATIVES = frozenset({
    "captured", "seized", "took", "taken", "entered", "besieged", "overran", "stormed",
    "attacked", "shelled", "bombed", "liberated", "surrounded", "encircled", "reached",
    "evacuated", "struck", "hit", "targeted", "enter", "capture", "seize", "take", "besiege",
    "control", "and", "held", "holds", "hold", "neared", "approached", "defended", "lost",
    "abandoned", "raided", "capturing", "seizing", "taking", "entering", "attacking", "like",
})
# Verbs (lemmas) whose object, or passive subject, is most often a place in conflict news:
# "captured Izyum, Balakliia and Kupiansk", "Kupiansk was shelled", "Ghazni fell".
CONFLICT_LEMMAS = frozenset({
    "capture", "seize", "take", "enter", "shell", "storm", "overrun", "besiege", "attack",
    "bomb", "liberate", "recapture", "retake", "surround", "encircle", "reach", "hold",
    "defend", "lose", "abandon", "near", "approach", "strike", "hit", "target", "control",
    "raid", "pound", "evacuate", "occupy", "overrun", "fortify", "bombard", "blockade",
})
# Intransitive verbs whose subject is the place: "Ghazni and Qala-i-Naw fell".
FALL_LEMMAS = frozenset({"fall"})
# Movement verbs whose prepositional object is a place: "advanced on Sennar".
MOVE_LEMMAS = frozenset({"advance", "push", "withdraw", "retreat", "march", "move", "flee",
                         "converge", "close", "press"})
MOVE_PREPOSITIONS = frozenset({"on", "into", "toward", "towards", "from", "to", "upon"})
# Adverbs allowed inside a list of places: "took Bakhmut and later Avdiivka".
LIST_ADVERBS = frozenset({"later", "then", "also", "eventually", "finally", "subsequently"})
# Before a name: the event is near the place, not at it (ACLED precision 2).
NEAR_WORDS = frozenset({"near", "outskirts", "outside", "around", "vicinity", "nearby",
                        "close", "edge", "edges", "approaches"})
# Titles before a name make it a person ("General Kunduz" never, "Mr Herat" never).
PERSON_TITLES = frozenset({
    "mr", "mrs", "ms", "dr", "gen", "general", "president", "minister", "governor",
    "commander", "colonel", "col", "lt", "sgt", "captain", "capt", "sheikh", "mullah",
    "maulvi", "haji", "spokesman", "spokeswoman", "spokesperson", "mayor", "chief",
    "prince", "king", "queen", "sir", "lord", "lady", "senator", "judge", "imam", "leader",
    "marshal", "admiral", "brig", "maj", "major", "journalist", "reporter", "correspondent",
})
# After a name, these make it a person ("Herat said", "Ghani told").
PERSON_VERBS = frozenset({"said", "says", "told", "added", "stated", "tweeted", "wrote",
                          "argued", "claimed", "insisted", "explained", "noted", "announced",
                          "warned", "urged", "denied", "confirmed"})
MONTHS_AND_DAYS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday",
})
# Entity labels that, when they cover more than the name, make it part of another name.
OTHER_NAME_LABELS = frozenset({"PERSON", "ORG", "NORP", "WORK_OF_ART", "EVENT", "LAW",
                               "PRODUCT", "LANGUAGE"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
NUMERIC_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY",
                            "PERCENT"})
# "districts ..., including X": X is one of them.
EXAMPLE_WORDS = frozenset({"including", "includes", "include", "namely", "notably",
                           "especially", "particularly"})
