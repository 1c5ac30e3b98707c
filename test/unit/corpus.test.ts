import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine, FactlintError } from '../../server/src/engine';
import { CorpusIndex } from '../../server/src/engine/corpusIndex';
import { loadCorpus } from '../../server/src/engine/corpus';

const tmp = () => mkdtempSync(join(tmpdir(), 'factlint-corpus-'));

describe('corpus', () => {
  const docs = loadCorpus({});
  const index = CorpusIndex.build(docs, 0.1);

  it('bundles the five seed articles under their file stems, with manifest titles', () => {
    assert.deepEqual(docs.map((d) => d.id), ['000_923c8d1eb80eb53d', '001_fcd196b15caf8a00', '002_9dbb4dd399fc6acb', '003_fc85c1dbd36f727a', '004_11393bfa58f84c33']);
    const d4 = docs[4];
    assert.equal(d4.title, 'Path to World War III? North Korean Troops Fighting Ukraine is a NATO Nightmare');
    assert.equal(d4.author, 'Maya Carlin');
    assert.equal(d4.publication, 'The National Interest');
  });
  it('dates a document by an ISO date in its file name where no manifest does', () => {
    const dir = tmp();
    for (const name of ['03_2025-04-22_fares.txt', '2024-02-30-not-a-day.txt', 'plain.txt']) writeFileSync(join(dir, name), 'Fares rose 5%.');
    const dated = loadCorpus({ corpusDirs: [dir], bundledCorpus: false }).map((d) => [d.id, d.date]);
    assert.deepEqual(dated, [['03_2025-04-22_fares', '2025-04-22'], ['2024-02-30-not-a-day', undefined], ['plain', undefined]]);
  });
  it('indexes a repeated passage once', () => {
    const firstWave = index.facts('troops.firstWave').filter((f) => f.document.id.startsWith('003_'));
    assert.deepEqual(firstWave.map((f) => [f.figure.text, f.line]), [['1,500', 1], ['1,500', 8]]);
  });
  it('never takes evidence from author bios or link lists', () => {
    const all = index.measures.flatMap((m) => index.facts(m));
    assert.ok(all.length > 15);
    assert.ok(!all.some((f) => /articles|F-35|Carlin has/.test(f.excerpt)), 'a bio or vault line became a fact');
  });
  it('records where each fact stands, with the figure inside its excerpt', () => {
    const [f] = index.facts('corps.number').filter((x) => x.document.id.startsWith('004_'));
    assert.equal(f.line, 7);
    assert.equal(f.excerpt.slice(...f.excerptFigure), '11th');
    assert.equal(docs[4].text.split('\n')[f.line].slice(f.character, f.character + 4), '11th');
  });
  it('derives casualties from killed plus injured in one source', () => {
    const [c] = index.facts('nk.casualties');
    assert.deepEqual(c.parts?.map((p) => p.figure.text), ['100', '1,000']);
  });
  it('loads extra folders of .txt and .md files, ids from path stems', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'brief.md'), '# Briefing\n\nNorth Korea sent 4,000 engineers.\n');
    writeFileSync(join(dir, 'notes.txt'), 'Notes\n');
    writeFileSync(join(dir, 'image.png'), 'x');
    const engine = Engine.load({ bundledCorpus: false, corpusDirs: [dir] });
    assert.deepEqual(engine.documents.map((d) => [d.id, d.title]), [['brief', 'Briefing'], ['notes', 'Notes']]);
  });
  it('names the folder when it cannot be read', () => {
    assert.throws(() => Engine.load({ corpusDirs: ['/nonexistent/factlint'] }), (e: Error) => e instanceof FactlintError && /\/nonexistent\/factlint/.test(e.message));
  });
  it('names a corpus document that is not text', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'bad.txt'), Buffer.from([0x66, 0xff, 0xfe, 0x20]));
    assert.throws(() => Engine.load({ bundledCorpus: false, corpusDirs: [dir] }), /bad\.txt: not valid UTF-8/);
  });
  it('refuses two documents with one id', () => {
    const a = tmp();
    const b = tmp();
    mkdirSync(join(b, 'x'));
    writeFileSync(join(a, 'same.txt'), 'A');
    writeFileSync(join(b, 'same.md'), 'B');
    assert.throws(() => Engine.load({ bundledCorpus: false, corpusDirs: [a, b] }), /share the id "same"/);
  });
});
