/* incimap interactive map, part 2 of 4:
   filters, and the symbols: incidents one by one, or grouped in screen hexagons as the static map; their labels.
   The four parts (assets/web/js/, in name order) run as one script inside one function scope,
   put together by src/render/html/page.rs. */
/* ---- incidents: positions, filters ---- */
var lon = D.lon, lat = D.lat, val = D.val, typ = D.type, d0 = D.d0, d1 = D.d1;
var mx = new Float64Array(N), my = new Float64Array(N);
for (var i = 0; i < N; i++) {
  var p = L.CRS.EPSG3857.projection.project(L.latLng(lat[i], lon[i]));
  mx[i] = p.x; my[i] = p.y;
}
var typeOn = D.types.map(function () { return true; });
var dated = [Infinity, -Infinity];
for (i = 0; i < N; i++) {
  if (d0[i] > UNDATED) { dated[0] = Math.min(dated[0], d0[i]); dated[1] = Math.max(dated[1], d1[i]); }
}
var hasDates = dated[0] <= dated[1];
if (!hasDates) { dated = [0, 0]; }
var range = [dated[0], dated[1]];
var query = '';
var lowerS = null;
var pass = new Uint8Array(N);
var passCount = 0;

function matches(i, q) {
  if (!lowerS) { lowerS = S.map(function (s) { return s.toLowerCase(); }); }
  var n = D.name[i], t = D.ttl[i];
  return (n >= 0 && lowerS[n].indexOf(q) >= 0) || (t >= 0 && lowerS[t].indexOf(q) >= 0);
}
function applyFilters() {
  passCount = 0;
  var q = query.trim().toLowerCase();
  var allDates = range[0] <= dated[0] && range[1] >= dated[1];
  for (var i = 0; i < N; i++) {
    var ok = typeOn[typ[i]] && (allDates || (d1[i] >= range[0] && d0[i] <= range[1])) && (!q || matches(i, q));
    pass[i] = ok ? 1 : 0;
    passCount += pass[i];
  }
}

/* ---- symbols: incidents one by one, or grouped in screen hexagons as the static map ---- */
var G = D.groups;
var symbolLayer = L.layerGroup().addTo(map);
var labelLayer = L.layerGroup().addTo(map);
var drawn = [];
var grouped = false;

function colourOf(t) { return D.types[t] ? D.types[t][1] : T.none; }
function hexOf(x, y, size) {
  var q = (Math.sqrt(3) / 3 * x - y / 3) / size, r = (2 / 3 * y) / size;
  var cx = q, cz = r, cy = -cx - cz;
  var rx = Math.round(cx), ry = Math.round(cy), rz = Math.round(cz);
  var dx = Math.abs(rx - cx), dy = Math.abs(ry - cy), dz = Math.abs(rz - cz);
  if (dx > dy && dx > dz) { rx = -ry - rz; } else if (dy <= dz) { rz = -rx - ry; }
  return rx + ',' + rz;
}
function inView() {
  var b = map.getBounds().pad(0.25), out = [];
  var s = b.getSouth(), n = b.getNorth(), w = b.getWest(), e = b.getEast();
  for (var i = 0; i < N; i++) {
    if (pass[i] && lat[i] >= s && lat[i] <= n && lon[i] >= w && lon[i] <= e) { out.push(i); }
  }
  return out;
}
function makeGroups(list) {
  var zoomScale = 256 * Math.pow(2, map.getZoom()) / (2 * Math.PI * 6378137);
  var cells = {}, keys = [];
  list.forEach(function (i) {
    var key = hexOf(mx[i] * zoomScale, -my[i] * zoomScale, G.hexPx);
    var g = cells[key];
    if (!g) { g = cells[key] = { members: [], sum: 0, reported: false, shares: {} }; keys.push(key); }
    g.members.push(i);
    if (val[i] >= 0) { g.reported = true; g.sum += val[i]; }
    var sh = g.shares[typ[i]] || (g.shares[typ[i]] = [0, 0]);
    sh[0] += Math.max(val[i], 0); sh[1] += 1;
  });
  return keys.map(function (key) {
    var g = cells[key], wsum = 0, la = 0, lo = 0, best = -1, bestT = 0;
    g.members.forEach(function (i) {
      var w = g.sum > 0 ? Math.max(val[i], 0) : 1;
      wsum += w; la += lat[i] * w; lo += lon[i] * w;
    });
    Object.keys(g.shares).forEach(function (t) {
      var sh = g.shares[t];
      if (best < 0 || sh[0] > g.shares[bestT][0] || (sh[0] === g.shares[bestT][0] && sh[1] > g.shares[bestT][1])) { best = 1; bestT = t; }
    });
    g.members.sort(function (a, b) { return val[b] - val[a] || a - b; });
    return { lat: la / wsum, lon: lo / wsum, members: g.members, sum: g.sum, reported: g.reported,
      type: +bestT, r: G.k * Math.sqrt(g.sum) };
  });
}

