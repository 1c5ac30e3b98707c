// The extensionTestsPath entry: VS Code's extension host calls run() (test-electron and code-server
// alike). It runs the mocha suite and writes a JSON result file, because code-server's browser page
// reports no exit code; the file also carries what the runner checks in the workbench's DOM.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { corpusStatusText, DRAFT_FILE, findings, visibleMismatches, type VisibleMismatch } from './sample';

/** Where the result goes: FACTLINT_E2E_RESULT, else .factlint-cache/e2e/result.json in the repository (this file is out/test/e2e/index.js). */
const RESULT_FILE = process.env.FACTLINT_E2E_RESULT ?? path.resolve(__dirname, '../../../.factlint-cache/e2e/result.json');

export interface TestOutcome {
  title: string;
  state: 'passed' | 'failed';
  durationMs?: number;
  error?: string;
}

export interface E2eResult {
  vscodeVersion: string;
  appName: string;
  passed: number;
  failed: number;
  tests: TestOutcome[];
  /** The sample draft's mismatches as a person should see them (empty when the suite could not read it). */
  visible: VisibleMismatch[];
  /** What the language status item should show for the sample draft: the bundled corpus. */
  corpus: string;
  durationMs: number;
}

export async function run(): Promise<void> {
  const started = Date.now();
  const tests: TestOutcome[] = [];
  let visible: VisibleMismatch[] = [];
  let failed: number;
  try {
    visible = await sampleMismatches();
    failed = await runSuite(tests);
  } catch (e) {
    // The suite could not even start: still write a result, so the runner does not wait in vain.
    tests.push({ title: 'loading the e2e suite', state: 'failed', error: (e as Error).stack ?? String(e) });
    failed = 1;
  }
  writeResult({
    vscodeVersion: vscode.version,
    appName: vscode.env.appName,
    passed: tests.filter((t) => t.state === 'passed').length,
    failed,
    tests,
    visible,
    corpus: corpusStatusText(),
    durationMs: Date.now() - started,
  });
  if (failed) throw new Error(`${failed} factlint e2e test${failed === 1 ? '' : 's'} failed`);
}

async function runSuite(tests: TestOutcome[]): Promise<number> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 120_000, color: false, reporter: 'spec' });
  // The suite is bundled into this file; pre-require gives it mocha's describe/it before it loads.
  mocha.suite.emit('pre-require', globalThis, 'draft.e2e', mocha);
  await import('./draft.e2e');
  await import('./report.e2e');
  return new Promise<number>((resolve) => {
    const runner = mocha.run(resolve);
    runner.on('pass', (t) => tests.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration }));
    runner.on('fail', (t, err: Error) => tests.push({ title: t.fullTitle(), state: 'failed', error: err.stack ?? String(err) }));
  });
}

/** The sample's mismatches, read before the suite edits the draft. */
async function sampleMismatches(): Promise<VisibleMismatch[]> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('VS Code was started without a workspace folder');
  const text = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, DRAFT_FILE));
  return visibleMismatches(findings(new TextDecoder().decode(text)));
}

function writeResult(result: E2eResult): void {
  fs.mkdirSync(path.dirname(RESULT_FILE), { recursive: true });
  // Written whole under a temporary name, then renamed, so a watcher never reads half a file.
  fs.writeFileSync(`${RESULT_FILE}.tmp`, JSON.stringify(result, null, 2));
  fs.renameSync(`${RESULT_FILE}.tmp`, RESULT_FILE);
}
