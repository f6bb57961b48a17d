// The article list (#/articles) and one article in the reader (#/article/ID?at=OFFSET).
import { api, esc, query } from "./common.js";
import { focusOffset, renderArticle } from "./reader.js";

const PAGE = 50;

function row(a) {
  return `<tr><td><a href="#/article/${encodeURIComponent(a.id)}">${esc(a.title || a.path || a.id)}</a>
    ${a.duplicate_of ? ' <small class="dup" title="near-duplicate of an earlier article">duplicate</small>' : ""}</td>
    <td>${esc(a.outlet || "")}</td><td>${esc(a.published || "")}</td><td>${esc(a.language || "")}</td>
    <td class="num">${a.num_events ?? ""}</td></tr>`;
}

async function renderList(container, params) {
  const offset = Number(params.get("offset") || 0);
  const page = await api(`/api/articles?${query({ limit: PAGE, offset })}`);
  const nav = [
    offset > 0 ? `<a class="button secondary" href="#/articles?offset=${Math.max(0, offset - PAGE)}">← newer</a>` : "",
    page.next_offset != null ? `<a class="button secondary" href="#/articles?offset=${page.next_offset}">older →</a>` : "",
  ].join(" ");
  container.innerHTML = `<h1>Articles</h1><div class="pager">${nav}</div>
    ${page.items.length ? `<table class="articles"><thead><tr><th>Title</th><th>Outlet</th><th>Published</th>
    <th>Lang.</th><th>Events</th></tr></thead><tbody>${page.items.map(row).join("")}</tbody></table>`
      : '<p class="empty">No articles stored yet: ingest some with <code>warta ingest</code>.</p>'}`;
}

export async function render(container, { name, rest, params }) {
  if (name === "articles" || !rest[0]) return renderList(container, params);
  const article = await api(`/api/articles/${encodeURIComponent(rest[0])}`);
  container.innerHTML = "";
  const root = document.createElement("div");
  container.appendChild(root);
  renderArticle(root, article);
  if (params.has("at")) focusOffset(root, article, Number(params.get("at")));
}
