import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { DEFAULT_TOLERANCE } from '../../server/src/engine';
import { ConfigError, ConfigFinder, DEFAULT_LANGUAGES, DEFAULT_SEVERITY, expandExtends, isIgnoredByConfig, resolveConfig, validateConfig, type ConfigLayer } from '../../server/src/config';
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
      root: true,
      extends: ['../shared/.factlintrc.json'],
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
    assert.equal(properties.bundledCorpus.default, resolveConfig([]).bundledCorpus);
  });

  const cases: Array<{ name: string; value: unknown; prefix?: string; message: string }> = [
    { name: 'an unknown key', value: { tolernce: 0.1 }, message: 'f.json: unknown key "tolernce"; expected one of root, extends, corpus, bundledCorpus, severity, store, tolerance, ignores, languages' },
    { name: 'an unknown nested key', value: { severity: { fatal: 'error' } }, message: 'f.json: unknown key "severity.fatal"; expected one of mismatch, unverified, supported' },
    { name: 'a wrong type', value: { tolerance: 'high' }, message: 'f.json: "tolerance" should be a number, got "high"' },
    { name: 'a wrong item type', value: { corpus: ['a', 3] }, message: 'f.json: "corpus[1]" should be a string, got 3' },
    { name: 'a value out of range', value: { tolerance: 2 }, message: 'f.json: "tolerance" should be <= 1, got 2' },
    { name: 'an unknown severity', value: { severity: { mismatch: 'fatal' } }, message: 'f.json: "severity.mismatch" should be one of "error", "warning", "info", "hint", "off", got "fatal"' },
    { name: 'an unknown language', value: { languages: ['rst'] }, message: 'f.json: "languages[0]" should be one of "markdown", "plaintext", got "rst"' },
    { name: 'an extends that is neither a path nor a list', value: { extends: 3 }, message: 'f.json: "extends" should be a string or a list of strings, got 3' },
    { name: 'a wrong item in extends', value: { extends: ['a.json', 3] }, message: 'f.json: "extends[1]" should be a string, got 3' },
    { name: 'a non-object', value: [1], message: 'f.json: the configuration should be an object, got an array' },
    { name: 'a bad package.json key', value: { bundledCorpus: 'no' }, prefix: 'factlint.', message: 'f.json: "factlint.bundledCorpus" should be a boolean, got "no"' },
  ];
  for (const c of cases)
    it(`names the file, key and expectation for ${c.name}`, () => {
      assert.equal(configError(() => validateConfig(c.value, 'f.json', c.prefix)).message, c.message);
    });
});

/** The files behind a chain of layers, relative to `root`, lowest precedence first. */
function sources(layers: ConfigLayer[], root: string): string[] {
  return layers.map((l) => path.relative(root, l.source!));
}

