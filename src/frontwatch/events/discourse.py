"""What the rest of an article decides about a mention: a restatement takes the day the
article gives its event elsewhere, a headline's "sweep into X" is the capture the story
tells, and a violent event told twice (lead and later paragraph, "the toll rose to ...",
"four soldiers were killed there") is one mention."""
from __future__ import annotations

from dataclasses import replace

from frontwatch.events.gold import VIOLENT_KINDS
from frontwatch.events.model import EventMention
from frontwatch.events.ontology import CONTROL_KINDS, EVENT_FACTUALITY, types_of
from frontwatch.places.fold import fold_key

# A place-less violent mention this many sentences after a placed one of the same type
# ("He says four soldiers were killed there") tells that event's dead.
FOLLOW_UP_SENTENCES = 2


def restated(mentions: list[EventMention]) -> list[EventMention]:
    """The article's mentions with restatements dated, violent repeats merged and the sides
    of a withdrawal and its takeover paired. An entry and the capture that follows it stay
    two events, as the seeds' gold records them ("entered Lyman", then "retook Lyman")."""
    return merged_violent(dated_by_article(paired_sides(mentions)))


# A withdrawal and a takeover of one place this many sentences apart tell one handover.
HANDOVER_SENTENCES = 2
TAKEOVERS = ("captured", "recaptured", "entered", "surrendered")


def paired_sides(mentions: list[EventMention]) -> list[EventMention]:
    """"Government troops pulled out of Deir ez-Zor, and the SDF moved in and took control":
    the side that left is the one the takeover took the place from, and the side that took
    it over is the one the withdrawal left it to (not the main armed group of the article)."""
    out = list(mentions)
    for i, m in enumerate(out):
        if m.kind != "withdrew" or m.place is None:
            continue
        takeover = next((o for o in out if o.kind in TAKEOVERS and o.place is not None and _same_place(m, o)
                         and abs(o.sentence_index - m.sentence_index) <= HANDOVER_SENTENCES
                         and o.new_controller and o.new_controller != m.previous_controller), None)
        if takeover is None:
            continue
        out[i] = replace(m, new_controller=takeover.new_controller, actor2=takeover.new_controller)
        j = out.index(takeover)
        if takeover.previous_controller is None and m.previous_controller:
            out[j] = replace(takeover, previous_controller=m.previous_controller,
                             actor2=takeover.actor2 or m.previous_controller)
    return out


def _same_event(a: EventMention, b: EventMention) -> bool:
    """Two mentions of one event: same place, and the same kind and new controller (a
    control change) or the same ACLED type (a violent event)."""
    if a.place is None or b.place is None:
        return False
    if a.kind in VIOLENT_KINDS or b.kind in VIOLENT_KINDS:
        return a.event_type == b.event_type and _same_place(a, b)
    return a.kind == b.kind and a.new_controller == b.new_controller and _same_place(a, b)


def _headline_entry_as_capture(m: EventMention, mentions: list[EventMention]) -> EventMention:
    """A headline's "sweep into X" over a story that reports X captured, and no entry
    apart from that, is the capture told in few words."""
    if m.kind != "entered" or m.evidence.get("field") != "title" or m.date_basis != "publication":
        return m
    body = [o for o in mentions if o.evidence.get("field") == "text"]
    if any(_same_event(m, o) for o in body):
        return m
    event_type, sub_type = types_of("captured")
    as_capture = replace(m, kind="captured", event_type=event_type, sub_event_type=sub_type)
    return as_capture if any(_same_event(as_capture, o) for o in body) else m


def _headline_place_from_body(m: EventMention, mentions: list[EventMention]) -> EventMention:
    """"Army retakes Dawlatabad" over "retook Dawlatabad district": the headline's place is
    the one the story resolves more precisely."""
    if m.evidence.get("field") != "title" or m.place is None:
        return m
    body = next((o for o in mentions if o.evidence.get("field") == "text" and o.kind == m.kind and o.place
                 and o.place.id != m.place.id and fold_key(o.place.name) == fold_key(m.place.name)), None)
    return replace(m, place=body.place) if body else m


def dated_by_article(mentions: list[EventMention]) -> list[EventMention]:
    """A mention dated only by the publication day ("Zaranj falls" in a headline, "the fall
    of the city" in a later paragraph) restates an event the article dates elsewhere: it
    takes the latest day the article gives that same event, on or before publication."""
    out = []
    for m in mentions:
        m = _headline_place_from_body(_headline_entry_as_capture(m, mentions), mentions)
        if (m.kind in CONTROL_KINDS or m.kind in VIOLENT_KINDS) and m.date_basis == "publication" and m.date:
            dated = [o for o in mentions if o is not m and _same_event(m, o) and o.date
                     and o.date_precision == "day" and o.date_basis in {"explicit", "relative"}
                     and o.date <= m.date]
            if dated:
                best = max(dated, key=lambda o: o.date)
                m = replace(m, date=best.date, date_precision=best.date_precision, date_basis=best.date_basis)
        out.append(m)
    return out


def merged_violent(mentions: list[EventMention]) -> list[EventMention]:
    """One mention per violent event of the article: a repeat of a placed event (same
    type, place and day), and a follow-up just after it that gives no day of its own ("The
    toll rose to 30", "Four worshippers were killed"), go into it; so does the headline
    when the story tells the event. Its toll is the highest the article gives (tolls rise
    as bodies are counted)."""
    out: list[EventMention] = []
    body = [m for m in mentions if _counted_violent(m) and m.evidence.get("field") == "text"]
    for m in mentions:
        if _counted_violent(m) and m.evidence.get("field") == "title" and \
                any(o.event_type == m.event_type for o in body):
            continue   # the headline tells in few words what the story tells
        target = _told_before(m, out) if _counted_violent(m) else None
        if target is None:
            out.append(m)
            continue
        i = out.index(target)
        toll = max((x for x in (target.fatalities, m.fatalities) if x is not None), default=None)
        out[i] = replace(target, fatalities=toll,
                         fatalities_by_side=target.fatalities_by_side if toll == target.fatalities else m.fatalities_by_side)
    return out


def _counted_violent(m: EventMention) -> bool:
    return m.kind in VIOLENT_KINDS and m.factuality in EVENT_FACTUALITY


def _told_before(m: EventMention, earlier: list[EventMention]) -> EventMention | None:
    violent = [o for o in earlier if _counted_violent(o) and o.evidence.get("field") == "text"]
    own_day = m.date_basis in {"explicit", "relative"}
    for o in reversed(violent):
        near = 0 <= m.sentence_index - o.sentence_index <= FOLLOW_UP_SENTENCES
        if near and not own_day and (m.place is None or (o.place is not None and _same_place(m, o))):
            return o   # an elaboration: no day, no other place of its own
        if o.event_type != m.event_type:
            continue
        if m.place is None and o.place is not None and near and m.date == o.date:
            return o
        if m.place is not None and o.place is not None and _same_place(m, o) and m.date == o.date:
            return o
    return None


def _same_place(a: EventMention, b: EventMention) -> bool:
    return (a.place.id is not None and a.place.id == b.place.id) or fold_key(a.place.name) == fold_key(b.place.name)
