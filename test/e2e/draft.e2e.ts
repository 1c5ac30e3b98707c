// End-to-end: the installed extension in a real VS Code, on the README's sample draft. Runs in the
// extension host (see index.ts); the runners open a scratch copy of fixtures/workspace with the
// sample copied in as draft.md.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Finding } from '../../server/src/engine';
import { codeActions, collapse, describeDiagnostics, diagnosticAt, factlintDiagnostics, findingRange, hoverText, waitForDiagnostics } from './editor';
import {
  DRAFT_FILE,
  EXTRA_CORPUS_FOLDER,
  findingFor,
  findings,
  SAMPLE_MISMATCHES,
  SAMPLE_SUPPORTED,
  SAMPLE_UNVERIFIED,
  UNOPENED_FILE,
} from './sample';

const EXTENSION_ID = 'factlint.factlint';

describe('factlint in VS Code on the README sample draft', function () {
  let folder: vscode.Uri;
  let draft: vscode.TextDocument;
  let expected: Finding[];
  const mismatches = () => expected.filter((f) => f.verdict === 'mismatch');
  const hasAllMismatches = (ds: vscode.Diagnostic[]) => mismatches().every((f) => diagnosticAt(ds, findingRange(draft, f))?.code === 'mismatch');

  before(async function () {
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID), `the extension ${EXTENSION_ID} is not installed in this VS Code`);
    const workspace = vscode.workspace.workspaceFolders?.[0];
    assert.ok(workspace, 'VS Code was started without a workspace folder');
    folder = workspace.uri;
    draft = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, DRAFT_FILE));
    assert.equal(draft.languageId, 'markdown', 'VS Code does not see draft.md as Markdown');
    await vscode.window.showTextDocument(draft);
    expected = findings(draft.getText());
    await waitForDiagnostics(draft.uri, hasAllMismatches, 'the mismatches in the sample draft');
  });

  // Mocha runs a suite's own tests before its nested suites, so each group is a nested suite, in the
  // order they must run; the quick fix edits the draft, so it comes last.
  describe('diagnostics', function () {
    it('the engine finds the sample verdicts this suite expects', function () {
      const verdicts = (v: Finding['verdict']) => expected.filter((f) => f.verdict === v).map((f) => f.text);
      assert.deepEqual(verdicts('mismatch'), Object.keys(SAMPLE_MISMATCHES));
      assert.deepEqual(verdicts('supported'), SAMPLE_SUPPORTED);
      assert.deepEqual(verdicts('unverified'), SAMPLE_UNVERIFIED);
    });

    it('shows each mismatch as a warning on the figure, naming the source figure', function () {
      const diagnostics = factlintDiagnostics(draft.uri);
      for (const f of mismatches()) {
        const range = findingRange(draft, f);
        const d = diagnosticAt(diagnostics, range);
        assert.ok(d, `no diagnostic on "${f.text}"; diagnostics: ${describeDiagnostics(draft, diagnostics)}`);
        assert.equal(draft.getText(d.range), f.text);
        assert.equal(d.code, 'mismatch');
        assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
        assert.equal(d.message, f.message);
        assert.ok(d.message.includes(SAMPLE_MISMATCHES[f.text]), `the message on "${f.text}" does not name ${SAMPLE_MISMATCHES[f.text]}: ${d.message}`);
        assert.ok(d.relatedInformation?.length, `the diagnostic on "${f.text}" points at no source`);
      }
    });

    it('gives supported figures no diagnostic and unverified ones a hint', function () {
      const diagnostics = factlintDiagnostics(draft.uri);
      for (const f of expected.filter((x) => x.verdict === 'supported')) {
        const range = findingRange(draft, f);
        const on = diagnostics.filter((d) => d.range.intersection(range) !== undefined);
        assert.equal(on.length, 0, `supported figure "${f.text}" has diagnostics: ${describeDiagnostics(draft, on)}`);
      }
      for (const f of expected.filter((x) => x.verdict === 'unverified'))
        assert.equal(diagnosticAt(diagnostics, findingRange(draft, f))?.severity, vscode.DiagnosticSeverity.Hint, `unverified "${f.text}"`);
      assert.equal(diagnostics.length, expected.filter((f) => f.verdict !== 'supported').length, describeDiagnostics(draft, diagnostics));
    });
  });

  describe('hovers', function () {
    for (const figure of ['2,500', '10,500'])
      it(`hover on "${figure}" quotes the source excerpt and names its document`, async function () {
        const f = findingFor(expected, figure);
        const text = await hoverText(draft.uri, findingRange(draft, f).start.translate(0, 1));
        assert.ok(text.includes(f.verdict === 'mismatch' ? 'Mismatch' : 'Supported'), text);
        assert.ok(f.evidence.length > 0, `the engine gives "${figure}" no evidence`);
        assert.ok(text.includes(collapse(f.evidence[0].excerpt)), `the hover lacks the excerpt "${f.evidence[0].excerpt}": ${text}`);
        assert.ok(text.includes(f.evidence[0].title), `the hover lacks the title "${f.evidence[0].title}": ${text}`);
        if (f.verdict === 'mismatch') assert.ok(text.includes(SAMPLE_MISMATCHES[figure]), text);
      });
  });

  describe('settings apply without a restart', function () {
    const factlint = () => vscode.workspace.getConfiguration('factlint', folder);
    afterEach(async function () {
      await factlint().update('severity.mismatch', undefined, vscode.ConfigurationTarget.Workspace);
      await factlint().update('corpus.folders', undefined, vscode.ConfigurationTarget.Workspace);
    });

    it('factlint.severity.mismatch "off" removes the mismatch warnings, and back', async function () {
      await factlint().update('severity.mismatch', 'off', vscode.ConfigurationTarget.Workspace);
      await waitForDiagnostics(draft.uri, (ds) => ds.length > 0 && !ds.some((d) => d.code === 'mismatch'), 'no mismatch diagnostics');
      await factlint().update('severity.mismatch', 'error', vscode.ConfigurationTarget.Workspace);
      const ds = await waitForDiagnostics(draft.uri, hasAllMismatches, 'the mismatches again');
      for (const f of mismatches()) assert.equal(diagnosticAt(ds, findingRange(draft, f))?.severity, vscode.DiagnosticSeverity.Error, f.text);
    });

    it('factlint.corpus.folders adds a source that supports a mismatched figure', async function () {
      const extra = vscode.Uri.joinPath(folder, EXTRA_CORPUS_FOLDER).fsPath;
      const before = findingFor(expected, '3,000');
      const after = findingFor(findings(draft.getText(), [extra]), '3,000');
      assert.equal(before.verdict, 'mismatch');
      assert.equal(after.verdict, 'supported', `with ${extra}, the engine says: ${after.message}`);
      const range = findingRange(draft, before);
      await factlint().update('corpus.folders', [EXTRA_CORPUS_FOLDER], vscode.ConfigurationTarget.Workspace);
      await waitForDiagnostics(draft.uri, (ds) => ds.length > 0 && !diagnosticAt(ds, range), `no diagnostic on "3,000" with ${EXTRA_CORPUS_FOLDER}/`);
      const text = await hoverText(draft.uri, range.start.translate(0, 1));
      assert.ok(text.includes(path.basename(after.evidence.find((e) => e.agrees)?.path ?? '', '.txt')), text);
      await factlint().update('corpus.folders', undefined, vscode.ConfigurationTarget.Workspace);
      await waitForDiagnostics(draft.uri, (ds) => diagnosticAt(ds, range)?.code === 'mismatch', 'the "3,000" mismatch again');
    });
  });

  describe('commands', function () {
    it('"check workspace" reports a mismatch in a file that is not open', async function () {
      const unopened = vscode.Uri.joinPath(folder, UNOPENED_FILE);
      assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === unopened.toString()), `${UNOPENED_FILE} is open`);
      assert.equal(factlintDiagnostics(unopened).length, 0);
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(unopened));
      const f = findingFor(findings(text), '2,500');
      await vscode.commands.executeCommand('factlint.checkWorkspace');
      const ds = await waitForDiagnostics(unopened, (d) => d.some((x) => x.code === 'mismatch'), `a mismatch in ${UNOPENED_FILE}`);
      const d = ds.find((x) => x.code === 'mismatch');
      assert.equal(d?.message, f.message);
      assert.ok(d?.message.includes('1,500'), d?.message);
      assert.ok(!vscode.workspace.textDocuments.some((x) => x.uri.toString() === unopened.toString()), `checking opened ${UNOPENED_FILE}`);
    });
  });

  describe('quick fixes', function () {
    it('"Replace with 1,500" fixes "2,500": the warning goes and the text holds the source figure', async function () {
      const f = findingFor(expected, '2,500');
      const range = findingRange(draft, f);
      const actions = await codeActions(draft.uri, range);
      const replace = actions.find((a) => a.title === `Replace with ${SAMPLE_MISMATCHES[f.text]}`);
      assert.ok(replace?.edit, `no "Replace with ${SAMPLE_MISMATCHES[f.text]}" action; actions: ${actions.map((a) => a.title).join(' | ')}`);
      assert.ok(await vscode.workspace.applyEdit(replace.edit), 'the edit was not applied');
      const others = mismatches().filter((m) => m !== f);
      await waitForDiagnostics(
        draft.uri,
        (ds) => !diagnosticAt(ds, range) && others.every((m) => diagnosticAt(ds, findingRange(draft, m))?.code === 'mismatch'),
        'the "2,500" warning to go, the others to stay',
      );
      assert.equal(draft.getText(range), '1,500');
      await draft.save();
    });
  });
});