describe('config discovery', () => {
  after(removeTemps);

  it('merges every config file from the root down to the draft, the nearest last', () => {
    const root = tree({
      '.factlintrc.json': '{"tolerance": 0.3, "corpus": ["top"]}',
      'a/b/draft.md': '',
      'a/.factlintrc.yaml': 'tolerance: 0.2\ncorpus: [mid]\n',
      'c/draft.md': '',
    });
    const finder = new ConfigFinder();
    const layers = finder.forFile(path.join(root, 'a/b/draft.md'));
    assert.deepEqual(sources(layers, root).slice(-2), ['.factlintrc.json', 'a/.factlintrc.yaml']);
    const config = resolveConfig(layers);
    assert.equal(config.tolerance, 0.2, 'the nearest file sets a scalar');
    assert.deepEqual(config.corpusDirs.slice(-2), [path.join(root, 'top'), path.join(root, 'a/mid')], 'corpus folders add up, each relative to its file');
    assert.equal(resolveConfig(finder.forFile(path.join(root, 'c/draft.md'))).tolerance, 0.3);
  });

  it('stops at a config file with root: true', () => {
    const root = tree({ '.factlintrc.json': '{"corpus": ["top"]}', 'a/.factlintrc.json': '{"root": true, "tolerance": 0.2}', 'a/b/.factlintrc.yaml': 'languages: [markdown]\n' });
    assert.deepEqual(sources(new ConfigFinder().forFile(path.join(root, 'a/b/x.md')), root), ['a/.factlintrc.json', 'a/b/.factlintrc.yaml']);
  });

  it('prefers .factlintrc.json, then .jsonc, then YAML, then package.json in one folder', () => {
    const root = tree({
      '.factlintrc.json': '{"tolerance": 0.1}',
      '.factlintrc.jsonc': '{"tolerance": 0.15}',
      '.factlintrc.yaml': 'tolerance: 0.2',
      'package.json': '{"factlint": {"tolerance": 0.3}}',
    });
    const finder = new ConfigFinder();
    const nearest = () => finder.forFile(path.join(root, 'x.md')).at(-1);
    assert.equal(nearest()?.source, path.join(root, '.factlintrc.json'));
    for (const [gone, next] of [['.factlintrc.json', '.factlintrc.jsonc'], ['.factlintrc.jsonc', '.factlintrc.yaml']]) {
      fs.rmSync(path.join(root, gone));
      finder.clear();
      assert.equal(nearest()?.source, path.join(root, next));
    }
    fs.rmSync(path.join(root, '.factlintrc.yaml'));
    finder.clear();
    assert.deepEqual(nearest()?.config, { tolerance: 0.3 });
  });

  it('reads .factlintrc.jsonc with comments and trailing commas', () => {
    const root = tree({ '.factlintrc.jsonc': '// for the newsroom\n{\n  /* strict */ "tolerance": 0,\n  "languages": ["markdown",],\n}\n', 'empty/.factlintrc.jsonc': '// nothing yet\n' });
    assert.deepEqual(new ConfigFinder().forFile(path.join(root, 'x.md')).at(-1)?.config, { tolerance: 0, languages: ['markdown'] });
    assert.deepEqual(new ConfigFinder().forFile(path.join(root, 'empty/x.md')).at(-1)?.config, {}, 'only comments: an empty configuration');
  });

  it('skips a package.json without a "factlint" key', () => {
    const root = tree({ '.factlintrc.yml': 'bundledCorpus: false', 'pkg/package.json': '{"name": "x"}' });
    assert.equal(new ConfigFinder().forFile(path.join(root, 'pkg/x.md')).at(-1)?.source, path.join(root, '.factlintrc.yml'));
  });

  it('reads an empty config file as an empty configuration', () => {
    const root = tree({ '.factlintrc.yaml': '' });
    assert.deepEqual(new ConfigFinder().forFile(path.join(root, 'x.md')).at(-1)?.config, {});
  });

  it('reports broken JSON, JSONC, YAML and bad keys with the file name', () => {
    const root = tree({
      'j/.factlintrc.json': '{"tolerance": }',
      'c/.factlintrc.jsonc': '{\n  "tolerance": 0.1\n  "corpus": []\n}',
      'y/.factlintrc.yaml': 'tolerance: [1',
      'p/package.json': '{"factlint": {"ignore": []}}',
    });
    const finder = new ConfigFinder();
    const json = configError(() => finder.forFile(path.join(root, 'j/x.md')));
    assert.equal(json.file, path.join(root, 'j/.factlintrc.json'));
    assert.match(json.message, /\.factlintrc\.json: invalid JSON/);
    assert.match(configError(() => finder.forFile(path.join(root, 'c/x.md'))).message, /\.factlintrc\.jsonc: invalid JSON: CommaExpected at line 3, column 3$/);
    assert.match(configError(() => finder.forFile(path.join(root, 'y/x.md'))).message, /\.factlintrc\.yaml: invalid YAML/);
    assert.match(configError(() => finder.forFile(path.join(root, 'p/x.md'))).message, /package\.json: unknown key "factlint\.ignore"/);
  });

  it('a broken file above the draft is the draft\'s error too', () => {
    const root = tree({ '.factlintrc.json': '{"tolerance": "high"}', 'a/.factlintrc.json': '{}' });
    assert.equal(configError(() => new ConfigFinder().forFile(path.join(root, 'a/x.md'))).file, path.join(root, '.factlintrc.json'));
  });
});

