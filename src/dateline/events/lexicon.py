"""Word lists the event classifier reads: predicates per PLOVER category, and the words around them.

Written by us from the PLOVER codebook's category definitions and the CAMEO
to PLOVER table (``CAMEO2PLOVER-2021.txt``): a few hundred lemmas in all, no
sentence patterns.  Each entry maps a lemma to ``(category, mode)``; the mode
is ``None`` where the word alone does not say how.  Several words are read
with their object or their actors before they count (``withdraw troops`` is
RETREAT, ``withdraw an ambassador`` SANCTION): those rules live in
:mod:`dateline.events.classify`, next to the entries they refine.

Category boundaries follow the CAMEO cue categories the gold records come
from (03 AGREE, 04 CONSULT, 05 SUPPORT, 06 COOPERATE, 07 AID, 081-083 CONCEDE,
084-087 RETREAT, 09 INVESTIGATE, 10 DEMAND, 11 DISAPPROVE, 12 REJECT, 13
THREATEN, 14 PROTEST, 15 MOBILIZE, 16 SANCTION, 17 COERCE, 18/20 ASSAULT,
19 FIGHT), with the 2021 table's choices where it moves a code (blockade and
occupation, 191/192, are COERCE).  FIGHT is conventional armed force between
armed sides; ASSAULT is one-sided or unconventional violence (bombings,
killings, abductions, torture).
"""

from __future__ import annotations

# --- categories ---------------------------------------------------------------------------

#: Cooperative categories: an intent to do one is AGREE (CAMEO 03, "express intent to ...").
COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"})
#: Conflictual categories: an intent to do one is a THREATEN (CAMEO 13).
CONFLICTUAL = frozenset({"COERCE", "ASSAULT", "FIGHT", "SANCTION", "MOBILIZE", "PROTEST", "CRIME"})
#: Violent categories, the ones magnitudes (dead, injured) belong to.
VIOLENT = frozenset({"ASSAULT", "FIGHT", "CRIME", "COERCE"})

#: Stopping or undoing an event of one category is an event of another: lifting a curfew
#: concedes (CAMEO 081), easing sanctions or ending fighting retreats (085, 087), ending talks
#: or aid reduces relations (16), calling off a strike eases dissent (082).
REVERSED = {
    "COERCE": ("CONCEDE", None),
    "SANCTION": ("RETREAT", None),
    "PROTEST": ("CONCEDE", None),
    "FIGHT": ("RETREAT", "ceasefire"),
    "ASSAULT": ("RETREAT", "ceasefire"),
    "MOBILIZE": ("RETREAT", "disarm"),
    "CONSULT": ("SANCTION", "withdraw"),
    "COOPERATE": ("SANCTION", "discontinue"),
    "AID": ("SANCTION", "discontinue"),
    "SUPPORT": ("SANCTION", "discontinue"),
    "AGREE": ("REJECT", None),
    "THREATEN": ("CONCEDE", None),
}

# --- verbs that name an event by themselves -----------------------------------------------

