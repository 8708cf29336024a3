// NATO's share-of-GDP series as an SVG line: filled points for reported figures, hollow for estimates,
// and NATO's 2 % guideline as a labelled dashed line.
"use strict";

async function drawSpending(code) {
  const svg = document.querySelector("#spending-chart");
  svg.replaceChildren();
  const data = await getJson(`api/spending?country=${code}&measure=ShareOfGdp&publisher=NATO&from=2014&to=2024`);
  const points = (data.series[0] || { observations: [] }).observations;
  const caption = document.querySelector("#spending-caption");
  if (points.length === 0) {
    caption.textContent = "NATO publishes no figures for this country.";
    svg.setAttribute("hidden", "");
    return;
  }
  svg.removeAttribute("hidden");
  const source = data.sources.find((s) => s.id === points[0].source);
  const first = points[0], last = points[points.length - 1];
  caption.textContent = `${first.year}: ${first.value.toFixed(2)} %, ${last.year}: ${last.value.toFixed(2)} %. ` +
    `Hollow points are estimates; the dashed line is NATO's 2 % guideline. Source: ${source ? `${source.publisher}, ${source.title}` : first.source}.`;
  const ns = "http://www.w3.org/2000/svg";
  const add = (tag, attributes, text) => {
    const node = document.createElementNS(ns, tag);
    for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
    if (text !== undefined) node.textContent = text;
    svg.append(node);
    return node;
  };
  const [left, right, top, bottom] = [44, 505, 12, 228];
  const years = points.map((p) => p.year);
  const [minYear, maxYear] = [Math.min(...years), Math.max(...years)];
  const maxValue = Math.max(2.5, ...points.map((p) => p.value)) * 1.1;
  const x = (year) => left + (maxYear === minYear ? 0 : (year - minYear) / (maxYear - minYear)) * (right - left);
  const y = (value) => bottom - (value / maxValue) * (bottom - top);
  for (let tick = 0; tick <= maxValue; tick += maxValue > 5 ? 1 : 0.5) {
    add("line", { class: "grid", x1: left, x2: right, y1: y(tick), y2: y(tick) });
    add("text", { x: left - 6, y: y(tick) + 4, "text-anchor": "end" }, `${tick.toFixed(1)} %`);
  }
  add("line", { class: "target", x1: left, x2: right, y1: y(2), y2: y(2) });
  add("text", { class: "target-label", x: left + 6, y: y(2) - 5, "text-anchor": "start" }, "NATO guideline: 2 % of GDP");
  add("line", { class: "axis", x1: left, x2: right, y1: bottom, y2: bottom });
  add("polyline", { class: "line", points: points.map((p) => `${x(p.year)},${y(p.value)}`).join(" ") });
  for (const p of points) {
    const circle = add("circle", { class: p.estimate ? "point estimate" : "point", cx: x(p.year), cy: y(p.value), r: 4, "data-year": p.year, "data-value": p.value });
    const title = document.createElementNS(ns, "title");
    title.textContent = `${p.year}: ${p.value.toFixed(2)} %${p.estimate ? " (estimate)" : ""}`;
    circle.append(title);
    // Every other year labelled where the chart is narrow: the labels would overlap.
    if (points.length <= 8 || (p.year - minYear) % 2 === 0 || p === last) add("text", { x: x(p.year), y: bottom + 16, "text-anchor": "middle" }, String(p.year));
  }
}
