// The article text with its annotations as highlighted, focusable spans, a shared tooltip,
// and selection: select(key) scrolls to a fact's spans and highlights them.

import { h, clear } from "./dom.js";

const ORDER = ["entity", "place", "time", "event", "speaker", "quote", "claim"];

/** Cut the text at every annotation boundary; each piece lists the annotations covering it. */
export function segment(text, annotations) {
  const cuts = new Set([0, text.length]);
  for (const a of annotations) {
    cuts.add(a.start);
    cuts.add(a.end);
  }
  const points = [...cuts].sort((x, y) => x - y);
  const byStart = [...annotations].sort((x, y) => x.start - y.start);
  const pieces = [];
  let active = [];
  let next = 0;
  for (let i = 0; i < points.length - 1; i++) {
    const [from, to] = [points[i], points[i + 1]];
    active = active.filter((a) => a.end > from);
    while (next < byStart.length && byStart[next].start <= from) {
      if (byStart[next].end > from) active.push(byStart[next]);
      next++;
    }
    pieces.push({ start: from, end: to, annotations: active.slice() });
  }
  return pieces;
}

function detailList(annotation) {
  const rows = annotation.details.filter(([, value]) => value !== null && value !== undefined && value !== "");
  return h("dl", {}, rows.map(([label, value]) => [h("dt", {}, label), h("dd", {}, String(value))]));
}

function fillTip(tip, annotations) {
  clear(tip);
  const sorted = [...annotations].sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
  for (const a of sorted) {
    tip.append(h("section", { class: `tip-item tip-${a.kind}` }, h("h3", {}, a.title), detailList(a)));
  }
}

function place(tip, target) {
  const rect = target.getBoundingClientRect();
  tip.style.left = "0px";
  tip.style.top = "0px";
  const width = tip.offsetWidth;
  const height = tip.offsetHeight;
  let left = Math.min(Math.max(8, rect.left), window.innerWidth - width - 8);
  let top = rect.bottom + 6;
  if (top + height > window.innerHeight - 8) top = Math.max(8, rect.top - height - 6);
  tip.style.left = `${left}px`;
  tip.style.top = `${top}px`;
}

export class TextView {
  constructor(text, annotations) {
    this.annotations = annotations;
    this.byKey = new Map();
    this.starts = new Map(); // key -> first piece of each of its annotations, in text order
    this.pieceAnnotations = new WeakMap();
    this.selected = [];
    this.tip = document.getElementById("tip");
    this.element = h("div", { class: "article-text", id: "article-text" });
    this.build(text);
    this.listen();
  }

  build(text) {
    const seen = new Set();
    for (const piece of segment(text, this.annotations)) {
      const chunk = text.slice(piece.start, piece.end);
      if (!piece.annotations.length) {
        this.element.append(chunk);
        continue;
      }
      const kinds = new Set(piece.annotations.map((a) => `k-${a.kind}`));
      for (const a of piece.annotations) if (a.subtype) kinds.add(`t-${a.subtype}`);
      const el = h("span", { class: `a ${[...kinds].join(" ")}` }, chunk);
      let opens = false;
      for (const a of piece.annotations) {
        if (!this.byKey.has(a.key)) this.byKey.set(a.key, []);
        this.byKey.get(a.key).push(el);
        if (!seen.has(a.index)) {
          seen.add(a.index);
          if (!this.starts.has(a.key)) this.starts.set(a.key, []);
          this.starts.get(a.key).push(el);
          opens = true;
        }
      }
      if (opens) {
        el.tabIndex = 0;
        el.setAttribute("role", "button");
        el.setAttribute("aria-describedby", "tip");
      }
      this.pieceAnnotations.set(el, piece.annotations);
      this.element.append(el);
    }
  }

  listen() {
    const show = (event) => {
      const el = event.target.closest?.(".a");
      if (!el || !this.element.contains(el)) return;
      fillTip(this.tip, this.pieceAnnotations.get(el) || []);
      this.tip.hidden = false;
      this.shown = el;
      place(this.tip, el);
    };
    const hide = () => {
      this.tip.hidden = true;
      this.shown = null;
    };
    this.element.addEventListener("mouseover", show);
    this.element.addEventListener("focusin", show);
    this.element.addEventListener("mouseleave", hide);
    this.element.addEventListener("focusout", hide);
    this.element.addEventListener("keydown", (event) => {
      if (event.key === "Escape") hide();
      if ((event.key === "Enter" || event.key === " ") && event.target.classList?.contains("a")) {
        event.preventDefault();
        this.pick(event.target);
      }
    });
    this.element.addEventListener("click", (event) => {
      const el = event.target.closest?.(".a");
      if (el) this.pick(el);
    });
    // The tooltip follows its text while the page scrolls (a fact chosen in the side list scrolls it).
    window.addEventListener("scroll", () => {
      if (!this.shown) return;
      if (this.shown.isConnected) place(this.tip, this.shown);
      else hide();
    }, { passive: true });
  }

  /** Select the most specific fact under a piece of text (the shortest annotation). */
  pick(el) {
    const list = this.pieceAnnotations.get(el) || [];
    if (!list.length) return;
    const best = [...list].sort((a, b) => (a.end - a.start) - (b.end - b.start))[0];
    this.select(best.key, { scroll: false, focus: false });
  }

  has(key) {
    return this.byKey.has(key);
  }

  count(key) {
    return (this.starts.get(key) || []).length;
  }

  /** Highlight every span of a fact (and of its related fact: a quote's speaker), and scroll to it. */
  select(key, { scroll = true, focus = true, index = 0 } = {}) {
    for (const el of this.selected) el.classList.remove("selected", "flash");
    const keys = [key];
    const related = this.annotations.find((a) => a.key === key)?.related;
    if (related) keys.push(related);
    this.selected = keys.flatMap((k) => this.byKey.get(k) || []);
    for (const el of this.selected) {
      el.classList.add("selected");
      void el.offsetWidth; // restart the flash animation
      el.classList.add("flash");
    }
    const starts = this.starts.get(key) || [];
    const target = starts[index % Math.max(1, starts.length)];
    if (!target) return false;
    const still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    if (scroll) target.scrollIntoView({ block: "center", behavior: still ? "auto" : "smooth" });
    if (focus) target.focus({ preventScroll: true });
    return true;
  }

  setLayer(kind, visible) {
    this.element.classList.toggle(`hide-${kind}`, !visible);
  }
}
