// Events explorer: the /api/events filters as a form, a table of events, and the evidence
// of the selected event (every mention's sentence, trigger marked, linked to its article).
import { STATUS_HELP, actorLabel, api, badge, esc, formValues, kind, query } from "./common.js";

const FILTERS = ["type", "status", "source", "target", "actor", "since", "until"];
const PAGE = 50;
let vocabulary = null;

async function loadVocabulary() {
  if (!vocabulary) {
    const [vocab, actors] = await Promise.all([api("/api/vocabulary"), api("/api/actors?limit=500")]);
    vocabulary = { ...vocab, actors: actors.items };
  }
  return vocabulary;
}

function actorOptions(actors) {
  // Countries first (a filter on a country matches every actor of it), then named actors.
  const countries = [...new Set(actors.map((a) => a.country).filter(Boolean))].sort();
  return `<datalist id="actor-options">${countries.map((c) => `<option value="${esc(c)}">country</option>`).join("")}
    ${actors.map((a) => `<option value="${esc(a.id)}">${esc(a.name)}${a.country ? ` (${esc(a.country)})` : ""}</option>`).join("")}</datalist>`;
}

function options(values, selected, blank) {
  return [`<option value="">${esc(blank)}</option>`]
    .concat(values.map((v) => `<option value="${esc(v)}"${v === selected ? " selected" : ""}>${esc(v)}</option>`))
    .join("");
}

function form(params, vocab) {
  const v = (name) => esc(params.get(name) || "");
  return `
  <form id="event-filters" class="filters">
    <label>Type <select name="type">${options(vocab.types.map((t) => t.type), params.get("type"), "any type")}</select></label>
    <label>Status <select name="status">${options(vocab.statuses, params.get("status"), "any status")}</select></label>
    <label>Source <input name="source" list="actor-options" value="${v("source")}" placeholder="country or actor, e.g. PRK" size="10"></label>
    <label>Target <input name="target" list="actor-options" value="${v("target")}" placeholder="e.g. RUS" size="10"></label>
    <label>Either side <input name="actor" list="actor-options" value="${v("actor")}" placeholder="country or actor" size="10"></label>
    <label>Since <input type="date" name="since" value="${v("since")}"></label>
    <label>Until <input type="date" name="until" value="${v("until")}"></label>
    <button type="submit">Filter</button>
    <a class="button secondary" href="#/events">Clear</a>
    ${actorOptions(vocab.actors)}
  </form>`;
}

function row(event) {
  const place = event.place_name ? `${esc(event.place_name)}${event.place_country ? ` <small>${esc(event.place_country)}</small>` : ""}` : "";
  return `<tr class="event-row" data-id="${esc(event.id)}" data-status="${esc(event.status)}" tabindex="0">
    <td>${esc(event.first_seen || "undated")}</td>
    <td>${badge(event.status)}</td>
    <td class="type">${kind(event.type, event.mode)}</td>
    <td class="dyad-cell">${actorLabel(event.source_name, event.source_country, event.source_sector)}
      <span class="arrow">→</span> ${actorLabel(event.target_name, event.target_country, event.target_sector)}</td>
    <td>${place}</td>
    <td class="num">${event.num_articles ?? ""}</td>
    <td class="num">${event.goldstein ?? ""}</td>
  </tr>`;
}

function table(page) {
  if (!page.items.length) return `<p class="empty">No events match these filters.</p>`;
  return `<table class="events">
    <thead><tr><th>First seen</th><th>Status</th><th>Type</th><th>Source → target</th><th>Place</th>
    <th title="articles reporting it">Art.</th><th title="Goldstein scale, -10 conflict to +10 cooperation">Gold.</th></tr></thead>
    <tbody>${page.items.map(row).join("")}</tbody></table>`;
}

function pager(params, page) {
  const link = (offset, label) => {
    const p = new URLSearchParams(params);
    p.set("offset", offset);
    return `<a class="button secondary" href="#/events?${p}">${label}</a>`;
  };
  const prev = page.offset > 0 ? link(Math.max(0, page.offset - page.limit), "← newer") : "";
  const next = page.next_offset != null ? link(page.next_offset, "older →") : "";
  const shown = page.items.length ? `${page.offset + 1}–${page.offset + page.items.length}` : "0";
  return `<div class="pager">${prev}<span>events ${shown}</span>${next}</div>`;
}

