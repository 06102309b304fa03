/* incimap interactive map, part 5, only in a page of the static map's groups (a map of more
   incidents than a page can hold, aggregated while reading): each row of the data is one
   symbol of the static map, summing the incidents of a hexagon or place. This part says so
   on the page, counts symbols rather than incidents, and lists a symbol's largest incidents
   in its popup. It runs in the same function scope as parts 1–4 (src/render/html/page.rs). */
/* ---- the page of groups ---- */
var AG = D.aggregated;
/* Replaces part 4's count (a later function declaration of the same scope takes its place,
   also for the first drawing, before this part runs): the rows are symbols. */
function count(inViewCount) {
  byId('count').textContent = passCount === 0 ? W.none :
    D.aggregated.count.replace('{n}', group3(passCount)).replace('{total}', group3(N)).replace('{view}', group3(inViewCount));
}
(function () {
  var note = el('p', 'aggregated-note', AG.note);
  var after = byId('size-note');
  after.parentNode.insertBefore(note, after.nextSibling);
  byId('table-caption').textContent = AG.tableCaption;
  W.table = AG.table;
  byId('table-toggle').textContent = W.table;
  byId('types-heading').textContent = AG.typesHeading;
  /* A symbol's dates span all of its incidents: a date range would keep or drop whole sums. */
  byId('dates-heading').parentNode.hidden = true;
})();
var rowOf = null;
map.on('popupopen', function (e) {
  if (!rowOf) {
    rowOf = {};
    for (var k = 0; k < N; k++) { rowOf[str(detail(k)[0])] = k; }
  }
  var row = rowOf[openId], box = e.popup.getContent();
  if (row === undefined || !box || !box.appendChild || box.querySelector('.largest')) { return; }
  var section = el('div', 'largest');
  section.appendChild(el('h4', null, AG.largest));
  var list = el('ol', 'sources');
  AG.members[row].forEach(function (m) {
    /* [title, date, place, figure, id] */
    var li = el('li');
    li.appendChild(el('bdi', null, m[0]));
    li.appendChild(document.createTextNode(' — ' + m[1] + ' — '));
    li.appendChild(el('bdi', null, m[2]));
    li.appendChild(document.createTextNode(' — ' + m[3] + ' ('));
    li.appendChild(el('bdi', null, m[4]));
    li.appendChild(document.createTextNode(')'));
    list.appendChild(li);
  });
  section.appendChild(list);
  section.appendChild(el('p', null, AG.geojson));
  box.appendChild(section);
  e.popup.update();
});
