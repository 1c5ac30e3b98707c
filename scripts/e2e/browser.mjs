// Debian's Chromium, driven headless with playwright-core: loads code-server's workbench, once with
// the suite as the extensionTestsPath payload, once as a person would see the sample draft.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import { delay, E2eError } from './codeServer.mjs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const UI_TIMEOUT_MS = 30_000;

export function checkChromium() {
  if (!fs.existsSync(CHROMIUM))
    throw new E2eError(
      `Chromium was not found at ${CHROMIUM}. Install it with: apt-get update && apt-get install -y chromium ` +
        '(Debian; on Ubuntu use the chromium snap or Google Chrome), or point CHROMIUM_PATH at a Chromium or Chrome binary.',
    );
}

export function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    timeout: UI_TIMEOUT_MS,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A page whose console output goes to `log`, so a failing run can be read afterwards. */
export async function newPage(browser, log) {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  page.setDefaultTimeout(UI_TIMEOUT_MS);
  page.on('console', (m) => fs.appendFileSync(log, `[${m.type()}] ${m.text()}\n`));
  page.on('pageerror', (e) => fs.appendFileSync(log, `[pageerror] ${e.stack ?? e}\n`));
  return page;
}

/** The workbench URL for a folder; `payload` passes test-runner options as VS Code's web embedder does. */
export function workbenchUrl(server, folder, payload) {
  const url = new URL(server.url);
  url.searchParams.set('folder', folder);
  if (payload) url.searchParams.set('payload', JSON.stringify(payload));
  return url.href;
}

/** A file path as the browser's workbench addresses files on the code-server machine. */
export function remoteUri(server, file) {
  return `vscode-remote://${new URL(server.url).host}${path.resolve(file)}`;
}

/**
 * Opens the workbench with the suite as extensionTestsPath and waits for the result file it writes.
 * Fails early if code-server exits or the page crashes.
 */
export async function runSuiteInWorkbench(page, server, { folder, extensionPath, testsPath, resultFile, timeoutMs }) {
  const payload = [
    ['extensionDevelopmentPath', remoteUri(server, extensionPath)],
    ['extensionTestsPath', remoteUri(server, testsPath)],
  ];
  await page.goto(workbenchUrl(server, folder, payload), { waitUntil: 'domcontentloaded' });
  const crashed = new Promise((_, reject) => page.once('crash', () => reject(new E2eError('the workbench page crashed'))));
  const exited = server.exited.then((status) => {
    throw new E2eError(`code-server exited during the suite (${JSON.stringify(status)})`);
  });
  await Promise.race([waitForFile(resultFile, timeoutMs), crashed, exited]);
  return JSON.parse(fs.readFileSync(resultFile, 'utf8'));
}

/** Resolves when `file` exists: watches its folder rather than polling; rejects after `timeoutMs`. */
function waitForFile(file, timeoutMs) {
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true });
  return new Promise((resolve, reject) => {
    const done = (error) => {
      watcher.close();
      clearTimeout(timer);
      if (error) reject(error);
      else resolve();
    };
    const watcher = fs.watch(dir, () => {
      if (fs.existsSync(file)) done();
    });
    const timer = setTimeout(
      () => done(new E2eError(`the suite wrote no result to ${file} within ${timeoutMs / 1000} s (see the code-server and browser logs)`)),
      timeoutMs,
    );
    if (fs.existsSync(file)) done();
  });
}

/**
 * What a person sees for the sample draft, checked through the DOM: opens draft.md from the Explorer,
 * the language status (`{}` beside the language in the status bar: it must show the corpus), the
 * Problems panel (it must list each mismatch's message), then hovers a mismatched figure (the hover
 * must quote the source). Screenshots of each go to `shots`.
 */
