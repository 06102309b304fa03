/* incimap interactive map, part 4 of 4:
   the legend, the event-type toggles, the date range, search, reset, the table, the URL hash, and the start.
   The four parts (assets/web/js/, in name order) run as one script inside one function scope,
   put together by src/render/html/page.rs. */
/* ---- legend: the size legend of what is drawn, marks, event-type toggles ---- */
function legend() {
  var entries = D.scale.legend;
  if (grouped) {
    /* The first of incimap's group legends that covers the largest group drawn. */
    var largest = 0;
    drawn.forEach(function (layer) { largest = Math.max(largest, layer.incimapItem.value); });
    var pick = G.legends.filter(function (l) { return l[0] >= largest; })[0] || G.legends[G.legends.length - 1];
    entries = pick[1];
  }
  var s = byId('size-legend');
  while (s.firstChild) { s.removeChild(s.firstChild); }
  byId('group-note').hidden = !grouped;
  if (!entries.length) { s.setAttribute('height', '0'); return; }
  var rMax = entries[0][1], text = 13;
  function circle(cx, cy, r) {
    s.appendChild(svg('circle', { cx: cx, cy: cy, r: r, fill: 'none', stroke: T.muted, 'stroke-width': 1.3 }));
  }
  function label(x, y, value, anchor) {
    var t = svg('text', { x: x, y: y, fill: T.text, 'font-size': text, 'text-anchor': anchor });
    t.textContent = group3(value);
    s.appendChild(t);
  }
  /* As the static legend: nested circles with each value level with its circle's top, or,
     when the circles are too alike in size for that, side by side with values under them. */
  var apart = entries.every(function (e, k) { return k === 0 || 2 * (entries[k - 1][1] - e[1]) >= text * 1.1; });
  if (apart) {
    var cx = rMax + 2, bottom = 2 * rMax + 10;
    s.setAttribute('height', String(bottom + 4));
    s.setAttribute('width', String(Math.max(300, 2 * rMax + 90)));
    entries.forEach(function (e) {
      var r = e[1], top = bottom - 2 * r;
      circle(cx, bottom - r, r);
      s.appendChild(svg('line', { x1: cx, y1: top, x2: 2 * rMax + 18, y2: top, stroke: T.muted, 'stroke-dasharray': '2 2' }));
      label(2 * rMax + 22, top + 4, e[0], 'start');
    });
    return;
  }
  var slot = Math.max(2 * rMax, 44) + 14, base = 2 * rMax + 6;
  s.setAttribute('height', String(base + text * 1.6));
  s.setAttribute('width', String(Math.max(300, slot * entries.length)));
  entries.slice().reverse().forEach(function (e, k) {
    var x = slot * (k + 0.5);
    circle(x, base - e[1], e[1]);
    label(x, base + text * 1.3, e[0], 'middle');
  });
}
function marks() {
  var ul = byId('marks'), any = { ring: false, zero: false, none: false };
  for (var i = 0; i < N; i++) {
    if (D.ring[i] > 0) { any.ring = true; }
    if (val[i] === 0) { any.zero = true; }
    if (val[i] < 0) { any.none = true; }
  }
  function row(sample, text) {
    var li = el('li'), s = svg('svg', { width: 28, height: 28, viewBox: '-14 -14 28 28', 'aria-hidden': 'true' });
    sample.forEach(function (e) { s.appendChild(e); });
    li.appendChild(s); li.appendChild(el('span', null, text)); ul.appendChild(li);
  }
  if (any.ring) {
    row([svg('circle', { r: 11, fill: 'none', stroke: T.muted, 'stroke-width': 1.6, 'stroke-dasharray': '4 3' }),
      svg('circle', { r: 6, fill: T.none, 'fill-opacity': 0.45, stroke: T.muted })], D.dashedRing);
  }
  if (any.zero && D.zeroNote) {
    row([svg('circle', { r: 4, fill: T.halo, 'fill-opacity': 0.6, stroke: T.none, 'stroke-width': 2.2 })], D.zeroNote);
  }
  if (D.context.length) {
    row([svg('circle', { r: 4.5, fill: T.page, stroke: T.muted, 'stroke-width': 1.6 })], D.contextPlace);
  }
  if (any.none) {
    row([svg('path', { d: 'M0,-9L7,0L0,9L-7,0Z', fill: T.none, stroke: T.halo, 'stroke-width': 1.5 })], D.noFigure);
  }
}
function typeButtons() {
  var box = byId('types'), counts = D.types.map(function () { return 0; });
  for (var i = 0; i < N; i++) { counts[typ[i]]++; }
  D.types.forEach(function (t, k) {
    var b = el('button'); b.type = 'button'; b.setAttribute('aria-pressed', 'true'); b.dataset.type = String(k);
    var s = svg('svg', { width: 20, height: 20, viewBox: '-10 -10 20 20', 'aria-hidden': 'true' });
    s.appendChild(svg('circle', { r: 8, fill: t[1], 'fill-opacity': T.opacity, stroke: t[1], 'stroke-width': 2 }));
    b.appendChild(s); b.appendChild(el('span', null, t[0])); b.appendChild(el('span', 'n', group3(counts[k])));
    b.addEventListener('click', function () {
      typeOn[k] = !typeOn[k];
      b.setAttribute('aria-pressed', String(typeOn[k]));
      refilter();
    });
    box.appendChild(b);
  });
}
function count(inViewCount) {
  byId('count').textContent = passCount === 0 ? W.none :
    W.count.replace('{n}', group3(passCount)).replace('{total}', group3(N)).replace('{view}', group3(inViewCount));
}

