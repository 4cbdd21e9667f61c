"""Quotes of one article: marked quotes, reported speech and stripped marks, put together.

1. Reported speech is read from the parse (:mod:`.reported`), with the
   paragraph labels of headlines and interviews (:mod:`.labelled`) and the
   nominal cues outside any verbal quote (:mod:`.nominal`).
2. Each quoted stretch (:mod:`.direct`) joins the cue whose content it is
   (``"We will win," he said``: the parse content lies inside the marks), or
   the cue clause right next to it (``he said: "..."``, ``"...", said X``);
   an interrupted quote (``"A," he said, "B."``) becomes one quote of two
   segments.  A quoted fragment inside a longer reported content makes that
   quote ``mixed``.
3. A quoted stretch with no cue (five words or more; shorter ones are scare
   quotes and titles) takes the speaker of the quote just before it (same or
   previous sentence), else of the direct quote just after it, with a lower
   confidence; with neither it stays a quote without a speaker.
4. In degraded text, quotes whose content reads as direct speech are
   ``marks-stripped`` and extend over neighbouring sentences of the same
   rhetoric (:mod:`.stripped`).
5. Speakers are resolved in text order (:mod:`.speakers`), quotes inside
   other quotes after the quotes that hold them.
"""

from __future__ import annotations

from bisect import bisect_right

import numpy as np
from spacy.tokens import Doc

from dateline.attribution.claims import read_certainty
from dateline.attribution.cues import MIN_UNCUED_QUOTE_WORDS
from dateline.attribution.direct import MarkedQuote, find_marked_quotes, word_count
from dateline.attribution.labelled import find_labelled
from dateline.attribution.nominal import find_nominal
from dateline.attribution.reported import Found, find_reported
from dateline.attribution.speakers import EntityIndex, SpeakerResolver, index_entities
from dateline.attribution.stripped import continuations, mark_stripped, token_span
from dateline.normalize import NormalizedText
from dateline.schema import Entity, Quote, QuoteKind, Sentence, Span

#: Characters that open or close a quotation.
QUOTE_CHARACTERS = frozenset("\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e`")
#: Share of a reported content that must lie inside quote marks to make the quote direct.
DIRECT_SHARE = 0.6
#: Confidence of a quote by how it was found.
CONFIDENCE_UNCUED = {"previous": 0.75, "next": 0.6, None: 0.5}
KINDS = {"direct": QuoteKind.DIRECT, "stripped": QuoteKind.STRIPPED, "indirect": QuoteKind.INDIRECT,
         "mixed": QuoteKind.MIXED}


def sentence_bounds(doc: Doc, text: str | None = None) -> list[tuple[int, int]]:
    """Token bounds of the sentences, split again at line breaks.

    The parser sometimes runs a sentence over a paragraph break (a closing
    quote mark, a new line, an opening one); a quote and its cue never do.
    """
    if not len(doc):
        return []
    text = doc.text if text is None else text
    starts = np.flatnonzero(doc.to_array("SENT_START") == 1).tolist()
    if "\n" in text:
        spaces = np.flatnonzero(doc.to_array("IS_SPACE")).tolist()
        starts += [i + 1 for i in spaces if "\n" in doc[i].text and i + 1 < len(doc)]
    starts = sorted(set(starts) | {0})
    return list(zip(starts, [*starts[1:], len(doc)]))


class Article:
    """The parse of one article with its sentence bounds, shared by the attribution steps."""

    def __init__(self, doc: Doc, normalized: NormalizedText, entities: list[Entity],
                 sentences: list[Sentence]):
        self.doc = doc
        self.normalized = normalized
        #: The normalized text (``doc.text`` rebuilds it on every call).
        self.text = normalized.text
        self.bounds = sentence_bounds(doc, self.text)
        self._starts = [s for s, _ in self.bounds]
        self._char_starts = [doc[s].idx for s, _ in self.bounds] if len(doc) else []
        self.entity_list = entities
        self.entities = index_entities(doc, normalized, entities)
        self._record_starts = [s.span.start for s in sentences]

    def sentence_of_token(self, i: int) -> int:
        return max(0, bisect_right(self._starts, i) - 1)

    def sentence_of_char(self, position: int) -> int:
        return max(0, bisect_right(self._char_starts, position) - 1)

    def record_sentence(self, original_start: int) -> int:
        """Index of the Sentence record holding an original offset."""
        return max(0, bisect_right(self._record_starts, original_start) - 1)

    def span(self, start: int, end: int) -> Span:
        a, b = self.normalized.to_original(start, end)
        return Span(start=a, end=b, text=self.normalized.original[a:b])


