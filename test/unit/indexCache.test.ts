import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { Engine } from '../../server/src/engine';
import { loadCorpus } from '../../server/src/engine/corpus';
import { CorpusIndex } from '../../server/src/engine/corpusIndex';
import { IndexCache, defaultCacheDir } from '../../server/src/engine/indexCache';
import { generateCorpus } from '../bench/corpus';

const draft = readFileSync(join(__dirname, '../../examples/draft.md'), 'utf8');

describe('persisted corpus index', () => {
  let corpus: string;
  const temps: string[] = [];
  const tmp = () => {
    const dir = mkdtempSync(join(tmpdir(), 'factlint-cache-'));
    temps.push(dir);
    return dir;
  };
  const options = (cacheDir?: string) => ({ corpusDirs: [corpus], cacheDir });
  const check = (engine: Engine) => engine.check(draft, { format: 'markdown' });
  /** Builds an index of the corpus through a cache in `dir`; how many documents it had to read. */
  const documentsRead = (dir: string) => {
    const cache = new IndexCache(dir);
    CorpusIndex.build(loadCorpus(options()), 0.1, cache.facts);
    cache.save();
    return cache.documentsRead;
  };

  before(() => {
    corpus = generateCorpus(20);
    temps.push(corpus);
  });
  after(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('gives the same findings from a warm cache as from reading the corpus', () => {
    const dir = tmp();
    const uncached = check(Engine.load(options()));
    assert.deepEqual(check(Engine.load(options(dir))), uncached);
    assert.ok(readdirSync(dir).some((f) => /^index-.*\.bin$/.test(f)), 'no cache file was written');
    assert.equal(documentsRead(dir), 0);
    assert.deepEqual(check(Engine.load(options(dir))), uncached);
    assert.ok(uncached.some((f) => f.evidence.some((e) => e.path.startsWith(corpus))), 'the generated corpus gave no evidence');
  });

  it('re-reads only a document that changed', () => {
    const dir = tmp();
    assert.equal(documentsRead(dir), 20 + 5);
    const file = join(corpus, readdirSync(corpus).sort()[3]);
    const before = readFileSync(file, 'utf8');
    try {
      writeFileSync(file, `${before}\nThe ministry said 7,777 workers were sent.\n`);
      assert.equal(documentsRead(dir), 1);
      assert.deepEqual(check(Engine.load(options(dir))), check(Engine.load(options())));
      assert.equal(documentsRead(dir), 0);
    } finally {
      writeFileSync(file, before);
    }
  });

  it('ignores a damaged cache file, and replaces it', () => {
    const dir = tmp();
    documentsRead(dir);
    const uncached = check(Engine.load(options()));
    for (const damage of [(b: Buffer) => b.subarray(0, b.length >> 1), () => Buffer.from('not a cache'), () => Buffer.alloc(0)]) {
      for (const f of readdirSync(dir)) writeFileSync(join(dir, f), damage(readFileSync(join(dir, f))));
      assert.deepEqual(check(Engine.load(options(dir))), uncached);
      assert.equal(documentsRead(dir), 0);
    }
  });

  it('never reads a cache another engine wrote', () => {
    const dir = tmp();
    documentsRead(dir);
    for (const f of readdirSync(dir)) writeFileSync(join(dir, f), serialize({ ...deserialize(readFileSync(join(dir, f))), engine: 'another engine' }));
    assert.equal(documentsRead(dir), 25);
  });

  it('keeps its files under XDG_CACHE_HOME when that is set', () => {
    assert.equal(defaultCacheDir({ XDG_CACHE_HOME: '/var/cache/me' }), join('/var/cache/me', 'factlint'));
    // A relative XDG_CACHE_HOME is invalid by the XDG spec and is ignored.
    assert.notEqual(defaultCacheDir({ XDG_CACHE_HOME: 'rel' }), join('rel', 'factlint'));
  });
});
