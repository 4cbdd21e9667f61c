"""The words that attribute a statement to a source, and the words that hedge it.

Every list here is a named constant so the rules that use them read as
sentences.  The verbs come from the reporting verbs of news style guides and
from the cues most often annotated in PARC 3.0 / PolNeAR (Pareti 2016;
Newell et al. 2018): ``said`` alone is two thirds of them, ``says``,
``told``, ``according to``, ``wrote``, ``added`` most of the rest.
"""

from __future__ import annotations

#: Verbs of saying and writing: a clause they govern is a statement of their subject.
SPEECH_VERBS = frozenset({
    "say", "tell", "add", "write", "tweet", "post", "announce", "declare", "state", "report",
    "note", "explain", "argue", "claim", "insist", "assert", "contend", "maintain", "stress",
    "emphasize", "emphasise", "warn", "caution", "reply", "respond", "retort", "counter", "recall",
    "predict", "promise", "vow", "pledge", "reveal", "acknowledge", "admit", "concede", "confirm",
    "deny", "allege", "charge", "complain", "comment", "remark", "observe", "testify", "suggest",
    "indicate", "conclude", "agree", "boast", "joke", "quip", "continue", "urge",
    "ask", "estimate", "speculate", "hint", "assure", "inform", "proclaim", "mention", "recount", "shout", "yell", "whisper", "exclaim", "signal", "disclose", "affirm", "reiterate",
    "repeat", "propose", "concur", "lament", "muse", "wonder", "posit",
})
#: Verbs of belief: their clause is what the subject believes, not what it said.
BELIEF_VERBS = frozenset({
    "believe", "think", "feel", "fear", "hope", "expect", "suspect", "doubt", "know", "worry",
    "assume", "guess", "reckon", "understand", "consider", "suppose", "imagine", "figure",
})
#: Verbs by which data or documents attribute: "polls show that ...".
EVIDENCE_VERBS = frozenset({"show", "find", "suggest", "indicate", "reveal", "conclude", "say"})
#: Subjects that make an evidence verb an attribution ("the poll found that").
EVIDENCE_SUBJECTS = frozenset({
    "poll", "polls", "survey", "surveys", "study", "studies", "report", "reports", "data",
    "analysis", "document", "documents", "records", "investigation", "review", "research",
    "statement", "letter", "memo", "filing", "complaint", "audit", "figures", "numbers",
    "polling", "average", "results", "email", "emails", "message", "messages", "video", "videos",
    "footage", "photo", "photos", "photograph", "photographs", "picture", "pictures", "image",
    "images", "tape", "tapes", "recording", "recordings", "transcript", "transcripts", "record",
    "ad", "ads", "chart", "map", "evidence", "testimony", "post", "posts", "tweet", "tweets",
})
#: Verbal acts whose content is their object: "called the plan a disaster",
#: "accused him of lying", "described it as", "talked about the economy".
ACT_VERBS = frozenset({
    "call", "describe", "accuse", "criticize", "criticise", "praise", "blame", "cite", "question",
    "demand", "dismiss", "reject", "defend", "denounce", "condemn", "slam", "blast", "mock",
    "applaud", "tout", "highlight", "echo", "quote", "dub", "label", "brand", "characterize",
    "portray", "refer", "point", "talk", "speak", "discuss", "address", "thank",
    "endorse", "decry", "rail", "lambast", "ridicule", "hail", "credit", "chide", "scold",
    "fault", "threaten", "apologize", "express", "voice", "attack", "challenge", "recommend",
    "reference", "paint", "compare", "lament", "acknowledge", "deny", "urge",
    "warn", "promise", "vow", "propose", "announce", "predict", "ask", "invite", "remind",
    "request", "answer", "imply", "debate", "chant", "recognize", "remember", "promote",
    "outline", "insist", "note",
})
#: Attitudes whose content is their object or infinitive: "wants to give more", "supports Sanders".
STANCE_VERBS = frozenset({
    "want", "seek", "hope", "plan", "intend", "aim", "favor", "favour", "oppose", "support",
    "back", "prefer", "expect", "see", "view", "regard", "fear", "refuse", "decline", "like",
    "welcome", "embrace", "advocate", "push", "press", "argue",
})
#: Adjectives of attitude whose object or clause is what the subject holds or doubts:
#: "critical of the plan", "confident that they will win", "wary of Moscow".
STANCE_ADJECTIVES = frozenset({
    "skeptical", "sceptical", "critical", "supportive", "proud", "wary", "aware", "unaware",
    "confident", "certain", "sure", "unsure", "convinced", "worried", "concerned", "upset",
    "angry", "furious", "happy", "unhappy", "disappointed", "optimistic", "pessimistic", "fond",
    "afraid", "hopeful", "doubtful", "opposed", "suspicious", "dismissive", "mindful", "adamant",
    "insistent", "enthusiastic", "nervous", "frustrated", "pleased", "satisfied", "dissatisfied",
    "outraged", "troubled", "alarmed", "appreciative", "grateful", "ambivalent", "uneasy",
    "cautious", "bullish", "bearish", "receptive", "hostile", "sympathetic",
})
#: Prepositions by which a stance adjective takes its object ("critical of", "worried about").
STANCE_ADJECTIVE_PREPOSITIONS = frozenset({"of", "about", "that", "with", "over", "to", "toward",
                                           "towards", "on", "in"})