VERBS: dict[str, tuple[str, str | None]] = {
    # AGREE: promise, offer, commit to cooperate
    "agree": ("AGREE", None), "promise": ("AGREE", None), "pledge": ("AGREE", None),
    "offer": ("AGREE", None), "commit": ("AGREE", None), "consent": ("AGREE", None),
    "invite": ("AGREE", None), "propose": ("AGREE", None), "volunteer": ("AGREE", None),
    "accept": ("AGREE", None),
    # CONSULT: meetings, visits, calls, negotiation, mediation
    "meet": ("CONSULT", None), "visit": ("CONSULT", "visit"), "host": ("CONSULT", "host"),
    "discuss": ("CONSULT", None), "negotiate": ("CONSULT", None), "confer": ("CONSULT", None),
    "consult": ("CONSULT", None), "telephone": ("CONSULT", "phone"), "phone": ("CONSULT", "phone"),
    "mediate": ("CONSULT", "third-party"), "talk": ("CONSULT", None), "welcome": ("CONSULT", "host"),
    "receive": ("CONSULT", "host"), "convene": ("CONSULT", "multilateral"),
    # SUPPORT: praise, endorse, recognize, sign, apologize
    "support": ("SUPPORT", None), "praise": ("SUPPORT", None), "endorse": ("SUPPORT", None),
    "back": ("SUPPORT", None), "commend": ("SUPPORT", None), "applaud": ("SUPPORT", None),
    "hail": ("SUPPORT", None), "recognize": ("SUPPORT", None), "recognise": ("SUPPORT", None),
    "sign": ("SUPPORT", None), "ratify": ("SUPPORT", None), "approve": ("SUPPORT", None),
    "thank": ("SUPPORT", None), "congratulate": ("SUPPORT", None), "apologize": ("SUPPORT", None),
    "apologise": ("SUPPORT", None), "forgive": ("SUPPORT", None), "defend": ("SUPPORT", None),
    "reconcile": ("SUPPORT", None), "normalize": ("SUPPORT", None), "upgrade": ("SUPPORT", None),
    "improve": ("SUPPORT", None), "strengthen": ("SUPPORT", None), "restore": ("SUPPORT", None),
    "establish": ("SUPPORT", None), "resume": ("SUPPORT", None),
    # COOPERATE: mutual material cooperation
    "cooperate": ("COOPERATE", None), "co-operate": ("COOPERATE", None),
    "collaborate": ("COOPERATE", None), "extradite": ("COOPERATE", None),
    "coordinate": ("COOPERATE", None), "trade": ("COOPERATE", None),
    # AID: material help that benefits the recipient
    "aid": ("AID", None), "help": ("AID", None), "assist": ("AID", None), "provide": ("AID", None),
    "donate": ("AID", None), "grant": ("AID", None), "supply": ("AID", None), "deliver": ("AID", None),
    "fund": ("AID", None), "finance": ("AID", None), "lend": ("AID", None), "rescue": ("AID", None),
    "airlift": ("AID", None), "contribute": ("AID", None), "shelter": ("AID", None),
    "protect": ("AID", None),
    # CONCEDE: verbal yielding, easing, pardons
    "concede": ("CONCEDE", None), "yield": ("CONCEDE", None), "accede": ("CONCEDE", None),
    "relent": ("CONCEDE", None), "pardon": ("CONCEDE", None), "acquit": ("CONCEDE", None),
    "ease": ("CONCEDE", None), "relax": ("CONCEDE", None), "compromise": ("CONCEDE", None),
    # RETREAT: material yielding: withdraw, release, resign, disarm, allow access
    "withdraw": ("RETREAT", "withdraw"), "retreat": ("RETREAT", "withdraw"),
    "evacuate": ("RETREAT", "withdraw"), "release": ("RETREAT", "release"),
    "free": ("RETREAT", "release"), "repatriate": ("RETREAT", "release"),
    "resign": ("RETREAT", "resign"), "quit": ("RETREAT", "resign"), "abdicate": ("RETREAT", "resign"),
    "disarm": ("RETREAT", "disarm"), "demobilize": ("RETREAT", "disarm"),
    "demobilise": ("RETREAT", "disarm"), "surrender": ("RETREAT", "disarm"),
    "return": ("RETREAT", "release"), "allow": ("RETREAT", "access"), "admit": ("RETREAT", "access"),
    "permit": ("RETREAT", "access"),
    # INVESTIGATE
    "investigate": ("INVESTIGATE", None), "probe": ("INVESTIGATE", None),
    "inspect": ("INVESTIGATE", None), "examine": ("INVESTIGATE", None),
    "inquire": ("INVESTIGATE", None), "audit": ("INVESTIGATE", None),
    # DEMAND: requests, appeals, orders
    "demand": ("DEMAND", None), "urge": ("DEMAND", None), "ask": ("DEMAND", None),
    "request": ("DEMAND", None), "appeal": ("DEMAND", None), "press": ("DEMAND", None),
    "insist": ("DEMAND", None), "exhort": ("DEMAND", None), "plead": ("DEMAND", None),
    "petition": ("DEMAND", None), "order": ("DEMAND", None), "implore": ("DEMAND", None),
    "pressure": ("DEMAND", None), "pressurize": ("DEMAND", None), "lobby": ("DEMAND", None),
    "summon": ("DISAPPROVE", None),
    # DISAPPROVE: criticism, accusation, complaint, lawsuit
    "accuse": ("DISAPPROVE", None), "criticize": ("DISAPPROVE", None),
    "criticise": ("DISAPPROVE", None), "condemn": ("DISAPPROVE", None),
    "denounce": ("DISAPPROVE", None), "blame": ("DISAPPROVE", None), "complain": ("DISAPPROVE", None),
    "deplore": ("DISAPPROVE", None), "decry": ("DISAPPROVE", None), "allege": ("DISAPPROVE", None),
    "sue": ("DISAPPROVE", None), "rebuke": ("DISAPPROVE", None), "censure": ("DISAPPROVE", None),
    "charge": ("DISAPPROVE", None), "slam": ("DISAPPROVE", None), "lambast": ("DISAPPROVE", None),
    "object": ("DISAPPROVE", None), "disapprove": ("DISAPPROVE", None), "chide": ("DISAPPROVE", None),
    "indict": ("DISAPPROVE", None),
    # REJECT: rejections and refusals
    "reject": ("REJECT", None), "refuse": ("REJECT", None), "decline": ("REJECT", None),
    "dismiss": ("REJECT", None), "rebuff": ("REJECT", None), "veto": ("REJECT", None),
    "oppose": ("REJECT", None), "spurn": ("REJECT", None), "defy": ("REJECT", None),
    "deny": ("REJECT", None), "resist": ("REJECT", None), "snub": ("REJECT", None),
    # THREATEN
    "threaten": ("THREATEN", None), "warn": ("THREATEN", None), "menace": ("THREATEN", None),
    # PROTEST: collective dissent by non-state actors
    "protest": ("PROTEST", "demo"), "demonstrate": ("PROTEST", "demo"), "rally": ("PROTEST", "demo"),
    "march": ("PROTEST", "demo"), "riot": ("PROTEST", "riot"), "picket": ("PROTEST", "demo"),
    "boycott": ("PROTEST", "boycott"), "shun": ("PROTEST", "boycott"), "obstruct": ("PROTEST", "obstruct"),
    "barricade": ("PROTEST", "obstruct"),
    # MOBILIZE: shows of force short of using it
    "mobilize": ("MOBILIZE", "troops"), "mobilise": ("MOBILIZE", "troops"),
    "deploy": ("MOBILIZE", "troops"), "mass": ("MOBILIZE", "troops"), "amass": ("MOBILIZE", "troops"),
    "station": ("MOBILIZE", "troops"), "reinforce": ("MOBILIZE", "troops"),
    "muster": ("MOBILIZE", "troops"), "send": ("MOBILIZE", "troops"), "dispatch": ("MOBILIZE", "troops"),
    "patrol": ("MOBILIZE", "police"), "stop": ("PROTEST", "strike"),
    # SANCTION: cutting relations, expelling diplomats, sanctions
    "sanction": ("SANCTION", "discontinue"), "embargo": ("SANCTION", "discontinue"),
    "sever": ("SANCTION", "discontinue"), "recall": ("SANCTION", "withdraw"),
    "downgrade": ("SANCTION", "discontinue"), "convict": ("SANCTION", "convict"),
    "sentence": ("SANCTION", "convict"), "fine": ("SANCTION", "convict"),
    # COERCE: repression short of violence
    "arrest": ("COERCE", "arrest"), "detain": ("COERCE", "arrest"), "jail": ("COERCE", "arrest"),
    "imprison": ("COERCE", "arrest"), "hold": ("COERCE", "arrest"), "confiscate": ("COERCE", "seize"),
    "seize": ("COERCE", "seize"), "raid": ("COERCE", "seize"), "ban": ("COERCE", "restrict"),
    "outlaw": ("COERCE", "restrict"), "censor": ("COERCE", "censor"), "deport": ("COERCE", "deport"),
    "expel": ("COERCE", "deport"), "evict": ("COERCE", "deport"), "restrict": ("COERCE", "restrict"),
    "curb": ("COERCE", "restrict"), "prevent": ("COERCE", "restrict"), "bar": ("COERCE", "restrict"),
    "block": ("COERCE", "restrict"), "blockade": ("COERCE", "restrict"), "besiege": ("COERCE", "restrict"),
    "occupy": ("COERCE", "seize"), "close": ("COERCE", "restrict"), "expropriate": ("COERCE", "seize"),
    "intern": ("COERCE", "arrest"), "cordon": ("COERCE", "restrict"), "gag": ("COERCE", "censor"),
    "hack": ("COERCE", "cyber"), "deface": ("COERCE", "cyber"), "prohibit": ("COERCE", "restrict"),
    # ASSAULT: one-sided or unconventional violence
    "kill": ("ASSAULT", None), "murder": ("ASSAULT", None), "assassinate": ("ASSAULT", "targeted"),
    "massacre": ("ASSAULT", None), "slaughter": ("ASSAULT", None), "execute": ("ASSAULT", "targeted"),
    "behead": ("ASSAULT", "targeted"), "bomb": ("ASSAULT", "explosives"), "abduct": ("ASSAULT", "abduct"),
    "kidnap": ("ASSAULT", "abduct"), "hijack": ("ASSAULT", "abduct"), "torture": ("ASSAULT", "torture"),
    "beat": ("ASSAULT", "beat"), "rape": ("ASSAULT", "sexual"), "stab": ("ASSAULT", "primitive"),
    "lynch": ("ASSAULT", "beat"), "maim": ("ASSAULT", None), "wound": ("ASSAULT", None),
    "injure": ("ASSAULT", None), "torch": ("ASSAULT", "primitive"), "burn": ("ASSAULT", "primitive"),
    "destroy": ("ASSAULT", "destroy"), "demolish": ("ASSAULT", "destroy"), "raze": ("ASSAULT", "destroy"),
    "shoot": ("ASSAULT", "firearms"), "gun": ("ASSAULT", "firearms"), "ambush": ("ASSAULT", None),
    "abuse": ("ASSAULT", None), "assault": ("ASSAULT", "beat"), "molest": ("ASSAULT", "sexual"),
    "set": ("ASSAULT", "primitive"),
    # FIGHT: conventional armed force between armed sides
    "fight": ("FIGHT", None), "clash": ("FIGHT", None), "battle": ("FIGHT", None),
    "attack": ("FIGHT", None), "shell": ("FIGHT", "heavy-weapons"), "bombard": ("FIGHT", "heavy-weapons"),
    "strike": ("FIGHT", None), "invade": ("FIGHT", None), "capture": ("FIGHT", None),
    "recapture": ("FIGHT", None), "retake": ("FIGHT", None), "storm": ("FIGHT", None),
    "overrun": ("FIGHT", None), "advance": ("FIGHT", None), "thrust": ("FIGHT", None),
    "push": ("FIGHT", None), "repel": ("FIGHT", None), "rout": ("FIGHT", None),
    "encircle": ("FIGHT", None), "surround": ("FIGHT", None), "pound": ("FIGHT", "heavy-weapons"),
    "liberate": ("FIGHT", None), "defeat": ("FIGHT", None), "engage": ("FIGHT", None),
    "target": ("FIGHT", None), "hit": ("FIGHT", None), "fire": ("FIGHT", "firearms"),
    # CRIME: crimes of non-political actors
    "rob": ("CRIME", None), "steal": ("CRIME", None), "smuggle": ("CRIME", None),
    "traffic": ("CRIME", None), "embezzle": ("CRIME", None), "loot": ("CRIME", None),
    "burgle": ("CRIME", None), "defraud": ("CRIME", None), "launder": ("CRIME", None),
    "poach": ("CRIME", None), "extort": ("CRIME", None),
}

