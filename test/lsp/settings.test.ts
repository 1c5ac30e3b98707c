// The editor settings: declared for users in package.json, defaulted and checked in the server.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { normalizeSettings } from '../../server/src/lsp/settings';
import { DEFAULT_CLIENT_SETTINGS, DEFAULT_SETTINGS } from '../../server/src/protocol';
import { builtBundle } from '../dist';

const manifest = JSON.parse(readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8'));
const properties: Record<string, { default: unknown; markdownDescription?: string; type: string }> = manifest.contributes.configuration.properties;

/** `factlint.a.b` → value, for every leaf of the settings object. */
function flatten(node: object, prefix = 'factlint'): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (value && typeof value === 'object' && !Array.isArray(value)) Object.assign(out, flatten(value, `${prefix}.${key}`));
    else out[`${prefix}.${key}`] = value;
  }
  return out;
}

describe('editor settings', () => {
  it('package.json declares every setting the server or the client reads, typed, documented, with the same defaults', () => {
    const defaults = flatten({ ...DEFAULT_SETTINGS, ...DEFAULT_CLIENT_SETTINGS });
    const declared = Object.fromEntries(
      Object.entries(properties)
        .filter(([key]) => key !== 'factlint.trace.server') // read by vscode-languageclient, not the server
        .map(([key, p]) => [key, p.default]),
    );
    assert.deepEqual(declared, defaults);
    for (const [key, p] of Object.entries(properties)) {
      assert.ok(p.type, `${key} has no type`);
      assert.ok(p.markdownDescription, `${key} has no description`);
    }
  });

  it('takes valid values, and reports and replaces wrong ones by the defaults', () => {
    const problems: string[] = [];
    const settings = normalizeSettings(
      { corpus: { folders: 'notes' }, severity: { mismatch: 'error', unverified: 'loud' }, tolerance: 0.25, run: 'onSave', debounceMs: -1 },
      (m) => problems.push(m),
    );
    assert.deepEqual(settings, {
      ...DEFAULT_SETTINGS,
      severity: { ...DEFAULT_SETTINGS.severity, mismatch: 'error' },
      tolerance: 0.25,
      run: 'onSave',
    });
    assert.deepEqual(problems, [
      'Setting factlint.corpus.folders should be a list of folder paths, not "notes"; using [].',
      'Setting factlint.severity.unverified should be one of error, warning, info, hint, off, not "loud"; using "hint".',
      'Setting factlint.debounceMs should be a whole number of milliseconds, not -1; using 50.',
    ]);
  });

  it('starts from the defaults when the client sends nothing', () => {
    assert.deepEqual(normalizeSettings(undefined, assert.fail), DEFAULT_SETTINGS);
    assert.deepEqual(normalizeSettings(null, assert.fail), DEFAULT_SETTINGS);
  });
});

describe('factlint-server', () => {
  it('explains its usage and exits 2 without a transport', () => {
    const run = spawnSync(process.execPath, [builtBundle('server.js')], { encoding: 'utf8' });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /Usage: factlint-server --stdio/);
  });
});
