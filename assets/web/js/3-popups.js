/* incimap interactive map, part 3 of 4:
   popups (every figure with every claim) and what the table shows.
   The four parts (assets/web/js/, in name order) run as one script inside one function scope,
   put together by src/render/html/page.rs. */
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
  head.appendChild(el('bdi', null, str(f[0]) + (has(f[1]) ? ' (' + str(f[1]) + ')' : '')));
  if (has(f[2])) { head.appendChild(document.createTextNode(': ' + str(f[2]))); }
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
    [W.place, str(d[4]) + (has(d[5]) ? ' — ' + str(d[5]) : '') + ' (' + W.precision + ': ' + str(d[6]) + ')'],
    [W.gazetteer, str(d[7])],
    [W.coordinates, str(d[8])],
    [W.eventType, str(d[9]) + (has(d[10]) ? ' — ' + str(d[10]) : '')],
    [W.actors, d[11].map(str).join('; ')]
  ]));
  if (has(d[14])) { box.appendChild(el('p', null, str(d[14]))); }
  box.appendChild(el('h4', null, W.figures));
  if (!d[12].length) { box.appendChild(el('p', null, W.noFigures)); }
  d[12].forEach(function (f) { box.appendChild(figureNode(f)); });
  if (d[13].length) {
    box.appendChild(el('h4', null, W.sources));
    var ul = el('ul', 'sources');
    d[13].forEach(function (s) {
      var li = el('li');
      li.appendChild(el('bdi', null, str(s[0])));
      if (has(s[1])) { li.appendChild(document.createTextNode(' (' + str(s[1]) + ')')); }
      if (has(s[2])) {
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
  var h = el('h3', null, groupCount(g)); h.setAttribute('tabindex', '-1');
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
  openId = str(detail(i)[0]);
  showPopup([lat[i], lon[i]], incidentNode(i), from);
  writeHash();
}
function openItem(item, from) {
  if (item.group) { showPopup([item.lat, item.lon], groupNode(item.group), from); }
  else { openIncident(item.index, from); }
}