#: Verb + particle pairs whose meaning differs from the verb's.
PHRASAL: dict[tuple[str, str], tuple[str, str | None]] = {
    ("call", "off"): ("CONCEDE", None), ("back", "down"): ("CONCEDE", None),
    ("pull", "out"): ("RETREAT", "withdraw"), ("pull", "back"): ("RETREAT", "withdraw"),
    ("step", "down"): ("RETREAT", "resign"), ("hand", "over"): ("RETREAT", "release"),
    ("set", "free"): ("RETREAT", "release"), ("lay", "down"): ("RETREAT", "disarm"),
    ("give", "up"): ("RETREAT", "disarm"), ("turn", "down"): ("REJECT", None),
    ("break", "off"): ("SANCTION", "discontinue"), ("cut", "off"): ("SANCTION", "discontinue"),
    ("crack", "down"): ("COERCE", "restrict"), ("round", "up"): ("COERCE", "arrest"),
    ("lock", "up"): ("COERCE", "arrest"), ("shut", "down"): ("COERCE", "restrict"),
    ("close", "down"): ("COERCE", "restrict"), ("seal", "off"): ("COERCE", "restrict"),
    ("blow", "up"): ("ASSAULT", "explosives"), ("gun", "down"): ("ASSAULT", "firearms"),
    ("shoot", "down"): ("FIGHT", "aerial"), ("walk", "out"): ("PROTEST", "strike"),
    ("look", "into"): ("INVESTIGATE", None), ("speak", "out"): ("DISAPPROVE", None),
    ("force", "out"): ("COERCE", "deport"), ("drive", "out"): ("COERCE", "deport"),
    ("throw", "out"): ("COERCE", "deport"), ("kick", "out"): ("COERCE", "deport"),
}

