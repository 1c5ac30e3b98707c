// Bounded evidence: a corpus where many facts match a claim (the same report syndicated by many
// outlets, some with other figures) gives each finding its five best facts and the count of them all.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import type { JsonReport } from '../../server/src/cli/format/json';
import { builtBundle } from '../dist';
import { removeTemps, tempTree } from './fixtures';

const OUTLETS = 60;

/** Sixty documents each reporting the hiring, most with 1,200 teachers, every fifth with 1,500. */
function corpus(): Record<string, string> {
  const files: Record<string, string> = {};
  for (let k = 0; k < OUTLETS; k++)
    files[`corpus/outlet-${k}.txt`] = `City schools expand\n\nThe Brenford school district hired ${k % 5 ? '1,200' : '1,500'} new teachers this autumn, outlet ${k} reported.\n`;
  return files;
}

describe('bounded evidence', function () {
  let CLI: string;
  let root: string;
  const factlint = (...args: string[]) => spawnSync(process.execPath, [CLI, '--corpus', 'corpus', '--no-bundled-corpus', ...args], { cwd: root, encoding: 'utf8' });

  before(() => {
    CLI = builtBundle('cli.js');
    root = tempTree({ ...corpus(), 'draft.md': 'The Brenford school district hired 1,200 new teachers this autumn.\n\nIt also hired 1,500 new teachers.\n' });
  });
  after(removeTemps);

  it('JSON gives each finding at most five facts, those that decide its verdict first, and evidenceTotal', () => {
    const report = JSON.parse(factlint('--format', 'json', 'draft.md').stdout) as JsonReport;
    const [claim] = report.files[0].findings;
    assert.equal(claim.verdict, 'supported');
    assert.equal(claim.evidence.length, 5);
    // Many more facts weighed than kept; the ones that support the claim come first.
    assert.ok(claim.evidenceTotal > 20 && claim.evidenceTotal <= OUTLETS, String(claim.evidenceTotal));
    assert.deepEqual(claim.evidence.map((e) => e.agrees), [true, true, true, true, true]);
    for (const f of report.files[0].findings) assert.ok(f.evidence.length <= 5 && f.evidenceTotal >= f.evidence.length);
  });

  it('text and GitHub formats stay one line per finding', () => {
    const report = JSON.parse(factlint('--format', 'json', 'draft.md').stdout) as JsonReport;
    const shown = (severities: string[]) => report.files[0].findings.filter((f) => severities.includes(f.severity)).length;
    const lines = (format: string) => factlint('--format', format, 'draft.md').stdout.split('\n');
    assert.equal(lines('text').filter((l) => l.startsWith('draft.md:')).length, shown(['error', 'warning', 'info', 'hint']));
    // GitHub shows no hints; its summary is not a workflow command.
    assert.equal(lines('github').filter((l) => l.startsWith('::')).length, shown(['error', 'warning', 'info']));
  });
});
