// The paste box: POST /api/analyze and show the result in the reader at once.
import { api, showError } from "./common.js";
import { renderArticle } from "./reader.js";

export async function render(container) {
  container.innerHTML = `<h1>Analyse an article</h1>
    <form id="analyze-form" class="analyze">
      <label for="analyze-text">Paste the article (Indonesian or English; text or HTML)</label>
      <textarea id="analyze-text" name="text" rows="10" required></textarea>
      <div class="row">
        <label>Published <input type="date" name="published"></label>
        <button type="submit">Analyse</button>
        <span class="hint">Nothing is stored.</span>
      </div>
    </form>
    <div id="analysis"></div>`;
  const form = container.querySelector("#analyze-form");
  const out = container.querySelector("#analysis");
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const data = new FormData(form);
    const body = { text: data.get("text") };
    if (data.get("published")) body.published = data.get("published");
    out.innerHTML = `<p class="busy">Analysing…</p>`;
    const button = form.querySelector("button");
    button.disabled = true;
    try {
      const article = await api("/api/analyze", { method: "POST", body: JSON.stringify(body) });
      renderArticle(out, article);
      out.dataset.done = "true";
    } catch (error) {
      showError(out, error);
    } finally {
      button.disabled = false;
    }
  });
}