# --- nouns that name an event -------------------------------------------------------------

NOUNS: dict[str, tuple[str, str | None]] = {
    "agreement": ("AGREE", None), "accord": ("AGREE", None), "deal": ("AGREE", None),
    "pledge": ("AGREE", None), "promise": ("AGREE", None), "offer": ("AGREE", None),
    "proposal": ("AGREE", None), "invitation": ("AGREE", None), "consensus": ("AGREE", None),
    "talks": ("CONSULT", None), "meeting": ("CONSULT", None), "visit": ("CONSULT", "visit"),
    "summit": ("CONSULT", "multilateral"), "negotiations": ("CONSULT", None),
    "negotiation": ("CONSULT", None), "discussions": ("CONSULT", None), "consultations": ("CONSULT", None),
    "conference": ("CONSULT", "multilateral"), "mediation": ("CONSULT", "third-party"),
    "welcome": ("CONSULT", "host"), "trip": ("CONSULT", "visit"), "call": ("DEMAND", None),
    "support": ("SUPPORT", None), "praise": ("SUPPORT", None), "recognition": ("SUPPORT", None),
    "endorsement": ("SUPPORT", None), "apology": ("SUPPORT", None), "backing": ("SUPPORT", None),
    "cooperation": ("COOPERATE", None), "co-operation": ("COOPERATE", None),
    "collaboration": ("COOPERATE", None), "extradition": ("COOPERATE", None),
    "partnership": ("COOPERATE", None),
    "aid": ("AID", None), "assistance": ("AID", None), "help": ("AID", None), "donation": ("AID", None),
    "loan": ("AID", None), "asylum": ("AID", None), "relief": ("AID", None), "rescue": ("AID", None),
    "concession": ("CONCEDE", None), "amnesty": ("CONCEDE", None), "pardon": ("CONCEDE", None),
    "withdrawal": ("RETREAT", "withdraw"), "pullout": ("RETREAT", "withdraw"),
    "retreat": ("RETREAT", "withdraw"), "release": ("RETREAT", "release"),
    "resignation": ("RETREAT", "resign"), "surrender": ("RETREAT", "disarm"),
    "disarmament": ("RETREAT", "disarm"), "ceasefire": ("RETREAT", "ceasefire"),
    "cease-fire": ("RETREAT", "ceasefire"), "truce": ("RETREAT", "ceasefire"),
    "repatriation": ("RETREAT", "release"), "handover": ("RETREAT", "release"),
    "investigation": ("INVESTIGATE", None), "probe": ("INVESTIGATE", None),
    "inquiry": ("INVESTIGATE", None), "inspection": ("INVESTIGATE", None),
    "hearing": ("INVESTIGATE", None), "trial": ("DISAPPROVE", None),
    "demand": ("DEMAND", None), "appeal": ("DEMAND", None), "request": ("DEMAND", None),
    "plea": ("DEMAND", None), "reminder": ("DEMAND", None),
    "criticism": ("DISAPPROVE", None), "condemnation": ("DISAPPROVE", None),
    "accusation": ("DISAPPROVE", None), "complaint": ("DISAPPROVE", None),
    "lawsuit": ("DISAPPROVE", None), "allegation": ("DISAPPROVE", None), "charges": ("DISAPPROVE", None),
    "concern": ("DISAPPROVE", None), "indictment": ("DISAPPROVE", None),
    "rejection": ("REJECT", None), "refusal": ("REJECT", None), "veto": ("REJECT", None),
    "denial": ("REJECT", None),
    "threat": ("THREATEN", None), "warning": ("THREATEN", None), "ultimatum": ("THREATEN", None),
    "protest": ("PROTEST", "demo"), "demonstration": ("PROTEST", "demo"), "rally": ("PROTEST", "demo"),
    "march": ("PROTEST", "demo"), "riot": ("PROTEST", "riot"), "boycott": ("PROTEST", "boycott"),
    "sit-in": ("PROTEST", "obstruct"), "picket": ("PROTEST", "demo"), "walkout": ("PROTEST", "strike"),
    "mobilization": ("MOBILIZE", "troops"), "mobilisation": ("MOBILIZE", "troops"),
    "deployment": ("MOBILIZE", "troops"), "buildup": ("MOBILIZE", "troops"),
    "build-up": ("MOBILIZE", "troops"), "alert": ("MOBILIZE", "troops"),
    "exercise": ("MOBILIZE", "troops"), "exercises": ("MOBILIZE", "troops"), "patrol": ("MOBILIZE", "police"),
    "patrols": ("MOBILIZE", "police"),
    "maneuvers": ("MOBILIZE", "troops"), "manoeuvres": ("MOBILIZE", "troops"),
    "sanctions": ("SANCTION", "discontinue"), "embargo": ("SANCTION", "discontinue"),
    "expulsion": ("SANCTION", "expel"), "suspension": ("SANCTION", "discontinue"),
    "arrest": ("COERCE", "arrest"), "detention": ("COERCE", "arrest"), "crackdown": ("COERCE", "restrict"),
    "curfew": ("COERCE", "curfew"), "ban": ("COERCE", "restrict"), "raid": ("COERCE", "seize"),
    "blockade": ("COERCE", "restrict"), "restrictions": ("COERCE", "restrict"),
    "restriction": ("COERCE", "restrict"), "censorship": ("COERCE", "censor"),
    "deportation": ("COERCE", "deport"), "seizure": ("COERCE", "seize"), "siege": ("COERCE", "restrict"),
    "occupation": ("COERCE", "seize"), "emergency": ("COERCE", "martial-law"),
    "killing": ("ASSAULT", None), "murder": ("ASSAULT", None), "assassination": ("ASSAULT", "targeted"),
    "massacre": ("ASSAULT", None), "bombing": ("ASSAULT", "explosives"), "kidnapping": ("ASSAULT", "abduct"),
    "abduction": ("ASSAULT", "abduct"), "hijacking": ("ASSAULT", "abduct"), "torture": ("ASSAULT", "torture"),
    "execution": ("ASSAULT", "targeted"), "beating": ("ASSAULT", "beat"), "rape": ("ASSAULT", "sexual"),
    "fighting": ("FIGHT", None), "fight": ("FIGHT", None), "clash": ("FIGHT", None),
    "clashes": ("FIGHT", None), "battle": ("FIGHT", None), "offensive": ("FIGHT", None),
    "assault": ("FIGHT", None), "attack": ("FIGHT", None), "airstrike": ("FIGHT", "aerial"),
    "strike": ("FIGHT", None), "shelling": ("FIGHT", "heavy-weapons"),
    "bombardment": ("FIGHT", "heavy-weapons"), "invasion": ("FIGHT", None), "recapture": ("FIGHT", None),
    "capture": ("FIGHT", None), "incursion": ("FIGHT", None), "counteroffensive": ("FIGHT", None),
    "hostilities": ("FIGHT", None), "firefight": ("FIGHT", "firearms"), "skirmish": ("FIGHT", None),
    "war": ("FIGHT", None), "gunfire": ("FIGHT", "firearms"),
    "robbery": ("CRIME", None), "theft": ("CRIME", None), "smuggling": ("CRIME", None),
    "trafficking": ("CRIME", None), "fraud": ("CRIME", None), "embezzlement": ("CRIME", None),
    "looting": ("CRIME", None),
}

