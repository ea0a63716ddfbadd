"""The connections diagram: an entity in the middle, the entities it is linked to around it.

Laid out here, drawn by templates/archive/_connections.html as SVG: no JavaScript. Links come
from memberships, quotes (who speaks about whom) and co-mentions in the same articles.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from archive.templatetags.archive_tags import plural

WIDTH, HEIGHT = 820, 440
RADIUS_X, RADIUS_Y = 215, 160
MAX_NEIGHBOURS = 12
LABEL_WIDTH = 22  # characters per label line

# Why two entities are linked, in the order a reader most wants to see them.
MEMBERSHIP, QUOTES, MENTIONS = "membership", "quotes", "co-mentions"


@dataclass
class Neighbour:
    entity: object
    reasons: dict = field(default_factory=dict)  # reason -> label with its count
    weight: int = 0
    closeness: tuple = (0, 0, 0)
    x: float = 0
    y: float = 0
    label_x: float = 0
    label_y: float = 0
    anchor: str = "middle"

    @property
    def lines(self) -> list[str]:
        """The name on at most two lines, so labels neither overlap nor lose what tells two
        similar names apart (an organization and the event of its founding)."""
        return wrap(self.entity.name)

    @property
    def main_reason(self) -> str:
        for reason in (MEMBERSHIP, QUOTES, MENTIONS):
            if reason in self.reasons:
                return reason
        return MENTIONS

    @property
    def description(self) -> str:
        return "; ".join(self.reasons.values())


@dataclass
class Diagram:
    centre: object
    neighbours: list
    width: int = WIDTH
    height: int = HEIGHT
    cx: float = WIDTH / 2
    cy: float = HEIGHT / 2


def wrap(name: str, width: int = LABEL_WIDTH) -> list[str]:
    lines: list[str] = []
    for word in name.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    if len(lines) > 2:
        lines = [lines[0], " ".join(lines[1:])]
    if len(lines[-1]) > width:
        lines[-1] = lines[-1][: width - 1].rstrip() + "…"
    return lines


def times(n: int) -> str:
    return {1: "once", 2: "twice"}.get(n, f"{n} times")


def closeness(centre, other) -> list[str]:
    """Why `other` (from reading.co_mentioned) ranks where it does among those named with
    `centre`, in words, in the order of the ranking: articles shared, then the quotes
    linking them (about or to the other, or answering the other's), the paragraphs naming
    both, how often the other is named in the shared articles."""
    link = other.link
    reasons = [f"{plural(link.together, 'article,articles')} together"]
    theirs = link.quotes - link.quotes_by
    if link.quotes_by:
        what = plural(link.quotes_by, "quote,quotes")
        reasons.append(f"{centre.name} spoke about or to them in {what}")
    if theirs:
        reasons.append(f"spoke about or to {centre.name} in {plural(theirs, 'quote,quotes')}")
    if link.paragraphs:
        reasons.append(f"in the same paragraph {times(link.paragraphs)}")
    if link.mentions:
        where = "the article" if link.together == 1 else "those articles"
        reasons.append(f"named {times(link.mentions)} in {where}")
    return reasons


def appears_with(centre, others, memberships=()):
    """The "Appears most with" list: each entity with `reasons` (closeness), and first among
    them the role that links them, where the page has it (`memberships`: entity, role)."""
    roles = {entity.pk: role or "member" for entity, role in memberships}
    for other in others:
        other.reasons = closeness(centre, other)
        if other.pk in roles:
            other.reasons.insert(0, roles[other.pk])
    return others


def build(centre, memberships=(), spoke_about=(), spoken_about_by=(), co_mentioned=()):
    """`memberships`: (entity, role) pairs; the others: entities annotated with a count
    (`quotes` or `together`), as the EntityQuerySet methods return them."""
    found: dict[int, Neighbour] = {}

    def add(entity, reason, label, weight):
        n = found.setdefault(entity.pk, Neighbour(entity))
        n.reasons[reason] = (n.reasons[reason] + "; " + label) if reason in n.reasons else label
        n.weight += weight

    for entity, role in memberships:
        add(entity, MEMBERSHIP, role or "member", 10)
    for entity in spoke_about:
        label = f"subject of {plural(entity.quotes, 'quote,quotes')} by {centre.name}"
        add(entity, QUOTES, label, 3 * entity.quotes)
    for entity in spoken_about_by:
        label = f"spoke about {centre.name} in {plural(entity.quotes, 'quote,quotes')}"
        add(entity, QUOTES, label, 3 * entity.quotes)
    for entity in co_mentioned:
        together = entity.together
        label = f"named together in {plural(together, 'article,articles')}"
        link = getattr(entity, "link", None)  # the CoMention row, from reading.co_mentioned
        if link is not None and link.paragraphs:
            label += f", in the same paragraph {times(link.paragraphs)}"
        add(entity, MENTIONS, label, together)
        if link is not None:
            # Ties go to the more closely linked (the order co_mentioned returns them in).
            found[entity.pk].closeness = (link.quotes, link.paragraphs, link.mentions)

    chosen = sorted(
        found.values(),
        key=lambda n: (-n.weight, *(-x for x in n.closeness), n.entity.name),
    )[:MAX_NEIGHBOURS]
    count = len(chosen)
    for i, n in enumerate(chosen):
        angle = -math.pi / 2 + 2 * math.pi * i / max(count, 1)
        n.x = round(WIDTH / 2 + RADIUS_X * math.cos(angle), 1)
        n.y = round(HEIGHT / 2 + RADIUS_Y * math.sin(angle), 1)
        cos = math.cos(angle)
        n.anchor = "start" if cos > 0.3 else "end" if cos < -0.3 else "middle"
        n.label_x = round(n.x + (10 if n.anchor == "start" else -10 if n.anchor == "end" else 0), 1)
        sin = math.sin(angle)
        # Labels go outwards: below the nodes at the bottom, above those at the top.
        lines = len(n.lines)
        below, above = 24, -14 - 17 * (lines - 1)
        n.label_y = round(
            n.y + (below if sin > 0.6 else above if sin < -0.6 else 5 - 8 * (lines - 1)), 1
        )
    return Diagram(centre, chosen)