class _SentenceLookup(list):  # type: ignore[type-arg]
    """``lookup[i]`` is the sentence of token ``i``, computed on demand."""

    def __init__(self, article: Article):
        super().__init__()
        self.article = article

    def __getitem__(self, i):  # type: ignore[no-untyped-def,override]
        return self.article.sentence_of_token(i)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _between_only_punct(text: str, start: int, end: int, closing: bool = False) -> bool:
    """Only punctuation between two offsets; ``closing`` also forbids a paragraph break.

    ``"A," he said. "B."`` is one quote interrupted by its attribution; a quote
    in the next paragraph is a quote of its own, whose speaker is found by
    adjacency.
    """
    between = text[start:end]
    if closing and "\n" in between:
        return False
    return start <= end and not any(c.isalnum() for c in between)


def _speaker_clause(doc: Doc, quote: Found) -> tuple[int, int]:
    """Character extent of a quote's cue and speaker phrase."""
    assert quote.cue is not None
    start, end = quote.cue
    if quote.speaker_tokens is not None:
        first, last = doc[quote.speaker_tokens[0]], doc[quote.speaker_tokens[1] - 1]
        start, end = min(start, first.idx), max(end, last.idx + len(last))
    if quote.clause_end is not None:
        end = max(end, quote.clause_end)
    return start, end


def _attach_marks(article: Article, reported: list[Found], marks: list[MarkedQuote]) -> list[MarkedQuote]:
    """Give each quoted stretch to the cue it belongs to; return the stretches left over."""
    doc, text = article.doc, article.text
    attached: dict[int, list[MarkedQuote]] = {}
    mixed: set[int] = set()
    left: list[MarkedQuote] = []
    for mark in marks:
        inner = mark.inner
        best, best_overlap = None, 0
        for n, quote in enumerate(reported):
            if quote.cue is not None and mark.start <= quote.cue[0] < mark.end:
                continue  # a cue inside the quote is a nested attribution
            overlap = sum(_overlap(s, inner) for s in (quote.segments or [quote.content]))
            if overlap > best_overlap:
                best, best_overlap = n, overlap
        if best is not None:
            quote = reported[best]
            length = sum(s[1] - s[0] for s in (quote.segments or [quote.content]))
            if best_overlap >= DIRECT_SHARE * length or best in attached or \
                    _closes_at_cue(article, quote, mark):
                attached.setdefault(best, []).append(mark)
            else:
                mixed.add(best)
            continue
        neighbour = _adjacent_cue(article, reported, mark, text)
        if neighbour is not None:
            attached.setdefault(neighbour, []).append(mark)
        else:
            left.append(mark)
    for n, quote_marks in attached.items():
        quote = reported[n]
        segments = sorted(m.inner for m in quote_marks)
        quote.kind = "direct"
        quote.content = (segments[0][0], segments[-1][1])
        quote.segments = segments if len(segments) > 1 else []
        quote.content_tokens = None
        quote.sentence = article.sentence_of_char(quote.content[0])
    for n in mixed - set(attached):
        reported[n].kind = "mixed"
    del doc
    return left


def _adjacent_cue(article: Article, reported: list[Found], mark: MarkedQuote, text: str) -> int | None:
    """A cue clause right before or after the marks, with nothing but punctuation between."""
    doc = article.doc
    for n, quote in enumerate(reported):
        if quote.cue is None or quote.construction == "according":
            continue
        start, end = _speaker_clause(doc, quote)
        if start >= mark.end and _between_only_punct(text, mark.end, start, closing=True) \
                and start - mark.end < 4 and not _content_after_cue(quote, text):
            return n
        if end <= mark.start and _between_only_punct(text, end, mark.start, closing=True) \
                and mark.start - end < 4:
            return n
    return None