#: Words that label a paragraph without attributing it ("Note: ...", "Update: ...").
NON_SOURCE_LABELS = frozenset({"note", "update", "updated", "editor", "correction", "related",
                               "read", "watch", "see", "photo", "photos", "caption", "credit",
                               "credits", "source", "sources", "disclosure", "advertisement",
                               "video", "image", "images", "audio", "listen", "more", "also",
                               "tags", "topics", "file", "warning", "spoiler", "summary",
                               "abstract", "text", "transcript", "background", "context",
                               "clarification", "example", "answer", "question", "total",
                               "subscribe", "share", "follow", "contact", "email", "phone",
                               "address", "date", "time", "location", "where", "when", "price",
                               "cost", "tickets", "delegates", "votes", "seats", "turnout", "score"})
#: Most words a paragraph label may have ("Sen. Bernie Sanders:").
MAX_LABEL_TOKENS = 4

#: Nouns of saying, believing and intending whose clause is their content:
#: "his claim that ...", "the promise to ...", "fears that ...".
CLAUSE_NOUNS = frozenset({
    "statement", "assertion", "argument", "belief", "view", "fear", "hope", "promise",
    "pledge", "vow", "warning", "threat", "suggestion", "insistence", "admission", "denial",
    "doubt", "prediction", "expectation", "assumption", "idea", "notion", "proposal", "plan",
    "decision", "refusal", "request", "demand", "call", "news", "accusation", "charge",
    "conclusion", "finding", "assessment", "impression", "feeling", "concern", "complaint",
    "recognition", "acknowledgment", "acknowledgement", "message", "reminder", "contention",
    "announcement", "declaration", "confirmation", "explanation", "comment", "remark",
    "position", "stance", "opinion", "desire", "willingness", "intention", "goal",
    "advice", "recommendation", "theory", "speculation", "sense", "worry", "worries", "fears",
    "hopes", "concerns", "complaints", "claims", "calls", "demands", "promises", "threats",
})
#: Nouns of stance whose prepositional object is what the stance is about:
#: "criticism of the deal", "support for Sanders", "his opposition to the war".
def _by_preposition(groups: dict[str, tuple[str, ...]]) -> dict[str, frozenset[str]]:
    """Invert ``preposition -> nouns`` into ``noun -> prepositions``."""
    out: dict[str, set[str]] = {}
    for preposition, nouns in groups.items():
        for noun in nouns:
            out.setdefault(noun, set()).add(preposition)
    return {noun: frozenset(prepositions) for noun, prepositions in out.items()}


