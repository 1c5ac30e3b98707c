import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { DEFAULT_TOLERANCE } from '../../server/src/engine';
import { ConfigError, ConfigFinder, DEFAULT_LANGUAGES, DEFAULT_SEVERITY, fileLayer, isIgnoredByConfig, resolveConfig, validateConfig } from '../../server/src/config';
import { removeTemps, tempTree as tree } from './fixtures';

const schemaFile = path.join(__dirname, '../../schemas/factlintrc.schema.json');

function configError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof ConfigError, `expected a ConfigError, got ${e}`);
    return e;
  }
  assert.fail('expected a ConfigError');
}

describe('config validation', () => {
  it('accepts every documented key', () => {
    const config = {
      $schema: './node_modules/factlint/schemas/factlintrc.schema.json',
      corpus: ['sources'],
      bundledCorpus: false,
      severity: { mismatch: 'error', supported: 'off', unverified: 'warning' },
      store: 'postgres://factlint@db.internal/facts',
      tolerance: 0.2,
      ignores: ['drafts/old/**'],
      languages: ['markdown'],
    };
    assert.deepEqual(validateConfig(config, '.factlintrc.json'), config);
  });

  it('is a valid JSON Schema (draft-07, strict)', () => {
    const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8'));
    assert.doesNotThrow(() => new Ajv({ strict: true }).compile(schema));
  });

  it('documents the defaults the code uses', () => {
    const { properties } = JSON.parse(fs.readFileSync(schemaFile, 'utf8'));
    const severity = Object.fromEntries(Object.entries(properties.severity.properties).map(([k, v]) => [k, (v as { default: string }).default]));
    assert.deepEqual(severity, DEFAULT_SEVERITY);
    assert.equal(properties.tolerance.default, DEFAULT_TOLERANCE);
    assert.deepEqual(properties.languages.default, DEFAULT_LANGUAGES);
    assert.equal(properties.bundledCorpus.default, resolveConfig([], '/').bundledCorpus);
  });

  const cases: Array<{ name: string; value: unknown; prefix?: string; message: string }> = [
    { name: 'an unknown key', value: { tolernce: 0.1 }, message: 'f.json: unknown key "tolernce"; expected one of corpus, bundledCorpus, severity, store, tolerance, ignores, languages' },
    { name: 'an unknown nested key', value: { severity: { fatal: 'error' } }, message: 'f.json: unknown key "severity.fatal"; expected one of mismatch, unverified, supported' },
    { name: 'a wrong type', value: { tolerance: 'high' }, message: 'f.json: "tolerance" should be a number, got "high"' },
    { name: 'a wrong item type', value: { corpus: ['a', 3] }, message: 'f.json: "corpus[1]" should be a string, got 3' },
    { name: 'a value out of range', value: { tolerance: 2 }, message: 'f.json: "tolerance" should be <= 1, got 2' },
    { name: 'an unknown severity', value: { severity: { mismatch: 'fatal' } }, message: 'f.json: "severity.mismatch" should be one of "error", "warning", "info", "hint", "off", got "fatal"' },
    { name: 'an unknown language', value: { languages: ['rst'] }, message: 'f.json: "languages[0]" should be one of "markdown", "plaintext", got "rst"' },
    { name: 'a non-object', value: [1], message: 'f.json: the configuration should be an object, got an array' },
    { name: 'a bad package.json key', value: { bundledCorpus: 'no' }, prefix: 'factlint.', message: 'f.json: "factlint.bundledCorpus" should be a boolean, got "no"' },
  ];
  for (const c of cases)
    it(`names the file, key and expectation for ${c.name}`, () => {
      assert.equal(configError(() => validateConfig(c.value, 'f.json', c.prefix)).message, c.message);
    });
});

