"""The clusterer's view of an article: web addresses give no names."""

from __future__ import annotations

from dateline.schema import (Analysis, ArticleMeta, Entity, EntityType, Mention, Normalization, Place,
                             PlaceMention, Span)
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


def _spans(text: str) -> list[str]:
    return [text[start:end] for start, end in url_spans(text)]


def test_a_published_address_ends_where_the_sentence_goes_on():
    assert _spans("Details at www.lakeport.gov. Tromsø officials said the pier reopens.") == ["www.lakeport.gov"]
    assert _spans("From http://tidewater-news.com: Okafor said the ferry sank.") == ["http://tidewater-news.com"]
    assert _spans("Read https://news.example.org/2021/ferry.html.") == ["https://news.example.org/2021/ferry.html"]
    # a lowercase word after the mark, a port, a query: still no space inside the address
    assert _spans("at http://a.example.com:8080/x?id=7&p=2 today") == ["http://a.example.com:8080/x?id=7&p=2"]
    assert _spans("see www.a.com. then leave") == ["www.a.com."]
    assert _spans("only www. Ferry words") == []


def test_a_tokenized_address_is_found_whole():
    degraded = "http : / / www . example . com / news / story"
    assert _spans(degraded) == [degraded]
    mixed = "http : / / a . example . com / item . jsp ? id=4412&kind _ id=7&x= . jsp&c _ id=9 / #axzz2gQ\nnext"
    assert _spans(mixed) == [mixed.split("\n")[0]]
    # tokenized text keeps its case: a capitalized word after " . " is the next sentence
    assert _spans("www . lakeport . gov . Tromsø officials said") == ["www . lakeport . gov"]
    assert _spans("http : / / a . com / x . html# . UlFH6xaKwlI") == ["http : / / a . com / x . html# . UlFH6xaKwlI"]


def test_a_name_after_a_published_address_still_counts():
    text = "Details at www.lakeport.gov. Tromsø officials said Okafor led the rescue. From http://a.com: Okafor said."
    okafor = Entity(id="E1", type=EntityType.PERSON, name="Okafor",
                    mentions=[_mention(text, "Okafor"), _mention(text, "Okafor", text.index("a.com"))])
    tromso = Place(id="P1", name="Tromsø", geonames_id=3133880, feature_class="P", feature_code="PPLA",
                   latitude=69.65, longitude=18.96, confidence=0.9, focus=True,
                   mentions=[PlaceMention(span=_mention(text, "Tromsø").span, sentence=0)])
    analysis = Analysis(article=ArticleMeta(id="p2"), text=text, entities=[okafor], places=[tromso],
                        normalization=Normalization(degraded=False, text=text))
    features = article_features(analysis)
    assert dict(features.bags["ents"]) == {"p:okafor": 2}
    assert dict(features.bags["places"]) == {"3133880": 1} and features.site == (69.65, 18.96)