STANCE_NOUNS: dict[str, frozenset[str]] = _by_preposition({
    "of": ("criticism", "critique", "condemnation", "praise", "endorsement", "rejection",
           "dismissal", "defense", "defence", "denunciation", "mockery", "ridicule"),
    "for": ("support", "praise", "call", "calls", "demand", "demands", "request", "requests",
            "plea", "appeal", "enthusiasm", "admiration", "sympathy", "contempt", "disdain"),
    "to": ("opposition", "objection", "objections", "commitment", "apology"),
    "about": ("complaint", "complaints", "concern", "concerns", "question", "questions", "worry",
              "worries", "fears", "doubts", "warning", "warnings", "comments", "remarks",
              "statement", "statements", "claims"),
    "over": ("complaint", "complaints", "concern", "concerns", "questions", "worries", "fears",
             "doubts"),
    "on": ("position", "stance", "view", "views", "comments", "remarks", "criticism", "attacks",
           "attack"),
})
#: Words that make a prepositional phrase say when, not what ("on Tuesday", "in the morning").
TIME_WORDS = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "morning", "afternoon", "evening", "night", "noon", "midnight", "day",
    "days", "week", "weeks", "weekend", "month", "months", "year", "years", "today", "tonight",
    "yesterday", "tomorrow", "time", "hour", "hours", "minute", "minutes",
})
#: Prepositions that carry the content of an act or stance ("called on X to", "accused X of").
CONTENT_PREPOSITIONS = frozenset({"on", "for", "about", "of", "as", "to", "against", "out", "at",
                                  "with", "over", "into"})
#: All verbs that can be a cue.
CUE_VERBS = SPEECH_VERBS | BELIEF_VERBS | EVIDENCE_VERBS | ACT_VERBS | STANCE_VERBS
#: Cue verbs that need a clause or a colon after them to attribute anything
#: ("continued to fight", "asked for help", "agreed to talks" attribute nothing).
NEEDS_CLAUSE = frozenset({"continue", "agree", "ask", "urge", "know", "understand", "consider",
                          "figure", "imagine", "find", "show", "signal", "feel", "expect", "hope",
                          "conclude", "estimate", "propose", "report"})
#: Passive verbs of regard that hedge with ``as``: "he is seen as a moderate".
REGARD_PASSIVES = frozenset({"see", "view", "regard", "perceive"})
#: Verbs of belief whose content is the subject's belief (certainty ``believed``).
BELIEVED_VERBS = frozenset({"believe", "think", "feel", "suspect", "assume", "reckon", "suppose",
                            "fear", "expect", "guess", "understand", "consider"})

#: Tokens that say a sentence is someone speaking, not the reporter narrating.
FIRST_SECOND_PERSON = frozenset({"i", "me", "my", "mine", "myself", "we", "us", "our", "ours",
                                 "ourselves", "you", "your", "yours", "yourself", "yourselves"})
#: Vocative interjections that open rhetoric ("oh soldiers of the caliphate").
VOCATIVES = frozenset({"oh", "o"})
#: Verbs that can open an imperative sentence of narrative too ("See page 3", "Read more").
NARRATIVE_IMPERATIVES = frozenset({"see", "read", "click", "watch", "follow", "sign", "subscribe",
                                   "contact", "note", "visit", "listen", "share", "get"})

#: Quote mark pairs: opening mark -> closing marks.
QUOTE_PAIRS: dict[str, str] = {
    "\u201c": "\u201d",  # “ ”
    "\u201e": "\u201c\u201d",  # „ “ (German style)
    "\u00ab": "\u00bb",  # « »
    "\u00bb": "\u00ab",  # » « (Danish style)
    "\u2018": "\u2019",  # ‘ ’
    '"': '"',
    "'": "'",
    "``": "''",
    "''": "''",  # doubled single marks, both ways, as some newspaper archives write them
}
#: A quoted stretch shorter than this many words needs a cue to count (scare quotes, titles).
MIN_UNCUED_QUOTE_WORDS = 5

