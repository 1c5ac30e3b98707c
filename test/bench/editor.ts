// Issue 11's editor figures for `npm run bench`: the compute for one edit against a full check of a
// 100k-word draft (engine), and through the language server (dist/server.js, default settings) the time
// from an edit to its diagnostics on a 10k-word draft and the time a hover takes while a long check runs.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { Position } from 'vscode-languageserver-protocol';
import type { Engine } from '../../server/src/engine';
import { LspClient } from '../lsp/lspClient';
import { generateDraft } from './draft';

const EDITS = 21;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)];
}

/** Offsets of EDITS places inside words, spread over the text. */
function editPoints(text: string): number[] {
  let seed = 7;
  const points: number[] = [];
  while (points.length < EDITS) {
    const at = Math.floor(((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * text.length);
    if (/[a-z]/.test(text[at] ?? '') && /[a-z]/.test(text[at - 1] ?? '')) points.push(at);
  }
  return points;
}

/** The engine's work for one typed character, against a full check of the same draft. */
function computeRatio(engine: Engine, words: number, kind: string, proseShare: number): string {
  let text = generateDraft(words, 3, proseShare);
  const fullRuns = [1, 2, 3].map(() => {
    const t0 = performance.now();
    engine.check(text, { format: 'markdown' });
    return performance.now() - t0;
  });
  const session = engine.session('markdown');
  session.check(text);
  const edits: number[] = [];
  let recomputed = 0;
  for (const at of editPoints(text)) {
    text = `${text.slice(0, at)}x${text.slice(at)}`;
    const t0 = performance.now();
    session.check(text);
    edits.push(performance.now() - t0);
    recomputed += session.lastComputed;
  }
  const full = median(fullRuns);
  const edit = median(edits);
  return `editor, ${words / 1000}k-word ${kind} draft: full check ${full.toFixed(0)} ms; one edit ${edit.toFixed(1)} ms (median of ${EDITS}, ${(recomputed / EDITS).toFixed(1)} sentences re-checked) = ${(edit / full).toFixed(3)}× a full check (target ≤ 0.1×)`;
}

/** Typing one character at an offset, as an editor sends it. */
function typeAt(client: LspClient, uri: string, version: number, text: string, at: number): Promise<void> {
  const before = text.slice(0, at).split('\n');
  const position = { line: before.length - 1, character: before[before.length - 1].length };
  return client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: position, end: position }, text: 'x' }] });
}

/** Single edits a second apart, each timed from the edit to its diagnostics: the debounce, then the check of what changed. */
async function editToDiagnostics(client: LspClient, workspace: string, kind: string, proseShare: number): Promise<{ line: string; uri: string; position: Position }> {
  const uri = pathToFileURL(path.join(workspace, `draft10k-${kind}.md`)).href;
  let text = generateDraft(10_000, 5, proseShare);
  const opened = client.nextDiagnostics(uri);
  await client.open(uri, text);
  const { diagnostics } = await opened;
  const waits: number[] = [];
  let version = 1;
  for (const at of editPoints(text)) {
    await sleep(1000);
    const published = client.nextDiagnostics(uri);
    const t0 = performance.now();
    await typeAt(client, uri, ++version, text, at);
    text = `${text.slice(0, at)}x${text.slice(at)}`;
    await published;
    waits.push(performance.now() - t0);
  }
  const line = `editor, 10k-word ${kind} draft over LSP (default settings, ${diagnostics.length} diagnostics): edit → diagnostics median ${median(waits).toFixed(0)} ms, max ${Math.max(...waits).toFixed(0)} ms, of ${EDITS} single edits (target ≤ 100 ms median)`;
  return { line, uri, position: diagnostics[Math.floor(diagnostics.length / 2)].range.start };
}

/** A 100k-word draft opened, whose first check is a full one; hovers meanwhile, on it and on a checked draft. */
async function hoverWhileChecking(client: LspClient, workspace: string, checked: { uri: string; position: Position }): Promise<string> {
  const big = pathToFileURL(path.join(workspace, 'draft100k.md')).href;
  let checking = true;
  const bigChecked = client.nextDiagnostics(big).then(() => (checking = false));
  const t0 = performance.now();
  await client.open(big, generateDraft(100_000, 6, 0));
  const hovers: number[] = [];
  while (checking) {
    const asked = performance.now();
    await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: hovers.length % 2 ? big : checked.uri }, position: checked.position });
    if (checking) hovers.push(performance.now() - asked);
    await sleep(20);
  }
  await bigChecked;
  return `editor, hover while the first check of a 100k-word draft runs (${(performance.now() - t0).toFixed(0)} ms): median ${median(hovers).toFixed(1)} ms, max ${Math.max(...hovers).toFixed(1)} ms, of ${hovers.length} hovers (target ≤ 20 ms)`;
}

async function lspFigures(): Promise<string[]> {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'factlint-bench-editor-'));
  const client = new LspClient();
  try {
    await client.initialize(workspace);
    const typical = await editToDiagnostics(client, workspace, 'typical', 2 / 3);
    const dense = await editToDiagnostics(client, workspace, 'dense', 0);
    return [typical.line, dense.line, await hoverWhileChecking(client, workspace, typical)];
  } finally {
    await client.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

export async function benchEditor(engine: Engine): Promise<string[]> {
  return [computeRatio(engine, 100_000, 'dense', 0), computeRatio(engine, 100_000, 'typical', 2 / 3), ...(await lspFigures())];
}
