"""How sure we are that an event happened, from its independent sources.

Each independent source (a copy cluster counts once) gives the weight of the best
statement it makes: a plain assertion or a dated historical statement 0.5, an attributed
claim 0.4, a hedged report 0.2. Sources combine as independent witnesses,
``1 - prod(1 - w)``: one assertion 0.5, two 0.75, three 0.88. A denial by any source
multiplies the result by 0.7. The weights follow ACLED's practice of trusting a single
credible report while ranking corroborated ones higher; they are judgement, not fitted.
"""
from __future__ import annotations

from collections.abc import Iterable

FACTUALITY_WEIGHT = {"asserted": 0.5, "historical": 0.5, "attributed": 0.4, "uncertain": 0.2}
DENIAL_FACTOR = 0.7
MAX_CONFIDENCE = 0.99


def confidence(best_weights: Iterable[float], denied: bool) -> float:
    doubt = 1.0
    for weight in best_weights:
        doubt *= 1.0 - weight
    value = (1.0 - doubt) * (DENIAL_FACTOR if denied else 1.0)
    return round(min(value, MAX_CONFIDENCE), 2)