def _closes_at_cue(article: Article, quote: Found, mark: MarkedQuote) -> bool:
    """Do the marks close right at an inverted cue clause (``..., lamenting: "Q," he said``)?

    The parse may start the content at the sentence start; the quoted words
    just before the speaker clause are what the cue attributes.
    """
    if quote.construction != "inverted" or quote.cue is None or quote.segments:
        return False
    start = _speaker_clause(article.doc, quote)[0]
    return mark.end <= start and _between_only_punct(article.text, mark.end, start) \
        and quote.content[0] < mark.start


def _content_after_cue(quote: Found, text: str) -> bool:
    """Has the cue a content of its own after it (``X said the plan failed``)?

    A quote that closes just before ``X said the plan failed`` is not that
    cue's: the cue already says what was said.
    """
    if quote.cue is None or quote.construction not in ("complement", "colon", "object") \
            or quote.content[0] < quote.cue[1]:
        return False
    # '"A," he said, "but B."': the content after the cue is quoted too; one interrupted quote.
    return not any(c in QUOTE_CHARACTERS for c in text[quote.cue[1]:quote.content[0]])


def _follows(article: Article, previous: Found, mark: MarkedQuote, sentence: int) -> bool:
    """Does ``mark`` come right after ``previous`` (its clause, then at most one sentence)?"""
    end = previous.content[1]
    if previous.cue is not None and previous.cue[1] <= mark.start:
        end = max(end, _speaker_clause(article.doc, previous)[1])
    if end > mark.start:
        return False
    if _between_only_punct(article.text, end, mark.start):
        return True
    return article.sentence_of_char(max(0, end - 1)) >= sentence - 1


def _uncued(article: Article, quotes: list[Found], marks: list[MarkedQuote]) -> list[Found]:
    """Quoted stretches with no cue: long enough, they take a neighbouring quote's speaker."""
    text = article.text
    out: list[Found] = []
    ordered = sorted(quotes, key=lambda q: q.content[0])
    for mark in marks:
        if word_count(text[mark.inner_start:mark.inner_end]) < MIN_UNCUED_QUOTE_WORDS:
            continue
        if any(q.content[0] <= mark.inner_start and mark.inner_end <= q.content[1] for q in quotes):
            continue
        sentence = article.sentence_of_char(mark.inner_start)
        last_sentence = article.sentence_of_char(max(mark.inner_start, mark.inner_end - 1))
        previous = sorted((q for q in ordered + out if q.content[1] <= mark.start and q.cue is not None),
                          key=lambda q: q.content[1])
        following = [q for q in ordered if q.content[0] >= mark.end and q.cue is not None]
        source, how = None, None
        if previous and _follows(article, previous[-1], mark, sentence):
            source, how = previous[-1], "previous"
        elif following and following[0].kind == "direct" and \
                article.sentence_of_char(following[0].content[0]) <= last_sentence + 1:
            source, how = following[0], "next"
        found = Found(content=mark.inner, kind="direct", sentence=sentence,
                      confidence=CONFIDENCE_UNCUED[how], construction="marks")
        if source is not None:
            found.inherits = source
            if how == "previous" and source.kind == "direct":
                # "A," he said. "B." -- one attribution, as PolNeAR annotates it.
                found.cue, found.verb, found.cue_token = source.cue, source.verb, source.cue_token
        out.append(found)
    return out


