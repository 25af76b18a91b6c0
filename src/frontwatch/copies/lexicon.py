"""Word lists for copy detection (immutable constants, English news)."""
from __future__ import annotations

# Function words: they carry no evidence that two sentences say the same thing.
STOPWORDS: frozenset[str] = frozenset("""
a about above after again against all also although am among an and any are as at be
because been before being below between both but by can could did do does doing down
during each either else even ever every few for from further had has have having he her
here hers herself him himself his how however i if in into is it its itself just least
less let like many may me might more most much must my myself neither no nor not now of
off often on once one only or other others our ours ourselves out over own per quite
rather said same says she should since so some still such than that the their theirs them
themselves then there these they this those though through thus to too under until up
upon us very was we were what when where whether which while who whom whose why will with
within without would yet you your yours yourself yourselves s t according told say saying
""".split())

# Words often capitalized inside a sentence that are not names of anything: titles before
# a name, weekdays (every story of an event says "on Sunday"), and web-page chrome.
COMMON_CAPITALIZED: frozenset[str] = frozenset("""
mr mrs ms dr sir president minister prime secretary general colonel commander spokesman
spokeswoman spokesperson governor chief deputy senior foreign defence defense interior
monday tuesday wednesday thursday friday saturday sunday
read also more share comments comment newsletter subscribe advertisement loading video
photo photos click here related
""".split())
