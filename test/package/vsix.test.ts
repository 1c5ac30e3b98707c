// `npm run package` builds an installable .vsix without prompting: bundled code only (no
// node_modules), the corpus, grammars, config schema, icon and the Marketplace README.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

/** Entry names of a zip file, read from its central directory. */
function zipEntries(file: string): string[] {
  const zip = fs.readFileSync(file);
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, 'not a zip file');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    assert.equal(zip.readUInt32LE(at), 0x02014b50, 'bad central directory');
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    names.push(zip.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extra;
  }
  return names;
}

describe('npm run package', function () {
  this.timeout(120_000);

  it('produces a .vsix with the bundled extension, server, corpus and Marketplace page', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'factlint-vsix-'));
    try {
      const vsix = path.join(out, 'factlint.vsix');
      const run = spawnSync('npm', ['run', 'package', '--', '--out', vsix], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      assert.equal(run.status, 0, run.stdout + run.stderr);
      const entries = zipEntries(vsix);
      for (const needed of [
        'extension/package.json',
        'extension/readme.md',
        'extension/dist/extension.js',
        'extension/dist/server.js',
        'extension/dist/checkWorker.js',
        'extension/dist/cli.js',
        'extension/dist/english.tsv',
        'extension/corpus/corpus.json',
        'extension/syntaxes/figures.injection.tmLanguage.json',
        'extension/schemas/factlintrc.schema.json',
        'extension/images/icon.png',
      ])
        assert.ok(entries.includes(needed), `${needed} missing from ${entries.join(', ')}`);
      assert.deepEqual(entries.filter((e) => /node_modules|\.map$|\.ts$|^extension\/(test|server|client)\//.test(e)), []);
      for (const doc of fs.readdirSync(path.join(root, 'corpus')).filter((f) => f.endsWith('.txt')))
        assert.ok(entries.includes(`extension/corpus/${doc}`), `corpus document ${doc} missing`);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
