// The article reader: the clean text with every record highlighted by its offsets, side
// lists of events, quotes and actors, and the removed boilerplate collapsed. Used for stored
// articles and for the paste box's fresh analysis (the same JSON shape).
import { badge, esc, kind, refLabel } from "./common.js";

const LAYERS = [
  ["entities", "Entities"],
  ["actors", "Actors"],
  ["events", "Events"],
  ["quotes", "Quotes"],
];

function spans(article) {
  const out = [];
  const add = (start, end, cls, attrs = {}, title = "") => {
    if (Number.isInteger(start) && Number.isInteger(end) && end > start) out.push({ start, end, cls, attrs, title });
  };
  (article.entities || []).forEach((e) => add(e.start, e.end, `ent ent-${e.type}`, {}, e.type));
  (article.actors || []).forEach((a, i) =>
    (a.mentions || []).forEach(([s, e]) =>
      add(s, e, "actor", { actor: i }, `${a.name} (${[a.country, a.sector].filter(Boolean).join(" ")})`)));
  (article.quotes || []).forEach((q, i) => {
    add(q.start, q.end, "quote", { quote: i }, `quote — ${q.speaker_name || "unknown speaker"}`);
    add(q.speaker_start, q.speaker_end, "speaker", { quote: i }, "speaker");
  });
  (article.events || []).forEach((ev, i) => {
    add(ev.start, ev.end, "event", { event: i }, `${ev.type} (${ev.status})`);
    (ev.mentions || []).forEach((m) =>
      add(m.trigger_start, m.trigger_end, `trigger status-${m.status}`, { event: i }, `${ev.type}: ${m.status}`));
  });
  return out;
}

function attrs(covering) {
  const merged = {};
  for (const s of covering) Object.assign(merged, s.attrs);
  return Object.entries(merged).map(([k, v]) => ` data-${k}="${esc(v)}"`).join("");
}

export function highlight(text, records) {
  // Cut the text at every span boundary; each piece carries the classes of the spans over it.
  const cuts = new Set([0, text.length]);
  for (const s of records) {
    cuts.add(Math.max(0, Math.min(text.length, s.start)));
    cuts.add(Math.max(0, Math.min(text.length, s.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  let html = "";
  for (let i = 0; i < points.length - 1; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const covering = records.filter((s) => s.start <= a && s.end >= b);
    const piece = esc(text.slice(a, b));
    if (!covering.length) { html += piece; continue; }
    const cls = [...new Set(covering.flatMap((s) => s.cls.split(" ")))].join(" ");
    const title = covering.map((s) => s.title).filter(Boolean).join(" · ");
    html += `<span class="${esc(cls)}"${attrs(covering)} title="${esc(title)}">${piece}</span>`;
  }
  return html;
}

function eventItem(ev, i) {
  const who = [ev.attributed_to ? `according to ${refLabel(ev.attributed_to)}` : "",
    ev.confirmed_by ? `confirmed by ${refLabel(ev.confirmed_by)}` : ""].filter(Boolean).join(" · ");
  const link = ev.event_id ? ` <a href="#/events?id=${encodeURIComponent(ev.event_id)}" class="small">all reports</a>` : "";
  return `<li data-event="${i}" tabindex="0">${badge(ev.status)} ${kind(ev.type, ev.mode)}
    <div>${refLabel(ev.source)} → ${refLabel(ev.target)}</div>
    ${ev.place ? `<div><small>at ${esc(ev.place.name)}</small></div>` : ""}
    ${who ? `<div><small>${who}</small></div>` : ""}${link}</li>`;
}

function quoteItem(q, i) {
  const extra = [q.role, q.affiliation].filter(Boolean).join(", ");
  return `<li data-quote="${i}" tabindex="0"><q>${esc(q.text)}</q>
    <div class="speaker-name">— ${esc(q.speaker_name || "unknown speaker")}${extra ? ` <small>(${esc(extra)})</small>` : ""}
    <small>${q.direct ? "direct" : "indirect"}</small></div></li>`;
}

function actorItem(a, i) {
  const tags = [a.country, a.sector].filter(Boolean).join(" ");
  return `<li data-actor="${i}" tabindex="0">${esc(a.name)} <small>${esc(tags)} ${esc(a.kind || "")}${a.role ? ` · ${esc(a.role)}` : ""} · ${(a.mentions || []).length}×</small></li>`;
}

function list(title, cls, items, fmt) {
  return `<section class="${cls}"><h3>${title} (${items.length})</h3><ol>${items.map(fmt).join("")}</ol></section>`;
}

function removed(article) {
  const blocks = article.removed || [];
  if (!blocks.length) return "";
  return `<details class="removed"><summary>Removed boilerplate (${blocks.length})</summary><ul>
    ${blocks.map((r) => `<li><span class="kind">${esc(r.kind)}</span> ${esc(r.text)}</li>`).join("")}</ul></details>`;
}

function toggles() {
  return `<div class="layers" role="group" aria-label="highlight layers">${LAYERS.map(([key, label]) =>
    `<label class="layer-${key}"><input type="checkbox" data-layer="${key}" checked> ${label}</label>`).join("")}</div>`;
}

function focus(root, key, value) {
  root.querySelectorAll(".focus").forEach((el) => el.classList.remove("focus"));
  const hits = root.querySelectorAll(`.article-text [data-${key}="${value}"]`);
  hits.forEach((el) => el.classList.add("focus"));
  if (hits[0]) hits[0].scrollIntoView({ block: "center", behavior: "smooth" });
}

function wire(root) {
  root.querySelectorAll(".layers input").forEach((box) =>
    box.addEventListener("change", () => root.classList.toggle(`hide-${box.dataset.layer}`, !box.checked)));
  for (const key of ["event", "quote", "actor"]) {
    root.querySelectorAll(`.side [data-${key}]`).forEach((li) => {
      const go = () => focus(root, key, li.dataset[key]);
      li.addEventListener("click", go);
      li.addEventListener("keydown", (e) => { if (e.key === "Enter") go(); });
    });
  }
}

export function renderArticle(root, article) {
  const meta = [article.outlet, article.language, article.published, article.dateline_place && `filed from ${article.dateline_place}`]
    .filter(Boolean).map(esc).join(" · ");
  root.classList.add("reader");
  root.innerHTML = `<header class="article-head"><h1>${esc(article.title || "(untitled)")}</h1>
      <p class="meta">${meta}${article.url ? ` · <a href="${esc(article.url)}" rel="noreferrer">source</a>` : ""}</p>${toggles()}</header>
    <div class="reader-body">
      <article class="article-text">${highlight(article.text || "", spans(article))}</article>
      <aside class="side">
        ${list("Events", "events-list", article.events || [], eventItem)}
        ${list("Quotes", "quotes-list", article.quotes || [], quoteItem)}
        ${list("Actors", "actors-list", article.actors || [], actorItem)}
      </aside>
    </div>${removed(article)}`;
  wire(root);
}

export function focusOffset(root, article, offset) {
  // Links from the explorer carry the evidence sentence's start: focus that event there.
  const index = (article.events || []).findIndex((e) => e.start <= offset && offset < e.end);
  if (index >= 0) focus(root, "event", index);
}
