// html-report.mjs: open an HTML report full of hostile archive content in
// headless Chromium and check that no script from the content ran, that
// the console shows no error, that the page makes no request, and that
// the filters and the "done" boxes work (the boxes across a reload).
//
//   node html-report.mjs REPORT.html SCREENSHOT.png
import { chromium } from 'playwright-core';

const [report, shot] = process.argv.slice(2);
const failures = [];
const check = (ok, what) => { console.log((ok ? 'ok   ' : 'FAIL ') + what); if (!ok) failures.push(what); };

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const context = await browser.newContext({ viewport: { width: 1000, height: 1300 } });
const page = await context.newPage();
const errors = [], requests = [];
page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
page.on('pageerror', (e) => errors.push(String(e)));
page.on('request', (r) => { if (!r.url().startsWith('file://')) requests.push(r.url()); });
page.on('dialog', (d) => { errors.push('dialog: ' + d.message()); d.dismiss(); });

await page.goto('file://' + report);

check(await page.evaluate(() => window.__pwned === undefined), 'no script from the archive ran');
check(await page.locator('script').count() === 1, 'one script on the page, the report\'s own');
check(await page.locator('img, iframe, object, embed, svg[onload]').count() === 0,
      'no image, frame or scripted svg from the archive');
const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
check(csp && csp.includes("default-src 'none'") && /script-src 'sha256-/.test(csp),
      'the Content-Security-Policy allows nothing but the report\'s script');
const links = await page.$$eval('a[href]', (as) => as.map((a) => a.getAttribute('href')));
check(links.every((h) => /^https?:\/\//.test(h)), 'every link is http(s): ' + links.join(' '));
check(await page.evaluate(() => getComputedStyle(document.body).display !== 'none'),
      'a </style> in the archive changes no style');
check((await page.textContent('main')).includes('<script>window.__pwned=1</script>'),
      'the hostile text is shown as text');

const total = await page.locator('.finding').count();
const shown = async () => Number(await page.textContent('#shown'));
check(total > 0 && await shown() === total, `all ${total} findings shown at first`);

await page.selectOption('select[name=severity]', 'high');
const high = await page.locator('.finding.sev-high').count();
check(await shown() === high && await page.locator('.finding:visible').count() === high,
      `severity filter: ${high} high`);
await page.selectOption('select[name=severity]', '');
await page.selectOption('select[name=category]', 'political');
const political = await page.locator('.finding[data-category=political]').count();
check(await shown() === political, `category filter: ${political} political`);
await page.selectOption('select[name=category]', '');
const years = await page.$$eval('select[name=year] option', (os) => os.map((o) => o.value).filter(Boolean));
await page.selectOption('select[name=year]', years[0]);
const inYear = await page.locator(`.finding[data-year="${years[0]}"]`).count();
check(await shown() === inYear, `year filter: ${inYear} in ${years[0]}`);
await page.selectOption('select[name=year]', '');
await page.selectOption('select[name=platform]', 'x');
check(await shown() === total, 'platform filter');
await page.selectOption('select[name=platform]', '');

// a done box, kept across a reload; "to do" hides it
await page.locator('input.done-box').first().check();
await page.selectOption('select[name=done]', 'todo');
check(await shown() === total - 1, 'a done finding leaves "to do"');
await page.reload();
// the page's script restores the boxes once loaded: give a loaded machine time
const restored = await page.waitForFunction(() => document.querySelector('input.done-box')?.checked,
  null, { timeout: 10000 }).then(() => true, () => false);
check(restored, 'done survives a reload (localStorage)');

await page.screenshot({ path: shot, fullPage: true });
check(errors.length === 0, 'no console error' + (errors.length ? ': ' + errors.join(' | ') : ''));
check(requests.length === 0, 'no request left the page' + (requests.length ? ': ' + requests.join(' ') : ''));
await browser.close();
console.log(failures.length ? `${failures.length} checks failed` : 'all checks passed');
process.exit(failures.length ? 1 : 0);