function mark(sentence, start, evidence) {
  // Evidence offsets point into the article text; the sentence starts at `start`.
  const e = (evidence || [])[0];
  if (!e) return esc(sentence);
  const a = e.trigger_start - start;
  const b = e.trigger_end - start;
  if (a < 0 || b > sentence.length || a >= b) return esc(sentence);
  return `${esc(sentence.slice(0, a))}<mark class="trigger">${esc(sentence.slice(a, b))}</mark>${esc(sentence.slice(b))}`;
}

function mention(m) {
  const by = [
    m.attributed_to ? `according to ${actorLabel(m.attributed_to.name, m.attributed_to.country, m.attributed_to.sector)}` : "",
    m.confirmed_by ? `confirmed by ${actorLabel(m.confirmed_by.name, m.confirmed_by.country, m.confirmed_by.sector)}` : "",
  ].filter(Boolean).join(" · ");
  return `<li class="mention">
    <blockquote>${mark(m.sentence, m.start, m.evidence)}</blockquote>
    <div class="meta">${badge(m.status)} ${by}
      — <a href="#/article/${encodeURIComponent(m.article_id)}?at=${m.start}">${esc(m.title || m.article_id)}</a>
      ${m.outlet ? `<small>${esc(m.outlet)}</small>` : ""} ${m.published ? `<small>${esc(m.published)}</small>` : ""}</div>
  </li>`;
}

async function showEvent(panel, id) {
  const event = await api(`/api/events/${encodeURIComponent(id)}`);
  const history = (event.status_history || [])
    .map((h) => `${badge(h.status)} <small>${esc(h.date || "")}</small>`).join(" → ");
  panel.innerHTML = `<h2>${kind(event.type, event.mode)} ${badge(event.status)}</h2>
    <p>${actorLabel(event.source_name, event.source_country, event.source_sector)} → ${actorLabel(event.target_name, event.target_country, event.target_sector)}
    ${event.cameo ? ` · CAMEO ${esc(event.cameo)}` : ""} · QuadClass ${esc(event.quad_class ?? "?")} · ${event.num_mentions} mention(s) in ${event.num_articles} article(s)</p>
    ${history ? `<p class="history">Status over time: ${history}</p>` : ""}
    <h3>Evidence</h3><ol class="mentions">${event.mentions.map(mention).join("")}</ol>`;
  panel.hidden = false;
}

export async function render(container, { params }) {
  const vocab = await loadVocabulary();
  const legend = Object.entries(STATUS_HELP).map(([s, help]) => `<span>${badge(s)} <small>${esc(help)}</small></span>`).join("");
  container.innerHTML = `<h1>Events</h1>${form(params, vocab)}<p class="status-legend">${legend}</p><div id="event-results">Loading…</div>
    <aside id="event-detail" class="panel" hidden></aside>`;
  const filters = container.querySelector("#event-filters");
  filters.addEventListener("submit", (e) => {
    e.preventDefault();
    location.hash = `#/events?${query(formValues(filters))}`;
  });
  const wanted = Object.fromEntries(FILTERS.map((f) => [f, params.get(f)]));
  const page = await api(`/api/events?${query({ ...wanted, limit: PAGE, offset: params.get("offset") })}`);
  const results = container.querySelector("#event-results");
  results.innerHTML = pager(params, page) + table(page);
  const panel = container.querySelector("#event-detail");
  results.querySelectorAll(".event-row").forEach((tr) => {
    const open = () => {
      results.querySelectorAll(".event-row.selected").forEach((r) => r.classList.remove("selected"));
      tr.classList.add("selected");
      showEvent(panel, tr.dataset.id).catch((err) => { panel.hidden = false; panel.textContent = err.message; });
    };
    tr.addEventListener("click", open);
    tr.addEventListener("keydown", (e) => { if (e.key === "Enter") open(); });
  });
  if (params.get("id")) await showEvent(panel, params.get("id"));
}