#: Nouns for people who speak for someone without being named.
SOURCE_NOUNS = frozenset({
    "official", "officials", "source", "sources", "spokesman", "spokeswoman", "spokesperson",
    "analyst", "analysts", "witness", "witnesses", "resident", "residents", "diplomat",
    "diplomats", "observer", "observers", "expert", "experts", "aide", "aides", "adviser",
    "advisers", "advisor", "advisors", "police", "authorities", "investigators", "prosecutors",
    "people", "person", "insider", "insiders", "critics", "supporters", "activists", "officer",
    "officers", "lawmakers", "legislators", "member", "members", "representative",
    "representatives", "staffer", "staffers", "campaign", "government", "ministry", "military",
})
#: Role nouns that name a person already introduced ("the minister" -> Foreign Minister X).
ROLE_NOUNS = frozenset({
    "minister", "president", "senator", "governor", "mayor", "chairman", "chairwoman", "chair",
    "leader", "general", "commander", "chief", "director", "secretary", "ambassador", "envoy",
    "spokesman", "spokeswoman", "spokesperson", "candidate", "nominee", "congressman",
    "congresswoman", "representative", "premier", "prime", "king", "queen", "prince", "sheikh",
    "official", "executive", "ceo", "founder", "judge", "attorney", "lawyer", "prosecutor",
    "manager", "businessman", "businesswoman", "billionaire", "chancellor", "speaker", "colonel",
    "lieutenant", "sergeant", "captain", "cleric", "imam", "militant", "rapper", "singer",
    "actor", "actress", "coach", "author", "professor", "economist", "analyst", "surrogate",
})
#: Pronouns and the entity types they can stand for.
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
PLURAL_PRONOUNS = frozenset({"they", "them"})
THING_PRONOUNS = frozenset({"it"})

# --- certainty --------------------------------------------------------------------------------

#: Modal words and phrases that make a proposition possible, not certain.
POSSIBLE_MARKERS = frozenset({"might", "may", "could", "possibly", "perhaps", "maybe", "probably",
                              "likely", "unlikely", "apparently", "apparent", "presumably",
                              "seemingly", "potentially"})
#: Passive verbs of belief that hedge without naming a believer: "he is thought to be".
HEDGING_PASSIVES = frozenset({"think", "believe", "say", "report", "rumor", "rumour", "suspect",
                              "presume", "understand", "expect", "consider", "estimate", "fear",
                              "see", "view", "regard", "perceive"})
#: Verbs like "seem": the proposition only appears so.
SEEM_VERBS = frozenset({"seem", "appear"})
#: Words that say a claim has not been checked.
UNVERIFIED_MARKERS = frozenset({"purported", "purportedly", "alleged", "allegedly", "reportedly",
                                "unconfirmed", "unverified", "supposed", "supposedly", "claimed",
                                "rumored", "rumoured", "so-called"})
#: Nouns that carry an unverified claim: "several reports baghdadi had been killed".
UNVERIFIED_NOUNS = frozenset({"report", "reports", "rumor", "rumors", "rumour", "rumours",
                              "claim", "claims", "allegation", "allegations", "speculation",
                              "accounts", "unconfirmed"})
#: Verbs that, negated or with "unable to", mean "could not corroborate".
VERIFY_VERBS = frozenset({"corroborate", "confirm", "verify", "substantiate", "authenticate"})
#: Verbs and adjectives of denial.
DENY_VERBS = frozenset({"deny", "reject", "dismiss", "refute", "rebut", "disavow", "contradict"})
#: Verbs and adjectives of doubt: the source disputes the proposition.
DISPUTE_WORDS = frozenset({"skeptical", "sceptical", "doubtful", "unconvinced", "dubious",
                           "dispute", "doubt", "question", "contest", "challenge", "disbelieve",
                           "wary", "incredulous", "cast"})

#: Families of event words: claims about the same event with the same participant are linked.
EVENT_FAMILIES: dict[str, str] = {
    **dict.fromkeys(("kill", "killing", "death", "die", "dead", "assassinate", "assassination",
                     "slay", "execute", "execution", "eliminate", "martyr"), "death"),
    **dict.fromkeys(("capture", "arrest", "detain", "detention", "seize", "apprehend"), "capture"),
    **dict.fromkeys(("injure", "wound", "injury", "hurt"), "injury"),
    **dict.fromkeys(("resign", "resignation", "quit", "step"), "resignation"),
    **dict.fromkeys(("attack", "strike", "bomb", "bombing", "shell", "shelling", "raid"), "attack"),
    **dict.fromkeys(("win", "victory", "lose", "defeat"), "outcome"),
    **dict.fromkeys(("meet", "meeting", "talk", "talks", "negotiate", "negotiation"), "meeting"),
}
