// Which files the built CLI checks: --ignore-pattern, --no-gitignore, .git/info/exclude,
// core.excludesFile, ignored folders left unread, and --no-error-on-unmatched-pattern.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { JsonReport } from '../../server/src/cli/format/json';
import { builtBundle } from '../dist';
import { removeTemps, tempTree } from './fixtures';

let CLI: string;

const MISMATCH = 'About 3,500 North Korean special forces were sent to Russia for training.\n';
const posix = process.platform !== 'win32';

interface RunOptions {
  env?: NodeJS.ProcessEnv;
  /** Run as another user (root reads folders whatever their mode; an unreadable folder needs someone else). */
  uid?: number;
}

function factlint(cwd: string, args: string[], options: RunOptions = {}) {
  const env = { ...process.env, NO_COLOR: '', GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', ...options.env };
  const user = options.uid === undefined ? {} : { uid: options.uid, gid: options.uid };
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env, timeout: 20_000, ...user });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The paths a JSON report checked. */
function checked(stdout: string): string[] {
  return (JSON.parse(stdout) as JsonReport).files.map((f) => f.path);
}

describe('factlint file selection', function () {
  before(() => (CLI = builtBundle('cli.js')));
  after(removeTemps);

  it('--ignore-pattern leaves out files and folders, relative to the working directory; named files are still checked', () => {
    const dir = tempTree({ 'docs/a.md': MISMATCH, 'docs/old/b.md': MISMATCH, 'docs/c.wip.md': MISMATCH, 'notes/old/d.md': MISMATCH });
    assert.deepEqual(checked(factlint(dir, ['--format', 'json', '.']).stdout), ['docs/a.md', 'docs/c.wip.md', 'docs/old/b.md', 'notes/old/d.md']);
    const run = factlint(dir, ['--format', 'json', '--ignore-pattern', 'docs/old/', '--ignore-pattern', '*.wip.md', '.', 'docs/c.wip.md']);
    assert.equal(run.code, 1, run.stderr);
    assert.deepEqual(checked(run.stdout), ['docs/a.md', 'notes/old/d.md', 'docs/c.wip.md']);
    assert.deepEqual(checked(factlint(dir, ['--format', 'json', '--ignore-pattern', 'old/', '**/*.md']).stdout), ['docs/a.md', 'docs/c.wip.md'], 'globs too');
  });

  it('honours .gitignore, .git/info/exclude and core.excludesFile; --no-gitignore none of them', () => {
    const dir = tempTree({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.git/info/exclude': 'private/\n',
      '.gitignore': 'build/\n',
      'global-ignore': '*.secret.md\n',
      'gitconfig': '',
      'xdg/git/ignore': 'scratch/\n',
      'a.md': MISMATCH,
      'build/out.md': MISMATCH,
      'private/p.md': MISMATCH,
      'x.secret.md': MISMATCH,
      'scratch/s.md': MISMATCH,
    });
    fs.writeFileSync(path.join(dir, 'gitconfig'), `[core]\n\texcludesFile = ${path.join(dir, 'global-ignore')}\n`);
    const all = ['a.md', 'build/out.md', 'private/p.md', 'scratch/s.md', 'x.secret.md'];
    const withGlobal = { env: { GIT_CONFIG_GLOBAL: path.join(dir, 'gitconfig') } };
    assert.deepEqual(checked(factlint(dir, ['--format', 'json', '.'], withGlobal).stdout), ['a.md', 'scratch/s.md']);
    // Without core.excludesFile, Git's default file applies: $XDG_CONFIG_HOME/git/ignore.
    assert.deepEqual(checked(factlint(dir, ['--format', 'json', '.'], { env: { XDG_CONFIG_HOME: path.join(dir, 'xdg') } }).stdout), ['a.md', 'x.secret.md']);
    assert.deepEqual(checked(factlint(dir, ['--format', 'json', '--no-gitignore', '.'], withGlobal).stdout), all);
  });

  it('honours the info/exclude of a linked worktree\'s repository', () => {
    const dir = tempTree({ 'main/.git/HEAD': 'x', 'main/.git/info/exclude': 'private/\n', 'main/.git/worktrees/wt/commondir': '../..\n', 'wt/.git': '', 'wt/a.md': MISMATCH, 'wt/private/p.md': MISMATCH });
    fs.writeFileSync(path.join(dir, 'wt/.git'), `gitdir: ${path.join(dir, 'main/.git/worktrees/wt')}\n`);
    assert.deepEqual(checked(factlint(path.join(dir, 'wt'), ['--format', 'json', '.']).stdout), ['a.md']);
  });

  describe('ignored folders are not entered', () => {
    // A folder nobody may read, in each way a folder can be ignored. Entered, it would be an error.
    const root = posix && process.getuid?.() === 0;
    // [way, files, args that ignore the folder, args of a run that enters it]
    const ways: Array<[string, Record<string, string>, string[], string[]]> = [
      ['.gitignore', { '.gitignore': 'locked/\n' }, [], ['--no-gitignore']],
      ['the config\'s ignores', { '.factlintrc.json': '{"ignores": ["locked/"]}', 'empty.json': '{}' }, [], ['-c', 'empty.json']],
      ['--ignore-pattern', {}, ['--ignore-pattern', 'locked'], []],
    ];
    for (const [way, files, ignoring, entering] of ways)
      (posix ? it : it.skip)(`when ${way} ignores them, for a folder and for a glob`, () => {
        const dir = tempTree({ 'a.md': MISMATCH, 'locked/b.md': MISMATCH, ...files });
        const locked = path.join(dir, 'locked');
        fs.chmodSync(dir, 0o755);
        fs.chmodSync(locked, 0o000);
        try {
          const as = root ? { uid: 65534 } : {};
          for (const input of ['.', '**/*.md']) {
            const run = factlint(dir, ['--format', 'json', ...ignoring, input], as);
            assert.equal(run.stderr, '', `${input}: the folder was read`);
            assert.deepEqual(checked(run.stdout), ['a.md']);
            // Not ignored, the same folder is read, and cannot be: so the run above did not enter it.
            const entered = factlint(dir, ['--format', 'json', ...entering, input], as);
            assert.equal(entered.code, 2, `${input} without the ignore`);
            assert.match(entered.stderr, /^factlint: locked: folder not read: EACCES/m);
          }
        } finally {
          fs.chmodSync(locked, 0o755);
        }
      });
  });

  (posix ? it : it.skip)('reads each real folder once: links that fan out to 2^20 paths cost 20 folders', () => {
    // fan/l0 links twice to l1, l1 twice to l2, …: 2^20 ways to reach the one draft in l20.
    const dir = tempTree({ 'fan/l20/d.md': MISMATCH });
    for (let i = 0; i < 20; i++) {
      fs.mkdirSync(path.join(dir, `fan/l${i}`), { recursive: true });
      for (const name of ['a', 'b']) fs.symlinkSync(`../l${i + 1}`, path.join(dir, `fan/l${i}`, name));
    }
    const started = Date.now();
    const run = factlint(dir, ['--format', 'json', 'fan/l0']);
    assert.ok(Date.now() - started < 10_000, `${Date.now() - started} ms`);
    assert.equal(run.stderr, '');
    assert.deepEqual(checked(run.stdout), [`fan/l0/a/${'a/'.repeat(19)}d.md`]);
  });

  describe('--no-error-on-unmatched-pattern', () => {
    const files = { 'good.md': MISMATCH, 'empty/notes.json': '{}', 'ignored/x.md': MISMATCH, '.gitignore': 'ignored/\n' };
    const inputs = ['good.md', 'missing.md', 'empty', 'nothing/**/*.md', 'ignored'];

    it('without it, a path, folder or glob that yields no draft is an error (exit 2), as in ESLint', () => {
      const run = factlint(tempTree(files), ['--format', 'json', ...inputs]);
      assert.equal(run.code, 2);
      assert.deepEqual(run.stderr.trim().split('\n').sort(), [
        'factlint: empty: no drafts (.md, .markdown, .txt) in this folder',
        'factlint: ignored: every draft in this folder is ignored',
        'factlint: missing.md: no such file or folder',
        'factlint: nothing/**/*.md: no files match this pattern',
      ]);
      assert.deepEqual(checked(run.stdout), ['good.md']);
    });

    it('with it, they are skipped quietly and the exit code is the findings\'', () => {
      const dir = tempTree(files);
      const run = factlint(dir, ['--format', 'json', '--no-error-on-unmatched-pattern', ...inputs]);
      assert.equal(run.stderr, '');
      assert.equal(run.code, 1);
      assert.deepEqual(checked(run.stdout), ['good.md']);
      const none = factlint(dir, ['--no-error-on-unmatched-pattern', 'nothing/**/*.md']);
      assert.deepEqual([none.code, none.stdout, none.stderr], [0, '0 files, 0 figures: 0 mismatch, 0 supported, 0 unverified\n', '']);
    });

    it('still reports a file that cannot be read', () => {
      const dir = tempTree({ 'binary.md': Buffer.from([0x23, 0, 1]) });
      const run = factlint(dir, ['--no-error-on-unmatched-pattern', 'binary.md']);
      assert.equal(run.code, 2);
      assert.match(run.stderr, /binary\.md: binary file/);
    });
  });
});