def _resolve_speakers(article: Article, quotes: list[Found]) -> None:
    resolver = SpeakerResolver(article.doc, article.normalized, article.entities,
                               _SentenceLookup(article))
    own = [q for q in quotes if q.inherits is None]

    def enclosing(quote: Found) -> list[Found]:
        if quote.cue is None:
            return []
        return [o for o in own if o is not quote and o.content[0] <= quote.cue[0] < o.content[1]]

    holders = {id(q): enclosing(q) for q in own}
    ordered = sorted(own, key=lambda q: (bool(holders[id(q)]), q.cue[0] if q.cue else q.content[0]))
    for quote in ordered:
        quote.speaker = resolver.resolve(quote, holders[id(quote)])
        resolver.resolved.append(quote)
        resolver.resolved.sort(key=lambda q: q.cue[0] if q.cue else q.content[0])
    for quote in sorted([q for q in quotes if q.inherits is not None], key=lambda q: q.content[0]):
        anchor = quote.inherits
        assert anchor is not None
        if anchor.speaker is not None:
            quote.speaker = resolver.adjacent(anchor.speaker, quote.confidence)  # type: ignore[arg-type]


def _outside(nominal: list[Found], reported: list[Found]) -> list[Found]:
    """Nominal attributions whose cue is not inside a verbal one's content or cue clause.

    ``he voiced his concern that ...``: the verb's quote already holds the noun's.
    """
    kept = []
    for quote in nominal:
        assert quote.cue is not None
        if any(r.content[0] <= quote.cue[0] < r.content[1] or _overlap(r.content, quote.content) > 0
               for r in reported):
            continue
        kept.append(quote)
    return kept


def _drop_duplicates(quotes: list[Found]) -> list[Found]:
    """One quote per content: two cues read to the same content keep the first."""
    seen: set[tuple[int, int]] = set()
    out = []
    for quote in sorted(quotes, key=lambda q: (q.content, q.cue or (0, 0))):
        if quote.content in seen:
            continue
        seen.add(quote.content)
        out.append(quote)
    return out


def collect(doc: Doc, normalized: NormalizedText, entities: list[Entity],
            sentences: list[Sentence]) -> tuple[Article, list[Found]]:
    """Every quote of the article as :class:`Found`, speakers resolved."""
    article = Article(doc, normalized, entities, sentences)
    reported = find_reported(doc, article.bounds)
    reported += find_labelled(doc, article.bounds)
    reported += _outside(find_nominal(doc, article.bounds), reported)
    marks = find_marked_quotes(article.text)
    left = _attach_marks(article, reported, marks) if marks else []
    # A bare cue beside quote marks is kept only if the marks joined it.
    reported = [q for q in reported if q.construction != "bare" or q.kind == "direct"]
    quotes = _drop_duplicates(reported)
    quotes += _uncued(article, quotes, left)
    if normalized.degraded:
        mark_stripped(doc, quotes)
        cue_sentences = {article.sentence_of_token(q.cue_token) for q in quotes if q.cue_token is not None}
        quotes += continuations(doc, quotes, article.bounds, cue_sentences)
    _resolve_speakers(article, quotes)
    quotes.sort(key=lambda q: (q.content[0], q.content[1]))
    return article, quotes


def to_records(article: Article, quotes: list[Found]) -> list[Quote]:
    """The quotes as records, spans in the original text."""
    records = []
    for number, quote in enumerate(quotes, start=1):
        tokens = quote.content_tokens or token_span(article.doc, quote.content)
        sourced = quote.speaker is not None
        certainty = read_certainty(article.doc, *tokens, quote.verb, sourced).certainty if tokens else None
        content = article.span(*quote.content)
        record = Quote(
            id=f"Q{number}",
            kind=KINDS[quote.kind],
            content=content,
            segments=[article.span(*s) for s in quote.segments],
            cue=article.span(*quote.cue) if quote.cue is not None else None,
            verb=quote.verb,
            speaker=quote.speaker,  # type: ignore[arg-type]
            sentence=article.record_sentence(content.start),
            confidence=round(quote.confidence, 3),
        )
        if certainty is not None:
            record.certainty = certainty
        records.append(record)
    return records


def find_quotes(doc: Doc, normalized: NormalizedText, entities: list[Entity],
                sentences: list[Sentence]) -> list[Quote]:
    """The quotes of one parsed article, spans in the original text."""
    article, quotes = collect(doc, normalized, entities, sentences)
    return to_records(article, quotes)


__all__ = ["EntityIndex", "collect", "find_quotes", "to_records"]
