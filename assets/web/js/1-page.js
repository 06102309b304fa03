/* incimap interactive map. Reads the data incimap wrote into this page and draws it with
   Leaflet: no request ever leaves the page. Every size, colour, legend value and wording comes
   from the data (computed by incimap with the static map's functions); this script only draws,
   filters and groups. Text from the data is only ever set with textContent, never as HTML.
   Part 1 of 4: the data, page words and colours, the map and its basemap (the static map's layers and colours). The four parts (assets/web/js/, in name order) run as one
   script inside one function scope, put together by src/render/html/page.rs. */
var D = JSON.parse(document.getElementById('incimap-data').textContent);
var W = D.words, S = D.S, T = D.theme, N = D.lon.length, UNIT = D.unit;
var DETAILS = document.getElementById('incimap-details').textContent;
var SVGNS = 'http://www.w3.org/2000/svg';
var UNDATED = -719162; /* 0001-01-01: the start of an undated incident's span */

/* A text of the data: an index into the string table, a string written in place, or -1. */
function str(v) { return typeof v === 'string' ? v : (v >= 0 ? S[v] : ''); }
function has(v) { return typeof v === 'string' || v >= 0; }
function el(tag, cls, text) {
  var e = document.createElement(tag);
  if (cls) { e.className = cls; }
  if (text !== undefined && text !== null) { e.textContent = text; }
  return e;
}
function svg(tag, attrs) {
  var e = document.createElementNS(SVGNS, tag);
  Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
  return e;
}
function byId(id) { return document.getElementById(id); }
function group3(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ','); }
function isoDay(days) { return new Date(days * 86400000).toISOString().slice(0, 10); }
function dayOf(text) {
  var t = Date.parse(text + 'T00:00:00Z');
  return isNaN(t) ? null : Math.round(t / 86400000);
}

/* ---- page words and colours ---- */
var root = document.documentElement.style;
root.setProperty('--page', T.page); root.setProperty('--text', T.text);
root.setProperty('--muted', T.muted); root.setProperty('--halo', T.halo);
root.setProperty('--town', T.town); root.setProperty('--area', T.area);
document.body.style.background = T.page; document.body.style.color = T.text;
byId('title').textContent = D.title; byId('title').dir = 'auto';
byId('period').textContent = D.period;
byId('size-heading').textContent = D.circleArea;
byId('size-note').textContent = D.sizeNote;
byId('types-heading').textContent = D.eventTypeHeading;
byId('dates-heading').textContent = W.dates;
byId('date-from-label').textContent = W.from;
byId('date-to-label').textContent = W.to;
byId('search-label').textContent = W.search;
byId('reset').textContent = W.reset;
byId('table-toggle').textContent = W.table;
byId('keys').textContent = W.keys;
byId('panel').setAttribute('aria-label', W.legend);
byId('group-note').textContent = W.grouped;
byId('table-caption').textContent = W.tableCaption;
credits();

function credits() {
  var c = byId('credits');
  var names = D.sources;
  c.appendChild(document.createTextNode(D.dataWord + ': '));
  var shown = names.slice(0, 8);
  shown.forEach(function (n, k) {
    if (k > 0) { c.appendChild(document.createTextNode('; ')); }
    c.appendChild(el('bdi', null, n));
  });
  if (names.length > shown.length) {
    var more = el('details');
    more.appendChild(el('summary', null, '+' + (names.length - shown.length)));
    more.appendChild(el('span', null, names.slice(shown.length).join('; ')));
    c.appendChild(document.createTextNode(' '));
    c.appendChild(more);
  }
  if (!names.length) { c.appendChild(document.createTextNode('—')); }
  c.appendChild(document.createTextNode('. ' + D.credits + ' Leaflet (BSD-2-Clause).'));
}

/* ---- the map and its basemap (the static map's layers and colours) ---- */
var map = L.map('map', {
  attributionControl: false, zoomSnap: 0.25, zoomDelta: 0.5, minZoom: 1, maxZoom: 15,
  keyboard: true, worldCopyJump: false, preferCanvas: false, zoomControl: false
});
L.control.zoom({ zoomInTitle: W.zoomInTitle, zoomOutTitle: W.zoomOutTitle }).addTo(map);
map.getContainer().style.background = T.sea;
map.getContainer().setAttribute('aria-label', W.map);
map.getContainer().setAttribute('role', 'region');
map.createPane('graticule').style.zIndex = 190;
map.createPane('base').style.zIndex = 200;
map.createPane('symbols').style.zIndex = 450;
map.createPane('labels').style.zIndex = 460;
var baseRenderer = L.canvas({ pane: 'base', padding: 0.3 });
var symbolRenderer = L.svg({ pane: 'symbols', padding: 0.3 });
L.control.scale({ metric: true, imperial: false, position: 'bottomleft' }).addTo(map);

