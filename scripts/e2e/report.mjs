// The HTML report (`factlint --format html`) in Chromium, as a person opens it from a CI artifact:
// the report of examples/draft.md loads from a file with no request beyond it and no error; clicking
// a mismatched figure shows its source excerpt; the filter hides a verdict. A report whose draft and
// corpus are hostile HTML runs nothing of theirs. Run by `npm run test:e2e` (scripts/e2e/run.mjs) or
// alone: `node scripts/e2e/report.mjs` (after `npm run build`). Writes under `dir`; returns the screenshot.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkChromium, launchBrowser, newPage } from './browser.mjs';
import { E2eError } from './codeServer.mjs';

/** Runs the built CLI; exit 1 (mismatches) is expected. */
function factlint(args) {
  const run = spawnSync(process.execPath, ['dist/cli.js', ...args], { encoding: 'utf8' });
  if (run.status !== 0 && run.status !== 1) throw new E2eError(`factlint ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  return run.stdout;
}

/** Opens a report file, failing on any request other than the file itself and on any page error or CSP report. */
async function open(browser, file, log) {
  const page = await newPage(browser, log);
  const problems = [];
  const url = pathToFileURL(file).href;
  page.on('request', (r) => r.url() !== url && problems.push(`requested ${r.url()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`));
  await page.goto(url, { waitUntil: 'load' });
  return { page, problems };
}

export async function checkHtmlReport(browser, dir) {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.resolve(dir, 'draft-report.html');
  factlint(['--format', 'html', '--output', file, 'examples/draft.md']);
  const json = JSON.parse(factlint(['--format', 'json', 'examples/draft.md']));
  const target = json.files[0].findings.find((f) => f.verdict === 'mismatch');
  const excerpt = target.evidence.find((e) => !e.agrees).excerpt;

  const { page, problems } = await open(browser, file, path.join(dir, 'browser-report.log'));
  try {
    const figure = page.locator('mark.fig.mismatch', { hasText: target.text }).first();
    // Near the top of the window, so the screenshot holds the popup below it.
    await figure.evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 120));
    await figure.click();
    const popup = page.locator('#popup');
    await popup.waitFor({ state: 'visible' });
    await assertInView(page, popup, `clicking "${target.text}" in the report`);
    const shown = normalise(await popup.innerText());
    for (const text of [excerpt, target.message])
      if (!shown.includes(normalise(text))) throw new E2eError(`clicking "${target.text}" shows no "${text}"; the popup shows: ${shown}`);
    const screenshot = path.join(dir, 'html-report.png');
    await page.screenshot({ path: screenshot, fullPage: false });

    // Unticking "Mismatch" hides the mismatches' findings and closes the popup.
    await page.locator('.filter input[data-verdict="mismatch"]').uncheck();
    if (await popup.isVisible()) throw new E2eError('the popup stayed open when its verdict was filtered out');
    const hidden = await page.locator('li.finding.mismatch').evaluateAll((items) => items.every((li) => getComputedStyle(li).display === 'none'));
    if (!hidden) throw new E2eError('unticking "Mismatch" left mismatched findings in view');
    if (problems.length) throw new E2eError(`the report of examples/draft.md: ${problems.join('; ')}`);
    return { screenshot, figure: target.text };
  } finally {
    await page.close();
  }
}

/** A report built from a hostile corpus and draft: nothing in them may run, load or become markup. */
export async function checkHostileReport(browser, dir) {
  const hostile = `<img src=x onerror="document.title='pwned'"></script><script>document.title='pwned'</script>`;
  const root = path.resolve(dir, 'hostile');
  fs.rmSync(root, { recursive: true, force: true });
  fs.mkdirSync(path.join(root, 'sources'), { recursive: true });
  fs.writeFileSync(path.join(root, 'sources', 'results.txt'), `Northwind Foods ${hostile} reported revenue of $4.2 billion for 2024, up 12% from a year earlier.\n`);
  fs.writeFileSync(path.join(root, 'sources', 'corpus.json'), JSON.stringify({ documents: [{ id: 'results', title: hostile, date: '2025-02-10' }] }));
  fs.writeFileSync(path.join(root, 'draft.md'), `${hostile}\n\nNorthwind Foods ${hostile} reported revenue of $5.1 billion for 2024.\n`);
  const file = path.join(root, 'report.html');
  factlint(['--format', 'html', '--output', file, '--corpus', path.join(root, 'sources'), '--no-bundled-corpus', path.join(root, 'draft.md')]);

  const { page, problems } = await open(browser, file, path.join(dir, 'browser-hostile.log'));
  try {
    await page.locator('mark.fig.mismatch').first().click();
    await page.locator('#popup').waitFor({ state: 'visible' });
    const seen = await page.evaluate(() => ({
      title: document.title,
      scripts: document.scripts.length,
      images: document.images.length,
      popup: document.getElementById('popup').textContent,
      draft: document.querySelector('pre.draft').textContent,
    }));
    if (seen.title.includes('pwned') || seen.scripts !== 1 || seen.images !== 0) throw new E2eError(`hostile text became markup: ${JSON.stringify(seen)}`);
    if (!seen.popup.includes(hostile) || !seen.draft.includes(hostile)) throw new E2eError(`hostile text is not shown as typed: ${JSON.stringify(seen)}`);
    if (problems.length) throw new E2eError(`the hostile report: ${problems.join('; ')}`);
  } finally {
    await page.close();
  }
}

/**
 * In the workbench, with the sample draft open: runs "factlint: Open Report" from the command palette,
 * clicks the mismatched figure inside the webview and expects its source excerpt there. The report is
 * in the webview's inner frame; VS Code's frames around it are reached as a person's clicks are.
 */
export async function checkReportWebview(page, target, shots) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').fill('>factlint: Open Report');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'factlint: Open Report' }).first().click();
  const report = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  const figure = report.locator('mark.fig.mismatch', { hasText: target.figure }).first();
  await figure.click();
  const popup = report.locator('#popup');
  await popup.waitFor({ state: 'visible' });
  await assertInView(page, popup, `clicking "${target.figure}" in the report webview`);
  const shown = normalise(await popup.innerText());
  if (!shown.includes(normalise(target.excerpt))) throw new E2eError(`clicking "${target.figure}" in the report webview shows no "${target.excerpt}": ${shown}`);
  const screenshot = path.join(shots, 'report-webview.png');
  await page.screenshot({ path: screenshot });
  return screenshot;
}

/** Fails unless the popup lies at least partly inside the window: a click must not scroll it away. */
async function assertInView(page, popup, what) {
  const box = await popup.boundingBox();
  const { height } = page.viewportSize();
  if (!box || box.y + box.height <= 0 || box.y >= height) throw new E2eError(`${what}: the popup is out of view (${JSON.stringify(box)})`);
}

function normalise(text) {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

// Alone: `node scripts/e2e/report.mjs [dir]`.
if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  checkChromium();
  const browser = await launchBrowser();
  try {
    const dir = process.argv[2] ?? '.factlint-cache/e2e/report';
    const { screenshot, figure } = await checkHtmlReport(browser, dir);
    await checkHostileReport(browser, dir);
    console.log(`✓ the HTML report shows the excerpt of "${figure}" on a click; hostile text stays text: ${screenshot}`);
  } catch (e) {
    console.error(`FAILED: ${e instanceof E2eError ? e.message : (e.stack ?? e)}`);
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
}
