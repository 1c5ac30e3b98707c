// `npm run test:e2e`: the end-to-end suite in a real VS Code workbench that works offline — code-server
// 4.100.3 driven by Debian's Chromium. Packages the extension as a .vsix and installs that, runs
// test/e2e in the extension host, then checks the language status, the Problems panel, a hover and
// the report webview through the DOM, and the HTML report in Chromium.
// Everything it writes goes under .factlint-cache/e2e/ (screenshots included).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkChromium, checkWhatAPersonSees, launchBrowser, newPage, runSuiteInWorkbench } from './browser.mjs';
import { buildE2e, E2E_BUNDLE } from './build.mjs';
import { E2eError, ensureCodeServer, freePort, installExtension, scratchProfile, startCodeServer, tail } from './codeServer.mjs';
import { checkHostileReport, checkHtmlReport, checkReportWebview } from './report.mjs';
import { printResult } from './result.mjs';
import { prepareWorkspace } from './workspace.mjs';

process.chdir(fileURLToPath(new URL('../..', import.meta.url)));
const CACHE = '.factlint-cache/e2e';
const RUN = path.join(CACHE, 'run');
const SUITE_TIMEOUT_MS = 5 * 60_000;

const timings = [];
async function phase(name, work) {
  const started = Date.now();
  console.log(`[e2e] ${name} …`);
  try {
    return await work();
  } finally {
    const seconds = (Date.now() - started) / 1000;
    timings.push([name, seconds]);
    console.log(`[e2e] ${name}: ${seconds.toFixed(1)} s`);
  }
}

function packageVsix(vsix, log) {
  const out = fs.openSync(log, 'w');
  const result = spawnSync('npm', ['run', 'package', '--', '--out', vsix], { stdio: ['ignore', out, out], timeout: 5 * 60_000 });
  fs.closeSync(out);
  if (result.status !== 0) throw new E2eError(`npm run package failed (exit ${result.status ?? result.error?.message}); the end of ${log}:\n${tail(log, 30)}`);
}

async function main() {
  const started = Date.now();
  const logs = path.join(RUN, 'logs');
  let server;
  let browser;
  let ok = false;
  try {
    await phase('check Chromium', checkChromium);
    const { entry } = await phase(`code-server (install into ${CACHE}/code-server if missing)`, () => ensureCodeServer(path.join(CACHE, 'code-server')));

    fs.rmSync(RUN, { recursive: true, force: true });
    fs.mkdirSync(logs, { recursive: true });
    const vsix = path.join(CACHE, 'factlint.vsix');
    await phase('build the suite and package the .vsix', async () => {
      await buildE2e();
      packageVsix(vsix, path.join(logs, 'package.log'));
    });

    const port = await freePort();
    const profile = scratchProfile(RUN, port);
    const suiteFolder = prepareWorkspace(path.join(RUN, 'suite-workspace'));
    const viewFolder = prepareWorkspace(path.join(RUN, 'view-workspace'));
    const resultFile = path.resolve(RUN, 'result.json');
    const serverLog = path.join(logs, 'code-server.log');
    const extensionPath = await phase('install the .vsix', () => installExtension(entry, profile, vsix, serverLog));

    server = await phase(`start code-server on 127.0.0.1:${port}`, () =>
      startCodeServer(entry, profile, port, { workspace: suiteFolder, env: { FACTLINT_E2E_RESULT: resultFile }, log: serverLog }),
    );
    browser = await phase('launch Chromium', launchBrowser);
    const report = await phase('check the HTML report in Chromium', async () => {
      const checked = await checkHtmlReport(browser, path.join(RUN, 'report'));
      await checkHostileReport(browser, path.join(RUN, 'report'));
      return checked;
    });
    console.log(`  ✓ clicking "${report.figure}" in the HTML report shows its source excerpt; hostile text stays text: ${report.screenshot}`);

    // The installed copy of the .vsix is the development extension: VS Code runs extension tests only
    // with one, and this way the tests exercise exactly what was packaged.
    const result = await phase('run the suite in the extension host', async () => {
      const page = await newPage(browser, path.join(logs, 'browser-suite.log'));
      try {
        return await runSuiteInWorkbench(page, server, { folder: suiteFolder, extensionPath, testsPath: E2E_BUNDLE, resultFile, timeoutMs: SUITE_TIMEOUT_MS });
      } finally {
        await page.close();
      }
    });
    const suitePassed = printResult(result);

    const seen = await phase('check the language status, the Problems panel, a hover and the report webview in the workbench', async () => {
      const page = await newPage(browser, path.join(logs, 'browser-view.log'));
      try {
        const seen = await checkWhatAPersonSees(page, server, { folder: viewFolder, visible: result.visible, corpus: result.corpus, shots: CACHE });
        return { ...seen, webview: await checkReportWebview(page, result.visible[0], CACHE) };
      } catch (e) {
        await page.screenshot({ path: path.join(CACHE, 'failure.png') }).catch(() => {});
        throw e;
      }
    });
    console.log(`  ✓ the language status shows the corpus, "${result.corpus}": ${seen.languageStatus}`);
    console.log(`  ✓ the Problems panel lists the ${result.visible.length} mismatches: ${seen.problems}`);
    console.log(`  ✓ hovering "${seen.figure}" shows the source excerpt and title: ${seen.hovered}`);
    console.log(`  ✓ "factlint: Open Report" shows the report in a webview; clicking "${seen.figure}" there shows its excerpt: ${seen.webview}`);
    ok = suitePassed;
  } catch (e) {
    console.error(`[e2e] FAILED: ${e instanceof E2eError ? e.message : (e.stack ?? e)}`);
    if (fs.existsSync(logs)) console.error(`[e2e] logs: ${logs}`);
  } finally {
    await browser?.close().catch((e) => console.error(`[e2e] closing Chromium: ${e.message}`));
    await server?.stop();
  }
  const total = (Date.now() - started) / 1000;
  console.log(`[e2e] timings: ${timings.map(([n, s]) => `${n.split(' (')[0]} ${s.toFixed(1)} s`).join(' · ')}`);
  console.log(`[e2e] ${ok ? 'passed' : 'FAILED'} in ${total.toFixed(1)} s`);
  process.exitCode = ok ? 0 : 1;
}

await main();