function decode(text) {
  var pts = [], i = 0, lat = 0, lon = 0;
  while (i < text.length) {
    var d = [0, 0];
    for (var k = 0; k < 2; k++) {
      var result = 0, shift = 0, b;
      do { b = text.charCodeAt(i++) - 63; result |= (b & 31) << shift; shift += 5; } while (b >= 32);
      d[k] = (result & 1) ? ~(result >> 1) : (result >> 1);
    }
    lat += d[0]; lon += d[1];
    pts.push([lat / 1e5, lon / 1e5]);
  }
  return pts;
}
function parts(text) { return text.split(' ').filter(Boolean).map(decode); }
var B = D.basemap;
var base = function (list, style, polygon) {
  var shapes = list.map(parts);
  if (!shapes.length) { return null; }
  style.renderer = baseRenderer; style.interactive = false; style.pane = 'base';
  return (polygon ? L.polygon(shapes, style) : L.polyline([].concat.apply([], shapes), style)).addTo(map);
};
base(B.land, { fillColor: T.land, fillOpacity: 1, color: T.coast, weight: 0.8 * UNIT, fillRule: 'evenodd' }, true);
base(B.focus, { fillColor: T.landFocus, fillOpacity: 1, stroke: false, fillRule: 'evenodd' }, true);
base(B.admin1, { color: T.admin1, weight: 1.1 * UNIT, dashArray: (5 * UNIT) + ' ' + (3 * UNIT), fill: false }, false);
base(B.lakes, { fillColor: T.sea, fillOpacity: 1, color: T.coast, weight: 0.6 * UNIT, fillRule: 'evenodd' }, true);
var rivers = [];
B.rivers.forEach(function (r) {
  var layer = L.polyline(parts(r[1]), {
    color: T.water, weight: Math.max(0.7, 2.4 - 0.22 * r[0]) * UNIT, lineJoin: 'round',
    renderer: baseRenderer, interactive: false, pane: 'base'
  });
  rivers.push([r[0], layer]);
});
base(B.borders, { color: T.border, weight: 1.4 * UNIT, lineJoin: 'round', fill: false }, false);
/* Meridians and parallels at the static map's round step for the view (at most about eight
   across), under the land so that they show over the sea. */
var graticuleRenderer = L.canvas({ pane: 'graticule', padding: 0.3 });
var graticule = L.layerGroup().addTo(map);
function showGraticule() {
  graticule.clearLayers();
  var b = map.getBounds(), mid = b.getCenter().lat;
  var degAcross = Math.min(360, b.getEast() - b.getWest()) * Math.cos(mid * Math.PI / 180);
  var step = [0.25, 0.5, 1, 2, 5, 10, 15, 30].filter(function (s) { return degAcross / s <= 8; })[0] || 30;
  var west = Math.max(-180, Math.floor(b.getWest() / step) * step), east = Math.min(180, b.getEast());
  var south = Math.max(-85, Math.floor(b.getSouth() / step) * step), north = Math.min(85, b.getNorth());
  var lines = [];
  for (var x = west; x <= east; x += step) { lines.push([[south, x], [north, x]]); }
  for (var y = south; y <= north; y += step) {
    var row = [];
    for (var x2 = west; x2 <= east + step; x2 += step) { row.push([y, Math.min(x2, 180)]); }
    lines.push(row);
  }
  L.polyline(lines, { color: T.graticule, weight: 0.8 * UNIT, interactive: false, renderer: graticuleRenderer, pane: 'graticule' }).addTo(graticule);
}
function showRivers() {
  /* As the static map: only the larger rivers on maps of a large area. */
  var b = map.getBounds(), mid = b.getCenter().lat;
  var km = Math.min(360, b.getEast() - b.getWest()) * Math.cos(mid * Math.PI / 180) * 111;
  var maxRank = km > 8000 ? 2 : km > 3000 ? 4 : km > 1200 ? 6 : 99;
  rivers.forEach(function (r) {
    var want = r[0] <= maxRank;
    if (want && !map.hasLayer(r[1])) { r[1].addTo(map); }
    if (!want && map.hasLayer(r[1])) { map.removeLayer(r[1]); }
  });
}