#: Nouns that name an event only as the head of a two-word name (``hunger strike``).
COMPOUND_NOUNS: dict[tuple[str, str], tuple[str, str | None]] = {
    ("air", "strike"): ("FIGHT", "aerial"), ("missile", "strike"): ("FIGHT", "heavy-weapons"),
    ("drone", "strike"): ("FIGHT", "drone"), ("hunger", "strike"): ("PROTEST", "hunger"),
    ("general", "strike"): ("PROTEST", "strike"), ("suicide", "bombing"): ("ASSAULT", "suicide-attack"),
    ("suicide", "attack"): ("ASSAULT", "suicide-attack"), ("car", "bomb"): ("ASSAULT", "explosives"),
    ("martial", "law"): ("COERCE", "martial-law"), ("peace", "talks"): ("CONSULT", None),
    ("state", "emergency"): ("COERCE", "martial-law"), ("phone", "call"): ("CONSULT", "phone"),
    ("telephone", "call"): ("CONSULT", "phone"), ("sit", "in"): ("PROTEST", "obstruct"),
    ("war", "games"): ("MOBILIZE", "troops"), ("war", "game"): ("MOBILIZE", "troops"),
    ("state", "siege"): ("COERCE", "martial-law"),
}

# --- verbs around the event ---------------------------------------------------------------

