// The page over the sample's API: no framework, no build step, nothing fetched from outside this server.
"use strict";

const $ = (selector) => document.querySelector(selector);
let countries = [];            // every country: code, name, alpha3
const names = new Map();       // code -> name
let loaded = Promise.resolve(); // the country list, once it has arrived

async function getJson(url) {
  const response = await fetch(url);
  const body = await response.json();
  if (!response.ok) throw new Error(body.detail || body.title || response.statusText);
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

function showError(error) {
  const box = $("#error");
  box.textContent = String(error.message || error);
  box.hidden = false;
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
    const button = element("button", { type: "button", "data-code": country.code, text: `${country.name} (${country.code})` });
    button.addEventListener("click", () => selectCountry(country.code));
    list.append(element("li", { role: "option" }, button));
  }
}

async function selectCountry(code) {
  await loaded;
  $("#error").hidden = true;
  $("#country-results").replaceChildren();
  $("#country-search").value = names.get(code) || code;
  $("#country-name").textContent = names.get(code) || code;
  $("#country").hidden = false;
  $("#country").dataset.code = code;
  $("#dyad").hidden = true;
  const [partners] = await Promise.all([getJson(`api/countries/${code}/partners`), drawSpending(code)]);
  const list = $("#partners");
  list.replaceChildren();
  for (const p of partners) {
    const button = element("button", { type: "button", "data-code": p.partner, text: names.get(p.partner) || p.partner });
    button.addEventListener("click", () => openDyad(code, p.partner));
    const counts = element("span", { class: "counts", text: `${p.agreements} agreements · ${p.tradeFlows} trade · ${p.events} events` });
    list.append(element("li", { "data-code": p.partner }, button, counts));
  }
}

async function openDyad(a, b) {
  await loaded;
  const data = await getJson(`api/dyads/${a}/${b}/timeline`);
  const sources = new Map(data.sources.map((s) => [s.id, s]));
  $("#dyad-name").textContent = `${names.get(a) || a} – ${names.get(b) || b}: timeline`;
  const body = $("#timeline tbody");
  body.replaceChildren();
  for (const entry of data.entries) {
    const date = element("td", { class: "date" }, entry.date || "undated",
      element("span", { class: "precision", text: precisionOf(entry.date) }));
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

// NATO's share-of-GDP series as an SVG line: filled points for reported figures, hollow for estimates.
async function drawSpending(code) {
  const svg = $("#spending-chart");
  svg.replaceChildren();
  const data = await getJson(`api/spending?country=${code}&measure=ShareOfGdp&publisher=NATO&from=2014&to=2024`);
  const points = (data.series[0] || { observations: [] }).observations;
  const caption = $("#spending-caption");
  if (points.length === 0) {
    caption.textContent = "NATO publishes no figures for this country.";
    return;
  }
  const source = data.sources.find((s) => s.id === points[0].source);
  caption.textContent = `Hollow points are estimates. Source: ${source ? `${source.publisher}, ${source.title}` : points[0].source}.`;
  const ns = "http://www.w3.org/2000/svg";
  const svgElement = (tag, attributes) => {
    const node = document.createElementNS(ns, tag);
    for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
    return node;
  };
  const [left, right, top, bottom] = [44, 505, 12, 228];
  const years = points.map((p) => p.year);
  const [minYear, maxYear] = [Math.min(...years), Math.max(...years)];
  const maxValue = Math.max(2.5, ...points.map((p) => p.value)) * 1.1;
  const x = (year) => left + (maxYear === minYear ? 0 : (year - minYear) / (maxYear - minYear)) * (right - left);
  const y = (value) => bottom - (value / maxValue) * (bottom - top);
  for (let tick = 0; tick <= maxValue; tick += maxValue > 5 ? 1 : 0.5) {
    svg.append(svgElement("line", { class: "grid", x1: left, x2: right, y1: y(tick), y2: y(tick) }));
    const label = svgElement("text", { x: left - 6, y: y(tick) + 4, "text-anchor": "end" });
    label.textContent = `${tick.toFixed(1)} %`;
    svg.append(label);
  }
  svg.append(svgElement("line", { class: "target", x1: left, x2: right, y1: y(2), y2: y(2) }));
  svg.append(svgElement("line", { class: "axis", x1: left, x2: right, y1: bottom, y2: bottom }));
  svg.append(svgElement("polyline", { class: "line", points: points.map((p) => `${x(p.year)},${y(p.value)}`).join(" ") }));
  for (const p of points) {
    const circle = svgElement("circle", { class: p.estimate ? "point estimate" : "point", cx: x(p.year), cy: y(p.value), r: 4, "data-year": p.year, "data-value": p.value });
    const title = svgElement("title", {});
    title.textContent = `${p.year}: ${p.value.toFixed(2)} %${p.estimate ? " (estimate)" : ""}`;
    circle.append(title);
    svg.append(circle);
    const label = svgElement("text", { x: x(p.year), y: bottom + 16, "text-anchor": "middle" });
    label.textContent = String(p.year);
    svg.append(label);
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
  input.addEventListener("keydown", (event) => {
    const first = $("#country-results button");
    if (event.key === "Enter" && first) first.click();
  });
  loaded = getJson("api/countries").then((list) => {
    countries = list;
    for (const c of list) names.set(c.code, c.name);
  });
  loaded.catch(showError);
}

start();
