// The CLI keeps its corpus index between runs: in $XDG_CACHE_HOME/factlint, or where --cache-location says.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { builtBundle } from '../dist';
import { removeTemps, tempTree } from './fixtures';

let CLI: string;

function factlint(cwd: string, env: NodeJS.ProcessEnv, ...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, '--format', 'json', ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const indexFiles = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /^index-.*\.bin$/.test(f)) : []);

describe('CLI index cache', () => {
  before(() => (CLI = builtBundle('cli.js')));
  after(removeTemps);

  const tree = () =>
    tempTree({
      'draft.md': 'Northwind opened 40 stores in Ohio last year.\n',
      'sources/report.txt': 'Northwind opened 35 stores in Ohio last year, the company said.\n',
    });

  it('writes the index under XDG_CACHE_HOME and reads it on the next run, with the same report', () => {
    const dir = tree();
    const env = { XDG_CACHE_HOME: path.join(dir, 'xdg') };
    const first = factlint(dir, env, '--corpus', 'sources', 'draft.md');
    assert.equal(first.code, 1, first.stderr);
    assert.match(first.stdout, /"verdict":\s*"mismatch"/);
    const files = indexFiles(path.join(dir, 'xdg', 'factlint'));
    assert.ok(files.length >= 1, 'no index file was written');
    const stamp = files.map((f) => fs.statSync(path.join(dir, 'xdg', 'factlint', f)).mtimeMs);
    const second = factlint(dir, env, '--corpus', 'sources', 'draft.md');
    assert.deepEqual(second, first);
    // Nothing changed, so nothing was written again.
    assert.deepEqual(files.map((f) => fs.statSync(path.join(dir, 'xdg', 'factlint', f)).mtimeMs), stamp);
  });

  it('uses --cache-location instead, and survives a damaged cache file', () => {
    const dir = tree();
    const env = { XDG_CACHE_HOME: path.join(dir, 'xdg') };
    const first = factlint(dir, env, '--cache-location', 'here', '--corpus', 'sources', 'draft.md');
    assert.deepEqual(indexFiles(path.join(dir, 'xdg', 'factlint')), []);
    const files = indexFiles(path.join(dir, 'here'));
    assert.ok(files.length >= 1);
    for (const f of files) fs.writeFileSync(path.join(dir, 'here', f), 'damaged');
    assert.deepEqual(factlint(dir, env, '--cache-location', 'here', '--corpus', 'sources', 'draft.md'), first);
  });
});