#: Heads of listed names written with "of": a state of emergency, a state of siege.
OF_NAME_HEADS = frozenset({"state"})
#: Verbs that fix the category whatever their complement says: X threatened to ..., X urged Y to ...
WRAPPERS = frozenset({
    "threaten", "warn", "demand", "urge", "ask", "request", "appeal", "press", "insist", "exhort",
    "plead", "implore", "petition", "refuse", "decline", "reject", "agree", "promise",
    "pledge", "offer", "consent", "accept", "deny", "accuse", "blame", "criticize", "criticise",
    "condemn", "denounce", "charge", "call", "propose", "invite", "veto", "oppose", "resist",
})
#: Verbs of intent and preparation: their complement is a future event (CAMEO 03 or 13).
INTENT = frozenset({
    "plan", "intend", "prepare", "vow", "decide", "seek", "want", "aim", "hope", "expect", "mean",
    "resolve", "determine", "announce", "signal", "move", "swear",
})
#: Adjectives of readiness that do the same: X is ready / prepared / willing to ...
READY_ADJECTIVES = frozenset({"ready", "prepared", "willing", "poised", "set", "eager", "determined"})
#: Verbs that carry their complement's event as it is: X continued to fight, tried to seize.
ASPECTUAL = frozenset({
    "continue", "keep", "resume", "begin", "start", "try", "attempt", "manage", "go", "help",
    "step", "escalate", "intensify", "renew", "stage", "launch", "carry", "conduct", "wage",
    "mount", "undertake", "perform", "order", "remain", "stay", "converge", "gather", "assemble",
})
#: Verbs that stop or undo their object's event (see REVERSED).
REVERSERS = frozenset({
    "lift", "ease", "end", "halt", "stop", "suspend", "cancel", "freeze", "abandon", "relax",
    "remove", "revoke", "rescind", "scrap", "drop", "postpone", "terminate", "cease", "call",
    "break", "cut", "reverse", "lighten", "loosen", "violate",
})
#: Verbs of saying and reporting: not events (CAMEO 01 is dropped), but their subject is the
#: source of a pronoun in what they report, and an event noun they announce is the event.
REPORT = frozenset({
    "say", "tell", "state", "declare", "add", "report", "claim", "note", "explain", "confirm",
    "disclose", "reveal", "write", "stress", "affirm", "assert", "reiterate", "indicate", "quote",
    "announce", "issue", "express", "voice",
})
#: Verbs of saying whose subject does what their event noun object names: announced sanctions,
#: declared a ceasefire, issued a warning, reiterated its demand (but "noted threats" is someone else's).
ANNOUNCING = frozenset({"announce", "declare", "issue", "express", "voice", "reiterate", "repeat", "renew",
                        "lodge", "deliver", "make"})
#: Abstract objects: attacking one is criticism, not violence (attacked the plan).
ABSTRACT_NOUNS = frozenset({"plan", "policy", "decision", "proposal", "remark", "remarks", "statement", "law",
                            "bill", "report", "comment", "comments", "idea", "move", "deal", "agreement",
                            "budget", "reform", "approach", "strategy", "record", "view", "views", "claim"})
