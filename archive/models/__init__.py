from archive.models.annotations import (
    Mention,
    Quote,
    QuoteMode,
    ReviewStatus,
    TaggedQuote,
    TextPart,
)
from archive.models.articles import Article, ArticleContributor, ArticleStatus
from archive.models.entities import (
    Alias,
    AliasKind,
    Entity,
    EntityKind,
    EntitySource,
    Event,
    EventParticipant,
    Identifier,
    Membership,
    Organization,
    Person,
    Place,
)
from archive.models.redirects import EntityRedirect, TagRedirect
from archive.models.search import FacetKind, SearchEntry, SearchFacet, SearchKind, SearchName
from archive.models.suggestions import (
    ArticleImport,
    EntitySuggestion,
    HeaderField,
    SuggestedKind,
)
from archive.models.summaries import FACT_MODELS, FIGURE_MODELS

__all__ = [
    "Alias",
    "AliasKind",
    "Article",
    "ArticleContributor",
    "ArticleImport",
    "ArticleStatus",
    "Entity",
    "EntityKind",
    "EntityRedirect",
    "EntitySource",
    "EntitySuggestion",
    "FACT_MODELS",
    "FIGURE_MODELS",
    "Event",
    "EventParticipant",
    "FacetKind",
    "HeaderField",
    "Identifier",
    "Membership",
    "Mention",
    "Organization",
    "Person",
    "Place",
    "Quote",
    "QuoteMode",
    "ReviewStatus",
    "SearchEntry",
    "SearchFacet",
    "SearchKind",
    "SearchName",
    "SuggestedKind",
    "TagRedirect",
    "TaggedQuote",
    "TextPart",
]
