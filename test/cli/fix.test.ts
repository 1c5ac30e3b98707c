// --fix and --fix-dry-run through the built CLI (dist/cli.js): which figures change, that nothing else
// in the file does (line ends, byte-order marks, UTF-16), how the file is replaced, and what a dry run shows.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { JsonReport } from '../../server/src/cli/format/json';
import type { LintResult } from '../../server/src/cli/lint';
import { summaryLine } from '../../server/src/cli/report';
import { writeFixes } from '../../server/src/cli/writeFixes';
import { LineIndex } from '../../server/src/engine/lineIndex';
import { builtBundle } from '../dist';
import { removeTemps, tempTree } from './fixtures';

let CLI: string;

// Two mismatches with one source figure each ("13,500" becomes the shorter "1,500"), one whose sources
// give several figures (left alone), a supported figure, and text that must survive: tabs, trailing
// blanks, non-ASCII, a comment, and no newline at the end.
const LINES = [
  '# Draft\t ',
  '',
  'About 13,500 North Korean special forces were sent to Russia for training.  ',
  'North Korea has sent 30,000 troops to Russia in all — “reportedly”.',
  '',
  '<!-- a note -->',
  'Reports indicate over 100 fatalities and approximately 3,000 injured shortly after their arrival.',
];
const FIXED_LINES = LINES.map((l) => l.replace('13,500', '1,500').replace('3,000 injured', '1,000 injured'));