export async function checkWhatAPersonSees(page, server, { folder, visible, corpus, shots }) {
  if (!visible.length) throw new E2eError('the suite reported no mismatches to look for in the workbench');
  await page.goto(workbenchUrl(server, folder), { waitUntil: 'domcontentloaded' });
  await page.locator('.monaco-workbench').waitFor();

  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: /^draft\.md$/ }).first().click();
  const squiggles = page.locator('.monaco-editor .squiggly-warning');
  await waitFor(page, () => squiggles.count().then((n) => n >= visible.length), `${visible.length} warning squiggles in the editor`);

  await page.locator('[id="status.languageStatus"] a').first().click();
  const status = page.locator('.hover-language-status', { hasText: 'factlint corpus' });
  await waitFor(page, async () => (await status.count()) === 1 && normalise(await status.innerText()).includes(corpus), `the language status to show "${corpus}"`, () =>
    page.locator('.hover-language-status').allInnerTexts(),
  );
  const languageStatus = path.join(shots, 'language-status.png');
  await page.screenshot({ path: languageStatus });
  await page.keyboard.press('Escape');

  await page.keyboard.press('Control+Shift+M');
  const panel = page.locator('.markers-panel');
  await panel.waitFor();
  for (const m of visible)
    await waitFor(page, async () => normalise(await panel.innerText()).includes(normalise(m.message)), `the Problems panel to list "${m.message}"`, () => panel.innerText());
  const problems = path.join(shots, 'problems.png');
  await page.screenshot({ path: problems });

  const target = visible[0];
  // The figure grammar gives each figure its own token, so the figure is one span in the editor.
  const figure = page.locator('.monaco-editor .view-line span span').filter({ hasText: new RegExp(`^${escapeRegExp(target.figure)}$`) }).first();
  await figure.hover();
  // The hover holds the diagnostic (with its related sources) first, then factlint's own hover.
  const hover = page.locator('.monaco-hover:visible');
  const ours = hover.locator('.markdown-hover', { hasText: 'factlint: Mismatch' });
  await waitFor(page, () => ours.count().then((n) => n === 1), `factlint's hover on "${target.figure}"`, () => hover.allInnerTexts());
  const shown = normalise(await ours.innerText());
  for (const text of [target.excerpt, target.title, target.source])
    if (!shown.includes(normalise(text))) throw new E2eError(`factlint's hover on "${target.figure}" lacks "${text}": ${shown}`);
  await scrollHoverTo(page, hover, ours);
  const hovered = path.join(shots, 'hover.png');
  await page.screenshot({ path: hovered });
  return { languageStatus, problems, hovered, figure: target.figure };
}

/** Scrolls the hover with the wheel (VS Code draws its own scrollbars) until `part` is at its top, or it can go no further. */
async function scrollHoverTo(page, hover, part) {
  const box = await hover.boundingBox();
  if (!box) throw new E2eError('the hover vanished before its screenshot');
  // The pointer moves into the hover, which keeps it open, then scrolls it.
  await page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 40));
  const offset = async () => ((await part.boundingBox())?.y ?? box.y) - box.y;
  for (let step = 0; step < 20; step++) {
    const now = await offset();
    if (now <= 4) return;
    await page.mouse.wheel(0, now);
    if (!(await moved(now))) return;
  }

  async function moved(from) {
    const deadline = Date.now() + 2_000;
    while (Date.now() < deadline) {
      if ((await offset()) < from) return true;
      await delay(100);
    }
    return false;
  }
}

/** Re-checks a condition on the page until it holds, within UI_TIMEOUT_MS; the failure says what was seen. */
async function waitFor(page, condition, what, seen) {
  const deadline = Date.now() + UI_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await delay(250);
  }
  const now = seen ? `; seen: ${JSON.stringify(await seen().catch((e) => String(e)))}` : '';
  throw new E2eError(`timed out after ${UI_TIMEOUT_MS / 1000} s waiting for ${what}${now}`);
}

/** Whitespace as the DOM renders it (non-breaking spaces, wrapped lines) compared as single spaces. */
function normalise(text) {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