function focusable(layer, label, open) {
  var e = layer.getElement();
  if (!e) { return; }
  e.setAttribute('tabindex', '0');
  e.setAttribute('role', 'button');
  e.setAttribute('aria-label', label);
  e.addEventListener('keydown', function (ev) {
    if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); open(e); }
  });
}
function drawSymbol(item, label, open) {
  var colour = colourOf(item.type), ll = [item.lat, item.lon], layer;
  if (item.ring > 0) {
    L.circleMarker(ll, { radius: item.ring, fill: false, color: colour, weight: 2 * UNIT,
      dashArray: (6 * UNIT) + ' ' + (4 * UNIT), renderer: symbolRenderer, pane: 'symbols',
      interactive: false, className: 'ring' }).addTo(symbolLayer);
  }
  if (item.r > 0) {
    layer = L.circleMarker(ll, { radius: item.r, color: colour, weight: 2 * UNIT, fillColor: colour,
      fillOpacity: +T.opacity, renderer: symbolRenderer, pane: 'symbols', className: 'symbol' });
  } else if (item.value === 0) {
    layer = L.circleMarker(ll, { radius: 4 * UNIT, color: colour, weight: 2.2 * UNIT, fillColor: T.halo,
      fillOpacity: 0.6, renderer: symbolRenderer, pane: 'symbols', className: 'symbol zero' });
  } else {
    var m = 7 * UNIT, s = svg('svg', { width: 2 * m + 4, height: 2.6 * m + 4, viewBox: [-m - 2, -1.3 * m - 2, 2 * m + 4, 2.6 * m + 4].join(' ') });
    s.appendChild(svg('path', { d: 'M0,' + (-1.3 * m) + 'L' + m + ',0L0,' + (1.3 * m) + 'L' + (-m) + ',0Z', fill: colour, stroke: T.halo, 'stroke-width': 1.5 * UNIT }));
    layer = L.marker(ll, { icon: L.divIcon({ html: s, className: 'symbol-marker diamond', iconSize: [2 * m + 4, 2.6 * m + 4] }),
      pane: 'symbols', keyboard: true, title: label });
  }
  layer.addTo(symbolLayer);
  layer.on('click', function () { open(layer.getElement()); });
  if (layer instanceof L.CircleMarker) { focusable(layer, label, open); }
  else if (layer.getElement()) { layer.getElement().setAttribute('aria-label', label); layer.getElement().addEventListener('keydown', function (ev) { if (ev.key === ' ') { ev.preventDefault(); open(layer.getElement()); } }); }
  layer.incimapItem = item;
  drawn.push(layer);
  return layer;
}

/* Places the reports name for context: a hollow dot, as on the static map. */
function drawContext() {
  D.context.forEach(function (p) {
    L.circleMarker([p[2], p[1]], { radius: 4.5 * UNIT, color: T.muted, weight: 1.6 * UNIT, fillColor: T.page,
      fillOpacity: 1, renderer: symbolRenderer, pane: 'symbols', interactive: false }).addTo(symbolLayer);
  });
}