/* ---- date range, search, reset, table ---- */
var from = byId('date-from'), to = byId('date-to');
[from, to].forEach(function (input) {
  input.min = String(dated[0]); input.max = String(dated[1]); input.step = '1';
  input.disabled = dated[0] === dated[1];
});
/* Data without any date has no range to choose from. */
if (!hasDates) { byId('dates-heading').parentNode.hidden = true; }
function showDates() {
  from.value = String(range[0]); to.value = String(range[1]);
  byId('date-from-out').textContent = isoDay(range[0]);
  byId('date-to-out').textContent = isoDay(range[1]);
  from.setAttribute('aria-valuetext', isoDay(range[0]));
  to.setAttribute('aria-valuetext', isoDay(range[1]));
}
from.addEventListener('input', function () { range[0] = Math.min(+from.value, range[1]); showDates(); refilter(); });
to.addEventListener('input', function () { range[1] = Math.max(+to.value, range[0]); showDates(); refilter(); });
var searchTimer = null;
byId('search').addEventListener('input', function (ev) {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(function () { query = ev.target.value; refilter(); }, 150);
});
byId('reset').addEventListener('click', function () {
  typeOn = typeOn.map(function () { return true; });
  Array.prototype.forEach.call(byId('types').querySelectorAll('button'), function (b) { b.setAttribute('aria-pressed', 'true'); });
  range = [dated[0], dated[1]]; query = ''; byId('search').value = '';
  showDates(); refilter();
});
var tableToggle = byId('table-toggle');
tableToggle.addEventListener('click', function () {
  var wrap = byId('table-wrap'), open = wrap.hidden;
  wrap.hidden = !open;
  tableToggle.setAttribute('aria-expanded', String(open));
  tableToggle.textContent = open ? W.hideTable : W.table;
  if (open) { buildTable(); byId('table-caption').setAttribute('tabindex', '-1'); byId('table-caption').focus(); }
});
var TABLE_MAX = 500;
function buildTable() {
  var t = byId('table'), head = t.tHead, body = t.tBodies[0];
  while (head.firstChild) { head.removeChild(head.firstChild); }
  while (body.firstChild) { body.removeChild(body.firstChild); }
  var tr = el('tr');
  [W.date, W.place, W.incident, W.eventType, W.figures, W.sources].forEach(function (h) {
    var th = el('th', null, h); th.setAttribute('scope', 'col'); tr.appendChild(th);
  });
  head.appendChild(tr);
  var list = inView();
  list.slice(0, TABLE_MAX).forEach(function (i) {
    var d = detail(i), row = el('tr');
    var th = el('th'); th.setAttribute('scope', 'row'); th.textContent = str(d[2]);
    row.appendChild(th);
    [str(d[4]) + (has(d[7]) ? ' (' + str(d[7]) + ')' : ''), str(d[1]), str(d[9])].forEach(function (v) {
      var td = el('td'); td.appendChild(el('bdi', null, v)); row.appendChild(td);
    });
    var figs = el('td');
    d[12].forEach(function (f) { figs.appendChild(figureNode(f)); });
    row.appendChild(figs);
    var srcs = el('td');
    srcs.appendChild(el('bdi', null, d[13].map(function (s) { return str(s[0]) + (has(s[2]) ? ' — ' + str(s[2]) : ''); }).join('; ')));
    row.appendChild(srcs);
    body.appendChild(row);
  });
  byId('table-cap').textContent = list.length > TABLE_MAX ? W.tableCap.replace('{n}', group3(TABLE_MAX)) : '';
}

