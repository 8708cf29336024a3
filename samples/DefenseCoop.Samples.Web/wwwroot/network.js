// The network view. Its state (country, years, kinds of record, centrality) lives in the address's query
// string: the form is filled from it on load, and every change writes it back, so a view can be shared.
'use strict';

const palette = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#bcbd22', '#7f7f7f'];
const colour = community => palette[community % palette.length];
const svgNs = 'http://www.w3.org/2000/svg';
const form = document.getElementById('network-form');

function stateFromAddress() {
  const q = new URLSearchParams(location.search);
  return {
    country: q.get('country') ?? '',
    from: q.get('from') ?? '2015',
    to: q.get('to') ?? '2025',
    kinds: (q.get('kinds') ?? 'agreements,trade,events').split(',').filter(k => k),
    centrality: q.get('centrality') ?? 'PageRank',
  };
}

function fillForm(state) {
  form.country.value = state.country;
  form.from.value = state.from;
  form.to.value = state.to;
  for (const box of form.querySelectorAll('input[name=kinds]')) box.checked = state.kinds.includes(box.value);
  form.centrality.value = state.centrality;
}

function stateFromForm() {
  return {
    country: form.country.value.trim(),
    from: form.from.value,
    to: form.to.value,
    kinds: [...form.querySelectorAll('input[name=kinds]:checked')].map(b => b.value),
    centrality: form.centrality.value,
  };
}

function query(state) {
  const q = new URLSearchParams();
  if (state.country) q.set('country', state.country);
  q.set('from', state.from);
  q.set('to', state.to);
  q.set('kinds', state.kinds.join(','));
  q.set('centrality', state.centrality);
  return q.toString();
}

function element(name, attributes = {}, text) {
  const e = document.createElementNS(svgNs, name);
  for (const [k, v] of Object.entries(attributes)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

function format(value) {
  return Number.isInteger(value) ? String(value) : value.toPrecision(3);
}

async function show(state) {
  const error = document.getElementById('error');
  const section = document.getElementById('network');
  error.hidden = true;
  const response = await fetch('api/network?' + query(state));
  const body = await response.json();
  if (!response.ok) {
    error.textContent = body.detail ?? body.title ?? 'The request was refused.';
    error.hidden = false;
    section.hidden = true;
    return;
  }
  draw(body);
  section.hidden = false;
}

function draw(network) {
  const who = network.country ? (network.nodes.find(n => n.id === network.country)?.label ?? network.country) + "'s network" : 'The network';
  document.getElementById('network-title').textContent = `${who}, ${network.from}–${network.to}`;
  document.getElementById('summary').textContent =
    `${network.nodes.length} nodes, ${network.edges.length} ties; density ${format(network.density)}, ` +
    `${network.components} components, ${network.communities} communities (modularity ${format(network.modularity)}).`;
  const partner = network.nodes.find(n => n.id === network.topPartner);
  const top = document.getElementById('top-partner');
  top.textContent = partner ? `Top partner: ${partner.label}` : '';
  top.dataset.id = partner ? partner.id : '';

  const svg = document.getElementById('network-graph');
  svg.replaceChildren();
  const byId = new Map(network.nodes.map(n => [n.id, n]));
  const [width, height] = [800, 600];
  const maxWeight = Math.max(1, ...network.edges.map(e => e.weight));
  for (const e of network.edges) {
    const a = byId.get(e.source), b = byId.get(e.target);
    svg.append(element('line', {
      x1: a.x * width, y1: a.y * height, x2: b.x * width, y2: b.y * height,
      'stroke-width': 0.6 + 3 * Math.sqrt(e.weight / maxWeight), 'data-source': e.source, 'data-target': e.target,
    }));
  }
  const maxValue = Math.max(...network.nodes.map(n => n.value), 1e-12);
  const labelled = new Set([...network.top, network.country, network.topPartner]);
  for (const n of [...network.nodes].sort((p, q) => p.value - q.value)) {
    const circle = element('circle', {
      cx: n.x * width, cy: n.y * height, r: 3 + 15 * Math.sqrt(Math.max(n.value, 0) / maxValue),
      fill: colour(n.community), 'data-id': n.id, 'data-community': n.community, 'data-value': n.value,
      class: n.id === network.country ? 'focus' : '',
    });
    circle.append(element('title', {}, `${n.label}: ${network.centrality} ${format(n.value)}, community ${n.community + 1}`));
    svg.append(circle);
  }
  for (const n of network.nodes.filter(n => labelled.has(n.id)))
    svg.append(element('text', { x: n.x * width + 6, y: n.y * height - 6, 'data-id': n.id }, n.label));

  document.getElementById('value-heading').textContent = network.centrality;
  const rows = network.top.map((id, i) => {
    const n = byId.get(id);
    const tr = document.createElement('tr');
    tr.dataset.id = id;
    tr.innerHTML = `<td>${i + 1}</td><td></td><td class="value">${format(n.value)}</td><td><span class="swatch" style="background:${colour(n.community)}"></span>${n.community + 1}</td>`;
    tr.children[1].textContent = n.label;
    return tr;
  });
  document.querySelector('#top-ten tbody').replaceChildren(...rows);
}

form.addEventListener('submit', event => {
  event.preventDefault();
  const state = stateFromForm();
  history.pushState(null, '', '?' + query(state));
  show(state);
});
form.centrality.addEventListener('change', () => form.requestSubmit());
window.addEventListener('popstate', () => {
  const state = stateFromAddress();
  fillForm(state);
  show(state);
});

const initial = stateFromAddress();
fillForm(initial);
show(initial);
