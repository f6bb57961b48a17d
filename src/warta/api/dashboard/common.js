// Helpers shared by the views: the API client, HTML escaping, status badges.

export const STATUS_HELP = {
  occurred: "happened, reported as fact",
  planned: "announced or scheduled, not yet happened",
  reported: "claimed by a source, unconfirmed",
  suspected: "speculation or possibility",
  denied: "a party says it did not happen",
  negated: "the text says it did not happen",
  hypothetical: "conditional or counterfactual",
};

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export async function api(path, options = {}) {
  const response = await fetch(path, {
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    ...options,
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const message = body.message || (typeof body.detail === "string" ? body.detail : response.statusText);
    throw new ApiError(response.status, message);
  }
  return body;
}

export function esc(value) {
  return String(value ?? "").replace(/[&<>"']/g, (c) => ({
    "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;",
  })[c]);
}

export function badge(status) {
  const s = esc(status || "unknown");
  return `<span class="status status-${s}" title="${esc(STATUS_HELP[status] || "")}">${s}</span>`;
}

export function actorLabel(name, country, sector) {
  const tags = [country, sector].filter(Boolean).join(" ");
  if (!name && !tags) return "—";
  return `${esc(name || tags)}${name && tags ? ` <small>${esc(tags)}</small>` : ""}`;
}

export function refLabel(ref) {
  return ref ? actorLabel(ref.name, ref.country, ref.sector) : "—";
}

export function kind(type, mode) {
  return esc(type) + (mode ? `<small>/${esc(mode)}</small>` : "");
}

export function showError(container, error) {
  container.innerHTML = `<p class="error" role="alert">${esc(error.message || error)}</p>`;
}

export function query(params) {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") q.set(key, value);
  }
  return q.toString();
}

export function formValues(form) {
  return Object.fromEntries(new FormData(form).entries());
}
