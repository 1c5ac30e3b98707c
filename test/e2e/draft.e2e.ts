// End-to-end: the installed extension in a real VS Code, on the README's sample draft. Runs in the
// extension host (see index.ts); the runners open a scratch copy of fixtures/workspace with the
// sample copied in as draft.md.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FactlintApi } from '../../client/src/extension';
import type { StatusView } from '../../client/src/languageStatus';
import type { Finding } from '../../server/src/engine';
import { codeActions, collapse, describeDiagnostics, diagnosticAt, factlintDiagnostics, findingRange, hoverText, waitForDiagnostics, waitForStatus } from './editor';
import {
  corpusStatusText,
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
  let api: FactlintApi;
  const factlint = () => vscode.workspace.getConfiguration('factlint', folder);
  const mismatches = () => expected.filter((f) => f.verdict === 'mismatch');
  const hasAllMismatches = (ds: vscode.Diagnostic[]) => mismatches().every((f) => diagnosticAt(ds, findingRange(draft, f))?.code === 'mismatch');

  before(async function () {
    const extension = vscode.extensions.getExtension<FactlintApi>(EXTENSION_ID);
    assert.ok(extension, `the extension ${EXTENSION_ID} is not installed in this VS Code`);
    const workspace = vscode.workspace.workspaceFolders?.[0];
    assert.ok(workspace, 'VS Code was started without a workspace folder');
    folder = workspace.uri;
    draft = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, DRAFT_FILE));
    assert.equal(draft.languageId, 'markdown', 'VS Code does not see draft.md as Markdown');
    await vscode.window.showTextDocument(draft);
    expected = findings(draft.getText());
    await waitForDiagnostics(draft.uri, hasAllMismatches, 'the mismatches in the sample draft');
    api = await extension.activate();
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

  // Before the settings suite, which has the server index the extra corpus folder already.
  describe('language status', function () {
    it('shows the documents and facts of the corpus the draft is checked against', async function () {
      await vscode.window.showTextDocument(draft);
      const view = await waitForStatus(api, (v) => !v.busy && v.text === corpusStatusText(), `"${corpusStatusText()}"`);
      assert.equal(view.severity, 'information');
      assert.equal(view.detail, 'factlint corpus');
    });

    it('is busy indexing a corpus folder just added, then counts its documents too', async function () {
      await vscode.window.showTextDocument(draft);
      const extra = corpusStatusText([vscode.Uri.joinPath(folder, EXTRA_CORPUS_FOLDER).fsPath]);
      const seen: StatusView[] = [];
      await factlint().update('corpus.folders', [EXTRA_CORPUS_FOLDER], vscode.ConfigurationTarget.Workspace);
      try {
        await waitForStatus(api, (v) => !v.busy && v.text === extra, `"${extra}"`, seen);
        assert.ok(
          seen.some((v) => v.busy && v.text === 'Indexing the corpus…'),
          `never showed the indexing: ${JSON.stringify(seen)}`,
        );
      } finally {
        await factlint().update('corpus.folders', undefined, vscode.ConfigurationTarget.Workspace);
      }
      await waitForStatus(api, (v) => !v.busy && v.text === corpusStatusText(), 'the bundled corpus again');
    });
  });

  describe('settings apply without a restart', function () {
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
    it('"check workspace" reports a mismatch in a file that is not open, and skips what .gitignore ignores', async function () {
      const unopened = vscode.Uri.joinPath(folder, UNOPENED_FILE);
      assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === unopened.toString()), `${UNOPENED_FILE} is open`);
      assert.equal(factlintDiagnostics(unopened).length, 0);
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(unopened));
      const ignored = vscode.Uri.joinPath(folder, 'scratch/ignored.md');
      await vscode.workspace.fs.writeFile(ignored, new TextEncoder().encode(text));
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, '.gitignore'), new TextEncoder().encode('scratch/\n'));
      const f = findingFor(findings(text), '2,500');
      await vscode.commands.executeCommand('factlint.checkWorkspace');
      const ds = await waitForDiagnostics(unopened, (d) => d.some((x) => x.code === 'mismatch'), `a mismatch in ${UNOPENED_FILE}`);
      const d = ds.find((x) => x.code === 'mismatch');
      assert.equal(d?.message, f.message);
      assert.ok(d?.message.includes('1,500'), d?.message);
      assert.ok(!vscode.workspace.textDocuments.some((x) => x.uri.toString() === unopened.toString()), `checking opened ${UNOPENED_FILE}`);
      // The check had finished (the command waits for it): the ignored copy got nothing.
      assert.deepEqual(factlintDiagnostics(ignored), []);
    });

    it('"Toggle checking for this workspace" clears every factlint diagnostic and says it is off; again, they are back', async function () {
      await vscode.window.showTextDocument(draft);
      const unopened = vscode.Uri.joinPath(folder, UNOPENED_FILE);
      assert.ok(factlintDiagnostics(unopened).length > 0, 'the previous test left no diagnostics on the unopened file');
      await vscode.commands.executeCommand('factlint.toggle');
      try {
        await waitForDiagnostics(draft.uri, (ds) => ds.length === 0, 'no factlint diagnostics on the draft');
        assert.deepEqual(factlintDiagnostics(unopened), []);
        await waitForStatus(api, (v) => v.text === 'factlint: off' && !v.busy, '"factlint: off"');
        await assert.rejects(Promise.resolve(vscode.commands.executeCommand('factlint.checkWorkspace')), /off for this workspace/);
      } finally {
        await vscode.commands.executeCommand('factlint.toggle');
      }
      await waitForDiagnostics(draft.uri, hasAllMismatches, 'the mismatches again');
      await waitForStatus(api, (v) => !v.busy && v.text === corpusStatusText(), 'the corpus again');
    });
  });

  describe('focus mode', function () {
    it('factlint.focusMode hides the diagnostic on the cursor line until the cursor leaves it', async function () {
      const editor = await vscode.window.showTextDocument(draft);
      const [focused, ...others] = mismatches().map((f) => findingRange(draft, f));
      const othersShown = (ds: vscode.Diagnostic[]) => others.every((r) => diagnosticAt(ds, r)?.code === 'mismatch');
      editor.selection = new vscode.Selection(focused.start, focused.start);
      await factlint().update('focusMode', true, vscode.ConfigurationTarget.Workspace);
      try {
        await waitForDiagnostics(draft.uri, (ds) => !diagnosticAt(ds, focused) && othersShown(ds), 'the diagnostic under the cursor to hide');
        const top = new vscode.Position(0, 0);
        assert.ok(!factlintDiagnostics(draft.uri).some((d) => d.range.start.line === 0), 'the draft has a diagnostic on its first line');
        editor.selection = new vscode.Selection(top, top);
        await waitForDiagnostics(draft.uri, hasAllMismatches, 'the diagnostic to come back once the cursor left its line');
        editor.selection = new vscode.Selection(others[0].start, others[0].start);
        await waitForDiagnostics(draft.uri, (ds) => !diagnosticAt(ds, others[0]) && diagnosticAt(ds, focused)?.code === 'mismatch', 'the next line to hide');
      } finally {
        await factlint().update('focusMode', undefined, vscode.ConfigurationTarget.Workspace);
      }
      await waitForDiagnostics(draft.uri, hasAllMismatches, 'every diagnostic with focus mode off');
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

  describe('fix all on save', function () {
    const onSave = () => vscode.workspace.getConfiguration('editor', { languageId: 'markdown' });
    afterEach(async function () {
      await onSave().update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace, true);
    });

    it('with "source.fixAll.factlint" in editor.codeActionsOnSave, saving replaces each mismatch by the source figure', async function () {
      await onSave().update('codeActionsOnSave', { 'source.fixAll.factlint': 'explicit' }, vscode.ConfigurationTarget.Workspace, true);
      const editor = await vscode.window.showTextDocument(draft);
      const left = findings(draft.getText()).filter((f) => f.verdict === 'mismatch');
      assert.ok(left.length >= 2, `the quick fix test should leave two mismatches, not ${left.length}`);
      // An edit to save, and the check of it done (the status goes busy, then not), as a writer pauses before saving.
      let busy = false;
      const checked = waitForStatus(api, (v) => (busy ||= v.busy) && !v.busy, 'the check of the edit');
      assert.ok(await editor.edit((b) => b.insert(draft.positionAt(draft.getText().length), '\n')), 'the edit was not applied');
      await checked;
      const saved = new Promise<vscode.TextDocument>((resolve) => {
        const subscription = vscode.workspace.onDidSaveTextDocument((d) => {
          if (d.uri.toString() !== draft.uri.toString()) return;
          subscription.dispose();
          resolve(d);
        });
      });
      // Ctrl+S: codeActionsOnSave "explicit" runs on saves a person asks for.
      await vscode.commands.executeCommand('workbench.action.files.save');
      await saved;
      for (const f of left) assert.equal(draft.getText(findingRange(draft, f)), SAMPLE_MISMATCHES[f.text], `"${f.text}" was not replaced`);
      assert.deepEqual(findings(draft.getText()).filter((f) => f.verdict === 'mismatch'), []);
      assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(draft.uri)), draft.getText(), 'the fixes were not saved');
      await waitForDiagnostics(draft.uri, (ds) => ds.length > 0 && !ds.some((d) => d.code === 'mismatch'), 'no mismatch diagnostics');
    });
  });

  describe('task', function () {
    it('the factlint task runs the CLI on the workspace, and $factlint puts its mismatches in the Problems panel', async function () {
      const unopened = vscode.Uri.joinPath(folder, UNOPENED_FILE);
      assert.deepEqual(factlintDiagnostics(unopened), [], 'the unopened file has diagnostics before the task runs');
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(unopened));
      const f = findingFor(findings(text), '2,500');
      const lines = text.slice(0, f.start).split('\n');
      const tasks = await vscode.tasks.fetchTasks({ type: 'factlint' });
      assert.equal(tasks.length, 1, `factlint tasks: ${tasks.map((t) => t.name).join(', ')}`);
      const ended = new Promise<number | undefined>((resolve) => {
        const subscription = vscode.tasks.onDidEndTaskProcess((e) => {
          if (e.execution.task.definition.type !== 'factlint') return;
          subscription.dispose();
          resolve(e.exitCode);
        });
      });
      await vscode.tasks.executeTask(tasks[0]);
      // The CLI exits 1: the unopened file has a mismatch (the draft has none left after the fixes).
      assert.equal(await ended, 1);
      const ds = await waitForDiagnostics(unopened, (d) => d.some((x) => x.code === 'mismatch'), `the task's mismatch in ${UNOPENED_FILE}`);
      const d = ds.find((x) => x.code === 'mismatch')!;
      assert.ok(d.message.startsWith(f.message), d.message);
      assert.ok(d.range.start.isEqual(new vscode.Position(lines.length - 1, lines[lines.length - 1].length)), JSON.stringify(d.range));
      assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
    });
  });

  describe('config file', function () {
    it('"Open Config File" creates .factlintrc.json holding the current settings, then opens the one in use', async function () {
      const file = vscode.Uri.joinPath(folder, '.factlintrc.json');
      await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(file)), 'the workspace has a config file already');
      await vscode.window.showTextDocument(draft);
      await vscode.commands.executeCommand('factlint.openConfigFile');
      try {
        assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), file.toString());
        const written = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file)));
        assert.deepEqual(written, { corpus: [], bundledCorpus: true, severity: { mismatch: 'warning', supported: 'off', unverified: 'hint' }, tolerance: 0.1, ignores: [] });
        // Now it exists (and the server finds it for the draft): the command opens it as it is.
        const edited = '{ "tolerance": 0.2 }\n';
        await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(edited));
        await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
        await vscode.window.showTextDocument(draft);
        await vscode.commands.executeCommand('factlint.openConfigFile');
        assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), file.toString());
        assert.equal(vscode.window.activeTextEditor?.document.getText(), edited);
      } finally {
        await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
        await vscode.workspace.fs.delete(file);
      }
    });
  });
});