describe('config discovery', () => {
  after(removeTemps);

  it('walks up from the draft to the nearest config file', () => {
    const root = tree({
      '.factlintrc.json': '{"tolerance": 0.3}',
      'a/b/draft.md': '',
      'a/.factlintrc.yaml': 'tolerance: 0.2\n',
      'c/draft.md': '',
    });
    const finder = new ConfigFinder();
    assert.deepEqual(finder.forFile(path.join(root, 'a/b/draft.md')), { path: path.join(root, 'a/.factlintrc.yaml'), config: { tolerance: 0.2 } });
    assert.deepEqual(finder.forFile(path.join(root, 'c/draft.md'))?.config, { tolerance: 0.3 });
  });

  it('prefers .factlintrc.json, then YAML, then package.json in one folder', () => {
    const root = tree({
      '.factlintrc.json': '{"tolerance": 0.1}',
      '.factlintrc.yaml': 'tolerance: 0.2',
      'package.json': '{"factlint": {"tolerance": 0.3}}',
    });
    const finder = new ConfigFinder();
    assert.equal(finder.forFile(path.join(root, 'x.md'))?.path, path.join(root, '.factlintrc.json'));
    fs.rmSync(path.join(root, '.factlintrc.json'));
    finder.clear();
    assert.equal(finder.forFile(path.join(root, 'x.md'))?.path, path.join(root, '.factlintrc.yaml'));
    fs.rmSync(path.join(root, '.factlintrc.yaml'));
    finder.clear();
    assert.deepEqual(finder.forFile(path.join(root, 'x.md'))?.config, { tolerance: 0.3 });
  });

  it('skips a package.json without a "factlint" key', () => {
    const root = tree({ '.factlintrc.yml': 'bundledCorpus: false', 'pkg/package.json': '{"name": "x"}' });
    assert.equal(new ConfigFinder().forFile(path.join(root, 'pkg/x.md'))?.path, path.join(root, '.factlintrc.yml'));
  });

  it('reads an empty config file as an empty configuration', () => {
    const root = tree({ '.factlintrc.yaml': '' });
    assert.deepEqual(new ConfigFinder().forFile(path.join(root, 'x.md'))?.config, {});
  });

  it('reports broken JSON, broken YAML and bad keys with the file name', () => {
    const root = tree({ 'j/.factlintrc.json': '{"tolerance": }', 'y/.factlintrc.yaml': 'tolerance: [1', 'p/package.json': '{"factlint": {"ignore": []}}' });
    const finder = new ConfigFinder();
    const json = configError(() => finder.forFile(path.join(root, 'j/x.md')));
    assert.equal(json.file, path.join(root, 'j/.factlintrc.json'));
    assert.match(json.message, /\.factlintrc\.json: invalid JSON/);
    assert.match(configError(() => finder.forFile(path.join(root, 'y/x.md'))).message, /\.factlintrc\.yaml: invalid YAML/);
    assert.match(configError(() => finder.forFile(path.join(root, 'p/x.md'))).message, /package\.json: unknown key "factlint\.ignore"/);
  });
});

describe('config precedence', () => {
  it('applies defaults, then the config file, then flags', () => {
    const file = { path: '/repo/docs/.factlintrc.json', config: { corpus: ['../sources'], tolerance: 0.2, severity: { supported: 'off' as const }, ignores: ['old/**'] } };
    const fromFile = resolveConfig([fileLayer(file)], '/cwd');
    assert.deepEqual(fromFile, {
      source: '/repo/docs/.factlintrc.json',
      corpusDirs: ['/repo/sources'],
      bundledCorpus: true,
      severity: { ...DEFAULT_SEVERITY, supported: 'off' },
      tolerance: 0.2,
      ignores: { patterns: ['old/**'], baseDir: '/repo/docs' },
      languages: ['markdown', 'plaintext'],
    });
    const withFlags = resolveConfig([fileLayer(file), { config: { corpus: ['extra'], tolerance: 0.05, bundledCorpus: false }, baseDir: '/cwd' }], '/cwd');
    assert.deepEqual(withFlags.corpusDirs, ['/cwd/extra']);
    assert.equal(withFlags.tolerance, 0.05);
    assert.equal(withFlags.bundledCorpus, false);
    assert.equal(withFlags.severity.supported, 'off');
  });

  it('leaves the tolerance to the engine when nothing sets it', () => {
    assert.equal(resolveConfig([], '/cwd').tolerance, undefined);
  });
});

describe('config ignores', () => {
  const config = resolveConfig([{ config: { ignores: ['archive/', '*.wip.md', '!keep.wip.md'] }, baseDir: '/repo/docs', source: '/repo/docs/.factlintrc.json' }], '/cwd');
  const cases: Array<[string, boolean]> = [
    ['/repo/docs/archive/old.md', true],
    ['/repo/docs/a/archive/old.md', true],
    ['/repo/docs/draft.wip.md', true],
    ['/repo/docs/keep.wip.md', false],
    ['/repo/docs/draft.md', false],
    ['/repo/other/archive/old.md', false],
  ];
  for (const [file, ignored] of cases)
    it(`${ignored ? 'ignores' : 'keeps'} ${file}, relative to the config file`, () => assert.equal(isIgnoredByConfig(config, file), ignored));
});