/* ---- the URL hash keeps the view, the filters and the open incident ---- */
var ready = false;
function writeHash() {
  if (!ready) { return; }
  var c = map.getCenter(), parts = ['z=' + map.getZoom(), 'c=' + c.lat.toFixed(4) + ',' + c.lng.toFixed(4)];
  var hidden = [];
  typeOn.forEach(function (on, k) { if (!on) { hidden.push(k); } });
  if (hidden.length) { parts.push('hide=' + hidden.join(',')); }
  if (range[0] > dated[0]) { parts.push('from=' + isoDay(range[0])); }
  if (range[1] < dated[1]) { parts.push('to=' + isoDay(range[1])); }
  if (query) { parts.push('q=' + encodeURIComponent(query)); }
  if (openId) { parts.push('open=' + encodeURIComponent(openId)); }
  try { history.replaceState(null, '', '#' + parts.join('&')); } catch (e) { /* a page without history */ }
}
function readHash() {
  var h = {}, view = null;
  location.hash.replace(/^#/, '').split('&').forEach(function (kv) {
    var k = kv.indexOf('=');
    if (k > 0) { try { h[kv.slice(0, k)] = decodeURIComponent(kv.slice(k + 1)); } catch (e) { /* ignored */ } }
  });
  if (h.hide) { h.hide.split(',').forEach(function (k) { if (typeOn[+k] !== undefined) { typeOn[+k] = false; } }); }
  Array.prototype.forEach.call(byId('types').querySelectorAll('button'), function (b) { b.setAttribute('aria-pressed', String(typeOn[+b.dataset.type])); });
  var f = h.from && dayOf(h.from), t = h.to && dayOf(h.to);
  if (f !== null && f !== undefined && f !== '') { range[0] = Math.max(dated[0], Math.min(f, dated[1])); }
  if (t !== null && t !== undefined && t !== '') { range[1] = Math.min(dated[1], Math.max(t, range[0])); }
  if (h.q) { query = h.q; byId('search').value = h.q; }
  var c = (h.c || '').split(',').map(Number);
  if (h.z && c.length === 2 && isFinite(+h.z) && isFinite(c[0]) && isFinite(c[1])) { view = [[c[0], c[1]], +h.z]; }
  return { view: view, open: h.open };
}
function refilter() {
  applyFilters();
  redraw();
  if (!byId('table-wrap').hidden) { buildTable(); }
}

/* ---- start ---- */
typeButtons();
marks();
var start = readHash();
showDates();
applyFilters();
if (start.view) { map.setView(start.view[0], start.view[1]); }
else {
  var b = L.latLngBounds([]);
  for (i = 0; i < N; i++) { b.extend([lat[i], lon[i]]); }
  /* At least about 220 km across, as the static map: a single town still shows its region. */
  var mid = b.getCenter(), half = 1.0, halfLon = half / Math.max(0.2, Math.cos(mid.lat * Math.PI / 180));
  b.extend([mid.lat - half, mid.lng - halfLon]); b.extend([mid.lat + half, mid.lng + halfLon]);
  /* Room for the largest symbol (or ring) at the edge, as the static map leaves it. */
  var largest = 0;
  for (i = 0; i < N; i++) { largest = Math.max(largest, D.r[i], D.ring[i]); }
  var room = Math.min(largest, map.getSize().x / 4, map.getSize().y / 4) + 24;
  map.fitBounds(b, { maxZoom: 10, padding: [room, room] });
}
showGraticule();
showRivers();
ready = true;
map.on('moveend', function () { showGraticule(); showRivers(); redraw(); });
redraw();
if (start.open) {
  for (i = 0; i < N; i++) {
    if (str(detail(i)[0]) === start.open) { openIncident(i, null); break; }
  }
}
/* For tests and for readers' tools: what the page drew. */
window.incimap = {
  drawn: function () { return drawn.length; },
  grouped: function () { return grouped; },
  shown: function () { return passCount; },
  total: N
};
