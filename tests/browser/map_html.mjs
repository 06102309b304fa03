// Browser test of incimap's interactive map (`incimap map --format html`), run by
// tests/browser/run.sh from .ci/run: opens map.html from a folder on disk in Debian's
// Chromium (headless, via playwright-core) with every network request refused, and checks what
// a reader would: symbols and legend are there, the Hasakah popup lists every claim with its
// source, keyboard opens it too, the event-type toggle, date slider and search hide and show
// incidents, the URL hash restores a view, the screen-reader table lists every claim, names
// and quotes made of markup stay text, no request leaves file:, and the page looks like the
// reference screenshot (tests/reference/map-html-1200x800.png; INCIMAP_BLESS=1 rewrites it).
//
// Usage: node tests/browser/map_html.mjs OUT_DIR   (OUT_DIR holds example/ and injection/,
// each with map.html and incidents.geojson from the same run).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const out = path.resolve(process.argv[2] || 'target/browser-test');
const reference = path.resolve('tests/reference/map-html-1200x800.png');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--font-render-hinting=none'],
});
after(() => browser.close());

/** Opens a map with the network blocked; returns the page and what it tried to reach. */
async function open(dir, hash = '') {
  const context = await browser.newContext({ viewport: { width: 1200, height: 800 }, offline: true });
  const requests = [];
  const problems = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    requests.push(url);
    return url.startsWith('file:') ? route.continue() : route.abort();
  });
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') { problems.push(m.text()); } });
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('dialog', (d) => { problems.push('dialog: ' + d.message()); d.dismiss(); });
  page.on('request', (r) => { if (!requests.includes(r.url())) { requests.push(r.url()); } });
  await page.goto('file://' + path.join(out, dir, 'map.html') + hash);
  await page.waitForFunction(() => window.incimap && window.incimap.drawn() > 0);
  return { page, requests, problems, context };
}

function features(dir) {
  return JSON.parse(fs.readFileSync(path.join(out, dir, 'incidents.geojson'), 'utf8')).features;
}

async function clickSymbol(page, name) {
  const symbol = page.locator(`[aria-label^="${name} ·"]`).first();
  await symbol.click();
  return popupShown(page);
}

/** The open popup, once it has faded in and the map has panned to show it. */
async function popupShown(page) {
  await page.waitForSelector('.leaflet-popup-content');
  await page.waitForFunction(() => getComputedStyle(document.querySelector('.leaflet-popup')).opacity === '1');
  await page.waitForTimeout(400);
  return page.locator('.leaflet-popup-content');
}

