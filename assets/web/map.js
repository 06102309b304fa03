/* incimap interactive map. Reads the data incimap wrote into this page and draws it with
   Leaflet: no request ever leaves the page. Every size, colour, legend value and wording comes
   from the data (computed by incimap with the static map's functions); this script only draws,
   filters and groups. Text from the data is only ever set with textContent, never as HTML. */
(function () {
  'use strict';
  var D = JSON.parse(document.getElementById('incimap-data').textContent);
  var W = D.words, S = D.S, T = D.theme, N = D.lon.length, UNIT = D.unit;
  var DETAILS = document.getElementById('incimap-details').textContent;
  var SVGNS = 'http://www.w3.org/2000/svg';
  var UNDATED = -719162; /* 0001-01-01: the start of an undated incident's span */

  function str(i) { return i >= 0 ? S[i] : ''; }
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
  document.body.style.background = T.page; document.body.style.color = T.text;
  byId('title').textContent = D.title;
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
    keyboard: true, worldCopyJump: false, preferCanvas: false
  });
  map.getContainer().style.background = T.sea;
  map.getContainer().setAttribute('aria-label', W.map);
  map.getContainer().setAttribute('role', 'region');
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
  function showRivers() {
    /* As the static map: only the larger rivers on maps of a large area. */
    var b = map.getBounds(), mid = b.getCenter().lat;
    var km = map.distance([mid, b.getWest()], [mid, b.getEast()]) / 1000;
    var maxRank = km > 8000 ? 2 : km > 3000 ? 4 : km > 1200 ? 6 : 99;
    rivers.forEach(function (r) {
      var want = r[0] <= maxRank;
      if (want && !map.hasLayer(r[1])) { r[1].addTo(map); }
      if (!want && map.hasLayer(r[1])) { map.removeLayer(r[1]); }
    });
  }

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
  if (dated[0] > dated[1]) { dated = [0, 0]; }
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

  function redraw() {
    symbolLayer.clearLayers(); labelLayer.clearLayers(); drawn = [];
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
  function groupLabel(g) {
    var first = g.members[0];
    return str(D.name[first]) + ' · ' + group3(g.members.length) + ' × ' + W.incident + (g.reported ? ' · ' + group3(g.sum) : '');
  }

  /* ---- labels: the largest incidents, then country, area and town names, none overlapping ---- */
  var measureCanvas = document.createElement('canvas').getContext('2d');
  function textWidth(text, px, bold) {
    measureCanvas.font = (bold ? 'bold ' : '') + px + 'px "DejaVu Sans", Verdana, sans-serif';
    return measureCanvas.measureText(text).width;
  }
  function placeLabels(items) {
    var boxes = [], size = map.getSize();
    function free(b) {
      if (b[0] < 0 || b[1] < 0 || b[2] > size.x || b[3] > size.y) { return false; }
      for (var k = 0; k < boxes.length; k++) {
        var o = boxes[k];
        if (b[0] < o[2] && o[0] < b[2] && b[1] < o[3] && o[1] < b[3]) { return false; }
      }
      return true;
    }
    items.forEach(function (it) {
      var pt = map.latLngToContainerPoint([it.lat, it.lon]);
      var r = Math.max(it.r, it.ring, 6);
      boxes.push([pt.x - r, pt.y - r, pt.x + r, pt.y + r]);
    });
    var placed = 0;
    items.slice(0, 200).forEach(function (it) {
      if (placed >= 25 || (it.r <= 0 && items.length > 25)) { return; }
      var i = grouped ? it.group.members[0] : it.index;
      var name = str(D.name[i]), what = grouped ? groupLabel(it.group).split(' · ').slice(1).join(' · ') : str(D.what[i]);
      var w = Math.max(textWidth(name, 13, true), textWidth(what, 11, false)) + 4, h = 30;
      var pt = map.latLngToContainerPoint([it.lat, it.lon]), r = Math.max(it.r, it.ring, 6) + 3;
      var spots = [[pt.x + r, pt.y - h / 2, 'left'], [pt.x - r - w, pt.y - h / 2, 'right'], [pt.x - w / 2, pt.y - r - h, 'left'], [pt.x - w / 2, pt.y + r, 'left']];
      for (var k = 0; k < spots.length; k++) {
        var b = [spots[k][0], spots[k][1], spots[k][0] + w, spots[k][1] + h];
        if (free(b)) {
          boxes.push(b); placed++;
          addLabel(map.containerPointToLatLng([b[0], b[1]]), [name, what], 'incident ' + spots[k][2], w, h);
          return;
        }
      }
    });
    var bounds = map.getBounds(), z = map.getZoom();
    var candidates = [];
    B.countries.forEach(function (c) { candidates.push([c, 'country', 14, 0]); });
    if (z >= 5) { B.areas.forEach(function (c) { candidates.push([c, 'area', 11, 1]); }); }
    B.towns.forEach(function (c) { if (c[3] <= z + 2) { candidates.push([c, 'town', 11, 2 + c[3] / 100]); } });
    candidates.sort(function (a, b) { return a[3] - b[3]; });
    var towns = 0;
    candidates.forEach(function (c) {
      var p = c[0];
      if (!bounds.contains([p[2], p[1]]) || (c[1] === 'town' && towns >= 40)) { return; }
      var pt = map.latLngToContainerPoint([p[2], p[1]]);
      var text = c[1] === 'country' ? p[0].toUpperCase() : p[0];
      var w = textWidth(text, c[2], false) * (c[1] === 'country' ? 1.15 : 1) + 4, h = c[2] * 1.3;
      var x = c[1] === 'town' ? pt.x + 5 : pt.x - w / 2, y = pt.y - h / 2;
      var b = [x, y, x + w, y + h];
      if (!free(b)) { return; }
      boxes.push(b);
      if (c[1] === 'town') {
        towns++;
        L.marker([p[2], p[1]], { icon: L.divIcon({ className: 'town-dot', iconSize: [6 * UNIT, 6 * UNIT] }), interactive: false, keyboard: false, pane: 'labels' }).addTo(labelLayer);
      }
      addLabel(map.containerPointToLatLng([b[0], b[1]]), [p[0]], c[1], w, h);
    });
  }
  function addLabel(topLeft, lines, cls, w, h) {
    var box = el('div');
    lines.forEach(function (t, k) { if (t) { box.appendChild(el('span', k === 0 && cls.indexOf('incident') === 0 ? 'name' : (k ? 'what' : ''), t)); } });
    L.marker(topLeft, { icon: L.divIcon({ html: box, className: 'map-label ' + cls, iconSize: [w, h], iconAnchor: [0, 0] }),
      interactive: false, keyboard: false, pane: 'labels' }).addTo(labelLayer);
  }

  /* ---- popups: every figure with every claim ---- */
  var lineStarts = null;
  function detail(i) {
    if (!lineStarts) {
      lineStarts = [];
      var at = DETAILS.indexOf('\n') + 1;
      while (at > 0 && at < DETAILS.length) { lineStarts.push(at); at = DETAILS.indexOf('\n', at) + 1; }
    }
    var end = DETAILS.indexOf('\n', lineStarts[i]);
    return JSON.parse(DETAILS.slice(lineStarts[i], end < 0 ? undefined : end));
  }
  function dl(rows) {
    var list = el('dl');
    rows.forEach(function (r) {
      if (!r[1]) { return; }
      list.appendChild(el('dt', null, r[0]));
      var dd = el('dd');
      dd.appendChild(el('bdi', null, r[1]));
      list.appendChild(dd);
    });
    return list;
  }
  function figureNode(f) {
    var box = el('div', 'figure');
    var head = el('p', 'figure-head');
    head.appendChild(el('bdi', null, str(f[0]) + (f[1] >= 0 ? ' (' + str(f[1]) + ')' : '')));
    if (f[2] >= 0) { head.appendChild(document.createTextNode(': ' + str(f[2]))); }
    box.appendChild(head);
    if (f[3].length) {
      var t = el('table', 'claims'), tr = el('tr');
      [W.claimValue, W.claimQualifier, W.claimSource, W.claimDocument, W.claimWords].forEach(function (h) {
        var th = el('th', null, h); th.setAttribute('scope', 'col'); tr.appendChild(th);
      });
      var thead = el('thead'); thead.appendChild(tr); t.appendChild(thead);
      var body = el('tbody');
      f[3].forEach(function (c) {
        var row = el('tr');
        [c[0], c[1], c[2], c[3], c[4]].forEach(function (v, k) {
          var td = el('td', k === 4 ? 'quote' : null);
          var text = str(v);
          td.appendChild(el('bdi', null, k === 4 && text ? '“' + text + '”' : (text || '—')));
          row.appendChild(td);
        });
        body.appendChild(row);
      });
      t.appendChild(body);
      box.appendChild(t);
    }
    if (f[4].length) {
      var parts = el('div', 'breakdown');
      parts.appendChild(el('p', null, W.breakdown));
      f[4].forEach(function (p) { parts.appendChild(figureNode(p)); });
      box.appendChild(parts);
    }
    return box;
  }
  function incidentNode(i) {
    var d = detail(i), box = el('div', 'incident');
    var h = el('h3'); h.setAttribute('tabindex', '-1'); h.appendChild(el('bdi', null, str(d[1]) || str(d[4])));
    box.appendChild(h);
    box.appendChild(dl([
      [W.date, str(d[2]) + ' (' + W.precision + ': ' + str(d[3]) + ')'],
      [W.place, str(d[4]) + (d[5] >= 0 ? ' — ' + str(d[5]) : '') + ' (' + W.precision + ': ' + str(d[6]) + ')'],
      [W.gazetteer, str(d[7])],
      [W.coordinates, str(d[8])],
      [W.eventType, str(d[9]) + (d[10] >= 0 ? ' — ' + str(d[10]) : '')],
      [W.actors, d[11].map(str).join('; ')]
    ]));
    if (d[14] >= 0) { box.appendChild(el('p', null, str(d[14]))); }
    box.appendChild(el('h4', null, W.figures));
    if (!d[12].length) { box.appendChild(el('p', null, W.noFigures)); }
    d[12].forEach(function (f) { box.appendChild(figureNode(f)); });
    if (d[13].length) {
      box.appendChild(el('h4', null, W.sources));
      var ul = el('ul', 'sources');
      d[13].forEach(function (s) {
        var li = el('li');
        li.appendChild(el('bdi', null, str(s[0])));
        if (s[1] >= 0) { li.appendChild(document.createTextNode(' (' + str(s[1]) + ')')); }
        if (s[2] >= 0) {
          li.appendChild(document.createTextNode(' — '));
          if (s[3] === 1) {
            var a = el('a', null, str(s[2]));
            a.href = str(s[2]); a.rel = 'noopener noreferrer external'; a.target = '_blank';
            a.setAttribute('title', W.opensNew);
            li.appendChild(a);
          } else { li.appendChild(el('bdi', null, str(s[2]))); }
        }
        ul.appendChild(li);
      });
      box.appendChild(ul);
    }
    return box;
  }
  function groupNode(g) {
    var box = el('div', 'group');
    var h = el('h3', null, group3(g.members.length) + ' × ' + W.incident); h.setAttribute('tabindex', '-1');
    box.appendChild(h);
    box.appendChild(el('p', null, W.group));
    if (g.reported) { box.appendChild(el('p', null, W.groupSum + ': ' + group3(g.sum))); }
    box.appendChild(el('h4', null, W.largest));
    var ul = el('ul', 'sources');
    g.members.slice(0, 10).forEach(function (i) {
      var li = el('li'), b = el('button');
      b.type = 'button';
      b.appendChild(el('bdi', null, str(D.name[i]) + ' · ' + str(D.what[i])));
      b.addEventListener('click', function () { openIncident(i, null); });
      li.appendChild(b); ul.appendChild(li);
    });
    box.appendChild(ul);
    var zoom = el('button', null, W.zoomIn); zoom.type = 'button';
    zoom.addEventListener('click', function () {
      var b = L.latLngBounds(g.members.map(function (i) { return [lat[i], lon[i]]; }));
      map.closePopup(); map.fitBounds(b.pad(0.2), { maxZoom: 13 });
    });
    box.appendChild(zoom);
    return box;
  }
  var openId = null;
  function showPopup(latlng, node, from) {
    var popup = L.popup({ maxWidth: 460, minWidth: 260, maxHeight: Math.max(200, Math.round(map.getSize().y * 0.8)), autoPanPadding: [16, 16] }).setLatLng(latlng).setContent(node).openOn(map);
    var h = node.querySelector('h3');
    if (h) { h.focus({ preventScroll: true }); }
    popup.on('remove', function () {
      openId = null; writeHash();
      if (from && document.body.contains(from)) { from.focus({ preventScroll: true }); }
    });
  }
  function openIncident(i, from) {
    openId = D.S[detail(i)[0]];
    showPopup([lat[i], lon[i]], incidentNode(i), from);
    writeHash();
  }
  function openItem(item, from) {
    if (item.group) { showPopup([item.lat, item.lon], groupNode(item.group), from); }
    else { openIncident(item.index, from); }
  }

  /* ---- legend: the size legend of what is drawn, marks, event-type toggles ---- */
  function legend() {
    var entries = grouped ? G.legend : D.scale.legend;
    var s = byId('size-legend');
    while (s.firstChild) { s.removeChild(s.firstChild); }
    byId('group-note').hidden = !grouped;
    if (!entries.length) { s.setAttribute('height', '0'); return; }
    var rMax = entries[0][1], cx = rMax + 2, bottom = 2 * rMax + 10;
    s.setAttribute('height', String(bottom + 4));
    s.setAttribute('width', String(Math.max(300, 2 * rMax + 90)));
    entries.forEach(function (e) {
      var r = e[1], top = bottom - 2 * r;
      s.appendChild(svg('circle', { cx: cx, cy: bottom - r, r: r, fill: 'none', stroke: T.muted, 'stroke-width': 1.3 }));
      s.appendChild(svg('line', { x1: cx, y1: top, x2: 2 * rMax + 18, y2: top, stroke: T.muted, 'stroke-dasharray': '2 2' }));
      var t = svg('text', { x: 2 * rMax + 22, y: top + 4, fill: T.text, 'font-size': 13 });
      t.textContent = group3(e[0]);
      s.appendChild(t);
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
      [str(d[4]) + (d[7] >= 0 ? ' (' + str(d[7]) + ')' : ''), str(d[1]), str(d[9])].forEach(function (v) {
        var td = el('td'); td.appendChild(el('bdi', null, v)); row.appendChild(td);
      });
      var figs = el('td');
      d[12].forEach(function (f) { figs.appendChild(figureNode(f)); });
      row.appendChild(figs);
      var srcs = el('td');
      srcs.appendChild(el('bdi', null, d[13].map(function (s) { return str(s[0]) + (s[2] >= 0 ? ' — ' + str(s[2]) : ''); }).join('; ')));
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
    map.fitBounds(b.pad(0.12), { maxZoom: 10, padding: [40, 40] });
  }
  showRivers();
  ready = true;
  map.on('moveend', function () { showRivers(); redraw(); });
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
})();
