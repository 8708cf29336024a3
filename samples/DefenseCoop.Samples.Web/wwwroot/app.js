// The page over the sample's API: no framework, no build step, nothing fetched from outside this server.
// Every view is in the address (see the sample's README): ?country=TR, ?country=TR&partner=FI, and
// &from=YYYY&to=YYYY for a range of years. Links and back/forward show a view directly.
"use strict";

const $ = (selector) => document.querySelector(selector);
const names = new Map();        // code -> name
let loaded = Promise.resolve(); // the country list, once it has arrived
let shown = 0;                  // the latest view asked for: an older answer arriving late is dropped

class ApiError extends Error {
  constructor(problem, status) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.problem = problem;
    this.status = status;
  }
}

async function getJson(url) {
  const response = await fetch(url);
  const body = await response.json();
  if (!response.ok) throw new ApiError(body, response.status);
  return body;
}

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key === "text") node.textContent = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child);
  return node;
}

// "1 agreement", "2 agreements": English plurals of the words the page counts.
function count(n, word) {
  return `${n} ${n === 1 ? word : word + "s"}`;
}

// --- The address: the one place a view is read from and written to. ---

function viewFromUrl() {
  const query = new URLSearchParams(location.search);
  const year = (name) => (/^[0-9]{1,4}$/.test(query.get(name) || "") ? Number(query.get(name)) : null);
  return { country: query.get("country") || null, partner: query.get("partner") || null, from: year("from"), to: year("to") };
}

function urlOf(view) {
  const query = new URLSearchParams();
  for (const key of ["country", "partner", "from", "to"]) if (view[key] !== null && view[key] !== undefined) query.set(key, view[key]);
  const text = query.toString();
  return text ? `?${text}` : location.pathname;
}

// Shows a view and records it in the history, so that back and forward return to it.
function go(view) {
  history.pushState(null, "", urlOf(view));
  return show(view).catch(showError);
}

function link(view, text) {
  const a = element("a", { href: urlOf(view), text });
  a.addEventListener("click", (event) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    go(view);
  });
  return a;
}

// --- Messages ---

function showError(error) {
  if (error instanceof ApiError && error.problem.suggestions) return suggest(error);
  const box = $("#error");
  box.textContent = String(error.message || error);
  box.hidden = false;
}

// An unknown or ambiguous name: say so, and offer the closest countries as links.
function suggest(error) {
  const box = $("#message");
  const [parameter, messages] = Object.entries(error.problem.errors || {})[0] || ["country", [error.message]];
  const text = messages[0].split(" Did you mean")[0];
  // The API names the parameter: "b" is the partner of a dyad, anything else the country.
  const viewOf = (code) => (parameter === "b" ? { ...viewFromUrl(), partner: code } : { ...viewFromUrl(), country: code, partner: null });
  const choices = error.problem.suggestions.map((s) => element("li", {}, link(viewOf(s.code), s.name)));
  box.replaceChildren(element("p", { text }), element("p", { text: "Did you mean:" }), element("ul", { class: "suggestions" }, ...choices));
  box.hidden = false;
  box.classList.add("problem");
}

function clearMessages() {
  for (const id of ["#message", "#error"]) {
    $(id).hidden = true;
    $(id).replaceChildren();
    $(id).classList.remove("problem");
  }
}

// --- Views ---

async function show(view) {
  const mine = ++shown;
  await loaded;
  clearMessages();
  $("#range-from").value = view.from ?? "";
  $("#range-to").value = view.to ?? "";
  if (!view.country) {
    $("#country").hidden = true;
    $("#dyad").hidden = true;
    document.title = "DefenseCoop — partners, timelines and spending";
    return;
  }
  let country;
  try {
    country = await getJson(`api/countries/${encodeURIComponent(view.country)}`);
  } catch (error) {
    if (mine !== shown) return;
    $("#country").hidden = true;
    $("#dyad").hidden = true;
    throw error;
  }
  if (mine !== shown) return;
  await showCountry(country, view, mine);
  if (mine !== shown) return;
  if (view.partner) await showDyad(country, view, mine);
  else $("#dyad").hidden = true;
  document.title = `${view.partner ? `${country.name} – ${names.get(view.partner) || view.partner}` : country.name} — DefenseCoop`;
  (view.partner ? $("#dyad-name") : $("#country-name")).focus({ preventScroll: !!view.partner });
}

async function showCountry(country, view, mine) {
  const range = new URLSearchParams();
  if (view.from) range.set("from", view.from);
  if (view.to) range.set("to", view.to);
  const [partners] = await Promise.all([getJson(`api/countries/${country.code}/partners?${range}`), drawSpending(country.code)]);
  if (mine !== shown) return;
  $("#country-search").value = country.name;
  $("#country-results").replaceChildren();
  $("#country-name").textContent = country.name;
  $("#country").dataset.code = country.code;
  const years = view.from || view.to ? ` (${view.from ?? "…"}–${view.to ?? "…"})` : "";
  $("#partners-heading").textContent = `${count(partners.length, "partner")}${years}, most shared records first`;
  const list = $("#partners");
  list.replaceChildren();
  for (const p of partners) {
    const counts = element("span", { class: "counts", text: `${count(p.agreements, "agreement")} · ${count(p.tradeFlows, "trade record")} · ${count(p.events, "event")}` });
    list.append(element("li", { "data-code": p.partner }, link({ ...view, country: country.code, partner: p.partner }, names.get(p.partner) || p.partner), " ", counts));
  }
  $("#country").hidden = false;
}

