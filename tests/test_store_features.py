"""The clusterer's view of an article: web addresses give no names."""

from __future__ import annotations

from dateline.schema import Analysis, ArticleMeta, Entity, EntityType, Mention, Normalization, Span
from dateline.store.features import article_features, url_spans

# Our own page: a scraped report opening with its address, tokenized as in the degraded corpus.
PAGE = ("http : / / www . harbourgazette . com / news / mendez - ferry - rescue / 4412 /\n"
        "Ferry crew rescued off the cape\n"
        "Captain Mendez said all eleven crew were lifted from the ferry by helicopter .")


def _mention(text: str, word: str, start_at: int = 0) -> Mention:
    start = text.index(word, start_at)
    return Mention(span=Span(start=start, end=start + len(word), text=word), sentence=0,
                   type=EntityType.PERSON, confidence=0.9)


def test_urls_are_found_published_and_tokenized_but_not_across_lines():
    published = "See https://example.org/a-b/c.html?x=1 for more"
    (start, end), = url_spans(published)
    assert published[start:end] == "https://example.org/a-b/c.html?x=1"
    (start, end), = url_spans(PAGE)
    assert PAGE[start:end].endswith("4412 /") and "\n" not in PAGE[start:end]
    assert url_spans("no address here, only www as a word") == []


def test_names_read_inside_a_web_address_do_not_count():
    host = Entity(id="E1", type=EntityType.PERSON, name="harbourgazette",
                  mentions=[_mention(PAGE, "harbourgazette")])
    captain = Entity(id="E2", type=EntityType.PERSON, name="Mendez",
                     mentions=[_mention(PAGE, "mendez"), _mention(PAGE, "Mendez")])
    analysis = Analysis(article=ArticleMeta(id="p1"), text=PAGE, entities=[host, captain],
                        normalization=Normalization(degraded=True, text=PAGE))
    features = article_features(analysis)
    assert features.persons == {"mendez"} and features.top_person == "mendez"
    assert dict(features.bags["ents"]) == {"p:mendez": 1}  # its slug mention does not count either
