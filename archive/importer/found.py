"""What linking finds: an entity reference (known or proposed) and its span in the text."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Ref:
    """An entity the article names: a known one (entity_id) or a proposed one (entity_id None)."""

    kind: str
    key: str
    name: str
    entity_id: int | None = None

    @property
    def proposed(self) -> bool:
        return self.entity_id is None


@dataclass
class Found:
    start: int
    end: int
    ref: Ref
    confidence: float
    how: str  # name, variant, alias, surname, acronym, proposed