describe('config extends', () => {
  after(removeTemps);
  const chain = (root: string, file: string) => expandExtends({ path: path.join(root, file), config: JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) });

  it('lays the extended files under the file, in order, each relative to the file that names it', () => {
    const root = tree({
      'shared/base.yaml': 'extends: strict.jsonc\ncorpus: [sources]\ntolerance: 0.3\n',
      'shared/strict.jsonc': '{ "tolerance": 0, "severity": { "unverified": "warning" }, }',
      'shared/pkg/package.json': '{"factlint": {"languages": ["markdown"]}}',
      'site/.factlintrc.json': '{"extends": ["../shared/base.yaml", "../shared/pkg/package.json"], "severity": {"mismatch": "error"}}',
    });
    const layers = chain(root, 'site/.factlintrc.json');
    assert.deepEqual(sources(layers, root), ['shared/strict.jsonc', 'shared/base.yaml', 'shared/pkg/package.json', 'site/.factlintrc.json']);
    const config = resolveConfig(layers);
    assert.equal(config.tolerance, 0.3, 'the extending file overrides what it extends');
    assert.deepEqual(config.severity, { ...DEFAULT_SEVERITY, mismatch: 'error', unverified: 'warning' }, 'severity merges verdict by verdict');
    assert.deepEqual(config.corpusDirs, [path.join(root, 'shared/sources')]);
    assert.deepEqual(config.languages, ['markdown']);
  });

  it('refuses a cycle, naming the files in it', () => {
    const root = tree({ 'a.json': '{"extends": "b.json"}', 'b.json': '{"extends": ["./c.json"]}', 'c.json': '{"extends": "a.json"}', 'self.json': '{"extends": "self.json"}' });
    const e = configError(() => chain(root, 'a.json'));
    assert.equal(e.message, `${path.join(root, 'c.json')}: "extends" makes a cycle: a.json → b.json → c.json → a.json`);
    assert.match(configError(() => chain(root, 'self.json')).message, /self\.json: "extends" makes a cycle: self\.json → self\.json$/);
  });

  it('names the extending file when an extended one is missing, and the broken file when one is broken', () => {
    const root = tree({ 'a.json': '{"extends": "gone.yaml"}', 'b.json': '{"extends": "bad.yaml"}', 'bad.yaml': 'tolerance: 7\n', 'c.json': '{"extends": "pkg/package.json"}', 'pkg/package.json': '{"name": "x"}' });
    assert.equal(configError(() => chain(root, 'a.json')).message, `${path.join(root, 'a.json')}: "extends": gone.yaml: no such file`);
    assert.equal(configError(() => chain(root, 'b.json')).message, `${path.join(root, 'bad.yaml')}: "tolerance" should be <= 1, got 7`);
    assert.equal(configError(() => chain(root, 'c.json')).message, `${path.join(root, 'pkg/package.json')}: has no "factlint" key`);
  });
});

