// Fixed vocabularies of the record (schema.py) and page sizes.

export const EVENT_TYPES = [
  "AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "INVESTIGATE", "DEMAND",
  "DISAPPROVE", "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT", "FIGHT", "CRIME",
];

export const ENTITY_TYPES = ["PERSON", "ORG", "LOC", "NORP", "MISC"];

export const PAGE_SIZE = 20;
