// The language server while a draft is edited (issue 11): hovers answer from the latest check at once,
// even while a long check runs, and a client that pulls diagnostics gets them pulled (unused disable
// comments with them), not pushed.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, DocumentDiagnosticReport, FullDocumentDiagnosticReport, Hover, MarkupContent, Position } from 'vscode-languageserver-protocol/node';
import { LspClient } from './lspClient';

const WRONG = 'About 3,500 North Korean special forces were sent to Russia for training.';
const RIGHT = 'About 1,500 North Korean special forces were sent to Russia for training.';
const uriOf = (file: string) => pathToFileURL(file).href;
const isMismatch = (d: Diagnostic) => d.code === 'mismatch';

/** Where `figure` first starts in `text`, as an LSP position. */
function positionIn(text: string, figure: string): Position {
  const before = text.slice(0, text.indexOf(figure)).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

/** About 1 MB of prose that no cache can shorten: every sentence follows a different one. */
function longDraft(): string {
  const name = (k: number) => k.toString(26).replace(/\d/g, (d) => 'qrstuvwxyz'[Number(d)]);
  return Array.from({ length: 12_000 }, (_, k) => `Note ${name(k)} follows.\n\n${RIGHT}\n\n`).join('');
}

describe('language server while a draft is edited', function () {
  this.timeout(120_000);
  let client: LspClient;
  let workspace: string;

  beforeEach(() => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'factlint-editing-'));
    client = new LspClient();
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') console.error(client.log);
    await client.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  const hover = (uri: string, position: Position) => client.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position });

  it('answers hovers from the latest check at once while a long check runs, never checking for them', async () => {
    await client.initialize(workspace);
    const small = uriOf(path.join(workspace, 'small.md'));
    const text = `Intro.\n\n${WRONG}\n`;
    const first = client.nextDiagnostics(small);
    await client.open(small, text);
    assert.equal((await first).diagnostics.filter(isMismatch).length, 1);

    const big = uriOf(path.join(workspace, 'big.md'));
    let bigChecked = false;
    const bigPublished = client.nextDiagnostics(big).then(() => (bigChecked = true));
    await client.open(big, longDraft());
    // Not checked yet: no finding to show, and the hover does not wait for the check to find one.
    assert.equal(await hover(big, { line: 2, character: 8 }), null);
    assert.equal(bigChecked, false, 'the hover waited for the long check');

    // An edit before the figure: its finding is moved to where the figure now stands, at once.
    const edited = `Intro, edited at length.\n\n${WRONG}\n`;
    const recheck = client.nextDiagnostics(small);
    await client.change(small, 2, edited);
    const moved = await hover(small, positionIn(edited, '3,500'));
    assert.equal(bigChecked, false, 'the hover waited for a check');
    assert.match((moved?.contents as MarkupContent).value, /Mismatch/);
    assert.deepEqual(moved!.range!.start, positionIn(edited, '3,500'));

    await bigPublished;
    assert.equal((await recheck).version, 2);
    const end = await hover(big, { line: 4 * 11_999 + 2, character: 8 });
    assert.match((end?.contents as MarkupContent).value, /Supported/, 'the long document was checked to its end');
  });

  it('gives a client that pulls diagnostics each version\'s diagnostics when asked, and pushes none', async () => {
    const result = (await client.initialize(workspace, undefined, { pullDiagnostics: true })) as { capabilities: Record<string, unknown> };
    assert.deepEqual(result.capabilities.diagnosticProvider, { interFileDependencies: false, workspaceDiagnostics: false });
    const uri = uriOf(path.join(workspace, 'draft.md'));
    const pull = async () => {
      const report = await client.connection.sendRequest<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
      assert.equal(report.kind, 'full');
      return (report as FullDocumentDiagnosticReport).items.filter(isMismatch);
    };
    await client.open(uri, `${WRONG}\n`);
    assert.equal((await pull()).length, 1);
    await client.change(uri, 2, `${RIGHT}\n`);
    assert.deepEqual(await pull(), []);
    await client.change(uri, 3, `Intro.\n\n${WRONG}\n`);
    const [again] = await pull();
    assert.deepEqual(again.range.start, { line: 2, character: 6 });
    assert.deepEqual(client.diagnostics.all.filter((p) => p.uri === uri), []);
  });

  it('pulls unused disable comments with the findings, and reports the corpus in the status as it checks', async () => {
    await client.initialize(workspace, undefined, { pullDiagnostics: true });
    const uri = uriOf(path.join(workspace, 'draft.md'));
    const checked = client.status.next((s) => s.uri === uri && !s.busy);
    await client.open(uri, `<!-- factlint-disable-next-line -->\nNo figure here.\n\n${WRONG}\n`);
    const report = (await client.connection.sendRequest<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } })) as FullDocumentDiagnosticReport;
    assert.deepEqual(report.items.map((d) => [d.code, d.range.start.line]), [['mismatch', 3], ['unused-disable', 0]]);
    const status = await checked;
    assert.ok(!status.busy && status.corpus && status.corpus.facts > 0, JSON.stringify(status));
  });
});