describe('config precedence', () => {
  const file = (source: string, config: ConfigLayer['config']): ConfigLayer => ({ config, baseDir: path.dirname(source), source, fromFile: true });

  it('applies defaults, then the config files, then flags', () => {
    const docs = file('/repo/docs/.factlintrc.json', { corpus: ['../sources'], tolerance: 0.2, severity: { supported: 'off' }, ignores: ['old/**'] });
    assert.deepEqual(resolveConfig([docs]), {
      sources: ['/repo/docs/.factlintrc.json'],
      corpusDirs: ['/repo/sources'],
      corpusSources: new Map([['/repo/sources', '/repo/docs/.factlintrc.json']]),
      bundledCorpus: true,
      severity: { ...DEFAULT_SEVERITY, supported: 'off' },
      tolerance: 0.2,
      ignores: [{ patterns: ['old/**'], baseDir: '/repo/docs' }],
      languages: ['markdown', 'plaintext'],
    });
    const withFlags = resolveConfig([docs, { config: { corpus: ['extra'], tolerance: 0.05, bundledCorpus: false }, baseDir: '/cwd' }]);
    assert.deepEqual(withFlags.corpusDirs, ['/cwd/extra'], '--corpus replaces the files\' folders');
    assert.equal(withFlags.tolerance, 0.05);
    assert.equal(withFlags.bundledCorpus, false);
    assert.equal(withFlags.severity.supported, 'off');
  });

  it('merges a chain of files key by key', () => {
    const top = file('/repo/.factlintrc.json', { corpus: ['sources', 'shared'], bundledCorpus: false, severity: { mismatch: 'error' }, ignores: ['drafts/'], languages: ['markdown'], tolerance: 0.2 });
    const sub = file('/repo/site/.factlintrc.json', { corpus: ['local', '../shared'], severity: { unverified: 'off' }, ignores: ['*.wip.md'], languages: ['plaintext'] });
    const config = resolveConfig([top, sub]);
    assert.deepEqual(config.corpusDirs, ['/repo/sources', '/repo/shared', '/repo/site/local'], 'concatenated, without repeats');
    assert.equal(config.corpusSources.get('/repo/site/local'), '/repo/site/.factlintrc.json');
    assert.equal(config.bundledCorpus, false, 'a scalar the nearer file leaves alone stays');
    assert.equal(config.tolerance, 0.2);
    assert.deepEqual(config.severity, { mismatch: 'error', unverified: 'off', supported: 'hint' });
    assert.deepEqual(config.ignores, [{ patterns: ['drafts/'], baseDir: '/repo' }, { patterns: ['*.wip.md'], baseDir: '/repo/site' }]);
    assert.deepEqual(config.languages, ['plaintext'], 'a list of languages is replaced, so a folder can narrow it');
    assert.deepEqual(config.sources, ['/repo/.factlintrc.json', '/repo/site/.factlintrc.json']);
  });

  it('lets config files replace the editor settings\' corpus folders, and add to each other', () => {
    const settings: ConfigLayer = { config: { corpus: ['/home/me/sources'] }, baseDir: '/repo' };
    assert.deepEqual(resolveConfig([settings, file('/repo/.factlintrc.json', { corpus: ['a'] }), file('/repo/x/.factlintrc.json', { corpus: ['b'] })]).corpusDirs, ['/repo/a', '/repo/x/b']);
    assert.deepEqual(resolveConfig([settings, file('/repo/.factlintrc.json', { tolerance: 0 })]).corpusDirs, ['/home/me/sources']);
  });

  it('leaves the tolerance to the engine when nothing sets it', () => {
    assert.equal(resolveConfig([]).tolerance, undefined);
  });
});

describe('config ignores', () => {
  const config = resolveConfig([
    { config: { ignores: ['archive/', '*.wip.md', '!keep.wip.md', 'local/'] }, baseDir: '/repo/docs', source: '/repo/docs/.factlintrc.json', fromFile: true },
    { config: { ignores: ['!local/'] }, baseDir: '/repo/docs/b', source: '/repo/docs/b/.factlintrc.json', fromFile: true },
  ]);
  const cases: Array<[string, boolean]> = [
    ['/repo/docs/archive/old.md', true],
    ['/repo/docs/a/archive/old.md', true],
    ['/repo/docs/draft.wip.md', true],
    ['/repo/docs/keep.wip.md', false],
    ['/repo/docs/draft.md', false],
    ['/repo/other/archive/old.md', false],
    ['/repo/docs/a/local/x.md', true],
    ['/repo/docs/b/local/x.md', false],
  ];
  for (const [file, ignored] of cases)
    it(`${ignored ? 'ignores' : 'keeps'} ${file}, relative to the config file`, () => assert.equal(isIgnoredByConfig(config, file), ignored));

  it('matches a pattern ending in "/" against a folder', () => {
    assert.equal(isIgnoredByConfig(config, '/repo/docs/archive', true), true);
    assert.equal(isIgnoredByConfig(config, '/repo/docs/archive', false), false, 'a file called archive');
  });
});