function factlint(cwd: string, args: string[], input?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('factlint --fix and --fix-dry-run', function () {
  before(() => (CLI = builtBundle('cli.js')));
  after(removeTemps);

  it('replaces each figure that has one fix, and leaves every other byte of LF, CRLF, BOM and UTF-16 files as it was', () => {
    const encodings: Record<string, (lines: string[]) => Buffer> = {
      'lf.md': (lines) => Buffer.from(lines.join('\n'), 'utf8'),
      'crlf.md': (lines) => Buffer.from(lines.join('\r\n'), 'utf8'),
      'bom.md': (lines) => Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8'),
      'utf16.txt': (lines) => Buffer.from(`\ufeff${lines.join('\r\n')}`, 'utf16le'),
    };
    const dir = tempTree(Object.fromEntries(Object.entries(encodings).map(([name, encode]) => [name, encode(LINES)])));
    // Group-writable: a umask of 022 would take that bit from a new file.
    fs.chmodSync(path.join(dir, 'lf.md'), 0o664);
    const run = factlint(dir, ['--fix', ...Object.keys(encodings)]);
    assert.equal(run.code, 1, `the 30,000 mismatch has no single fix and still fails the run\n${run.stderr}`);
    assert.match(run.stdout, /^4 files, 16 figures: 4 mismatch, 12 supported, 0 unverified; 8 fixed$/m);
    assert.match(run.stdout, /^lf\.md:4:22  mismatch  .*not 30,000/m);
    for (const [name, encode] of Object.entries(encodings)) assert.deepEqual(fs.readFileSync(path.join(dir, name)), encode(FIXED_LINES), name);
    assert.equal(fs.statSync(path.join(dir, 'lf.md')).mode & 0o777, 0o664, 'the mode is kept');
    assert.deepEqual(fs.readdirSync(dir).sort(), Object.keys(encodings).sort(), 'no temporary file is left');
  });

  it('leaves suppressed mismatches and unchanged files alone', () => {
    const suppressed = `${LINES[2]} <!-- factlint-disable-line mismatch -->\n`;
    const dir = tempTree({ 'a.md': suppressed, 'ok.md': 'About 1,500 North Korean special forces were sent to Russia for training.\n' });
    const before = fs.statSync(path.join(dir, 'ok.md')).mtimeMs;
    const run = factlint(dir, ['--fix', 'a.md', 'ok.md']);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(fs.readFileSync(path.join(dir, 'a.md'), 'utf8'), suppressed);
    assert.equal(fs.statSync(path.join(dir, 'ok.md')).mtimeMs, before);
    assert.doesNotMatch(run.stdout, /fixed/);
  });

  it('through a symbolic link, fixes the file it points to and keeps the link', () => {
    const dir = tempTree({ 'real.md': `${LINES[2]}\n` });
    fs.symlinkSync('real.md', path.join(dir, 'link.md'));
    assert.equal(factlint(dir, ['--fix', 'link.md']).code, 0);
    assert.ok(fs.lstatSync(path.join(dir, 'link.md')).isSymbolicLink());
    assert.equal(fs.readFileSync(path.join(dir, 'real.md'), 'utf8'), `${FIXED_LINES[2]}\n`);
  });

  it('--fix-dry-run shows a diff and the report of the fixed draft, and writes nothing', () => {
    const text = LINES.join('\n') + '\n';
    const dir = tempTree({ 'a.md': text });
    const run = factlint(dir, ['--fix-dry-run', 'a.md']);
    assert.equal(run.code, 1);
    assert.equal(fs.readFileSync(path.join(dir, 'a.md'), 'utf8'), text);
    const [diff, report] = run.stdout.split('\n\n');
    assert.equal(
      diff,
      [
        '--- a.md',
        '+++ a.md',
        '@@ -1,7 +1,7 @@',
        '\u0020# Draft\\t ',
        ' ',
        '-About 13,500 North Korean special forces were sent to Russia for training.  ',
        '+About 1,500 North Korean special forces were sent to Russia for training.  ',
        ' North Korea has sent 30,000 troops to Russia in all — “reportedly”.',
        ' ',
        ' <!-- a note -->',
        '-Reports indicate over 100 fatalities and approximately 3,000 injured shortly after their arrival.',
        '+Reports indicate over 100 fatalities and approximately 1,000 injured shortly after their arrival.',
      ].join('\n'),
    );
    assert.match(report, /^a\.md:3:7  supported  /m);
    assert.match(report, /^1 file, 4 figures: 1 mismatch, 3 supported, 0 unverified; 2 would be fixed$/m);
  });

  it('--fix-dry-run with JSON gives each fixed file its output, as ESLint does, also for standard input', () => {
    const text = LINES.join('\r\n');
    const dir = tempTree({ 'a.md': text, 'ok.md': 'No figures.\n' });
    const report: JsonReport = JSON.parse(factlint(dir, ['--fix-dry-run', '-f', 'json', 'a.md', 'ok.md']).stdout);
    assert.equal(report.files[0].output, FIXED_LINES.join('\r\n'));
    assert.equal(report.files[1].output, undefined, 'no output where nothing changed');
    const fixedAt = report.files[0].findings.find((f) => f.text === '1,500');
    assert.deepEqual([fixedAt?.verdict, fixedAt?.range.start], ['supported', { line: 2, character: 6 }], 'findings are those of the fixed text');
    const stdin: JsonReport = JSON.parse(factlint(dir, ['--fix-dry-run', '-f', 'json', '-'], text).stdout);
    assert.equal(stdin.files[0].output, FIXED_LINES.join('\r\n'));
  });

  it('refuses --fix on standard input, and --fix with --fix-dry-run', () => {
    const dir = tempTree({});
    for (const [args, message] of [
      [['--fix', '-'], '--fix cannot write to standard input; use --fix-dry-run'],
      [['--fix', '--fix-dry-run', 'a.md'], '--fix and --fix-dry-run cannot be used together'],
    ] as const) {
      const run = factlint(dir, [...args], 'x');
      assert.equal(run.code, 2);
      assert.match(run.stderr, new RegExp(`^factlint: ${message}\n`));
    }
  });
});

describe('writeFixes', () => {
  after(removeTemps);

  function fixed(file: string, original: string, output: string): LintResult {
    const fix = { original, output, count: 1, encoding: 'utf-8' as const, written: false };
    return { cwd: path.dirname(file), files: [{ file, path: path.basename(file), format: 'markdown', text: output, lines: new LineIndex(output), findings: [], unusedDisables: [], fix }], problems: [], corpus: [] };
  }

  it('leaves a draft that changed on disk since it was read, and says so', () => {
    const dir = tempTree({ 'a.md': 'Edited meanwhile: 3,500.\n' });
    const result = fixed(path.join(dir, 'a.md'), 'Read: 3,500.\n', 'Read: 1,500.\n');
    assert.deepEqual(writeFixes(result), [{ path: 'a.md', message: 'changed on disk while it was checked; not fixed (run factlint --fix again)' }]);
    assert.equal(fs.readFileSync(path.join(dir, 'a.md'), 'utf8'), 'Edited meanwhile: 3,500.\n');
    assert.equal(result.files[0].fix?.written, false);
  });

  it('reports a draft that cannot be written and writes the others', () => {
    const dir = tempTree({ 'a.md': 'Read: 3,500.\n' });
    const result = fixed(path.join(dir, 'a.md'), 'Read: 3,500.\n', 'Read: 1,500.\n');
    const gone = fixed(path.join(dir, 'deleted.md'), 'Read: 3,500.\n', 'Read: 1,500.\n');
    result.files.unshift(gone.files[0]);
    const problems = writeFixes(result);
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /^cannot write the fixes: ENOENT/);
    assert.deepEqual(result.files.map((f) => f.fix?.written), [false, true]);
    assert.equal(fs.readFileSync(path.join(dir, 'a.md'), 'utf8'), 'Read: 1,500.\n');
    assert.match(summaryLine(result), /; 1 fixed; 1 would be fixed$/);
  });
});