#: Verbs that take their category from an event noun object: launched an attack, held talks.
LIGHT = frozenset({
    "launch", "carry", "conduct", "stage", "hold", "make", "give", "issue", "mount", "take", "wage",
    "begin", "start", "continue", "resume", "reach", "impose", "lift", "express", "voice", "file",
    "open", "order", "put", "pay", "extend", "declare", "announce", "deliver", "lodge", "sign",
    "strike", "call", "hand", "send", "grant", "provide", "offer", "step", "renew", "seal", "conclude",
    "finalize", "establish", "restore", "break", "suspend", "end", "halt",
    "cancel", "freeze", "threaten", "demand", "propose", "accept", "reject", "refuse", "plan",
    "unleash", "escalate", "intensify", "organize", "organise", "lead", "join", "enter",
})
#: Verbs that report an event done to the subject: X suffered an attack, came under fire.
UNDERGO = frozenset({"suffer", "face", "undergo", "come", "endure", "sustain"})

# --- words that decide between readings ---------------------------------------------------

#: Nouns for armed forces, weapons and fighters.
MILITARY_NOUNS = frozenset({
    "troop", "troops", "soldier", "force", "forces", "army", "tank", "warship", "ship", "jet",
    "warplane", "aircraft", "missile", "artillery", "battalion", "unit", "reinforcement",
    "peacekeeper", "peacekeepers", "navy", "marine", "weapon", "arms", "division", "brigade",
    "personnel", "fighter", "helicopter", "submarine", "police", "policeman", "militia",
})
#: Nouns for diplomats and missions: withdrawing or expelling them reduces relations.
DIPLOMAT_NOUNS = frozenset({
    "ambassador", "envoy", "diplomat", "embassy", "mission", "consul", "consulate", "delegation",
    "attache", "representative", "observer", "monitor", "inspector",
})
#: Nouns for material help.
AID_NOUNS = frozenset({
    "aid", "food", "supply", "supplies", "medicine", "relief", "assistance", "fund", "money",
    "loan", "grant", "credit", "equipment", "donation", "vaccine", "tent", "water", "fuel",
    "support", "help", "asylum", "material", "materiel", "goods", "medical",
})
#: Nouns for territory: seizing one is fighting, not confiscation.
TERRITORY_NOUNS = frozenset({
    "town", "city", "village", "territory", "area", "region", "province", "district", "base",
    "airport", "port", "hill", "position", "stronghold", "capital", "border", "frontier", "bridge",
    "outpost", "garrison", "enclave", "neighborhood", "neighbourhood", "suburb", "valley", "road",
})
#: Nouns for border crossings and routes: closing one restricts movement.
ROUTE_NOUNS = frozenset({"border", "borders", "crossing", "road", "highway", "airspace", "port", "frontier", "route"})
#: Nouns for demands: accepting one concedes (CAMEO 083).
DEMAND_NOUNS = frozenset({"demand", "demands", "request", "condition", "conditions", "term", "terms", "ultimatum"})
#: Nouns for captives: holding them detains, freeing them releases.
CAPTIVE_NOUNS = frozenset({"prisoner", "hostage", "detainee", "captive", "inmate", "shield", "dissident"})
#: Nouns for relations and talks: breaking, suspending or withdrawing from them is SANCTION.
RELATION_NOUNS = frozenset({
    "relation", "relations", "tie", "ties", "talk", "talks", "negotiation", "negotiations", "contact",
    "cooperation", "dialogue", "membership", "treaty", "agreement", "process", "mediation", "visit",
})
#: Nouns that name an event only through their modifier: aid deliveries, a mediation mission.
CARRIER_NOUNS = frozenset({"delivery", "deliveries", "shipment", "shipments", "program", "programme",
                           "operation", "operations", "flight", "flights", "package", "convoy", "effort",
                           "efforts", "mission", "campaign", "process", "drive", "round", "wave", "series",
                           "day", "days", "week", "weeks", "hour", "hours", "plan", "bid"})
#: Nouns for work: stopping it is a strike.
WORK_NOUNS = frozenset({"work", "job", "jobs", "classes", "production"})
#: Objects of agreeing, accepting or offering that make it an agreement (not a bounty offered).
AGREEMENT_OBJECTS = frozenset({"plan", "proposal", "formula", "deal", "agreement", "offer", "terms",
                               "settlement", "compromise", "framework", "resolution", "ceasefire", "truce",
                               "invitation", "mediation", "accord", "proposals", "package", "initiative"})
#: Means of violence: a violent event named with one has an attacker, named or not.
#: ("fire", "explosion", "blast" alone are accidents as often as attacks: they count only with a
#: weapon named on them, as in "a car bomb explosion".)
MEANS_NOUNS = frozenset({"bomb", "bombing", "airstrike", "strike", "shelling", "gunfire", "rocket", "missile",
                         "mortar", "mine", "minefield", "grenade", "ambush", "raid", "shooting", "ied", "attack",
                         "attacks", "shell", "bullet", "sniper", "bombardment", "artillery", "drone", "landmine"})
