// The CI formats end to end (dist/cli.js on real drafts): JUnit for test dashboards, GitLab Code
// Quality for merge requests, and GitHub annotations with their per-step limit.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeQualityIssue } from '../../server/src/cli/format/codequality';
import { builtBundle } from '../dist';
import { junitErrors, removeTemps, tempTree } from './fixtures';

let CLI: string;
const ROOT = path.resolve(__dirname, '../..');
const MISMATCH = 'About 3,500 North Korean special forces were sent to Russia for training.';
const UNVERIFIED = 'Samsung hired 10,500 engineers in Seoul this year.';

function factlint(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('CI formats', function () {
  before(() => (CLI = builtBundle('cli.js')));
  after(removeTemps);

  it('junit: the sample draft is a valid suite of 13 tests with its 3 mismatches as failures', async () => {
    const run = factlint(ROOT, '-f', 'junit', 'examples/draft.md');
    assert.equal(run.code, 1);
    assert.equal(await junitErrors(run.stdout), undefined);
    assert.match(run.stdout, /^ {2}<testsuite name="examples\/draft\.md" tests="13" failures="3" errors="0" skipped="1" time="0">$/m);
    assert.deepEqual([...run.stdout.matchAll(/<failure type="mismatch" message="Sources say [^"]*not ([\d,%]+)/g)].map((m) => m[1]), ['2,500', '50%', '3,000']);
  });

  it('codequality: GitLab\'s fields, with fingerprints that survive a rerun and an edit above the figure', () => {
    const dir = tempTree({ 'a.md': `${MISMATCH}\n\n${UNVERIFIED}\n` });
    const issues = (): CodeQualityIssue[] => JSON.parse(factlint(dir, '-f', 'codequality', 'a.md').stdout);
    const first = issues();
    assert.deepEqual(
      first.map((i) => [i.check_name, i.severity, i.location.path, i.location.lines.begin, i.description.slice(0, 20)]),
      [
        ['mismatch', 'minor', 'a.md', 1, 'Sources say 1,500 No'],
        ['unverified', 'info', 'a.md', 3, 'No source speaks to '],
      ],
    );
    assert.deepEqual(issues(), first, 'the same report on a second run');
    fs.writeFileSync(path.join(dir, 'a.md'), `# Title\n\nA new first paragraph.\n\n${MISMATCH}\n\n${UNVERIFIED}\n`);
    const edited = issues();
    assert.deepEqual(edited.map((i) => i.location.lines.begin), [5, 7]);
    assert.deepEqual(edited.map((i) => i.fingerprint), first.map((i) => i.fingerprint));
  });

  it('github: of 12 mismatches 10 are warnings, the unverified figure a notice, then a notice of the 2 left out', () => {
    const dir = tempTree({ 'a.md': `${UNVERIFIED}\n\n${Array(12).fill(MISMATCH).join('\n\n')}\n` });
    const run = factlint(dir, '-f', 'github', 'a.md');
    assert.equal(run.code, 1);
    const lines = run.stdout.trim().split('\n');
    assert.equal(lines.length, 13);
    assert.deepEqual(lines.slice(0, 10).map((l) => /^::warning file=a\.md,line=(\d+),/.exec(l)?.[1]), ['3', '5', '7', '9', '11', '13', '15', '17', '19', '21']);
    assert.match(lines[10], /^::notice file=a\.md,line=1,.*title=factlint unverified::No source speaks to 10,500/);
    assert.equal(
      lines[11],
      '::notice title=factlint%3A more findings than GitHub annotates::2 more findings not shown: GitHub shows at most 10 annotations of each type per step. Upload the SARIF report (factlint --format sarif) to code scanning to see every finding.',
    );
    assert.equal(lines[12], 'factlint: 1 file, 13 figures: 12 mismatch, 0 supported, 1 unverified');
  });
});
