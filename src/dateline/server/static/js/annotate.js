// Turn an Analysis into annotations: one per highlighted span, grouped by the fact they belong to.
// An annotation is {key, kind, start, end, title, details: [[label, value]...], fact}.

export const KINDS = [
  { kind: "entity", label: "Entity" },
  { kind: "place", label: "Place" },
  { kind: "time", label: "Time" },
  { kind: "quote", label: "Quote" },
  { kind: "speaker", label: "Speaker" },
  { kind: "claim", label: "Claim" },
  { kind: "event", label: "Event trigger" },
];

function percent(x) {
  return x === undefined || x === null ? null : `${Math.round(x * 100)}%`;
}

function spanOk(span, text) {
  return span && Number.isInteger(span.start) && Number.isInteger(span.end)
    && span.start >= 0 && span.end > span.start && span.end <= text.length;
}

export function speakerLabel(speaker) {
  if (!speaker) return null;
  return speaker.unnamed ? `${speaker.name} (unnamed source)` : speaker.name;
}

function actorNames(actors) {
  return (actors || []).map((a) => a.name).join(", ") || null;
}

function entityAnnotations(analysis) {
  const out = [];
  const byId = new Map((analysis.entities || []).map((e) => [e.id, e]));
  for (const entity of analysis.entities || []) {
    for (const mention of entity.mentions || []) {
      out.push({
        key: entity.id, kind: "entity", subtype: entity.type, start: mention.span.start, end: mention.span.end,
        title: `${entity.type} · ${entity.name}`,
        details: [["Entity", entity.name], ["Type", entity.type], ["Country", entity.country],
          ["Aliases", (entity.aliases || []).join(", ") || null], ["Confidence", percent(mention.confidence)]],
        fact: entity,
      });
    }
  }
  return { out, byId };
}

function placeAnnotations(analysis) {
  const out = [];
  for (const place of analysis.places || []) {
    for (const mention of place.mentions || []) {
      out.push({
        key: place.id, kind: "place", start: mention.span.start, end: mention.span.end,
        title: `Place · ${place.name}`,
        details: [["Place", [place.name, place.admin1, place.country_code].filter(Boolean).join(", ")],
          ["GeoNames id", place.geonames_id], ["Feature", place.feature_code],
          ["Coordinates", place.latitude != null ? `${place.latitude.toFixed(3)}, ${place.longitude.toFixed(3)}` : null],
          ["Focus", place.focus ? "yes" : null], ["Confidence", percent(place.confidence)]],
        fact: place,
      });
    }
  }
  return out;
}

function timeAnnotations(analysis) {
  return (analysis.times || []).map((t, i) => ({
    key: `T${i + 1}`, kind: "time", start: t.span.start, end: t.span.end,
    title: `Time · ${t.value}`,
    details: [["Time", t.span.text], ["Type", t.type], ["ISO value", t.value], ["Modifier", t.mod],
      ["Anchored on", t.anchor], ["Confidence", percent(t.confidence)]],
    fact: t,
  }));
}

function quoteAnnotations(analysis) {
  const out = [];
  for (const quote of analysis.quotes || []) {
    const who = speakerLabel(quote.speaker);
    const details = [["Quote", quote.kind], ["Speaker", who], ["Cue", quote.cue?.text], ["Certainty", quote.certainty],
      ["Confidence", percent(quote.confidence)]];
    const pieces = quote.segments && quote.segments.length ? quote.segments : [quote.content];
    for (const piece of pieces) {
      out.push({ key: quote.id, kind: "quote", start: piece.start, end: piece.end,
        title: `Quote · ${who || "unknown speaker"}`, details, fact: quote, related: quote.id + ":speaker" });
    }
    if (quote.speaker?.span) {
      out.push({ key: quote.id + ":speaker", kind: "speaker", start: quote.speaker.span.start, end: quote.speaker.span.end,
        title: `Speaker of ${quote.id} · ${quote.speaker.name}`,
        details: [["Speaker", who], ["Found by", quote.speaker.via], ["Confidence", percent(quote.speaker.confidence)]],
        fact: quote, related: quote.id });
    }
  }
  return out;
}

function claimAnnotations(analysis) {
  return (analysis.claims || []).map((claim) => ({
    key: claim.id, kind: "claim", start: claim.content.start, end: claim.content.end,
    title: `Claim · ${claim.certainty}`,
    details: [["Claim", claim.certainty], ["Source", speakerLabel(claim.source) || "the article itself"],
      ["Marker", claim.marker?.text], ["Proposition", claim.proposition],
      ["Linked claims", (claim.linked || []).join(", ") || null], ["Confidence", percent(claim.confidence)]],
    fact: claim,
  }));
}

function eventAnnotations(analysis) {
  return (analysis.events || []).map((event) => ({
    key: event.id, kind: "event", start: event.trigger.start, end: event.trigger.end,
    title: `Event · ${event.type}`,
    details: [["Event", event.type + (event.mode ? ` (${event.mode})` : "")], ["Source", actorNames(event.source)],
      ["Target", actorNames(event.target)], ["Place", event.place?.name], ["Time", event.time?.value],
      ["Certainty", event.certainty], ["Confidence", percent(event.confidence)]],
    fact: event,
  }));
}

/** Every annotation of the analysis whose span lies inside its text. */
export function annotate(analysis) {
  const text = analysis.text || "";
  const { out: entities } = entityAnnotations(analysis);
  const all = [
    ...quoteAnnotations(analysis), ...claimAnnotations(analysis), ...entities, ...placeAnnotations(analysis),
    ...timeAnnotations(analysis), ...eventAnnotations(analysis),
  ];
  return all.filter((a) => spanOk(a, text)).map((a, index) => ({ ...a, index }));
}