function redraw() {
  symbolLayer.clearLayers(); labelLayer.clearLayers(); drawn = [];
  drawContext();
  var list = inView();
  grouped = !!G && (G.mode === 'always' || list.length > G.limit);
  var items;
  if (grouped) {
    items = makeGroups(list).map(function (g) {
      return { lat: g.lat, lon: g.lon, r: g.r, ring: 0, value: g.reported ? g.sum : -1, type: g.type, group: g };
    });
  } else {
    items = list.map(function (i) {
      return { lat: lat[i], lon: lon[i], r: D.r[i], ring: D.ring[i], value: val[i], type: typ[i], index: i };
    });
  }
  /* Largest first, so that small symbols stay on top and visible (as the static map). */
  items.sort(function (a, b) { return Math.max(b.r, b.ring) - Math.max(a.r, a.ring) || (a.index || 0) - (b.index || 0); });
  items.forEach(function (item) {
    var label = grouped ? groupLabel(item.group) : (str(D.name[item.index]) + ' · ' + str(D.what[item.index]));
    drawSymbol(item, label, function (from) { openItem(item, from); });
  });
  placeLabels(items);
  legend();
  count(list.length);
  writeHash();
}
/* "Hasakah · 12 incidents · 340 killed", in incimap's words for groups. */
function groupCount(g) {
  var n = g.members.length, w = D.groupWords;
  return group3(n) + ' ' + (n === 1 ? w[0] : w[1]) + (g.reported ? ' · ' + group3(g.sum) + ' ' + (g.sum === 1 ? w[2] : w[3]) : '');
}
function groupLabel(g) { return str(D.name[g.members[0]]) + ' · ' + groupCount(g); }