test('every incident is drawn with the legend, offline, without a request leaving file:', async () => {
  const { page, requests, problems, context } = await open('example');
  const data = features('example');
  assert.equal(await page.evaluate(() => window.incimap.total), data.length);
  assert.equal(await page.evaluate(() => window.incimap.drawn()), data.length);
  const symbols = await page.locator('path.symbol, .symbol-marker').count();
  assert.equal(symbols, data.length);
  assert.ok(await page.locator('#size-legend circle').count() >= 1, 'size legend circles');
  assert.ok(await page.locator('path.ring').count() >= 1, 'a dashed ring where claims disagree');
  assert.ok((await page.locator('#types button').count()) >= 1);
  assert.match(await page.locator('#credits').textContent(), /GeoNames \(CC BY 4\.0\).*Natural Earth/);
  fs.mkdirSync(out, { recursive: true });
  await page.screenshot({ path: path.join(out, 'map-html.png') });
  assert.deepEqual(requests.filter((u) => !u.startsWith('file:')), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the Hasakah popup lists every figure with every claim and its source', async () => {
  const { page, context } = await open('example');
  const hasakah = features('example').find((f) => f.properties.place === 'Hasakah'
    || JSON.stringify(f.properties).includes('Hasakah'));
  assert.ok(hasakah, 'Hasakah in the data');
  const popup = await clickSymbol(page, 'Hasakah');
  const text = await popup.textContent();
  assert.match(text, /Syrian Observatory for Human Rights/);
  assert.match(text, /Islamic State/);
  const figures = hasakah.properties.figures;
  const claims = (f) => f.claims.length + (f.parts || []).reduce((n, p) => n + claims(p), 0);
  const expected = figures.reduce((n, f) => n + claims(f), 0);
  assert.equal(await popup.locator('table.claims tbody tr').count(), expected);
  for (const f of figures) {
    for (const c of f.claims) {
      if (c.text) { assert.ok(text.includes(c.text), `quoted words: ${c.text}`); }
    }
  }
  assert.match(text, /gazetteer id/);
  await page.screenshot({ path: path.join(out, 'map-html-popup.png') });
  await context.close();
});

test('a large set is grouped as the static map, and ungrouped when zoomed in', async () => {
  const { page, problems, context } = await open('large');
  const total = await page.evaluate(() => window.incimap.total);
  assert.equal(total, features('large').length);
  assert.equal(await page.evaluate(() => window.incimap.grouped()), true);
  const groups = await page.evaluate(() => window.incimap.drawn());
  assert.ok(groups > 10 && groups <= 1500, `${groups} groups`);
  assert.equal(await page.locator('#group-note').isVisible(), true);
  // A group's popup says how many incidents it sums and lists the largest.
  await page.locator('path.symbol').first().click({ force: true });
  const popup = await popupShown(page);
  assert.match(await popup.textContent(), /Place \d+/);
  // Zoomed in far enough, incidents are drawn one by one again.
  for (let k = 0; k < 6 && await page.evaluate(() => window.incimap.grouped()); k++) {
    await page.locator('.leaflet-control-zoom-in').click();
    await page.waitForTimeout(600);
  }
  assert.equal(await page.evaluate(() => window.incimap.grouped()), false);
  assert.ok(await page.evaluate(() => window.incimap.drawn()) <= 1500);
  await page.screenshot({ path: path.join(out, 'map-html-large.png') });
  assert.deepEqual(problems, []);
  await context.close();
});

test('above 50,000 incidents the page draws the static map\'s groups and says so', async () => {
  const { page, requests, problems, context } = await open('groups');
  const rows = await page.evaluate(() => window.incimap.total);
  assert.ok(rows > 10 && rows < 5000, `${rows} symbols`);
  assert.equal(await page.evaluate(() => window.incimap.grouped()), false);
  assert.equal(await page.evaluate(() => window.incimap.drawn()), rows);
  assert.match(await page.locator('.aggregated-note').textContent(),
    /symbols, not its 60,000 incidents.*incidents\.geojson holds every incident/);
  assert.match(await page.locator('#count').textContent(), /symbols match the filters/);
  assert.equal(await page.locator('#table-toggle').textContent(), 'Show the symbols as a table');
  assert.match(await page.locator('#credits').textContent(), /Monitor 0.*GeoNames \(CC BY 4\.0\).*Natural Earth/);
  assert.ok(await page.locator('#size-legend circle').count() >= 1, 'size legend circles');
  // A symbol's popup: how many incidents it sums, their sum, and its largest incidents.
  await page.locator('path.symbol').first().click({ force: true });
  const popup = await popupShown(page);
  const text = await popup.textContent();
  assert.match(text, /[\d,]+ incidents/);
  assert.match(text, /sum over [\d,]+ incidents/);
  assert.match(text, /Largest incidents/);
  const largest = await popup.locator('.largest li').count();
  assert.ok(largest >= 1 && largest <= 5, `${largest} largest`);
  await page.screenshot({ path: path.join(out, 'map-html-groups.png') });
  assert.deepEqual(requests.filter((u) => !u.startsWith('file:')), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the URL hash reopens the incident whose popup was open', async () => {
  const { page, context } = await open('example');
  await clickSymbol(page, 'Hasakah');
  const hash = await page.evaluate(() => location.hash);
  assert.match(hash, /open=/);
  await context.close();
  const again = await open('example', hash);
  const popup = await popupShown(again.page);
  assert.match(await popup.textContent(), /Islamic State/);
  await again.context.close();
});

test('the keyboard reaches a symbol and Enter opens its popup', async () => {
  const { page, context } = await open('example');
  await page.locator('[aria-label^="Hasakah ·"]').first().focus();
  await page.keyboard.press('Enter');
  await popupShown(page);
  assert.match(await page.locator('.leaflet-popup-content').textContent(), /Islamic State/);
  const focused = await page.evaluate(() => document.activeElement.tagName);
  assert.equal(focused, 'H3', 'focus moves into the popup');
  await context.close();
});

test('event-type toggles, the date slider and the search hide and show incidents', async () => {
  const { page, context } = await open('example');
  const total = await page.evaluate(() => window.incimap.total);
  const drawn = () => page.evaluate(() => window.incimap.drawn());
  const buttons = page.locator('#types button');
  for (let k = 0; k < await buttons.count(); k++) { await buttons.nth(k).click(); }
  assert.equal(await drawn(), 0);
  assert.equal(await buttons.first().getAttribute('aria-pressed'), 'false');
  for (let k = 0; k < await buttons.count(); k++) { await buttons.nth(k).click(); }
  assert.equal(await drawn(), total);
  // The slider's start at 2022: only the Hasakah battle (January 2022) is left.
  await page.evaluate(() => {
    const from = document.getElementById('date-from');
    from.value = String(Math.round(Date.parse('2022-01-01T00:00:00Z') / 86400000));
    from.dispatchEvent(new Event('input'));
  });
  assert.equal(await drawn(), 1);
  assert.match(await page.evaluate(() => location.hash), /from=2022-01-01/);
  await page.locator('#reset').click();
  assert.equal(await drawn(), total);
  await page.locator('#search').fill('suluk');
  await page.waitForFunction(() => window.incimap.drawn() === 1);
  const hash = await page.evaluate(() => location.hash);
  assert.match(hash, /q=suluk/);
  await context.close();
  // The URL hash keeps the view and the filters: a shared link shows the same.
  const again = await open('example', hash);
  assert.equal(await again.page.evaluate(() => window.incimap.drawn()), 1);
  assert.equal(await again.page.locator('#search').inputValue(), 'suluk');
  await again.context.close();
});

test('--lang nl: the page, its controls and its popups speak Dutch', async () => {
  const { page, problems, context } = await open('example-nl');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'nl');
  assert.equal(await page.locator('#search-label').textContent(), 'Zoek plaatsen en titels');
  assert.equal(await page.locator('#reset').textContent(), 'Filters wissen');
  assert.match(await page.locator('#types').textContent(), /Gevechten/);
  assert.match(await page.locator('#credits').textContent(), /Basiskaart: Natural Earth/);
  const popup = await clickSymbol(page, 'Hasakah');
  const text = await popup.textContent();
  assert.match(text, /Aantallen en wie ze meldde/);
  assert.match(text, /Wie het zei/);
  assert.match(text, /ten minste/);
  await page.screenshot({ path: path.join(out, 'map-html-nl-dark.png') });
  assert.deepEqual(problems, []);
  await context.close();
});

test('the table for screen readers is hidden until asked and lists every claim', async () => {
  const { page, context } = await open('example');
  assert.equal(await page.locator('#table-wrap').isVisible(), false);
  await page.locator('#table-toggle').click();
  assert.equal(await page.locator('#table-toggle').getAttribute('aria-expanded'), 'true');
  const rows = page.locator('#table > tbody > tr');
  assert.equal(await rows.count(), features('example').length);
  assert.match(await page.locator('#table').textContent(), /Kurdish authorities/);
  await context.close();
});

test('names and quotes made of markup, quotes and right-to-left text stay text', async () => {
  const { page, requests, problems, context } = await open('injection');
  assert.equal(await page.locator('script').count(), 4, 'no script element was injected');
  assert.equal(await page.locator('img, iframe, object, embed').count(), 0);
  const popup = await clickSymbol(page, '</script><img src=x onerror=alert(1)>');
  const text = await popup.textContent();
  for (const literal of ['<script>alert("title")</script> & \'quotes\' "double"', '</script><img src=x onerror=alert(1)>',
    'five </script><script>alert(2)</script>', 'Monitor & <i>Co</i>', 'مرصد حقوق الإنسان', 'Outlet <svg onload=alert(3)>']) {
    assert.ok(text.includes(literal), `shown as text: ${literal}`);
  }
  // Only web addresses become links; a javascript: location stays text.
  const links = await popup.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.deepEqual(links, ['https://example.org/report?a=1&b=<2>']);
  assert.equal(await page.title(), await page.evaluate(() => JSON.parse(document.getElementById('incimap-data').textContent).title));
  await page.screenshot({ path: path.join(out, 'map-html-injection.png') });
  assert.deepEqual(problems, []);
  assert.deepEqual(requests.filter((u) => !u.startsWith('file:')), []);
  await context.close();
});

test('the page looks like the reference screenshot', async () => {
  const actual = fs.readFileSync(path.join(out, 'map-html.png'));
  if (process.env.INCIMAP_BLESS === '1' || !fs.existsSync(reference)) {
    assert.ok(process.env.INCIMAP_BLESS === '1', `no reference image ${reference}; run with INCIMAP_BLESS=1`);
    fs.copyFileSync(path.join(out, 'map-html.png'), reference);
    return;
  }
  const context = await browser.newContext({ viewport: { width: 400, height: 300 }, offline: true });
  const page = await context.newPage();
  const result = await page.evaluate(async ([a, b]) => {
    const load = (b64) => new Promise((resolve, reject) => {
      const img = new Image(); img.onload = () => resolve(img); img.onerror = reject;
      img.src = 'data:image/png;base64,' + b64;
    });
    const [x, y] = await Promise.all([load(a), load(b)]);
    if (x.width !== y.width || x.height !== y.height) { return { sizes: [x.width, x.height, y.width, y.height] }; }
    const w = x.width, h = x.height;
    const canvas = document.createElement('canvas'); canvas.width = 3 * w; canvas.height = h;
    const g = canvas.getContext('2d');
    g.drawImage(x, 0, 0); g.drawImage(y, w, 0);
    const pa = g.getImageData(0, 0, w, h).data, pb = g.getImageData(w, 0, w, h).data;
    const diff = g.createImageData(w, h);
    // Compared in 4×4 blocks (their mean colour): antialiasing and font hinting of another
    // Chromium build pass, a missing symbol, label or legend entry does not.
    const B = 4;
    let differing = 0, blocks = 0;
    for (let by = 0; by + B <= h; by += B) {
      for (let bx = 0; bx + B <= w; bx += B) {
        const sum = [0, 0, 0, 0, 0, 0];
        for (let y = by; y < by + B; y++) {
          for (let x = bx; x < bx + B; x++) {
            const k = 4 * (y * w + x);
            for (let c = 0; c < 3; c++) { sum[c] += pa[k + c]; sum[3 + c] += pb[k + c]; }
          }
        }
        const d = Math.max(...[0, 1, 2].map((c) => Math.abs(sum[c] - sum[3 + c]) / (B * B)));
        const bad = d > 24;
        blocks += 1;
        differing += bad ? 1 : 0;
        for (let y = by; y < by + B; y++) {
          for (let x = bx; x < bx + B; x++) {
            const k = 4 * (y * w + x);
            diff.data[k] = bad ? 255 : 0; diff.data[k + 3] = bad ? 255 : 40;
          }
        }
      }
    }
    g.putImageData(diff, 2 * w, 0);
    return { share: differing / blocks, strip: canvas.toDataURL('image/png').split(',')[1] };
  }, [fs.readFileSync(reference).toString('base64'), actual.toString('base64')]);
  await context.close();
  assert.ok(!result.sizes, `sizes differ: ${result.sizes}`);
  const stripPath = path.join(out, 'map-html-expected-actual-diff.png');
  fs.writeFileSync(stripPath, Buffer.from(result.strip, 'base64'));
  assert.ok(result.share <= 0.02, `${(100 * result.share).toFixed(2)} % of the 4×4 blocks differ (see ${stripPath})`);
});