// The year of a partial date ("early 2023" -> 2023); null when undated.
const yearOf = (date) => (date ? Number(date.match(/[0-9]{4}/)[0]) : null);

async function showDyad(country, view, mine) {
  const data = await getJson(`api/dyads/${country.code}/${encodeURIComponent(view.partner)}/timeline`);
  if (mine !== shown) return;
  const sources = new Map(data.sources.map((s) => [s.id, s]));
  const inRange = (entry) => (!view.from && !view.to) || (yearOf(entry.date) !== null && yearOf(entry.date) >= (view.from ?? 1) && yearOf(entry.date) <= (view.to ?? 9999));
  const entries = data.entries.filter(inRange);
  const [a, b] = data.countries;
  $("#dyad-name").textContent = `${names.get(a) || a} – ${names.get(b) || b}: timeline`;
  $("#dyad-note").textContent = entries.length === data.entries.length
    ? `${count(entries.length, "record")}.`
    : `${count(entries.length, "record")} in the years chosen, of ${data.entries.length}; undated records are left out.`;
  const body = $("#timeline tbody");
  body.replaceChildren();
  for (const entry of entries) {
    const date = element("td", { class: "date" }, entry.date || "undated", " ", element("span", { class: "precision", text: precisionOf(entry.date) }));
    const what = element("td", {}, element("span", { class: "kind", text: words(entry.kind === "StatusChanged" ? entry.statusChange.status : entry.record.kind) }),
      entry.record.title || entry.summary.replace(/^[A-Za-z]+: /, ""));
    const cited = element("td", { class: "sources" });
    for (const id of entry.sources) {
      const source = sources.get(id);
      const label = source ? `${source.publisher}${source.published ? ", " + source.published : ""}` : id;
      cited.append(source && source.url
        ? element("a", { href: source.url, class: "source-link", "data-source": id, title: source.title, target: "_blank", rel: "noopener", text: label })
        : element("span", { class: "source-name", "data-source": id, title: source ? source.title : id, text: label }));
    }
    body.append(element("tr", { "data-date": entry.date || "", "data-kind": entry.kind, "data-record": entry.record.id }, date, what, cited));
  }
  $("#dyad").hidden = false;
  $("#dyad").scrollIntoView({ behavior: "instant", block: "start" });
}

// A partial date keeps its precision: "2019" is a year, "early 2023" a third of one, "2023-03" a month.
function precisionOf(date) {
  if (!date) return "undated";
  const [qualifier, core] = date.includes(" ") ? date.split(" ") : ["", date];
  const unit = core.length === 10 ? "day" : core.length === 7 ? "month" : "year";
  if (qualifier === "approximately") return `about a ${unit}`;
  return qualifier ? `third of a ${unit}` : unit;
}

// "MemorandumOfUnderstanding" -> "Memorandum of understanding".
function words(name) {
  const text = name.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

async function search(text) {
  const list = $("#country-results");
  list.replaceChildren();
  if (!text.trim()) return;
  const found = await getJson(`api/countries?q=${encodeURIComponent(text)}`);
  for (const country of found.slice(0, 12)) {
    const choice = link({ country: country.code, partner: null, from: viewFromUrl().from, to: viewFromUrl().to }, `${country.name} (${country.code})`);
    choice.dataset.code = country.code;
    list.append(element("li", {}, choice));
  }
}

function start() {
  // Listen at once: someone may type before the country list has arrived.
  const input = $("#country-search");
  let pending = 0;
  input.addEventListener("input", () => {
    const id = ++pending;
    setTimeout(() => { if (id === pending) search(input.value).catch(showError); }, 150);
  });
  // Enter (or Show) opens what was typed: the first match, else the text itself, which the API
  // resolves or refuses with suggestions.
  $("#search-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    const first = $("#country-results a");
    go({ ...viewFromUrl(), country: first ? first.dataset.code : text, partner: null });
  });
  $("#range-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const year = (value) => (value === "" ? null : Number(value));
    go({ ...viewFromUrl(), from: year($("#range-from").value), to: year($("#range-to").value) });
  });
  $("#range-clear").addEventListener("click", () => go({ ...viewFromUrl(), from: null, to: null }));
  window.addEventListener("popstate", () => show(viewFromUrl()).catch(showError));
  loaded = Promise.all([
    getJson("api/countries").then((list) => { for (const c of list) names.set(c.code, c.name); }),
    getJson("api/about").then((about) => { $("#data-version").textContent = about.dataVersion; }),
  ]);
  loaded.catch(showError);
  show(viewFromUrl()).catch(showError);
}

start();
