import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../..');

describe('the factlint bins', () => {
  it('run through npx as the README says, after any rebuild', () => {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    const out = execFileSync('npx', ['--no-install', 'factlint', '--version'], { cwd: root, encoding: 'utf8' });
    assert.equal(out.trim(), version);
  });
  it('start with a shebang so a shell can run them', () => {
    for (const bin of ['dist/cli.js', 'dist/server.js']) assert.match(readFileSync(join(root, bin), 'utf8'), /^#!\/usr\/bin\/env node\n/);
  });
});