#: Nouns of military exercises: by one country MOBILIZE, joint ones COOPERATE.
EXERCISE_NOUNS = frozenset({"exercise", "exercises", "maneuvers", "manoeuvres", "games", "drill", "drills"})
#: Conjunctions that make a clause hypothetical or conditional: no event happened (PLOVER auxiliary
#: mode 'hypothetical').
CONDITIONAL_MARKS = frozenset({"if", "unless", "until", "whether", "lest"})
#: Nouns for media: closing or banning them censors.
MEDIA_NOUNS = frozenset({"newspaper", "paper", "station", "website", "broadcast", "publication",
                         "channel", "radio", "television", "internet", "media", "magazine"})
#: Nouns for weapons whose use makes violence conventional fighting.
HEAVY_WEAPON_WORDS = frozenset({"artillery", "tank", "tanks", "rocket", "rockets", "mortar", "mortars",
                                "missile", "missiles", "shell", "shells", "shelling", "howitzer"})
#: Nouns that make an event MOBILIZE 'weapons' rather than 'troops'.
WEAPON_WORDS = frozenset({"weapon", "weapons", "arms", "missile", "missiles", "warship", "warships", "tank",
                          "tanks", "jet", "jets", "warplane", "warplanes", "artillery", "submarine",
                          "bomber", "bombers", "rocket", "rockets", "shelling", "nuclear"})

#: Words that give the mode of violence (PLOVER ASSAULT modes), looked up around the event.
VIOLENCE_MODE_WORDS: dict[str, str] = {
    "air": "aerial", "airstrike": "aerial", "warplane": "aerial", "jet": "aerial", "helicopter": "aerial",
    "bomber": "aerial", "aerial": "aerial", "drone": "drone", "uav": "drone",
    "artillery": "heavy-weapons", "tank": "heavy-weapons", "rocket": "heavy-weapons",
    "mortar": "heavy-weapons", "missile": "heavy-weapons", "shell": "heavy-weapons",
    "shelling": "heavy-weapons", "howitzer": "heavy-weapons",
    "gun": "firearms", "gunfire": "firearms", "rifle": "firearms", "pistol": "firearms",
    "shoot": "firearms", "shot": "firearms", "sniper": "firearms", "gunman": "firearms",
    "bomb": "explosives", "explosive": "explosives", "explosion": "explosives", "grenade": "explosives",
    "mine": "explosives", "ied": "explosives", "blast": "explosives", "bombing": "explosives",
    "suicide": "suicide-attack",
    "knife": "primitive", "machete": "primitive", "stone": "primitive", "rock": "primitive",
    "axe": "primitive", "arson": "primitive", "stab": "primitive",
    "kidnap": "abduct", "abduct": "abduct", "hijack": "abduct", "hostage": "abduct",
    "torture": "torture", "rape": "sexual", "assassinate": "targeted", "assassination": "targeted",
    "tear": "crowd-control", "cannon": "crowd-control", "baton": "crowd-control",
    "chemical": "unconventional", "nuclear": "unconventional", "biological": "unconventional",
}
#: Words that give the mode of a threat (PLOVER THREATEN modes: what is threatened).
THREAT_MODE_WORDS: dict[str, str] = {
    "attack": "violence", "war": "violence", "kill": "violence", "strike": "violence",
    "force": "violence", "military": "violence", "retaliate": "violence", "retaliation": "violence",
    "bomb": "violence", "invade": "violence", "violence": "violence", "nuclear": "violence",
    "arrest": "arrest", "jail": "arrest", "detain": "arrest", "relation": "relations",
    "relations": "relations", "ties": "relations", "talks": "relations", "aid": "relations",
    "expel": "expel", "occupy": "territory", "annex": "territory", "seize": "territory",
    "blockade": "restrict", "boycott": "restrict", "sanction": "restrict", "sanctions": "restrict",
    "embargo": "restrict", "curfew": "restrict", "ban": "restrict", "restriction": "restrict",
    "restrictions": "restrict",
}
#: Modes shared by DEMAND and REJECT: what is asked for or refused.
REQUEST_MODE_WORDS: dict[str, str] = {
    "aid": "assist", "help": "assist", "assistance": "assist", "cooperation": "assist",
    "cooperate": "assist", "support": "assist", "reform": "change", "resign": "change",
    "resignation": "change", "election": "change", "elections": "change", "policy": "change",
    "change": "change", "release": "yield", "free": "yield", "withdraw": "yield",
    "withdrawal": "yield", "ceasefire": "yield", "lift": "yield", "ease": "yield", "end": "yield",
    "talks": "meet", "negotiate": "meet", "negotiations": "meet", "meet": "meet", "meeting": "meet",
    "mediation": "meet", "dialogue": "meet",
}
