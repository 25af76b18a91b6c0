"""What one article tells about itself: its country, its main armed group, its places, and
what the sentences read so far point back to ("it", "the city", "they")."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from frontwatch.events.actors import ActorDictionary, REBELS, GOVERNMENT, is_state, resolve_actor
from frontwatch.events.dates import ResolvedDate
from frontwatch.events.model import MentionPlace


@dataclass
class PlaceHit:
    start: int
    end: int
    text: str
    place: MentionPlace

    @property
    def level(self) -> str | None:
        return self.place.level


@dataclass
class ArticleContext:
    article_id: str
    published: date | None
    actors: ActorDictionary
    places: list[PlaceHit]
    country: str | None = None
    main_rebel: str | None = None
    title_end: int = 0                      # chars of the doc that belong to the headline
    last_actor: str | None = None
    anchor: ResolvedDate | None = None      # the last date a mention gave
    extra: dict = field(default_factory=dict)

    def resolve(self, alias_actor) -> str:
        return resolve_actor(alias_actor, self.country, self.main_rebel)

    def is_state(self, name: str | None) -> bool:
        return is_state(name, self.actors)

    def opponent(self, name: str | None) -> str:
        if name and self.is_state(name):
            return self.main_rebel or resolve_actor(self.actors.aliases["insurgents"], self.country, None)
        return resolve_actor(self.actors.aliases["government forces"], self.country, None)


def place_from(mention) -> MentionPlace:
    return MentionPlace(name=mention.name or mention.text, id=mention.id, level=mention.level,
                        admin1=mention.admin1, admin2=mention.admin2, country=mention.country,
                        lat=mention.lat, lon=mention.lon, precision=mention.precision,
                        feature=mention.feature)


def usable_places(mentions, actors: ActorDictionary) -> list[PlaceHit]:
    """Resolved place mentions that are not actor names ("Taliban") or bare words."""
    hits = []
    for m in mentions:
        if m.id is None or actors.lookup(m.text) or not m.text[:1].isupper():
            continue
        hits.append(PlaceHit(m.start, m.end, m.text, place_from(m)))
    return hits


def focus_country(hits: list[PlaceHit]) -> str | None:
    counts = Counter(h.place.country for h in hits if h.place.country)
    return counts.most_common(1)[0][0] if counts else None


def main_rebel_of(text: str, actors: ActorDictionary) -> str | None:
    """The non-state armed group the article names most often."""
    counts = Counter(a.name for _, _, a in actors.find(text)
                     if a.inter in (2, 3, 4) and a.name not in {REBELS, GOVERNMENT})
    return counts.most_common(1)[0][0] if counts else None


def keep_focus_places(hits: list[PlaceHit], country: str | None) -> list[PlaceHit]:
    """Places abroad matter little for control events of one country's war; a settlement
    far away that shares a name with a common word is more likely a misreading."""
    if country is None:
        return hits
    return [h for h in hits if h.place.country == country or h.level == "country"]