/* ---- labels: the largest incidents, then country, area and town names, none overlapping ---- */
var measureCanvas = document.createElement('canvas').getContext('2d');
function textWidth(text, px, bold) {
  measureCanvas.font = (bold ? 'bold ' : '') + px + 'px "DejaVu Sans", Verdana, sans-serif';
  return measureCanvas.measureText(text).width;
}
function placeLabels(items) {
  /* Labels never overlap each other nor cover a symbol (its circle or ring, as drawn). */
  var boxes = [], circles = [], size = map.getSize();
  function free(b) {
    if (b[0] < 0 || b[1] < 0 || b[2] > size.x || b[3] > size.y) { return false; }
    for (var k = 0; k < boxes.length; k++) {
      var o = boxes[k];
      if (b[0] < o[2] && o[0] < b[2] && b[1] < o[3] && o[1] < b[3]) { return false; }
    }
    for (k = 0; k < circles.length; k++) {
      var c = circles[k];
      var dx = Math.max(b[0] - c[0], 0, c[0] - b[2]), dy = Math.max(b[1] - c[1], 0, c[1] - b[3]);
      var near = Math.sqrt(dx * dx + dy * dy);
      if (!c[3]) {
        if (near < c[2]) { return false; }
        continue;
      }
      /* A dashed ring is a line: a label may lie wholly inside or outside it, not across. */
      var fx = Math.max(Math.abs(b[0] - c[0]), Math.abs(b[2] - c[0]));
      var fy = Math.max(Math.abs(b[1] - c[1]), Math.abs(b[3] - c[1]));
      var far = Math.sqrt(fx * fx + fy * fy);
      if (near < c[2] + 2 && far > c[2] - 2) { return false; }
    }
    return true;
  }
  items.forEach(function (it) {
    var pt = map.latLngToContainerPoint([it.lat, it.lon]);
    circles.push([pt.x, pt.y, Math.max(it.r, 7 * UNIT * 1.3)]);
    if (it.ring > it.r) { circles.push([pt.x, pt.y, it.ring, true]); }
  });
  D.context.forEach(function (p) {
    var pt = map.latLngToContainerPoint([p[2], p[1]]);
    circles.push([pt.x, pt.y, 4.5 * UNIT + 2]);
  });
  var placed = 0;
  items.slice(0, 200).forEach(function (it) {
    if (placed >= 25 || (it.r <= 0 && items.length > 25)) { return; }
    var i = grouped ? it.group.members[0] : it.index;
    var name = str(D.name[i]), what = grouped ? groupCount(it.group) : str(D.what[i]);
    var w = Math.max(textWidth(name, 13, true), textWidth(what, 11, false)) + 4, h = 30;
    var pt = map.latLngToContainerPoint([it.lat, it.lon]), edge = Math.max(it.r, it.ring, 7 * UNIT * 1.3);
    /* Around the symbol first, then further out with a leader line (as the static map). */
    for (var out = 0; out < 3; out++) {
      var r = edge + 3 + out * 30, d = r * 0.72;
      var spots = [[pt.x + r, pt.y - h / 2, 'left'], [pt.x - r - w, pt.y - h / 2, 'right'],
        [pt.x - w / 2, pt.y - r - h, 'left'], [pt.x - w / 2, pt.y + r, 'left'],
        [pt.x + d, pt.y - d - h, 'left'], [pt.x - d - w, pt.y - d - h, 'right'],
        [pt.x + d, pt.y + d, 'left'], [pt.x - d - w, pt.y + d, 'right']];
      for (var k = 0; k < spots.length; k++) {
        var b = [spots[k][0], spots[k][1], spots[k][0] + w, spots[k][1] + h];
        if (free(b)) {
          boxes.push(b); placed++;
          if (out > 0) { leader(pt, b, Math.max(it.r, 7 * UNIT)); }
          addLabel(map.containerPointToLatLng([b[0], b[1]]), [name, what], 'incident ' + spots[k][2], w, h);
          return;
        }
      }
    }
  });
  var bounds = map.getBounds(), z = map.getZoom();
  var candidates = [];
  D.context.forEach(function (c) { candidates.push([c, 'context', 12, -1]); });
  B.countries.forEach(function (c) { candidates.push([c, 'country', 14, 0]); });
  if (z >= 5) { B.areas.forEach(function (c) { candidates.push([c, 'area', 11, 1]); }); }
  B.towns.forEach(function (c) { if (c[3] <= z + 2) { candidates.push([c, 'town', 11, 2 + c[3] / 100]); } });
  candidates.sort(function (a, b) { return a[3] - b[3]; });
  var towns = 0;
  var named = {};
  candidates.forEach(function (c) {
    var p = c[0];
    if (!bounds.contains([p[2], p[1]]) || (c[1] === 'town' && towns >= 40)) { return; }
    /* A country has several points to set its name at: the first that fits. */
    if (c[1] === 'country' && named[p[0]]) { return; }
    var pt = map.latLngToContainerPoint([p[2], p[1]]);
    var text = c[1] === 'country' ? p[0].toUpperCase() : p[0];
    var w = textWidth(text, c[2], false) * (c[1] === 'country' ? 1.15 : 1) + 4, h = c[2] * 1.3;
    var beside = c[1] === 'town' || c[1] === 'context';
    var x = beside ? pt.x + 4 + 5 * UNIT : pt.x - w / 2, y = pt.y - h / 2;
    var b = [x, y, x + w, y + h];
    /* A country too small on screen for its name goes unnamed. */
    var pxPerDeg = 256 * Math.pow(2, z) / 360;
    if (c[1] === 'country' && p[3] * pxPerDeg * pxPerDeg < 4 * w * h) { return; }
    if (!free(b)) { return; }
    boxes.push(b);
    if (c[1] === 'country') { named[p[0]] = true; }
    if (c[1] === 'town') {
      towns++;
      L.marker([p[2], p[1]], { icon: L.divIcon({ className: 'town-dot', iconSize: [6 * UNIT, 6 * UNIT] }), interactive: false, keyboard: false, pane: 'labels' }).addTo(labelLayer);
    }
    addLabel(map.containerPointToLatLng([b[0], b[1]]), [p[0]], c[1], w, h);
  });
}
/* A thin line from the symbol's edge to the nearest point of its label. */
function leader(pt, b, r) {
  var tx = Math.max(b[0], Math.min(pt.x, b[2])), ty = Math.max(b[1], Math.min(pt.y, b[3]));
  var len = Math.sqrt((tx - pt.x) * (tx - pt.x) + (ty - pt.y) * (ty - pt.y));
  if (len <= r) { return; }
  var from = [pt.x + (tx - pt.x) * r / len, pt.y + (ty - pt.y) * r / len];
  L.polyline([map.containerPointToLatLng(from), map.containerPointToLatLng([tx, ty])], {
    color: T.muted, weight: 1, interactive: false, pane: 'labels', renderer: symbolRenderer
  }).addTo(labelLayer);
}

function addLabel(topLeft, lines, cls, w, h) {
  var box = el('div');
  lines.forEach(function (t, k) {
    if (!t) { return; }
    var span = el('span', k === 0 && cls.indexOf('incident') === 0 ? 'name' : (k ? 'what' : ''), t);
    span.dir = 'auto'; /* right-to-left names read right to left */
    box.appendChild(span);
  });
  L.marker(topLeft, { icon: L.divIcon({ html: box, className: 'map-label ' + cls, iconSize: [w, h], iconAnchor: [0, 0] }),
    interactive: false, keyboard: false, pane: 'labels' }).addTo(labelLayer);
}
